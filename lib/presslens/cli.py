"""The ``presslens`` command: ``setup``, ``report`` and ``export``, thin over the Python API."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from presslens import __version__
from presslens.corpus import Columns, CorpusNotFound, load_corpus
from presslens.export import TABLES, export_table
from presslens.report import DEFAULT_NOTEBOOKS, MAX_ARTICLE_PAGES, ReportError, run_report
from presslens.resources import MissingNLTKData, ensure_nltk_data, require_nltk_data

EXIT_FAILED = 1
EXIT_USAGE = 2
COLUMNS_HELP = ("which columns of table files hold what, e.g. text=body,date=date_cleaned "
                "(fields: text title date source byline url section id; default: recognised by their usual names)")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``presslens`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except (ReportError, CorpusNotFound, MissingNLTKData, ValueError) as error:
        print(f"presslens: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("presslens: interrupted; finished reports are kept", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presslens", description="Read a corpus of news articles: topic frequency, actor co-occurrence, themes.")
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    setup = commands.add_parser("setup", help="find or download the NLTK data presslens needs")
    setup.add_argument("--download-dir", help="where to download missing data (default: <environment>/nltk_data)")
    setup.set_defaults(handler=_setup)

    report = commands.add_parser("report", help="run every notebook on a corpus and write HTML reports")
    report.add_argument("--corpus", default="seeds", help="folder of articles, or one file (default: seeds)")
    report.add_argument("--columns", type=_columns, default=None, metavar="FIELD=COLUMN,...",
                        help=COLUMNS_HELP)
    report.add_argument("--out", default="outputs", help="output folder (default: outputs)")
    report.add_argument("--jobs", type=_positive_int, default=None, help="notebooks run at once (default: all cores)")
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML (for teaching)")
    report.add_argument("--with-solutions", action="store_true", help="keep the solutions of the exercises")
    report.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a notebook parameter (YAML value), repeatable: -p top_n=30 -p 'actor_types=[person]'")
    report.add_argument("--articles", type=lambda text: [item.strip() for item in text.split(",") if item.strip()],
                        help="comma-separated doc_ids that get an article page (default: see --max-articles)")
    report.add_argument("--max-articles", type=int, default=MAX_ARTICLE_PAGES, metavar="N",
                        help=f"article pages for all articles of a corpus of at most N, else the first N by doc_id "
                             f"(default {MAX_ARTICLE_PAGES}; 0: none)")
    report.add_argument("--engine", choices=["pandas", "dask"], default="pandas",
                        help="where the processing pass runs: local processes (pandas) or a Dask cluster (dask)")
    report.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    report.add_argument("--rerun", action="store_true",
                        help="execute every notebook again, even those whose inputs did not change since the last run")
    report.add_argument("--notebooks", default=str(DEFAULT_NOTEBOOKS), help=argparse.SUPPRESS)
    report.set_defaults(handler=_report)

    export = commands.add_parser(
        "export", help="write an analysis table to .csv, .parquet or .jsonl (cooccurrence also .gexf, .graphml)"
    )
    export.add_argument("table", choices=sorted(TABLES), help="which table")
    export.add_argument("--corpus", required=True, help="folder of articles, or one file")
    export.add_argument("--columns", type=_columns, default=None, metavar="FIELD=COLUMN,...", help=COLUMNS_HELP)
    export.add_argument("--out", required=True, help="output file; its extension sets the format")
    export.add_argument("--jobs", type=_positive_int, default=None, help="worker processes (default: all cores)")
    export.add_argument("--engine", choices=["pandas", "dask"], default="pandas",
                        help="where extraction runs: local processes (pandas) or a Dask cluster (dask)")
    export.add_argument("--scheduler", help="Dask scheduler address (default: start a local cluster)")
    export.add_argument("--window", choices=["sentence", "paragraph", "article"], help="co-occurrence window (cooccurrence; default: sentence)")
    export.add_argument("--gazetteer", help="YAML file of extra actors (mentions, actors, cooccurrence)")
    export.set_defaults(handler=_export)
    return parser


def _setup(args: argparse.Namespace) -> int:
    downloaded = ensure_nltk_data(download_dir=args.download_dir)
    print(f"NLTK data ready{' (downloaded: ' + ', '.join(downloaded) + ')' if downloaded else ''}")
    return 0


def _report(args: argparse.Namespace) -> int:
    require_nltk_data()
    parameters = dict(_parse_param(item) for item in args.param)
    result = run_report(
        args.corpus, args.out, jobs=args.jobs, show_code=args.show_code, with_solutions=args.with_solutions,
        parameters=parameters, columns=args.columns, notebooks_dir=args.notebooks, articles=args.articles, max_articles=args.max_articles,
        engine=args.engine, scheduler=args.scheduler, reuse=not args.rerun,
    )
    for run in result.notebooks + result.articles:
        seconds = "reused " if run.reused else f"{run.seconds:6.1f}s"
        line = f"{run.status:>6}  {seconds}  {run.doc_id or run.name}"
        print(line + (f"  — {run.error}" if run.error else ""))
    print(f"index: {Path(result.out) / 'index.html'}  ({result.seconds:.1f}s)")
    return 0 if result.ok else EXIT_FAILED


def _export(args: argparse.Namespace) -> int:
    require_nltk_data()
    out = Path(args.out).expanduser().resolve()
    corpus_root = Path(args.corpus).expanduser().resolve()
    if out == corpus_root or (corpus_root.is_dir() and corpus_root in out.parents):
        raise ValueError(f"--out {args.out} is the corpus or inside the corpus folder: presslens never writes into a corpus")
    corpus = load_corpus(args.corpus, columns=args.columns, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler)
    rows = export_table(args.table, corpus, out, window=args.window, gazetteer=args.gazetteer)
    print(f"{rows:,} rows -> {args.out}")
    if corpus.skipped:
        print(f"{len(corpus.skipped)} file(s) skipped:", file=sys.stderr)
        for item in corpus.skipped:
            print(f"  {item.path}: {item.reason}", file=sys.stderr)
    return 0


def _parse_param(item: str) -> tuple[str, object]:
    name, separator, value = item.partition("=")
    if not separator or not name.strip():
        raise ValueError(f"parameter {item!r} must look like NAME=VALUE")
    return name.strip(), yaml.safe_load(value)


def _columns(value: str) -> Columns:
    try:
        return Columns.parse(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


if __name__ == "__main__":
    sys.exit(main())
