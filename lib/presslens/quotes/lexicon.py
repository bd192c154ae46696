"""The words of attribution per language (``data/quote_cues.yaml``), chosen by an article's language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from presslens.yaml_files import read_yaml

DATA_FILES = ("data/quote_cues.yaml",)
CUES_PATH = Path(__file__).resolve().parent.parent / DATA_FILES[0]


@dataclass(frozen=True)
class CueLexicon:
    """Speech verbs, *according to* phrases, unnamed-source words, pronouns and roles of one language."""

    language: str
    verbs: tuple[str, ...]
    according_to: tuple[str, ...]
    that: tuple[str, ...]
    unnamed: frozenset[str]
    pronouns: dict[str, str]
    roles: frozenset[str]


@functools.cache
def cue_lexicon(language: str) -> CueLexicon:
    """The lexicon of ``language`` (ISO 639-1); a language without one is read with English words.

    Raises
    ------
    ValueError
        When ``data/quote_cues.yaml`` lacks a field a language needs.
    """
    entries = read_yaml(CUES_PATH.read_text(encoding="utf-8"))
    entry = entries.get(language) or entries["en"]
    try:
        return CueLexicon(
            language=language if language in entries else "en",
            verbs=tuple(entry["verbs"]), according_to=tuple(entry["according_to"]), that=tuple(entry["that"]),
            unnamed=frozenset(entry["unnamed"]), pronouns=dict(entry["pronouns"]), roles=frozenset(entry["roles"]),
        )
    except KeyError as missing:
        raise ValueError(f"{CUES_PATH}: language {language!r} lacks the field {missing}; "
                         "give it verbs, according_to, that, unnamed, pronouns and roles") from None
