"""Actors: the people, organisations and places an article names, merged under one name each.

Finding them takes five steps, one module each, every one inspectable:

1. :mod:`~.gazetteer` — known actors and their other names (``data/gazetteer.yaml``, extendable with
   a user file): *Chinese* → China, *NDRC* → National Development and Reform Commission.
2. :mod:`~.reading` — each sentence's runs of capitalised words, cut into names: known names, names
   with a title (*President …*), a head noun (*… Institute*, *… Province*), lists joined by *and*.
3. :mod:`~.name_typing` — names nothing above explains are typed by cues of news style
   (``data/actor_rules.yaml``) and, failing those, placed and typed by a sequence model trained on
   annotated news (:mod:`~.name_tagger`, reproduced by :mod:`~.train_tagger`), which also finds the
   names the rules missed.
4. :mod:`~.resolution` — within an article, brackets and family names join the full name, and each
   name gets one type; across the corpus the same joins follow.
5. :mod:`~.tables` — every mention with its offsets, paragraph and sentence (:func:`mentions_table`),
   actors per article (:func:`actors_table`) and over the corpus (:func:`corpus_actors`).
"""

from presslens.actors.corrections import (Corrections, apply_corrections, corrections_table, load_corrections,
                                          suggest_corrections)
from presslens.actors.gazetteer import ACTOR_TYPES, Gazetteer, GazetteerEntry, load_gazetteer, read_gazetteer_file
from presslens.actors.resolution import Mention, find_mentions
from presslens.actors.tables import (MENTION_COLUMNS, actors_table, corpus_actors, distinctive_actors_table,
                                     group_cast_table, mentions_table)

__all__ = [
    "ACTOR_TYPES", "MENTION_COLUMNS", "Corrections", "Gazetteer", "GazetteerEntry", "Mention", "actors_table",
    "apply_corrections", "corpus_actors", "corrections_table", "distinctive_actors_table", "group_cast_table", "find_mentions", "load_corrections", "load_gazetteer",
    "mentions_table", "read_gazetteer_file", "suggest_corrections",
]
