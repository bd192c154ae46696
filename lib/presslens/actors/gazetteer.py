"""Step 1 — the gazetteer: known actors and the other names they go by.

``data/gazetteer.yaml`` holds general knowledge (countries with their adjectives, regions, cities,
international organisations, leaders…); a user file in the same format extends it, its entries taking
precedence. Names are matched token by token, case-sensitively: *Chinese* → China, *NDRC* → National
Development and Reform Commission. A name written in capitals (a dateline's *URUMQI*) matches the
entry of its ordinary spelling.

An actor has one canonical name in every language: its names in other languages (``names``: *中国*,
*Китай* → China) come from ``data/names_cldr.yaml`` (country and territory names of the Unicode CLDR,
made by :mod:`presslens.actors.make_names`) and the curated ``data/names_<language>.yaml``; a user
file may give them too (``names: {zh: [...], ru: [...]}``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from types import MappingProxyType

import yaml

from presslens.yaml_files import read_yaml

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/gazetteer.yaml", "data/names_cldr.yaml", "data/names_zh.yaml", "data/names_ru.yaml")

ACTOR_TYPES: tuple[str, ...] = ("person", "organization", "location")
#: The type of a name to know but not to count (a railway, a pipeline): read whole, never an actor.
NOT_ACTOR = "thing"

#: Tokens for name finding: abbreviations and initials keep their full stop, possessive 's stands alone.
NAME_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|(?:St|Co|Ltd|Corp|Inc|Jr|Sr|Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep|Mt|Ft|No|Messrs)\.(?=[\s,;:)]|$)"
    r"|[A-Z]\.(?=\s+[A-Z][a-z])"
    r"|['’]s\b"
    r"|\w+(?:['’](?!s\b)\w+)*"
    r"|[^\w\s]"
)


#: The files of names in other languages, merged into the built-in gazetteer in this order.
NAME_FILES = DATA_FILES[1:]


@dataclass(frozen=True)
class GazetteerEntry:
    """A known actor: canonical name, type, the other names it goes by, and its names in other languages."""

    name: str
    type: str
    aliases: tuple[str, ...]
    names: tuple[tuple[str, str], ...] = ()  # (language, name as written in it)


class Gazetteer:
    """Known actors indexed by the token sequence of every name they go by (case-sensitive).

    Read-only: one gazetteer is shared by every caller of :func:`load_gazetteer` in a process.
    """

    def __init__(self, entries: list[GazetteerEntry]):
        self.entries: Mapping[str, GazetteerEntry] = MappingProxyType({entry.name: entry for entry in entries})
        index: dict[tuple[str, ...], str] = {}
        for entry in entries:
            for surface in (entry.name, *entry.aliases):
                key = name_key(surface)
                for spelling in (key, *_article_spellings(key)) if key else ():
                    index.setdefault(spelling, entry.name)
        self.index: Mapping[tuple[str, ...], str] = MappingProxyType(index)
        self.max_tokens = max((len(key) for key in index), default=1)
        lengths: dict[str, set[int]] = {}
        for key in index:
            lengths.setdefault(key[0], set()).add(len(key))
        #: For each first token, the lengths in tokens of the names it starts, longest first.
        self.lengths: Mapping[str, tuple[int, ...]] = MappingProxyType(
            {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()})
        self._names: dict[str, Mapping[str, str]] = {}

    def names_in(self, language: str) -> Mapping[str, str]:
        """Every name of an actor as written in ``language`` (ISO 639-1) -> its canonical name.

        The first entry to give a name keeps it (a user file's entries come first).
        """
        if language not in self._names:
            found: dict[str, str] = {}
            for entry in self.entries.values():
                for name_language, name in entry.names:
                    if name_language == language:
                        found.setdefault(name, entry.name)
            self._names[language] = MappingProxyType(found)
        return self._names[language]

    def __len__(self) -> int:
        return len(self.entries)

    def type_of(self, name: str) -> str:
        return self.entries[name].type

    def longest_match(self, keys: list[str], start: int) -> tuple[int, str] | None:
        """(end, canonical name) of the longest known name starting at ``keys[start]``, or None.

        Words in capitals also match as ordinarily spelt (*URUMQI* as *Urumqi*), unless the capitals
        are themselves a known name (*UN*, *NATO*).
        """
        word = keys[start]
        capitals = len(word) >= 3 and word.isupper()
        if not capitals and word not in self.lengths:
            return None  # most words start no name: the common case, answered at once
        for candidate in (keys, _ordinary_spelling(keys, start, self.max_tokens) if capitals else None):
            if candidate is None:
                continue
            for length in self.lengths.get(candidate[start], ()):
                end = start + length
                name = self.index.get(tuple(candidate[start:end])) if end <= len(candidate) else None
                if name:
                    return end, name
        return None


#: The Arabic article a name may open with, written with or without a capital (*al-Qaida*, *Al-Qaida*).
_ARTICLES = {"al": "Al", "Al": "al", "el": "El", "El": "el"}


def _article_spellings(key: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The other spelling of a name that opens with the Arabic article and a hyphen."""
    if len(key) > 2 and key[0] in _ARTICLES and key[1] == "-":
        return ((_ARTICLES[key[0]], *key[1:]),)
    return ()


def _ordinary_spelling(keys: list[str], start: int, width: int) -> list[str] | None:
    """``keys`` with the capitalised words from ``start`` on written as ordinary names, or None when none is."""
    changed = list(keys)
    for position in range(start, min(len(keys), start + width)):
        word = keys[position]
        if len(word) >= 3 and word.isupper() and word.isalpha():
            changed[position] = word.capitalize()
    return changed if changed[start] != keys[start] else None


def name_key(surface: str) -> tuple[str, ...]:
    """The token sequence a name is matched by (curly apostrophes and dashes made plain)."""
    return tuple(plain(token) for token in NAME_TOKEN.findall(surface))


def plain(token: str) -> str:
    """A token with curly apostrophes and non-breaking hyphens made plain."""
    return token.replace("’", "'").replace("‐", "-").replace("‑", "-")


def read_gazetteer_file(path: str | Path) -> list[GazetteerEntry]:
    """Entries of a gazetteer YAML file (``actors:`` list of ``name``, ``type``, ``aliases``).

    Raises
    ------
    ValueError
        When the file is missing or an entry lacks a name or has an unknown type.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"gazetteer file not found: {path} — pass a YAML file with an `actors:` list")
    return _parse_gazetteer(path.read_text("utf-8"), str(path))


def _parse_gazetteer(source: str, where: str, *, known: dict[str, GazetteerEntry] | None = None) -> list[GazetteerEntry]:
    """Entries of a gazetteer file. An entry may omit its type when ``known`` has an actor of that name:
    it then adds names to that actor. ``names`` is a list (in the file's ``language``) or a mapping
    language -> list."""
    try:
        data = read_yaml(source) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{where} is not valid YAML: {error}") from None
    actors = data.get("actors") or [] if isinstance(data, dict) else None
    if not isinstance(actors, list) or not all(isinstance(item, dict) for item in actors):
        raise ValueError(f"{where}: a gazetteer is a mapping whose `actors:` is a list of entries, each with "
                         "`name:` and `type:` (see the README)")
    file_language = str(data.get("language") or "")
    entries = []
    for number, item in enumerate(actors, start=1):
        name, kind = str(item.get("name") or "").strip(), str(item.get("type") or "").strip()
        if not kind and known and name in known:
            kind = known[name].type
        if not name or kind not in (*ACTOR_TYPES, NOT_ACTOR):
            raise ValueError(
                f"{where}: actor #{number} needs a `name` and a `type` among {', '.join(ACTOR_TYPES)}, or "
                f"`{NOT_ACTOR}` for a name to know but not count (got {item!r})"
            )
        entries.append(GazetteerEntry(name, kind, tuple(str(a) for a in item.get("aliases") or ()),
                                      _names(item.get("names"), file_language, where, number)))
    return entries


def _names(value, file_language: str, where: str, number: int) -> tuple[tuple[str, str], ...]:
    if not value:
        return ()
    if isinstance(value, dict):
        return tuple((str(language), str(name)) for language, names in value.items() for name in names or ())
    if not file_language:
        raise ValueError(f"{where}: actor #{number} lists `names` without a language: write `names: {{ru: [...]}}` "
                         "or put `language: ru` at the top of the file")
    return tuple((file_language, str(name)) for name in value)


def _merge(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """One entry per canonical name: later entries of the same name add their aliases and names."""
    merged: dict[str, GazetteerEntry] = {}
    for entry in entries:
        first = merged.get(entry.name)
        merged[entry.name] = entry if first is None else GazetteerEntry(
            first.name, first.type, first.aliases + tuple(a for a in entry.aliases if a not in first.aliases),
            first.names + tuple(n for n in entry.names if n not in first.names))
    return list(merged.values())


@functools.cache
def _builtin_entries() -> tuple[GazetteerEntry, ...]:
    files = importlib_resources.files("presslens")
    entries = _parse_gazetteer(files.joinpath("data/gazetteer.yaml").read_text("utf-8"), "built-in gazetteer")
    known = {entry.name: entry for entry in entries}
    for name_file in NAME_FILES:
        resource = files.joinpath(name_file)
        if resource.is_file():
            entries += _parse_gazetteer(resource.read_text("utf-8"), name_file, known=known)
    return tuple(_merge(entries))


def load_gazetteer(extra: str | None = None) -> Gazetteer:
    """The built-in gazetteer, extended by a user file (whose entries take precedence) when given.

    Kept in memory by the file's content, so that an edited file is read again.
    """
    if not extra:
        return _gazetteer_with(None, b"")
    try:
        content = Path(extra).expanduser().read_bytes()
    except OSError:
        content = b""  # read_gazetteer_file says what is wrong with the path
    return _gazetteer_with(str(extra), content)


@functools.lru_cache(maxsize=8)
def _gazetteer_with(extra: str | None, content: bytes) -> Gazetteer:  # content: part of the cache key only
    user = read_gazetteer_file(extra) if extra else []
    return Gazetteer(_merge([*user, *_builtin_entries()]))
