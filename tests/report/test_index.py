"""The index of a report stays light whatever the corpus holds: long lists are cut, run.json keeps them all."""

from __future__ import annotations

import json

from presslens.report.index import MAX_LISTED, CorpusFacts, write_index
from presslens.report.runner import ReportRun


def test_a_notice_for_every_copy_of_a_story_does_not_flood_the_index(tmp_path):
    notices = [{"path": f"copy{number}/001.txt", "message": "same text as copy0/001.txt: both are analysed"}
               for number in range(1, MAX_LISTED + 51)]
    facts = CorpusFacts(summary={"n_articles": len(notices) + 1, "n_words": 100, "date_range": "", "n_sources": 0,
                                 "n_skipped": 0}, skipped=[], notices=notices, dated={})
    write_index(ReportRun(corpus="wire", out=str(tmp_path), notebooks=[], articles=[], seconds=1.0), facts)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert page.count("same text as copy0/001.txt") == MAX_LISTED
    assert f"The first {MAX_LISTED} of {len(notices):,}" in page
    assert len(json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))["notices"]) == len(notices)
