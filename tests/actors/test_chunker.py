"""The tagger and named-entity chunker read from NLTK's weights label words exactly as NLTK's own do."""

from __future__ import annotations

import nltk
import pytest
from nltk.chunk.named_entity import shape as nltk_shape
from nltk.tag import PerceptronTagger

from presslens.actors.chunker import NamedEntityChunker, PartOfSpeechTagger, name_chunker, word_shape
from presslens.actors.gazetteer import plain
from presslens.actors.sentence import tokenize_names

#: Words whose shape depends on the regular-expression engine's reading of Unicode: decimals,
#: superscript digits, combining accents, Devanagari vowel signs, underscores, dashes.
ODD_WORDS = ["2024", "3.5", ".5", "12th", "1990s", "²", "½", "e\u0301te\u0301", "हिन्दी", "snake_case", "—", "...",
             "“", "O'Neill", "McDonald", "NATO", "iPhone", "Xi", "ok-ish", "", "İstanbul", "ǅemal", "ΑΘΗΝΑ"]

EXTRA_TEXT = (
    "Five Chinese companies signed the deal. Kassym-Jomart Tokayev met Xi Jinping in Astana on 3 July 2024. "
    "“Belt and Road” cooperation grew 12.5 per cent, the Ministry of Commerce said. "
    "In Almaty, McDonald's and iPhone sales fell; NATO and the EU said nothing. "
    "Émile Zola, São Paulo and Ǆemal Bijedić are names; so is Jürgen Klinsmann."
)


def _stock_spans(stock, tagged: list[tuple[str, str]]) -> set[tuple[int, int]]:
    spans, position = set(), 0
    for node in stock.parse(tagged):
        size = len(node) if isinstance(node, nltk.Tree) else 1
        if isinstance(node, nltk.Tree):
            spans.add((position, position + size))
        position += size
    return spans


def _windows(text: str) -> list[list[str]]:
    """Runs of 1 to 9 words starting every third word, as typing hands them to the chunker."""
    keys = [plain(token.text) for token in tokenize_names(text, 0, len(text))]
    return [keys[start:start + 1 + start % 9] for start in range(0, len(keys), 3)]


@pytest.mark.parametrize("word", ODD_WORDS)
def test_word_shapes_are_nltks(word):
    assert word_shape(word) == nltk_shape(word)


@pytest.fixture(scope="module")
def windows(seeds_dir) -> list[list[str]]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))] + [EXTRA_TEXT]
    return [window for text in texts for window in _windows(text)] + [ODD_WORDS, ["-", "1990", "19-year-old", "2"]]


def test_tags_equal_nltks_tagger(windows):
    stock, tagger = PerceptronTagger(), PartOfSpeechTagger.load()
    expected = [stock.tag(window) for window in windows]
    assert len({tag for tagged in expected for _, tag in tagged}) > 20
    assert [tagger.tag(window) for window in windows] == expected


def test_chunks_equal_nltks_chunker(windows):
    stock_tagger = PerceptronTagger()
    tagged = [stock_tagger.tag(window) for window in windows]
    stock = nltk.chunk.ne_chunker(fmt="binary")
    mine = NamedEntityChunker.load()

    expected = [_stock_spans(stock, words) for words in tagged]
    assert len(windows) > 500
    assert sum(bool(spans) for spans in expected) > 100  # names are found, not only their absence
    assert [mine.entity_spans(words) for words in tagged] == expected


def test_a_name_at_a_sentence_start_is_an_entity_and_an_ordinary_word_is_not():
    chunker = name_chunker()
    assert chunker.named_entity_spans(["Angela", "Merkel", "met", "the", "press", "."]) == {(0, 2)}
    assert chunker.named_entity_spans(["Yesterday", "the", "company", "said", "."]) == set()
    assert chunker.named_entity_spans([]) == set()
