"""Contract of every notebook: one documented parameters cell, python3 kernel, no outputs, no downloads."""

from __future__ import annotations

import re

import nbformat
import pytest

from conftest import ROOT
from presslens.report import list_notebooks, notebook_parameters

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
    assert "corpus" in declared and all(item["help"] for item in declared.values())


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
