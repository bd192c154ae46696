"""The interface every language answers, with the defaults of a language written with spaces between words."""

from __future__ import annotations

import functools
import re
from importlib import resources as importlib_resources

from presslens.yaml_files import read_yaml

#: What a word is in a language written with spaces: a number with its separators (*1,000*, *2.5*), or
#: letters and digits with inner hyphens or apostrophes (*cross-border*, *China's*).
WORD = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-‐‑'’]\w+)*")
#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/stopwords.yaml",)
#: A number, an ordinal or decade (*14th*, *1990s*), a score or range (*6-3*, *2004-05*), an amount (*5m*, *2bn*).
NUMBER = re.compile(r"^[\d.,]+(?:-[\d.,]+)*(?:st|nd|rd|th|s|m|bn|tn|k)?$", re.IGNORECASE)
#: ISO 639-1 code -> the language's name in NLTK's stopword lists.
NLTK_NAMES = {
    "ar": "arabic", "az": "azerbaijani", "be": "belarusian", "bn": "bengali", "ca": "catalan", "da": "danish",
    "de": "german", "el": "greek", "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish",
    "fr": "french", "he": "hebrew", "hu": "hungarian", "id": "indonesian", "it": "italian", "kk": "kazakh",
    "ne": "nepali", "nl": "dutch", "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sl": "slovene", "sq": "albanian", "sv": "swedish", "ta": "tamil", "tg": "tajik", "tr": "turkish",
    "zh": "chinese",
}


class Language:
    """A language's answers to what presslens asks of a text.

    Subclasses set ``code`` and override what their language does differently. Every offset is a
    character offset into the text passed in, so that every count can be traced back to it.
    """

    code: str = ""
    #: Whether the language has tools of its own (lemmas and stopwords); without, it is read generically.
    own_tools: bool = True
    #: Whether a capitalised word inside a sentence is a name that keeps its own form (English).
    names_keep_case: bool = False
    #: Whether :meth:`lemma` reads the word as written rather than lowercased (German: *Handel* the noun,
    #: *handelt* the verb).
    lemma_reads_case: bool = False

    def sentence_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``."""
        from presslens.languages.punkt import punkt_tokenizer

        return [(start + first, start + last) for first, last in punkt_tokenizer().span_tokenize(text[start:end])]

    def words(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """The words of ``text[start:end]``: ``(offset, word as written)``."""
        return [(match.start(), match.group()) for match in WORD.finditer(text, start, end)]

    def count_words(self, text: str) -> int:
        """How many words :meth:`words` finds in ``text``."""
        return len(WORD.findall(text))

    def surface(self, word: str) -> str:
        """The part of a word that is kept as its written form (English drops a possessive *'s*)."""
        return word

    def lower(self, word: str) -> str:
        """The form a word (as written) is counted by before lemmatising: lowercase, variants of a letter made one."""
        return word.replace("’", "'").replace("‐", "-").replace("‑", "-").lower()

    def is_number(self, lower: str) -> bool:
        return bool(NUMBER.match(lower))

    def lemma(self, lower: str) -> str:
        """The dictionary form of a word, lowercase, given in its :meth:`lower` form (or as written, where
        :attr:`lemma_reads_case`); itself when the language has no lemmatiser."""
        return lower

    def written_form(self, term: str, surface: str) -> str:
        """How a counted term is shown, given its most frequent written form: as written."""
        return surface

    @functools.cached_property
    def stopwords(self) -> frozenset[str]:
        """Words flagged as stopwords: NLTK's list for the language, if it has one."""
        return nltk_stopwords(self.code)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"


@functools.cache
def news_stoplist(language: str) -> tuple[str, ...]:
    """The news stoplist of ``language`` in ``data/stopwords.yaml`` (English under ``news``), read once."""
    source = importlib_resources.files("presslens").joinpath(DATA_FILES[0]).read_text("utf-8")
    return tuple(read_yaml(source)["news" if language == "en" else language])


def nltk_stopwords(code: str) -> frozenset[str]:
    """NLTK's stopword list of a language (empty when NLTK has none)."""
    from nltk.corpus import stopwords

    from presslens.resources import require_nltk_data

    name = NLTK_NAMES.get(code)
    if not name:
        return frozenset()
    require_nltk_data()
    return frozenset(word.lower() for word in stopwords.words(name))
