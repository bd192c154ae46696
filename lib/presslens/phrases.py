"""Phrases: multiword terms such as *supply chain* or *belt and road*, counted as one term.

Phrases come from two sources:

- **collocation statistics** — adjacent content words that occur together more often than chance.
  NLTK's :class:`~nltk.collocations.BigramCollocationFinder` and
  :class:`~nltk.collocations.TrigramCollocationFinder` score every pair and triple seen at least
  ``min_count`` times, by Dunning's log-likelihood ratio G² (``g2``, the default) or by pointwise mutual
  information (``pmi``). A triple must also account for most uses of its two pairs (its ``share``), so
  *prime minister tony* does not swallow *tony blair*.
- **known expressions** — the editable list of ``data/phrases.yaml``, for expressions with a
  stopword inside (*belt and road*) or too rare in a small corpus to be tested.

The words of a phrase stand in one sentence, separated by a single space — in Chinese, written
without one: a phrase never spans punctuation (*One Belt, One Road* is not *belt one*; 中国，美国 is not
a phrase). Phrases are matched on lemmas, so *supply chains* is an occurrence of *supply chain*; a
phrase's lemma keeps its words apart with spaces, its written form is the text (经济发展).

The rule that keeps a phrase inside one sentence is written once, here, for every module that follows
words through the text: :func:`sentence_bounds`, :func:`joined_to_next` and :func:`joined_runs`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources as importlib_resources
from typing import Literal

import numpy as np
import pandas as pd
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures
from nltk.probability import FreqDist

from presslens.chunks import TokenChunks, chunks_of, remembered, summed_counts
from presslens.deprecation import current_value
from presslens.languages.zh import starts_han
from presslens.text import TOKEN_COLUMNS, content_mask, lemmatize_phrase
from presslens.yaml_files import read_yaml

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/phrases.yaml",)

CollocationMeasure = Literal["g2", "pmi"]
#: Lowest score of a collocation kept as a phrase: G² ≥ 10.83 is significant at p < 0.001 for a pair
#: (chi-squared, 1 df); PMI ≥ 3 bits means eight times more often together than chance.
MIN_SCORE: dict[str, float] = {"g2": 10.83, "pmi": 3.0}
#: Each measure as NLTK's association measures name it.
NLTK_MEASURES = {"g2": "likelihood_ratio", "pmi": "pmi"}
#: Former names of the measures, accepted with a DeprecationWarning.
FORMER_MEASURES = {"likelihood_ratio": "g2"}
#: A triple is a phrase only when it accounts for this share of its more frequent pair.
MIN_TRIPLE_SHARE = 0.75
COLLOCATION_COLUMNS = ["phrase", "n_words", "count", "score", "share"]
PHRASE_COLUMNS = ["phrase", "n_words", "count", "score", "source"]


@functools.cache
def known_phrases() -> tuple[str, ...]:
    """The known expressions of ``data/phrases.yaml``, lemmatised like the text."""
    source = importlib_resources.files("presslens").joinpath("data/phrases.yaml").read_text("utf-8")
    return tuple(dict.fromkeys(lemmatize_phrase(str(phrase)) for phrase in read_yaml(source)["phrases"]))


def _same_sentence_as_next(tokens: pd.DataFrame) -> np.ndarray:
    """For each token but the last, whether the next token stands in the same sentence of the same article."""
    documents = pd.factorize(tokens["doc_id"])[0]
    sentences = tokens["sentence"].to_numpy()
    return (documents[1:] == documents[:-1]) & (sentences[1:] == sentences[:-1])


def sentence_bounds(tokens: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For each token, the rows of the first and last token of its sentence."""
    rows = np.arange(len(tokens))
    starts = np.ones(len(tokens), dtype=bool)
    starts[1:] = ~_same_sentence_as_next(tokens)
    ends = np.append(starts[1:], True)
    first = np.maximum.accumulate(np.where(starts, rows, 0))
    last = np.minimum.accumulate(np.where(ends, rows, len(tokens))[::-1])[::-1]
    return first, last


