"""Step 2a — runs of name words in a sentence: the stretches that reading (:mod:`~.run_reading`) cuts into names.

A run is a maximal sequence of name words: capitalised words and known names, joined by connectors
(*of*, *and*, *de*…), hyphens and company suffixes (*Ministry of Industry and Information
Technology*, *Agro-ecology Research Centre*, *Karakoram, Ltd.*). A person's name before *of* ends its
run (*Maria Lopez of the Dominican Republic* is two runs).
"""

from __future__ import annotations

from presslens.actors.sentence import CONNECTORS, HYPHENS, Sentence

_COMPANY_SUFFIXES = {"ltd.", "ltd", "inc.", "inc", "co.", "corp.", "llc", "plc", "limited"}
#: Words that may follow *for* or *on* inside a long name (*Centre for a Future of Open Waters*).
_NAME_ARTICLES = {"a", "an", "the"}
#: Lower-case particles hyphened to the next part of an Arabic name (*al-*, *el-*, *ad-*, *ud-*).
_NAME_PARTICLES = {"al", "el", "ad", "ud", "ar", "as", "ash", "az", "bin", "ibn"}


def name_runs(sentence: Sentence) -> list[tuple[int, int]]:
    """Maximal sequences of name tokens (capitalised words joined by connectors, hyphens, suffixes)."""
    runs, i, n = [], 0, len(sentence)
    while i < n:
        if not (i in sentence.known or sentence.is_capitalised(i)):
            i += 1
            continue
        j = _extend(sentence, i)
        runs.append((i, j))
        i = j
    return runs


def _extend(sentence: Sentence, i: int) -> int:
    keys, lower, known, n = sentence.keys, sentence.lower, sentence.known, len(sentence)
    j = i
    while j < n:
        if j in known:
            j = known[j][0]
            continue
        if sentence.is_capitalised(j):
            if j > i and keys[j] == keys[j - 1]:
                break  # "Americas Americas": a heading run into its sentence, not one name
            j += 1
            continue
        nxt = j + 1
        token = keys[j]
        if token in HYPHENS and sentence.tokens[j].glued and nxt < n and sentence.tokens[nxt].glued \
                and sentence.is_capitalised(nxt) and j > i:
            j = nxt
            continue
        if token in CONNECTORS and j > i and nxt < n and (sentence.is_capitalised(nxt) or nxt in known):
            if lower[j] == "of" and _is_person_before_of(sentence, i, j):
                break
            j = nxt
            continue
        if lower[j] in ("of", "for", "on") and j > i and nxt + 1 < n and lower[nxt] in _NAME_ARTICLES \
                and sentence.is_capitalised(nxt + 1) and _has_head_before(sentence, i, j):
            j = nxt + 1
            continue
        if lower[j] == "with" and j > i and nxt < n and sentence.is_capitalised(nxt) and _in_institution_name(sentence, i, j):
            j = nxt
            continue
        if token in HYPHENS and j > i and sentence.tokens[j].glued and nxt + 1 < n and sentence.tokens[nxt].glued \
                and lower[nxt].isalpha() and sentence.is_capitalised(j - 1) and sentence.is_capitalised(nxt + 1):
            j = nxt + 1  # Agro-ecology Research: a compound inside a longer name
            continue
        if j > i and (end := particle_part_end(sentence, j)):
            j = end
            continue
        if token == "," and j > i and nxt < n and lower[nxt] in _COMPANY_SUFFIXES:
            j = nxt
            continue
        break
    while j > i + 1 and keys[j - 1] in CONNECTORS:
        j -= 1
    return j


def particle_part_end(sentence: Sentence, j: int) -> int | None:
    """The end of a part of a name that opens with a particle at ``j`` (*al-Qaradawi*, *el-Sisi*), else ``None``."""
    tokens = sentence.tokens
    if sentence.lower[j] in _NAME_PARTICLES and j + 2 < len(sentence) and tokens[j + 1].text in HYPHENS \
            and tokens[j + 1].glued and tokens[j + 2].glued and sentence.is_capitalised(j + 2):
        return j + 3
    return None


def _in_institution_name(sentence: Sentence, start: int, position: int) -> bool:
    """Inside the complement of an institution's name (*Centre for a Future of …*)."""
    words = sentence.lower[start:position]
    keywords = sentence.rules.organization_keywords
    return any(word in keywords and nxt in ("for", "of") for word, nxt in zip(words, words[1:]))


def _has_head_before(sentence: Sentence, start: int, position: int) -> bool:
    """The run so far ends with an organisation or place keyword (*… Center*, *… Institute*)."""
    word = sentence.lower[position - 1]
    return word in sentence.rules.organization_keywords or word in sentence.rules.location_keywords


def _is_person_before_of(sentence: Sentence, start: int, of: int) -> bool:
    """*Maria Lopez of the Dominican Republic*, *Professor Stephen Walt of Harvard University*: a person's
    name (after any title), then *of* and where the person is from or works — two names, not one."""
    rules = sentence.rules
    first = start
    while first < of and sentence.lower[first] in rules.person_titles:
        first += 1
    words = sentence.keys[first:of]
    return 2 <= len(words) <= 4 and (words[0] in rules.given_names or words[0] in rules.chinese_surnames) \
        and not any(word.lower() in rules.name_keywords for word in words)
