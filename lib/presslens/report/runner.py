"""``run_report``: check the request, load and process the corpus once, run the notebooks, write the
article pages and the index. Pages whose inputs did not change since the last run are kept.

The kernels that run the notebooks start first and import presslens while this process checks the
request and processes the corpus; the analysis modules are therefore imported inside
:func:`run_report`, after the kernels have started.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from presslens.errors import ReportError
from presslens.lock import FolderLocked, folder_lock
from presslens.report.defaults import MAX_ARTICLE_PAGES
from presslens.report.execute import Job, KernelPool, default_workers
from presslens.corpus.files import inside_corpus
from presslens.corpus.model import natural_key
from presslens.report.index import CorpusFacts, write_index
from presslens.report.notebooks import (DEFAULT_NOTEBOOKS, check_parameters, describe_notebook, list_notebooks,
                                        notebook_imports, notebook_parameters, resolve_files)
from presslens.report.render import PageOptions, templates_hash, write_assets

#: Sub-folder of the output folder where the processing pass keeps its tables.
CACHE_FOLDER = "cache"
#: The sub-folders a run writes (besides ``index.html``, ``run.json`` and the lock file).
OUTPUT_FOLDERS = ("html", "notebooks", "articles", "exports", "assets", CACHE_FOLDER)


@dataclass
class NotebookRun:
    """The outcome of one notebook execution."""

    name: str
    title: str
    description: str
    status: str = "ok"
    seconds: float = 0.0
    error: str = ""
    html: str = ""
    notebook: str = ""
    parameters: dict = field(default_factory=dict)
    fingerprint: str = ""  # what the page was made from; an identical next run reuses the page
    reused: bool = False


@dataclass
class ReportRun:
    """What ``presslens report`` did: one :class:`NotebookRun` per notebook, one page per article."""

    corpus: str
    out: str
    notebooks: list[NotebookRun]
    articles: list  # ArticlePage
    seconds: float

    @property
    def ok(self) -> bool:
        return all(run.status == "ok" for run in [*self.notebooks, *self.articles])


def run_report(
    corpus: str | Path,
    out: str | Path,
    *,
    jobs: int | None = None,
    show_code: bool = False,
    with_solutions: bool = False,
    standalone: bool = False,
    parameters: dict | None = None,
    columns=None,
    notebooks_dir: str | Path = DEFAULT_NOTEBOOKS,
    articles: list[str] | None = None,
    max_articles: int = MAX_ARTICLE_PAGES,
    engine: str = "pandas",
    scheduler: str | None = None,
    reuse: bool = True,
) -> ReportRun:
    """Execute every notebook on ``corpus`` and write HTML reports, article pages, ``index.html`` and
    ``run.json`` to ``out``.

    Parameters
    ----------
    corpus
        Folder of articles, or one file (a table, an export, a page).
    out
        Output folder; created if needed. Must not be inside the corpus folder.
    jobs
        Notebooks executed at once, and processes for the processing pass (default: all cores).
    show_code, with_solutions
        Keep code cells (for teaching), and the exercise solutions (cells tagged ``solution``).
    standalone
        Embed plotly.js in every page (for mailing one file) instead of loading it from ``out/assets``.
    parameters
        Extra notebook parameters by name; each goes to the notebooks that declare it.
    columns
        Which table columns hold what (``"text=body,date=date_cleaned"``); unnamed fields are
        recognised by their usual names.
    notebooks_dir
        Folder of ``NN_name.ipynb`` notebooks. A notebook with a ``doc_id`` parameter (the article
        profile) runs once, on the first article; every article gets its page from the same profile.
    articles, max_articles
        The articles that get a page (doc_ids); default: all, up to ``max_articles`` (the first in
        natural order). 0 makes no article pages.
    engine, scheduler
        Where the processing pass extracts tokens and actors: local processes (``pandas``) or a
        ``dask.distributed`` cluster (``dask``, at ``scheduler`` or on a local cluster).
    reuse
        Keep a page of the previous run in ``out`` when everything it was made from is unchanged
        (notebook, parameters, corpus content, presslens and its data); ``False`` re-runs everything.

    Raises
    ------
    ReportError
        Before any notebook runs, when the corpus, output folder, a parameter or an article is wrong.
    """
    started = time.perf_counter()
    corpus_path, out_path = _check_paths(corpus, out)
    notebooks = list_notebooks(notebooks_dir)
    if not notebooks:
        raise ReportError(f"no notebooks (NN_name.ipynb) in {notebooks_dir}")
    if max_articles < 0:
        raise ReportError(f"--max-articles must be 0 or more, not {max_articles}")
    options = PageOptions(show_code=show_code, with_solutions=with_solutions, standalone=standalone)
    with KernelPool(default_workers(jobs, len(notebooks)), Path(notebooks_dir), warm_up=notebook_imports(notebooks)) as pool:
        from presslens.corpus import Columns
        from presslens.pipeline import check_files
        from presslens.resources import require_nltk_data

        declared = {path: notebook_parameters(path) for path in notebooks}
        parameters = dict(parameters or {})
        check_parameters(parameters, declared)
        parameters = resolve_files(parameters, declared)
        try:
            columns = Columns.parse(columns)
            require_nltk_data()
            check_files(gazetteer=parameters.get("gazetteer"), corrections=parameters.get("corrections"),
                        lexicon=parameters.get("lexicon"))
        except ValueError as error:
            raise ReportError(str(error)) from None
        with _output_lock(out_path, out):
            return _write_report(corpus_path, out_path, pool, notebooks, declared, parameters, columns, options,
                                 jobs=jobs, articles=articles, max_articles=max_articles, engine=engine,
                                 scheduler=scheduler, reuse=reuse, started=started)


def _write_report(corpus_path: Path, out_path: Path, pool: KernelPool, notebooks: list[Path], declared: dict,
                  parameters: dict, columns, options: PageOptions, *, jobs, articles, max_articles, engine, scheduler,
                  reuse: bool, started: float) -> ReportRun:
    """The run itself, once the request is known to be good: nothing is written before."""
    from presslens.corpus import load_corpus
    from presslens.execution import Execution
    from presslens.memory import release_memory
    from presslens.pipeline import process_corpus

    cache_dir = out_path / CACHE_FOLDER
    try:
        execution = Execution(cache_dir=cache_dir, jobs=jobs, engine=engine, scheduler=scheduler)
        loaded = load_corpus(corpus_path, columns=columns, language=parameters.get("language") or None, execution=execution)
    except ValueError as error:
        raise ReportError(str(error)) from None
    chosen = select_articles(loaded, articles=articles, max_articles=max_articles)
    release_memory()  # what loading freed, before worker processes are forked from this one
    process_corpus(loaded, execution, gazetteer=parameters.get("gazetteer") or None)
    release_memory()  # and what processing freed, before the kernels need it
    write_assets(out_path)
    common = {"corpus_path": str(corpus_path), "columns": str(columns), "export_dir": str(out_path / "exports"),
              "cache_dir": str(cache_dir), **parameters}
    first_article = chosen[0].doc_id if chosen else min(loaded.doc_ids, key=natural_key, default="")
    plan = [_plan_notebook(path, declared[path], common, first_article, out_path, options) for path in notebooks]
    fingerprint = corpus_fingerprint(loaded)
    previous = _previous_record(out_path) if reuse else {}
    finish_notebooks = _start_notebooks(plan, fingerprint, previous, out_path, pool)
    pages = _article_pages(loaded, chosen, out_path, options, parameters, fingerprint, previous, execution)
    facts = CorpusFacts.of(loaded, chosen)
    articles_fingerprint = _articles_fingerprint(chosen, options, parameters, fingerprint)
    del loaded, chosen
    release_memory()  # the corpus: the kernels still running need the memory more
    runs = finish_notebooks()
    report = ReportRun(corpus=str(corpus_path), out=str(out_path), notebooks=runs, articles=pages,
                       seconds=time.perf_counter() - started)
    write_index(report, facts, articles_fingerprint=articles_fingerprint)
    return report


def _plan_notebook(path: Path, declared: dict, common: dict, first_article: str, out: Path,
                   options: PageOptions) -> tuple[NotebookRun, Job]:
    title, description = describe_notebook(path)
    given = {name: value for name, value in common.items() if name in declared}
    if "doc_id" in declared and first_article:
        given["doc_id"] = first_article
    run = NotebookRun(name=path.stem, title=title, description=description, html=f"html/{path.stem}.html",
                      notebook=f"notebooks/{path.stem}.ipynb", parameters=given)
    job = Job(source=str(path), executed=str(out / run.notebook), html=str(out / run.html), out=str(out),
              parameters=given, options=options)
    return run, job


def _start_notebooks(plan, fingerprint: str, previous: dict, out: Path, pool: KernelPool):
    """Start the notebooks whose inputs changed (the pages of the others are kept); return a function
    that waits for them and gives every notebook's run."""
    earlier_runs = {run["html"]: run for run in previous.get("notebooks", []) if run.get("html")}
    todo = []
    for run, job in plan:
        run.fingerprint = _job_fingerprint(job, fingerprint)
        earlier = earlier_runs.get(run.html)
        if earlier and earlier.get("fingerprint") == run.fingerprint and earlier.get("status") == "ok" \
                and (out / run.html).is_file() and (out / run.notebook).is_file():
            run.reused, run.seconds = True, float(earlier.get("seconds", 0.0))
        else:
            todo.append((run, job))
    wait = pool.submit([job for _, job in todo])

    def finish() -> list[NotebookRun]:
        for (run, _), (seconds, error) in zip(todo, wait()):
            run.seconds, run.error, run.status = seconds, error, "failed" if error else "ok"
            if not (out / run.html).exists():
                run.html = ""
        return [run for run, _ in plan]

    return finish


