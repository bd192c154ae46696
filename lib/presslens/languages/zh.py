"""Chinese: words as jieba segments them, traditional characters counted as simplified, sentences ended by 。！？.

A Chinese "word" is what a segmenter says it is. jieba (a prefix dictionary of about 350,000 words
with a hidden Markov model for words it does not know) was measured against the word boundaries of
People's Daily 1998 (``bench/languages.py``). A token keeps its surface as written; its ``lower`` and
``lemma`` forms are simplified characters (OpenCC ``t2s``), so that 經濟 and 经济 count as one word.
"""

from __future__ import annotations

import functools
import logging
import re


from presslens.languages.base import Language, news_stoplist, nltk_stopwords


#: The end of a sentence: 。！？ (or their ASCII forms, or …), with the closing quotes and brackets after it.
SENTENCE_END = re.compile(r"(?:[。！？!?]+|…{1,2})[”’」』）)\"'》]*")
#: Han characters, the letters of Chinese words (a "word" with none of them is a number, a Latin name…).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD_CHARACTER = re.compile(r"\w")
#: Numbers written with digits or Chinese numerals, alone or with a unit of count (*2024*, *三十*, *百分之五*).
_NUMBER = re.compile(r"^[\d.,%％〇零一二三四五六七八九十百千万亿两几第]+$")


class Chinese(Language):
    code = "zh"

    def sentence_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans, first = [], start
        for match in SENTENCE_END.finditer(text, start, end):
            if text[first:match.end()].strip():
                spans.append(_stripped(text, first, match.end()))
            first = match.end()
        if text[first:end].strip():
            spans.append(_stripped(text, first, end))
        return spans

    def words(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """jieba's words, found in the text's simplified form (its dictionary's) and returned as written."""
        written = text[start:end]
        read = simplified_in_place(written)
        return [(start + first, written[first:last]) for word, first, last in segmenter().tokenize(read)
                if _WORD_CHARACTER.search(word)]

    def count_words(self, text: str) -> int:
        return sum(1 for word in segmenter().cut(simplified_in_place(text)) if _WORD_CHARACTER.search(word))

    def lower(self, word: str) -> str:
        return simplified(word).lower()

    def is_number(self, lower: str) -> bool:
        return bool(_NUMBER.match(lower)) or super().is_number(lower)

    @functools.cached_property
    def stopwords(self) -> frozenset[str]:
        return nltk_stopwords("zh") | {simplified(word) for word in news_stoplist("zh")}


def starts_han(word: str) -> bool:
    """Whether ``word`` starts with a Han character (compared as strings: far faster than :data:`HAN` on the
    many words of a corpus)."""
    return "\u3400" <= word < "\ua000" or "\uf900" <= word < "\ufb00"


@functools.cache
def segmenter():
    """jieba's tokenizer with its dictionary loaded (once per process, quietly)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=200_000)
def simplified(text: str) -> str:
    """``text`` in simplified characters (traditional ones converted by OpenCC)."""
    return _converter().convert(text)


def simplified_in_place(text: str) -> str:
    """``text`` in simplified characters, character for character (offsets are kept): converted whole when
    that keeps its length (it almost always does), else one character at a time."""
    whole = simplified(text)
    if len(whole) == len(text):
        return whole
    return "".join(single if len(single := simplified(char)) == 1 else char for char in text)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
