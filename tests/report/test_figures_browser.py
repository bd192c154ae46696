"""What a reader sees in a rendered report, measured in headless Chromium: every article keeps its row in
the dispersion figure, article counts have whole-number ticks, no two network labels overlap, no table
cell breaks inside a word, and Chinese and Cyrillic text is drawn with a font that has it.

The report runs on the sample corpus plus a Russian and a Chinese article with names of their own
script, following terms that the first and last sample articles never use.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import SEEDS
from page_checks import measure_page, overlapping_labels
from presslens.report import run_report

RUSSIAN = (
    "Путин и Си Цзиньпин обсудили торговлю в Москве\n\n"
    "Президент России Владимир Путин встретился с председателем КНР Си Цзиньпином в Москве во вторник.\n"
    "Стороны договорились расширить торговлю и совместные инвестиции в энергетику и транспорт.\n"
)
CHINESE = (
    "中俄两国在北京签署经济合作协议\n\n"
    "国家主席习近平在北京会见俄罗斯总统普京，双方同意扩大贸易与投资合作。\n"
    "中国商务部表示，中俄贸易额去年增长三分之一，能源和交通是合作重点。\n"
)
#: Terms of the middle sample articles only (002 and 004), and one of each added language.
FOLLOWED = ["Putin", "Far East", "Путин", "合作"]
PAGES = ["01_corpus_overview", "02_topic_frequency", "03_actor_cooccurrence", "04_themes"]


@pytest.fixture(scope="module")
def measured(tmp_path_factory, browser) -> dict:
    """Each page of the report, measured in Chromium; ``doc_ids`` lists the corpus' articles."""
    corpus = tmp_path_factory.mktemp("figures-corpus")
    for article in SEEDS.glob("*.txt"):
        shutil.copy(article, corpus)
    (corpus / "новости_москва.txt").write_text(RUSSIAN, encoding="utf-8")
    (corpus / "新闻_北京.txt").write_text(CHINESE, encoding="utf-8")
    out = tmp_path_factory.mktemp("figures-report")
    run_report(corpus, out, jobs=2, max_articles=0, parameters={"terms_of_interest": FOLLOWED})
    record = json.loads((out / "run.json").read_text())
    assert all(run["status"] == "ok" for run in record["notebooks"]), record["notebooks"]
    pages = {name: measure_page(browser, out / "html" / f"{name}.html") for name in PAGES}
    return {"pages": pages, "doc_ids": sorted(path.stem for path in corpus.glob("*.txt"))}


def _figures(measured: dict, page: str, title: str) -> list[dict]:
    found = [figure for figure in measured["pages"][page]["figures"] if figure["title"].startswith(title)]
    assert found, f"{page}: no figure titled {title!r}"
    return found


def test_every_article_keeps_its_row_in_the_dispersion_figure(measured):
    [dispersion] = _figures(measured, "02_topic_frequency", "Where the terms occur")
    rows = next(axis["ticks"] for axis in dispersion["axes"] if axis["id"] == "y")
    assert sorted(rows) == measured["doc_ids"], "the first and last articles never use these terms and keep their rows"


def test_article_counts_have_whole_number_ticks(measured):
    for page in ("03_actor_cooccurrence", "04_themes"):
        axes = [axis for figure in _figures(measured, page, "") for axis in figure["axes"] if axis["title"] == "articles"]
        assert axes, f"{page}: no articles axis"
        for axis in axes:
            assert len(axis["ticks"]) >= 2 and all(re.fullmatch(r"\d[\d,]*", tick) for tick in axis["ticks"]), (page, axis)


def test_no_two_network_labels_overlap(measured):
    networks = _figures(measured, "03_actor_cooccurrence", "Actor network") + \
        _figures(measured, "03_actor_cooccurrence", "Communities")
    for network in networks:
        assert len(network["labels"]) >= 5, network["title"]
        assert not any("…" in label["text"] for label in network["labels"]), "names are shown whole"
        assert overlapping_labels(network["labels"]) == [], network["title"]


@pytest.mark.parametrize("page", PAGES)
def test_no_table_cell_breaks_inside_a_word(measured, page):
    assert measured["pages"][page]["broken_words"] == []


def _has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    return bool(subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip())


@pytest.mark.skipif(not _has_chinese_font(), reason="no font with Chinese characters: `make browser` installs "
                                                    "fonts-noto-cjk with apt-get when run as root on Debian/Ubuntu")
@pytest.mark.parametrize("page", PAGES)
def test_chinese_and_cyrillic_text_is_drawn_with_a_font_that_has_it(measured, page):
    assert measured["pages"][page]["missing_glyphs"] == []


def test_the_pages_show_chinese_and_cyrillic_text_to_check(measured):
    for page in ("01_corpus_overview", "02_topic_frequency"):  # article names in tables and figures
        checked = measured["pages"][page]["glyphs_checked"]
        assert checked["Han"] > 0 and checked["Cyrillic"] > 0, (page, checked)
