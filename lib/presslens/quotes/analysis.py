"""Who gets a voice: analyses of the quotations table (table in, table out).

- :func:`top_speakers` — who is quoted most, in how many articles;
- :func:`voice_shares` — each actor's share of quotations against its share of mentions: who is talked
  about but never speaks;
- :func:`unnamed_sources` — how much of each outlet's quoting rests on unnamed sources;
- :func:`group_quotes` — quotations per actor in each group of articles (an outlet, a month, a folder);
- :func:`actor_quotes` — one actor's quotations with the sentences they stand in.
"""

from __future__ import annotations

import pandas as pd

from presslens.corpus import Corpus
from presslens.deprecation import corpus_then_table, former_keywords
from presslens.quotes.speakers import UNNAMED, UNRESOLVED
from presslens.selection import article_groups


def _named(quotes: pd.DataFrame) -> pd.DataFrame:
    _check_quotes(quotes)
    return quotes[quotes["speaker_actor"].fillna("").astype(str) != ""]


def _check_quotes(quotes: pd.DataFrame) -> None:
    missing = {"doc_id", "quote", "speaker_actor", "speaker_type"} - set(quotes.columns)
    if missing:
        raise ValueError(f"not a quotations table (it lacks {', '.join(sorted(missing))}): pass quotes_table(corpus)")


@former_keywords(n="top_n")
def top_speakers(quotes: pd.DataFrame, *, top_n: int = 20) -> pd.DataFrame:
    """The ``top_n`` actors quoted most: ``speaker_actor, speaker_type, quotes, direct, n_docs``.

    Unnamed and unresolved sources are left out (see :func:`unnamed_sources`).
    """
    if top_n < 1:
        raise ValueError(f"top_n must be at least 1, not {top_n}")
    named = _named(quotes)
    table = named.groupby(["speaker_actor", "speaker_type"], observed=True).agg(
        quotes=("quote", "size"), direct=("kind", lambda kinds: int((kinds == "direct").sum())),
        n_docs=("doc_id", "nunique"))
    return table.reset_index().sort_values(["quotes", "speaker_actor"], ascending=[False, True], ignore_index=True).head(top_n)


def voice_shares(quotes: pd.DataFrame, mentions: pd.DataFrame, *, min_mentions: int = 1) -> pd.DataFrame:
    """Each actor's share of named quotations against its share of mentions.

    Columns ``actor, type, mentions, quotes, mention_share, quote_share, voice`` — ``voice`` is the
    ratio of the two shares: above 1 the actor speaks more than it is spoken of, 0 it is talked about but
    never quoted. People and organisations only (places do not speak); most mentioned first.
    """
    if min_mentions < 1:
        raise ValueError(f"min_mentions must be at least 1, not {min_mentions}")
    speakers = mentions[mentions["type"].isin(["person", "organization"])]
    counted = speakers.groupby(["actor", "type"], observed=True).size().rename("mentions").reset_index()
    counted = counted[counted["mentions"] >= min_mentions]
    said = _named(quotes).groupby("speaker_actor").size().rename("quotes")
    table = counted.merge(said, left_on="actor", right_index=True, how="left").fillna({"quotes": 0})
    table["quotes"] = table["quotes"].astype(int)
    table["mention_share"] = table["mentions"] / max(int(counted["mentions"].sum()), 1)
    table["quote_share"] = table["quotes"] / max(int(said.sum()), 1)
    table["voice"] = table["quote_share"] / table["mention_share"]
    return table.sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)


def unnamed_sources(corpus: Corpus, quotes: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per group of articles (an outlet by default): ``group, quotes, named, unnamed, unresolved, no_speaker,
    unnamed_share`` — how much of the quoting rests on sources the reader cannot check."""
    corpus, quotes = corpus_then_table(corpus, quotes, Corpus, name="unnamed_sources")
    _check_quotes(quotes)
    groups = article_groups(corpus, by)
    kinds = quotes["speaker_type"].fillna("").map(
        lambda kind: "no_speaker" if not kind else kind if kind in (UNNAMED, UNRESOLVED) else "named")
    table = pd.crosstab(quotes["doc_id"].astype(str).map(groups).rename("group"), kinds)
    table = table.reindex(columns=["named", UNNAMED, UNRESOLVED, "no_speaker"], fill_value=0)
    table.insert(0, "quotes", table.sum(axis=1))
    table["unnamed_share"] = table[UNNAMED] / table["quotes"]
    table.columns.name = None
    return table.reset_index().sort_values("quotes", ascending=False, ignore_index=True)


@former_keywords(group_by="by", n="top_n")
def group_quotes(corpus: Corpus, quotes: pd.DataFrame, *, by: str, top_n: int = 10) -> pd.DataFrame:
    """The ``top_n`` actors quoted most in each group of articles (:func:`~presslens.selection.article_groups`,
    e.g. ``source`` or ``month``): ``group, speaker_actor, quotes, share`` — ``share`` of the group's named
    quotations. With ``by="month"`` it is the trend of each actor's voice."""
    corpus, quotes = corpus_then_table(corpus, quotes, Corpus, name="group_quotes")
    if top_n < 1:
        raise ValueError(f"top_n must be at least 1, not {top_n}")
    named = _named(quotes)
    groups = article_groups(corpus, by)
    counted = (named.assign(group=named["doc_id"].astype(str).map(groups))
               .groupby(["group", "speaker_actor"], observed=True).size().rename("quotes").reset_index())
    counted["share"] = counted["quotes"] / counted.groupby("group")["quotes"].transform("sum")
    counted = counted.sort_values(["group", "quotes", "speaker_actor"], ascending=[True, False, True])
    return counted.groupby("group", sort=True).head(top_n).reset_index(drop=True)


def actor_quotes(quotes: pd.DataFrame, actor: str, *, corpus: Corpus | None = None) -> pd.DataFrame:
    """The quotations of ``actor`` (its canonical name), in article order, with their ``sentence_text``
    when the corpus is given.

    Raises
    ------
    ValueError
        When ``actor`` is never a resolved speaker (the message names the most quoted ones).
    """
    named = _named(quotes)
    chosen = named[named["speaker_actor"] == actor]
    if chosen.empty:
        known = ", ".join(top_speakers(quotes, top_n=5)["speaker_actor"]) or "none"
        raise ValueError(f"{actor!r} is never quoted here; the most quoted are: {known}")
    chosen = chosen.sort_values(["doc_id", "start"], ignore_index=True)
    if corpus is None:
        return chosen
    articles = {article.doc_id: article for article in corpus}
    return chosen.assign(sentence_text=[_sentence_text(articles.get(doc), start, end)
                                        for doc, start, end in zip(chosen["doc_id"], chosen["start"], chosen["end"])])


def _sentence_text(article, start: int, end: int) -> str:
    """The sentences of ``article`` that the span ``[start, end)`` touches."""
    if article is None:
        return ""
    touched = [(a, b) for _, a, b in article.sentence_spans if a < end and b > start]
    return article.text[touched[0][0]:touched[-1][1]] if touched else article.text[start:end]
