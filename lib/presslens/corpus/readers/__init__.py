"""Readers: one module per kind of file, each turning a file into drafts of articles.

:func:`read_file` picks the reader from the file's content as much as from its extension — a ``.txt``
may be a plain article, a saved page or a Factiva export; an ``.html`` a web page or a LexisNexis
export. Adding a kind of file is adding a module and a line to :data:`TEXT_READERS`.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from pathlib import Path

from presslens.corpus.decode import decode_bytes
from presslens.corpus.files import MAX_FILE_BYTES, file_suffix, printable, read_error, reason_not_to_read, relative_name
from presslens.corpus.model import Draft, Notice, SkippedFile
from presslens.corpus.readers import factiva, html, nexis, tables, text
from presslens.corpus.readers.tables import Columns

FileResult = tuple[list[Draft], list[SkippedFile], list[Notice]]
TextReader = Callable[[str, str, str], tuple[list[Draft], list[SkippedFile]]]

#: Readers of decoded text, each with the test that recognises its files; the first that matches reads.
TEXT_READERS: list[tuple[Callable[[str], bool], TextReader]] = [
    (factiva.looks_like_factiva_text, factiva.read_factiva_text),
    (nexis.looks_like_nexis_text, nexis.read_nexis_text),
    (factiva.looks_like_factiva_html, factiva.read_factiva_html),
    (nexis.looks_like_nexis_html, nexis.read_nexis_html),
    (html.looks_like_html, html.read_html),
    (lambda _: True, text.read_text),
]
WEB_SUFFIXES = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"}
SUFFIXES = {".txt", ".text", ".docx"} | WEB_SUFFIXES | tables.SUFFIXES


def read_file(file: Path, root: Path, columns: Columns) -> FileResult:
    """Read one file of a corpus into drafts, skipped entries and notices. Never raises."""
    relative = relative_name(file, root)
    reason = reason_not_to_read(file, relative, SUFFIXES)
    if reason:
        return [], [SkippedFile(printable(relative), reason)], []
    suffix = file_suffix(file)
    try:
        if suffix in tables.SUFFIXES:
            drafts, skipped = tables.read_table(file, relative, columns)
            return drafts, skipped, []
        raw = file.read_bytes()
        if suffix.endswith(".gz"):
            raw = _gunzip(raw)
        if suffix == ".docx":
            drafts, skipped = nexis.read_nexis_docx(raw, relative)
            return drafts, skipped, []
    except OSError as error:
        return [], [SkippedFile(relative, read_error(error))], []
    except (EOFError, zlib.error, ValueError) as error:
        return [], [SkippedFile(relative, f"cannot decompress: {error}; check the download")], []
    return read_text_bytes(raw, relative)


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


def _gunzip(raw: bytes) -> bytes:
    """The content of a gzipped file, refusing one that unpacks beyond the file size limit."""
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        content = stream.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise ValueError(f"it unpacks to more than {MAX_FILE_BYTES // 2**20} MB")
    return content
