"""The name typer: the packaged model loads and types invented, unseen-looking names by their evidence."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from presslens.actors import train_typer
from presslens.actors.name_typer import LABELS, NameTyper, name_features

ROOT = Path(__file__).resolve().parents[2]
PACKAGED_MODEL = ROOT / "lib" / "presslens" / "data" / "name_typer.json.gz"
CONLL = ROOT.parent / "shared" / "corpora" / "conll2003"
#: Every how many validation spans the accuracy check takes one (about 1,200 of 5,942).
VALIDATION_STEP = 5
MIN_SLICE_ACCURACY = 0.85

#: (expected label, name, words before, words after): invented names whose type the context or the
#: form of the name makes plain, none of them a CoNLL-2003 training entity except the last MISC.
EXAMPLES = [
    ("PER", ["Nursultan", "Tokayev"], ["President"], ["said"]),
    ("PER", ["Aigerim", "Zhaksylykova"], [], ["said"]),
    ("PER", ["Wang", "Xiaoming"], ["according", "to"], [",", "deputy"]),
    ("ORG", ["Harbin", "Electric", "Corporation"], [], ["signed", "a"]),
    ("ORG", ["Harbin", "Electric", "Corporation"], ["contract", "with"], ["."]),
    ("ORG", ["Zhonghe", "Holdings", "Ltd."], [], ["said"]),
    ("LOC", ["Lake", "Balkhash"], ["near"], ["."]),
    ("LOC", ["Karaganda"], ["in"], [","]),
    ("LOC", ["Ulanqab"], ["arrived", "in"], ["on", "Tuesday"]),
    ("LOC", ["AKTOBE"], [], ["1996-08-22"]),
    ("MISC", ["Asian", "Winter", "Games"], ["the", "2026"], ["in"]),
    ("MISC", ["World", "Cup"], ["the"], ["final"]),
]


@pytest.fixture(scope="module")
def typer() -> NameTyper:
    return NameTyper.load()


def test_packaged_model_loads_once(typer):
    assert len(typer) > 1000
    assert NameTyper.load() is typer


def test_model_file_loads_from_a_path(typer):
    from_path = NameTyper.load(PACKAGED_MODEL)
    words, before, after = EXAMPLES[0][1:]
    assert from_path.probabilities(words, before, after) == typer.probabilities(words, before, after)


@pytest.mark.parametrize("expected, words, before, after", EXAMPLES)
def test_unseen_names_are_typed_by_evidence(typer, expected, words, before, after):
    label, probability = typer.classify(words, before, after)
    assert label == expected
    assert probability == typer.probabilities(words, before, after)[label]


def test_context_decides_for_the_same_name(typer):
    assert typer.classify(["Zhaksy"], ["Mr"], ["said"])[0] == "PER"
    assert typer.classify(["Zhaksy"], ["talks", "in"], ["on", "Monday"])[0] == "LOC"


@pytest.mark.parametrize("words, before, after", [
    (["Golden", "Anchor"], ["won", "the"], ["for"]),
    (["X"], [], []),
    (["Griffith-Joyner"], ["(", "1988", ")", "and"], [",", "who", "died", "in"]),
])
def test_probabilities_sum_to_one(typer, words, before, after):
    probabilities = typer.probabilities(words, before, after)
    assert tuple(probabilities) == LABELS
    assert math.isclose(sum(probabilities.values()), 1.0)
    assert all(0.0 <= value <= 1.0 for value in probabilities.values())


def test_name_features_are_deterministic_and_read_three_words_of_context():
    words, before, after = ["Pakistan", "Research", "Center"], ["officials", "at", "the"], ["in", "Karachi", "said"]
    features = name_features(words, before, after)
    assert features == name_features(list(words), list(before), list(after))
    assert features == name_features(words, ["Reuters", *before], [*after, "on", "Monday"])
    assert "last=center" in features and "b1=the" in features and "a1=in" in features


def test_name_features_need_a_word():
    with pytest.raises(ValueError):
        name_features([], ["in"], ["."])


def test_training_script_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        train_typer.main(["--help"])
    assert exit_info.value.code == 0
    assert "--conll" in capsys.readouterr().out


@pytest.mark.skipif(not (CONLL / train_typer.VALID_FILE).exists(), reason="CoNLL-2003 validation split not here")
def test_accuracy_on_a_validation_slice(typer):
    spans = train_typer.read_spans(CONLL / train_typer.VALID_FILE)[::VALIDATION_STEP]
    assert train_typer.evaluate(typer, spans).accuracy() >= MIN_SLICE_ACCURACY
