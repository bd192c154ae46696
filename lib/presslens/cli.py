"""The ``presslens`` command: ``setup``, ``report`` and ``export``, thin over the Python API.

Each command imports what it needs when it runs: ``report`` starts its notebook kernels before the
analysis libraries load, and ``--help`` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from presslens import __version__
from presslens.errors import USER_ERRORS
from presslens.report.notebooks import DEFAULT_NOTEBOOKS
from presslens.report.defaults import MAX_ARTICLE_PAGES

EXIT_FAILED = 1
EXIT_USAGE = 2
#: The tables ``presslens export`` writes (:data:`presslens.export.TABLES`).
TABLE_NAMES = ("articles", "terms", "mentions", "quotes", "actors", "cooccurrence", "themes", "duplicates", "trends")
LANGUAGE_HELP = ("the language of every article, an ISO 639-1 code such as zh, ru or en, instead of the one "
                 "detected in each article")
COLUMNS_HELP = ("which columns of table files hold what, e.g. text=body,date=date_cleaned "
                "(fields: text title date source byline url section id; default: recognised by their usual names)")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``presslens`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except USER_ERRORS as error:
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
    report.add_argument("--columns", default=None, metavar="FIELD=COLUMN,...", help=COLUMNS_HELP)
    report.add_argument("--language", metavar="CODE", help=LANGUAGE_HELP)
    report.add_argument("--out", default="outputs", help="output folder (default: outputs)")
    report.add_argument("--jobs", type=_positive_int, default=None, help="notebooks run at once (default: all cores)")
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML (for teaching)")
    report.add_argument("--with-solutions", action="store_true", help="keep the solutions of the exercises")
    report.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a notebook parameter (YAML value), repeatable: -p top_n=30 -p 'actor_types=[person]'")
    report.add_argument("--articles", type=lambda text: [item.strip() for item in text.split(",") if item.strip()],
                        help="comma-separated doc_ids that get an article page (default: see --max-articles)")
    report.add_argument("--max-articles", type=int, default=MAX_ARTICLE_PAGES, metavar="N",
                        help=f"a page for each article, up to N (the first in natural order; default {MAX_ARTICLE_PAGES:,}; "
                             "0: none)")
    report.add_argument("--standalone", action="store_true",
                        help="embed plotly.js in every page, to mail a single page (default: once, in OUT/assets)")
    report.add_argument("--engine", choices=["pandas", "dask"], default="pandas",
                        help="where the processing pass runs: local processes (pandas) or a Dask cluster (dask)")
    report.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    report.add_argument("--rerun", action="store_true",
                        help="execute every notebook again, even those whose inputs did not change since the last run")
    report.add_argument("--corrections", metavar="FILE",
                        help="YAML file that merges, renames, retypes and drops actors (every actor table, network and page)")
    report.add_argument("--notebooks", default=str(DEFAULT_NOTEBOOKS), help=argparse.SUPPRESS)
    report.set_defaults(handler=_report)

    export = commands.add_parser(
        "export", help="write an analysis table to .csv, .parquet or .jsonl (cooccurrence also .gexf, .graphml)"
    )
    export.add_argument("table", metavar="TABLE", help="which table: " + ", ".join(TABLE_NAMES))
    export.add_argument("--corpus", required=True, help="folder of articles, or one file")
    export.add_argument("--columns", default=None, metavar="FIELD=COLUMN,...", help=COLUMNS_HELP)
    export.add_argument("--language", metavar="CODE", help=LANGUAGE_HELP)
    export.add_argument("--out", required=True, help="output file; its extension sets the format")
    export.add_argument("--jobs", type=_positive_int, default=None, help="worker processes (default: all cores)")
    export.add_argument("--engine", choices=["pandas", "dask"], default="pandas",
                        help="where extraction runs: local processes (pandas) or a Dask cluster (dask)")
    export.add_argument("--scheduler", help="Dask scheduler address (default: start a local cluster)")
    export.add_argument("--window", choices=["sentence", "paragraph", "article"], help="co-occurrence window (cooccurrence; default: sentence)")
    export.add_argument("--period", "--by", dest="period", choices=["week", "month", "quarter", "year"],
                        help="period of the trends table (default: month; --by is its former name)")
    export.add_argument("--gazetteer", help="YAML file of extra actors (mentions, actors, cooccurrence)")
    export.add_argument("--corrections", metavar="FILE",
                        help="YAML file that merges, renames, retypes and drops actors (mentions, actors, cooccurrence)")
    export.add_argument("--date-from", default="", metavar="DATE", help="keep articles from this date on (2024, 2024-05, 2024-05-16)")
    export.add_argument("--date-to", default="", metavar="DATE", help="keep articles up to this date, included")
    export.add_argument("--sources", default="", metavar="A,B", help="keep only these outlets (comma-separated, as the source column writes them)")
    export.add_argument("--languages", default="", metavar="A,B",
                        help="keep only articles in these languages (ISO 639-1 codes, comma-separated: zh,ru)")
    export.add_argument("--where", default="", metavar="CONDITION",
                        help="keep articles meeting a condition on the articles table, e.g. 'n_words > 300'")
    export.add_argument("--dedupe", choices=["keep_all", "keep_first"], default="keep_all",
                        help="count each cluster of copies of one story once (keep_first) or every copy (keep_all, default)")
    export.set_defaults(handler=_export)
    return parser


def _setup(args: argparse.Namespace) -> int:
    from presslens.resources import ensure_nltk_data

    downloaded = ensure_nltk_data(download_dir=args.download_dir)
    print(f"NLTK data ready{' (downloaded: ' + ', '.join(downloaded) + ')' if downloaded else ''}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from presslens.report.runner import run_report

    parameters = dict(_parse_param(item) for item in args.param)
    for name in ("corrections", "language"):
        value = getattr(args, name)
        if value:
            if name in parameters:
                raise ValueError(f"give the {name} once: --{name} or -p {name}=…")
            parameters[name] = value
    result = run_report(
        args.corpus, args.out, jobs=args.jobs, show_code=args.show_code, with_solutions=args.with_solutions,
        standalone=args.standalone, parameters=parameters, columns=args.columns, notebooks_dir=args.notebooks,
        articles=args.articles, max_articles=args.max_articles, engine=args.engine, scheduler=args.scheduler,
        reuse=not args.rerun,
    )
    for run in result.notebooks:
        seconds = "reused " if run.reused else f"{run.seconds:6.1f}s"
        print(f"{run.status:>6}  {seconds}  {run.name}" + (f"  — {run.error}" if run.error else ""))
    written = [page for page in result.articles if not page.reused]
    failed = [page for page in result.articles if page.status != "ok"]
    if result.articles:
        seconds = sum(page.seconds for page in written)
        print(f"{len(result.articles):,} article pages ({len(written):,} written in {seconds:.1f}s, "
              f"{len(result.articles) - len(written):,} unchanged, {len(failed):,} failed)")
    for page in failed:
        print(f"failed  {page.doc_id}  — {page.error}")
    print(f"index: {Path(result.out) / 'index.html'}  ({result.seconds:.1f}s)")
    return 0 if result.ok else EXIT_FAILED


def _export(args: argparse.Namespace) -> int:
    from presslens.corpus.files import inside_corpus
    from presslens.execution import Execution
    from presslens.export import export_table
    from presslens.pipeline import check_files
    from presslens.resources import require_nltk_data
    from presslens.selection import load_subcorpus

    if args.table not in TABLE_NAMES:
        raise ValueError(f"unknown table {args.table!r}: choose one of {', '.join(TABLE_NAMES)}")
    require_nltk_data()
    out = Path(args.out).expanduser().resolve()
    corpus_root = Path(args.corpus).expanduser().resolve()
    if inside_corpus(out, corpus_root):
        raise ValueError(f"--out {args.out} is the corpus or inside the corpus folder: presslens never writes into a corpus")
    check_files(gazetteer=args.gazetteer, corrections=args.corrections)  # a faulty file stops here, before any work
    execution = Execution(jobs=args.jobs, engine=args.engine, scheduler=args.scheduler)
    corpus = load_subcorpus(args.corpus, columns=args.columns, language=args.language, date_from=args.date_from,
                            date_to=args.date_to, sources=_listed(args.sources), languages=_listed(args.languages),
                            where=args.where, dedupe=args.dedupe, execution=execution)
    rows = export_table(args.table, corpus, out, window=args.window, period=args.period, gazetteer=args.gazetteer,
                        corrections=args.corrections, execution=execution)
    print(f"{rows:,} rows -> {args.out}")
    if corpus.skipped:
        print(f"{len(corpus.skipped)} file(s) skipped:", file=sys.stderr)
        for item in corpus.skipped:
            print(f"  {item.path}: {item.reason}", file=sys.stderr)
    return 0


def _listed(option: str) -> list[str]:
    """The items of a comma-separated option."""
    return [item.strip() for item in option.split(",") if item.strip()]


def _parse_param(item: str) -> tuple[str, object]:
    """``NAME=VALUE`` with VALUE read as YAML, as papermill reads ``-p`` (a date stays text: ``2024-05-16``)."""
    from papermill.cli import NoDatesSafeLoader

    name, separator, value = item.partition("=")
    if not separator or not name.strip():
        raise ValueError(f"parameter {item!r} must look like NAME=VALUE")
    return name.strip(), yaml.load(value, Loader=NoDatesSafeLoader)


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


if __name__ == "__main__":
    sys.exit(main())
