"""Which files of a corpus are read, and why the others are not."""

from __future__ import annotations

import re
import stat
import unicodedata
from pathlib import Path

from presslens.errors import CorpusNotFound

#: Files larger than this are not read at all (a table or an export of many articles can be large, but not this large).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Files that describe a data set rather than hold its articles (a README, its licence, where it came from, how to cite it).
_DOCUMENTATION_FILE = re.compile(
    r"^(readme|license|licence|copying|changelog|changes|citation|authors|contributing|notice|manifest|source)(\.\w+)?$",
    re.IGNORECASE,
)


def corpus_files(root: Path) -> list[Path]:
    """The files of a corpus: every file under a folder (recursively), or the one file given.

    Raises
    ------
    CorpusNotFound
        When ``root`` does not exist.
    """
    if not root.exists():
        raise CorpusNotFound(f"corpus not found: {root} — pass the folder (or the file) that holds your articles")
    if not root.is_dir():
        return [root]
    return sorted(p for p in root.rglob("*") if not p.is_dir())


def relative_name(file: Path, root: Path) -> str:
    """A file's name inside the corpus (``business/001.txt``); a corpus that is one file is named by it."""
    return file.name if file == root else file.relative_to(root).as_posix()


def reason_not_to_read(file: Path, relative: str, suffixes: set[str]) -> str | None:
    """Why a file is not read at all — its name, kind, type or size — or None when it is read."""
    if any("\udc80" <= ch <= "\udcff" for ch in relative):
        return "file name is not valid UTF-8: rename it (for example with `convmv -f latin1 -t utf8`)"
    if any(unicodedata.category(ch) == "Cc" for ch in relative):
        return "file name contains a control character (such as a newline or tab): rename it"
    if any(part.startswith(".") for part in relative.split("/")):
        return "hidden file: not read as an article"
    if _DOCUMENTATION_FILE.match(file.name):
        return "documentation file, not an article"
    suffix = file_suffix(file)
    if suffix not in suffixes:
        kinds = ", ".join(sorted(suffixes))
        return f"unsupported file type {suffix or '(none)'}: presslens reads {kinds}"
    try:
        status = file.stat()
    except OSError as error:
        return read_error(error)
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file (a pipe, socket or device): not read"
    if status.st_size == 0:
        return "empty file"
    if status.st_size > MAX_FILE_BYTES:
        return f"file too large ({status.st_size / 2**20:,.0f} MB): split it into files of at most {MAX_FILE_BYTES // 2**20} MB"
    return None


def file_suffix(file: Path) -> str:
    """The lower-case extension, with a compression extension kept (``.html.gz``)."""
    suffixes = [s.lower() for s in file.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] == ".gz":
        return "".join(suffixes)
    return file.suffix.lower()


def read_error(error: OSError) -> str:
    """Why a file could not be read, in words."""
    if isinstance(error, FileNotFoundError):
        return "file not found when read: removed while the corpus was loading, or a link to a missing file"
    return f"cannot read file: {error.strerror or error}"


def printable(name: str) -> str:
    """``name`` with undecodable bytes and control characters shown as U+FFFD."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in name)


def doc_id_for(relative: str) -> str:
    """The doc_id of a file: its name inside the corpus without extension (``business/001``)."""
    suffix = file_suffix(Path(relative))
    return relative[: len(relative) - len(suffix)] if suffix else relative


def inside_corpus(out: Path, corpus: Path) -> bool:
    """Whether writing to ``out`` would write into the corpus at ``corpus`` (both resolved paths): presslens
    never writes into a corpus."""
    return out == corpus or (corpus.is_dir() and corpus in out.parents)
