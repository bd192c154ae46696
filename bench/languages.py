"""The language layer measured: language identification, Chinese segmentation, Russian lemmas, speed, top terms.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/languages.py [--shared ../shared]

1. **Identification** of short news texts (the first 60, 150 and 400 characters of each article):
   presslens's detector (script, then py3langid restricted to the region's languages) beside py3langid
   over all its 97 languages and lingua (when installed), on the Chinese and Russian development sets and
   BBC articles; accuracy and texts per second. Then the 97 articles of a Factiva export in eleven
   languages: the languages detected against the languages the export states.
2. **Chinese words** against a reference: the gold person, organisation and place names of People's
   Daily 1998 — a segmenter that cuts inside a name, or glues it to the next word, breaks it for every
   count. Share of gold names whose both ends are word boundaries (not glued to a neighbour), and share
   that are one word (not cut either), for jieba with and without its hidden Markov model for unknown
   words, and jiagu when installed.
3. **Russian lemmas** against a hand-made reference of inflected forms and their dictionary forms
   (:data:`RUSSIAN_REFERENCE`, written for this benchmark), and against simplemma on the development set:
   how many of the 100 most frequent terms another lemmatiser would merge (forms counted apart).
4. **Words per second** of ``tokens_table`` per language, and the **top terms** of each set, with the
   share of Chinese top terms that are one or two of jieba's words and not NLTK stopwords.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from presslens import find_phrases, frequency_table, load_corpus, merge_phrases, tokens_table
from presslens.languages import detect_language, language_tools

#: Inflected Russian forms and their dictionary forms, of the kinds news counts: names of countries and
#: cities in every case, nouns of time and quantity, adjectives, verbs in the past tense.
RUSSIAN_REFERENCE = {
    "россии": "россия", "россию": "россия", "россией": "россия", "китая": "китай", "китаю": "китай",
    "китаем": "китай", "москве": "москва", "москвы": "москва", "москву": "москва", "года": "год", "году": "год",
    "годы": "год", "лет": "год", "страны": "страна", "странах": "страна", "странам": "страна",
    "правительства": "правительство", "правительству": "правительство", "президента": "президент",
    "президентом": "президент", "министра": "министр", "министров": "министр", "выборов": "выборы",
    "выборах": "выборы", "власти": "власть", "властей": "власть", "компании": "компания", "компаний": "компания",
    "рублей": "рубль", "рубля": "рубль", "долларов": "доллар", "процентов": "процент", "процента": "процент",
    "соглашения": "соглашение", "соглашение": "соглашение", "переговоров": "переговоры", "войны": "война",
    "войне": "война", "людей": "человек", "людьми": "человек", "дней": "день", "днем": "день", "месяца": "месяц",
    "городе": "город", "городов": "город", "российского": "российский", "российской": "российский",
    "российские": "российский", "китайских": "китайский", "китайская": "китайский", "новых": "новый",
    "новой": "новый", "экономической": "экономический", "заявил": "заявить", "заявила": "заявить",
    "сообщил": "сообщить", "сообщили": "сообщить", "подписали": "подписать", "отметил": "отметить",
    "будет": "быть", "были": "быть", "стала": "стать", "газа": "газ", "нефти": "нефть", "торговли": "торговля",
    "сотрудничества": "сотрудничество", "отношений": "отношение", "отношения": "отношение",
    "президентов": "президент", "делегации": "делегация", "границы": "граница", "границе": "граница",
}
SAMPLE_LENGTHS = (60, 150, 400)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--bbc", type=int, default=200, help="BBC articles used (a random sample)")
    parser.add_argument("--json", type=Path, default=Path("bench/languages.json"))
    args = parser.parse_args()
    shared = args.shared
    multilingual = shared / "corpora" / "multilingual"
    corpora = {
        "zh": load_corpus(multilingual / "zh", progress=False),
        "ru": load_corpus(multilingual / "ru", progress=False),
        "en": _bbc_sample(shared / "corpora" / "bbc", args.bbc),
    }
    export = shared / "corpora" / "realworld" / "exports" / "factiva" / "chinese-ui.html"
    results = {
        "identification": identification(corpora),
        "export_languages": export_languages(export),
        "chinese_segmentation": chinese_segmentation(corpora["zh"], json.loads((multilingual / "gold.json").read_text("utf-8"))),
        "russian_lemmas": russian_lemmas(corpora["ru"]),
        "speed_and_terms": speed_and_terms({code: corpora[code] for code in ("zh", "ru", "en")}),
    }
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    print(f"\n(written to {args.json})")


def _bbc_sample(folder: Path, size: int):
    files = sorted(folder.rglob("*.txt"))
    chosen = random.Random(0).sample(files, min(size, len(files)))
    corpus = load_corpus(folder, progress=False)
    keep = {str(path.relative_to(folder).with_suffix("")) for path in chosen}
    return corpus.select(keep)


# ---- 1. identification


def identification(corpora: dict) -> dict:
    detectors = {"presslens": detect_language, "py3langid (97 languages)": _py3langid_all()}
    lingua = _lingua()
    if lingua:
        detectors["lingua"] = lingua
    print("1. Language identification of short news texts (accuracy; texts per second over every sample)")
    table = {}
    for name, detect in detectors.items():
        row, samples, seconds = {}, 0, 0.0
        for length in SAMPLE_LENGTHS:
            for code, corpus in corpora.items():
                texts = [article.text[:length] for article in corpus]
                begun = time.perf_counter()
                found = [detect(text) for text in texts]
                seconds += time.perf_counter() - begun
                samples += len(texts)
                row[f"{code}@{length}"] = sum(answer == code for answer in found) / len(texts)
        row["texts_per_second"] = samples / seconds
        table[name] = row
        cells = "  ".join(f"{key} {value:.3f}" for key, value in row.items() if key != "texts_per_second")
        print(f"  {name:<26} {cells}  | {row['texts_per_second']:,.0f} texts/s")
    print("  (" + ", ".join(f"{code}: {len(corpus)} articles" for code, corpus in corpora.items()) + ")")
    return table


def _py3langid_all():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE)
    return lambda text: model.classify(text)[0]


def _lingua():
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return None
    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> str:
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else ""

    return detect


#: The language names of Factiva's Chinese interface (traditional characters), as its exports state them.
FACTIVA_ZH_LANGUAGES = {"英文": "en", "德文": "de", "法文": "fr", "西班牙文": "es", "葡萄牙文": "pt", "意大利文": "it",
                        "荷蘭文": "nl", "瑞典文": "sv", "芬蘭文": "fi", "日文": "ja", "中文": "zh", "俄文": "ru"}


def export_languages(path: Path) -> dict:
    stated = Counter(FACTIVA_ZH_LANGUAGES.get(name, name)
                     for name in re.findall(r">([^<>]{1,4}文)</div>", path.read_text("utf-8")))
    detected = Counter(article.language for article in load_corpus(path, progress=False))
    print(f"  Factiva export, stated by the export: {dict(stated.most_common())}")
    print(f"                  detected:             {dict(detected.most_common())}")
    return {"stated": dict(stated), "detected": dict(detected)}


# ---- 2. Chinese words against the gold names


def chinese_segmentation(corpus, gold: dict) -> dict:
    import jieba

    segmenters = {"jieba (HMM, presslens)": lambda text: jieba.tokenize(text, HMM=True),
                  "jieba (dictionary only)": lambda text: jieba.tokenize(text, HMM=False)}
    try:
        import jiagu

        segmenters["jiagu"] = lambda text: _spans(jiagu.seg(text))
    except ImportError:
        pass
    print("\n2. Chinese segmentation against the gold names of People's Daily 1998")
    results = {}
    for name, segment in segmenters.items():
        bounded = whole = total = 0
        begun = time.perf_counter()
        for article in corpus:
            names = {surface for surface, _ in gold.get(f"zh/{Path(article.path).stem}", [])}
            bounds, words = set(), set()
            for start, end in article.paragraph_spans:
                for _, first, last in segment(article.text[start:end]):
                    bounds.update((start + first, start + last))
                    words.add((start + first, start + last))
            for surface in names:
                for match in re.finditer(re.escape(surface), article.text):
                    total += 1
                    bounded += match.start() in bounds and match.end() in bounds
                    whole += match.span() in words
        results[name] = {"ends_are_boundaries": bounded / total, "one_word": whole / total, "names": total,
                         "seconds": time.perf_counter() - begun}
        print(f"  {name:<26} ends are boundaries {bounded / total:.3f}, one word {whole / total:.3f} "
              f"of {total:,} names  ({results[name]['seconds']:.1f} s)")
    return results


def _spans(words: list[str]):
    position = 0
    for word in words:
        yield word, position, position + len(word)
        position += len(word)


# ---- 3. Russian lemmas


def russian_lemmas(corpus) -> dict:
    import simplemma

    russian = language_tools("ru")
    right = sum(russian.lemma(form) == lemma for form, lemma in RUSSIAN_REFERENCE.items())
    wrong = {form: russian.lemma(form) for form, lemma in RUSSIAN_REFERENCE.items() if russian.lemma(form) != lemma}
    terms = frequency_table(tokens_table(corpus)).head(100)
    by_simplemma = Counter(simplemma.lemmatize(term, lang="ru").lower() for term in terms["term"])
    apart = {lemma: count for lemma, count in by_simplemma.items() if count > 1}
    stop = set(terms["term"]) & language_tools("ru").stopwords
    print("\n3. Russian lemmas (pymorphy3)")
    print(f"  hand-made reference: {right}/{len(RUSSIAN_REFERENCE)} = {right / len(RUSSIAN_REFERENCE):.3f}"
          + (f"; wrong: {wrong}" if wrong else ""))
    print(f"  top 100 terms of the development set: {len(apart)} that simplemma would merge {apart or ''}; "
          f"{len(stop)} stopwords")
    return {"reference_accuracy": right / len(RUSSIAN_REFERENCE), "wrong": wrong, "merged_by_simplemma": apart}


# ---- 4. speed and top terms


def speed_and_terms(corpora: dict) -> dict:
    import jieba

    from presslens.languages.base import nltk_stopwords

    print("\n4. Tokens per second (tokens_table, warm) and top terms")
    results = {}
    for code, corpus in corpora.items():
        tokens_table(corpus.select(corpus.doc_ids[:2]))  # models loaded before timing
        begun = time.perf_counter()
        tokens = tokens_table(corpus)
        seconds = time.perf_counter() - begun
        terms = frequency_table(merge_phrases(tokens, find_phrases(tokens))).head(50)
        row = {"words_per_second": len(tokens) / seconds, "top_terms": terms["form"].tolist()}
        if code == "zh":
            stopwords = nltk_stopwords("zh")
            good = [form for form in terms["form"] if len(list(jieba.cut(form))) <= 2 and form not in stopwords]
            row["top50_words_or_pairs"] = len(good)
        results[code] = row
        print(f"  {code}: {len(tokens):,} words in {seconds:.2f} s = {len(tokens) / seconds:,.0f} words/s")
        print(f"     top 30: {', '.join(terms['form'].head(30))}")
        if code == "zh":
            print(f"     top 50: {row['top50_words_or_pairs']} are one or two jieba words and no NLTK stopword")
    return results


if __name__ == "__main__":
    main()
