"""The theme lexicon: for each theme, single words and multiword phrases, in every language it lists.

A theme lexicon (``data/themes.yaml``) lists, for each theme, single words and multiword phrases.
Entries are lemmatised at load time with :func:`presslens.text.lemmatize_phrase`, the function that
lemmatises the text, so the file can list natural forms (*supply chains*, *customs clearance*).
``words`` and ``phrases`` are English; a theme's ``languages`` lists its terms in other languages
(``zh: [贸易, 自由贸易区]``, ``ru: [торговля, товарооборот]``), lemmatised by that language's tools
when its articles are first matched. One lemma or phrase never stands under two themes.

A user lexicon in the same format either extends the built-in one (the default: new ids add themes,
known ids get more words and phrases) or replaces it (``mode: replace`` at the top of the file).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import pandas as pd
import yaml

from presslens.languages import language_tools
from presslens.text import lemmatize_phrase
from presslens.yaml_files import read_yaml

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/themes.yaml",)

_THEME_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Theme:
    """One theme: its id, label, description, and its entries as lemmas, in the order of the file."""

    id: str
    label: str
    description: str
    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    #: (language (ISO 639-1), its terms as written in the lexicon); English is ``words`` and ``phrases``.
    languages: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def entries(self, language: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """The theme's words and phrases (as lemmas) in ``language``: lemmatised when first asked for, so that a
        corpus in one language never loads the tools of the others."""
        if language == "en":
            return self.words, self.phrases
        terms = next((terms for code, terms in self.languages if code == language), ())
        return _lemmatized(self.id, terms, language)


@dataclass(frozen=True)
class Lexicon:
    """The themes, in the order of the file(s) they were read from."""

    themes: tuple[Theme, ...]
    source: str

    @property
    def ids(self) -> list[str]:
        return [theme.id for theme in self.themes]

    @property
    def labels(self) -> dict[str, str]:
        return {theme.id: theme.label for theme in self.themes}

    def __getitem__(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(f"no theme {theme_id!r} in the lexicon; themes: {', '.join(self.ids)}")


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The built-in theme lexicon, extended or replaced by the YAML file at ``path``.

    Parameters
    ----------
    path
        A lexicon in the format of ``data/themes.yaml``. By default it extends the built-in lexicon:
        a theme with a new id is added, a theme with a known id gets its words and phrases added (and
        its label or description replaced when given). With ``mode: replace`` at the top of the file,
        its themes are the whole lexicon. ``None`` or ``""``: the built-in lexicon alone.

    Raises
    ------
    ValueError
        When the file does not exist or is not a lexicon: no ``themes`` list, a theme without a valid
        id, a new theme without words, an entry with no word in it, or one word listed under two themes.
    """
    builtin = importlib_resources.files("presslens").joinpath("data/themes.yaml").read_text("utf-8")
    entries = _read_lexicon_yaml(builtin, "the built-in lexicon")["themes"]
    source = "built-in"
    if path:
        file = Path(path).expanduser()
        if not file.is_file():
            raise ValueError(
                f"lexicon file not found: {file} — pass a YAML file in the format of "
                "presslens/data/themes.yaml, or an empty value for the built-in lexicon"
            )
        user = _read_lexicon_yaml(file.read_text("utf-8"), str(file))
        if user["mode"] == "replace":
            entries, source = user["themes"], str(file)
        else:
            entries, source = _extend_entries(entries, user["themes"]), f"built-in + {file}"
    themes = tuple(_build_theme(entry) for entry in entries)
    lexicon = Lexicon(themes=themes, source=source)
    check_entries(lexicon, "en")
    return lexicon


