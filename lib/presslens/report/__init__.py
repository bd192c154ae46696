"""Reports: every notebook run on a corpus and rendered as HTML that opens offline, a page per article,
and an index.

The steps, one module each: :mod:`~.notebooks` (which notebooks, their parameters), :mod:`~.execute`
(kernels that run the notebooks, in parallel), :mod:`~.render` (nbconvert and the shared assets),
:mod:`~.articles` (the article pages, in one batch) and :mod:`~.index` (``index.html``, ``run.json``);
:mod:`~.runner` holds them together.

The names below are imported on first use: the processes that run notebooks import
:mod:`~.execute` alone and start quickly.
"""

import importlib

_EXPORTS = {
    "DEFAULT_NOTEBOOKS": "notebooks", "ReportError": "notebooks", "list_notebooks": "notebooks",
    "notebook_parameters": "notebooks", "SOLUTION_TAG": "render", "MAX_ARTICLE_PAGES": "defaults",
    "NotebookRun": "runner", "ReportRun": "runner", "run_report": "runner", "select_articles": "runner",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'presslens.report' has no attribute {name!r}")
    return getattr(importlib.import_module(f"presslens.report.{_EXPORTS[name]}"), name)
