"""Archives (``.zip``, ``.tar``, ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tar.xz``) read as the folders they hold.

An article of ``news.zip`` is named by its place inside (doc_id ``news.zip/politics/001``). Every file
inside is read by the reader of its kind; sizes and compression ratios are checked against the
:class:`~presslens.corpus.limits.Limits` before anything is inflated, and an archive inside an archive
is not opened.
"""

from __future__ import annotations

import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from presslens.corpus.files import file_suffix, reason_in_name
from presslens.corpus.limits import LimitExceeded, Limits, checked_zip, tar_members
from presslens.corpus.model import Draft, Notice, SkippedFile

SUFFIXES = {".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz"}
FileResult = tuple[list[Draft], list[SkippedFile], list[Notice]]


def read_archive(raw: bytes, relative: str, read_member: Callable[[bytes, str], FileResult], *, suffixes: set[str],
                 limits: Limits) -> FileResult:
    """Every file of an archive, each read by ``read_member(content, name)`` as if it were in a folder
    ``relative``; files of other types (``suffixes`` are read) are listed as skipped."""
    drafts, skipped, notices = [], [], []
    try:
        for name, content in _members(raw, relative, limits):
            inner = f"{relative}/{name}"
            reason = reason_in_name(name, suffixes)
            if reason is None and file_suffix(Path(name)) in SUFFIXES:
                reason = "an archive inside an archive: unpack it and read the folder"
            if reason is None and not content:
                reason = "empty file"
            if reason:
                skipped.append(SkippedFile(inner, reason))
                continue
            file_drafts, file_skipped, file_notices = read_member(content, inner)
            drafts += file_drafts
            skipped += file_skipped
            notices += file_notices
    except LimitExceeded as error:
        return [], [SkippedFile(relative, str(error))], []
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as error:
        return [], [SkippedFile(relative, f"cannot open the archive ({error}): check the download")], []
    return drafts, skipped, notices


def _members(raw: bytes, relative: str, limits: Limits) -> Iterator[tuple[str, bytes]]:
    """(name, content) of the files of the archive, in the archive's order."""
    if file_suffix(Path(relative)) != ".zip":
        yield from tar_members(raw, limits)
        return
    with checked_zip(raw, limits) as archive:
        for member in archive.infolist():
            if not member.is_dir():
                yield member.filename, archive.read(member)
