"""A character-level CRF that reads the names the other readers found and settles their boundaries and types.

Each character is described by itself and its neighbours, by what the combined readers say of it
(:func:`presslens.actors.chinese.find_spans_zh` before this step, as B-/I- labels), by jieba's word
position and part-of-speech tag, and by the rules' character classes (family name, transliteration,
end of a body's or a place's name). The model (``data/chinese_names.crfsuite``, python-crfsuite) is
trained by :mod:`presslens.actors.chinese_train` on the People's Daily 1998 development documents;
a model trained on either half, measured on the other, says how it does on text it never saw
(``bench/actors_zh.py``).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from importlib import resources as importlib_resources

import presslens.actors.chinese_rules as rules
from presslens.actors.chinese_spans import Span, Word

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/chinese_names.crfsuite",)
MODEL = DATA_FILES[0]
LABELS = {"person": "PER", "organization": "ORG", "location": "LOC"}
TYPES = {label: kind for kind, label in LABELS.items()}


def refine(sentence: str, spans: list[Span], words: list[Word]) -> list[Span]:
    """The model's names of ``sentence`` given the spans found so far; a span the model keeps as it
    was keeps its method. A name with other than Chinese characters (Latin letters, digits, spaces)
    is taken only when the readers found it too: the model learnt from Chinese text alone."""
    labels = tagger().tag(features(sentence, spans, words))
    methods = {(span.start, span.end, span.type): span.method for span in spans}
    bounds = {(span.start, span.end) for span in spans}
    return [_with_method(span, methods) for span in spans_of(labels)
            if (span.start, span.end) in bounds or rules.is_chinese_name(sentence[span.start:span.end])]


def features(sentence: str, spans: list[Span], words: list[Word]) -> list[dict[str, str | float]]:
    """One feature dict per character of ``sentence``."""
    found = labels_of(spans, len(sentence))
    position, tag = [""] * len(sentence), [""] * len(sentence)
    for word in words:
        for index in range(word.start, word.end):
            single = word.end - word.start == 1
            position[index] = "S" if single else "B" if index == word.start else "E" if index == word.end - 1 else "M"
            tag[index] = word.tag
    rows = []
    for index, char in enumerate(sentence):
        row: dict[str, str | float] = {
            "c": char, "found": found[index], "word": position[index], "tag": tag[index],
            "word_tag": position[index] + tag[index], "found_tag": found[index] + "|" + tag[index],
            "surname": float(char in rules.SURNAMES), "transliteration": float(char in rules.TRANSLITERATION),
            "body_end": float(char in rules.BODY_HEAD_ENDS), "place_end": float(char in rules.PLACE_ENDS),
            "before": (sentence[index - 1] if index else "#") + char,
            "after": char + (sentence[index + 1] if index + 1 < len(sentence) else "#"),
        }
        for offset in (-2, -1, 1, 2):
            other = index + offset
            inside = 0 <= other < len(sentence)
            row[f"c{offset:+d}"] = sentence[other] if inside else "#"
            row[f"found{offset:+d}"] = found[other] if inside else "#"
        rows.append(row)
    return rows


def labels_of(spans: list[Span], length: int) -> list[str]:
    """B-/I- labels of ``spans`` over ``length`` characters (O outside them)."""
    labels = ["O"] * length
    for span in spans:
        label = LABELS[span.type]
        labels[span.start] = "B-" + label
        for index in range(span.start + 1, span.end):
            labels[index] = "I-" + label
    return labels


def spans_of(labels: list[str]) -> list[Span]:
    """Spans of B-/I- labels (an I- that does not continue a name of its type starts one)."""

    spans: list[Span] = []
    start, kind = None, None
    for index, label in enumerate([*labels, "O"]):
        continues = label.startswith("I-") and kind == TYPES.get(label[2:])
        if start is not None and not continues:
            spans.append(Span(start, index, kind, "model"))
            start, kind = None, None
        if label != "O" and not continues:
            start, kind = index, TYPES[label[2:]]
    return spans


def _with_method(span: Span, methods: dict) -> Span:

    method = methods.get((span.start, span.end, span.type))
    return replace(span, method=method) if method else span


@functools.cache
def tagger():
    """The trained model, loaded once per process."""
    import pycrfsuite

    resource = importlib_resources.files("presslens").joinpath(MODEL)
    if not resource.is_file():
        raise ValueError(f"the Chinese name model {MODEL} is missing from the presslens package: "
                         "train it with `python -m presslens.actors.chinese_train` or reinstall presslens")
    loaded = pycrfsuite.Tagger()
    with importlib_resources.as_file(resource) as path:
        loaded.open(str(path))
    return loaded
