"""The report's front page (``index.html``) and its machine-readable record (``run.json``)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import jinja2

from presslens import __version__
from presslens.atomic import write_text_atomic
from presslens.corpus.model import natural_key
from presslens.report.render import TEMPLATES


#: Skipped files and notices listed on the page (``run.json`` keeps them all): a wire corpus can hold
#: a notice for every copy of a story.
MAX_LISTED = 200


def corpus_summary(corpus) -> dict:
    """Articles, words, dates and sources stated, files skipped."""
    dates = sorted(article.date for article in corpus if article.date)
    return {
        "n_articles": len(corpus),
        "n_words": sum(article.n_words for article in corpus),
        "date_range": f"{dates[0]} – {dates[-1]}" if len(set(dates)) > 1 else (dates[0] if dates else ""),
        "n_sources": len({article.source for article in corpus if article.source}),
        "n_skipped": len(corpus.skipped),
    }


@dataclass(frozen=True)
class CorpusFacts:
    """What the index says of a corpus: its summary, what loading skipped or noticed, and the date and
    source of each article with a page. A run keeps these, not the corpus, while its notebooks run."""

    summary: dict
    skipped: list[dict]
    notices: list[dict]
    dated: dict[str, tuple[str, str]]

    @classmethod
    def of(cls, corpus, articles: list) -> CorpusFacts:
        """The facts of ``corpus``, whose ``articles`` get a page."""
        return cls(summary=corpus_summary(corpus), skipped=[asdict(item) for item in corpus.skipped],
                   notices=[asdict(item) for item in corpus.notices],
                   dated={article.doc_id: (article.date, article.source) for article in articles})


def write_index(report, facts: CorpusFacts, *, articles_fingerprint: str = "") -> None:
    """Write ``index.html`` and ``run.json`` for a finished report run (``articles_fingerprint``: what
    the article pages were made from, so that the next run can keep them)."""
    out = Path(report.out)
    summary, skipped, notices = facts.summary, facts.skipped, facts.notices
    pages = sorted(report.articles, key=lambda page: natural_key(page.doc_id))
    rows = [{"page": page, "date": facts.dated[page.doc_id][0], "source": facts.dated[page.doc_id][1]} for page in pages]
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    page = environment.get_template("index.html.j2").render(
        corpus_name=Path(report.corpus).name,
        started=datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M"),
        summary=summary, notebooks=report.notebooks, articles=rows, skipped=skipped, notices=notices,
        max_listed=MAX_LISTED, version=__version__, seconds=report.seconds,
    )
    write_text_atomic(out / "index.html", page)
    record = {
        "presslens_version": __version__,
        "corpus": report.corpus,
        "out": report.out,
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(report.seconds, 2),
        "ok": report.ok,
        "summary": summary,
        "notebooks": [_rounded(asdict(run)) for run in report.notebooks],
        "articles": [_rounded(asdict(page)) for page in pages],
        "articles_fingerprint": articles_fingerprint,
        "skipped": skipped,
        "notices": notices,
    }
    write_text_atomic(out / "run.json", json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def _rounded(record: dict) -> dict:
    return {**record, "seconds": round(record["seconds"], 2)}
