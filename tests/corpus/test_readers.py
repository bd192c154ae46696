"""Readers of web pages and tables: the article and its metadata, columns recognised by their usual names."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from presslens.cli import main
from presslens.corpus import Columns, files_table, load_corpus

PARAGRAPHS = [
    "The first freight train from Xi'an to Budapest arrived on Sunday after sixteen days on the road, carrying "
    "household appliances, clothes and solar panels, the railway operator said.",
    "Hungarian officials welcomed the train at the Budapest terminal and said the route would shorten delivery "
    "times for goods that now travel by sea through the port of Hamburg.",
    "The operator plans two trains a week from next month and hopes to carry agricultural products on the "
    "return journey to China.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>First freight train from Xi'an reaches Budapest | Danube Daily</title>
<meta property="og:site_name" content="Danube Daily">
<meta name="author" content="Eva Kovacs">
<meta property="article:published_time" content="2023-04-16T09:30:00+02:00">
<link rel="canonical" href="https://danube-daily.example/economy/freight-train-budapest">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/economy">Economy</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>First freight train from Xi'an reaches Budapest</h1>
<p class="byline">By Eva Kovacs</p>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Parliament votes on the budget</a></li>
<li><a href="/b">Floods close roads in the east</a></li></ul></aside>
<footer><p>&copy; 2023 Danube Daily. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    (root / "budapest.html").write_text(PAGE, encoding="utf-8")
    (root / "zipped.html.gz").write_bytes(gzip.compress(PAGE.replace("Sunday", "Monday").encode("utf-8")))
    (root / "saved_as.txt").write_text(PAGE.replace("Sunday", "Friday"), encoding="utf-8")
    (root / "index.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>")
    return load_corpus(root)


def test_a_web_page_gives_its_article_and_metadata(web):
    article = web["budapest"]
    assert article.reader == "html"
    assert article.title == "First freight train from Xi'an reaches Budapest"
    assert article.body_paragraphs == PARAGRAPHS and article.paragraphs[0] == article.title
    assert (article.date, article.source, article.byline) == ("2023-04-16", "Danube Daily", "Eva Kovacs")
    assert article.url == "https://danube-daily.example/economy/freight-train-budapest"
    assert not any(chrome in article.text for chrome in ("Most read", "Parliament votes", "All rights reserved", "Home"))


def test_pages_are_recognised_gzipped_and_by_their_content(web):
    assert "Monday" in web["zipped"].text and web["zipped"].reader == "html"
    assert "Friday" in web["saved_as"].text and web["saved_as"].reader == "html"


def test_a_page_without_an_article_is_skipped_with_the_reason(web):
    reasons = {item.path: item.reason for item in web.skipped}
    assert "no article text found in the page" in reasons["index.html"]
    assert "index" not in web.doc_ids


def _chinadaily_like(folder):
    """A researcher's scrape: the text in ``text``, the date only in ``date_cleaned``, an index column."""
    rows = [
        {"": 0, "title": "Rail link to Gwadar opens", "keyword": "('Pakistani',)",
         "url": "https://www.example-daily.cn/a/202410/14/WS1.html", "text": PARAGRAPHS[0],
         "date_cleaned": "2024-10-14 13:13", "author": "Li Wei"},
        {"": 1, "title": "Budapest terminal expands", "keyword": "('Hungary',)",
         "url": "https://www.example-daily.cn/a/202411/04/WS2.html", "text": PARAGRAPHS[1],
         "date_cleaned": "2024-11-04 15:32", "author": ""},
    ]
    path = folder / "scrape.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_usual_column_names_are_recognised_without_options(tmp_path):
    path = _chinadaily_like(tmp_path)
    corpus = load_corpus(path)  # one file is the corpus
    assert corpus.doc_ids == ["scrape/1", "scrape/2"]
    first = corpus["scrape/1"]
    assert (first.title, first.date, first.byline, first.source) == (
        "Rail link to Gwadar opens", "2024-10-14", "Li Wei", "example-daily.cn")
    assert first.url.endswith("WS1.html") and first.body_paragraphs == [PARAGRAPHS[0]]
    assert corpus["scrape/2"].date == "2024-11-04"


@pytest.mark.parametrize("names", [
    {"text": "body", "title": "headline", "date": "published", "source": "outlet"},
    {"text": "content", "title": "heading", "date": "pubdate", "source": "publication"},
    {"text": "article", "title": "Title", "date": "publish_date", "source": "site"},
])
def test_other_common_names(tmp_path, names):
    row = {names["text"]: PARAGRAPHS[2], names["title"]: "Trains to return with farm goods",
           names["date"]: "May 3, 2023", names["source"]: "Kazinform"}
    (tmp_path / "news.jsonl").write_text(json.dumps(row), encoding="utf-8")
    article = load_corpus(tmp_path)["news/1"]
    assert (article.title, article.date, article.source, article.body_paragraphs[0]) == (
        "Trains to return with farm goods", "2023-05-03", "Kazinform", PARAGRAPHS[2])


def test_an_explicit_mapping_wins_and_a_wrong_one_is_a_one_line_error(tmp_path, capsys):
    path = _chinadaily_like(tmp_path)
    corpus = load_corpus(path, columns="title=keyword")
    assert corpus["scrape/1"].title == "('Pakistani',)"
    with pytest.raises(ValueError, match=r"no column 'story' for the text \(columns: Unnamed: 0, title, keyword, url, text"):
        load_corpus(path, columns={"text": "story"})
    status = main(["export", "articles", "--corpus", str(path), "--out", str(tmp_path / "a.csv"), "--columns", "txt=body"])
    assert status == 2
    assert "unknown column field(s) txt" in capsys.readouterr().err


def test_columns_parse():
    assert Columns.parse("text=body, date=date_cleaned") == Columns(text="body", date="date_cleaned")
    assert str(Columns(text="body", date="d")) == "text=body,date=d"
    with pytest.raises(ValueError, match="field=column"):
        Columns.parse("body")


def test_export_articles_has_the_cleaned_text_and_where_each_came_from(tmp_path, seeds_dir):
    out = tmp_path / "articles.csv"
    assert main(["export", "articles", "--corpus", str(seeds_dir), "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert {"text", "reader", "byline", "url", "path"} <= set(table.columns)
    assert set(table.reader) == {"text"}
    first = table.set_index("doc_id").loc["004_307deee32fd8fd70"]
    assert "Published:" not in first.text and "\n\n" in first.text


def test_files_table_says_what_each_file_gave(tmp_path):
    _chinadaily_like(tmp_path)
    (tmp_path / "empty.txt").write_text("")
    files = files_table(load_corpus(tmp_path)).set_index("path")
    assert files.loc["scrape.csv", "articles"] == 2 and files.loc["scrape.csv", "reader"] == "table"
    assert files.loc["empty.txt", "skipped"] == 1 and files.loc["empty.txt", "articles"] == 0
