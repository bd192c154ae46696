"""Languages: what a word, a sentence, a lemma and a stopword are, in the language of each article.

Every text step of presslens (sentences, tokens, lemmas, stopwords, phrases, themes, KWIC) asks the
article's language for them through one small interface, :class:`~presslens.languages.base.Language`:

- :mod:`~.en` — English: punkt sentences, WordNet noun lemmas, NLTK's stopwords and a news stoplist;
- :mod:`~.zh` — Chinese: words as jieba segments them, traditional characters counted as simplified
  (OpenCC), sentences ended by 。！？;
- :mod:`~.ru` — Russian: razdel sentences, pymorphy3 lemmas (*России*, *Россию* → *россия*);
- :mod:`~.generic` — any other language: letters between spaces and punctuation, with simplemma's lemmas
  and NLTK's stopword list where the language has them (German, French, Spanish, Italian, Portuguese…).

:func:`detect_language` names an article's language (ISO 639-1) when neither the file nor the user does.
"""

from __future__ import annotations

import functools

from presslens.languages.base import Language
from presslens.languages.detect import detect_language, script_language

__all__ = ["Language", "detect_language", "language_name", "language_tools", "pattern_language", "script_language"]

#: English names of the languages presslens detects (ISO 639-1 code -> name).
LANGUAGE_NAMES = {
    "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "kk": "Kazakh", "ko": "Korean", "ky": "Kyrgyz",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "mn": "Mongolian", "ms": "Malay", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovene", "sr": "Serbian", "sv": "Swedish", "tg": "Tajik", "th": "Thai", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "zh": "Chinese",
}


def language_name(code: str) -> str:
    """The English name of a language code (the code itself when it is not known)."""
    return LANGUAGE_NAMES.get(code, code)


@functools.cache
def language_tools(code: str) -> Language:
    """The tools of the language ``code`` (ISO 639-1): its own module, or the generic one."""
    if code == "en":
        from presslens.languages.en import English
        return English()
    if code == "zh":
        from presslens.languages.zh import Chinese
        return Chinese()
    if code == "ru":
        from presslens.languages.ru import Russian
        return Russian()
    from presslens.languages.generic import Generic
    return Generic(code)


def pattern_language(text: str, default: str = "en") -> Language:
    """The tools to read a search pattern or a lexicon entry with: Chinese for Han characters, Russian
    for Cyrillic, ``default`` otherwise."""
    return language_tools(script_language(text) or default)
