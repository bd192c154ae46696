"""Run the notebooks with papermill and render them as HTML reports that open offline.

:func:`run_report` executes every notebook of ``notebooks/`` on a corpus (in parallel), converts each
to HTML with nbconvert (code hidden unless asked for), and writes ``index.html`` and ``run.json``. A
failing notebook does not stop the others: its card in the index shows the error.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import json
import multiprocessing
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib import resources as importlib_resources
from pathlib import Path
from typing import NamedTuple

import jinja2

from presslens import __version__
from presslens.atomic import atomic_path, write_text_atomic
from presslens.actors import mentions_table
from presslens.corpus import Columns, load_corpus
from presslens.engine import Engine, article_key, data_fingerprint
from presslens.lock import FolderLocked, folder_lock
from presslens.text import tokens_table

#: Where the notebooks live in a source checkout (``make reports`` runs from there).
DEFAULT_NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
#: Cells with these tags never reach a report; ``solution`` cells do with ``with_solutions``.
REMOVED_CELL_TAGS = {"remove-cell", "widgets"}
SOLUTION_TAG = "solution"
#: Sub-folder of the output folder where the processing pass keeps its tables.
CACHE_FOLDER = "cache"
#: The sub-folders a run writes (besides ``index.html``, ``run.json`` and the lock file).
OUTPUT_FOLDERS = ("html", "notebooks", "articles", "exports", CACHE_FOLDER)
#: Without a list of articles, a corpus of at most this many articles gets a page per article.
MAX_ARTICLE_PAGES = 50
TEMPLATES = Path(str(importlib_resources.files("presslens").joinpath("templates")))


class ReportError(ValueError):
    """A report cannot start: the corpus, output folder or parameters are wrong."""


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
    doc_id: str = ""
    parameters: dict = field(default_factory=dict)
    fingerprint: str = ""  # what the page was made from; an identical next run reuses the page
    reused: bool = False


@dataclass
class ReportRun:
    """What ``presslens report`` did: one :class:`NotebookRun` per notebook (and per article page)."""

    corpus: str
    out: str
    notebooks: list[NotebookRun]
    articles: list[NotebookRun]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(run.status == "ok" for run in self.notebooks + self.articles)


@dataclass(frozen=True)
class _Job:
    source: str
    executed: str
    html: str
    index_href: str
    parameters: dict
    show_code: bool
    with_solutions: bool
    cwd: str


def list_notebooks(notebooks_dir: str | Path = DEFAULT_NOTEBOOKS) -> list[Path]:
    """The report notebooks, in reading order (``NN_name.ipynb``)."""
    return sorted(Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(path: str | Path) -> dict[str, dict]:
    """The parameters a notebook declares (papermill's inspection: name, type, default, help)."""
    import papermill  # papermill, nbformat and nbconvert load in seconds: only a report run pays for them

    return papermill.inspect_notebook(str(path))


def run_report(
    corpus: str | Path,
    out: str | Path,
    *,
    jobs: int | None = None,
    show_code: bool = False,
    with_solutions: bool = False,
    parameters: dict | None = None,
    columns: Columns | str | None = None,
    notebooks_dir: str | Path = DEFAULT_NOTEBOOKS,
    articles: list[str] | None = None,
    max_articles: int = MAX_ARTICLE_PAGES,
    engine: Engine = "pandas",
    scheduler: str | None = None,
    reuse: bool = True,
) -> ReportRun:
    """Execute every notebook on ``corpus`` and write HTML reports, ``index.html`` and ``run.json`` to ``out``.

    Parameters
    ----------
    corpus
        Folder of articles, or one file (a table, an export, a page).
    out
        Output folder; created if needed. Must not be inside the corpus folder.
    jobs
        Notebooks executed at once (default: the number of cores).
    show_code
        Keep code cells in the HTML (for teaching); hidden by default.
    with_solutions
        Keep the exercise solutions (cells tagged ``solution``).
    parameters
        Extra notebook parameters by name; each goes to the notebooks that declare it.
    columns
        Which table columns hold what (``"text=body,date=date_cleaned"``); unnamed fields are
        recognised by their usual names.
    notebooks_dir
        Folder of ``NN_name.ipynb`` notebooks. A notebook with a ``doc_id`` parameter is run once per
        article into ``articles/<doc_id>.html``.
    articles
        The articles that get a page (doc_ids). Default: see ``max_articles``.
    max_articles
        Without ``articles``: every article gets a page when the corpus has at most this many,
        otherwise the first ``max_articles`` in ``doc_id`` order. 0 makes no article pages.
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
    try:
        columns = Columns.parse(columns)
    except ValueError as error:
        raise ReportError(str(error)) from None
    notebooks = list_notebooks(notebooks_dir)
    if not notebooks:
        raise ReportError(f"no notebooks (NN_name.ipynb) in {notebooks_dir}")
    declared = {path: notebook_parameters(path) for path in notebooks}
    parameters = dict(parameters or {})
    _check_parameters(parameters, declared)
    if max_articles < 0:
        raise ReportError(f"--max-articles must be 0 or more, not {max_articles}")
    with _output_lock(out_path, out):
        cache_dir = out_path / CACHE_FOLDER
        try:
            loaded = prepare_corpus(corpus_path, cache_dir, columns=columns, jobs=jobs, engine=engine, scheduler=scheduler)
        except ValueError as error:
            raise ReportError(str(error)) from None
        chosen = select_articles(loaded, articles=articles, max_articles=max_articles)
        common = {"corpus": str(corpus_path), "columns": str(columns), "export_dir": str(out_path / "exports"), "cache_dir": str(cache_dir), **parameters}
        options = dict(show_code=show_code, with_solutions=with_solutions)

        plan: list[tuple[NotebookRun, _Job]] = []
        for path in notebooks:
            title, description = describe_notebook(path)
            given = {name: value for name, value in common.items() if name in declared[path]}
            if "doc_id" not in declared[path]:
                run = NotebookRun(name=path.stem, title=title, description=description, html=f"html/{path.stem}.html",
                                  notebook=f"notebooks/{path.stem}.ipynb", parameters=given)
                plan.append((run, _job(path, out_path, run, "../index.html", options)))
                continue
            for article in chosen:
                depth = article.doc_id.count("/") + 1
                run = NotebookRun(name=path.stem, title=article.title, description="", doc_id=article.doc_id,
                                  html=f"articles/{article.doc_id}.html", notebook=f"notebooks/articles/{article.doc_id}.ipynb",
                                  parameters={**given, "doc_id": article.doc_id})
                plan.append((run, _job(path, out_path, run, "../" * depth + "index.html", options)))

        fingerprint = corpus_fingerprint(loaded)
        previous = _previous_runs(out_path) if reuse else {}
        todo = []
        for run, job in plan:
            run.fingerprint = _job_fingerprint(job, fingerprint)
            earlier = previous.get(run.html)
            if earlier and earlier.get("fingerprint") == run.fingerprint and earlier.get("status") == "ok" and _outputs_exist(out_path, run):
                run.status, run.reused, run.seconds = "ok", True, float(earlier.get("seconds", 0.0))
            else:
                todo.append((run, job))
        results = _execute_all([job for _, job in todo], jobs)
        for (run, _), (seconds, error) in zip(todo, results):
            run.seconds, run.error = seconds, error
            run.status = "failed" if error else "ok"
            if not (out_path / run.html).exists():
                run.html = ""

        report = ReportRun(
            corpus=str(corpus_path), out=str(out_path),
            notebooks=[run for run, _ in plan if not run.doc_id], articles=[run for run, _ in plan if run.doc_id],
            seconds=time.perf_counter() - started,
        )
        _write_index(report, loaded)
        return report


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


def prepare_corpus(
    corpus_path: Path, cache_dir: Path, *, columns: Columns | None = None, jobs: int | None = None,
    engine: Engine = "pandas", scheduler: str | None = None,
):
    """The processing pass: parse the corpus and extract tokens and actor mentions once, into the cache.

    Every notebook of the run then reads these tables from ``cache_dir`` instead of computing them;
    an unchanged corpus costs almost nothing the second time, and a changed article only its own share.
    """
    corpus = load_corpus(corpus_path, columns=columns, cache_dir=cache_dir, jobs=jobs, engine=engine, scheduler=scheduler)
    tokens_table(corpus)
    mentions_table(corpus)
    return corpus


def corpus_fingerprint(corpus) -> str:
    """A hash of every article's content and of what loading skipped: any change to the corpus changes it."""
    digest = hashlib.sha1()
    for article in sorted(corpus, key=lambda a: a.doc_id):
        digest.update(article_key(article).encode())
        digest.update(json.dumps([article.title, article.date, article.source]).encode())
    digest.update(json.dumps([asdict(item) for item in corpus.skipped + corpus.notices], sort_keys=True).encode())
    return digest.hexdigest()[:20]


def _job_fingerprint(job: _Job, corpus_hash: str) -> str:
    digest = hashlib.sha1(Path(job.source).read_bytes())
    payload = [job.parameters, job.show_code, job.with_solutions, corpus_hash, data_fingerprint(), _templates_hash()]
    digest.update(json.dumps(payload, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:20]


@functools.cache
def _templates_hash() -> str:
    digest = hashlib.sha1()
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _previous_runs(out_path: Path) -> dict[str, dict]:
    """The pages recorded in the previous ``run.json`` of ``out``, by their HTML path."""
    try:
        record = json.loads((out_path / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {run["html"]: run for run in record.get("notebooks", []) + record.get("articles", []) if run.get("html")}


def _outputs_exist(out_path: Path, run: NotebookRun) -> bool:
    return (out_path / run.html).is_file() and (out_path / run.notebook).is_file()


def select_articles(corpus, *, articles: list[str] | None = None, max_articles: int = MAX_ARTICLE_PAGES) -> list:
    """The articles that get a page: those named, else all up to ``max_articles``, else the first ones by doc_id."""
    if articles:
        known = {article.doc_id: article for article in corpus}
        unknown = [doc_id for doc_id in articles if doc_id not in known]
        if unknown:
            raise ReportError(f"no such article(s): {', '.join(unknown)} — use doc_ids as in `presslens export articles`")
        return [known[doc_id] for doc_id in articles]
    if max_articles < 0:
        raise ReportError("--max-articles must be 0 or more")
    return sorted(corpus, key=lambda article: article.doc_id)[:max_articles]


def _job(source: Path, out_path: Path, run: NotebookRun, index_href: str, options: dict) -> _Job:
    return _Job(source=str(source), executed=str(out_path / run.notebook), html=str(out_path / run.html),
                index_href=index_href, parameters=run.parameters, cwd=str(source.parent), **options)


def describe_notebook(path: str | Path) -> tuple[str, str]:
    """Title (first heading) and description (first paragraph after it) of a notebook."""
    import nbformat

    notebook = nbformat.read(str(path), as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [line.strip() for line in cell.source.splitlines()]
        headings = [i for i, line in enumerate(lines) if line.startswith("#")]
        if not headings:
            continue
        title = lines[headings[0]].lstrip("#").strip()
        paragraph = []
        for line in lines[headings[0] + 1:]:
            if paragraph and not line:
                break
            if line and not line.startswith("#"):
                paragraph.append(line)
        return title, _plain(" ".join(paragraph))
    return Path(path).stem, ""


def _plain(markdown: str) -> str:
    """Markdown emphasis, code and links reduced to their text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text)


def _check_paths(corpus: str | Path, out: str | Path) -> tuple[Path, Path]:
    """The corpus and output folders, resolved; a ReportError when a run could not read one or write the other,
    or would write into the corpus."""
    corpus_path = Path(corpus).expanduser().resolve()
    if not corpus_path.exists():
        raise ReportError(f"corpus not found: {corpus} — pass --corpus with the folder (or the file) of your articles")
    out_path = Path(out).expanduser().resolve()
    if out_path.exists() and not out_path.is_dir():
        raise ReportError(f"--out must be a folder, not a file: {out}")
    if out_path == corpus_path or (corpus_path.is_dir() and corpus_path in out_path.parents):
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


class ParameterType(NamedTuple):
    """What a declared parameter type accepts, in words, and how to give such a value with ``-p``."""

    accepts: tuple[type, ...]
    described: str
    example: str


#: The parameter types notebooks declare (papermill's ``inferred_type_name``); others are not checked.
PARAMETER_TYPES = {
    "str": ParameterType((str,), "text", """'{name}="some text"'"""),
    "int": ParameterType((int,), "a whole number", "{name}=20"),
    "float": ParameterType((int, float), "a number", "{name}=0.5"),
    "bool": ParameterType((bool,), "true or false", "{name}=true"),
    "list": ParameterType((list, tuple), "a list", "'{name}=[first, second]'"),
    "dict": ParameterType((dict,), "a mapping", "'{name}={{key: value}}'"),
}


def _check_parameters(parameters: dict, declared: dict[Path, dict]) -> None:
    """Refuse parameters no notebook declares, and values of another type than the notebooks declare."""
    known = set().union(*(set(params) for params in declared.values()))
    if "corpus" in parameters:
        raise ReportError("set the corpus with --corpus, not as a parameter")
    if "columns" in parameters:
        raise ReportError("name table columns with --columns, not as a parameter")
    if "doc_id" in parameters:
        raise ReportError("choose article pages with --articles, not as a parameter")
    unknown = sorted(set(parameters) - known)
    if unknown:
        guesses = [f"{name} (did you mean {close[0]}?)" if close else name
                   for name in unknown for close in [difflib.get_close_matches(name, known, n=1)]]
        raise ReportError(
            f"unknown parameter(s): {', '.join(guesses)}. Notebooks accept: {', '.join(sorted(known - {'corpus', 'columns', 'doc_id'}))}"
        )
    for path, params in declared.items():
        for name in sorted(set(parameters) & set(params)):
            expected = params[name]["inferred_type_name"]
            if not _has_type(parameters[name], expected):
                value, kind = parameters[name], PARAMETER_TYPES[expected]
                raise ReportError(
                    f"parameter {name} must be {kind.described} ({path.name} declares '{name}: {expected}'), "
                    f"not {type(value).__name__} {value!r}; for example -p {kind.example.format(name=name)}"
                )


def _has_type(value, type_name: str) -> bool:
    """Whether ``value`` fits a declared type; a type presslens does not know (or none) accepts anything."""
    if type_name not in PARAMETER_TYPES:
        return True
    accepts = PARAMETER_TYPES[type_name].accepts
    if isinstance(value, bool) and bool not in accepts:
        return False  # True is an int to Python, not to a notebook that counts
    return isinstance(value, accepts)


def _execute_all(jobs_list: list[_Job], jobs: int | None) -> list[tuple[float, str]]:
    workers = max(1, min(jobs or os.cpu_count() or 1, len(jobs_list)))
    if workers == 1:
        return [_execute(job) for job in jobs_list]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_execute, jobs_list))


def _execute(job: _Job) -> tuple[float, str]:
    """Execute one notebook and render its HTML; return (seconds, error message or '')."""
    started = time.perf_counter()
    executed = Path(job.executed)
    try:
        with atomic_path(executed) as temporary:
            error = _run_papermill(job, temporary)
            if not temporary.stat().st_size:
                raise _EmptyNotebook(error or "the notebook produced no output")
    except _EmptyNotebook as failure:
        return time.perf_counter() - started, str(failure)  # the previous executed notebook and page stay
    try:
        write_text_atomic(job.html, render_html(executed, show_code=job.show_code, with_solutions=job.with_solutions, index_href=job.index_href))
    except Exception as failure:  # noqa: BLE001
        error = error or f"HTML conversion failed: {type(failure).__name__}: {failure}"
    return time.perf_counter() - started, error


class _EmptyNotebook(Exception):
    """papermill wrote nothing: there is no new notebook to keep."""


def _run_papermill(job: _Job, output: Path) -> str:
    """Execute the notebook into ``output``; return the error message, '' when every cell ran."""
    import papermill

    try:
        papermill.execute_notebook(
            job.source, str(output), parameters=job.parameters, kernel_name="python3", cwd=job.cwd,
            progress_bar=False, log_output=False,
        )
    except papermill.PapermillExecutionError as failure:
        return f"{failure.ename}: {failure.evalue}"
    except Exception as failure:  # noqa: BLE001 - a kernel that dies must not stop the other notebooks
        return f"{type(failure).__name__}: {failure}"
    return ""


def render_html(notebook_path: str | Path, *, show_code: bool = False, with_solutions: bool = False, index_href: str = "../index.html") -> str:
    """Convert an executed notebook to a self-contained HTML page (no code unless ``show_code``)."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    notebook = nbformat.read(str(notebook_path), as_version=4)
    removed = set(REMOVED_CELL_TAGS) | (set() if with_solutions else {SOLUTION_TAG})
    exporter = HTMLExporter(
        template_name="presslens_report",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=removed, remove_input_tags={"remove-input"}, enabled=True), enabled=True
    )
    title, _ = describe_notebook(notebook_path)
    notebook.metadata["title"] = f"{title} — presslens"
    body, _ = exporter.from_notebook_node(notebook, resources={"presslens_index_href": index_href})
    return body


def _write_index(report: ReportRun, corpus) -> None:
    out = Path(report.out)
    dates = sorted(article.date for article in corpus if article.date)
    summary = {
        "n_articles": len(corpus),
        "n_words": sum(article.n_words for article in corpus),
        "date_range": f"{dates[0]} – {dates[-1]}" if len(set(dates)) > 1 else (dates[0] if dates else ""),
        "n_sources": len({article.source for article in corpus if article.source}),
        "n_skipped": len(corpus.skipped),
    }
    skipped = [asdict(item) for item in corpus.skipped]
    notices = [asdict(item) for item in corpus.notices]
    started = datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    page = environment.get_template("index.html.j2").render(
        corpus_name=Path(report.corpus).name,
        started=started,
        summary=summary,
        notebooks=report.notebooks,
        articles=report.articles,
        skipped=skipped,
        notices=notices,
        version=__version__,
        seconds=report.seconds,
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
        "notebooks": [_run_record(run) for run in report.notebooks],
        "articles": [_run_record(run) for run in report.articles],
        "skipped": skipped,
        "notices": notices,
    }
    write_text_atomic(out / "run.json", json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def _run_record(run: NotebookRun) -> dict:
    record = asdict(run)
    record["seconds"] = round(run.seconds, 2)
    return record

