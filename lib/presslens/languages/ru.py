"""Russian: razdel sentences, words with inner hyphens, pymorphy3 lemmas, NLTK's stopwords and a news stoplist.

Russian inflects its nouns in six cases and two numbers: *Россия*, *России*, *Россию* are one word
for counting, its dictionary form (lemma) *россия*. pymorphy3 gives the most probable parse's normal
form of each distinct word once; *ё* is read as *е*, as most newspapers print it.
"""

from __future__ import annotations

import functools


from presslens.languages.base import Language, news_stoplist, nltk_stopwords



class Russian(Language):
    code = "ru"

    def sentence_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        from razdel import sentenize

        return [(start + sentence.start, start + sentence.stop) for sentence in sentenize(text[start:end])]

    def lower(self, word: str) -> str:
        return super().lower(word).replace("ё", "е")

    def lemma(self, lower: str) -> str:
        return lemmatize(lower)

    def written_form(self, term: str, surface: str) -> str:
        """The dictionary form, cased as most often written (*России* → *Россия*, *США* → *США*)."""
        words, written = term.split(), surface.split()
        if len(words) != len(written):
            return surface
        return " ".join(word.upper() if form.isupper() and len(form) > 1 else word.capitalize() if form[:1].isupper()
                        else word for word, form in zip(words, written))

    @functools.cached_property
    def stopwords(self) -> frozenset[str]:
        return frozenset(word.replace("ё", "е") for word in nltk_stopwords("ru") | set(news_stoplist("ru")))


@functools.cache
def analyzer():
    """pymorphy3's morphological analyser with its Russian dictionaries (loaded once per process)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=200_000)
def lemmatize(word: str) -> str:
    """The normal form of the most probable parse of a lowercase Russian word (*россии* → *россия*)."""
    if not word.isalpha() and "-" not in word:
        return word
    return analyzer().parse(word)[0].normal_form.replace("ё", "е")
