"""Unsupervised topics: NMF on TF-IDF of paragraph lemmas, aggregated to articles.

Where the theme lexicon says what a researcher decided to look for, topics show which words travel
together in the corpus itself. The model is fitted on **paragraphs**, so that a corpus of a handful of
articles still has dozens of units to learn from; an article's topic weights are the sum of its
paragraphs' weights, scaled to shares that add up to 1.

The fit is deterministic: the vocabulary is sorted, the factorisation starts from an SVD
(``init="nndsvda"``) with a fixed seed, so the same corpus gives the same topics every time. It is
not *stable* on a small corpus, though: with few paragraphs or few articles per topic, topics change
when an article is added or ``n_topics`` moves by one, and each topic tends to be one article. The
model then carries a ``note`` saying so (see :data:`MIN_PARAGRAPHS_PER_TOPIC`,
:data:`MIN_ARTICLES_PER_TOPIC`).

:func:`align_topics` relates topics to lexicon themes: the share of the weight of a topic's top terms
that falls on the theme's single words. Phrases are left out: their words (*cooperation*, *zone*) are
shared by many themes, and topics are made of single lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from presslens.chunks import TokenChunks, chunks_of
from presslens.corpus import Corpus
from presslens.lexicon import Lexicon
from presslens.runs import run_bounds, run_lists
from presslens.text import content_tokens, tokens_table

#: Below this many paragraphs per topic, the model carries a note that topics are not stable.
MIN_PARAGRAPHS_PER_TOPIC = 20
#: Below this many articles per topic, topics tend to be single articles: the note says so too.
MIN_ARTICLES_PER_TOPIC = 10
#: A term must occur in at least this many paragraphs to enter the vocabulary.
MIN_PARAGRAPHS_PER_TERM = 2
#: Terms in more than this share of paragraphs (the corpus's own subject) are left out.
MAX_PARAGRAPH_SHARE = 0.5
SEED = 0


@dataclass(frozen=True)
class TopicModel:
    """A fitted topic model and its tables.

    Attributes
    ----------
    terms
        Top terms per topic: ``topic, label, rank, term, weight``.
    components
        Topic × term weights (NMF's ``H``), one row per topic, one column per vocabulary term.
    paragraphs
        Paragraph × topic weights (NMF's ``W``): ``doc_id, paragraph, topic, weight``.
    articles
        Article × topic shares: ``doc_id, title, topic, label, weight``; an article's weights add up to 1.
    n_paragraphs, n_articles
        The units the model was fitted on (paragraphs with at least one vocabulary term).
    note
        Why the topics should not be trusted as findings, or ``""``.
    """

    terms: pd.DataFrame
    components: pd.DataFrame
    paragraphs: pd.DataFrame
    articles: pd.DataFrame
    n_paragraphs: int
    n_articles: int
    note: str

    @property
    def n_topics(self) -> int:
        return len(self.components)

    @property
    def labels(self) -> dict[int, str]:
        """Topic number → a short label made of its three top terms (``"T1 trade · export · tariff"``)."""
        return _topic_labels(self.components, self.terms)


def fit_topics(
    corpus: Corpus,
    *,
    n_topics: int = 5,
    top_terms: int = 10,
    tokens: pd.DataFrame | TokenChunks | None = None,
) -> TopicModel:
    """Fit NMF topics on the TF-IDF of paragraph lemmas.

    Parameters
    ----------
    corpus
        The loaded articles.
    n_topics
        Topics to find. When the corpus has fewer paragraphs or terms than that, fewer are fitted
        and the note says so.
    top_terms
        Terms listed per topic in ``terms``.
    tokens
        The corpus's :func:`~presslens.text.tokens_table` or :func:`~presslens.chunks.token_chunks`, when
        already computed.

    Raises
    ------
    ValueError
        When ``n_topics`` or ``top_terms`` is below 1.
    """
    if n_topics < 1:
        raise ValueError(f"n_topics must be 1 or more, not {n_topics}")
    if top_terms < 1:
        raise ValueError(f"top_terms must be 1 or more, not {top_terms}")
    tokens = tokens_table(corpus) if tokens is None else tokens
    units = _paragraph_lemmas(tokens)
    vocabulary, tfidf = _tfidf(units["lemmas"])
    keep = np.asarray(tfidf.sum(axis=1)).ravel() > 0
    units, tfidf = units[keep].reset_index(drop=True), tfidf[keep]
    fitted = min(n_topics, tfidf.shape[0], tfidf.shape[1])
    if fitted == 0:
        return _empty_model(
            f"No topics to fit: no content word occurs in at least {MIN_PARAGRAPHS_PER_TERM} paragraphs and in at "
            f"most {MAX_PARAGRAPH_SHARE:.0%} of them. Topic models need a corpus of many paragraphs.",
        )

    model = NMF(n_components=fitted, init="nndsvda", random_state=SEED, max_iter=1000)
    weights = model.fit_transform(tfidf)
    topics = np.arange(1, fitted + 1)
    components = pd.DataFrame(model.components_, index=pd.Index(topics, name="topic"), columns=vocabulary)

    terms = _top_terms(components, top_terms)
    paragraphs = pd.DataFrame(weights, columns=topics).assign(doc_id=units["doc_id"], paragraph=units["paragraph"])
    paragraphs = paragraphs.melt(id_vars=["doc_id", "paragraph"], var_name="topic", value_name="weight")
    paragraphs = paragraphs.sort_values(["doc_id", "paragraph", "topic"], ignore_index=True)
    n_articles = units["doc_id"].nunique()
    return TopicModel(
        terms=terms,
        components=components,
        paragraphs=paragraphs,
        articles=_article_shares(paragraphs, corpus, _topic_labels(components, terms)),
        n_paragraphs=len(units),
        n_articles=n_articles,
        note=_stability_note(n_topics, fitted, len(units), n_articles),
    )


def _paragraph_lemmas(tokens: pd.DataFrame | TokenChunks) -> pd.DataFrame:
    """One row per paragraph: ``doc_id, paragraph, lemmas`` (content lemmas, in reading order)."""
    parts = [_lemma_lists(chunk) for chunk in chunks_of(tokens) if len(chunk)]
    if not parts:
        return pd.DataFrame(columns=["doc_id", "paragraph", "lemmas"])
    return pd.concat(parts, ignore_index=True).sort_values(["doc_id", "paragraph"], ignore_index=True) if len(parts) > 1 \
        else parts[0]


def _lemma_lists(tokens: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs sorted by doc_id and number, each with its content lemmas in reading order; sorted on
    integer ranks, so that no text is converted or compared per word."""
    content = content_tokens(tokens)
    lemma_codes, vocabulary = pd.factorize(content["lemma"], use_na_sentinel=False)
    doc_codes, doc_ids = pd.factorize(content["doc_id"])
    doc_ids = np.asarray(doc_ids, dtype=object)
    doc_ranks = np.argsort(np.argsort(doc_ids, kind="stable"), kind="stable")[doc_codes]  # doc_id order, as integers
    paragraphs = content["paragraph"].to_numpy()
    order = np.lexsort((paragraphs, doc_ranks))  # stable: words stay in reading order
    units = pd.DataFrame({"doc": doc_codes[order], "paragraph": paragraphs[order]})
    bounds = run_bounds(units, ["doc", "paragraph"])
    lemmas = pd.Series(np.asarray(vocabulary, dtype=object)[lemma_codes[order]], dtype=object)
    firsts = units.loc[bounds[:-1]]
    return pd.DataFrame({"doc_id": doc_ids[firsts["doc"].to_numpy()], "paragraph": firsts["paragraph"].to_numpy(),
                         "lemmas": run_lists(lemmas, bounds)})


def _tfidf(documents: pd.Series):
    """The sorted vocabulary and the TF-IDF matrix of lemma lists (terms in 2+ paragraphs, not in most)."""
    vectorizer = TfidfVectorizer(
        analyzer=_identity, min_df=MIN_PARAGRAPHS_PER_TERM, max_df=MAX_PARAGRAPH_SHARE, sublinear_tf=True
    )
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # no paragraph, or no term left within the document-frequency limits
        return [], np.zeros((len(documents), 0))
    return list(vectorizer.get_feature_names_out()), matrix


def _identity(lemmas: list[str]) -> list[str]:
    return lemmas


def _top_terms(components: pd.DataFrame, top_terms: int) -> pd.DataFrame:
    rows = []
    for topic, weights in components.iterrows():
        top = weights[weights > 0].sort_values(ascending=False, kind="stable").head(top_terms)
        rows.extend((topic, rank, term, weight) for rank, (term, weight) in enumerate(top.items(), start=1))
    terms = pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])
    terms.insert(1, "label", terms["topic"].map(_topic_labels(components, terms)))
    return terms


