"""Shared fixtures: the sample corpus, crafted bad input, and one report run reused by several tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from presslens.corpus import load_corpus
from presslens.report import run_report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpora" / "bbc"


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
