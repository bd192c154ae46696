"""Corpus loading: metadata, cleaning, paragraphs and sentences, encodings, bad input."""

from __future__ import annotations

import gc
import json
import re

import pandas as pd
import pytest

from conftest import BBC
from presslens.corpus import (
    CorpusNotFound,
    articles_table,
    article_from_text,
    decode_bytes,
    load_corpus,
    normalize_date,
    removals_table,
    sentences_table,
    skipped_table,
)

BOILERPLATE = ["Please enter your comment", "Please enter your name", "Akismet", "Powered by MetInfo", "Photo: VCG"]


def test_seed_articles_keep_file_names_as_doc_ids(seed_corpus, seeds_dir):
    assert sorted(seed_corpus.doc_ids) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert len(seed_corpus) == 5 and not seed_corpus.skipped


def test_titles_are_first_non_empty_lines(seed_corpus, seeds_dir):
    for article in seed_corpus:
        first_line = next(line for line in (seeds_dir / article.path).read_text("utf-8").splitlines() if line.strip())
        assert article.title == first_line.strip()


def test_dates_and_sources_only_where_stated(seed_corpus):
    table = articles_table(seed_corpus).set_index("doc_id")
    assert table.loc["001_a919f9a968849c4c", "date"] == "2021-04-16"
    assert table.loc["004_307deee32fd8fd70", "date"] == "2024-05-16"
    assert set(table.date) == {"2021-04-16", "2024-05-16", ""}
    assert table.loc["000_be66cc4f6408135f", "source"] == "Xinhua"
    assert table.loc["004_307deee32fd8fd70", "source"] == "Global Times"
    # 001 has an empty "source:" label and 002/003 state none: unknown stays empty.
    assert table.loc[["001_a919f9a968849c4c", "002_e59db8fb69f41bb6", "003_f6417c26bc500f79"], "source"].eq("").all()


def test_boilerplate_is_gone_and_reported(seed_corpus):
    for article in seed_corpus:
        for debris in BOILERPLATE:
            assert debris not in article.text, (article.doc_id, debris)
    removed = removals_table(seed_corpus)
    assert removed.text.str.contains("Akismet").any()
    assert removed.text.str.contains("Powered by MetInfo").any()
    assert (removed.kind == "photo credit").sum() == 2


@pytest.mark.parametrize("footer", [
    "Copyright © Steppe Herald. All rights reserved.",
    "Copyright 2003 - 2026. All rights reserved. Texts and photos on this site belong to Steppe Herald Media (SHM).",
])
def test_a_copyright_footer_without_a_year_or_with_a_notice_after_it_is_boilerplate(footer):
    article = article_from_text("wheat", "wheat.txt", "Wheat exports rise\n\nWheat exports rose 12 percent in May, "
                                "the ministry said on Monday.\n\n" + footer)
    assert article.text.endswith("the ministry said on Monday.")
    assert [removal.kind for removal in article.removed] == ["site footer"]


def test_repeated_paragraph_kept_once(seed_corpus, seeds_dir):
    article = seed_corpus["002_e59db8fb69f41bb6"]
    repeated = "The deal also came as cross-border e-commerce is rising"
    raw = (seeds_dir / article.path).read_text("utf-8").replace("\u00a0", " ")  # the copy has no-break spaces
    assert raw.count(repeated) == 2
    assert article.text.count(repeated) == 1
    assert ("repeated paragraph" in set(removals_table(seed_corpus).kind))


def test_a_paragraph_printed_twice_is_kept_once_even_when_one_copy_closes_with_a_stray_bracket():
    paragraph = ("Freight trains between Chongqing and Duisburg now take twelve days, two fewer than last year, "
                 "the operator said on Monday")
    article = article_from_text("twice", "twice.txt", f"Faster trains to Duisburg\n\n{paragraph}.)\n\n"
                                "Shippers welcomed the change.\n\n" f"{paragraph}.")
    assert article.text.count("two fewer than last year") == 1
    assert [removal.kind for removal in article.removed] == ["repeated paragraph"]


def test_a_word_a_scrape_ran_into_a_name_is_set_apart_where_the_article_writes_the_name_alone():
    article = article_from_text("glued", "glued.txt", "Rail deal\n\nTrade between Kenya and China grew. Officials said "
                                "Chinahad offered loans and Kenyathrough its ports would ship tea. Poland and Robin Hood "
                                "stay as they are, and so does the Understated style, as under the old rules.")
    assert "China had offered" in article.text and "Kenya through its ports" in article.text
    assert "Poland" in article.text and "Understated" in article.text


