"""One report at a time per output folder: an exclusive lock on ``OUT/.presslens.lock``.

The lock is an ``flock`` held on an open file, so the operating system drops it when the process
that holds it ends, however it ends: a crashed or killed run never leaves a lock that blocks the
next one. The file itself stays (removing it would let two runs lock two different files); it holds
the pid of the run that has the lock, which the message of a refused run names. POSIX only (Linux,
macOS), like ``fcntl``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".presslens.lock"


class FolderLocked(RuntimeError):
    """Another process holds the lock of the folder."""

    def __init__(self, folder: Path, holder: str):
        self.folder, self.holder = folder, holder
        super().__init__(f"{folder} is locked by another process (pid {holder or 'unknown'})")


@contextlib.contextmanager
def folder_lock(folder: str | os.PathLike) -> Iterator[Path]:
    """Hold the exclusive lock of ``folder`` (created if needed) for the ``with`` block.

    Yields the lock file's path.

    Raises
    ------
    FolderLocked
        At once, without waiting, when another process holds the lock.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    with open(path, "a+", encoding="utf-8") as handle:  # "a+": never truncate the holder's pid before locking
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise FolderLocked(folder, handle.read().strip()) from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path  # closing the file on the way out releases the lock