def _read_lexicon_yaml(text: str, where: str) -> dict:
    try:
        data = read_yaml(text)
    except yaml.YAMLError as error:
        raise ValueError(f"{where} is not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list) or not data["themes"]:
        raise ValueError(f"{where} has no 'themes' list: start the file with 'themes:' followed by '- id: ...' entries")
    mode = data.get("mode", "extend")
    if mode not in ("extend", "replace"):
        raise ValueError(f"{where}: mode must be 'extend' (the default) or 'replace', not {mode!r}")
    seen = set()
    for number, entry in enumerate(data["themes"], start=1):
        theme_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(theme_id, str) or not _THEME_ID.match(theme_id):
            raise ValueError(
                f"theme #{number} in {where} has no valid id ({theme_id!r}): give every theme an 'id' of "
                "lowercase letters, digits and underscores, starting with a letter"
            )
        if theme_id in seen:
            raise ValueError(f"{where} lists the theme {theme_id!r} twice: merge the two entries")
        seen.add(theme_id)
        for key in ("words", "phrases"):
            if not isinstance(entry.get(key) or [], list):
                raise ValueError(f"theme {theme_id!r} in {where}: '{key}' must be a list, such as [export, import]")
        languages = entry.get("languages") or {}
        if not isinstance(languages, dict) or not all(isinstance(terms or [], list) for terms in languages.values()):
            raise ValueError(f"theme {theme_id!r} in {where}: 'languages' must map a language code to a list of "
                             "terms, such as {zh: [贸易, 出口], ru: [торговля, экспорт]}")
    return {"themes": data["themes"], "mode": mode}


def _extend_entries(builtin: list[dict], extra: list[dict]) -> list[dict]:
    merged = {entry["id"]: dict(entry) for entry in builtin}
    for entry in extra:
        known = merged.get(entry["id"])
        if known is None:
            merged[entry["id"]] = dict(entry)
            continue
        for key in ("label", "description"):
            if entry.get(key):
                known[key] = entry[key]
        for key in ("words", "phrases"):
            known[key] = list(known.get(key) or []) + list(entry.get(key) or [])
        languages = dict(known.get("languages") or {})
        for code, terms in (entry.get("languages") or {}).items():
            languages[code] = list(languages.get(code) or []) + list(terms or [])
        known["languages"] = languages
    return list(merged.values())


def _build_theme(entry: dict) -> Theme:
    words, phrases = _lemmatized(entry["id"], tuple(map(str, (entry.get("words") or []) + (entry.get("phrases") or []))), "en")
    if not words and not phrases:
        raise ValueError(f"theme {entry['id']!r} has no words or phrases: list at least one under 'words:'")
    languages = tuple((str(code), tuple(map(str, terms or ()))) for code, terms in (entry.get("languages") or {}).items())
    default_label = entry["id"].replace("_", " ").capitalize()
    return Theme(
        id=entry["id"],
        label=str(entry.get("label") or default_label),
        description=str(entry.get("description") or ""),
        words=words,
        phrases=phrases,
        languages=languages,
    )


@functools.lru_cache(maxsize=None)
def _lemmatized(theme_id: str, terms: tuple[str, ...], language: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Single words and phrases of a theme's entries in ``language``, as lemmas, in order and without repeats."""
    tools = language_tools(language)
    words, phrases = {}, {}  # dicts keep the file's order and drop repeats
    for raw in terms:
        lemmas = tuple(lemmatize_phrase(str(raw), tools).split())
        if not lemmas:
            raise ValueError(f"theme {theme_id!r}: the entry {raw!r} contains no word; remove it")
        if len(lemmas) == 1:
            words[lemmas[0]] = None
        else:
            phrases[lemmas] = None
    return tuple(words), tuple(phrases)


@functools.lru_cache(maxsize=64)
def check_entries(lexicon: Lexicon, language: str) -> None:
    """Refuse a lexicon whose terms in ``language`` put one lemma or phrase under two themes (checked for
    English when the lexicon loads, for another language when its articles are first matched)."""
    owner: dict[str | tuple[str, ...], str] = {}
    for theme in lexicon.themes:
        words, phrases = theme.entries(language)
        for entry in [*words, *phrases]:
            if owner.setdefault(entry, theme.id) != theme.id:
                shown = entry if isinstance(entry, str) else " ".join(entry)
                raise ValueError(
                    f"'{shown}' is listed under two themes, {owner[entry]!r} and {theme.id!r} (language {language}): "
                    "keep it in one, so that one word never counts for two themes"
                )


def lexicon_table(lexicon: Lexicon) -> pd.DataFrame:
    """One row per theme: ``theme, label, description, n_words, n_phrases, examples`` (its first entries)."""
    rows = [
        (
            theme.id, theme.label, theme.description, len(theme.words), len(theme.phrases),
            ", ".join([*theme.words[:5], *(" ".join(phrase) for phrase in theme.phrases[:2])]),
        )
        for theme in lexicon.themes
    ]
    return pd.DataFrame(rows, columns=["theme", "label", "description", "n_words", "n_phrases", "examples"])
