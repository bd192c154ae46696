"""Word lists that reading and typing use: the cues of ``data/actor_rules.yaml``, English dictionary
words, and given names; NLTK's lists are read here alone (:func:`nltk_lines`), once per process.

Given names come from NLTK's ``names`` corpus (about 7,900 English given names) together with the
rules file's ``given_names`` (names common in the news of other regions); a capitalised pair that
starts with one is a person's name until something says otherwise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources as importlib_resources

import nltk

from presslens.resources import require_nltk_data
from presslens.languages.en import lemmatize
from presslens.yaml_files import read_yaml

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/actor_rules.yaml",)
#: NLTK data files of given names and of English words.
NAMES_FILES = ("corpora/names/male.txt", "corpora/names/female.txt")
WORDS_FILE = "corpora/words/en"


@dataclass(frozen=True)
class ActorRules:
    """The word lists of ``data/actor_rules.yaml``, lowercased into sets (names keep their case)."""

    person_titles: frozenset[str]
    apposition_roles: frozenset[str]
    speech_verbs: frozenset[str]
    organization_descriptors: frozenset[str]
    organization_keywords: frozenset[str]
    location_keywords: frozenset[str]
    work_keywords: frozenset[str]
    location_prefixes: frozenset[str]
    location_prepositions: frozenset[str]
    prepositions: frozenset[str]
    chinese_surnames: frozenset[str]
    given_names: frozenset[str]
    group_nouns: frozenset[str]
    not_actors: frozenset[str]

    @functools.cached_property
    def name_keywords(self) -> frozenset[str]:
        """Head nouns of organisation and place names and of the names of things (*ministry*, *province*, *treaty*)."""
        return self.organization_keywords | self.location_keywords | self.work_keywords


@functools.cache
def load_rules() -> ActorRules:
    """The typing rules, with NLTK's given names added to the rules file's own; loaded once."""
    source = importlib_resources.files("presslens").joinpath("data/actor_rules.yaml").read_text("utf-8")
    data = read_yaml(source)
    cased = {"chinese_surnames", "given_names", "group_nouns", "not_actors"}
    lists = {key: frozenset(str(v) if key in cased else str(v).lower() for v in values) for key, values in data.items()}
    lists["given_names"] = lists["given_names"] | given_names()
    return ActorRules(**lists)


def nltk_lines(resource: str) -> list[str]:
    """The lines of a plain-text NLTK data file, found on NLTK's search path (``NLTK_DATA`` first): the one
    reader of NLTK's word lists.

    Raises
    ------
    MissingNLTKData
        When a package presslens needs is not installed (``presslens setup`` installs them).
    """
    require_nltk_data()
    with nltk.data.find(resource).open() as stream:
        return stream.read().decode("utf-8").splitlines()


@functools.cache
def given_names() -> frozenset[str]:
    """Given names of NLTK's ``names`` corpus (male and female), as written (*Florence*, *Ivan*); loaded once."""
    names = (line.strip() for listing in NAMES_FILES for line in nltk_lines(listing))
    return frozenset(name for name in names if name and not name.startswith("#"))


@functools.cache
def common_words() -> frozenset[str]:
    """Lowercase English dictionary words (NLTK ``words``): capitalised, they are usually not names. The
    corpus's capitalised entries (proper nouns such as *Aaron*) are left out; loaded once."""
    return frozenset(word for line in nltk_lines(WORDS_FILE) for word in line.split() if word.islower())


def is_common_word(token: str) -> bool:
    """True for an ordinary English word (in any inflection), such as *Cranes* or *Looking*."""
    lower = token.lower()
    common = common_words()
    if lower in common or lemmatize(lower) in common:
        return True
    for suffix, replacement in (("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("ier", "y"), ("iest", "y"),
                                ("er", ""), ("est", ""), ("ed", ""), ("ed", "e"), ("s", ""), ("ly", "")):
        if lower.endswith(suffix) and lower[: -len(suffix)] + replacement in common:
            return True
    return False


@functools.cache
def function_words() -> frozenset[str]:
    """English stopwords (NLTK) and the prepositions they lack (``data/actor_rules.yaml``), lowercased: words
    that start no name."""
    stopwords = frozenset(word for line in nltk_lines("corpora/stopwords/english") for word in line.split())
    return stopwords | load_rules().prepositions


def load_word_lists() -> None:
    """Load every list once (before worker processes fork)."""
    load_rules()
    common_words()
    function_words()
