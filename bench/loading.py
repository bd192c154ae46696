"""Loading real corpora: extracted text against gold, exports split into their articles, tables, speed.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/loading.py [--realworld ../shared/corpora/realworld]

Everything goes through ``load_corpus``, as ``presslens report`` loads. Prints, for each folder of
``../shared/corpora/realworld``:

1. web pages and saved text dumps: token precision, recall and F1 against the gold texts, with the
   project's scorer (``../shared/eval/html/score_text.py``), pages per second on one core and on all
   cores, and trafilatura alone on the same pages as the baseline measured in the same command; for the
   text dumps, also each half of every site's pages (:func:`site_halves`: development and held back), with
   the share of headlines read right (the gold's first line) and of pages given a date and a source. A
   page whose gold says it holds no article (:data:`NO_ARTICLE`) is right when it is skipped; the scorer
   cannot tell (it reads the note as the page's words), so the halves count such pages apart;
2. every export: articles found against the count the file states, the share with title, date and
   source, and blocks that still hold export markup;
3. the researcher's table with no options: rows, titles, dates;
4. a second load of each folder from the cache (seconds, against the first).

Writes the figures to ``bench/loading.json``; exits 1 when a target of the loading issue is missed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from presslens.corpus import load_corpus
from presslens.corpus.decode import decode_bytes
from presslens.corpus.model import natural_key
from presslens.execution import Execution, default_jobs

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
#: Token F1 each folder must reach against its gold.
TARGETS = {"html_pages": 0.94, "portals/html": 0.85, "portals/text": 0.85}
#: Articles in the development exports that do not state their own count.
KNOWN_COUNTS = {"Factiva-20220515-1939.txt": 55, "irish-independence_1_2017-11-14.html": 44, "guardian3.docx": 62,
                "chinese-ui.html": 97, "channel1_20050201-20050228_0001-0059_0059.xlsx": 59}
#: Exports that are spreadsheets: their count is known, never read from their text.
BINARY_EXPORTS = {".xlsx"}
STATED_COUNT = re.compile(r"\b\d+\s+of\s+(\d+)\s+DOCUMENTS\b", re.IGNORECASE)
WORD_COVER_COUNT = re.compile(r"^Documents \((\d+)\)$")
#: What the gold of a page without an article (a section's front page) says.
NO_ARTICLE = "<!-- this page contains no article -->"
EXPORT_MARKUP = re.compile(
    r"^(?:SE|HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB|AN|Body|End of Document|Classification)$"
    r"|^(?:BYLINE|SECTION|LENGTH|HEADLINE|DATELINE|BODY|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|SUBJECT|GRAPHIC):"
    r"|^(?:Byline|Section|Length|Load-Date|Language|Subject|Highlight|Dateline)[:\xa0]"
    r"|^Document \w+$|^\d+ of \d+ DOCUMENTS$",
    re.IGNORECASE | re.MULTILINE,
)


def score(corpus, gold: Path, scorer: Path, ids: list[str] | None = None) -> dict:
    """Token P, R, F1 of the loaded articles (title once, then the body) against one gold file per page
    (of the pages ``ids``, or of every gold page)."""
    with tempfile.TemporaryDirectory() as folder:
        for article in corpus:
            body = "\n\n".join(article.body_paragraphs)  # the text holds the headline too: it is counted once
            Path(folder, Path(article.doc_id).name + ".txt").write_text(f"{article.title}\n\n{body}", "utf-8")
        chosen = ["--ids", str(Path(folder, "ids.list"))] if ids else []
        if ids:
            Path(folder, "ids.list").write_text("\n".join(ids) + "\n", "utf-8")
        output = subprocess.run([sys.executable, str(scorer), folder, "--gold", str(gold), *chosen],
                                capture_output=True, text=True, check=True).stdout
    precision, recall, f1 = (float(value) for value in re.findall(r"[PRF]1?=([\d.]+)", output.splitlines()[-1])[:3])
    return {"precision": precision, "recall": recall, "f1": f1}


def metadata_shares(corpus, gold: Path, ids: list[str]) -> dict:
    """Of the pages ``ids``: the share whose headline is the gold's first line (same words), and the shares
    given a date and a source (the gold states neither: a missing one is an error, a wrong one goes unseen)."""
    articles = {Path(article.doc_id).name: article for article in corpus}
    found = [articles.get(page) for page in ids]
    headlines = [bool(article) and _words(article.title) == _words((gold / f"{page}.txt").read_text("utf-8").split("\n")[0])
                 for page, article in zip(ids, found)]
    return {"headline": sum(headlines) / len(ids), "date": sum(bool(a and a.date) for a in found) / len(ids),
            "source": sum(bool(a and a.source) for a in found) / len(ids)}


def halves_scores(corpus, gold: Path, scorer: Path, ids: list[str]) -> dict:
    """Body scores and metadata shares of the pages ``ids`` that hold an article; of those whose gold says
    they hold none, how many were skipped (as they should be)."""
    empty = [page for page in ids if (gold / f"{page}.txt").read_text("utf-8").strip() == NO_ARTICLE]
    articles = [page for page in ids if page not in empty]
    loaded = {Path(article.doc_id).name for article in corpus}
    return {**score(corpus, gold, scorer, articles), **metadata_shares(corpus, gold, articles),
            "no_article_pages": len(empty), "no_article_skipped": sum(page not in loaded for page in empty)}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def site_halves(folder: Path) -> dict[str, list[str]]:
    """The pages of a folder of several sites' pages (``site_01``, ``site_02``…) in two halves: within each
    site, in order, the first, third… page are the development half, the others are held back (rules are
    written from the first half only)."""
    sites: dict[str, list[str]] = {}
    for page in sorted(folder.iterdir(), key=lambda path: natural_key(path.stem)):
        sites.setdefault(re.sub(r"_?\d+$", "", page.stem), []).append(page.stem)
    return {"development": [page for pages in sites.values() for page in pages[0::2]],
            "held_back": [page for pages in sites.values() for page in pages[1::2]]}


def timed_load(path: Path, **options) -> tuple:
    started = time.perf_counter()
    corpus = load_corpus(path, **options)
    return corpus, time.perf_counter() - started


def trafilatura_alone(folder: Path) -> float:
    """Pages per second of trafilatura's extraction with metadata, one process: the baseline."""
    import trafilatura

    pages = sorted(folder.glob("*.htm*"))
    started = time.perf_counter()
    for page in pages:
        trafilatura.bare_extraction(page.read_bytes(), with_metadata=True, include_comments=False)
    return len(pages) / (time.perf_counter() - started)


