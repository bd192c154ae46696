"""Reports in a real browser: the index and every notebook page load without a JavaScript error."""

from __future__ import annotations

import json


def _errors(console: list[str]) -> list[str]:
    return [line for line in console if "Uncaught" in line or ":ERROR:CONSOLE" in line]


def test_index_opens_without_errors(report_dir, browser):
    dom, console = browser(report_dir / "index.html")
    assert _errors(console) == []
    assert "presslens reports" in dom and "Corpus overview" in dom


def test_every_report_draws_its_figures_without_errors(report_dir, browser):
    record = json.loads((report_dir / "run.json").read_text())
    for run in record["notebooks"]:
        page = report_dir / run["html"]
        dom, console = browser(page)
        assert _errors(console) == [], (run["name"], _errors(console))
        figures = dom.count('class="plotly-graph-div')
        drawn = dom.count('class="main-svg"')
        assert drawn >= figures, f"{run['name']}: {figures} figure(s), {drawn} drawn"
    for run in record["articles"][:1]:
        dom, console = browser(report_dir / run["html"])
        assert _errors(console) == [] and 'class="main-svg"' in dom, run["doc_id"]
    overview, _ = browser(report_dir / "html" / "01_corpus_overview.html")
    assert 'class="main-svg"' in overview, "the overview's length chart is drawn by plotly.js"
