"""Quotations: who is quoted, saying what, attributed by which cue — and how that compares with who is named.

Five concerns, one module each:

1. :mod:`~.marks` — quotation marks of every language (“…” "…" «…» „…“ 「…」), followed across paragraphs.
2. :mod:`~.tagger` — English: a small CRF trained on PolNeAR news attributions (:mod:`~.train`,
   ``data/quote_tagger.crfsuite``) labels source, cue and content words; its runs become quotations,
   direct or reported, split quotations joined.
3. :mod:`~.rules` — other languages (Chinese, Russian): quotation marks and speech verbs of news style
   (``data/quote_cues.yaml``, chosen by ``Article.language``).
4. :mod:`~.speakers` — each source resolved to an actor of the article's cast: a name, a pronoun, a role,
   or an unnamed source (*officials said*), counted apart.
5. :mod:`~.tables` and :mod:`~.analysis` — the quotations table (:func:`quotes_table`) and what to ask of it.
"""

from presslens.quotes.analysis import actor_quotes, group_quotes, top_speakers, unnamed_sources, voice_shares
from presslens.quotes.tables import QUOTE_COLUMNS, article_quotes, find_quotations, quotes_table

__all__ = [
    "QUOTE_COLUMNS", "actor_quotes", "article_quotes", "find_quotations", "group_quotes", "quotes_table",
    "top_speakers", "unnamed_sources", "voice_shares",
]
