"""No lost work: one run at a time per output folder, atomic writes, an interrupted run harms nothing,
a run deletes nothing it did not make and never writes into the corpus."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import SEEDS
from presslens.atomic import atomic_path, write_text_atomic
from presslens.cli import main
from presslens.lock import LOCK_NAME, FolderLocked, folder_lock
from presslens.report import ReportError, run_report


def _notebook(path: Path, title: str, parameters: str, code: str) -> None:
    cell = new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    notebook = new_notebook(
        cells=[new_markdown_cell(f"# {title}\n\nA test notebook."), cell, new_code_cell(code)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(notebook, path)


@pytest.fixture
def notebooks(tmp_path) -> Path:
    """Two quick notebooks; the second sleeps ``pause`` seconds, long enough to be interrupted."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_fast.ipynb", "Fast", 'corpus: str = "../seeds"', "print('fast done')")
    _notebook(folder / "02_slow.ipynb", "Slow", 'corpus: str = "../seeds"\npause: int = 0',
              "import time\ntime.sleep(pause)\nprint('slow done')")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_the_lock_is_exclusive_names_its_holder_and_is_released(tmp_path):
    with folder_lock(tmp_path / "out") as lock_file:
        assert lock_file.read_text().strip() == str(os.getpid())
        with pytest.raises(FolderLocked) as refused:
            with folder_lock(tmp_path / "out"):
                pass
        assert refused.value.holder == str(os.getpid())
    with folder_lock(tmp_path / "out"):
        pass


def test_a_lock_dies_with_its_process(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from presslens.lock import folder_lock\n"
         f"with folder_lock({str(tmp_path)!r}):\n    print('locked', flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(FolderLocked, match=f"pid {holder.pid}"):
            with folder_lock(tmp_path):
                pass
    finally:
        holder.kill()
        holder.wait()
    assert (tmp_path / LOCK_NAME).read_text().strip() == str(holder.pid), "the dead run's pid is still written"
    with folder_lock(tmp_path):
        pass


def test_a_second_run_into_a_locked_folder_is_refused_before_writing(tmp_path, notebooks):
    out = tmp_path / "out"
    with folder_lock(out):
        with pytest.raises(ReportError, match=rf"another presslens report is writing to .*out \(pid {os.getpid()}\); "
                                              r"wait for it to finish or choose another --out"):
            run_report(SEEDS, out, notebooks_dir=notebooks)
    assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]


def test_an_atomic_write_that_fails_leaves_the_old_file(tmp_path):
    target = tmp_path / "index.html"
    write_text_atomic(target, "old report")
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as temporary:
            temporary.write_text("half of a new rep")
            raise KeyboardInterrupt
    assert target.read_text() == "old report"
    assert [path.name for path in tmp_path.iterdir()] == ["index.html"], "no temporary file is left"


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def _executing(folder: Path, name: str) -> bool:
    """Whether ``name`` is being executed (its executed copy is still a temporary file)."""
    return any(folder.glob(f".{name}.*.tmp.ipynb"))


def test_an_interrupted_run_leaves_the_previous_reports_whole(tmp_path, notebooks, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    (out / "html").mkdir(parents=True)
    (out / "notes.txt").write_text("my notes")
    (out / "html" / "mine.html").write_text("<p>my page</p>")
    corpus_before = _files(corpus)

    first = run_report(corpus, out, jobs=1, notebooks_dir=notebooks)
    assert first.ok
    before = _files(out)
    assert before["notes.txt"] == b"my notes" and before["html/mine.html"] == b"<p>my page</p>"

    second = subprocess.Popen(
        [sys.executable, "-m", "presslens.cli", "report", "--corpus", str(corpus), "--out", str(out),
         "--notebooks", str(notebooks), "--jobs", "1", "-p", "pause=120"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        _wait_for(lambda: _executing(out / "notebooks", "02_slow"), 120, "the slow notebook to run its sleep")
        assert main(["report", "--corpus", str(corpus), "--out", str(out), "--notebooks", str(notebooks)]) == 2
        assert f"(pid {second.pid})" in capsys.readouterr().err, "a concurrent run is refused, naming the one running"
    finally:
        os.killpg(second.pid, signal.SIGKILL)
        second.wait()

    after = {name: content for name, content in _files(out).items() if not Path(name).name.startswith(".")}
    for name in ("index.html", "run.json", "html/02_slow.html", "notebooks/02_slow.ipynb", "notes.txt", "html/mine.html"):
        assert after[name] == before[name], f"{name} changed"
    assert set(before) - {LOCK_NAME} <= set(after)
    index = after["index.html"].decode()
    for href in re.findall(r'href="([^"]+)"', index):
        page = out / unescape(href)
        assert page.is_file(), href
        if page.suffix == ".html":
            assert page.read_text().rstrip().endswith("</html>"), href
    assert json.loads(after["run.json"])["ok"] is True
    for name in after:
        if name.endswith(".ipynb"):
            nbformat.validate(nbformat.reads(after[name].decode(), as_version=4))
        elif name.endswith(".parquet"):
            pd.read_parquet(out / name)

    third = run_report(corpus, out, jobs=1, notebooks_dir=notebooks)
    assert third.ok, "the killed run's lock does not block the next run"
    assert (out / "notes.txt").read_text() == "my notes" and (out / "html" / "mine.html").read_text() == "<p>my page</p>"
    assert _files(corpus) == corpus_before, "a run never writes into the corpus folder"


@pytest.mark.parametrize("where", ["html", "cache/deep"])
def test_a_corpus_inside_a_folder_a_run_writes_is_refused(tmp_path, where):
    corpus = tmp_path / "out" / where / "corpus"
    shutil.copytree(SEEDS, corpus)
    with pytest.raises(ReportError, match="inside a folder that a report into .* writes"):
        run_report(corpus, tmp_path / "out")
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [where.split("/")[0]]
