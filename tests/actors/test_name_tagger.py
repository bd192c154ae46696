"""The name tagger: names placed and typed in sentences of its own, the model file checked on load."""

from __future__ import annotations

import gzip

import pytest

from presslens.actors import find_mentions
from presslens.actors.name_tagger import NameTagger, is_name_candidate, name_tagger, tag_spans
from presslens.corpus import article_from_text


def _names(words: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(words[first:last]), label) for first, last, label in tag_spans(name_tagger().tag(words))]


def test_people_organisations_and_places_no_list_knows():
    words = "Marta Kowalska , a spokeswoman for Brenfield Logistics , said in Tarnowo on Monday .".split()
    names = _names(words)
    assert ("Marta Kowalska", "PER") in names
    assert ("Brenfield Logistics", "ORG") in names
    assert ("Tarnowo", "LOC") in names


def test_lowercase_words_are_never_part_of_a_name():
    words = "the Bank of Vellmar and the bank of the river".split()
    tags = name_tagger().tag(words)
    assert [tag for word, tag in zip(words, tags) if word in ("the", "bank", "river")] == ["O"] * 5
    assert is_name_candidate(words, 2)  # "of" between two capitalised words
    assert not is_name_candidate(words, 7)


def test_an_inside_tag_that_continues_nothing_opens_a_name():
    assert tag_spans(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_a_file_that_is_not_a_tagger_model_is_refused_with_its_name(tmp_path):
    path = tmp_path / "model.json.gz"
    path.write_bytes(gzip.compress(b'{"format": 0, "tags": ["O"], "weights": {}}'))
    with pytest.raises(ValueError, match="model.json.gz.*train_tagger"):
        NameTagger.load(path)


def _actors(text: str) -> dict[str, str]:
    return {m.surface: m.type for m in find_mentions(article_from_text("unseen", "unseen.txt", text))}


def test_a_hyphenated_given_name_stays_one_name():
    actors = _actors("Jean-Baptiste Morvan scored twice for the visitors.")
    assert actors.get("Jean-Baptiste Morvan") == "person"


def test_sentence_initial_pronouns_and_wire_end_marks_are_not_actors():
    actors = _actors("Everyone agreed that the port at Ostrava would reopen. Enditem")
    assert "Everyone" not in actors and "Enditem" not in actors


def test_a_headline_in_capitals_is_read_by_the_tagger():
    actors = _actors("MARTA KOWALSKA WINS IN TARNOWO.\n\nThe race ended early.")
    assert actors.get("MARTA") == "person" or actors.get("MARTA KOWALSKA") == "person", actors
    assert not any("WINS" in surface for surface in actors), actors  # not the headline read as one name
