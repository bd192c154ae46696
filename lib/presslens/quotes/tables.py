"""The quotations table: every quotation of a corpus with its cue and its speaker resolved to the cast.

Each article's quotations are found on their own (English by the trained tagger, other languages by
the rules of :mod:`~.rules`) — cached and spread over cores by an :class:`~presslens.execution.Execution`
when one is given; the speakers are resolved afterwards against the mentions table, whose actors are
joined across the corpus.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import pandas as pd

from presslens.corpus import Article, Corpus
from presslens.quotes.lexicon import cue_lexicon
from presslens.quotes.rules import rule_quotations
from presslens.quotes.speakers import antecedent_mentions, article_casts, paragraph_speaker, resolve_speaker
from presslens.quotes.tagger import Quotation, load_tagger, tagged_quotations

if TYPE_CHECKING:
    from presslens.execution import Execution

QUOTE_COLUMNS = ["doc_id", "paragraph", "sentence", "start", "end", "quote", "kind", "cue", "speaker",
                 "speaker_actor", "speaker_type"]
FOUND_COLUMNS = [*QUOTE_COLUMNS[:9], "speaker_start", "speaker_end", "cue_start"]
#: Offsets a quotation may lack (no speaker, no cue), as whole numbers that may be missing.
OFFSET_TYPES = {"speaker_start": "Int64", "speaker_end": "Int64", "cue_start": "Int64"}
#: Between the pieces of a quotation split around its cue.
PIECE_JOINER = " … "
TAGGED_LANGUAGES = frozenset({"en"})


def quotes_table(corpus: Corpus, *, mentions: pd.DataFrame | None = None,
                 execution: Execution | None = None) -> pd.DataFrame:
    """Every quotation: ``doc_id, paragraph, sentence, start, end, quote, kind, cue, speaker, speaker_actor,
    speaker_type``.

    ``start``/``end`` are offsets into the article's text (``quote`` joins the pieces of a quotation split
    around its cue with " … "); ``kind`` is ``direct`` or ``reported``; ``speaker`` the words that name the
    source, ``speaker_actor`` the actor of the cast they stand for and ``speaker_type`` its type, or
    ``unnamed`` (*officials said*), ``unresolved`` (a source no actor stands for), empty when no speaker is
    given.

    Parameters
    ----------
    mentions
        The corpus's mentions table (:func:`~presslens.actors.mentions_table`); computed when not given.
    execution
        Finds each article's quotations once, kept in its cache, in its workers (:mod:`presslens.execution`).
    """
    found = (article_quotes(corpus) if execution is None
             else execution.table(article_quotes, corpus, columns=FOUND_COLUMNS, prepare=load_tagger))
    if mentions is None:
        from presslens.actors import mentions_table
        mentions = mentions_table(corpus, execution=execution)
    missing = {"doc_id", "start", "end", "actor", "type"} - set(mentions.columns)
    if missing:
        raise ValueError(f"the mentions table lacks {', '.join(sorted(missing))}: pass the table of mentions_table()")
    return resolve_speakers(found, mentions, languages={article.doc_id: article.language for article in corpus})


def article_quotes(corpus: Corpus) -> pd.DataFrame:
    """The quotations of each article on its own, speakers as written (with their offsets), not yet resolved."""
    rows = [row for article in corpus for row in _article_rows(article)]
    return pd.DataFrame(rows, columns=FOUND_COLUMNS).astype(OFFSET_TYPES)  # the same types in every chunk of a cache


def find_quotations(article: Article) -> list[Quotation]:
    """The quotations of one article, read by the tagger (English) or the rules of its language."""
    if article.language in TAGGED_LANGUAGES:
        return tagged_quotations(article.text, article.paragraph_spans)
    return rule_quotations(article.text, article.paragraph_spans, cue_lexicon(article.language))


def _article_rows(article: Article) -> list[dict]:
    sentence_starts = [start for _, start, _ in article.sentence_spans]
    rows = []
    for quotation in find_quotations(article):
        number = max(bisect.bisect_right(sentence_starts, quotation.start) - 1, 0)
        paragraph = article.sentence_spans[number][0] if article.sentence_spans else 0
        text = article.text
        source = quotation.source or (None, None)
        rows.append({
            "doc_id": article.doc_id, "paragraph": paragraph, "sentence": number,
            "start": quotation.start, "end": quotation.end,
            "quote": PIECE_JOINER.join(text[a:b] for a, b in quotation.pieces),
            "kind": quotation.kind, "cue": text[slice(*quotation.cue)] if quotation.cue else "",
            "speaker": text[slice(*quotation.source)] if quotation.source else "",
            "speaker_start": source[0], "speaker_end": source[1],
            "cue_start": quotation.cue[0] if quotation.cue else None,
        })
    return rows


def resolve_speakers(found: pd.DataFrame, mentions: pd.DataFrame, *, languages: dict[str, str]) -> pd.DataFrame:
    """``found`` (:func:`article_quotes`) with ``speaker_actor`` and ``speaker_type`` from the article's mentions.

    A quotation whose speaker the text does not give next to it takes the person or organisation named in
    its paragraph outside the quotation, nearest to its cue (*…,” the party’s candidate for mayor said*).
    """
    casts = article_casts(mentions)
    quotations, sources = {}, {}
    for row in found.itertuples(index=False):
        quotations.setdefault(str(row.doc_id), []).append((row.start, row.end))
        if row.speaker:
            sources.setdefault(str(row.doc_id), []).append((int(row.speaker_start), int(row.speaker_end)))
    antecedents = {doc_id: antecedent_mentions(casts.get(doc_id, []), spans, sources.get(doc_id, []))
                   for doc_id, spans in quotations.items()}
    speakers, actors, types = [], [], []
    for row in found.itertuples(index=False):
        cast = casts.get(str(row.doc_id), [])
        if row.speaker:
            actor, kind = resolve_speaker(row.speaker, row.speaker_start, row.speaker_end, row.start, cast,
                                          cue_lexicon(languages.get(str(row.doc_id), "en")),
                                          antecedents=antecedents[str(row.doc_id)])
            speaker = row.speaker
        else:
            anchor = row.start if pd.isna(row.cue_start) else row.cue_start
            speaker, actor, kind = paragraph_speaker(cast, row.paragraph, row.start, row.end, anchor)
        speakers.append(speaker)
        actors.append(actor)
        types.append(kind)
    table = found.assign(doc_id=found["doc_id"].astype(str), speaker=speakers, speaker_actor=actors, speaker_type=types)
    return table[QUOTE_COLUMNS].reset_index(drop=True)
