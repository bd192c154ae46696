"""Saved pages in the layouts of the region's news sites: time stamps and agencies in several layouts, a
long feature with boxes of its own inside it, photo pages, and pages in Chinese and Russian."""

from __future__ import annotations

import pytest

from presslens.corpus import load_corpus
from presslens.corpus.cleaning import article_from_text
from presslens.corpus.chrome import is_run_on
from presslens.corpus.metadata import copyright_holder, site_name, time_stamp
from presslens.corpus.pages import page_text
from site_fixtures import (FEATURE, FEATURE_FACTS, FEATURE_RELATED, FEATURE_TIMELINE, GALLERIES, NEWS, PHOTO_MENU,
                           PHOTO_NAVIGATION, PORTAL, PORTAL_BOTTOM, PORTAL_SHARE, PORTAL_STAMPS, PORTAL_TOP,
                           RU_SITE, RU_STAMPS, ZH_NEWS, ZH_STAMPS, build_foreign_sites, build_portal, portal_page)
from test_pages import _overlap


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    root = tmp_path_factory.mktemp("portal")
    return build_portal(root), load_corpus(root)


@pytest.fixture(scope="module")
def foreign(tmp_path_factory):
    root = tmp_path_factory.mktemp("foreign")
    return build_foreign_sites(root), load_corpus(root)


@pytest.mark.parametrize("site", ["portal", "foreign"])
def test_every_page_gives_its_headline_date_source_and_body(site, request):
    pages, corpus = request.getfixturevalue(site)
    assert sorted(corpus.doc_ids) == sorted(pages), corpus.skipped
    for doc_id, page in pages.items():
        article = corpus[doc_id]
        assert (article.title, article.date, article.source) == (page.headline, page.date, page.source), doc_id
        precision, recall = _overlap(" ".join(article.body_paragraphs), " ".join(page.paragraphs))
        assert precision >= 0.95 and recall >= 0.98, (doc_id, precision, recall, article.body_paragraphs)


def test_pages_saved_on_one_line_keep_their_time_stamps_and_long_articles(tmp_path):
    pages = build_portal(tmp_path, one_line=True)
    corpus = load_corpus(tmp_path)
    for doc_id, page in pages.items():
        article = corpus[doc_id]
        assert (article.title, article.date) == (page.headline, page.date), doc_id
        assert article.source == page.source or page.source == PORTAL, doc_id  # the site's name is in the title
        precision, recall = _overlap(" ".join(article.body_paragraphs), " ".join(page.paragraphs))
        assert precision >= 0.9 and recall >= 0.98, (doc_id, precision, recall)


def test_a_long_feature_is_read_whole_without_the_boxes_inside_it(portal):
    pages, corpus = portal
    article = corpus["feature"]
    assert article.body_paragraphs[-1] == pages["feature"].paragraphs[-1]
    assert not any(line in article.body_paragraphs for line in FEATURE_FACTS + FEATURE_RELATED + FEATURE_TIMELINE)


def test_photo_pages_keep_their_captions_and_nothing_of_the_gallery_around_them(portal):
    _, corpus = portal
    for name, (_, captions) in GALLERIES.items():
        article = corpus[f"photos_{name}"]
        assert article.body_paragraphs == captions
        chrome = PHOTO_MENU + PHOTO_NAVIGATION + [title for title, _ in GALLERIES.values()]
        assert not any(line in article.text.split("\n\n")[1:] for line in chrome)
        assert "1/4" not in article.text


