"""Themes per article from an editable lexicon (:mod:`presslens.lexicon`), with the words and sentences
behind every score.

Matching runs on the lemmas of :func:`presslens.text.tokens_table`. A phrase matches consecutive
tokens of one sentence, small words included (*belt and road*), by the rule that makes a phrase a
term (:func:`presslens.phrases.joined_to_next`: no punctuation between its words); longer phrases win
over the shorter ones they contain, and a word that is part of a matched phrase never also counts on
its own. An article is matched against the terms of its own language only. Every
match is a row of the evidence table — article, paragraph, sentence, character offsets, surface text
and lemma — and every score is a sum over those rows:

    score = 1,000 × (sum of match weights) / (words in the unit)

A single word weighs 1 and a phrase :data:`PHRASE_WEIGHT`, because a phrase is the more specific
evidence. ``share`` is the theme's part of the unit's total score and ``rank`` orders the themes of a
unit, 1 being its main theme. Showing the evidence (matched words in bold) is the display's part
(:func:`presslens.display.evidence_html`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from presslens.chunks import TokenChunks, chunks_of
from presslens.corpus import Corpus, count_words
from presslens.lexicon import Lexicon, check_entries, load_lexicon
from presslens.measures import per_1000
from presslens.phrases import joined_runs, joined_to_next
from presslens.runs import run_bounds, run_lists
from presslens.selection import group_sizes_table
from presslens.text import tokens_table

if TYPE_CHECKING:
    from presslens.execution import Execution

#: How much a phrase match weighs against a single-word match.
PHRASE_WEIGHT = 2.0
EVIDENCE_COLUMNS = ["doc_id", "theme", "paragraph", "sentence", "start", "end", "matched", "term", "kind", "weight"]

Unit = Literal["article", "paragraph"]
UNITS: tuple[str, ...] = ("article", "paragraph")


# --------------------------------------------------------------------------------------------
# Matching: the evidence table


def match_themes(corpus: Corpus, lexicon: Lexicon | None = None, *,
                 tokens: pd.DataFrame | TokenChunks | None = None) -> pd.DataFrame:
    """Every lexicon match in the corpus, one row each — the provenance of every theme score.

    Columns: ``doc_id, theme, paragraph, sentence, start, end, matched, term, kind, weight``.
    ``start`` and ``end`` are character offsets into the article's text, ``matched`` the surface text
    there, ``term`` the lexicon entry as lemmas, ``kind`` ``word`` or ``phrase``.

    Parameters
    ----------
    corpus
        The loaded articles.
    lexicon
        Themes to match (default: the built-in lexicon).
    tokens
        The corpus's :func:`~presslens.text.tokens_table` or :func:`~presslens.chunks.token_chunks`, when
        already computed.
    """
    lexicon = lexicon or load_lexicon()
    tokens = tokens_table(corpus) if tokens is None else tokens
    texts = {article.doc_id: article.text for article in corpus}
    languages = pd.Series({article.doc_id: article.language for article in corpus}, dtype=object)
    parts = [part for chunk in chunks_of(tokens) if len(chunk) for part in _language_matches(chunk, lexicon, texts, languages)]
    if not parts:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    evidence = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return evidence.sort_values(["doc_id", "start"], ignore_index=True)[EVIDENCE_COLUMNS]


def _language_matches(tokens: pd.DataFrame, lexicon: Lexicon, texts: dict[str, str], languages: pd.Series) -> list[pd.DataFrame]:
    """The matches of a chunk of tokens, the articles of each language against that language's terms."""
    of_token = tokens["doc_id"].map(languages) if languages.nunique() > 1 else None
    if of_token is None:
        return [_matches(tokens, lexicon, texts, languages.iloc[0] if len(languages) else "en")]
    return [_matches(tokens[(of_token == code).to_numpy()].reset_index(drop=True), lexicon, texts, code)
            for code in pd.unique(of_token)]


