"""Sentences: punkt with its patterns run by ``re`` splits exactly where NLTK's own tokenizer does."""

from __future__ import annotations

import re

import nltk

from conftest import SEEDS
from presslens.languages.punkt import NLTK_PRIVATE_PARTS, punkt_tokenizer

TRICKY = (
    "Mr. J. R. Smith met Dr. Ono at 9 a.m. on Jan. 5… Then he left. “Is it over?” she asked. «Non.» "
    "Prices rose 3.5 per cent -- the U.S. Fed said... (It did.) 'Yes,' he said! No. 5 came first; "
    "see p. 12.\nA new line. etc. and so on. [Done.] {Really?} Yes!!! ‘Fine.’ The end."
)


def test_the_private_parts_of_punkt_used_are_in_this_nltk():
    missing = [f"{getattr(owner, '__name__', owner)}.{name}" for owner, name in NLTK_PRIVATE_PARTS if not hasattr(owner, name)]
    assert not missing, f"NLTK {nltk.__version__} lacks {missing}: adapt presslens.languages.punkt or bound nltk lower"


def test_sentences_are_nltks_on_real_and_tricky_text():
    stock = nltk.tokenize.PunktTokenizer("english")
    texts = [TRICKY, *(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))]
    for text in texts:
        assert list(punkt_tokenizer().span_tokenize(text)) == list(stock.span_tokenize(text))
    assert len(punkt_tokenizer().tokenize(TRICKY)) >= 8


def test_the_patterns_are_the_standard_librarys():
    tokenizer = punkt_tokenizer()
    language = tokenizer._lang_vars
    patterns = [language.period_context_re(), language._word_tokenizer_re(), language.re_boundary_realignment,
                tokenizer._Token._RE_NUMERIC, tokenizer._Token._RE_NON_PUNCT]
    assert all(isinstance(pattern, re.Pattern) for pattern in patterns)
