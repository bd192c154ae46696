"""Cache keys: what a cached table was computed from — the extractor's code, the data it reads, its settings,
and each article's content.

An extractor's key hashes the presslens version, the source of the module defining it and of every
presslens module that module imports (transitively, imports for type checking excepted), the package
data files those modules declare in a module-level ``DATA_FILES`` tuple, and the settings bound with
``functools.partial`` (a setting naming a file counts by the file's content). A data file read without
being declared would stop invalidating the cache when edited: ``tests/test_execution.py`` checks that
every data path a module names is declared.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.util
import json
from collections.abc import Callable
from importlib import resources as importlib_resources
from pathlib import Path

from presslens import __version__


def extractor_key(build: Callable) -> str:
    """A key that changes whenever anything ``build`` computes from an article could change."""
    function = unwrapped(build)
    settings = {}
    while isinstance(build, functools.partial):
        settings = {**build.keywords, **settings}
        build = build.func
    described = {name: _described(value) for name, value in sorted(settings.items())}
    payload = json.dumps([f"{function.__module__}.{function.__qualname__}", code_fingerprint(function.__module__),
                          described], sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()[:16]


def unwrapped(build: Callable) -> Callable:
    """The function under the ``functools.partial`` layers of ``build``."""
    while isinstance(build, functools.partial):
        build = build.func
    return build


def article_key(article) -> str:
    """A key that changes whenever anything an extractor reads of the article changes."""
    digest = hashlib.sha1(article.doc_id.encode())
    digest.update(b"\0")
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def file_digest(path: str | Path | None) -> str:
    """A hash of a file's content ('' when ``path`` names no file): what a result read from it depends on."""
    return hashlib.sha1(Path(path).read_bytes()).hexdigest() if path and Path(path).is_file() else ""


def _described(value):
    return (file_digest(value) or value) if isinstance(value, (str, Path)) else value


@functools.cache
def package_fingerprint() -> str:
    """A hash of all of presslens: its version, code and data files (what a report page is made with)."""
    package = _package_folder()
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def code_fingerprint(module: str) -> str:
    """A hash of the presslens version, of ``module`` and the presslens modules it imports, and of the data
    files they declare."""
    package = _package_folder()
    digest = hashlib.sha1(__version__.encode())
    data_files: set[str] = set()
    for path in sorted(module_closure(module)):
        source = path.read_bytes()
        digest.update((path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name).encode())
        digest.update(source)
        data_files.update(declared_data_files(ast.parse(source)))
    for name in sorted(data_files):
        data = package / name
        if data.is_file():
            digest.update(name.encode())
            digest.update(data.read_bytes())
    return digest.hexdigest()[:16]


def declared_data_files(tree: ast.Module) -> tuple[str, ...]:
    """The package data files a module declares it reads: its module-level ``DATA_FILES`` tuple."""
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == "DATA_FILES" for target in targets):
                return tuple(ast.literal_eval(node.value))
    return ()


def module_closure(module: str) -> set[Path]:
    """The source files of ``module`` and of every presslens module it imports, directly or not."""
    seen: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        try:
            spec = importlib.util.find_spec(name)
        except ImportError:  # ``from presslens.x import name``: a name inside a module, not a module
            continue
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        path = Path(spec.origin)
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_presslens_imports(path, name, is_package=path.name == "__init__.py"))
    return seen


def _presslens_imports(path: Path, module: str, *, is_package: bool) -> list[str]:
    """The presslens modules a source file imports at run time (``from presslens.x import y`` also names
    ``presslens.x.y``); imports for type checking only do not count."""
    package = module if is_package else module.rpartition(".")[0]
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(block.test) for node in ast.walk(block)}
    names = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.append(base)
            names.extend(f"{base}.{alias.name}" for alias in node.names)
    return [name for name in names if name == "presslens" or name.startswith("presslens.")]


def _package_folder() -> Path:
    return Path(str(importlib_resources.files("presslens")))
