"""The pieces Chinese actor finding works with: a name found in a sentence (:class:`Span`), a word of
jieba's segmentation with its part-of-speech tag (:class:`Word`), and that segmentation."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from presslens.languages.zh import segmenter


@dataclass(frozen=True)
class Span:
    """A name found in a sentence: character offsets into the sentence, type, how it was found."""

    start: int
    end: int
    type: str
    method: str  # gazetteer | tagger | rule | model


@dataclass(frozen=True)
class Word:
    """A word of a segmenter with its offsets in the sentence and its part-of-speech tag."""

    start: int
    end: int
    text: str
    tag: str


def segment_jieba(sentence: str) -> list[Word]:
    """jieba's words of ``sentence`` with offsets and part-of-speech tags."""
    words, position = [], 0
    for pair in jieba_tokenizer().cut(sentence):
        words.append(Word(position, position + len(pair.word), pair.word, pair.flag))
        position += len(pair.word)
    return words


@functools.cache
def jieba_tokenizer():
    """jieba's part-of-speech tokenizer over the language layer's segmenter (one dictionary a process)."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(segmenter())
