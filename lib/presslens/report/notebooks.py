"""The report notebooks: which there are, what each is about, which parameters each declares and accepts."""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Iterable
from importlib import resources as importlib_resources
from pathlib import Path
from typing import NamedTuple

from presslens.errors import ReportError

#: The notebooks shipped with presslens (in a source checkout, the top-level ``notebooks/`` folder).
DEFAULT_NOTEBOOKS = Path(str(importlib_resources.files("presslens").joinpath("notebooks")))


def list_notebooks(notebooks_dir: str | Path = DEFAULT_NOTEBOOKS) -> list[Path]:
    """The report notebooks, in reading order (``NN_name.ipynb``)."""
    return sorted(Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(path: str | Path) -> dict[str, dict]:
    """The parameters a notebook declares (papermill's inspection: name, type, default, help)."""
    import papermill  # papermill, nbformat and nbconvert take seconds to import: only reports pay for them

    return papermill.inspect_notebook(str(path))


def notebook_imports(paths: Iterable[str | Path]) -> str:
    """The import statements of the notebooks' code cells, each once: what a kernel can load before it runs them."""
    import nbformat

    statements = []
    for path in paths:
        for cell in nbformat.read(str(path), as_version=4).cells:
            if cell.cell_type != "code":
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:  # IPython magics: not Python, and not imports
                continue
            statements += [ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    return "\n".join(dict.fromkeys(statements))


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
#: Parameters the report itself sets; a user sets them with options, not with ``-p``.
RESERVED = {"corpus_path": "set the corpus with --corpus", "corpus": "set the corpus with --corpus", "columns": "name table columns with --columns",
            "doc_id": "an article page is made for every article (choose them with --articles)"}


#: How a notebook declares that a parameter names a file: its help starts with this.
FILE_HELP = "file:"


def file_parameters(declared: dict[Path, dict]) -> set[str]:
    """The parameters the notebooks declare as file names (their help starts with :data:`FILE_HELP`)."""
    return {name for params in declared.values() for name, param in params.items()
            if str(param.get("help") or "").lstrip().startswith(FILE_HELP)}


def resolve_files(parameters: dict, declared: dict[Path, dict]) -> dict:
    """``parameters`` with every declared file name made absolute (a notebook runs in its own folder, a
    path is given from here); a ReportError names a file that is not there."""
    resolved = dict(parameters)
    for name in sorted(file_parameters(declared) & set(parameters)):
        if isinstance(parameters[name], str) and parameters[name]:
            path = Path(parameters[name]).expanduser().resolve()
            if not path.is_file():
                raise ReportError(f"{name}: no file {parameters[name]} (looked for {path}); give the path of your file")
            resolved[name] = str(path)
    return resolved


def check_parameters(parameters: dict, declared: dict[Path, dict]) -> None:
    """Refuse parameters no notebook declares, and values of another type than the notebooks declare."""
    known = set().union(*(set(params) for params in declared.values()))
    for name, advice in RESERVED.items():
        if name in parameters:
            raise ReportError(f"{advice}, not as a parameter")
    unknown = sorted(set(parameters) - known)
    if unknown:
        guesses = [f"{name} (did you mean {close[0]}?)" if close else name
                   for name in unknown for close in [difflib.get_close_matches(name, known, n=1)]]
        raise ReportError(
            f"unknown parameter(s): {', '.join(guesses)}. Notebooks accept: {', '.join(sorted(known - set(RESERVED)))}"
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
