"""Plain text: one article per file, its first line the headline (or a whole saved page, see :mod:`..pages`)."""

from __future__ import annotations

from presslens.corpus.decode import check_plain_text
from presslens.corpus.files import doc_id_for
from presslens.corpus.layout import text_blocks
from presslens.corpus.model import Draft, SkippedFile

NAME = "text"


def read_text(text: str, relative: str, encoding: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The one draft of a text file, or the file skipped with the reason."""
    problem = check_plain_text(text)
    blocks = text_blocks(text) if not problem else []
    if not blocks:
        return [], [SkippedFile(relative, problem or "no article text in the file")]
    return [Draft(doc_id=doc_id_for(relative), path=relative, reader=NAME, blocks=blocks, encoding=encoding)], []
