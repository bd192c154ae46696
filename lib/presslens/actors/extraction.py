"""The per-article step of actor extraction: the mentions of each article on its own, read in its language.

English and the other languages written in the Latin alphabet are read by capitalisation, cues and a
trained name tagger (:mod:`~.resolution`), Russian by a news NER and lemmas (:mod:`~.russian`), Chinese
by segmentation, taggers and the rules of Chinese news style (:mod:`~.chinese`); all three give mentions
of the same gazetteer, whose canonical names are one cast across languages.

This is the work an :class:`~presslens.execution.Execution` caches, keyed by the code of this module
and of what it imports (the gazetteer, reading, typing and resolution steps) and the data they read;
the corpus-wide steps that follow (:mod:`presslens.actors.tables`) are recomputed from it every time.
"""

from __future__ import annotations

import pandas as pd

from presslens.actors.gazetteer import load_gazetteer
from presslens.actors.chinese import find_mentions_zh
from presslens.actors.resolution import find_mentions
from presslens.actors.russian import find_mentions_ru
from presslens.actors.name_typing import load_models
from presslens.actors.words import load_word_lists
from presslens.corpus import Corpus

MENTION_COLUMNS = ["doc_id", "paragraph", "sentence", "start", "end", "surface", "actor", "type", "method"]


def article_mentions(corpus: Corpus, *, gazetteer: str | None = None) -> pd.DataFrame:
    """The mentions of each article on its own (aliases resolved within the article), as a table."""
    known = load_gazetteer(gazetteer or None)
    rows = [mention.__dict__ for article in corpus for mention in _finder(article.language)(article, gazetteer=known)]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _finder(language: str):
    """The mention finder of a language."""
    return {"ru": find_mentions_ru, "zh": find_mentions_zh}.get(language, find_mentions)


def load_everything(gazetteer: str | None) -> None:
    """Load the gazetteer, word lists, name tagger and name typer (once per process)."""
    load_gazetteer(gazetteer or None)
    load_word_lists()
    load_models()