def joined_runs(joined: np.ndarray, starts: np.ndarray, size: int) -> np.ndarray:
    """Whether the ``size`` tokens from each row of ``starts`` follow each other as a phrase's words do
    (``joined`` is :func:`joined_to_next` of the tokens)."""
    together = np.ones(len(starts), dtype=bool)
    for offset in range(size - 1):
        together &= joined[starts + offset]
    return together


def joined_to_next(tokens: pd.DataFrame, codes: np.ndarray, vocabulary: np.ndarray) -> np.ndarray:
    """True where a token is followed, in the same sentence, by the next token after a single space, or
    where two Chinese words follow each other with nothing between them.

    ``codes`` and ``vocabulary`` are the tokens' lemmas factorized: the script of each distinct lemma
    is looked at once.
    """
    gaps = tokens["start"].to_numpy()[1:] - tokens["end"].to_numpy()[:-1]
    han = np.array([starts_han(word) for word in vocabulary], dtype=bool)[codes] if len(codes) else np.zeros(0, bool)
    glued = np.where(han[1:], (gaps == 0) & han[:-1], gaps == 1)
    joined = _same_sentence_as_next(tokens) & glued
    return np.append(joined, False)


def collocations_table(
    tokens: pd.DataFrame | TokenChunks,
    *,
    ngram_max: int = 3,
    min_count: int = 3,
    measure: CollocationMeasure = "g2",
) -> pd.DataFrame:
    """Pairs (and triples) of adjacent content words, scored: ``phrase, n_words, count, score, share``.

    ``score`` is the association ``measure`` computed by NLTK's collocation finders; ``share`` is the
    phrase's count divided by the count of its most frequent part (a word of a pair, a pair of a
    triple): 1 means the parts never occur without each other. Best scores first.

    Parameters
    ----------
    tokens
        A :func:`~presslens.text.tokens_table`, or :func:`~presslens.chunks.token_chunks`.
    ngram_max
        Longest phrase in words: 2 (pairs) or 3 (pairs and triples).
    min_count
        Fewest occurrences of a phrase to be scored.
    measure
        ``g2`` (Dunning's log-likelihood ratio G², favours frequent phrases) or ``pmi`` (pointwise mutual
        information, favours exclusive ones); ``likelihood_ratio`` is the former name of ``g2``.
    """
    measure = current_value(measure, FORMER_MEASURES, parameter="measure")
    if ngram_max not in (2, 3):
        raise ValueError(f"ngram_max={ngram_max}: collocations are pairs or triples; use 2 or 3")
    if measure not in MIN_SCORE:
        raise ValueError(f"unknown measure {measure!r}: use one of {', '.join(MIN_SCORE)}")
    if min_count < 1:
        raise ValueError(f"min_count={min_count}: use 1 or more")
    words, pairs, triples = _ngram_counts(tokens, ngram_max)
    if words.sum() < 2:
        return pd.DataFrame(columns=COLLOCATION_COLUMNS)
    word_fd = FreqDist(dict(zip(words.index, words.tolist())))
    # Only n-grams seen min_count times can be scored, and only their parts are ever looked up:
    # the counts NLTK gets are kept to those, every one of them exact.
    bigram_fd = _freq_dist(pairs, min_count)
    tables = [_score(BigramCollocationFinder(word_fd, bigram_fd), BigramAssocMeasures, measure, min_count,
                     lambda pair: max(word_fd[pair[0]], word_fd[pair[1]]))]
    if ngram_max == 3:
        trigram_fd = _freq_dist(triples, min_count)
        ends = triples.groupby(level=[0, 2], sort=False, dropna=False).sum()  # a triple's outer words, any word between
        wildcard_fd = FreqDist({(first, last): int(ends[(first, last)]) for first, _, last in trigram_fd})
        finder = TrigramCollocationFinder(word_fd, bigram_fd, wildcard_fd, trigram_fd)
        tables.append(_score(finder, TrigramAssocMeasures, measure, min_count,
                             lambda triple: max(bigram_fd[triple[:2]], bigram_fd[triple[1:]])))
    table = pd.concat(tables, ignore_index=True)
    return table.sort_values(["score", "count", "phrase"], ascending=[False, False, True], ignore_index=True)


