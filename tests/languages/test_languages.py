"""The language layer on short texts written for these tests: detection, words, sentences, lemmas, stopwords."""

from __future__ import annotations

import pytest

from presslens import kwic, languages_table, load_corpus, subcorpus, tokens_table
from presslens.corpus import Corpus, article_from_text
from presslens.frequency import frequency_table
from presslens.languages import detect_language, language_tools
from presslens.phrases import find_phrases, merge_phrases

TEXTS = {
    "en": "China and Russia signed a gas agreement on Monday, the two governments said in a joint statement.",
    "zh": "中国和俄罗斯周一在北京签署了天然气合作协议，两国政府在联合声明中表示。",
    "ru": "Россия и Китай в понедельник подписали соглашение о поставках газа, говорится в совместном заявлении.",
    "de": "Russland und China haben am Montag ein Gasabkommen unterzeichnet, teilten die beiden Regierungen mit.",
    "fr": "La Russie et la Chine ont signé lundi un accord sur le gaz, ont annoncé les deux gouvernements.",
    "es": "Rusia y China firmaron el lunes un acuerdo sobre el gas, anunciaron los dos gobiernos en un comunicado.",
    "uk": "Росія та Китай у понеділок підписали угоду про постачання газу, йдеться у спільній заяві урядів.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_language_of_a_news_sentence_is_detected(code):
    assert detect_language(TEXTS[code]) == code


def test_a_text_without_letters_gets_the_default_language():
    assert detect_language("2024 — 15:30 / 12.5%") == "en"


def _article(code: str, text: str, doc_id: str = "a"):
    return article_from_text(doc_id, f"{doc_id}.txt", text, language=code)


def test_chinese_words_are_jieba_words_with_offsets_into_the_text():
    article = _article("zh", "能源合作\n\n" + TEXTS["zh"])
    tokens = tokens_table(Corpus(root="x", articles=[article]))
    assert {"中国", "俄罗斯", "天然气", "签署"} <= set(tokens["surface"])
    assert all(article.text[start:end] == surface for start, end, surface in zip(tokens["start"], tokens["end"], tokens["surface"]))
    assert "，" not in set(tokens["surface"])  # punctuation is no word
    assert tokens.loc[tokens["surface"] == "了", "is_stop"].all()  # NLTK's Chinese stopwords


def test_traditional_characters_count_as_simplified():
    simplified = tokens_table(Corpus(root="x", articles=[_article("zh", "经济发展需要天然气。")]))
    traditional = tokens_table(Corpus(root="x", articles=[_article("zh", "經濟發展需要天然氣。")]))
    assert list(traditional["lemma"]) == list(simplified["lemma"])
    assert list(traditional["surface"]) == ["經濟", "發展", "需要", "天然氣"]


def test_chinese_sentences_end_at_full_stops_exclamation_and_question_marks():
    article = _article("zh", "标题\n\n第一句话。第二句话！第三句话？“引语。”最后")
    assert article.sentences == ["标题", "第一句话。", "第二句话！", "第三句话？", "“引语。”", "最后"]


def test_russian_words_are_counted_by_their_dictionary_form():
    article = _article("ru", "Газ\n\nРоссия подписала. России нужен газ. Россию поддержали. Газа много.")
    terms = frequency_table(tokens_table(Corpus(root="x", articles=[article])))
    counts = dict(zip(terms["term"], terms["count"]))
    assert counts["россия"] == 3 and counts["газ"] == 3
    assert terms.set_index("term").loc["россия", "form"] == "Россия"  # shown in its dictionary form, capitalised


def test_russian_stopwords_are_flagged_by_form_or_lemma():
    tokens = tokens_table(Corpus(root="x", articles=[_article("ru", "Это было также в Москве, которая уже ждала.")]))
    flagged = dict(zip(tokens["lower"], tokens["is_stop"]))
    assert flagged["это"] and flagged["также"] and flagged["которая"] and flagged["в"]
    assert not flagged["москве"]


def test_german_words_are_lemmatised_and_its_stopwords_flagged():
    tokens = tokens_table(Corpus(root="x", articles=[_article("de", "Die Häuser der Städte wurden gebaut.")]))
    lemmas = dict(zip(tokens["lower"], tokens["lemma"]))
    assert lemmas["häuser"] == "haus" and lemmas["städte"] == "stadt"
    assert tokens.loc[tokens["lower"] == "die", "is_stop"].all()


def test_a_language_without_tools_is_read_generically_and_flagged(tmp_path):
    (tmp_path / "vi.txt").write_text("Tin tức\n\nNga và Trung Quốc đã ký một thỏa thuận về khí đốt vào thứ Hai.\n", "utf-8")
    (tmp_path / "en.txt").write_text("News\n\n" + TEXTS["en"] + "\n", "utf-8")
    corpus = load_corpus(tmp_path)
    table = languages_table(corpus).set_index("language")
    assert table.loc["vi", "tools"] == "generic" and table.loc["en", "tools"] == "own"
    assert any("vi.txt" in notice.path and "generically" in notice.message for notice in corpus.notices)


def test_a_mixed_corpus_reads_each_article_with_its_own_tools(tmp_path):
    for code in ("en", "zh", "ru"):
        (tmp_path / f"{code}.txt").write_text(f"Title\n\n{TEXTS[code]}\n", "utf-8")
    corpus = load_corpus(tmp_path)
    assert {article.doc_id: article.language for article in corpus} == {"en": "en", "ru": "ru", "zh": "zh"}
    tokens = tokens_table(corpus)
    assert set(tokens.loc[tokens["doc_id"] == "ru", "lemma"]) >= {"россия", "подписать"}
    assert set(tokens.loc[tokens["doc_id"] == "zh", "lemma"]) >= {"天然气", "签署"}
    assert [article.doc_id for article in subcorpus(corpus, languages=["zh", "ru"])] == ["ru", "zh"]


def test_the_language_given_overrides_detection(tmp_path):
    (tmp_path / "short.txt").write_text("Title\n\nPutin Xi Moscow Beijing\n", "utf-8")
    assert [a.language for a in load_corpus(tmp_path, language="ru")] == ["ru"]
    with pytest.raises(ValueError, match="ISO 639-1"):
        load_corpus(tmp_path, language="Russian")


def test_chinese_words_join_into_phrases_only_when_nothing_separates_them():
    other = "农业生产增加。城市建设加快。科技创新提速。人口增长放缓。铁路运输繁忙。港口吞吐量上升。"
    text = ("经济发展很重要。" + other) * 4 + "经济，发展。"
    corpus = Corpus(root="x", articles=[_article("zh", "标题\n\n" + text)])
    tokens = tokens_table(corpus)
    assert "经济 发展" in set(find_phrases(tokens, min_count=2)["phrase"])
    terms = merge_phrases(tokens, ["经济 发展"])
    assert "经济发展" in set(terms["surface"])  # written without a space, as in the text
    assert (terms["surface"] == "经济发展").sum() == 4  # 经济，发展 is not the phrase
    lines = kwic(corpus, "经济发展", tokens=tokens)
    assert len(lines) == 4 and set(lines["keyword"]) == {"经济发展"}


def test_kwic_finds_inflected_russian_forms_from_any_form():
    corpus = Corpus(root="x", articles=[_article("ru", "Газ\n\nРоссия подписала. Из России газ. В Россию ехали.")])
    assert list(kwic(corpus, "Россией")["keyword"]) == ["Россия", "России", "Россию"]


def test_every_language_answers_the_same_interface():
    for code in ("en", "zh", "ru", "de", "kk"):
        language = language_tools(code)
        text = TEXTS.get(code, TEXTS["en"])
        words = language.words(text, 0, len(text))
        assert words and all(text[offset:offset + len(word)] == word for offset, word in words)
        assert language.sentence_spans(text, 0, len(text))
        assert language.count_words(text) == len(words)


def test_german_nouns_are_lemmatised_as_nouns_and_verbs_as_verbs():
    tokens = tokens_table(Corpus(root="x", articles=[_article("de", "Der Handel wächst. Es handelt sich um Stahl.")]))
    lemmas = dict(zip(tokens["surface"], tokens["lemma"]))
    assert lemmas["Handel"] == "handel" and lemmas["handelt"] == "handeln" and lemmas["Stahl"] == "stahl"


def test_a_short_or_odd_text_the_identifier_is_unsure_of_keeps_the_default_language():
    assert detect_language("Trade <script>alert(1)</script> <img src=x onerror=alert(1)> rose.") == "en"
    assert detect_language("Путин Си Москва") == "ru"  # Cyrillic, too short to tell: the script's language


def test_the_fast_han_test_agrees_with_the_han_pattern_at_every_boundary():
    from presslens.languages.zh import HAN, starts_han

    for code in (0x33FF, 0x3400, 0x4E00, 0x9FFF, 0xA000, 0xF8FF, 0xF900, 0xFAFF, 0xFB00, 0x41, 0x0416):
        word = chr(code) + "x"
        assert starts_han(word) == bool(HAN.match(word)), hex(code)
    assert not starts_han("")
