"""presslens installed from its wheel, outside the checkout: the sample report renders from any folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import ROOT, SEEDS

#: What the wheel is built from: the project without environments, outputs or build leftovers.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "outputs", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache")


def test_the_wheel_renders_the_sample_report_from_another_folder(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=NOT_SOURCE)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(source), "-w", str(tmp_path / "dist")],
                   check=True, capture_output=True)
    [wheel] = (tmp_path / "dist").glob("presslens-*.whl")
    environment = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    python = environment / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
                   check=True, capture_output=True)
    site_packages = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        check=True, capture_output=True, text=True).stdout.strip())
    # The dependencies (and their data, such as nbconvert's templates) come from this environment;
    # presslens itself only from the wheel.
    (site_packages / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    dependency_data = {**{name: value for name, value in os.environ.items() if name != "PYTHONPATH"},
                       "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter")}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copytree(SEEDS, elsewhere / "articles")
    where = subprocess.run([str(python), "-c", "import presslens; print(presslens.__file__)"], cwd=elsewhere,
                           check=True, capture_output=True, text=True, env=dependency_data).stdout
    assert str(site_packages) in where and str(ROOT) not in where
    done = subprocess.run([str(environment / "bin" / "presslens"), "report", "--corpus", "articles", "--out", "reports",
                           "--max-articles", "2"], cwd=elsewhere, capture_output=True, text=True, env=dependency_data)
    assert done.returncode == 0, done.stdout + done.stderr
    record = json.loads((elsewhere / "reports" / "run.json").read_text())
    assert record["ok"] and len(record["notebooks"]) == 7 and len(record["articles"]) == 2
    assert (elsewhere / "reports" / "assets" / "plotly.min.js").is_file()
    assert "Pages for 2 of the 5 articles" in (elsewhere / "reports" / "index.html").read_text(encoding="utf-8")
