"""The corpus as tables: articles, paragraphs, sentences, files, and what loading removed or skipped."""

from __future__ import annotations

import pandas as pd

from typing import Literal

from presslens.corpus.model import Corpus, count_words
from presslens.deprecation import former_keywords

Period = Literal["week", "month", "quarter", "year"]
#: pandas period codes; a period is named by its first day (weeks start on Monday).
PERIODS = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}

ARTICLE_COLUMNS = ["doc_id", "title", "date", "source", "language", "byline", "section", "url", "n_words", "n_paragraphs",
                   "n_sentences", "n_removed", "reader", "encoding", "document_id", "path"]


def articles_table(corpus: Corpus, *, with_text: bool = False) -> pd.DataFrame:
    """One row per article: ``doc_id, title, date, source, byline, …, n_words, …, reader, path`` (and ``text``).

    ``text`` is the cleaned text, paragraphs separated by blank lines.
    """
    rows = [
        {
            "doc_id": a.doc_id, "title": a.title, "date": a.date, "source": a.source, "language": a.language, "byline": a.byline,
            "section": a.section, "url": a.url, "n_words": a.n_words, "n_paragraphs": len(a.paragraph_spans),
            "n_sentences": len(a.sentence_spans), "n_removed": len(a.removed), "reader": a.reader,
            "encoding": a.encoding, "document_id": a.document_id, "path": a.path,
            **({"text": a.text} if with_text else {}),
        }
        for a in corpus
    ]
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS + (["text"] if with_text else []))


def languages_table(corpus: Corpus) -> pd.DataFrame:
    """Articles and words per language: ``language, name, n_articles, n_words, tools``, most articles first.

    ``tools`` says how the language is read: ``own`` (its own words, lemmas and stopwords) or ``generic``
    (words between spaces and punctuation, no lemmas, no stopwords: counts of inflected forms apart).
    """
    from presslens.languages import language_name, language_tools

    table = pd.DataFrame({"language": [a.language for a in corpus], "words": [a.n_words for a in corpus]})
    table = table.groupby("language").agg(n_articles=("words", "size"), n_words=("words", "sum")).reset_index()
    table.insert(1, "name", table["language"].map(language_name))
    table["tools"] = ["own" if language_tools(code).own_tools else "generic" for code in table["language"]]
    return table.sort_values(["n_articles", "language"], ascending=[False, True], ignore_index=True)


@former_keywords(by="period")
def article_periods(articles: pd.DataFrame, period: Period) -> pd.Series:
    """The period (its first day) of every dated article of an :func:`articles_table`, indexed by ``doc_id``."""
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    dates = pd.to_datetime(articles.set_index(articles["doc_id"].astype(str))["date"], errors="coerce").dropna()
    return dates.dt.to_period(PERIODS[period]).dt.to_timestamp()


def period_sizes(articles: pd.DataFrame, periods: pd.Series) -> pd.DataFrame:
    """Words and articles of each period (``words``, ``n_articles``, indexed by period), from an articles
    table and the :func:`article_periods` of its dated articles."""
    dated = articles.assign(period=articles["doc_id"].astype(str).map(periods)).dropna(subset=["period"])
    return dated.groupby("period").agg(words=("n_words", "sum"), n_articles=("doc_id", "size"))


def paragraphs_table(corpus: Corpus) -> pd.DataFrame:
    """One row per paragraph: ``doc_id, paragraph, start, end, text``."""
    rows = [
        (a.doc_id, number, start, end, a.text[start:end])
        for a in corpus
        for number, (start, end) in enumerate(a.paragraph_spans)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "start", "end", "text"])


def sentences_table(corpus: Corpus) -> pd.DataFrame:
    """One row per sentence: ``doc_id, paragraph, sentence, start, end, text``."""
    rows = [
        (a.doc_id, paragraph, number, start, end, a.text[start:end])
        for a in corpus
        for number, (paragraph, start, end) in enumerate(a.sentence_spans)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "sentence", "start", "end", "text"])


def removals_table(corpus: Corpus) -> pd.DataFrame:
    """What cleaning removed, and why: ``doc_id, kind, text, files`` (files: for site chrome, how many carry it)."""
    rows = [(a.doc_id, r.kind, r.text, r.files) for a in corpus for r in a.removed]
    return pd.DataFrame(rows, columns=["doc_id", "kind", "text", "files"])


def removal_counts(corpus: Corpus) -> pd.DataFrame:
    """Removals by kind: ``kind, removals, articles, words, example`` — the audit of a large corpus at a glance."""
    removed = removals_table(corpus)
    if removed.empty:
        return pd.DataFrame(columns=["kind", "removals", "articles", "words", "example"])
    removed = removed.assign(words=removed.text.map(count_words))
    counts = removed.groupby("kind", sort=False).agg(
        removals=("text", "size"), articles=("doc_id", "nunique"), words=("words", "sum"),
        example=("text", lambda texts: texts.value_counts().index[0]),
    )
    return counts.sort_values("words", ascending=False).reset_index()


def skipped_table(corpus: Corpus) -> pd.DataFrame:
    """Files (or table rows, or articles of an export) not loaded, with the reason: ``path, reason``."""
    return pd.DataFrame([(s.path, s.reason) for s in corpus.skipped], columns=["path", "reason"])


def notices_table(corpus: Corpus) -> pd.DataFrame:
    """Loaded files a researcher should double-check: ``path, message``."""
    return pd.DataFrame([(n.path, n.message) for n in corpus.notices], columns=["path", "message"])


def files_table(corpus: Corpus) -> pd.DataFrame:
    """One row per file read: ``path, reader, articles, skipped`` — what each file gave.

    ``skipped`` counts the file itself when nothing of it was read, or its entries (rows, articles of
    an export) that were not.
    """
    files: dict[str, dict] = {}
    for article in corpus:
        row = files.setdefault(article.path, {"path": article.path, "reader": article.reader, "articles": 0, "skipped": 0})
        row["articles"] += 1
    for item in corpus.skipped:
        path = item.path.split(" (", 1)[0] if item.path.endswith(")") else item.path
        row = files.setdefault(path, {"path": path, "reader": "", "articles": 0, "skipped": 0})
        row["skipped"] += 1
    table = pd.DataFrame(list(files.values()), columns=["path", "reader", "articles", "skipped"])
    return table.sort_values("path", kind="stable").reset_index(drop=True)
