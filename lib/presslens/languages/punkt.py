"""NLTK's punkt sentence tokenizer, with its own patterns run by the standard library's ``re``.

NLTK 3.10 compiles every pattern with the third-party ``regex`` engine under a time limit, a guard
meant for patterns that callers supply. Punkt's patterns are NLTK's own and fixed; run by ``re``
they split the same sentences (tested against the stock tokenizer) about 1.7 times as fast, and
sentence splitting is a large share of loading a corpus.

The patterns are private parts of NLTK's punkt (:data:`NLTK_PRIVATE_PARTS`): ``pyproject.toml`` bounds
NLTK to the versions this is tested with, and ``tests/languages/test_punkt.py`` names any part a new NLTK lacks
or splits differently with.
"""

from __future__ import annotations

import functools
import re

import nltk
from nltk.tokenize import punkt as nltk_punkt
from nltk.tokenize.punkt import PunktLanguageVars, PunktToken

from presslens.resources import require_nltk_data

#: The private parts of NLTK's punkt this module uses, as (owner, attribute).
NLTK_PRIVATE_PARTS = ((PunktLanguageVars, "_word_tokenizer_re"), (PunktLanguageVars, "period_context_re"),
                      (PunktLanguageVars, "re_boundary_realignment"), (PunktToken, "_RE_ELLIPSIS"),
                      (PunktToken, "_RE_NUMERIC"), (PunktToken, "_RE_INITIAL"), (PunktToken, "_RE_ALPHA"),
                      (nltk_punkt, "_re_non_punct"))
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII


def _plain(pattern) -> re.Pattern:
    """The same pattern, compiled by ``re``."""
    return re.compile(pattern.pattern, pattern.flags & _FLAGS)


class _PlainLanguageVars(PunktLanguageVars):
    """English punctuation rules, as NLTK writes them."""

    re_boundary_realignment = _plain(PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self):
        return _compiled(self, "word_tokenizer", super()._word_tokenizer_re)

    def period_context_re(self):
        return _compiled(self, "period_context", super().period_context_re)


class _PlainToken(PunktToken):
    """A punkt token whose type tests use ``re``."""

    _RE_ELLIPSIS = _plain(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _plain(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _plain(PunktToken._RE_INITIAL)
    _RE_ALPHA = _plain(PunktToken._RE_ALPHA)
    _RE_NON_PUNCT = _plain(nltk_punkt._re_non_punct)

    @property
    def is_non_punct(self):
        return self._RE_NON_PUNCT.search(self.type)


def _compiled(language_vars: _PlainLanguageVars, name: str, nltk_pattern) -> re.Pattern:
    cache = language_vars.__dict__
    if name not in cache:
        cache[name] = _plain(nltk_pattern())
    return cache[name]


@functools.cache
def punkt_tokenizer() -> nltk.tokenize.PunktSentenceTokenizer:
    """The English punkt sentence tokenizer, loaded once per process."""
    require_nltk_data()
    stock = nltk.tokenize.PunktTokenizer("english")
    plain = nltk.tokenize.PunktSentenceTokenizer(lang_vars=_PlainLanguageVars(), token_cls=_PlainToken)
    plain._params = stock._params  # noqa: SLF001 - the English model: no public way to hand it over
    return plain
