"""Syndicated and duplicate copy: articles that tell the same story in (nearly) the same words.

One wire story reprinted by five outlets, with an edited headline or a sentence changed, is one story.
Each article becomes its set of *shingles* — every run of :data:`SHINGLE_WORDS` words, lowercased — and
two articles are copies when those sets overlap by at least :data:`MIN_SIMILARITY` (Jaccard: shared
shingles over all shingles of the two). Comparing every pair is quadratic, so candidates come from
MinHash signatures and locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman and Ullman,
*Mining of Massive Datasets*, ch. 3): pairs whose signatures agree on a whole band are compared
exactly, unless an earlier pair already put them in one cluster. Copies are joined into clusters (a
copy of a copy is in the same cluster).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator
from typing import Literal

import numpy as np
import pandas as pd

from presslens.corpus import Corpus
from presslens.corpus.model import WORD, natural_key

#: Words per shingle: long enough that two different stories rarely share one, short enough that a
#: changed sentence leaves most shingles intact.
SHINGLE_WORDS = 5
#: Lowest Jaccard similarity of two articles' shingles for them to be copies of one story.
MIN_SIMILARITY = 0.5
#: MinHash signature length, in bands of rows: a pair at similarity s is a candidate with probability
#: 1 − (1 − s^ROWS)^BANDS — above 0.99 at s = 0.5, 0.2 at s = 0.2.
BANDS, ROWS = 32, 4
DUPLICATE_COLUMNS = ["cluster", "doc_id", "similarity"]
Dedupe = Literal["keep_all", "keep_first"]
DEDUPE: tuple[str, ...] = ("keep_all", "keep_first")



def _hash_functions(seed: int = 20240516) -> tuple[np.ndarray, np.ndarray]:
    """Odd multipliers and offsets of the multiply-shift hash functions of the signature, drawn from a fixed
    seed: the same signatures in every process and every run."""
    draw = np.random.default_rng(seed)
    multipliers = draw.integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)
    return multipliers, draw.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)


_MULTIPLIERS, _OFFSETS = _hash_functions()
_WORD_BASE = np.uint64(1_000_003)
#: Texts whose words are numbered together: fewer Python steps per word, never a whole corpus's words held.
TEXTS_NUMBERED_AT_ONCE = 1000


def shingle_sets(texts: Iterable[str]) -> Iterator[np.ndarray]:
    """The distinct shingles of each text as sorted 64-bit hashes (a text shorter than a shingle is one shingle).

    A word is numbered by its lowercase form, in order of first appearance; the words of
    :data:`TEXTS_NUMBERED_AT_ONCE` texts are numbered together, each distinct form lowercased once.
    """
    vocabulary: dict[str, int] = {}
    texts = iter(texts)
    while batch := [WORD.findall(text) for text in itertools.islice(texts, TEXTS_NUMBERED_AT_ONCE)]:
        words = np.fromiter(itertools.chain.from_iterable(batch), dtype=object, count=sum(map(len, batch)))
        codes, forms = pd.factorize(words)
        form_ids = np.array([vocabulary.setdefault(form.lower(), len(vocabulary)) for form in forms], dtype=np.uint64)
        ids = form_ids[codes]
        ends = np.cumsum([len(text_words) for text_words in batch])
        for start, end in zip(np.r_[0, ends[:-1]], ends):
            yield _shingles(ids[start:end])


def _shingles(ids: np.ndarray) -> np.ndarray:
    if len(ids) == 0:
        return np.empty(0, dtype=np.uint64)
    size = min(SHINGLE_WORDS, len(ids))
    hashes = np.zeros(len(ids) - size + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # the hash wraps around 2**64 on purpose
        for offset in range(size):
            hashes = hashes * _WORD_BASE + ids[offset:offset + len(hashes)] + np.uint64(1)
    return np.unique(hashes)


def signature(shingle_hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature of a set of shingles: for each hash function, the smallest value it takes."""
    if len(shingle_hashes) == 0:
        return np.full(BANDS * ROWS, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        values = shingle_hashes[None, :] * _MULTIPLIERS[:, None] + _OFFSETS[:, None]
    return values.min(axis=1)


def jaccard_similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Shared shingles over all shingles of two sorted, distinct shingle arrays."""
    if len(first) == 0 or len(second) == 0:
        return 0.0
    shared = len(np.intersect1d(first, second, assume_unique=True))
    return shared / (len(first) + len(second) - shared)


def duplicates_table(corpus: Corpus, *, min_similarity: float = MIN_SIMILARITY) -> pd.DataFrame:
    """Clusters of copies of one story: ``cluster, doc_id, similarity``, one row per article of a cluster of two or more.

    ``cluster`` numbers the clusters from 1, largest first; within a cluster the first row is its
    first article (earliest date, then natural doc_id order), and ``similarity`` is each article's
    Jaccard similarity to that first article (1.0 for itself and for an identical copy).
    """
    articles = list(corpus)
    sets = list(shingle_sets(article.text for article in articles))
    signatures = np.array([signature(shingle_set) for shingle_set in sets]).reshape(len(articles), BANDS, ROWS)
    copies = _Components(len(articles))
    checked: set[tuple[int, int]] = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = {}
        for number in range(len(articles)):
            if len(sets[number]):
                buckets.setdefault(signatures[number, band].tobytes(), []).append(number)
        for members in buckets.values():
            if len({copies.find(number) for number in members}) == 1:
                continue  # already one cluster: no pair of them can change the clusters
            for position, first in enumerate(members):
                for second in members[position + 1:]:
                    if (first, second) not in checked and copies.find(first) != copies.find(second):
                        checked.add((first, second))
                        if jaccard_similarity(sets[first], sets[second]) >= min_similarity:
                            copies.join(first, second)
    rows = []
    clusters = sorted((sorted(component, key=lambda n: _first_key(articles[n])) for component in copies.groups()),
                      key=lambda members: (-len(members), _first_key(articles[members[0]])))
    for cluster, members in enumerate(clusters, start=1):
        lead = sets[members[0]]
        rows += [(cluster, articles[n].doc_id, round(jaccard_similarity(lead, sets[n]), 4)) for n in members]
    return pd.DataFrame(rows, columns=DUPLICATE_COLUMNS)


class _Components:
    """Which articles are joined into one cluster so far (union–find, with path halving)."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, number: int) -> int:
        parent = self.parent
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    def join(self, first: int, second: int) -> None:
        self.parent[self.find(first)] = self.find(second)

    def groups(self) -> list[list[int]]:
        """The clusters of two or more members."""
        members: dict[int, list[int]] = {}
        for number in range(len(self.parent)):
            members.setdefault(self.find(number), []).append(number)
        return [group for group in members.values() if len(group) > 1]


def _first_key(article) -> tuple:
    """Earliest date first (undated last), then natural doc_id order."""
    return (article.date or "9999", natural_key(article.doc_id))


def dedupe_corpus(corpus: Corpus, *, dedupe: Dedupe = "keep_all", duplicates: pd.DataFrame | None = None) -> Corpus:
    """The corpus with each cluster of copies counted once (``keep_first``: its first article) or as it is (``keep_all``).

    ``duplicates`` is the corpus's :func:`duplicates_table`, computed here when not given.
    """
    if dedupe not in DEDUPE:
        raise ValueError(f"unknown dedupe {dedupe!r}: use one of {', '.join(DEDUPE)}")
    if dedupe == "keep_all":
        return corpus
    duplicates = duplicates_table(corpus) if duplicates is None else duplicates
    later = set(duplicates["doc_id"]) - set(duplicates.drop_duplicates("cluster")["doc_id"])
    return dataclasses.replace(corpus, articles=[article for article in corpus if article.doc_id not in later])