@pytest.mark.parametrize("text, found", [
    ("( Xinhua ) 14:20, November 18, 2020", ("2020-11-18", "Xinhua")),
    ("Source: Xinhua | 2020-11-18 14:20:05 | Editor: Wang Lei", ("2020-11-18", "Xinhua")),
    ("By Li Wei | China Daily | Updated: 2020-11-18 08:30", ("2020-11-18", "China Daily")),
    ("chinadaily.com.cn | Updated: 2020-11-18 08:30", ("2020-11-18", "chinadaily.com.cn")),
    ("By Zhang Yu (Global Times) 09:12, November 18, 2020", ("2020-11-18", "Global Times")),
    ("Updated: 2020-11-18 14:20", ("2020-11-18", "")),
    ("Updated: 14:20, Nov.18,2020", ("2020-11-18", "")),
    ("Published 18 Nov 2020", ("2020-11-18", "")),
    ("14:20 18-Nov-2020", ("2020-11-18", "")),
    ("2020年11月18日 14:20 来源：新华社", ("2020-11-18", "新华社")),
    ("2020-11-18 14:20 来源：人民网 作者：李明", ("2020-11-18", "人民网")),
    ("18.11.2020 14:20 Источник: ТАСС", ("2020-11-18", "ТАСС")),
    ("14:20 18.11.2020 | Интерфакс", ("2020-11-18", "Интерфакс")),
    ("By Li Wei | Updated: 2020-11-18 08:30", ("2020-11-18", "")),
    ("Published: 18/11/2020 14:20", ("2020-11-18", "")),
    ("2020-11-18T14:20:05+08:00", ("2020-11-18", "")),
    ("发布时间：2020-11-18 来源：新华社", ("2020-11-18", "新华社")),
    ("(Source: Steppe Economic Net)  2020-11-18", ("2020-11-18", "Steppe Economic Net")),
    ("[Source: steppe.kz] [Date: 2020-11-18]", ("2020-11-18", "steppe.kz")),
    ("【来源：经济日报】 2020-11-18", ("2020-11-18", "经济日报")),
    ("By Li Wei in Beijing and Zhang Yu in Shanghai and Ma Lin in Chengdu | China Daily | Updated: 2020-11-18",
     ("2020-11-18", "China Daily")),
    ("Xinhua, November 18, 2020", ("2020-11-18", "Xinhua")),
    ("By Li Wei and Zhang Yu in Beijing, November 18, 2020", ("2020-11-18", "")),
    ("Today's front page: Wednesday, November 18, 2020", None),
    ("iShares Nikkei 225 (DE)", None),
    ("13 Aug 2008: 20 die in a fire in Mumbai", None),
    ("Photo taken on Nov 16, 2020 shows the rail port", None),
    ("Engineers tested the furnace for six months before the launch on 18.11.2020 in the north.", None),
])
def test_time_stamp_layouts(text, found):
    stamp = time_stamp(text)
    assert (stamp.date, stamp.source) == found if found else stamp is None


def test_chinese_page_titles_name_their_site_without_spaces():
    titles = [f"标题{number}_新闻中心_亚洲快讯网" for number in range(3)] + ["另一个标题-亚洲快讯网"]
    named = site_name(titles)
    assert named["标题1_新闻中心_亚洲快讯网"] == ("标题1", "亚洲快讯网")


def test_a_source_on_a_line_of_its_own_beside_the_time_stamp():
    headline, paragraphs = NEWS["ferry"]
    units = ["Home", "World", headline, "Source: Xinhua", "2020-11-20 08:30", *paragraphs, "Related stories"]
    page = page_text(units, headline)
    assert (page.date, page.source) == ("2020-11-20", "Xinhua")
    assert [page.units[position] for position in page.positions] == paragraphs


def test_in_a_run_on_page_a_sentence_that_opens_with_an_event_date_does_not_end_the_article():
    headline = "Port of Xi'an marks ten years of freight trains"
    sentences = ["Ten years after its first train left for Hamburg, the rail port east of Xi'an says it has become one "
                 "of the busiest inland ports in Asia.",
                 "On November 12, 2020, the port received its first train of frozen fish from Russia.",
                 "Its managers said more such trains would follow in the winter months.",
                 "On 3 September 2019 the ten thousandth train left for Duisburg with laptops.",
                 "Forwarders said the trains would keep growing if subsidies were kept."]
    teaser = "09:05, March 3, 2021 Rail freight to Europe doubles in a year as shippers avoid crowded ports."
    page = page_text(["Home", headline, "( Xinhua ) 14:20, November 18, 2020", *sentences, "Related stories", teaser],
                     headline, sentences=True)
    assert [page.units[position] for position in page.positions] == sentences
    assert (page.date, page.source) == ("2020-11-18", "Xinhua")