def _topic_labels(components: pd.DataFrame, terms: pd.DataFrame) -> dict[int, str]:
    """``"T1 trade · export · tariff"``: the topic's number and three top terms (none for an empty topic)."""
    top = terms[terms["rank"] <= 3].groupby("topic")["term"].agg(" · ".join)
    return {topic: f"T{topic} {top[topic]}" if topic in top else f"T{topic}" for topic in components.index}


def _article_shares(paragraphs: pd.DataFrame, corpus: Corpus, labels: dict[int, str]) -> pd.DataFrame:
    totals = paragraphs.groupby(["doc_id", "topic"], sort=True)["weight"].sum().reset_index()
    per_article = totals.groupby("doc_id")["weight"].transform("sum")
    totals["weight"] = np.where(per_article > 0, totals["weight"] / per_article.where(per_article > 0, 1), 0.0)
    titles = {article.doc_id: article.title for article in corpus}
    totals.insert(1, "title", totals["doc_id"].map(titles))
    totals.insert(3, "label", totals["topic"].map(labels))
    return totals


def _stability_note(requested: int, fitted: int, n_paragraphs: int, n_articles: int) -> str:
    reasons = []
    if fitted < requested:
        reasons.append(f"only {fitted} topic(s) could be fitted instead of {requested}: there are too few paragraphs or terms")
    if n_paragraphs < MIN_PARAGRAPHS_PER_TOPIC * fitted:
        reasons.append(f"{n_paragraphs} paragraphs is fewer than {MIN_PARAGRAPHS_PER_TOPIC} per topic")
    if n_articles < MIN_ARTICLES_PER_TOPIC * fitted:
        reasons.append(f"{n_articles} article(s) is fewer than {MIN_ARTICLES_PER_TOPIC} per topic, so topics tend to be single articles")
    if not reasons:
        return ""
    return (
        "This corpus is too small for stable topics: " + "; ".join(reasons) + ". The same corpus gives the same "
        "topics every time, but adding an article or changing n_topics can change them completely: read them "
        "as a sketch of which words travel together, not as findings."
    )


