"""The report runner end to end: HTML that opens offline, index, run.json, failures, bad arguments."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import ROOT, SEEDS
from presslens.cli import main
from test_display import _Texts
from presslens.report import ReportError, list_notebooks, run_report, select_articles


def _notebook_names():
    """Every notebook of the learning path (the article profile runs once, on the first article)."""
    return [path.stem for path in list_notebooks(ROOT / "notebooks")]


def test_every_notebook_renders_ok(report_dir):
    record = json.loads((report_dir / "run.json").read_text())
    assert record["ok"] is True
    assert [run["name"] for run in record["notebooks"]] == _notebook_names()
    for run in record["notebooks"]:
        assert run["status"] == "ok" and run["error"] == "" and run["seconds"] > 0
        assert (report_dir / run["html"]).is_file() and (report_dir / run["notebook"]).is_file()
    assert record["summary"]["n_articles"] == 5


PLOTLY_JS = re.compile(r"/\*\*?\s*\n?\s*\*?\s*plotly\.js v\d")


def test_reports_hide_code_and_load_plotly_once_from_the_report_folder(report_dir):
    page = (report_dir / "html" / "01_corpus_overview.html").read_text()
    assert "plotly-graph-div" in page and "Plotly.newPlot" in page
    assert '<script src="../assets/plotly.min.js"></script>' in page and not PLOTLY_JS.search(page)
    assert PLOTLY_JS.search((report_dir / "assets" / "plotly.min.js").read_text(encoding="utf-8"))
    assert "load_corpus(corpus" not in page, "code cells must be hidden"
    assert "class=\"jp-CodeMirrorEditor" not in page
    for notebook in (report_dir / "notebooks").glob("*.ipynb"):
        assert not PLOTLY_JS.search(notebook.read_text(encoding="utf-8")), f"{notebook.name} carries plotly.js"


def test_a_standalone_report_embeds_plotly_in_every_page(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus_overview.ipynb", notebooks)
    out = tmp_path / "out"
    run_report(SEEDS, out, notebooks_dir=notebooks, standalone=True, articles=["004_307deee32fd8fd70"])
    for page in (out / "html" / "01_corpus_overview.html", out / "articles" / "004_307deee32fd8fd70.html"):
        html = page.read_text(encoding="utf-8")
        assert PLOTLY_JS.search(html) and "assets/plotly.min.js" not in html, page.name


def test_reports_fetch_nothing_from_the_network(report_dir):
    for page in [report_dir / "index.html", *(report_dir / "html").glob("*.html")]:
        html = page.read_text()
        external = re.findall(r"""<(?:script|link)[^>]+(?:src|href)=["'](?:https?:)?//[^"']+""", html)
        assert external == [], (page.name, external[:3])


def test_index_lists_every_report_with_status_and_time(report_dir):
    index = (report_dir / "index.html").read_text()
    for name in _notebook_names():
        assert f'href="html/{name}.html"' in index
    assert index.count('class="badge ok"') >= len(_notebook_names())
    assert "Corpus overview" in index and "2021-04-16 – 2024-05-16" in index


def test_show_code_keeps_code(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus_overview.ipynb", notebooks)
    run_report(SEEDS, tmp_path / "out", show_code=True, notebooks_dir=notebooks)
    page = (tmp_path / "out" / "html" / "01_corpus_overview.html").read_text()
    assert "load_corpus" in page and 'class="jp-CodeMirrorEditor' in page


def _write_notebook(path: Path, *cells) -> None:
    notebook = new_notebook(cells=list(cells), metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(notebook, path)


def _parameters_cell(source: str = 'corpus: str = "../seeds"  # folder of articles'):
    cell = new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    return cell


def test_a_failing_notebook_does_not_stop_the_others(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _write_notebook(notebooks / "01_fine.ipynb", new_markdown_cell("# Fine\n\nWorks."), _parameters_cell(), new_code_cell("print('ok')"))
    _write_notebook(notebooks / "02_broken.ipynb", new_markdown_cell("# Broken"), _parameters_cell(), new_code_cell("raise RuntimeError('boom: no such table')"))
    out = tmp_path / "out"
    status = main(["report", "--corpus", str(SEEDS), "--out", str(out), "--notebooks", str(notebooks), "--jobs", "2"])
    assert status == 1
    record = json.loads((out / "run.json").read_text())
    runs = {run["name"]: run for run in record["notebooks"]}
    assert runs["01_fine"]["status"] == "ok"
    assert runs["02_broken"]["status"] == "failed"
    assert "RuntimeError: boom: no such table" in runs["02_broken"]["error"]
    index = (out / "index.html").read_text()
    assert "boom: no such table" in index and 'class="badge failed"' in index
    assert "boom" in (out / "html" / "02_broken.html").read_text(), "the failed notebook's page shows its error"


def test_unknown_parameter_is_refused_before_any_notebook_runs(tmp_path, capsys):
    status = main(["report", "--corpus", str(SEEDS), "--out", str(tmp_path / "out"), "-p", "top_nn=5"])
    assert status == 2
    assert "unknown parameter(s): top_nn" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("make_corpus, message", [
    (lambda tmp: tmp / "missing", "corpus not found"),
    (lambda tmp: _table(tmp, ["headline", "body"]), "no column 'story' for the text (columns: headline, body)"),
])
def test_bad_corpus_is_a_one_line_error(tmp_path, capsys, make_corpus, message):
    status = main(["report", "--corpus", str(make_corpus(tmp_path)), "--out", str(tmp_path / "out"), "--columns", "text=story"])
    err = capsys.readouterr().err
    assert status == 2 and message in err and len(err.strip().splitlines()) == 1


def _table(folder, columns):
    path = folder / "news.csv"
    path.write_text(",".join(columns) + "\n" + ",".join("x" for _ in columns) + "\n")
    return path


def test_output_inside_the_corpus_is_refused(corpus_copy):
    with pytest.raises(ReportError, match="inside the corpus"):
        run_report(corpus_copy, corpus_copy / "reports")


def test_actor_report_shows_network_heatmap_and_evidence(report_dir):
    page = (report_dir / "html" / "03_actor_cooccurrence.html").read_text()
    assert page.count('class="plotly-graph-div') >= 4
    for heading in ("Actor network", "Communities of the actor network", "clustered", "Most mentioned actors"):
        assert heading in page, heading
    assert "Huo Fupeng" in page and "Vladimir Norov" in page


def test_every_sample_article_gets_a_profile_page(report_dir, seed_corpus):
    record = json.loads((report_dir / "run.json").read_text())
    assert sorted(run["doc_id"] for run in record["articles"]) == sorted(seed_corpus.doc_ids)
    index = (report_dir / "index.html").read_text()
    for run in record["articles"]:
        assert run["status"] == "ok", run
        page = (report_dir / run["html"]).read_text()
        assert 'href="../index.html"' in page and "Key sentences" in page
        assert '<script src="../assets/plotly.min.js"></script>' in page and page.count("plotly-graph-div") == 2
        assert f'href="{run["html"]}"' in index
    assert all(run["top_themes"] for run in record["articles"])


def _cells(html: str) -> set[str]:
    """The text of every table cell of a page."""
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html, re.DOTALL)
    return {unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells}


def test_an_article_page_shows_what_the_profile_notebook_shows(report_dir):
    """The page of the article notebook 05 ran on holds the same header, key sentences, actors and themes."""
    record = json.loads((report_dir / "run.json").read_text())
    profiled = next(run for run in record["notebooks"] if run["name"] == "05_article_profile")["parameters"]["doc_id"]
    notebook = _cells((report_dir / "html" / "05_article_profile.html").read_text())
    page = _cells((report_dir / "articles" / f"{profiled}.html").read_text())
    assert len(notebook) > 20 and notebook == page


def test_the_index_lists_articles_in_natural_order_with_a_filter(tmp_path):
    corpus = tmp_path / "corpus" / "pakistan"
    corpus.mkdir(parents=True)
    for number in (10, 2, 1):
        (corpus / f"{number}.txt").write_text(f"Story {number}\n\nTrade between China and Pakistan grew in May, "
                                              f"officials in Islamabad said on day {number}.", encoding="utf-8")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", notebooks)
    run_report(tmp_path / "corpus", tmp_path / "out", notebooks_dir=notebooks)
    index = (tmp_path / "out" / "index.html").read_text()
    order = [index.index(f'href="articles/pakistan/{number}.html"') for number in (1, 2, 10)]
    assert order == sorted(order) and 'id="filter"' in index


def test_article_pages_are_limited_on_large_corpora(seed_corpus):
    assert [a.doc_id for a in select_articles(seed_corpus, max_articles=2)] == sorted(seed_corpus.doc_ids)[:2]
    assert len(select_articles(seed_corpus)) == 5, "by default every article (up to 2,000) gets a page"
    assert select_articles(seed_corpus, max_articles=0) == []
    chosen = select_articles(seed_corpus, articles=["004_307deee32fd8fd70"], max_articles=0)
    assert [a.doc_id for a in chosen] == ["004_307deee32fd8fd70"]
    with pytest.raises(ReportError, match="no such article"):
        select_articles(seed_corpus, articles=["nope"])


def test_a_second_run_reuses_unchanged_pages_and_redoes_changed_ones(tmp_path, corpus_copy):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus_overview.ipynb", notebooks)
    out = tmp_path / "out"
    first = run_report(corpus_copy, out, notebooks_dir=notebooks)
    assert not first.notebooks[0].reused and (out / "cache").is_dir()
    second = run_report(corpus_copy, out, notebooks_dir=notebooks)
    assert second.notebooks[0].reused and second.notebooks[0].status == "ok"
    assert "unchanged, kept" in (out / "index.html").read_text()
    article = corpus_copy / "004_307deee32fd8fd70.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA late paragraph about Harbin.\n", encoding="utf-8")
    assert all(page.reused for page in second.articles)
    third = run_report(corpus_copy, out, notebooks_dir=notebooks)
    assert not third.notebooks[0].reused and not any(page.reused for page in third.articles)
    assert not run_report(corpus_copy, out, notebooks_dir=notebooks, reuse=False).notebooks[0].reused


DOLLARS = "Trade between China and Pakistan grew to $70.2 billion in 2022, and investment reached $970 million."


def test_dollar_amounts_read_as_written_in_the_themes_report(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(3):
        (corpus / f"{number}.txt").write_text(f"Trade report {number}\n\n{DOLLARS} Exports and imports rose "
                                              f"as the two countries signed a trade agreement.", encoding="utf-8")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "04_themes.ipynb", notebooks)
    out = tmp_path / "out"
    assert run_report(corpus, out, notebooks_dir=notebooks, max_articles=0).ok
    page = (out / "html" / "04_themes.html").read_text(encoding="utf-8")
    executed = nbformat.read(str(out / "notebooks" / "04_themes.ipynb"), as_version=4)
    shown = [output.data["text/html"] for cell in executed.cells for output in cell.get("outputs", [])
             if "text/html" in output.get("data", {}) and "$970 million" in output.data["text/html"]]
    assert shown, "the evidence sentence is shown"
    for html in [page, *shown]:
        texts = _Texts(html)
        assert any("$970 million" in text for text in texts.ignored), "inside an element MathJax ignores"
        assert not any("$970 million" in text for text in texts.typeset), "never where MathJax typesets"


def test_article_page_names_are_safe_files_and_links():
    from urllib.parse import urlsplit

    from presslens.report.articles import article_page_path

    assert article_page_path("pakistan/10") == "articles/pakistan/10.html"
    export_page = article_page_path("exports/nyt1#007")
    assert export_page.startswith("articles/exports/nyt1_007-") and urlsplit(export_page).path == export_page
    assert article_page_path("exports/nyt1#007") != article_page_path("exports/nyt1_007")
    assert ".." not in article_page_path("../../etc/passwd")


def test_kernels_find_nltk_data_named_relative_to_where_the_command_runs(tmp_path, monkeypatch):
    import os

    from presslens.report.execute import kernel_environment

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NLTK_DATA", os.pathsep.join(["../shared/nltk_data", "/opt/nltk_data"]))
    folders = kernel_environment()["NLTK_DATA"].split(os.pathsep)
    assert folders == [str((tmp_path / "../shared/nltk_data").resolve()), "/opt/nltk_data"]
