"""The quotation tagger's training script, on a tiny PolNeAR-style folder written for this test."""

from __future__ import annotations

import pytest

from presslens.quotes.polnear import read_polnear
from presslens.quotes.train import main

SENTENCES = [
    ("Maria Lopez", "said", "the port would reopen in May"),
    ("The mayor", "told", "reporters the budget was balanced"),
    ("Officials", "said", "the bridge needed repairs"),
]


def _write_split(folder, copies: int) -> None:
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for n in range(copies):
        text, lines = "Headline\n", []
        for k, (source, cue, content) in enumerate(SENTENCES):
            start = len(text)
            text += f"{source} {cue} {content}.\n"
            spans = [(start, start + len(source)), (start + len(source) + 1, start + len(source) + 1 + len(cue))]
            spans.append((spans[1][1] + 1, spans[1][1] + 1 + len(content)))
            for label, (a, b), t in zip(("Source", "Cue", "Content"), spans, range(3)):
                lines.append(f"T{3 * k + t + 1}\t{label} {a} {b}\t{text[a:b]}")
            lines.append(f"E{k + 1}\tAttribution:T{3 * k + 2} Content:T{3 * k + 3} Cue:T{3 * k + 2} Source:T{3 * k + 1}")
        (folder / "text" / f"doc{n}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"doc{n}_ann.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_training_writes_a_tagger_that_finds_what_it_was_shown(tmp_path, capsys):
    _write_split(tmp_path / "train", copies=10)
    assert len(read_polnear(tmp_path / "train")[0].attributions) == 3
    model = tmp_path / "tagger.crfsuite"
    main(["--polnear", str(tmp_path / "train"), "--out", str(model), "--hold-out", "0.5"])
    printed = capsys.readouterr().out
    assert model.is_file() and (tmp_path / "tagger_cues.txt").read_text().split() == ["said", "told"]
    assert "trained on 5 texts" in printed and "loose" in printed


def test_a_folder_that_is_not_polnear_is_refused(tmp_path):
    with pytest.raises(ValueError, match="text/ and attributions/"):
        read_polnear(tmp_path)