def _ngram_counts(tokens: pd.DataFrame | TokenChunks, ngram_max: int) -> tuple[pd.Series, pd.Series, pd.Series]:
    """How often each word (lemma) occurs, and each run of two and (up to ``ngram_max``) three adjacent
    content words, as counts indexed by the words: chunk by chunk, added up."""
    words, pairs, triples = [], [], []
    for chunk in chunks_of(tokens):
        codes, vocabulary = pd.factorize(chunk["lemma"], use_na_sentinel=False)
        vocabulary = np.asarray(vocabulary, dtype=object)
        content, joined = content_mask(chunk).to_numpy(), joined_to_next(chunk, codes, vocabulary)
        words.append(pd.Series(np.bincount(codes, minlength=len(vocabulary)), index=vocabulary))
        pairs.append(_count_ngrams(codes, vocabulary, content, joined, 2))
        if ngram_max == 3:
            triples.append(_count_ngrams(codes, vocabulary, content, joined, 3))
    return summed_counts(words), summed_counts(pairs), summed_counts(triples)


def _count_ngrams(codes: np.ndarray, vocabulary: np.ndarray, content: np.ndarray, joined: np.ndarray,
                  size: int) -> pd.Series:
    """How often each run of ``size`` adjacent content words occurs, indexed by its words."""
    count = max(len(codes) - size + 1, 0)
    eligible = content[:count] & joined_runs(joined, np.arange(count), size)
    for offset in range(1, size):
        eligible &= content[offset:offset + count]
    starts = np.flatnonzero(eligible)
    counts = pd.DataFrame({offset: codes[starts + offset] for offset in range(size)}).value_counts(sort=False)
    ngrams = [vocabulary[counts.index.get_level_values(offset).to_numpy()] for offset in range(size)]
    return pd.Series(counts.to_numpy(), index=pd.MultiIndex.from_arrays(ngrams), name="count")


def _freq_dist(ngrams: pd.Series, min_count: int) -> FreqDist:
    """The n-grams counted at least ``min_count`` times."""
    kept = ngrams[ngrams >= min_count]
    return FreqDist(dict(zip(kept.index, kept.tolist())))


def _score(finder, measures, measure: str, min_count: int, most_frequent_part) -> pd.DataFrame:
    finder.apply_freq_filter(min_count)
    rows = [
        (" ".join(ngram), len(ngram), finder.ngram_fd[ngram], score, finder.ngram_fd[ngram] / most_frequent_part(ngram))
        for ngram, score in finder.score_ngrams(getattr(measures, NLTK_MEASURES[measure]))
    ]
    return pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)


