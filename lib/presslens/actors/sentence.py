"""A sentence as actor finding sees it: tokens with offsets, the known names in it, and what each word is."""

from __future__ import annotations

import re
from typing import NamedTuple

from presslens.actors.gazetteer import NAME_TOKEN, Gazetteer, plain
from presslens.actors.words import ActorRules, is_common_word

_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
CONNECTORS = {"of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "van", "von", "der", "al", "bin", "+"}
HYPHENS = {"-", "‐", "‑"}
ARTICLES = {"The", "A", "An"}
OPENERS = {"“", '"', "‘", "'", "(", "[", "-", "–", "—", ":", ";"}


class Token(NamedTuple):
    """A token of a sentence: its text, offsets into the article and whether it touches the previous token."""

    text: str
    start: int
    end: int
    glued: bool


def tokenize_names(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    tokens, previous_end, make = [], None, Token._make
    for match in NAME_TOKEN.finditer(text, start, end):
        first, last = match.span()
        tokens.append(make((match.group(), first, last, first == previous_end)))
        previous_end = last
    return tokens


class Sentence:
    """One sentence's tokens, the gazetteer's names in it, and the predicates reading and typing share."""

    def __init__(self, tokens: list[Token], gazetteer: Gazetteer, rules: ActorRules,
                 lowercase_words: frozenset[str] = frozenset()):
        self.tokens = tokens
        self.gazetteer = gazetteer
        self.rules = rules
        self.lowercase_words = lowercase_words
        self.keys = [plain(token.text) for token in tokens]
        self.lower = [key.lower() for key in self.keys]
        self.known = self._gazetteer_matches()
        self.quoted = self._quoted_tokens()

    def __len__(self) -> int:
        return len(self.keys)

    def is_common(self, word: str) -> bool:
        """An ordinary word: in the dictionary, or written in lowercase elsewhere in the same article."""
        return word.lower() in self.lowercase_words or is_common_word(word)

    def is_capitalised(self, i: int) -> bool:
        text = self.keys[i]
        if text[:1].isdigit():
            ordinal = _ORDINAL.match(text) and i + 1 < len(self.keys) and self.keys[i + 1][:1].isupper()
            return bool(ordinal) or (any(c.isupper() for c in text) and len(text) > 1)
        return text[:1].isupper() and not self.is_modifier_compound(i)

    def is_modifier_compound(self, i: int) -> bool:
        """*Agri-food*, *Ohio-based*: a word glued by a hyphen to a lowercase word (not after *of*)."""
        return (
            i + 2 < len(self.keys) and self.keys[i + 1] in HYPHENS and self.tokens[i + 1].glued
            and self.tokens[i + 2].glued and self.keys[i + 2][:1].islower() and i not in self.known
            and not (i > 0 and self.lower[i - 1] in ("of", "for"))
        )

    def is_sentence_initial(self, i: int) -> bool:
        return i == 0 or self.keys[i - 1] in OPENERS or (i == 1 and not self.keys[0][:1].isalnum())

    def in_capitals(self) -> bool:
        """Written in capitals, like a headline: at least three words and no lowercase letter."""
        words = [key for key in self.keys if key[:1].isalpha()]
        return len(words) >= 3 and not any(c.islower() for key in words for c in key)

    def is_glue(self, i: int) -> bool:
        return self.keys[i] in CONNECTORS or self.keys[i] in HYPHENS or self.keys[i] == ","

    def words_around(self, first: int, last: int, width: int = 3) -> tuple[list[str], list[str]]:
        """Up to ``width`` tokens before ``first`` and after ``last``."""
        return self.keys[max(0, first - width):first], self.keys[last:last + width]

    def _gazetteer_matches(self) -> dict[int, tuple[int, str]]:
        """The gazetteer's names, longest first from the left; a name whose words run on into a longer name
        of the same actor takes it whole (*President Xi* + *Xi Jinping*: *President Xi Jinping*)."""
        matches, i = {}, 0
        while i < len(self.keys):
            found = self.gazetteer.longest_match(self.keys, i)
            if found and not (self.is_sentence_initial(i) and found[0] == i + 1 and self._is_title_word(i, found[1])):
                end, name = found
                for k in range(i + 1, end):
                    inner = self.gazetteer.longest_match(self.keys, k)
                    if inner and inner[0] > end and inner[1] == name:
                        end = inner[0]
                matches[i] = (end, name)
                i = end
            else:
                i += 1
        return matches

    def _is_title_word(self, i: int, name: str) -> bool:
        """A one-word name at a sentence start that is also a title (*Chancellor*, *President*)."""
        return self.keys[i] != name and self.keys[i].lower() in self.rules.person_titles

    def _quoted_tokens(self) -> set[int]:
        """Positions inside quotation marks, where title-case phrases are slogans and themes, not names."""
        inside, quoted = False, set()
        for i, key in enumerate(self.keys):
            if key in ("“", "”", '"'):
                inside = key == "“" or (key == '"' and not inside)
            elif inside:
                quoted.add(i)
        return quoted