def _empty_model(note: str) -> TopicModel:
    return TopicModel(
        terms=pd.DataFrame(columns=["topic", "label", "rank", "term", "weight"]),
        components=pd.DataFrame(index=pd.Index([], name="topic")),
        paragraphs=pd.DataFrame(columns=["doc_id", "paragraph", "topic", "weight"]),
        articles=pd.DataFrame(columns=["doc_id", "title", "topic", "label", "weight"]),
        n_paragraphs=0,
        n_articles=0,
        note=note,
    )


def align_topics(model: TopicModel, lexicon: Lexicon, *, top_terms: int = 10) -> pd.DataFrame:
    """How much of each topic is made of each lexicon theme's words: one row per (topic, theme).

    Columns: ``topic, topic_label, theme, label, overlap, shared_terms, rank``. ``overlap`` is the share
    of the weight of the topic's ``top_terms`` top terms that falls on single words of the theme (0: none
    of them is a theme word; 1: all are). ``shared_terms`` lists those words. ``rank`` orders the themes
    of a topic, 1 being the closest; it is empty when the overlap is 0.
    """
    columns = ["topic", "topic_label", "theme", "label", "overlap", "shared_terms", "rank"]
    if model.terms.empty:
        return pd.DataFrame(columns=columns)
    top = model.terms[model.terms["rank"] <= top_terms]
    totals = top.groupby("topic")["weight"].sum()
    labels = model.labels
    rows = []
    for topic, terms in top.groupby("topic", sort=True):
        for theme in lexicon.themes:
            shared = terms[terms["term"].isin(theme.words)]
            rows.append((topic, labels[topic], theme.id, theme.label,
                         shared["weight"].sum() / totals[topic], ", ".join(shared["term"])))
    table = pd.DataFrame(rows, columns=columns[:-1])
    table = table.sort_values(["topic", "overlap"], ascending=[True, False], kind="stable", ignore_index=True)
    table["rank"] = (table.groupby("topic").cumcount() + 1).where(table["overlap"] > 0).astype("Int64")
    return table