def _article_pages(corpus, chosen: list, out: Path, options: PageOptions, parameters: dict, fingerprint: str,
                   previous: dict, execution) -> list:
    """The article pages: kept when nothing they are made from changed, else all written again."""
    from presslens.report.articles import ArticlePage, article_page_path, write_article_pages

    doc_ids = [article.doc_id for article in chosen]
    if not doc_ids:
        return []
    earlier = {page["doc_id"]: page for page in previous.get("articles", [])}
    unchanged = previous.get("articles_fingerprint") == _articles_fingerprint(chosen, options, parameters, fingerprint)
    if unchanged and all(doc_id in earlier and earlier[doc_id].get("status") == "ok"
                         and (out / article_page_path(doc_id)).is_file() for doc_id in doc_ids):
        return [ArticlePage(**{**earlier[doc_id], "reused": True}) for doc_id in doc_ids]
    return write_article_pages(corpus, out, doc_ids, options, gazetteer=parameters.get("gazetteer") or None,
                               lexicon=parameters.get("lexicon") or None,
                               corrections=parameters.get("corrections") or None, execution=execution)


def _articles_fingerprint(chosen: list, options: PageOptions, parameters: dict, corpus_hash: str) -> str:
    from presslens.execution import file_digest, package_fingerprint

    files = {name: file_digest(value) for name, value in parameters.items() if isinstance(value, str)}
    payload = [[article.doc_id for article in chosen], asdict(options), parameters, files, corpus_hash,
               package_fingerprint(), templates_hash()]
    return hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:20]


