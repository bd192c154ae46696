"""One article at a glance: its key sentences and the slice of every corpus table that belongs to it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.corpus import Corpus
from presslens.text import content_mask


def check_article(corpus: Corpus, doc_id: str) -> None:
    """Raise ``ValueError`` naming a few valid doc_ids when ``doc_id`` is not in the corpus."""
    if doc_id not in set(corpus.doc_ids):
        examples = ", ".join(sorted(corpus.doc_ids)[:5])
        raise ValueError(f"no article {doc_id!r} in {corpus.root}; doc_ids look like: {examples}")


def key_sentences(terms: pd.DataFrame, corpus: Corpus, doc_id: str, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` sentences that carry most of an article's distinctive vocabulary, in reading order.

    Each sentence scores the sum, over its distinct terms, of the term's weight in the article —
    count × smoothed inverse document frequency, log((1 + N) / (1 + df)) + 1 — divided by the square
    root of its number of terms, so long sentences do not win by length alone.

    Returns
    -------
    DataFrame
        ``doc_id, sentence, score, text``.
    """
    check_article(corpus, doc_id)
    counted = terms[content_mask(terms)]
    n_articles = counted["doc_id"].nunique()
    document_frequency = counted.groupby("lemma")["doc_id"].nunique()
    mine = counted[counted["doc_id"] == doc_id]
    if mine.empty:
        return pd.DataFrame(columns=["doc_id", "sentence", "score", "text"])
    idf = np.log((1 + n_articles) / (1 + document_frequency)) + 1
    weight = mine.groupby("lemma").size() * idf.reindex(mine["lemma"].unique())
    distinct = mine.drop_duplicates(["sentence", "lemma"])
    scores = distinct.assign(weight=distinct["lemma"].map(weight)).groupby("sentence")["weight"].agg(["sum", "size"])
    scores["score"] = scores["sum"] / np.sqrt(scores["size"])
    top = scores.nlargest(n, "score").sort_index()
    article = corpus[doc_id]
    texts = [article.text[article.sentence_spans[number][1]:article.sentence_spans[number][2]] for number in top.index]
    return pd.DataFrame({"doc_id": doc_id, "sentence": top.index, "score": top["score"].to_numpy(), "text": texts})
