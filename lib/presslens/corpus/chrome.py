"""Site chrome: the menus, share buttons, footers and link lists that a site repeats on every page.

A saved page carries its site's chrome; an article does not. Chrome is therefore found across the
corpus, not in one file: a line (or, in a page saved as one run-on line, a sequence of words) that
recurs in at least :data:`MIN_FILES` files is chrome — provided those files are different stories.
The same wire story reprinted by several outlets also repeats its paragraphs in several files; such
copies are told apart because they have little text of their own, and they do not count as evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from presslens.corpus.model import Draft

#: A line or word sequence is chrome when at least this many different stories carry it.
MIN_FILES = 3
#: Words in a chrome sequence of a run-on page (shorter recurring phrases are just common phrases).
SEQUENCE_WORDS = 6
#: A block this long, in a file with at most :data:`RUN_ON_MAX_BLOCKS` blocks, may be a whole page on one line.
RUN_ON_CHARS = 1000
RUN_ON_MAX_BLOCKS = 3
#: Words at the start of a run-on page that hold its page title.
TITLE_WORDS = 30
#: A run-on block is a page (and its recurring sequences chrome) when they cover this share of its words,
#: or this many of them (a long article's page has as much chrome as a short one's).
RUN_ON_MIN_COVERAGE = 0.15
RUN_ON_MIN_CHROME_WORDS = 50
#: A file is a different story (and counts as evidence) when it has this many prose words that fewer
#: than MIN_FILES files have…
OWN_WORDS = 40
#: …or when this share of its prose words is its own; a page without prose (a photo page) is one when it
#: has OWN_LINES lines of its own.
OWN_SHARE = 0.5
OWN_LINES = 4
#: Readers whose files may be saved pages with chrome inside their text.
PAGE_READERS = {"text", "table", "html"}

_WORD = re.compile(r"\w+")
#: Chinese characters, which a line writes without spaces between its words.
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Chinese characters to a word, for counting the words of a Chinese line (a word has one to four), and
#: the characters of English one of them is worth.
CJK_CHARS_PER_WORD = 2
CJK_CHAR_LENGTH = 3
SENTENCE_END = (".", "!", "?", "…", "。", "！", "？")
#: Closing quotes and brackets that may follow a sentence's last mark…
CLOSING = "\"”’')]」』）"
#: …and a credit or source in brackets after it.
CREDIT = re.compile(r"(?<=[.!?。！？])\s*[(\[（【][^()\[\]（）【】]{1,60}[)\]）】]$")


def line_key(text: str) -> str:
    """A line as chrome detection compares it: its words, lower-cased."""
    return " ".join(_WORD.findall(text.casefold()))


def is_prose(text: str) -> bool:
    """A line of running text: a sentence of eight words or more, or any line of twenty."""
    return prose_words(text) > 0


def prose_words(text: str) -> int:
    """The words of a line of running text (:func:`is_prose`); 0 for any other line."""
    words = count_line_words(text)
    return words if words >= 20 or (words >= 8 and ends_sentence(text, also=(":", ";", "：", "；"))) else 0


def count_line_words(text: str) -> int:
    """The words of a line: its tokens, and its Chinese characters by :data:`CJK_CHARS_PER_WORD`."""
    characters = len(CJK.findall(text))
    return len(_WORD.findall(CJK.sub(" ", text))) + characters // CJK_CHARS_PER_WORD


def ends_sentence(text: str, *, also: tuple[str, ...] = (), within: tuple[str, ...] = SENTENCE_END) -> bool:
    """Whether ``text`` ends with a sentence's last mark (one of ``within``, or of ``also``), before closing
    quotes and a credit in brackets (``… province. [Photo/Xinhua]``)."""
    return CREDIT.sub("", text.rstrip()).rstrip(CLOSING).endswith(within + also)


@dataclass(frozen=True)
class Chrome:
    """What recurs across the corpus's stories: line keys and word sequences, with how many files carry each."""

    lines: dict[str, int] = field(default_factory=dict)
    sequences: dict[str, int] = field(default_factory=dict)
    openings: dict[str, int] = field(default_factory=dict)  # first lines that several stories open with

    def files_with_line(self, text: str) -> int:
        """How many stories carry this line (0 when it is not chrome)."""
        return self.lines.get(line_key(text), 0)

    def opens_with_title(self, blocks: list[str]) -> bool:
        """Whether a page's first line is its title: not when other pages open with it too (a menu's first link)."""
        return bool(blocks) and self.openings.get(line_key(blocks[0]), 0) < MIN_FILES

    def files_with_sequence(self, text: str) -> int:
        """How many stories carry the commonest chrome sequence of ``text`` (0 when none)."""
        keys = _sequence_keys([word.casefold() for word in _WORD.findall(text)])
        return max((self.sequences.get(key, 0) for key in keys), default=0)

    def run_on_spans(self, block: str) -> list[tuple[int, int]]:
        """Character spans of chrome word sequences in a run-on block; none when they cover too little of it.

        The page's own headline may recur in other pages' link lists; a sequence that its opening
        words (the page title) share with the rest of the block is the headline, never chrome.
        """
        if not self.sequences:
            return []
        words = list(_WORD.finditer(block))
        keys = _sequence_keys([w.group().casefold() for w in words])
        headline = set(keys[:TITLE_WORDS]) & set(keys[TITLE_WORDS:])
        covered = [False] * len(words)
        for position, key in enumerate(keys):
            if key in self.sequences and key not in headline:
                covered[position:position + SEQUENCE_WORDS] = [True] * SEQUENCE_WORDS
        if not words or sum(covered) < min(RUN_ON_MIN_COVERAGE * len(words), RUN_ON_MIN_CHROME_WORDS):
            return []
        spans, start = [], None
        for position, flag in enumerate(covered + [False]):
            if flag and start is None:
                start = position
            elif not flag and start is not None:
                spans.append(_with_punctuation(block, words[start].start(), words[position - 1].end()))
                start = None
        return spans


