"""The documents presslens works on: drafts as readers give them, cleaned articles, and the corpus."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presslens.languages.base import WORD


def natural_key(text: str) -> list:
    """A sort key for doc_ids that puts ``pakistan/2`` before ``pakistan/10``."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


def count_words(text: str) -> int:
    """Number of words of ``text`` (:data:`WORD`): the tokens :func:`presslens.text.tokens_table` makes of it."""
    return len(WORD.findall(text))


@dataclass(frozen=True)
class Removal:
    """A piece of text that cleaning took out of an article, and why (for site chrome: in how many files it recurs)."""

    kind: str
    text: str
    files: int = 0


@dataclass(frozen=True)
class SkippedFile:
    """A file, or an entry of a file (a table row, an article of an export), that could not be loaded."""

    path: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """Something a researcher should know about a loaded file (for example, its encoding)."""

    path: str
    message: str


@dataclass
class Draft:
    """An article as a reader found it: its blocks of text and the metadata the file states.

    ``title`` empty means the reader does not know it: the first block is the headline. Cleaning
    turns a draft into an :class:`Article`.
    """

    doc_id: str
    path: str
    reader: str
    blocks: list[str]
    title: str = ""
    date: str = ""
    source: str = ""
    byline: str = ""
    url: str = ""
    section: str = ""
    document_id: str = ""  # the database's own id of an exported article
    encoding: str = "utf-8"
    language: str = ""  # ISO 639-1 code the file states (a table's column, a chosen override); "" to detect
    removed: list[Removal] = field(default_factory=list)


@dataclass
class Article:
    """One cleaned article.

    ``text`` is the paragraphs joined by blank lines, the headline first when the article has one
    (``headline_in_text``); every offset (paragraphs, sentences, and the mentions found later) points
    into it.
    """

    doc_id: str
    path: str
    title: str
    date: str
    source: str
    text: str
    paragraph_spans: list[tuple[int, int]]
    sentence_spans: list[tuple[int, int, int]]  # (paragraph, start, end)
    removed: list[Removal] = field(default_factory=list)
    encoding: str = "utf-8"
    reader: str = "text"
    byline: str = ""
    url: str = ""
    section: str = ""
    document_id: str = ""
    headline_in_text: bool = False
    language: str = "en"  # ISO 639-1 code: which language's tools read the article (:mod:`presslens.languages`)
    n_words: int | None = None  # words of ``text`` (:func:`count_words`), counted when the article is made

    def __post_init__(self):
        if self.n_words is None:
            self.n_words = count_words(self.text)

    @property
    def paragraphs(self) -> list[str]:
        return [self.text[start:end] for start, end in self.paragraph_spans]

    @property
    def body_paragraphs(self) -> list[str]:
        """The paragraphs after the headline."""
        return self.paragraphs[1:] if self.headline_in_text else self.paragraphs

    @property
    def sentences(self) -> list[str]:
        return [self.text[start:end] for _, start, end in self.sentence_spans]


@dataclass
class Corpus:
    """The articles of a folder (or of one file), plus what was skipped and what to know about the rest."""

    root: str
    articles: list[Article]
    skipped: list[SkippedFile] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self):
        return iter(self.articles)

    def __getitem__(self, doc_id: str) -> Article:
        for article in self.articles:
            if article.doc_id == doc_id:
                return article
        raise KeyError(f"no article with doc_id {doc_id!r} in {self.root}")

    @property
    def doc_ids(self) -> list[str]:
        return [article.doc_id for article in self.articles]

    def select(self, doc_ids) -> "Corpus":
        """A corpus of only these articles (same root; nothing skipped)."""
        wanted = set(doc_ids)
        return Corpus(root=self.root, articles=[a for a in self.articles if a.doc_id in wanted])