def pages_and_dumps(realworld: Path, jobs: int) -> dict:
    scorer = SHARED / "eval" / "html" / "score_text.py"
    folders = {"html_pages": SHARED / "eval" / "html" / "gold", "portals/html": SHARED / "eval" / "portals_gold",
               "portals/text": SHARED / "eval" / "portals_gold"}
    results = {}
    for name, gold in folders.items():
        folder = realworld / name
        with tempfile.TemporaryDirectory() as cache:
            corpus, one_core = timed_load(folder)
            _, all_cores = timed_load(folder, execution=Execution(jobs=jobs, cache_dir=cache))
            _, cached = timed_load(folder, execution=Execution(jobs=jobs, cache_dir=cache))
        pages = len(list(folder.iterdir()))
        result = {"pages": pages, "articles": len(corpus), "skipped": len(corpus.skipped),
                  **score(corpus, gold, scorer), "pages_per_s_one_core": pages / one_core,
                  "pages_per_s_all_cores": pages / all_cores, "second_load_s": cached, "first_load_s": all_cores}
        if name != "portals/text":
            result["trafilatura_alone_pages_per_s"] = trafilatura_alone(folder)
        else:
            result["halves"] = {half: halves_scores(corpus, gold, scorer, ids) for half, ids in site_halves(folder).items()}
        result["ok"] = result["f1"] >= TARGETS[name]
        results[name] = result
    return results


def stated_count(file: Path) -> int | None:
    """The number of articles an export says it holds (its cover, or ``N of M DOCUMENTS``), if it says."""
    if file.suffix.lower() == ".docx":
        import docx

        cover = (WORD_COVER_COUNT.match(p.text.strip()) for p in docx.Document(io.BytesIO(file.read_bytes())).paragraphs[:20])
        return next((int(match.group(1)) for match in cover if match), None)
    if file.suffix.lower() in BINARY_EXPORTS:
        return KNOWN_COUNTS.get(file.name)
    counted = STATED_COUNT.search(decode_bytes(file.read_bytes())[0][:20000])
    return int(counted.group(1)) if counted else KNOWN_COUNTS.get(file.name)


