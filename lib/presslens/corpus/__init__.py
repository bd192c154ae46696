"""Reading a corpus faithfully: files to drafts (readers), drafts to clean articles, articles to tables.

The steps, one module each: :mod:`~.files` (which files), :mod:`~.readers` (one module per kind of
file), :mod:`~.chrome` (what a site repeats on every page), :mod:`~.pages` (the article inside a saved
page), :mod:`~.metadata` (dates, sources, bylines as stated), :mod:`~.cleaning` (boilerplate and
repeats), :mod:`~.layout` (paragraphs and sentences), :mod:`~.store` (work done once), :mod:`~.load`
(the whole pass) and :mod:`~.tables`.
"""

from presslens.corpus.cleaning import article_from_text
from presslens.corpus.decode import MAX_ARTICLE_CHARS, check_plain_text, decode_bytes
from presslens.corpus.files import CorpusNotFound
from presslens.corpus.load import load_corpus
from presslens.corpus.metadata import normalize_date
from presslens.corpus.model import Article, Corpus, Draft, Notice, Removal, SkippedFile, count_words
from presslens.corpus.readers.tables import Columns
from presslens.corpus.tables import (
    article_periods,
    articles_table,
    files_table,
    languages_table,
    notices_table,
    paragraphs_table,
    removal_counts,
    removals_table,
    sentences_table,
    skipped_table,
)

__all__ = [
    "MAX_ARTICLE_CHARS", "Article", "Columns", "Corpus", "CorpusNotFound", "Draft", "Notice", "Removal", "SkippedFile",
    "article_from_text", "article_periods", "articles_table", "check_plain_text", "count_words", "decode_bytes", "files_table", "languages_table", "load_corpus",
    "normalize_date", "notices_table", "paragraphs_table", "removal_counts", "removals_table", "sentences_table", "skipped_table",
]