def _matches(tokens: pd.DataFrame, lexicon: Lexicon, texts: dict[str, str], language: str) -> pd.DataFrame:
    """The lexicon matches of :func:`match_themes` in ``tokens`` of articles in ``language``."""
    # Lemmas as codes into their vocabulary: the text of a token is only made where a match needs it.
    check_entries(lexicon, language)
    codes, vocabulary = pd.factorize(tokens["lemma"])
    vocabulary = np.asarray(vocabulary, dtype=object)
    joined = joined_to_next(tokens, codes, vocabulary)
    claimed = np.zeros(len(tokens), dtype=bool)
    phrase_starts, phrase_ends, phrase_terms, phrase_themes = [], [], [], []
    entries = {theme.id: theme.entries(language) for theme in lexicon.themes}

    # Phrases first, longest first; within one length, the earlier match wins an overlap.
    phrase_theme = {" ".join(phrase): theme_id for theme_id, (_, phrases) in entries.items() for phrase in phrases}
    for length in sorted({term.count(" ") + 1 for term in phrase_theme}, reverse=True):
        of_length = {term: theme_id for term, theme_id in phrase_theme.items() if term.count(" ") + 1 == length}
        first_words = pd.Index(vocabulary).get_indexer(list({term.split(" ", 1)[0] for term in of_length}))
        starts = np.flatnonzero(np.isin(codes[: max(len(codes) - length + 1, 0)], first_words[first_words >= 0]))
        # A phrase's words follow each other as a term's do: in one sentence, nothing but a space between.
        starts = starts[joined_runs(joined, starts, length)]
        text = vocabulary[codes[starts]]
        for offset in range(1, length):
            text = text + " " + vocabulary[codes[starts + offset]]
        hits = pd.Series(text).isin(of_length).to_numpy()
        for start, term in zip(starts[hits], text[hits]):
            if not claimed[start: start + length].any():
                claimed[start: start + length] = True
                phrase_starts.append(start)
                phrase_ends.append(start + length - 1)
                phrase_terms.append(term)
                phrase_themes.append(of_length[term])

    word_theme = pd.Series({word: theme_id for theme_id, (words, _) in entries.items() for word in words}, dtype=object)
    word_themes = pd.Series(vocabulary).map(word_theme).to_numpy(dtype=object)[codes]
    words = np.flatnonzero(pd.notna(word_themes) & ~claimed)

    first = np.concatenate([np.asarray(phrase_starts, dtype=np.int64), words])
    last = np.concatenate([np.asarray(phrase_ends, dtype=np.int64), words])
    is_phrase = np.arange(len(first)) < len(phrase_starts)
    evidence = pd.DataFrame({
        "doc_id": tokens["doc_id"].take(first).to_numpy(dtype=object),
        "theme": np.concatenate([np.asarray(phrase_themes, dtype=object), word_themes[words]]),
        "paragraph": tokens["paragraph"].to_numpy()[first],
        "sentence": tokens["sentence"].to_numpy()[first],
        "start": tokens["start"].to_numpy()[first],
        "end": tokens["end"].to_numpy()[last],
        "term": np.concatenate([np.asarray(phrase_terms, dtype=object), vocabulary[codes[words]]]),
        "kind": np.where(is_phrase, "phrase", "word"),
        "weight": np.where(is_phrase, PHRASE_WEIGHT, 1.0),
    })
    evidence["matched"] = [texts[d][s:e] for d, s, e in zip(evidence["doc_id"], evidence["start"], evidence["end"])]
    return evidence


# --------------------------------------------------------------------------------------------
# Scoring


