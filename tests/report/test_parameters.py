"""Bad parameters and paths stop ``presslens report`` with one clear line, before any notebook runs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import ROOT, SEEDS
from presslens.cli import main
from presslens.report.notebooks import (ReportError, check_parameters, file_parameters, notebook_imports, notebook_parameters,
                                        resolve_files)


def _report(tmp_path: Path, *arguments: str) -> int:
    return main(["report", "--corpus", str(SEEDS), "--out", str(tmp_path / "out"), *arguments])


@pytest.mark.parametrize("arguments, message", [
    (["-p", "top_nn=5"], "unknown parameter(s): top_nn (did you mean top_n?)"),
    (["-p", "top_n=many"], "parameter top_n must be a whole number (02_topic_frequency.ipynb declares 'top_n: int'), "
                           "not str 'many'; for example -p top_n=20"),
    (["-p", "top_n=true"], "parameter top_n must be a whole number"),
    (["-p", "lemmatize=1"], "parameter lemmatize must be true or false"),
    (["-p", "actor_types=person"], "parameter actor_types must be a list (03_actor_cooccurrence.ipynb declares "
                                   "'actor_types: list'), not str 'person'; for example -p 'actor_types=[first, second]'"),
    (["-p", "keyness_target=2021"], """must be text (02_topic_frequency.ipynb declares 'keyness_target: str'), not int 2021; """
                                    """for example -p 'keyness_target="some text"'"""),
    (["-p", "top_n"], "parameter 'top_n' must look like NAME=VALUE"),
    (["--max-articles", "-1"], "--max-articles must be 0 or more, not -1"),
])
def test_a_bad_parameter_is_one_line_before_anything_runs(tmp_path, capsys, arguments, message):
    assert _report(tmp_path, *arguments) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "out").exists(), "nothing is written"


def test_the_report_notebooks_declare_the_types_that_are_checked():
    declared = {path: notebook_parameters(path) for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}
    types = {name: spec["inferred_type_name"] for params in declared.values() for name, spec in params.items()}
    assert types["top_n"] == "int" and types["actor_types"] == "list" and types["corpus_path"] == "str"
    check_parameters({"top_n": 30, "actor_types": ["person"], "keyness_target": "ru", "lemmatize": False}, declared)


def test_file_parameters_are_the_ones_the_notebooks_declare_as_files(tmp_path, monkeypatch):
    declared = {path: notebook_parameters(path) for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}
    assert file_parameters(declared) == {"gazetteer", "corrections", "lexicon"}
    (tmp_path / "cast.yaml").write_text("actors: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    resolved = resolve_files({"gazetteer": "cast.yaml", "top_n": 5, "lexicon": ""}, declared)
    assert resolved == {"gazetteer": str(tmp_path / "cast.yaml"), "top_n": 5, "lexicon": ""}
    with pytest.raises(ReportError, match="corrections: no file fixes.yaml"):
        resolve_files({"corrections": "fixes.yaml"}, declared)


def test_a_missing_file_parameter_is_one_line_before_anything_runs(tmp_path, capsys):
    assert _report(tmp_path, "-p", "lexicon=no_such_lexicon.yaml") == 2
    err = capsys.readouterr().err
    assert "lexicon: no file no_such_lexicon.yaml" in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "out").exists()


def test_a_broken_lexicon_stops_the_report_before_anything_is_written(tmp_path, capsys):
    lexicon = tmp_path / "themes.yaml"
    lexicon.write_text("themes:\n  - id: trade\n    label: [not closed\n", encoding="utf-8")
    assert _report(tmp_path, "-p", f"lexicon={lexicon}") == 2
    assert f"{lexicon} is not valid YAML" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_report_code_reaches_analyses_only_through_the_profile_and_the_processing_pass():
    import ast

    allowed = {"atomic", "corpus", "display", "errors", "execution", "lock", "memory", "pipeline", "plots", "profile",
               "report", "resources"}
    reached = set()
    for path in (ROOT / "lib" / "presslens" / "report").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            reached |= {name.split(".")[1] for name in names if name.startswith("presslens.")}
    assert reached <= allowed, f"the report imports {sorted(reached - allowed)}: go through presslens.profile or pipeline"


def test_kernels_warm_up_with_the_notebooks_own_imports():
    imports = notebook_imports(sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))).splitlines()
    assert imports and all(line.startswith(("import ", "from ")) for line in imports)
    assert len(imports) == len(set(imports))
    assert any("mentions_table" in line and line.startswith("from presslens import") for line in imports)
    compile("\n".join(imports), "warm-up", "exec")


def test_numbers_and_untyped_parameters(tmp_path):
    cell = new_code_cell('corpus: str = "../seeds"\nshare: float = 0.5\nanything = None')
    cell.metadata["tags"] = ["parameters"]
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Test"), cell], metadata=kernel), tmp_path / "01_test.ipynb")
    declared = {tmp_path / "01_test.ipynb": notebook_parameters(tmp_path / "01_test.ipynb")}
    check_parameters({"share": 1, "anything": [1, "two"]}, declared)  # an int is a float; no type: no check
    with pytest.raises(ReportError, match="parameter share must be a number"):
        check_parameters({"share": "half"}, declared)
    with pytest.raises(ReportError, match="parameter share must be a number .* not bool True"):
        check_parameters({"share": True}, declared)


def test_an_output_folder_that_is_a_file_is_refused(tmp_path, capsys):
    (tmp_path / "out").write_text("not a folder")
    assert _report(tmp_path) == 2
    assert "--out must be a folder, not a file" in capsys.readouterr().err
    assert (tmp_path / "out").read_text() == "not a folder"



def test_a_date_given_with_p_stays_text_and_keyness_by_date_runs(tmp_path, capsys):
    """``-p`` values are read as papermill reads them: ``2024-05-16`` is the text of a date, not a date object."""
    import shutil

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "02_topic_frequency.ipynb", notebooks)
    status = _report(tmp_path, "-p", "keyness_by=date", "-p", "keyness_target=2024-05-16", "--notebooks", str(notebooks),
                     "--max-articles", "0")
    assert status == 0, capsys.readouterr()
    page = (tmp_path / "out" / "html" / "02_topic_frequency.html").read_text(encoding="utf-8")
    assert "2024-05-16" in page and "Traceback" not in page