def test_metadata_lines_are_not_body_text(seed_corpus):
    assert "Published:" not in seed_corpus["004_307deee32fd8fd70"].text
    assert "admin source" not in seed_corpus["001_a919f9a968849c4c"].text
    assert not seed_corpus["000_be66cc4f6408135f"].text.startswith("Source:")


def test_paragraph_and_sentence_spans_point_into_text(seed_corpus):
    sentences = sentences_table(seed_corpus)
    for article in seed_corpus:
        for number, (start, end) in enumerate(article.paragraph_spans):
            paragraph = article.text[start:end]
            assert paragraph and paragraph == paragraph.strip()
        for paragraph, start, end in article.sentence_spans:
            p_start, p_end = article.paragraph_spans[paragraph]
            assert p_start <= start < end <= p_end
    row = sentences[sentences.text.str.contains("St. Petersburg")].iloc[0]
    assert "Sochi and Kaliningrad" in row.text  # punkt does not split after "St."


def test_word_counts_are_plausible(seed_corpus, seeds_dir):
    table = articles_table(seed_corpus).set_index("doc_id")
    for article in seed_corpus:
        raw_words = len((seeds_dir / article.path).read_text("utf-8").split())
        assert 0.8 * raw_words < table.loc[article.doc_id, "n_words"] <= 1.1 * raw_words


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusNotFound, match="not found"):
        load_corpus(tmp_path / "nowhere")


def test_a_single_file_is_a_corpus(tmp_path):
    file = tmp_path / "a.txt"
    file.write_text("Title\n\nBody text here.")
    corpus = load_corpus(file)
    assert corpus.doc_ids == ["a"] and corpus["a"].body_paragraphs == ["Body text here."] and corpus["a"].path == "a.txt"


GOOD = "Trade fair opens in Harbin\n\nThe China-Russia Expo opened on Thursday in Harbin, with firms from both countries.\n"


