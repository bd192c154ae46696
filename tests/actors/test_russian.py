"""Actors in Russian text: inflected names as one actor, canonical names shared with English, boundaries."""

from __future__ import annotations

from importlib import resources

import nltk
import pytest
import yaml

from presslens.actors import load_gazetteer
from presslens.actors.russian import find_mentions_ru
from presslens.actors.russian_models import analyzer, segmenter
from presslens.corpus import article_from_text

NEWS = """Переговоры в Пекине

Президент России Владимир Путин прибыл в Пекин. Путина встретил председатель КНР Си Цзиньпин.
Президент России заявил, что Китаю и России есть что обсудить. Путину показали новый порт.

Россия заявила о поддержке проекта. Каждый участник получил приглашение, никто не отказался, и все остались довольны.

Губернатор Ивановской области Станислав Воскресенский сообщил, что Воскресенского поддержали депутаты.
Он обещал встретиться с правительством Татарстана.

Комитет защиты журналистов (КЗЖ) осудил решение, сообщает Amnesty International."""


@pytest.fixture(scope="module")
def mentions():
    article = article_from_text("ru/news", "ru/news.txt", NEWS)
    return find_mentions_ru(article, gazetteer=load_gazetteer())


def _actors(mentions, surface):
    return {m.actor for m in mentions if m.surface == surface}


def test_putin_in_every_inflection_is_one_actor_named_in_english(mentions):
    for surface in ("Владимир Путин", "Путина", "Путину"):
        assert _actors(mentions, surface) == {"Vladimir Putin"}, surface
    assert {m.type for m in mentions if m.actor == "Vladimir Putin"} == {"person"}


def test_a_role_that_came_with_the_name_names_the_person(mentions):
    alone = [m for m in mentions if m.surface == "Президент России" and m.actor == "Vladimir Putin"]
    assert alone and alone[0].method == "alias"


def test_inflected_places_resolve_to_the_gazetteer_name(mentions):
    assert _actors(mentions, "Китаю") == {"China"}
    assert _actors(mentions, "России") == {"Russia"}
    assert _actors(mentions, "Пекин") == {"Beijing"}


def test_a_place_acting_as_a_body_is_a_location(mentions):
    [russia] = [m for m in mentions if m.surface == "Россия"]
    assert (russia.actor, russia.type) == ("Russia", "location")


def test_pronouns_and_quantifiers_are_never_actors(mentions):
    words = {m.surface.lower() for m in mentions}
    assert not words & {"каждый", "никто", "все", "он"}


def test_an_unknown_name_keeps_its_nominative_and_its_family_name_joins_it(mentions):
    assert _actors(mentions, "Станислав Воскресенский") == {"Станислав Воскресенский"}
    assert _actors(mentions, "Воскресенского") == {"Станислав Воскресенский"}
    assert _actors(mentions, "Ивановской области") == {"Ивановская область"}


def test_a_body_named_by_its_kind_and_place_is_one_mention_and_the_place_another(mentions):
    assert {m.type for m in mentions if m.surface == "правительством Татарстана"} == {"organization"}
    assert {(m.actor, m.type) for m in mentions if m.surface == "Татарстана"} == {("Tatarstan", "location")}


def test_a_name_with_another_in_brackets_is_two_mentions_and_latin_names_are_known(mentions):
    assert not [m for m in mentions if "(" in m.surface or ")" in m.surface]
    assert _actors(mentions, "Комитет защиты журналистов") == {"Committee to Protect Journalists"}
    assert _actors(mentions, "Amnesty International") == {"Amnesty International"}


def test_offsets_sentences_and_paragraphs_point_at_the_mention():
    article = article_from_text("ru/news", "ru/news.txt", NEWS)
    for mention in find_mentions_ru(article, gazetteer=load_gazetteer()):
        assert article.text[mention.start:mention.end] == mention.surface
        paragraph, start, end = article.sentence_spans[mention.sentence]
        assert start <= mention.start and mention.end <= end and paragraph == mention.paragraph


def test_a_gazetteer_is_required():
    article = article_from_text("ru/news", "ru/news.txt", NEWS)
    with pytest.raises(ValueError, match="load_gazetteer"):
        find_mentions_ru(article, gazetteer=None)


def test_russian_names_name_known_actors_and_no_single_name_is_a_common_word():
    """A one-word name is never a stopword, an adjective or a pronoun (*Грозный*, *Навальный* as
    written at the start of a sentence are common words first)."""
    gazetteer = load_gazetteer()
    stopwords = set(nltk.corpus.stopwords.words("russian"))
    entries = yaml.safe_load(resources.files("presslens").joinpath("data/names_ru.yaml").read_text("utf-8"))["actors"]
    for entry in entries:
        assert entry["name"] in gazetteer.entries, entry
        for name in entry["names"]:
            if len(list(segmenter().tokenize(name))) == 1 and not name.isupper():
                assert name.lower() not in stopwords and not _adjective_or_pronoun(name), name


def _adjective_or_pronoun(word: str) -> bool:
    return any(parse.is_known and {"ADJF", "ADJS", "PRTF", "NPRO", "Apro"} & parse.tag.grammemes
               for parse in analyzer().parse(word.lower()))


def test_a_common_word_would_be_caught():
    assert _adjective_or_pronoun("Грозный") and _adjective_or_pronoun("Каждый") and not _adjective_or_pronoun("Путин")
