"""Tables as scrapers and databases save them: JSON documents, spreadsheets, column names in other languages."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from presslens.corpus import load_corpus, normalize_date, skipped_table
from presslens.corpus.metadata import normalize_language

STORIES = [
    ("Rail freight to Europe grows", "2024-05-16 10:10:00", "Xinhua",
     ["The number of freight trains from Chongqing to Duisburg rose by a fifth this spring, operators said.",
      "Most of the trains carried electronics and returned with machinery and food."]),
    ("Border crossing reopens", "2024-05-17 08:00:00", "Global Times",
     ["The crossing at Khorgos reopened on Friday after a week of repairs to the customs terminal."]),
]


def test_a_json_object_holding_a_list_of_articles_reads_like_jsonl(tmp_path):
    records = [{"title": title, "publish_time": when, "source": source, "content_text": paragraphs, "lang": "zh-CN"}
               for title, when, source, paragraphs in STORIES]
    (tmp_path / "scrape.json").write_text(json.dumps({"count": 2, "articles": records}), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    first = corpus["scrape/1"]
    assert (first.title, first.date, first.source, first.reader) == ("Rail freight to Europe grows", "2024-05-16",
                                                                      "Xinhua", "table")
    assert first.body_paragraphs == STORIES[0][3]  # a list of paragraphs stays paragraphs
    assert corpus["scrape/2"].date == "2024-05-17"


def test_a_json_array_reads_and_the_language_column_fills_the_drafts_language(tmp_path):
    from presslens.corpus.readers import read_file
    from presslens.corpus.readers.tables import Columns

    records = [{"headline": title, "pubtime": when, "body": "\n\n".join(paragraphs), "language": language}
               for (title, when, _, paragraphs), language in zip(STORIES, ["en-GB", "RU"])]
    (tmp_path / "array.json").write_text(json.dumps(records), encoding="utf-8")
    drafts, skipped, _ = read_file(tmp_path / "array.json", tmp_path, Columns())
    assert not skipped
    assert [(d.title, d.date, d.language) for d in drafts] == [
        ("Rail freight to Europe grows", "2024-05-16", "en"), ("Border crossing reopens", "2024-05-17", "ru")]


@pytest.mark.parametrize("document, expected", [
    ({"status": "ok", "items": 3}, "lists of records are none (keys: status, items)"),
    ({"a": [{"text": "x"}], "b": [{"text": "y"}]}, "lists of records are several (a, b)"),
    ([1, 2, 3], "not a list of records"),
    ("just a string", "not a list of records"),
])
def test_a_json_that_is_not_a_list_of_records_is_skipped_with_the_reason(tmp_path, document, expected):
    (tmp_path / "other.json").write_text(json.dumps(document), encoding="utf-8")
    (tmp_path / "story.txt").write_text("Harbour wall repaired\n\nEngineers finished the wall on Wednesday.\n")
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["story"]
    reasons = dict(zip(skipped_table(corpus).path, skipped_table(corpus).reason))
    assert expected in reasons["other.json"]


RUSSIAN = pd.DataFrame({
    "Источник": ["Первый канал: Новости", "Первый канал: Новости"],
    "Дата": ["28.02.05", "01.03.05"],
    "Время": ["21:00", "09:30"],
    "Заголовок": ["В Сочи прибыли отдыхающие", "Открылся новый мост"],
    "Анонс": ["На отдых в Сочи прибыли четыре тысячи человек из северных регионов страны.",
              "В Хабаровске открыли мост через Амур после трёх лет строительства."],
    "Автор": ["Иван Петров", None],
})


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".ods"])
def test_russian_column_names_and_day_first_dates_in_tables_and_spreadsheets(tmp_path, suffix):
    path = tmp_path / f"integrum{suffix}"
    if suffix == ".csv":
        RUSSIAN.to_csv(path, index=False)
    else:
        RUSSIAN.to_excel(path, index=False, engine="openpyxl" if suffix == ".xlsx" else "odf")
    corpus = load_corpus(tmp_path)
    first, second = corpus["integrum/1"], corpus["integrum/2"]
    assert (first.title, first.date, first.source, first.byline) == (
        "В Сочи прибыли отдыхающие", "2005-02-28", "Первый канал: Новости", "Иван Петров")
    assert first.body_paragraphs == ["На отдых в Сочи прибыли четыре тысячи человек из северных регионов страны."]
    assert (second.date, second.byline) == ("2005-03-01", "")


@pytest.mark.parametrize("columns", [
    {"标题": ["中欧班列开行"], "日期": ["2018年10月7日"], "来源": ["新华社"], "作者": ["李明"], "内容": ["中欧班列今年开行数量再创新高。"]},
    {"Titel": ["Güterzug erreicht Duisburg"], "Datum": ["7. Oktober 2018"], "Quelle": ["WAZ"], "Autor": ["Anna Roth"],
     "Inhalt": ["Der erste Güterzug aus Chongqing erreichte am Sonntag den Hafen."]},
    {"titre": ["Le train arrive à Lyon"], "date": ["7 octobre 2018"], "source": ["Le Progrès"], "auteur": ["Luc Martin"],
     "texte": ["Le premier train de marchandises est arrivé dimanche à Lyon."]},
    {"título": ["Llega el tren a Madrid"], "fecha": ["7 de octubre de 2018"], "fuente": ["El País"], "autor": ["Ana Ruiz"],
     "texto": ["El primer tren de mercancías llegó el domingo a Madrid."]},
])
def test_column_names_in_chinese_german_french_and_spanish(tmp_path, columns):
    pd.DataFrame(columns).to_csv(tmp_path / "table.csv", index=False)
    article = load_corpus(tmp_path)["table/1"]
    values = list(columns.values())
    assert (article.title, article.date, article.source, article.byline) == (values[0][0], "2018-10-07", values[2][0],
                                                                             values[3][0])
    assert article.body_paragraphs == values[4]


def test_an_english_table_reads_as_before(tmp_path):
    pd.DataFrame({"title": ["Port expands"], "date": ["12/07/2012"], "text": ["The port added two berths this year."],
                  "data": ["ignored"]}).to_csv(tmp_path / "t.csv", index=False)
    article = load_corpus(tmp_path)["t/1"]
    assert (article.title, article.date) == ("Port expands", "2012-12-07")  # month first, as before


def test_a_slashed_date_column_is_read_day_first_when_one_of_its_dates_can_only_be(tmp_path):
    pd.DataFrame({"title": ["A", "B"], "date": ["05/03/2005", "28/02/2005"],
                  "text": ["The first story of the table.", "The second story of the table."]}).to_csv(tmp_path / "t.csv",
                                                                                                       index=False)
    corpus = load_corpus(tmp_path)
    assert [corpus["t/1"].date, corpus["t/2"].date] == ["2005-03-05", "2005-02-28"]


@pytest.mark.parametrize("written, iso", [
    ("9 Januar 1993", "1993-01-09"), ("9. März 1993", "1993-03-09"), ("1er janvier 2005", "2005-01-01"),
    ("9 de enero de 1993", "1993-01-09"), ("9 gennaio 1993", "1993-01-09"), ("9 de janeiro de 1993", "1993-01-09"),
    ("9 января 1993 г.", "1993-01-09"), ("19 сентября 2020", "2020-09-19"), ("2018 年 10 月 7 日 17:04", "2018-10-07"),
    ("2018年10月7日", "2018-10-07"), ("28.02.05", "2005-02-28"), ("28.02.2005", "2005-02-28"),
    ("28/02/2005", "2005-02-28"), ("May 16, 2024", "2024-05-16"), ("version 1.2.33", ""), ("31.02.2005", ""),
])
def test_dates_in_other_languages_and_day_first(written, iso):
    assert normalize_date(written) == iso


@pytest.mark.parametrize("value, code", [
    ("zh-CN", "zh"), ("RU", "ru"), ("eng", "en"), ("English", "en"), ("Englisch", "en"), ("德文", "de"),
    ("Chinese (Simplified)", "zh"), ("русский", "ru"), ("Klingon", ""), ("", ""),
])
def test_language_values_become_iso_639_1_codes(value, code):
    assert normalize_language(value) == code
