"""How the articles write each term: one display form for a term that is counted case-folded.

Terms are counted in lowercase (``china`` counts *China*, *CHINA* and *china*) and as lemmas
(``investment`` counts *investments*); a reader expects to see a term the way the articles write it,
and the same way in every chart and table. :func:`spelling_table` finds, in a token table or in token
chunks, the form in which each lowercase word is most often written; :func:`spelling_of` wraps it, with
the counted phrases as written together, in a :class:`Spelling`, which gives the display form of a term,
a phrase or a label of several terms. Figures take it as ``spelling=``; :func:`written_terms` applies it
to the term columns of a table that is shown.

A lemma that the articles never write as such (``ministry`` when only *Ministries* occurs) takes the
capitalisation of its most frequent written form (*Ministry*), never another word's spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from presslens.chunks import TokenChunks, chunks_of, remembered, summed_counts
from presslens.counts import TermCounts
from presslens.text import content_mask

SPELLING_COLUMNS = ["term", "written", "count"]
#: A word in a term: letters and digits, with inner hyphens and apostrophes (*cross-border*, *Xi'an*).
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def spelling_table(tokens: pd.DataFrame | TokenChunks, *, words: Iterable[str] | None = None) -> pd.DataFrame:
    """The display form of every counted word of ``tokens`` (no stopword, number or single letter: what term
    tables and figures show), or of the given ``words`` only: ``term, written, count``, most frequent first.

    ``term`` is a ``lower`` form or a ``lemma`` of :func:`~presslens.text.tokens_table`; ``written`` the
    way it is most often written (ties: the first in corpus order); ``count`` how often it occurs. A
    surface that is not the term in other letters (*Russia's* for ``russia``, *Ministries* for the lemma
    ``ministry``) lends the term its capitalisation only. ``words`` (terms or phrases, any case) limits the
    table to their words: a few terms' spelling without counting every word of a large corpus.
    """
    wanted = None if words is None else sorted({word.lower() for term in words for word in str(term).split()})
    counts = summed_counts(_written_counts(_counted(chunk, wanted)) for chunk in chunks_of(tokens) if len(chunk))
    if counts.empty:
        return pd.DataFrame(columns=SPELLING_COLUMNS)
    by_lower, by_lemma = (_most_written(counts.xs(key, level="key")) for key in ("lower", "lemma"))
    table = pd.concat([by_lower, by_lemma[~by_lemma["term"].isin(set(by_lower["term"]))]], ignore_index=True)
    if wanted is not None:
        table = table[table["term"].isin(wanted)]  # another word of the rows read is only partly counted
    return table.sort_values("count", ascending=False, kind="stable", ignore_index=True)


def _counted(tokens: pd.DataFrame, words: list[str] | None) -> pd.DataFrame:
    """The content tokens of a chunk whose ``lower`` form or ``lemma`` is one of ``words`` (all when None)."""
    if words is not None:
        tokens = tokens[tokens["lower"].isin(words) | tokens["lemma"].isin(words)]
    return tokens[content_mask(tokens)]


def _written_counts(tokens: pd.DataFrame) -> pd.Series:
    """How often each ``lower`` form and each ``lemma`` is written each way, indexed by ``key, term, written``
    (``key``: ``lower`` or ``lemma``)."""
    return pd.concat({key: _as_written(tokens[[key, "surface"]].astype(str).value_counts(sort=False))
                      for key in ("lower", "lemma")}, names=["key"])


def _as_written(pairs: pd.Series) -> pd.Series:
    """Counts indexed by ``term, surface`` added up by the way each surface writes its term (``term, written``)."""
    terms = pairs.index.get_level_values(0).astype(str)
    surfaces = pairs.index.get_level_values(1).astype(str).tolist()  # a list: one conversion, not one per string
    written = [_written_as(term, surface) for term, surface in zip(terms.tolist(), surfaces)]
    index = pd.MultiIndex.from_arrays([terms, written], names=["term", "written"])
    return pd.Series(pairs.to_numpy(), index=index).groupby(level=["term", "written"], sort=False).sum()


def _written_as(term: str, surface: str) -> str:
    """``term`` as ``surface`` writes it: the surface itself when it is the term in other letters, else
    the term with the capitalisation of each word of the surface."""
    if surface.lower() == term:
        return surface
    words, surfaces = term.split(" "), surface.split(" ")
    if len(words) != len(surfaces):
        return term
    return " ".join(_cased_like(word, written) for word, written in zip(words, surfaces))


def _most_written(counts: pd.Series) -> pd.DataFrame:
    """Per term: the way it is most often written (the first in order when tied) and its total count."""
    if counts.empty:
        return pd.DataFrame(columns=SPELLING_COLUMNS)
    table = counts.rename("n").reset_index()
    totals = table.groupby("term", sort=False)["n"].sum()
    first = table.sort_values("n", ascending=False, kind="stable").drop_duplicates("term")
    return pd.DataFrame({"term": first["term"].to_numpy(), "written": first["written"].to_numpy(),
                         "count": first["term"].map(totals).to_numpy()})


def _cased_like(term: str, written: str) -> str:
    """``term`` with the capitalisation of ``written``: all capitals, a capital first, or as it is."""
    if len(written) > 1 and written.isupper():
        return term.upper()
    if written[:1].isupper():
        return term[:1].upper() + term[1:]
    return term


@dataclass(frozen=True)
class Spelling:
    """The display form of terms: call it with a term, a phrase or a label of several terms. A known phrase
    is written as the corpus writes it; otherwise each word is, and a word the corpus never writes stays
    as given. Build it with :func:`spelling_of`.
    """

    forms: dict[str, str] = field(repr=False)

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> Spelling:
        """The spelling of a :func:`spelling_table`."""
        missing = set(SPELLING_COLUMNS) - set(table.columns)
        if missing:
            raise ValueError(f"a spelling table needs the columns {', '.join(SPELLING_COLUMNS)}; "
                             f"missing: {', '.join(sorted(missing))}. Make it with spelling_table(tokens).")
        return cls(dict(zip(table["term"].astype(str), table["written"].astype(str))))

    def __call__(self, term) -> str:
        text = str(term)
        whole = self.forms.get(text.lower())
        return whole if whole is not None else WORD.sub(lambda word: self.forms.get(word.group().lower(), word.group()), text)


def spelling_of(tokens: pd.DataFrame | TokenChunks, *, terms: TermCounts | None = None,
                words: Iterable[str] | None = None) -> Spelling:
    """The :class:`Spelling` of the words of a token table or of token chunks (:func:`spelling_table`, kept in
    the cache of the chunks as :func:`~presslens.chunks.remembered` keeps tables), or of the given ``words``
    only (the few terms a figure shows) — or, given the counts a notebook has made (``terms``,
    :func:`~presslens.counts.term_counts`), of the terms counted there, without reading the tokens
    again: their words, and their phrases as written together (*Global Times* is one name, where its words
    alone would read *global Times*)."""
    if terms is not None:
        return Spelling.from_table(_most_written(_as_written(terms.forms)))
    if words is not None:
        return Spelling.from_table(spelling_table(tokens, words=words))
    return Spelling.from_table(remembered(tokens, spelling_table))


def written_terms(table: pd.DataFrame, spelling: Spelling, *, columns: Sequence[str] = ("term",)) -> pd.DataFrame:
    """A copy of ``table`` whose ``columns`` show each term as the articles write it (for display only:
    the counts behind it are case-folded)."""
    unknown = [column for column in columns if column not in table.columns]
    if unknown:
        raise ValueError(f"no column {', '.join(map(repr, unknown))} in the table (columns: {', '.join(map(str, table.columns))})")
    shown = table.copy()
    for column in columns:
        shown[column] = shown[column].map(spelling)
    return shown