def exports(realworld: Path) -> dict:
    results = {}
    for file in sorted((realworld / "exports").rglob("*.*")):
        corpus, seconds = timed_load(file)
        articles = list(corpus)
        expected = stated_count(file) or KNOWN_COUNTS.get(file.name)
        markup = [a.doc_id for a in articles if EXPORT_MARKUP.search(a.text)]
        results[file.relative_to(realworld).as_posix()] = {
            "articles": len(articles), "expected": expected, "skipped": len(corpus.skipped),
            "reader": sorted({a.reader for a in articles}),
            "title": _share(articles, "title"), "date": _share(articles, "date"), "source": _share(articles, "source"),
            "with_markup": len(markup), "seconds": seconds, "ok": len(articles) == expected and not markup,
        }
    return results


def table(realworld: Path) -> dict:
    path = realworld / "tables" / "chinadaily_pakistan.csv"
    rows = len(pd.read_csv(path, dtype=str, keep_default_na=False))
    corpus, seconds = timed_load(path)
    articles = list(corpus)
    return {"rows": rows, "articles": len(articles), "title": _share(articles, "title"), "date": _share(articles, "date"),
            "seconds": seconds, "ok": len(articles) == rows and all(a.title and a.date for a in articles)}


def _share(articles: list, field: str) -> float:
    return sum(bool(getattr(article, field)) for article in articles) / len(articles) if articles else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realworld", type=Path, default=SHARED / "corpora" / "realworld")
    parser.add_argument("--out", type=Path, default=HERE / "loading.json")
    args = parser.parse_args()
    jobs = default_jobs()
    results = {
        "machine": {"cores": jobs, "python": platform.python_version(), "platform": platform.platform(),
                    "load_average": os.getloadavg()},
        "pages": pages_and_dumps(args.realworld, jobs), "exports": exports(args.realworld), "table": table(args.realworld),
    }
    print(f"machine: {jobs} cores, load average {results['machine']['load_average'][0]:.1f}\n")
    print(f"{'folder':14} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'target':>6} {'pages/s 1 core':>14} "
          f"{'all cores':>9} {'trafilatura alone':>17} {'cached load':>11}")
    for name, r in results["pages"].items():
        alone = f"{r['trafilatura_alone_pages_per_s']:.1f}" if "trafilatura_alone_pages_per_s" in r else "-"
        print(f"{name:14} {r['pages']:5} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {TARGETS[name]:6.2f} "
              f"{r['pages_per_s_one_core']:14.1f} {r['pages_per_s_all_cores']:9.1f} {alone:>17} "
              f"{r['second_load_s'] / r['first_load_s']:10.2f}x{'' if r['ok'] else '  MISSED'}")
        for half, h in r.get("halves", {}).items():
            print(f"  {half:12} {'':5} {h['precision']:6.3f} {h['recall']:6.3f} {h['f1']:6.3f}   headline "
                  f"{h['headline']:.0%}, date {h['date']:.0%}, source {h['source']:.0%}; pages without an article: "
                  f"{h['no_article_skipped']} of {h['no_article_pages']} skipped")
    print(f"\n{'export':45} {'found':>5} {'expect':>6} {'title':>6} {'date':>6} {'source':>6} {'markup':>6} {'seconds':>7}")
    for name, r in results["exports"].items():
        print(f"{name:45} {r['articles']:5} {r['expected'] or '?':>6} {r['title']:6.0%} {r['date']:6.0%} "
              f"{r['source']:6.0%} {r['with_markup']:6} {r['seconds']:7.2f}{'' if r['ok'] else '  MISMATCH'}")
    t = results["table"]
    print(f"\ntable chinadaily_pakistan.csv, no options: {t['articles']} of {t['rows']} rows, "
          f"title {t['title']:.0%}, date {t['date']:.0%}, {t['seconds']:.1f}s{'' if t['ok'] else '  MISSED'}")
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    missed = [r for group in (results["pages"], results["exports"]) for r in group.values() if not r["ok"]]
    return 1 if missed or not t["ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