@contextlib.contextmanager
def _output_lock(out_path: Path, out: str | Path):
    """Hold the output folder's lock; a ReportError when another run holds it."""
    try:
        with folder_lock(out_path):
            yield
    except FolderLocked as locked:
        raise ReportError(
            f"another presslens report is writing to {out} (pid {locked.holder or 'unknown'}); "
            "wait for it to finish or choose another --out"
        ) from None


def corpus_fingerprint(corpus) -> str:
    """A hash of every article's content and of what loading skipped: any change to the corpus changes it."""
    from presslens.execution import article_key

    digest = hashlib.sha1()
    for article in sorted(corpus, key=lambda a: a.doc_id):
        digest.update(article_key(article).encode())
        digest.update(json.dumps([article.title, article.date, article.source]).encode())
    digest.update(json.dumps([asdict(item) for item in corpus.skipped + corpus.notices], sort_keys=True).encode())
    return digest.hexdigest()[:20]


def _job_fingerprint(job: Job, corpus_hash: str) -> str:
    from presslens.execution import file_digest, package_fingerprint

    digest = hashlib.sha1(Path(job.source).read_bytes())
    files = {name: file_digest(value) for name, value in job.parameters.items() if isinstance(value, str)}
    payload = [job.parameters, files, asdict(job.options), corpus_hash, package_fingerprint(), templates_hash()]
    digest.update(json.dumps(payload, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:20]


def _previous_record(out_path: Path) -> dict:
    """The previous ``run.json`` of ``out`` (empty when there is none or it cannot be read)."""
    try:
        return json.loads((out_path / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def select_articles(corpus, *, articles: list[str] | None = None, max_articles: int = MAX_ARTICLE_PAGES) -> list:
    """The articles that get a page: those named, else the first ``max_articles`` in natural doc_id order."""
    if articles:
        known = {article.doc_id: article for article in corpus}
        unknown = [doc_id for doc_id in articles if doc_id not in known]
        if unknown:
            raise ReportError(f"no such article(s): {', '.join(unknown)} — use doc_ids as in `presslens export articles`")
        return [known[doc_id] for doc_id in articles]
    if max_articles < 0:
        raise ReportError("--max-articles must be 0 or more")
    return sorted(corpus, key=lambda article: natural_key(article.doc_id))[:max_articles]


def _check_paths(corpus: str | Path, out: str | Path) -> tuple[Path, Path]:
    """The corpus and output folders, resolved; a ReportError when a run could not read one or write the other,
    or would write into the corpus."""
    corpus_path = Path(corpus).expanduser().resolve()
    if not corpus_path.exists():
        raise ReportError(f"corpus not found: {corpus} — pass --corpus with the folder (or the file) of your articles")
    out_path = Path(out).expanduser().resolve()
    if out_path.exists() and not out_path.is_dir():
        raise ReportError(f"--out must be a folder, not a file: {out}")
    if inside_corpus(out_path, corpus_path):
        raise ReportError(f"--out {out} is inside the corpus folder: presslens never writes into a corpus; choose another folder")
    written = [out_path / folder for folder in OUTPUT_FOLDERS]
    if any(folder == corpus_path or folder in corpus_path.parents for folder in written):
        raise ReportError(
            f"--corpus {corpus} is inside a folder that a report into {out} writes "
            f"({', '.join(OUTPUT_FOLDERS)}): move the corpus or choose another --out"
        )
    existing = next(folder for folder in (out_path, *out_path.parents) if folder.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ReportError(f"cannot write to --out {out}: {existing} is not writable; choose another folder")
    return corpus_path, out_path
