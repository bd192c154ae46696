"""Read PolNeAR (brat standoff attributions: Source, Cue, Content joined by an Attribution event).

A folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; the first annotation file by
name is used for each text, as the corpus README advises.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: its content, cue and source spans (each a list of ``(start, end)`` pieces)."""

    content: list[Span]
    cue: list[Span]
    source: list[Span]


@dataclass(frozen=True)
class AnnotatedText:
    name: str
    text: str
    attributions: list[Attribution]


def read_polnear(folder: str | Path) -> list[AnnotatedText]:
    """Every annotated text of a PolNeAR split folder (``train`` or ``dev``), sorted by name.

    Raises
    ------
    ValueError
        When the folder has no ``text/`` and ``attributions/`` sub-folders.
    """
    folder = Path(folder)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise ValueError(f"{folder} is not a PolNeAR split: it needs text/ and attributions/ sub-folders "
                         "(pass e.g. .../polnear/train)")
    texts = []
    for path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if annotations:
            texts.append(AnnotatedText(path.stem, path.read_text(encoding="utf-8"), read_brat(annotations[0])))
    return texts


def read_brat(path: Path) -> list[Attribution]:
    """The attributions of one brat ``.ann`` file; events without a content span are left out."""
    spans: dict[str, list[Span]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _, _, where = parts[1].partition(" ")
            spans[parts[0]] = [tuple(map(int, piece.split())) for piece in where.split(";")]
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    return [
        Attribution(spans[event["Content"]], spans.get(event.get("Cue"), []), spans.get(event.get("Source"), []))
        for event in events if event.get("Content") in spans
    ]