def test_a_headline_that_the_page_title_cut_short_is_read_whole_from_the_page():
    headline, paragraphs = NEWS["wheat"]
    units = ["Home", "World", headline, "Updated: 17:45, Nov.21,2020", *paragraphs, "Related stories"]
    assert page_text(units, headline[:40].rsplit(" ", 1)[0] + " …").title == headline
    assert page_text(units, headline).title == headline


def test_a_chinese_page_on_one_line_is_measured_by_what_its_characters_say():
    chinese_line = "".join(paragraph for _, story in ZH_NEWS.values() for paragraph in story) * 2  # 636 characters
    english_line = " ".join(paragraph for _, story in NEWS.values() for paragraph in story)[:len(chinese_line)]
    assert is_run_on([chinese_line]) and not is_run_on([english_line])


def test_teasers_after_the_article_are_left_out_even_when_their_headlines_ask_questions():
    headline, paragraphs = NEWS["tea"]
    teasers = ["Should ports pay for the new rail lines?", "A forum of shippers and port operators debated on Monday "
               "who should pay for the tracks that link the ports with inland cities.",
               "Ferry route links Dalian and Incheon", "By Staff Reporter", "A ferry route between the two ports opened "
               "on Thursday, offering a crossing of about fourteen hours to passengers and freight."]
    page = page_text(["Home", headline, "Updated: 2020-11-18 14:20", *paragraphs, "Filed under: Business", *teasers],
                     headline)
    assert [page.units[position] for position in page.positions] == paragraphs


