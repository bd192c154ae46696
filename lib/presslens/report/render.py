"""Executed notebooks to HTML pages, and the assets the pages share.

A report folder holds plotly.js once, in ``assets/``; every page loads it by a relative path, so the
folder opens from ``file://`` with no network. A standalone report embeds it in every page instead,
to mail a single file. Nothing else is fetched: the page template drops require.js, MathJax and
mermaid, which nbconvert's lab template would link from a CDN.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

TEMPLATES = Path(str(importlib_resources.files("presslens").joinpath("templates")))
ASSETS_FOLDER = "assets"
PLOTLY_FILE = "plotly.min.js"
#: Cells with these tags never reach a report; ``solution`` cells do with ``with_solutions``.
REMOVED_CELL_TAGS = {"remove-cell", "widgets"}
SOLUTION_TAG = "solution"


@dataclass(frozen=True)
class PageOptions:
    """How a page is rendered: code shown, solutions kept, plotly.js linked (depth below OUT) or embedded."""

    show_code: bool = False
    with_solutions: bool = False
    standalone: bool = False


def plotly_js_path() -> Path:
    """plotly.js as shipped with the plotly package."""
    return Path(str(importlib_resources.files("plotly").joinpath("package_data", PLOTLY_FILE)))


def write_assets(out: Path) -> None:
    """Copy plotly.js into ``out/assets`` (once; kept when it is already the same file)."""
    target = out / ASSETS_FOLDER / PLOTLY_FILE
    source = plotly_js_path()
    if target.exists() and target.stat().st_size == source.stat().st_size:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def plotly_script(page: Path, out: Path, options: PageOptions) -> str:
    """The ``<script>`` that gives a page plotly.js: a relative link into ``out/assets``, or the library inline."""
    if options.standalone:
        return f"<script>{_plotly_js()}</script>"
    depth = len(page.relative_to(out).parts) - 1
    return f'<script src="{"../" * depth}{ASSETS_FOLDER}/{PLOTLY_FILE}"></script>'


@functools.cache
def _plotly_js() -> str:
    return plotly_js_path().read_text(encoding="utf-8")


def render_notebook(notebook_path: Path, page: Path, out: Path, options: PageOptions) -> str:
    """An executed notebook as an HTML page for ``page`` inside the report folder ``out``."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    from presslens.report.notebooks import describe_notebook

    notebook = nbformat.read(str(notebook_path), as_version=4)
    exporter = HTMLExporter(
        template_name="presslens_report",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not options.show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=removed_tags(options), remove_input_tags={"remove-input"}, enabled=True),
        enabled=True
    )
    title, _ = describe_notebook(notebook_path)
    notebook.metadata["title"] = f"{title} — presslens"
    depth = len(page.relative_to(out).parts) - 1
    resources = {"presslens_index_href": "../" * depth + "index.html",
                 "presslens_plotly_script": plotly_script(page, out, options)}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return body


def removed_tags(options: PageOptions) -> set[str]:
    """Tags of the cells a page leaves out: explorers always, solutions unless asked for."""
    return set(REMOVED_CELL_TAGS) | (set() if options.with_solutions else {SOLUTION_TAG})


@functools.cache
def templates_hash() -> str:
    """A hash of the page templates: a page made with other templates is made again."""
    digest = hashlib.sha1()
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
