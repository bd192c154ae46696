"""Corrections to the cast: one YAML file changes mentions, actors, co-occurrence and the 03 report alike;
the cast check finds what a researcher would want to merge."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import ROOT
from presslens.actors import corpus_actors, corrections_table, load_corrections, mentions_table, suggest_corrections
from presslens.cli import main
from presslens.corpus import load_corpus

ARTICLES = {
    "interfax.txt": """Eurasian union weighs new payment system

Source: Interfax

MOSCOW, March 3 – Sergey Glaziev, the minister in charge of integration at the Eurasian Economic Commission, said on Tuesday that member states were close to agreeing a common payment system.

Glaziev told reporters in Moscow that the system would reduce reliance on the dollar. Imran Khan, the former prime minister of Pakistan, welcomed the plan in a statement.

The Global Times said the plan could interest China as well.
""",
    "tass.txt": """Minister defends currency plan

Source: TASS

ASTANA, March 5 – Sergei Glazyev defended the currency plan at a meeting with Kazakh officials in Astana on Thursday.

Glazyev said the Eurasian Economic Commission had studied the experience of the European Union. Sadiq Khan, the mayor of London, and Imran Khan both commented on the proposal.

The Global Times also reported on the meeting.
""",
    "dawn.txt": """Rally in Lahore

Source: Dawn

LAHORE, March 6 – Speaking at a rally, Mr Khan said the currency plan deserved a hearing. Supporters cheered when Mr Khan called the visit welcome.
""",
}
CORRECTIONS = """merge:  {Sergey Glaziev: [Sergei Glazyev]}
rename: {Eurasian Economic Commission: EEC}
retype: {Global Times: location}
drop:   [Moscow, Nobody In The Text]
"""


@pytest.fixture
def cast(tmp_path):
    corpus = tmp_path / "cast"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    corrections = tmp_path / "cast.yaml"
    corrections.write_text(CORRECTIONS, encoding="utf-8")
    return corpus, corrections


def test_the_cast_check_suggests_the_unmerged_names(cast):
    corpus, _ = cast
    suggestions = suggest_corrections(mentions_table(load_corpus(corpus)))
    found = {(kind, names) for kind, names in suggestions[["kind", "names"]].itertuples(index=False)}
    assert ("similar spelling", "Sergei Glazyev | Sergey Glaziev") in found or \
        ("similar spelling", "Sergey Glaziev | Sergei Glazyev") in found
    assert any(kind == "surname alone" and names.startswith("Khan | ") and "Imran Khan" in names and "Sadiq Khan" in names
               for kind, names in found), found
    assert not any("Austria" in names for _, names in found)


def test_corrections_merge_rename_retype_drop_and_say_what_they_changed(cast):
    corpus_path, corrections = cast
    corpus = load_corpus(corpus_path)
    before = mentions_table(corpus)
    after = mentions_table(corpus, corrections=corrections)
    cast_after = corpus_actors(after).set_index("actor")
    assert "Sergei Glazyev" not in cast_after.index and "Moscow" not in cast_after.index
    assert cast_after.loc["Sergey Glaziev", "mentions"] == (before["actor"].isin(["Sergey Glaziev", "Sergei Glazyev"])).sum()
    assert cast_after.loc["EEC", "type"] == "organization" and cast_after.loc["Global Times", "type"] == "location"
    assert len(after) == len(before) - (before["actor"] == "Moscow").sum()
    changes = corrections_table(before, load_corrections(corrections)).set_index(["action", "name"])["mentions"]
    assert changes[("merge", "Sergei Glazyev")] == (before["actor"] == "Sergei Glazyev").sum() > 0
    assert changes[("drop", "Nobody In The Text")] == 0, "a correction that changed nothing says so"


def test_export_actors_and_cooccurrence_use_the_same_corrected_cast(cast, tmp_path):
    corpus, corrections = cast
    for table in ("actors", "cooccurrence"):
        assert main(["export", table, "--corpus", str(corpus), "--out", str(tmp_path / f"{table}.csv"),
                     "--corrections", str(corrections), "--jobs", "1"]) == 0
    actors = pd.read_csv(tmp_path / "actors.csv")
    pairs = pd.read_csv(tmp_path / "cooccurrence.csv")
    named = set(actors["actor"])
    assert {"Sergey Glaziev", "EEC"} <= named and not {"Sergei Glazyev", "Moscow", "Eurasian Economic Commission"} & named
    assert set(pairs["actor_a"]) | set(pairs["actor_b"]) <= named
    assert ("EEC" in set(pairs["actor_a"]) | set(pairs["actor_b"]))


def test_the_03_report_shows_the_corrected_cast(cast, tmp_path):
    corpus, corrections = cast
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "03_actor_cooccurrence.ipynb", notebooks)
    assert main(["report", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--notebooks", str(notebooks),
                 "--corrections", str(corrections), "--max-articles", "0"]) == 0
    page = (tmp_path / "out" / "html" / "03_actor_cooccurrence.html").read_text(encoding="utf-8")
    assert "EEC" in page and "Sergei Glazyev" in page  # the table of what changed names the merged spelling
    assert "Eurasian Economic Commission</td>" not in page.split("Step 3")[-1], "after the cast check, only the new name"


@pytest.mark.parametrize("text, message", [
    ("merge: [a, b]", "merge must be a mapping"),
    ("retype: {Global Times: newspaper}", "unknown type 'newspaper'"),
    ("drops: [x]", "unknown section(s) drops"),
    ("merge: {a: [b", "not valid YAML"),
])
def test_a_faulty_corrections_file_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml") as error:
        load_corrections(path)
    assert message in str(error.value)


def test_names_in_other_scripts_are_not_all_one_name():
    import pandas as pd

    from presslens.actors.corrections import suggest_corrections

    mentions = pd.DataFrame({
        "doc_id": ["a"] * 4, "paragraph": 0, "sentence": 0, "start": 0, "end": 1,
        "surface": ["张云虎", "北京大学", "Лужков", "Мосгордума"], "actor": ["张云虎", "北京大学", "Юрий Лужков", "Мосгордума"],
        "type": ["person", "organization", "person", "organization"], "method": "rule",
    })
    assert not (suggest_corrections(mentions)["kind"] == "two types").any()
