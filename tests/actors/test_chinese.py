"""Chinese actor mentions: titles, transliterated names, traditional characters, bodies, one cast with English."""

from __future__ import annotations

import pytest

from presslens.actors import load_gazetteer
from presslens.actors.chinese import Span, find_mentions_zh, to_simplified
from presslens.actors.chinese_crf import labels_of, spans_of
from presslens.corpus import article_from_text


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _mentions(text: str, gazetteer) -> list:
    article = article_from_text("zh/fixture", "fixture.txt", text)
    return article, find_mentions_zh(article, gazetteer=gazetteer)


def _found(mentions) -> set[tuple[str, str]]:
    return {(m.surface, m.type) for m in mentions}


def test_names_after_titles_are_people(gazetteer):
    _, mentions = _mentions("新能源车企召开年会\n\n公司董事长叶伟飞在会上致辞，副总经理丁书航主持会议。记者郝明远、常嘉怡报道。\n", gazetteer)
    found = _found(mentions)
    for name in ("叶伟飞", "丁书航", "郝明远", "常嘉怡"):
        assert (name, "person") in found
    assert not any(m.surface.startswith(("董事长", "记者")) for m in mentions)


def test_transliterated_name_and_its_short_form_are_one_actor(gazetteer):
    _, mentions = _mentions("学者访问上海\n\n美国学者约翰·史密斯昨天抵达上海。史密斯表示，这次访问很有收获。\n", gazetteer)
    people = [m for m in mentions if m.type == "person"]
    assert [m.surface for m in people] == ["约翰·史密斯", "史密斯"]
    assert {m.actor for m in people} == {"约翰·史密斯"}


def test_traditional_characters_resolve_like_simplified(gazetteer):
    _, traditional = _mentions("會談消息\n\n國家主席習近平在北京會見俄羅斯總統普京。\n", gazetteer)
    _, simplified = _mentions("会谈消息\n\n国家主席习近平在北京会见俄罗斯总统普京。\n", gazetteer)
    assert [(m.actor, m.type) for m in traditional] == [(m.actor, m.type) for m in simplified]
    assert {m.actor for m in traditional} >= {"Xi Jinping", "Beijing", "Russia", "Vladimir Putin"}
    assert "習近平" in {m.surface for m in traditional}  # surfaces stay as written
    assert to_simplified("國務院") == "国务院"


def test_china_is_the_cast_member_china(gazetteer):
    _, mentions = _mentions("合作前景\n\n中国和哈萨克斯坦签署了合作协议。\n", gazetteer)
    actors = {(m.surface, m.actor, m.type) for m in mentions}
    assert ("中国", "China", "location") in actors
    assert ("哈萨克斯坦", "Kazakhstan", "location") in actors


def test_bodies_take_their_head_noun_and_release_a_following_name(gazetteer):
    _, mentions = _mentions("科研动态\n\n扬州市委书记王进健来到北京化工大学材料学院，与张云虎教授座谈。\n", gazetteer)
    found = _found(mentions)
    assert ("扬州市委", "organization") in found
    assert ("王进健", "person") in found
    assert ("张云虎", "person") in found
    assert any(m.type == "organization" and m.surface.endswith("学院") for m in mentions)


def test_offsets_surfaces_and_sentences_agree_with_the_article(gazetteer):
    article, mentions = _mentions("两国元首会晤\n\n习近平同普京举行会谈。双方签署联合声明。\n\n外交部发言人介绍了情况。\n", gazetteer)
    assert mentions
    for mention in mentions:
        assert article.text[mention.start:mention.end] == mention.surface
        paragraph, start, end = article.sentence_spans[mention.sentence]
        assert start <= mention.start and mention.end <= end and mention.paragraph == paragraph
    assert ("外交部", "Chinese Ministry of Foreign Affairs") in {(m.surface, m.actor) for m in mentions}


def test_latin_words_inside_chinese_text_make_no_runaway_name(gazetteer):
    _, mentions = _mentions("科技新闻\n\nCNN记者John Smith报道，Apple公司CEO Tim Cook访问北京。\n", gazetteer)
    assert ("北京", "location") in _found(mentions)
    assert not any(" " in m.surface or "记者" in m.surface for m in mentions)


def test_model_labels_and_spans_convert_both_ways():
    spans = [Span(0, 3, "person", "rule"), Span(3, 4, "location", "rule"), Span(6, 10, "organization", "rule")]
    labels = labels_of(spans, 12)
    assert labels[:5] == ["B-PER", "I-PER", "I-PER", "B-LOC", "O"]
    assert [(s.start, s.end, s.type) for s in spans_of(labels)] == [(s.start, s.end, s.type) for s in spans]


def test_one_cast_across_languages_in_a_mixed_corpus(tmp_path):
    """China, Russia, the United States and Putin are one actor each, whatever the language of the mention."""
    from presslens import load_corpus
    from presslens.actors import mentions_table

    (tmp_path / "en.txt").write_text("Summit\n\nVladimir Putin met Chinese leaders in Beijing. China and Russia "
                                    "criticised the United States.\n", "utf-8")
    (tmp_path / "zh.txt").write_text("中俄会谈\n\n俄罗斯总统普京在北京会见中国领导人。中美关系和中俄关系都是话题。"
                                    "美国对此表示关注。\n", "utf-8")
    (tmp_path / "ru.txt").write_text("Переговоры\n\nВладимир Путин прибыл в Пекин. Россия и Китай раскритиковали "
                                    "США. Путина встретили в аэропорту.\n", "utf-8")
    mentions = mentions_table(load_corpus(tmp_path))
    for actor in ("China", "Russia", "United States", "Vladimir Putin"):
        found = set(mentions.loc[mentions["actor"] == actor, "doc_id"])
        assert found == {"en", "zh", "ru"}, f"{actor}: found in {sorted(found)}"
