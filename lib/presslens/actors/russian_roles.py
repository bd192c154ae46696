"""Roles that name a person: *президент России* after *президент России Владимир Путин*.

Russian news introduces a person with a role just before the name (*министр иностранных дел Сергей
Лавров*, *глава МИД Японии …*) and then often writes the role alone. A role that came before exactly one
person's name in an article names that person wherever it comes back alone, in any inflection.
"""

from __future__ import annotations

from collections import defaultdict

from presslens.actors.russian_models import lemmas, plain_word
from presslens.actors.russian_names import Candidate, shape

#: Nouns that begin a role (dictionary forms).
ROLE_NOUNS = frozenset("""
президент премьер премьер-министр министр вице-премьер глава председатель губернатор мэр директор
руководитель лидер спикер посол канцлер генсек секретарь пресс-секретарь замминистра заместитель
король королева принц шейх эмир султан патриарх командующий главнокомандующий начальник прокурор
генпрокурор омбудсмен уполномоченный полпред
""".split())
#: A role is at least two words (*президент России*, not *президент* alone) and at most five.
ROLE_REACH = 5


def role_mentions(tokens: list, candidates: list[Candidate]) -> list[Candidate]:
    """A mention of the person for every role of the article that comes back without the name."""
    roles = defaultdict(set)
    for person in (c for c in candidates if c.type == "person"):
        role = _role_before(tokens, person, candidates)
        if role:
            roles[tuple(lemmas(tokens[n].text) for n in range(role, person.first))].add(person.actor)
    named = {c.first for c in candidates if c.type == "person"}
    mentions = []
    for role, actors in roles.items():
        if len(actors) != 1:
            continue
        actor = next(iter(actors))
        beginnings = {lemma[:3] for lemma in role[0]}
        for first in range(len(tokens) - len(role) + 1):
            last = first + len(role)
            if plain_word(tokens[first].text)[:3] not in beginnings or last in named or not all(not role[n].isdisjoint(lemmas(tokens[first + n].text)) for n in range(len(role))):
                continue
            mentions.append(Candidate(first, last, "person", actor, "alias"))
    return mentions


def _role_before(tokens: list, person: Candidate, candidates: list[Candidate]) -> int | None:
    """The first token of the role written just before ``person``'s name, or None."""
    inside_names = {n for c in candidates if c.type != "person" for n in range(c.first, c.last)}
    for first in range(person.first - 1, max(-1, person.first - ROLE_REACH - 1), -1):
        word = tokens[first].text
        if not lemmas(word).isdisjoint(ROLE_NOUNS):
            return first if first < person.first - 1 else None
        if first not in inside_names and shape(word) != "lower":
            return None
    return None
