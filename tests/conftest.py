"""Shared fixtures: the sample corpus, crafted bad input, and one report run reused by several tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from presslens import (cooccurrence_evidence, cooccurrence_table, evidence_sentences, load_corpus, load_lexicon,
                       match_themes, mentions_table, score_themes, tokens_table)
from presslens.plots import setup_notebook
from presslens.report import run_report
from presslens.report.execute import kernel_environment

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpora" / "bbc"

# Kernels that tests start run in other folders: an NLTK_DATA given relative to here must still be found.
if os.environ.get("NLTK_DATA"):
    os.environ["NLTK_DATA"] = kernel_environment()["NLTK_DATA"]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_corpus():
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def report_dir(tmp_path_factory) -> Path:
    """One ``presslens report`` run on the sample corpus (the code path of the command)."""
    out = tmp_path_factory.mktemp("report")
    run_report(SEEDS, out, jobs=2)
    return out


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the sample corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


#: Chromium options that leave a page no network at all: every host name fails, every connection goes
#: to a closed port. A report must draw everything from its own folder.
BLOCK_NETWORK = ("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                 "--proxy-bypass-list=<-loopback>")


def _find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Open a local page in headless Chromium with the network blocked; return (rendered DOM, console messages).

    Skips with the reason when Chromium is not installed (``make test`` installs it where it can).
    A page that does not finish within ``timeout`` seconds fails the test: headless Chromium waits
    forever on a script dialog such as ``alert()``.
    """
    executable = _find_chromium()
    if executable is None:
        pytest.skip("Chromium not installed: `make test` installs it with apt-get when run as root on Debian/Ubuntu")
    profile = tmp_path_factory.mktemp("chromium-profile")

    def open_page(page: Path, *, budget_ms: int = 8000, timeout: float = 120) -> tuple[str, list[str]]:
        command = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            *BLOCK_NETWORK,
            "--enable-logging=stderr", "--v=0", f"--virtual-time-budget={budget_ms}", "--dump-dom",
            page.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{page.name} did not finish in {timeout:.0f} s: a script dialog such as alert() blocks headless Chromium")
        console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
        return done.stdout, console

    return open_page


def explorer_tables(corpus) -> dict:
    """The tables the notebooks hand to the explorers, for ``corpus`` (and the corpus itself as ``docs``)."""
    setup_notebook()
    tokens = tokens_table(corpus)
    mentions = mentions_table(corpus)
    pairs = cooccurrence_table(corpus, mentions)
    lexicon = load_lexicon()
    evidence = match_themes(corpus, lexicon, tokens=tokens)
    return {
        "docs": corpus,
        "tokens": tokens,
        "mentions": mentions,
        "pairs": pairs,
        "evidence": cooccurrence_evidence(corpus, mentions, pairs=pairs),
        "scores": score_themes(corpus, evidence, lexicon=lexicon),
        "sentences": evidence_sentences(corpus, evidence, lexicon=lexicon),
    }
