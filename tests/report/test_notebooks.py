"""Contract of every notebook: parameters, kernel, teaching structure, explorers; every notebook runs with and without ipywidgets."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, SEEDS
from presslens.report import SOLUTION_TAG, list_notebooks, notebook_parameters
from presslens.report.execute import started_kernel
from presslens.widgets import UNAVAILABLE

NOTEBOOKS = list_notebooks(ROOT / "notebooks")
PARAMETER_LINE = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*): (?P<type>[\w\[\], |]+) = (?P<default>.+?)  # (?P<help>\S.*)$")


def test_the_notebooks_of_the_learning_path_exist():
    names = [path.stem for path in NOTEBOOKS]
    assert names[:2] == ["00_start_here", "01_corpus_overview"]


@pytest.fixture(params=NOTEBOOKS, ids=lambda path: path.stem)
def notebook(request):
    return request.param, nbformat.read(str(request.param), as_version=4)


def test_one_parameters_cell_with_typed_commented_lines(notebook):
    path, nb = notebook
    cells = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(cells) == 1, f"{path.name}: exactly one cell tagged 'parameters'"
    lines = [line for line in cells[0].source.splitlines() if line.strip()]
    assert lines, "the parameters cell declares at least the corpus"
    for line in lines:
        assert PARAMETER_LINE.match(line), f"{path.name}: `{line}` must read `name: type = default  # help`"
    declared = notebook_parameters(path)
    assert len(declared) == len(lines), f"{path.name}: papermill reads every line (one `=` per line, none in the help)"
    assert "corpus_path" in declared and all(item["help"] for item in declared.values())


def test_kernel_is_python3_and_nothing_is_stored(notebook):
    path, nb = notebook
    assert nb.metadata.kernelspec.name == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has stored outputs"
    nbformat.validate(nb)


def test_notebooks_never_download(notebook):
    path, nb = notebook
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    assert "download(" not in code and "ensure_nltk_data" not in code


def test_notebooks_open_with_a_title_and_questions(notebook):
    path, nb = notebook
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "question" in first.source.lower()


def test_notebooks_teach_and_end_with_exercises(notebook):
    """Questions and objectives first; key points, pitfalls, reading and graded exercises with solutions last."""
    path, nb = notebook
    opening = nb.cells[0].source
    assert "**Questions this notebook answers**" in opening and "**You will learn**" in opening, path.name
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    for heading in ("## Key points", "## Pitfalls", "## Further reading", "## Your turn"):
        assert heading in text, f"{path.name} has no '{heading}' section"
    exercises = text[text.index("## Your turn"):]
    assert all(f"*({level})*" in exercises for level in ("easy", "medium", "harder")), path.name
    solutions = [cell for cell in nb.cells if SOLUTION_TAG in cell.metadata.get("tags", [])]
    assert len(solutions) >= 2 and all(cell.cell_type == "code" for cell in solutions), path.name
    first_solution = nb.cells.index(solutions[0])
    assert "## Your turn" in "\n".join(cell.source for cell in nb.cells[:first_solution]), "solutions follow the exercises"


def test_every_explorer_follows_the_static_cell_it_mirrors(notebook):
    path, nb = notebook
    for number, cell in enumerate(nb.cells):
        if "widgets" not in cell.metadata.get("tags", []):
            continue
        before = nb.cells[number - 1]
        assert "explore_" in cell.source and "from presslens import explore_" in cell.source, f"{path.name}: cell {number}"
        assert before.cell_type == "code" and not before.metadata.get("tags"), \
            f"{path.name}: explorer cell {number} must come right after a static code cell"


EXPLORER_NOTEBOOKS = [path for path in NOTEBOOKS if any("widgets" in cell.metadata.get("tags", [])
                                                         for cell in nbformat.read(str(path), as_version=4).cells)]


def _run_in_a_kernel(folder: Path) -> list[list[dict]]:
    """Run the notebooks with explorers as JupyterLab does (every cell, in a kernel); return the
    outputs of every cell tagged ``widgets``. Reports leave those cells out."""
    import jupyter_client
    import papermill

    folder.mkdir(parents=True, exist_ok=True)
    explorers = []
    for path in EXPLORER_NOTEBOOKS:
        executed = folder / path.name
        kernel = started_kernel(jupyter_client.KernelManager, str(path.parent), "")
        try:
            papermill.execute_notebook(str(path), str(executed), parameters={"corpus_path": str(SEEDS)},
                                       kernel_name="python3", km=kernel, progress_bar=False)
        finally:
            kernel.shutdown_kernel(now=True)
        notebook = nbformat.read(str(executed), as_version=4)
        explorers += [cell.outputs for cell in notebook.cells if "widgets" in cell.metadata.get("tags", [])]
    return explorers


def test_explorers_run_as_widgets_in_a_kernel(tmp_path):
    """Every explorer cell shows its kernel note, then the widget."""
    explorers = _run_in_a_kernel(tmp_path)
    assert len(explorers) >= 4
    for outputs in explorers:
        assert [output.output_type for output in outputs] == ["display_data", "execute_result"]
        assert "running kernel" in outputs[0].data["text/html"]
        assert "application/vnd.jupyter.widget-view+json" in outputs[1].data


def test_every_notebook_runs_without_ipywidgets(tmp_path, monkeypatch):
    """Kernels where `import ipywidgets` fails: explorers become a note, every other cell runs."""
    hidden = tmp_path / "without_ipywidgets" / "ipywidgets"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text('raise ImportError("ipywidgets is hidden for this test")\n')
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(hidden.parent), os.environ.get("PYTHONPATH")])))
    explorers = _run_in_a_kernel(tmp_path / "executed")
    assert explorers and all(outputs[0].data["text/markdown"] == UNAVAILABLE for outputs in explorers)


def test_reports_leave_the_explorers_out(report_dir):
    for page in (report_dir / "html").glob("*.html"):
        assert "Interactive explorer" not in page.read_text(encoding="utf-8"), page.name
    for path in (report_dir / "notebooks").glob("*.ipynb"):
        notebook = nbformat.read(str(path), as_version=4)
        assert not any("widgets" in cell.metadata.get("tags", []) for cell in notebook.cells), path.name
