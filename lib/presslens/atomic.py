"""Write files so that a reader never sees half of one: write a temporary file, then rename it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike):
    """Yield a temporary path beside ``target``; on success rename it onto ``target``, else remove it."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    os.close(handle)
    os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes files private; give them the usual mode
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def write_text_atomic(target: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` atomically."""
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_by_suffix(target: str | os.PathLike, writers: dict[str, Callable[[Path], object]], *, what: str) -> Path:
    """Write ``target`` atomically with the writer its extension names (``{".csv": write_csv, …}``).

    Raises
    ------
    ValueError
        When the extension has no writer; the message lists the ones that do.
    """
    target = Path(target)
    writer = writers.get(target.suffix.lower())
    if writer is None:
        raise ValueError(f"cannot write {what} to {target.name}: use a file name ending in {', '.join(writers)}")
    with atomic_path(target) as temporary:
        writer(temporary)
    return target
