"""The researcher's corrections to the cast: merge, rename, retype and drop actors, from a YAML file.

Automatic extraction is a first reading; a study signs its own cast. A corrections file says, once
for the whole project, which names are the same actor, what an actor is called, what type it is and
which names are not actors for this study::

    merge:  {Xi Jinping: [Xi, President Xi]}     # canonical: names that are the same actor
    rename: {Far East: Russian Far East}
    retype: {FIFA World Cup: organization}
    drop:   [Global Times]                        # not an actor for this study

They are applied in that order to the mentions (:func:`apply_corrections`), so every table, network
and page made from them agrees; :func:`corrections_table` says what each one changed.
:func:`suggest_corrections` points at what a file may need: a surname standing alone beside several
full names, two spellings of one name, one name under two types.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from rapidfuzz import fuzz, process

from presslens.actors.gazetteer import ACTOR_TYPES
from presslens.yaml_files import read_yaml

#: Similarity (rapidfuzz's ``ratio``, 0–100) from which two names of one type are suggested as one spelling:
#: two transliterations of a name (*Glaziev*, *Glazyev*; *Gaddafi*, *Qaddafi*) are about 86% alike.
SIMILAR_SPELLING = 85
ACTIONS = ("merge", "rename", "retype", "drop")
CHANGE_COLUMNS = ["action", "name", "becomes", "mentions"]
SUGGESTION_COLUMNS = ["kind", "names", "type", "mentions", "why"]


@dataclass(frozen=True)
class Corrections:
    """Merges (canonical → other names), renames (name → new name), retypes (name → type) and drops."""

    merge: dict[str, list[str]] = field(default_factory=dict)
    rename: dict[str, str] = field(default_factory=dict)
    retype: dict[str, str] = field(default_factory=dict)
    drop: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.merge or self.rename or self.retype or self.drop)


def load_corrections(path: str | Path | None) -> Corrections:
    """Read a corrections file; ``None`` or ``""``: no corrections.

    Raises
    ------
    ValueError
        Naming the file and what is wrong: not YAML, an unknown section, a section of the wrong
        shape, an unknown type.
    """
    if not path:
        return Corrections()
    where = Path(path).expanduser()
    try:
        data = read_yaml(where.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ValueError(f"{where}: cannot read the corrections file ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise ValueError(f"{where}: not valid YAML{at} ({getattr(error, 'problem', None) or 'unreadable'})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{where}: a corrections file is a mapping with the sections {', '.join(ACTIONS)}")
    unknown = sorted(set(data) - set(ACTIONS))
    if unknown:
        raise ValueError(f"{where}: unknown section(s) {', '.join(unknown)}; the sections are {', '.join(ACTIONS)}")
    merge = _mapping(data, "merge", where, "{Canonical name: [other name, ...]}")
    rename = _mapping(data, "rename", where, "{name: new name}")
    retype = _mapping(data, "retype", where, "{name: person|organization|location}")
    drop = data.get("drop") or []
    if not isinstance(drop, list):
        raise ValueError(f"{where}: drop must be a list of names, e.g. [Global Times]")
    wrong = {name: kind for name, kind in retype.items() if kind not in ACTOR_TYPES}
    if wrong:
        name, kind = next(iter(wrong.items()))
        raise ValueError(f"{where}: retype {name}: unknown type {kind!r}; use one of {', '.join(ACTOR_TYPES)}")
    return Corrections(
        merge={str(canonical): [str(name) for name in (names if isinstance(names, list) else [names])]
               for canonical, names in merge.items()},
        rename={str(name): str(new) for name, new in rename.items()},
        retype={str(name): str(kind) for name, kind in retype.items()},
        drop=[str(name) for name in drop],
    )


def _mapping(data: dict, section: str, where: Path, form: str) -> dict:
    value = data.get(section) or {}
    if not isinstance(value, dict):
        raise ValueError(f"{where}: {section} must be a mapping {form}")
    return value


def apply_corrections(mentions: pd.DataFrame, corrections: Corrections) -> pd.DataFrame:
    """The mentions with the corrections applied: merged and renamed actors, new types, dropped names gone.

    A merged or renamed actor takes the type most of its mentions have, unless it is retyped.
    """
    if not corrections or mentions.empty:
        return mentions
    corrected = mentions.copy()
    actor = corrected["actor"]
    to_canonical = {name: canonical for canonical, names in corrections.merge.items() for name in names}
    actor = actor.replace(to_canonical).replace(corrections.rename)
    corrected["actor"] = actor
    changed = actor.isin(set(to_canonical.values()) | set(corrections.rename.values()))
    if changed.any():
        votes = corrected[changed].groupby(["actor", "type"]).size().sort_values(ascending=False, kind="stable")
        chosen = votes.reset_index().drop_duplicates("actor").set_index("actor")["type"]
        corrected.loc[changed, "type"] = corrected.loc[changed, "actor"].map(chosen)
    retyped = corrected["actor"].isin(set(corrections.retype))
    corrected.loc[retyped, "type"] = corrected.loc[retyped, "actor"].map(corrections.retype)
    return corrected[~corrected["actor"].isin(set(corrections.drop))].reset_index(drop=True)


def corrections_table(mentions: pd.DataFrame, corrections: Corrections) -> pd.DataFrame:
    """What each correction changed in ``mentions`` (before correction): ``action, name, becomes, mentions``.

    A correction that found nothing to change is listed with 0 mentions: a misspelt name shows up here.
    """
    counts = mentions["actor"].value_counts()
    rows = [("merge", name, canonical, int(counts.get(name, 0)))
            for canonical, names in corrections.merge.items() for name in names]
    rows += [("rename", name, new, int(counts.get(name, 0))) for name, new in corrections.rename.items()]
    after_names = apply_corrections(mentions, Corrections(merge=corrections.merge, rename=corrections.rename))
    after = after_names["actor"].value_counts()
    rows += [("retype", name, kind, int(after.get(name, 0))) for name, kind in corrections.retype.items()]
    rows += [("drop", name, "", int(after.get(name, 0))) for name in corrections.drop]
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def suggest_corrections(mentions: pd.DataFrame, *, min_ratio: int = SIMILAR_SPELLING) -> pd.DataFrame:
    """Merges a researcher may want: ``kind, names, type, mentions, why``, most mentioned first.

    - ``surname alone``: a one-word person left unmerged because several full names end with it;
    - ``similar spelling``: two actors of one type whose names are near-identical (rapidfuzz ``ratio``
      ≥ ``min_ratio``), such as two transliterations of one name — unless the gazetteer knows both
      (*Austria* and *Australia* are alike and two places);
    - ``two types``: one name, written differently (case, accents, a leading *the*), under two types.
    """
    if mentions.empty:
        return pd.DataFrame(columns=SUGGESTION_COLUMNS)
    actors = mentions.groupby(["actor", "type"], observed=True).size().rename("mentions").reset_index()
    known = set(mentions.loc[mentions["method"] == "gazetteer", "actor"])
    rows = _surnames_alone(actors) + _similar_spellings(actors, min_ratio, known) + _names_under_two_types(actors)
    table = pd.DataFrame(rows, columns=SUGGESTION_COLUMNS)
    return table.sort_values(["mentions", "names"], ascending=[False, True], ignore_index=True)


def _surnames_alone(actors: pd.DataFrame) -> list[tuple]:
    people = actors[actors["type"] == "person"]
    full = people[people["actor"].str.contains(" ")]
    by_last = full.groupby(full["actor"].str.split().str[-1])["actor"].agg(list)
    rows = []
    for name, count in people.loc[~people["actor"].str.contains(" "), ["actor", "mentions"]].itertuples(index=False):
        candidates = by_last.get(name, [])
        if len(candidates) > 1:
            rows.append(("surname alone", " | ".join([name, *candidates]), "person", int(count),
                         f"{name} alone could be any of {len(candidates)} people: merge it into the one it means"))
    return rows


def _similar_spellings(actors: pd.DataFrame, min_ratio: int, known: set[str]) -> list[tuple]:
    rows = []
    for kind, group in actors.groupby("type"):
        names = group["actor"].tolist()
        counts = dict(zip(group["actor"], group["mentions"]))
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=min_ratio, dtype=np.uint8, workers=1)
        for first, second in zip(*scores.nonzero()):
            if first < second and names[first].casefold() != names[second].casefold() \
                    and not {names[first], names[second]} <= known:
                pair = sorted([names[first], names[second]], key=lambda name: -counts[name])
                rows.append(("similar spelling", " | ".join(pair), kind, int(counts[pair[0]] + counts[pair[1]]),
                             f"{scores[first, second]:.0f}% alike: one actor spelt two ways?"))
    return rows


def _names_under_two_types(actors: pd.DataFrame) -> list[tuple]:
    key = actors["actor"].map(_plain_name)
    typed_two_ways = actors.groupby(key)["type"].transform("nunique").to_numpy() > 1
    rows = []
    for _, group in actors[typed_two_ways].groupby(key[typed_two_ways]):
        rows.append(("two types", " | ".join(group["actor"]), " | ".join(group["type"]), int(group["mentions"].sum()),
                     "one name typed two ways: retype or merge"))
    return rows


def _plain_name(name: str) -> str:
    """A name without case, accents or a leading *the*, in any script (*Zürich* and *Zurich*, *中国* itself)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)).casefold()
    return plain.removeprefix("the ").strip()