def score_themes(
    corpus: Corpus,
    evidence: pd.DataFrame,
    *,
    unit: Unit = "article",
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Theme scores per article or per paragraph, from the evidence of :func:`match_themes`.

    One row per unit and matched theme: ``doc_id`` (and ``paragraph``), ``title, theme, label, score,
    share, rank, n_matches, n_words, matched_terms``. ``score`` is weighted matches per 1,000 words,
    ``share`` the theme's part of the unit's total score, ``rank`` 1 for the unit's main theme (ties:
    more matches first, then lexicon order). ``matched_terms`` lists the terms that made the score,
    most frequent first (``term ×count``). Units without any match have no rows.

    Scores do not depend on the rest of the corpus: an article scores the same alone or among
    thousands, so scores of different corpora can be compared.

    Raises
    ------
    ValueError
        When ``unit`` is not ``article`` or ``paragraph``.
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}: use 'article' (one score per article) or 'paragraph'")
    lexicon = lexicon or load_lexicon()
    keys = ["doc_id"] if unit == "article" else ["doc_id", "paragraph"]
    columns = [*keys, "title", "theme", "label", "score", "share", "rank", "n_matches", "n_words", "matched_terms"]
    if evidence.empty:
        return pd.DataFrame(columns=columns)
    terms = (
        evidence.groupby([*keys, "theme", "term"], sort=False).size().rename("count").reset_index()
        .sort_values([*keys, "theme", "count", "term"], ascending=[True] * (len(keys) + 1) + [False, True])
    )
    terms["item"] = terms["term"] + " ×" + terms["count"].astype(str)
    scores = (
        evidence.groupby([*keys, "theme"], sort=False)
        .agg(weight=("weight", "sum"), n_matches=("weight", "size"))
        .reset_index()
        .merge(terms.groupby([*keys, "theme"], sort=False)["item"].agg(", ".join).rename("matched_terms").reset_index())
        .merge(_unit_sizes(corpus, unit), on=keys)
    )
    scores["score"] = per_1000(scores["weight"], scores["n_words"])
    scores["share"] = scores["score"] / scores.groupby(keys)["score"].transform("sum")
    scores["order"] = scores["theme"].map({theme_id: position for position, theme_id in enumerate(lexicon.ids)})
    scores = scores.sort_values(
        [*keys, "score", "n_matches", "order"], ascending=[True] * len(keys) + [False, False, True], ignore_index=True
    )
    scores["rank"] = scores.groupby(keys).cumcount() + 1
    scores["label"] = scores["theme"].map(lexicon.labels).fillna(scores["theme"])
    return scores[columns]


def _unit_sizes(corpus: Corpus, unit: Unit) -> pd.DataFrame:
    """Words per article or per paragraph (the denominators of the scores), with the article's title."""
    if unit == "article":
        return pd.DataFrame([(a.doc_id, a.title, a.n_words) for a in corpus], columns=["doc_id", "title", "n_words"])
    rows = [(a.doc_id, number, a.title, count_words(text)) for a in corpus for number, text in enumerate(a.paragraphs)]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "title", "n_words"])


def top_themes(scores: pd.DataFrame, *, top_n: int = 3) -> pd.DataFrame:
    """The ``top_n`` themes of each unit, one row per unit: ``doc_id`` (``paragraph``), ``title, theme_1, theme_2, …``."""
    keys = [column for column in ("doc_id", "paragraph", "title") if column in scores.columns]
    top = scores[scores["rank"] <= top_n]
    wide = top.pivot_table(index=keys, columns="rank", values="theme", aggfunc="first")
    wide.columns = [f"theme_{rank}" for rank in wide.columns]
    return wide.reset_index().fillna("")


def themes_table(corpus: Corpus, *, execution: Execution | None = None) -> pd.DataFrame:
    """The export table: theme scores per article with the matched terms.

    Columns: ``doc_id, theme, score, rank, share, n_matches, matched_terms``.
    """
    lexicon = load_lexicon()
    evidence = match_themes(corpus, lexicon, tokens=tokens_table(corpus, execution=execution))
    scores = score_themes(corpus, evidence, lexicon=lexicon)
    return scores[["doc_id", "theme", "score", "rank", "share", "n_matches", "matched_terms"]]