def find_phrases(
    tokens: pd.DataFrame | TokenChunks,
    *,
    ngram_max: int = 3,
    min_count: int = 3,
    measure: CollocationMeasure = "g2",
    known: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The phrases to count as one term: ``phrase, n_words, count, score, source``.

    ``source`` is ``known`` (an expression of the list found in the text) or ``collocation`` (a
    pair scoring at least :data:`MIN_SCORE`, or a triple that also holds :data:`MIN_TRIPLE_SHARE`
    of its pairs). Rows come in the order :func:`merge_phrases` applies them: known expressions
    first, then longer phrases, then higher scores.

    Parameters
    ----------
    tokens
        A :func:`~presslens.text.tokens_table`, or :func:`~presslens.chunks.token_chunks`.
    ngram_max
        Longest phrase found by statistics: 2 or 3; 1 turns phrases off, known expressions included.
    min_count, measure
        As for :func:`collocations_table`.
    known
        Known expressions (default: the list of ``data/phrases.yaml``).

    With :func:`~presslens.chunks.token_chunks` from a cache, the collocations are kept there
    (:func:`~presslens.chunks.remembered`).
    """
    if ngram_max == 1:
        return pd.DataFrame(columns=PHRASE_COLUMNS)
    measure = current_value(measure, FORMER_MEASURES, parameter="measure")
    collocations = remembered(tokens, collocations_table, ngram_max=ngram_max, min_count=min_count, measure=measure)
    kept = collocations[
        (collocations.score >= MIN_SCORE[measure]) & ((collocations.n_words == 2) | (collocations.share >= MIN_TRIPLE_SHARE))
    ]
    expressions = known_phrases() if known is None else [lemmatize_phrase(phrase) for phrase in known]
    expressions = [phrase for phrase in expressions if " " in phrase]
    found = summed_counts(locate_phrases(chunk, expressions).groupby("phrase", sort=False).size()
                          for chunk in chunks_of(tokens))
    known_table = found.rename("count").rename_axis("phrase").reset_index()
    known_table = known_table.assign(
        n_words=known_table.phrase.str.count(" ") + 1,
        score=known_table.phrase.map(collocations.set_index("phrase").score).astype(float),
        source="known",
    )
    table = pd.concat(
        [known_table, kept[~kept.phrase.isin(known_table.phrase)].assign(source="collocation")], ignore_index=True
    )[PHRASE_COLUMNS]
    # "known" sorts after "collocation": descending order puts known expressions first.
    return table.sort_values(["source", "n_words", "score"], ascending=False, na_position="last", ignore_index=True)


def locate_phrases(tokens: pd.DataFrame, phrases: Iterable[str]) -> pd.DataFrame:
    """Every occurrence of lemmatised ``phrases`` (single words too): ``phrase, row, n_words``.

    ``row`` is the position in ``tokens`` of the first word. Overlapping occurrences are all kept.
    """
    codes, vocabulary = pd.factorize(tokens["lemma"])
    joined = joined_to_next(tokens, codes, vocabulary)
    vocabulary = pd.Index(vocabulary)
    found = [pd.DataFrame({"phrase": pd.Series(dtype=object), "row": pd.Series(dtype=int), "n_words": pd.Series(dtype=int)})]
    for size, words in _words_by_size(tuple(dict.fromkeys(phrases))).items():
        # Words become vocabulary codes: the phrases are found by joining their codes with the codes at each position.
        wanted = words.drop(columns="phrase").apply(vocabulary.get_indexer).assign(phrase=words["phrase"])
        wanted = wanted[(wanted.drop(columns="phrase") >= 0).all(axis=1)]
        rows = np.arange(max(len(codes) - size + 1, 0))
        rows = rows[joined_runs(joined, rows, size)]
        rows = rows[np.isin(codes[rows], wanted[0].to_numpy())]  # only where a phrase can start
        positions = pd.DataFrame({offset: codes[rows + offset] for offset in range(size)}).assign(row=rows)
        found.append(positions.merge(wanted, on=list(range(size)))[["phrase", "row"]].assign(n_words=size))
    return pd.concat(found, ignore_index=True).sort_values("row", ignore_index=True)


@functools.lru_cache(maxsize=8)
def _words_by_size(phrases: tuple[str, ...]) -> dict[int, pd.DataFrame]:
    """The phrases of each length, one column of words per position (0, 1, …) and ``phrase``: split once
    for the many chunks of tokens they are located in."""
    by_size: dict[int, list[str]] = {}
    for phrase in phrases:
        by_size.setdefault(phrase.count(" ") + 1, []).append(phrase)
    return {size: pd.Series(group).str.split(" ", expand=True).assign(phrase=group) for size, group in by_size.items()}


def merge_phrases(tokens: pd.DataFrame, phrases: pd.DataFrame | Iterable[str]) -> pd.DataFrame:
    """The tokens with each phrase occurrence merged into one row, plus ``n_words`` (words per row).

    A merged row spans its words: ``surface`` and ``lower`` joined by spaces, ``lemma`` the phrase,
    ``end`` the end of its last word; it is never a stopword or a number. Where two phrases overlap
    (*five central asian country*), the one listed first wins.

    Parameters
    ----------
    tokens
        A :func:`~presslens.text.tokens_table`.
    phrases
        A :func:`find_phrases` table, or lemmatised phrases in order of priority.
    """
    ranked, multiword = _ranked(tuple(phrases["phrase"].tolist() if isinstance(phrases, pd.DataFrame) else phrases))
    matches = locate_phrases(tokens, multiword)
    starts, sizes = _accepted(matches.assign(rank=ranked.get_indexer(matches["phrase"])))
    keep = np.ones(len(tokens), dtype=bool)
    for offset in range(1, int(sizes.max(initial=1))):
        keep[(starts + offset)[sizes > offset]] = False  # the later words of a phrase join its first
    # Only the rows that start a phrase change: the others are taken as they are, column by column.
    result = tokens.loc[keep, TOKEN_COLUMNS].reset_index(drop=True)
    rows = (np.cumsum(keep) - 1)[starts]  # the row of each phrase in the result
    gaps = tokens["start"].to_numpy()[1:] - tokens["end"].to_numpy()[:-1]
    for name in ("surface", "lower"):
        result.iloc[rows, result.columns.get_loc(name)] = _joined(tokens[name], starts, sizes, gaps)
    result.iloc[rows, result.columns.get_loc("lemma")] = _joined(tokens["lemma"], starts, sizes)
    result.iloc[rows, result.columns.get_loc("end")] = tokens["end"].to_numpy()[starts + sizes - 1]
    n_words = np.ones(len(result), dtype=int)
    n_words[rows] = sizes
    is_phrase = n_words > 1
    return result.assign(is_stop=result["is_stop"].to_numpy() & ~is_phrase,
                         is_number=result["is_number"].to_numpy() & ~is_phrase, n_words=n_words)


@functools.lru_cache(maxsize=8)
def _ranked(phrases: tuple[str, ...]) -> tuple[pd.Index, tuple[str, ...]]:
    """The phrases without repeats, in order of priority (a phrase's rank is its position), and those of
    two words or more: prepared once for the many chunks of tokens they are merged in."""
    ranked = list(dict.fromkeys(phrases))
    return pd.Index(ranked, dtype=object), tuple(phrase for phrase in ranked if " " in phrase)


def _joined(words: pd.Series, starts: np.ndarray, sizes: np.ndarray, gaps: np.ndarray | None = None) -> np.ndarray:
    """The words from each start, ``size`` of them, joined by spaces — or, given the ``gaps`` between
    tokens, as they are written (no space where the text has none)."""
    joined = np.empty(len(starts), dtype=object)
    for size in np.unique(sizes):
        of_size = sizes == size
        first = starts[of_size]
        text = words.iloc[first].to_numpy(dtype=object)
        for offset in range(1, size):
            space = " " if gaps is None else np.where(gaps[first + offset - 1] == 0, "", " ").astype(object)
            text = text + space + words.iloc[first + offset].to_numpy(dtype=object)
        joined[of_size] = text
    return joined


def _accepted(matches: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The phrase occurrences kept, as first rows and sizes: where occurrences overlap, the phrase of
    lower ``rank`` wins, then the earlier one; an occurrence that overlaps no other is always kept."""
    if matches.empty:
        return np.array([], dtype=int), np.array([], dtype=int)
    matches = matches.sort_values(["row", "rank"], kind="stable")
    rows, sizes = matches["row"].to_numpy(), matches["n_words"].to_numpy()
    ends = rows + sizes
    overlaps_earlier = np.r_[False, rows[1:] < np.maximum.accumulate(ends)[:-1]]
    overlaps_later = np.r_[rows[1:] < ends[:-1], False]
    alone = ~(overlaps_earlier | overlaps_later)
    contested = matches[~alone].sort_values(["rank", "row"], kind="stable")
    taken: set[int] = set()
    won_rows, won_sizes = [], []
    for row, size in zip(contested["row"].tolist(), contested["n_words"].tolist()):
        span = range(row, row + size)
        if taken.isdisjoint(span):
            taken.update(span)
            won_rows.append(row)
            won_sizes.append(size)
    return (np.r_[rows[alone], np.array(won_rows, dtype=int)].astype(int),
            np.r_[sizes[alone], np.array(won_sizes, dtype=int)].astype(int))