def test_bad_files_are_skipped_with_reasons_and_the_rest_loads(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n\n  ")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "western.txt").write_bytes("Café owners in Zürich\n\nPrices rose by 5% — “sharply”, owners said.".encode("cp1252"))
    (folder / "chinese.txt").write_bytes("中俄经贸合作\n\n中国和俄罗斯在哈尔滨举行博览会。两国企业参加。".encode("gb18030"))
    (folder / "page.txt").write_text("<!DOCTYPE html><html><head><title>x</title></head><body><p>News</p></body></html>")
    (folder / "page.html").write_text("<html><body>News</body></html>")
    (folder / "notes.pages").write_bytes(b"PK\x03\x04 not read")
    corpus = load_corpus(folder)
    loaded = set(corpus.doc_ids)
    assert loaded == {"good", "western", "chinese"}
    assert "Café owners in Zürich" == corpus["western"].title
    assert corpus["chinese"].title == "中俄经贸合作"
    reasons = dict(zip(skipped_table(corpus).path, skipped_table(corpus).reason))
    assert set(reasons) == {"empty.txt", "binary.txt", "page.txt", "page.html", "notes.pages"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "no article text found in the page" in reasons["page.txt"]  # read as a web page: by content, not extension
    assert "no article text found in the page" in reasons["page.html"]
    assert "unsupported file type .pages" in reasons["notes.pages"]
    encodings = {n.path: n.message for n in corpus.notices}
    assert "cp1252" in encodings["western.txt"] and "gb18030" in encodings["chinese.txt"]


def test_utf8_bom_is_not_part_of_the_title(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    article = load_corpus(tmp_path)["bom"]
    assert article.title == "Trade fair opens in Harbin" and article.encoding == "utf-8-sig"


def test_decode_prefers_utf8_then_falls_back():
    assert decode_bytes("Москва".encode("utf-8")) == ("Москва", "utf-8")
    assert decode_bytes("£15.8m".encode("cp1252")) == ("£15.8m", "cp1252")
    with pytest.raises(UnicodeError, match="binary"):
        decode_bytes(b"\x00\x01\x02abc")


def test_tables_with_configurable_columns(tmp_path):
    rows = [
        {"id": "a1", "headline": "Rail link opens", "body": "A new rail link joins Almaty and Urumqi.", "date": "May 3, 2023", "outlet": "Kazinform"},
        {"id": "a2", "headline": "Empty", "body": "", "date": "", "outlet": ""},
    ]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    pd.DataFrame(rows).to_csv(tmp_path / "more.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "most.parquet")
    corpus = load_corpus(tmp_path, columns="text=body,source=outlet")
    assert sorted(corpus.doc_ids) == ["more/a1", "most/a1", "news/a1"]
    article = corpus["news/a1"]
    assert (article.title, article.date, article.source) == ("Rail link opens", "2023-05-03", "Kazinform")
    assert article.body_paragraphs == ["A new rail link joins Almaty and Urumqi."]
    assert article.text == "Rail link opens\n\nA new rail link joins Almaty and Urumqi.", "the headline is read first"
    assert {s.path for s in corpus.skipped} == {"news.jsonl (row 2)", "more.csv (row 2)", "most.parquet (row 2)"}


def test_table_without_text_column_is_skipped_with_the_columns_named(tmp_path):
    pd.DataFrame({"headline": ["x"], "notes": ["y"]}).to_csv(tmp_path / "articles.csv", index=False)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 0
    assert "no text column (columns: headline, notes)" in corpus.skipped[0].reason


def test_dateline_and_inline_photo_credit_are_removed():
    article = article_from_text(
        "x", "x.txt",
        "Talks end\n\nMOSCOW, Nov. 18 (Xinhua) -- Russian and Chinese officials met on Friday (Xinhua/Li Tao) in Moscow.",
    )
    assert article.body_paragraphs == ["Russian and Chinese officials met on Friday in Moscow."]
    assert article.source == "Xinhua"
    assert {r.kind for r in article.removed} == {"dateline", "photo credit"}


def test_a_lead_paragraph_with_a_dateline_in_place_of_a_headline_is_read_once():
    lead = "ALMATY, May 4 (Xinhua) -- Kazakh and Uzbek ministers opened a new border crossing near Zhibek Zholy on Monday."
    article = article_from_text("x", "x.txt", f"{lead}\n\nTrucks waited for hours at the old one.")
    assert article.title == lead and article.source == "Xinhua" and not article.headline_in_text
    assert article.text.count("border crossing") == 1
    assert article.body_paragraphs[0].startswith("Kazakh and Uzbek ministers")
    headline = article_from_text("y", "y.txt", "RUGBY - ENGLAND BEAT WALES .\n\nEngland beat Wales 21-10 on Saturday.")
    assert headline.title == "RUGBY - ENGLAND BEAT WALES ." and headline.headline_in_text


def test_wire_end_marks_and_editor_credits_are_boilerplate_in_english_and_chinese():
    english = article_from_text("x", "x.txt", "Trade grows\n\nTrade with Kazakhstan grew by a fifth in May, customs data "
                                "showed. Enditem\n\nThe growth came from machinery.\n\nEnditem\n\n"
                                "(Web editor: Zhao Min, Liu Yang)\n\nEditor: Sun Hao")
    assert english.body_paragraphs == ["Trade with Kazakhstan grew by a fifth in May, customs data showed.",
                                       "The growth came from machinery."]
    assert "Zhao Min" not in english.text and "Sun Hao" not in english.text
    chinese = article_from_text("z", "z.txt", "中哈贸易增长\n\n中国与哈萨克斯坦的贸易增长了五分之一（新华社记者 李涛 摄）。（完）\n\n（责编：赵敏、刘洋）")
    assert chinese.body_paragraphs == ["中国与哈萨克斯坦的贸易增长了五分之一。"]
    assert {removal.kind for removal in chinese.removed} == {"wire end mark", "byline debris", "photo credit"}
    credited = article_from_text("c", "c.txt", "Port\n\nCranes at the port of Gwadar (People's Daily Online/Li Ming) work day and night.")
    assert credited.body_paragraphs == ["Cranes at the port of Gwadar work day and night."]


def test_a_capitalised_byline_and_a_closing_source_line_are_metadata_not_text():
    article = article_from_text("x", "x.txt", "Rail freight grows\n\nBy Zhao Min, Economic Daily\n\nFreight trains to "
                                "Kazakhstan rose by a fifth in May.\n\n(Source: Xinhua)\n\nFollow us on Twitter and Facebook.")
    assert article.body_paragraphs == ["Freight trains to Kazakhstan rose by a fifth in May."]
    assert article.source == "Economic Daily" and "Zhao Min" not in article.text
    closing = article_from_text("y", "y.txt", "Rail freight grows\n\nFreight trains rose in May.\n\n【来源：新华社】")
    assert closing.source == "新华社" and closing.body_paragraphs == ["Freight trains rose in May."]
    lead = article_from_text("z", "z.txt", "Deal\n\nBy Tuesday, the deal was done.\n\nBy Friday, it was signed.")
    assert lead.body_paragraphs == ["By Tuesday, the deal was done.", "By Friday, it was signed."] and not lead.source


@pytest.mark.parametrize(("stamp", "source"), [("2026/06/12 09:15 Xinhua", "Xinhua"),
                                               ("2026-06-12 09:15 Economic Daily", "Economic Daily"),
                                               ("2026-06-12 09:15 中国经济网", "中国经济网"),
                                               ("2026-06-12 09:15 Beijing Time", ""), ("Li Wei 2026-06-12 09:15", "")])
def test_an_outlet_named_beside_a_time_stamp_without_a_label_is_the_source(stamp, source):
    article = article_from_text("x", "x.txt", f"Exports rise\n\n{stamp}\n\nExports of cars rose by a third in May.")
    assert (article.date, article.source) == ("2026-06-12", source)
    assert article.body_paragraphs == ["Exports of cars rose by a third in May."]


@pytest.mark.parametrize("opening", ["FRANKFURT, June 2 – ", "EUGENE, Oregon — ", "NEW DELHI -- "])
def test_datelines_without_an_agency_are_removed(opening):
    article = article_from_text("x", "x.txt", f"Race\n\n{opening}Runners from Kenya won the race on Sunday.")
    assert article.body_paragraphs == ["Runners from Kenya won the race on Sunday."] and article.source == ""


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "Title\n\nThe first line of a paragraph that was wrapped at a fixed\n"
        "width by an old newswire system, so that every line has\n"
        "roughly the same length until the paragraph ends.\n\nA second paragraph."
    )
    article = article_from_text("x", "x.txt", wrapped)
    assert len(article.body_paragraphs) == 2
    first = article.body_paragraphs[0]
    assert first.startswith("The first line") and first.endswith("paragraph ends.")


@pytest.mark.parametrize(
    "written, iso",
    [("Published: May 16, 2024 10:10 PM", "2024-05-16"), ("2021-04-16 22:10:26", "2021-04-16"),
     ("16 May 2024", "2024-05-16"), ("Sept. 3, 2019", "2019-09-03"), ("no date here", ""), ("2024-13-45", "")],
)
def test_normalize_date(written, iso):
    assert normalize_date(written) == iso


def test_a_date_inside_the_text_is_not_taken_as_the_article_date():
    article = article_from_text("x", "x.txt", "Forum\n\nThe forum was held from April 17 to April 18, 2025 in Shanghai.")
    assert article.date == ""


@pytest.mark.skipif(not BBC.exists(), reason="the BBC corpus is in ../shared only")
def test_bbc_corpus_loads_completely():
    corpus = load_corpus(BBC)
    articles = [a for a in corpus if re.fullmatch(r"[a-z]+/\d{3}", a.doc_id)]
    assert len(articles) == 2225
    not_utf8 = [n for n in corpus.notices if "not UTF-8" in n.message]
    assert [n.path for n in not_utf8] == ["sport/199.txt"]
    assert "£15.8m" in corpus["sport/199"].text


def test_a_corpus_loaded_again_is_read_back_whole_until_a_file_changes(corpus_copy, tmp_path, monkeypatch):
    import presslens.corpus.load as loading
    from presslens.execution import Execution

    run = Execution(cache_dir=tmp_path / "cache")
    first = load_corpus(corpus_copy, execution=run)
    (snapshot,) = (tmp_path / "cache").glob("load_corpus-*.parquet")
    monkeypatch.setattr(loading, "find_chrome", lambda drafts, keys: pytest.fail("the snapshot was not used"))
    again = load_corpus(corpus_copy, execution=run)
    assert again == first and again.root == first.root
    assert gc.isenabled(), "reading the snapshot pauses the cycle collector, then restores it"
    monkeypatch.undo()
    changed = corpus_copy / "003_f6417c26bc500f79.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing paragraph about Almaty.\n", encoding="utf-8")
    after = load_corpus(corpus_copy, execution=run)
    assert "Almaty." in after["003_f6417c26bc500f79"].text.splitlines()[-1]
    assert [path.name for path in (tmp_path / "cache").glob("load_corpus-*.parquet")] != [snapshot.name]
    assert len(list((tmp_path / "cache").glob("load_corpus-*.parquet"))) == 1


def test_snapshots_of_two_corpora_in_one_cache_are_both_kept(corpus_copy, seeds_dir, tmp_path):
    from presslens.execution import Execution

    run = Execution(cache_dir=tmp_path / "cache")
    load_corpus(corpus_copy, execution=run)
    load_corpus(seeds_dir, execution=run)
    assert len(list((tmp_path / "cache").glob("load_corpus-*.parquet"))) == 2


def test_results_tables_are_read_as_articles_not_as_menus(tmp_path):
    """A wire table (standings, scores) is a file of short lines, like a saved page's menus, but its lines
    carry figures: it stays an article with every row."""
    clubs = ["Rovers", "Albion", "United", "Athletic", "Wanderers", "County", "Harriers", "Rangers", "Town",
             "Celtic", "Thistle", "Academicals", "Villa", "Forest", "Palace", "Orient"]
    lines = ["FOOTBALL - LEAGUE STANDINGS.", "LONDON 1996-08-31", "League standings after Saturday's",
             "matches (tabulated - played, won,", "drawn, lost, points):"]
    for division in ("Division one", "Division two"):
        lines += [division] + [f"{club} 3 {rank % 3} 1 {rank % 2} {rank + 2}" for rank, club in enumerate(clubs, start=1)]
    (tmp_path / "standings.txt").write_text("\n\n".join(lines), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert not corpus.skipped
    text = corpus["standings"].text
    assert all(f"{club} 3 " in text for club in clubs)


def test_quotation_marks_a_scraper_escaped_are_read_as_written(tmp_path):
    table = pd.DataFrame({"title": ["Pine cones"], "text": [
        "\\\"We buy pine cones,\\\" said Xie Yu, the company\\'s general manager, in Harbin's market."]})
    table.to_csv(tmp_path / "scrape.csv", index=False)
    text = load_corpus(tmp_path / "scrape.csv").articles[0].text
    assert "\"We buy pine cones,\" said Xie Yu, the company's general manager, in Harbin's market." in text
    assert "\\" not in text


def test_a_dateline_dates_the_article_and_its_place_stays_in_the_text():
    article = article_from_text("wire", "wire.txt", "CYCLING - STAGE RESULTS.\n\nKARATAU, Kazakhstan 1996-08-29\n\n"
                                                    "Results of the third stage of the Tour of the Steppe on Thursday.")
    assert article.date == "1996-08-29"
    assert "KARATAU, Kazakhstan" in article.text
    boxed = article_from_text("page", "page.txt", "Ports reopen\n\n( Xinhua ) 14:20, November 18, 2020\n\n"
                                                  "The ports of the region reopened on Monday after the storm had passed.")
    assert boxed.date == "2020-11-18" and "Xinhua" not in boxed.text


def test_a_site_name_over_every_file_is_the_source_not_the_headline(tmp_path):
    for number, (headline, figure) in enumerate([("Wheat exports rise", "12"), ("Cotton prices fall", "8"),
                                                  ("Rail freight to Europe grows", "21")]):
        (tmp_path / f"story{number}.txt").write_text(
            f"Steppe Economic Herald\n{headline}\n\nThe figure changed by {figure} percent in May, the ministry said "
            "on Monday, citing customs data.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [(a.title, a.source) for a in corpus] == [("Wheat exports rise", "Steppe Economic Herald"),
                                                     ("Cotton prices fall", "Steppe Economic Herald"),
                                                     ("Rail freight to Europe grows", "Steppe Economic Herald")]
    assert all(not a.text.startswith("Steppe") for a in corpus)


def test_one_story_saved_three_times_keeps_its_headline(tmp_path):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Grain\n\nWheat exports rose 12 percent in May, the ministry "
                                                     "said on Monday.\n", encoding="utf-8")
    assert {a.title for a in load_corpus(tmp_path)} == {"Grain"}


def test_in_chinese_a_site_name_is_told_from_a_headline_reprinted_with_other_texts(tmp_path):
    for number in range(3):
        (tmp_path / f"site{number}.txt").write_text(f"草原经济网\n第{number + 1}季度粮食出口增长\n\n海关数据显示，本季度粮食出口"
                                                     f"增长{number + 5}个百分点。\n", encoding="utf-8")
        (tmp_path / f"reprint{number}.txt").write_text(f"草原铁路货运量今年创下新的纪录\n\n铁路部门表示，货运量增长较快。"
                                                        f"本文第{number + 1}次转载。\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert {(a.title, a.source) for a in corpus if a.doc_id.startswith("site")} == {
        (f"第{number}季度粮食出口增长", "草原经济网") for number in (1, 2, 3)}
    assert {a.title for a in corpus if a.doc_id.startswith("reprint")} == {"草原铁路货运量今年创下新的纪录"}
