"""One article at a glance: its header, distinctive terms, key sentences, actors and their network, themes,
quotations.

:func:`article_profiles` computes the corpus-wide tables once (terms, TF-IDF, mentions, theme
evidence, quotations) and gives each article's slice of them; notebook ``05`` shows one profile cell by cell, and
a report renders a page per article from the same profiles, so both show the same content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from presslens.actors import actors_table, corpus_actors, mentions_table
from presslens.chunks import remembered, token_chunks
from presslens.cooccurrence import cooccurrence_evidence, cooccurrence_table
from presslens.corpus import Article, Corpus
from presslens.counts import DocumentFrequencies, document_frequencies
from presslens.deprecation import corpus_then_table, former_keywords
from presslens.frequency import tfidf_table
from presslens.lexicon import load_lexicon
from presslens.measures import idf
from presslens.network import build_network, centrality_table, layout_network
from presslens.phrases import find_phrases, merge_phrases
from presslens.quotes import quotes_table
from presslens.text import content_mask, tokens_table
from presslens.themes import evidence_sentences, match_themes, score_themes

if TYPE_CHECKING:
    from presslens.execution import Execution

KEY_SENTENCE_COLUMNS = ["doc_id", "sentence", "score", "text"]
#: What an article profile shows of each quotation, in the order the article gives them.
PROFILE_QUOTE_COLUMNS = ["speaker_actor", "speaker", "kind", "quote", "cue", "sentence"]


@dataclass
class ArticleProfile:
    """An article and its slice of every corpus table."""

    article: Article
    distinctive: pd.DataFrame  # rank, term, count, tfidf
    key_sentences: pd.DataFrame  # sentence, score, text
    actors: pd.DataFrame  # actor, type, mentions
    network: nx.Graph  # actors named in one sentence, with the evidence on every edge
    layout: dict[str, tuple[float, float]]  # where each actor of the network is drawn
    centrality: pd.DataFrame  # the network's actors: degree, betweenness, community…
    themes: pd.DataFrame  # rank, label, score, share, n_matches, matched_terms
    evidence: pd.DataFrame  # the theme evidence sentences (see presslens.themes.evidence_sentences)
    quotations: pd.DataFrame  # speaker_actor, speaker, kind, quote, cue, sentence (see presslens.quotes)


def check_article(corpus: Corpus, doc_id: str) -> None:
    """Raise ``ValueError`` naming a few valid doc_ids when ``doc_id`` is not in the corpus."""
    if doc_id not in set(corpus.doc_ids):
        examples = ", ".join(sorted(corpus.doc_ids)[:5])
        raise ValueError(f"no article {doc_id!r} in {corpus.root}; doc_ids look like: {examples}")


def article_profiles(
    corpus: Corpus,
    doc_ids: list[str] | None = None,
    *,
    top_n: int = 10,
    n_sentences: int = 5,
    gazetteer: str | None = None,
    lexicon: str | None = None,
    corrections: str | None = None,
    execution: Execution | None = None,
) -> Iterator[ArticleProfile]:
    """The profiles of ``doc_ids`` (default: every article), the corpus tables computed once.

    ``top_n`` distinctive terms and ``2 × top_n`` actors are kept per article, ``n_sentences`` key
    sentences; ``gazetteer`` and ``lexicon`` extend the built-in actors and themes, ``corrections`` (a
    file) merges, renames, retypes and drops actors (speakers included); ``execution``
    computes the tokens, mentions and quotations once (:mod:`presslens.execution`).
    """
    if doc_ids is not None and not doc_ids:
        return
    for doc_id in doc_ids or []:
        check_article(corpus, doc_id)
    # Terms are weighed against the whole corpus, read a chunk at a time, but merged only for the profiled
    # articles; the corpus's phrases and document frequencies are kept in the cache for every later profile.
    all_tokens = token_chunks(corpus, execution=execution)
    phrases = remembered(all_tokens, find_phrases)
    profiled = corpus if doc_ids is None else corpus.select(doc_ids)
    tokens = tokens_table(profiled, execution=execution)
    terms = merge_phrases(tokens, phrases)
    documents = DocumentFrequencies.of(terms) if doc_ids is None else document_frequencies(all_tokens, phrases)
    distinctive = _by_article(tfidf_table(terms, top_n=top_n, documents=documents))
    key = _by_article(key_sentences_table(corpus, terms, top_n=n_sentences, documents=documents))
    mentions = mentions_table(corpus, gazetteer=gazetteer, corrections=corrections, execution=execution)
    actors = _by_article(actors_table(mentions=mentions), profiled.doc_ids)
    mentions_of = _by_article(mentions, profiled.doc_ids)
    # An article's theme scores do not depend on the rest of the corpus: only the profiled articles are matched.
    themes_lexicon = load_lexicon(lexicon)
    evidence = match_themes(profiled, themes_lexicon, tokens=tokens)
    scores = _by_article(score_themes(profiled, evidence, lexicon=themes_lexicon))
    sentences = _by_article(evidence_sentences(profiled, evidence, lexicon=themes_lexicon))
    quotations = _by_article(quotes_table(profiled, mentions=mentions, execution=execution))
    for doc_id in doc_ids if doc_ids is not None else corpus.doc_ids:
        article = corpus[doc_id]
        network = _network(corpus.select([doc_id]), mentions_of(doc_id))
        yield ArticleProfile(
            article=article,
            distinctive=distinctive(doc_id),
            key_sentences=key(doc_id)[["sentence", "score", "text"]],
            actors=actors(doc_id)[["actor", "type", "mentions"]].head(2 * top_n),
            network=network,
            layout=layout_network(network),
            centrality=centrality_table(network),
            themes=scores(doc_id)[["rank", "label", "score", "share", "n_matches", "matched_terms"]],
            evidence=sentences(doc_id),
            quotations=quotations(doc_id)[PROFILE_QUOTE_COLUMNS],
        )


def article_profile(corpus: Corpus, doc_id: str, **options) -> ArticleProfile:
    """The profile of one article (options as :func:`article_profiles`)."""
    return next(article_profiles(corpus, [doc_id], **options))


@former_keywords(n="top_n")
def key_sentences_table(corpus: Corpus, terms: pd.DataFrame, *, top_n: int = 5,
                        documents: DocumentFrequencies | None = None) -> pd.DataFrame:
    """The ``top_n`` sentences of each article that carry most of its distinctive vocabulary, in reading order.

    Each sentence scores the sum, over its distinct terms, of the term's weight in the article —
    count × smoothed inverse document frequency, log((1 + N) / (1 + df)) + 1 — divided by the square
    root of its number of terms, so long sentences do not win by length alone. ``documents`` gives
    the document frequencies of a larger corpus the articles of ``terms`` belong to.

    Returns
    -------
    DataFrame
        ``doc_id, sentence, score, text``.

    The former order, ``key_sentences_table(terms, corpus)``, still works, with a ``DeprecationWarning``.
    """
    corpus, terms = corpus_then_table(corpus, terms, Corpus, name="key_sentences_table")
    counted = terms[content_mask(terms)]
    if counted.empty:
        return pd.DataFrame(columns=KEY_SENTENCE_COLUMNS)
    documents = documents or DocumentFrequencies.of(terms)
    weights = counted.groupby(["doc_id", "lemma"], observed=True).size().rename("count").reset_index()
    weights["weight"] = weights["count"] * idf(documents.n_with_terms, weights["lemma"].map(documents.terms).to_numpy(),
                                               smooth=True)
    distinct = counted.drop_duplicates(["doc_id", "sentence", "lemma"])[["doc_id", "sentence", "lemma"]]
    distinct = distinct.merge(weights[["doc_id", "lemma", "weight"]], on=["doc_id", "lemma"])
    scores = distinct.groupby(["doc_id", "sentence"], observed=True)["weight"].agg(["sum", "size"]).reset_index()
    scores["score"] = scores["sum"] / np.sqrt(scores["size"])
    top = scores.sort_values(["doc_id", "score", "sentence"], ascending=[True, False, True])
    top = top.groupby("doc_id", observed=True).head(top_n).sort_values(["doc_id", "sentence"])
    articles = {article.doc_id: article for article in corpus}
    texts = [_sentence_text(articles[doc_id], number) for doc_id, number in zip(top["doc_id"], top["sentence"])]
    return top.assign(text=texts)[KEY_SENTENCE_COLUMNS].reset_index(drop=True)


def _sentence_text(article: Article, number: int) -> str:
    _, start, end = article.sentence_spans[number]
    return article.text[start:end]


def _network(single: Corpus, mentions: pd.DataFrame) -> nx.Graph:
    pairs = cooccurrence_table(single, mentions, window="sentence")
    evidence = cooccurrence_evidence(single, mentions, pairs=pairs)
    return build_network(pairs, corpus_actors(mentions), evidence=evidence)


def _by_article(table: pd.DataFrame, doc_ids: list[str] | None = None):
    """A function giving the rows of one article (of ``doc_ids``, default all), the table grouped once."""
    if doc_ids is not None and len(table):
        table = table[table["doc_id"].isin(doc_ids)]
    groups = {str(doc_id): rows.reset_index(drop=True)
              for doc_id, rows in table.groupby("doc_id", observed=True, sort=False)} if len(table) else {}
    empty = table.iloc[0:0]
    return lambda doc_id: groups.get(doc_id, empty)
