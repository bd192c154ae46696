"""Themes in other languages: the lexicon's zh, ru, de, fr, es terms, matched in articles of their own language."""

from __future__ import annotations

import pytest

from presslens.corpus import load_corpus
from presslens.lexicon import load_lexicon
from presslens.themes import match_themes, score_themes

LANGUAGES = ("zh", "ru", "de", "fr", "es")

CHINESE_TRADE = (
    "中俄贸易稳步增长\n\n"
    "今年前五个月，中俄两国贸易额同比增长两成，其中中国对俄出口增长较快。\n"
    "跨境电商成为新的增长点，越来越多的俄罗斯消费者在网上购买中国商品。\n"
    "海关部门简化了通关手续，边境口岸的货物通关时间明显缩短。\n"
)
#: The same article in traditional characters, as a Hong Kong or Taiwan paper prints it.
CHINESE_TRADE_TRADITIONAL = (
    "中俄貿易穩步增長\n\n"
    "今年前五個月，中俄兩國貿易額同比增長兩成，其中中國對俄出口增長較快。\n"
    "跨境電商成為新的增長點，越來越多的俄羅斯消費者在網上購買中國商品。\n"
    "海關部門簡化了通關手續，邊境口岸的貨物通關時間明顯縮短。\n"
)
RUSSIAN_TRADE = (
    "Товарооборот растёт\n\n"
    "Товарооборот России и Китая за полгода вырос на четверть. Российские экспортёры нарастили поставки "
    "зерна, а импорт китайской техники сократился из-за новых пошлин.\n"
    "Стороны обсуждают создание зоны свободной торговли и снижение таможенных пошлин.\n"
)
GERMAN_TRADE = (
    "Exporte nach China sinken\n\n"
    "Die deutschen Exporte nach China sind im Frühjahr deutlich gesunken. Die Strafzölle der Vereinigten "
    "Staaten belasten den Außenhandel, und die Verhandlungen über ein Freihandelsabkommen stocken.\n"
    "Die Welthandelsorganisation warnt vor neuem Protektionismus.\n"
)
#: An English article that quotes a Russian and a Chinese word of the trade lexicon and uses no English trade word.
ENGLISH_WITH_QUOTED_WORDS = (
    "A festival of words\n\n"
    "The poet read the Russian word товарооборот and the Chinese word 贸易额 aloud, then a poem about her garden.\n"
)


def _corpus(tmp_path, **texts: str):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return load_corpus(folder)


def _top_theme(corpus, evidence, doc_id: str) -> str:
    scores = score_themes(corpus, evidence)
    return scores[(scores["doc_id"] == doc_id) & (scores["rank"] == 1)]["theme"].item()


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_every_theme_has_terms_in_every_language_and_none_under_two_themes(lexicon):
    for theme in lexicon.themes:
        for language in LANGUAGES:
            words, phrases = theme.entries(language)
            assert len(words) + len(phrases) >= 20, (theme.id, language)
    for language in LANGUAGES:
        entries = [entry for theme in lexicon.themes for part in theme.entries(language) for entry in part]
        assert len(entries) == len(set(entries)), language


def test_terms_are_read_with_their_own_language_tools(lexicon):
    words, phrases = lexicon["trade"].entries("zh")
    assert "贸易" in words and ("跨境", "电商") in phrases  # 跨境电商, as jieba segments it
    words, phrases = lexicon["trade"].entries("ru")
    assert "пошлина" in words and ("зона", "свободный", "торговля") in phrases  # written "зона свободной торговли"
    words, _ = lexicon["trade"].entries("de")
    assert "strafzoll" in words  # written "Strafzölle": simplemma's lemma, lowercased


def test_a_chinese_trade_article_is_about_trade_through_a_segmented_phrase(tmp_path, lexicon):
    corpus = _corpus(tmp_path, zh_trade=CHINESE_TRADE)
    evidence = match_themes(corpus, lexicon)
    assert _top_theme(corpus, evidence, "zh_trade") == "trade"
    phrase = evidence[evidence["term"] == "跨境 电商"]
    assert phrase[["matched", "kind", "theme"]].values.tolist() == [["跨境电商", "phrase", "trade"]]
    assert {"贸易额", "出口", "海关", "通关"} <= set(evidence["term"])


def test_a_russian_article_is_matched_through_inflected_forms(tmp_path, lexicon):
    corpus = _corpus(tmp_path, ru_trade=RUSSIAN_TRADE)
    evidence = match_themes(corpus, lexicon)
    assert _top_theme(corpus, evidence, "ru_trade") == "trade"
    matched = dict(zip(evidence["matched"], evidence["term"]))
    assert matched["зоны свободной торговли"] == "зона свободный торговля"
    assert matched["таможенных пошлин"] == "таможенный пошлина"
    assert matched["экспортёры"] == "экспортер" and matched["пошлин"] == "пошлина"


def test_a_german_article_is_matched_through_simplemma_lemmas(tmp_path, lexicon):
    corpus = _corpus(tmp_path, de_trade=GERMAN_TRADE)
    assert corpus.articles[0].language == "de"
    evidence = match_themes(corpus, lexicon)
    assert _top_theme(corpus, evidence, "de_trade") == "trade"
    assert {"Exporte", "Strafzölle", "Außenhandel", "Freihandelsabkommen", "Protektionismus"} <= set(evidence["matched"])


def test_an_english_article_is_never_matched_by_chinese_or_russian_terms(tmp_path, lexicon):
    corpus = _corpus(tmp_path, en=ENGLISH_WITH_QUOTED_WORDS, ru_trade=RUSSIAN_TRADE, zh_trade=CHINESE_TRADE)
    assert {article.doc_id: article.language for article in corpus}["en"] == "en"
    evidence = match_themes(corpus, lexicon)
    english = evidence[evidence["doc_id"] == "en"]
    assert english["matched"].tolist() == ["festival"]  # its one English term (tourism_culture)
    assert {"товарооборот", "贸易额"} <= set(evidence[evidence["doc_id"] != "en"]["term"])


def test_a_traditional_character_article_is_matched_like_the_simplified_one(tmp_path, lexicon):
    corpus = _corpus(tmp_path, simplified=CHINESE_TRADE, traditional=CHINESE_TRADE_TRADITIONAL)
    assert {article.language for article in corpus} == {"zh"}
    evidence = match_themes(corpus, lexicon)
    found = {doc_id: sorted(zip(rows["theme"], rows["term"], rows["start"], rows["kind"]))
             for doc_id, rows in evidence.groupby("doc_id")}
    assert found["traditional"] == found["simplified"]
    assert _top_theme(corpus, evidence, "traditional") == "trade"
    traditional = evidence[evidence["doc_id"] == "traditional"]
    assert {"貿易", "貿易額", "跨境電商", "海關", "通關"} <= set(traditional["matched"])  # shown as written
