"""Readers: one module per kind of file, each turning a file into drafts of articles.

:func:`read_file` picks the reader from the file's content as much as from its extension — a ``.txt``
may be a plain article, a saved page or a Factiva export; an ``.html`` a web page or a LexisNexis
export; a ``.docx``, ``.rtf`` or ``.pdf`` one article or a Nexis export. Archives are read as the
folders they hold. Every file is read within the :class:`~presslens.corpus.limits.Limits`. Adding a
kind of file is adding a module and a line to :data:`TEXT_READERS` (text) or to :func:`read_bytes`.
"""

from __future__ import annotations

import functools
import gzip
import io
import zlib
from collections.abc import Callable
from pathlib import Path

from presslens.corpus.decode import decode_bytes
from presslens.corpus.files import file_suffix, printable, read_error, reason_not_to_read, relative_name
from presslens.corpus.limits import LimitExceeded, Limits, time_limit
from presslens.corpus.model import Draft, Notice, SkippedFile
from presslens.corpus.readers import archives, documents, factiva, html, nexis, pdf, tables, text
from presslens.corpus.readers.archives import FileResult
from presslens.corpus.readers.tables import Columns

TextReader = Callable[[str, str, str], tuple[list[Draft], list[SkippedFile]]]

#: Readers of decoded text, each with the test that recognises its files; the first that matches reads.
TEXT_READERS: list[tuple[Callable[[str], bool], TextReader]] = [
    (factiva.looks_like_factiva_text, factiva.read_factiva_text),
    (nexis.looks_like_nexis_text, nexis.read_nexis_text),
    (nexis.looks_like_nexis_uni_text, nexis.read_nexis_uni_text),
    (factiva.looks_like_factiva_html, factiva.read_factiva_html),
    (nexis.looks_like_nexis_html, nexis.read_nexis_html),
    (html.looks_like_html, html.read_html),
    (lambda _: True, text.read_text),
]
WEB_SUFFIXES = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"}
SUFFIXES = {".txt", ".text"} | WEB_SUFFIXES | tables.SUFFIXES | documents.SUFFIXES | pdf.SUFFIXES | archives.SUFFIXES
DEFAULT_LIMITS = Limits()


def read_file(file: Path, root: Path, columns: Columns, *, limits: Limits = DEFAULT_LIMITS) -> FileResult:
    """Read one file of a corpus into drafts, skipped entries and notices. Never raises.

    A file whose reading passes one of the ``limits`` (an archive part too large or compressed too
    much, a file read for too long) is skipped with the reason.
    """
    relative = relative_name(file, root)
    reason = reason_not_to_read(file, relative, SUFFIXES)
    if reason:
        return [], [SkippedFile(printable(relative), reason)], []
    try:
        raw = file.read_bytes()
    except OSError as error:
        return [], [SkippedFile(relative, read_error(error))], []
    try:
        with time_limit(limits.seconds_per_file, relative):
            return read_bytes(raw, relative, columns, limits=limits)
    except LimitExceeded as error:
        return [], [SkippedFile(relative, str(error))], []


def read_bytes(raw: bytes, relative: str, columns: Columns, *, limits: Limits = DEFAULT_LIMITS) -> FileResult:
    """Read the content of a file named ``relative`` (in the corpus, or in an archive), by its type and content."""
    suffix = file_suffix(Path(relative))
    try:
        if suffix in archives.SUFFIXES:
            read_member = functools.partial(_read_member, columns=columns, limits=limits)
            return archives.read_archive(raw, relative, read_member, suffixes=SUFFIXES, limits=limits)
        if suffix in tables.SUFFIXES:
            return (*tables.read_table(raw, relative, columns, limits=limits), [])
        if suffix in documents.SUFFIXES:
            return (*documents.read_document(raw, relative, limits=limits), [])
        if suffix in pdf.SUFFIXES:
            return (*pdf.read_pdf(raw, relative), [])
        if suffix.endswith(".gz"):
            raw = _gunzip(raw, limits)
    except LimitExceeded as error:
        return [], [SkippedFile(relative, str(error))], []
    except (EOFError, zlib.error, ValueError) as error:
        return [], [SkippedFile(relative, f"cannot decompress: {error}; check the download")], []
    return read_text_bytes(raw, relative)


def _read_member(content: bytes, relative: str, *, columns: Columns, limits: Limits) -> FileResult:
    return read_bytes(content, relative, columns, limits=limits)


def read_text_bytes(raw: bytes, relative: str) -> FileResult:
    """Decode a text file and hand it to the first reader that recognises its content."""
    try:
        decoded, encoding = decode_bytes(raw)
    except UnicodeError as error:
        return [], [SkippedFile(relative, str(error))], []
    notices = []
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        notices.append(Notice(relative, f"not UTF-8: read as {encoding}; check its accents and symbols"))
    reader = next(read for recognises, read in TEXT_READERS if recognises(decoded))
    drafts, skipped = reader(decoded, relative, encoding)
    return drafts, skipped, notices


def _gunzip(raw: bytes, limits: Limits) -> bytes:
    """The content of a gzipped file, refused when it would inflate past the limits."""
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        content = stream.read(limits.max_part_bytes + 1)
    limits.check_part("the gzipped file", len(content), len(raw))
    return content