# --------------------------------------------------------------------------------------------
# Evidence sentences


def group_theme_shares(corpus: Corpus, scores: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Theme scores of groups of articles (per 1,000 words of all the group's articles), in the columns of
    :func:`score_themes` with the group as ``doc_id`` and a ``title`` saying how many articles it holds."""
    per_article = scores.assign(group=scores["doc_id"].astype(str).map(groups), weight=scores["score"] * scores["n_words"] / 1000)
    sizes = group_sizes_table(corpus, groups).set_index("group")
    table = per_article.groupby(["group", "theme", "label"], sort=False)["weight"].sum().reset_index()
    table["score"] = per_1000(table["weight"], table["group"].map(sizes["n_words"]))
    table["share"] = table["score"] / table.groupby("group")["score"].transform("sum")
    table["title"] = table["group"] + " (" + table["group"].map(sizes["n_articles"]).astype(str) + " articles)"
    return table.rename(columns={"group": "doc_id"}).sort_values(["doc_id", "score"], ascending=[True, False], ignore_index=True)


def evidence_sentences(corpus: Corpus, evidence: pd.DataFrame, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every sentence that matched a theme, with the article's score and rank for that theme.

    One row per (article, theme, sentence), themes in rank order, sentences in reading order:
    ``doc_id, title, rank, theme, label, score, sentence, n_matches, matched, text, spans``. ``spans``
    lists the (start, end) character offsets in ``text`` of the theme's matched words
    (:func:`~presslens.display.evidence_html` shows them in bold).
    """
    columns = ["doc_id", "title", "rank", "theme", "label", "score", "sentence", "n_matches", "matched", "text", "spans"]
    if evidence.empty:
        return pd.DataFrame(columns=columns)
    scores = score_themes(corpus, evidence, lexicon=lexicon)[["doc_id", "title", "rank", "theme", "label", "score"]]
    keys = ["doc_id", "title", "rank", "theme", "label", "score", "sentence"]
    rows = evidence.merge(scores, on=["doc_id", "theme"]).sort_values(keys, kind="stable", ignore_index=True)
    bounds = run_bounds(rows, keys)
    sentences = rows.loc[bounds[:-1], keys].reset_index(drop=True)
    sentences["n_matches"] = np.diff(bounds)
    sentences["matched"] = [", ".join(matched) for matched in run_lists(rows["matched"], bounds)]
    articles = {article.doc_id: article for article in corpus}
    texts, spans = [], []
    matches = zip(run_lists(rows["start"], bounds), run_lists(rows["end"], bounds))
    for (doc_id, number), (starts, ends) in zip(sentences[["doc_id", "sentence"]].itertuples(index=False), matches):
        article = articles[doc_id]
        _, first, last = article.sentence_spans[number]
        texts.append(article.text[first:last])
        spans.append([(start - first, end - first) for start, end in zip(starts, ends)])
    return sentences.assign(text=texts, spans=spans)[columns]


def theme_articles(scores: pd.DataFrame, theme: str) -> pd.DataFrame:
    """The units of ``scores`` (a :func:`score_themes` table) that develop ``theme``, highest score first."""
    keys = [column for column in ("doc_id", "paragraph") if column in scores.columns]
    chosen = scores[scores["theme"] == theme]
    columns = [*keys, "title", "score", "share", "rank", "n_matches", "matched_terms"]
    return chosen.sort_values(["score", *keys], ascending=[False] + [True] * len(keys), ignore_index=True)[columns]


def theme_sentences(sentences: pd.DataFrame, theme: str) -> pd.DataFrame:
    """The :func:`evidence_sentences` of one theme: highest-scoring article first, sentences in reading order."""
    chosen = sentences[sentences["theme"] == theme]
    return chosen.sort_values(["score", "doc_id", "sentence"], ascending=[False, True, True], ignore_index=True)