def find_chrome(drafts: list[Draft], keys: list[list[str]]) -> Chrome:
    """The chrome of a corpus: lines and run-on word sequences that different stories share. ``keys``
    are the :func:`line_key` of each draft's blocks."""
    pages = [number for number, draft in enumerate(drafts) if draft.reader in PAGE_READERS]
    lines = _recurring([keys[number] for number in pages], [_text_weights(drafts[number].blocks) for number in pages])
    run_on = [drafts[number] for number in pages if drafts[number].reader == "text" and is_run_on(drafts[number].blocks)]
    sequences = {}
    if len(run_on) >= MIN_FILES:
        units = [_sequence_keys([w.casefold() for w in _WORD.findall(" ".join(d.blocks))]) for d in run_on]
        sequences = _recurring(units, [[1] * len(unit) for unit in units])
    return Chrome(lines=lines, sequences=sequences, openings=_shared_openings([keys[number] for number in pages]))


#: A line a site prints over every story (its name, its menu's first link) has at most this many words, or
#: Chinese characters; a longer one is a headline, which several files may share (one story reprinted by
#: several outlets).
SITE_LINE_WORDS = 4
SITE_LINE_CHARACTERS = 8


def _is_site_line(key: str) -> bool:
    """A line key short enough to be a site's name or a menu's link (:data:`SITE_LINE_WORDS`)."""
    if CJK.search(key):
        return len(key.replace(" ", "")) <= SITE_LINE_CHARACTERS
    return len(key.split()) <= SITE_LINE_WORDS


def _shared_openings(documents: list[list[str]]) -> dict[str, int]:
    """Short first lines that MIN_FILES different stories or more open with (a site's name or menu over every
    story, not one story saved several times): line key -> how many different stories."""
    stories: dict[str, set[int]] = {}
    for keys in documents:
        if keys and _is_site_line(keys[0]):
            stories.setdefault(keys[0], set()).add(hash(tuple(keys)))
    return {key: len(different) for key, different in stories.items() if len(different) >= MIN_FILES}


def _text_weights(blocks: list[str]) -> list[float]:
    """How much text each block is, for telling stories apart: its prose words; in a page without prose,
    OWN_WORDS / OWN_LINES per line."""
    words = [prose_words(block) for block in blocks]
    return words if any(words) else [OWN_WORDS / OWN_LINES] * len(blocks)


def _with_punctuation(block: str, start: int, end: int) -> tuple[int, int]:
    """A span widened over the brackets, quotes and punctuation that cling to its first and last words."""
    while start > 0 and block[start - 1] in "([{\"'“‘":
        start -= 1
    while end < len(block) and block[end] in ".,;:!?)]}\"'”’":
        end += 1
    return start, end


def is_run_on(blocks: list[str]) -> bool:
    """A file whose text stands in one or a few very long blocks, as a page saved on one line does."""
    return 0 < len(blocks) <= RUN_ON_MAX_BLOCKS and max(map(text_length, blocks)) >= RUN_ON_CHARS


def text_length(text: str) -> int:
    """The length of ``text`` in characters, a Chinese character counting as CJK_CHAR_LENGTH (it says as much
    as a short English word)."""
    return len(text) + (CJK_CHAR_LENGTH - 1) * len(CJK.findall(text))


def _sequence_keys(words: list[str]) -> list[str]:
    return [" ".join(words[i:i + SEQUENCE_WORDS]) for i in range(len(words) - SEQUENCE_WORDS + 1)]


def _recurring(documents: list[list[str]], weights: list[list[float]]) -> dict[str, int]:
    """Units (line keys or sequences) carried by at least MIN_FILES documents with text of their own,
    with the number of documents that carry them.

    ``weights`` say how much text each unit is (:func:`_text_weights` of a line; 1 per sequence): a
    document's own text is the weight of its units with words that fewer than MIN_FILES documents have.
    """
    frequency = Counter()
    for units in documents:
        frequency.update({unit for unit in units if unit})
    evidence = Counter()
    for units, sizes in zip(documents, weights):
        total = sum(sizes)
        own = sum(size for unit, size in zip(units, sizes) if unit and frequency[unit] < MIN_FILES)
        if own >= OWN_WORDS or (total and own / total >= OWN_SHARE):
            evidence.update({unit for unit in units if unit and frequency[unit] >= MIN_FILES})
    return {unit: frequency[unit] for unit, count in evidence.items() if count >= MIN_FILES}