def test_a_page_whose_title_does_not_name_its_site_takes_the_site_whose_menus_frame_it(tmp_path):
    def without_copyright(page: str) -> str:  # nothing but the title names the site
        return "\n".join(line for line in page.split("\n") if not line.startswith("Copyright"))

    for name, story in NEWS.items():
        (tmp_path / f"{name}.txt").write_text(without_copyright(portal_page(story, "Updated: 17:45, Nov.21,2020")),
                                              encoding="utf-8")
    blog = portal_page(("Notes from the tea hills", NEWS["tea"][1]), "Updated: 08:10, Nov.22,2020")
    (tmp_path / "blog.txt").write_text(without_copyright(blog).replace(f"Notes from the tea hills - {PORTAL}",
                                                                       "Notes from the tea hills"), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus["blog"].title == "Notes from the tea hills"
    assert {article.source for article in corpus} == {PORTAL}


def test_a_front_page_of_teasers_with_links_to_related_stories_gives_no_article():
    teasers = [("Ferry route links Dalian and Incheon", "A ferry route between the two ports opened on Thursday, "
                "offering a crossing of about fourteen hours to passengers and freight.",
                ["Ferry fares cut for students", "Incheon port in pictures"]),
               ("Grain trains reach Kazakhstan", "The first of forty grain trains from Heilongjiang reached the border "
                "crossing at Khorgos on Monday after eleven days on the rails.",
                ["Khorgos dry port expands", "Video: loading grain at the border"]),
               ("Tea traders return to Kyakhta", "Merchants from Fujian and Buryatia met in the old border town for "
                "a fair that revives a trade route closed for a century.", ["Other top stories"]),
               ("Solar park opens in Karaganda", "A solar park built by a joint venture of Chinese and Kazakh firms "
                "began feeding the regional grid on Wednesday.", [])]
    units = ["Home", "World", "Business", "Asia", "Updated 6:30 PM, March 5, 2021"]
    for headline, summary, related in teasers:
        units += [headline, summary, *related]
    assert page_text(units + ["Terms of use", "Contact us"], "Asia business news") is None


def test_a_page_of_questions_each_with_its_answer_keeps_them_all():
    headline = "How to send us a news tip"
    answers = ["How do I reach the newsroom?", "Call the main desk at any hour, or write to the address printed on "
               "the last page of every edition, and an editor will answer within a day.",
               "How do I pass along a tip?", "Send it to the tips desk with your name and a number where a reporter "
               "can reach you; we never publish the names of people who ask us not to.",
               "How do I send a press release?", "Send it to the desk that covers the subject, with the release in "
               "the body of the message rather than as an attachment."]
    page = page_text(["Home", "Contact", headline, "Updated: 2020-11-18 14:20", *answers, "Terms of use"], headline)
    assert [page.units[position] for position in page.positions] == answers[1:]  # from its first paragraph


@pytest.mark.parametrize("page_title, printed", [
    ("Steelmaker opens a plant powered by hydrogen in Hebei - Green Industry", "Steelmaker opens a plant powered by "
     "hydrogen in Hebei"),  # a section's name that too few page titles share to be known as the site's
    ("Hebei steelmaker opens the country's first furnace to run on hydrogen from wind farms", "Hydrogen furnace opens "
     "in Hebei"),  # the page prints a shorter headline of the title's words
])
def test_the_headline_is_the_one_the_page_prints_above_the_article(page_title, printed):
    _, paragraphs = NEWS["steel"]
    units = ["Home", "Business", "Hydrogen", printed, "Updated: 2020-11-18 14:20", "Share", *paragraphs,
             "Related stories", "Tea growers in Yunnan sell their harvest through live streams"]
    assert page_text(units, page_title).title == printed


def test_a_long_article_is_read_whole_across_a_heavy_box_and_a_lone_paragraph_but_not_into_its_comments():
    headline, paragraphs = FEATURE
    special = [f"Special coverage: {title}" for title, _ in [*NEWS.values(), *GALLERIES.values()]] * 3  # 21 links
    comments = ["Comments (2)", "Li Ming wrote:", "2020-11-18 15:00", "The port is a success that every inland "
                "province should copy, and the trains are full every time I see them pass my village.",
                "It has brought jobs to the whole district and the new roads are good too, whatever the critics say.",
                "Wang Fang wrote:", "2020-11-18 16:00", "The subsidies would be better spent on schools and hospitals "
                "in the province than on trains that run half empty on the way back to China."]
    units = ["Home", "Business", headline, "Updated: 2020-11-18 14:20 Source: Xinhua", *paragraphs[:3], *special[:9],
             paragraphs[3], *special[9:], *paragraphs[4:], "Related stories", *comments]
    page = page_text(units, headline)
    assert [page.units[position] for position in page.positions] == paragraphs


FERRY = NEWS["ferry"][0]


@pytest.mark.parametrize("top, found", [
    (["Home", FERRY, "Source:", "Xinhua", "2020-11-20 08:30"], ("2020-11-20", "Xinhua")),  # label, value: two lines
    (["November 23, 2020", "Home", "( Xinhua ) 08:30, November 20, 2020", FERRY],
     ("2020-11-20", "Xinhua")),  # above the headline, under the date of the day the page was saved
])
def test_the_time_stamp_of_a_second_layout_is_read(top, found):
    headline, paragraphs = NEWS["ferry"]
    page = page_text([*top, *paragraphs, "Related stories", NEWS["tea"][0]], headline)
    assert (page.date, page.source) == found
    assert [page.units[position] for position in page.positions] == paragraphs


def test_a_photo_page_with_one_short_caption_gives_the_caption_not_the_footer():
    headline, captions = GALLERIES["snow"]
    units = [*PHOTO_MENU, headline, "( Xinhua ) 14:20, November 18, 2020", "1/1", captions[0], *PHOTO_NAVIGATION,
             *[title for title, _ in GALLERIES.values() if title != headline], *PORTAL_BOTTOM]
    page = page_text(units, headline)
    assert [page.units[position] for position in page.positions] == captions[:1]


def test_the_buttons_a_photo_page_prints_under_every_photo_are_left_out():
    headline, captions = GALLERIES["lanterns"]
    photos = [line for caption in captions for line in (caption, "Download full size")]
    page = page_text([*PHOTO_MENU, headline, "Updated: 2020-11-18 14:20", *photos, *PHOTO_NAVIGATION], headline)
    assert [page.units[position] for position in page.positions] == captions


def test_the_only_photo_page_of_a_folder_is_read(tmp_path):
    pages = build_portal(tmp_path)
    for name in ["lanterns", "harvest"]:  # its photo numbers (1/4, 2/4…) recur in no other page: they are not chrome
        (tmp_path / f"photos_{name}.txt").unlink()
    article = load_corpus(tmp_path)["photos_snow"]
    assert article.body_paragraphs == pages["photos_snow"].paragraphs


def test_a_short_photo_page_alone_is_read_as_a_page():
    headline, captions = GALLERIES["snow"]
    lines = [f"{headline} - {PORTAL}", *PORTAL_TOP[:8], *PHOTO_MENU[:4], headline, "( Xinhua ) 14:20, November 18, 2020",
             "1/2", captions[0], "2/2", captions[1], *PHOTO_NAVIGATION[:2], "About us", "Contact us"]
    article = article_from_text("snow", "snow.txt", "\n".join(lines))
    assert (article.title, article.date, article.source) == (headline, "2020-11-18", "Xinhua")
    assert article.body_paragraphs == captions[:2]


def test_a_summary_under_the_headline_does_not_hide_the_article_below_it():
    headline, paragraphs = FEATURE
    summary = "A rail port that grew out of wheat fields now links Xi'an with Europe."
    units = ["Home", headline, summary, "Published: 2020-11-17 09:00", "Updated: 2020-11-18 14:20", *PORTAL_SHARE,
             *paragraphs, "Related stories", NEWS["tea"][0]]
    page = page_text(units, headline)
    assert [page.units[position] for position in page.positions][-len(paragraphs):] == paragraphs
    assert page.date == "2020-11-17"


#: The time stamps of the fixtures' sites that name their source.
NAMED_STAMPS = [layout for layout in [*PORTAL_STAMPS.values(), *ZH_STAMPS, *RU_STAMPS] if layout[2] not in (PORTAL, RU_SITE)]


@pytest.mark.parametrize("stamp, date, source", NAMED_STAMPS)
def test_an_article_scraped_without_its_page_reads_the_time_stamp_under_its_headline(stamp, date, source):
    headline, paragraphs = NEWS["steel"]
    article = article_from_text("steel", "steel.txt", "\n\n".join([headline, stamp, *paragraphs]))
    assert (article.title, article.date, article.source) == (headline, date, source)
    assert article.body_paragraphs == paragraphs


@pytest.mark.parametrize("lines, holder", [
    (["Contact us", "© 2024 The Harbour Herald Company"], "The Harbour Herald"),
    (["Copyright ©2019 Steppe Media Group, Inc. All Rights Reserved.", "Privacy"], "Steppe Media Group"),
    (["© 1998- The Amur Courier"], "The Amur Courier"),
    (["Copyright Policy", "Terms of use"], ""),
    (["The court ruled that © 2019 photographs taken by the agency were misused by several newspapers in the region."], ""),
])
def test_the_holder_of_a_pages_copyright_line(lines, holder):
    assert copyright_holder(lines) == holder


def test_pages_scraped_without_their_title_line_take_the_headline_printed_above_the_article(tmp_path):
    pages = build_portal(tmp_path)
    for doc_id in pages:  # each page now opens with the menu every page of the site opens with
        path = tmp_path / f"{doc_id}.txt"
        path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert sorted(corpus.doc_ids) == sorted(pages), corpus.skipped
    for doc_id, page in pages.items():
        article = corpus[doc_id]
        assert (article.title, article.date) == (page.headline, page.date), doc_id
        assert not article.text.startswith(PORTAL_TOP[0]), article.text[:80]


@pytest.mark.parametrize("line, breadcrumb", [("Home > News > Business", True), ("Home>World", True),
                                               ("Home » World", True), ("«Газпром» увеличил экспорт в Китай", False),
                                               ("Merkel sagte »Wir schaffen das«", False)])
def test_a_breadcrumb_trail_is_told_from_a_headline_with_guillemets(line, breadcrumb):
    from presslens.corpus.pages import _BREADCRUMB
    assert bool(_BREADCRUMB.search(line)) is breadcrumb
