"""Execution: per-article cache keyed by the extractor's code, data and settings; workers and Dask give the same tables."""

from __future__ import annotations

import ast
import functools
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, SEEDS
from presslens.actors import mentions_table
from presslens.actors.extraction import article_mentions
from presslens.corpus import load_corpus
from presslens.execution import MIN_ARTICLES_FOR_WORKERS, Execution, code_fingerprint, extractor_key
from presslens.text import article_tokens, tokens_table

BUILT: list[str] = []
COLUMNS = ["doc_id", "length"]


def _lengths(corpus, *, scale: int = 1) -> pd.DataFrame:
    """A per-article table that records which articles it was asked to build."""
    BUILT.extend(corpus.doc_ids)
    return pd.DataFrame({"doc_id": corpus.doc_ids, "length": [scale * len(a.text) for a in corpus]})


@pytest.fixture
def replicated(tmp_path):
    """The sample articles copied ten times under new names: enough articles for worker processes."""
    folder = tmp_path / "corpus"
    for copy in range(10):
        shutil.copytree(SEEDS, folder / f"copy{copy}")
    assert len(list(folder.rglob("*.txt"))) >= MIN_ARTICLES_FOR_WORKERS
    return folder


def test_cache_rebuilds_only_changed_articles(corpus_copy, tmp_path):
    run = Execution(cache_dir=tmp_path / "cache")
    BUILT.clear()
    first = run.table(_lengths, load_corpus(corpus_copy, execution=run), columns=COLUMNS)
    assert sorted(BUILT) == sorted(first.doc_id)
    BUILT.clear()
    again = run.table(_lengths, load_corpus(corpus_copy, execution=run), columns=COLUMNS)
    assert BUILT == [] and again.equals(first)
    changed = corpus_copy / "003_f6417c26bc500f79.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing paragraph about Almaty.\n", encoding="utf-8")
    BUILT.clear()
    after = run.table(_lengths, load_corpus(corpus_copy, execution=run), columns=COLUMNS)
    assert BUILT == ["003_f6417c26bc500f79"]
    assert after.set_index("doc_id").loc["003_f6417c26bc500f79", "length"] > first.set_index("doc_id").loc["003_f6417c26bc500f79", "length"]


def test_settings_key_the_cache(seed_corpus, tmp_path):
    run = Execution(cache_dir=tmp_path / "cache")
    run.table(functools.partial(_lengths, scale=1), seed_corpus, columns=COLUMNS)
    BUILT.clear()
    doubled = run.table(functools.partial(_lengths, scale=2), seed_corpus, columns=COLUMNS)
    assert len(BUILT) == len(seed_corpus), "other settings, other cache entry"
    assert doubled["length"].tolist() == [2 * len(article.text) for article in seed_corpus]


def test_the_key_is_the_extractors_own_code_and_data():
    """Tokens depend on text.py and the stopwords, not on the gazetteer; mentions on the gazetteer, not on widgets."""
    def closure(module: str) -> set[str]:
        from presslens.execution.keys import module_closure
        return {path.relative_to(ROOT / "lib" / "presslens").as_posix() for path in module_closure(module)}

    tokens, mentions = closure("presslens.text"), closure("presslens.actors.extraction")
    assert "text.py" in tokens and not any(name.startswith("actors/") for name in tokens)
    assert {"actors/gazetteer.py", "actors/name_typing.py"} <= mentions
    for module in (tokens, mentions):
        assert not {"widgets.py", "plots/__init__.py", "report/runner.py", "execution/__init__.py", "actors/tables.py",
                    "actors/corrections.py"} & module
    assert code_fingerprint("presslens.text") != code_fingerprint("presslens.actors.extraction")
    assert extractor_key(functools.partial(article_mentions, gazetteer=None)) != \
        extractor_key(functools.partial(article_mentions, gazetteer=str(SEEDS / "000_be66cc4f6408135f.txt")))
    assert extractor_key(functools.partial(article_tokens, lemmatize_words=True)) != \
        extractor_key(functools.partial(article_tokens, lemmatize_words=False))


def test_no_analysis_module_imports_execution():
    """Only the report, the processing pass and the command line hold an Execution; analyses receive one."""
    holders = {"execution/__init__.py", "pipeline.py", "cli.py", "export.py", "__init__.py"}
    package = ROOT / "lib" / "presslens"
    offenders = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if relative in holders or relative.startswith("report/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        guarded = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(block.test) for node in ast.walk(block)}
        offenders += [relative for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                      and node.module == "presslens.execution" and id(node) not in guarded]
    assert offenders == []


def test_cached_load_equals_fresh_load(corpus_copy, tmp_path):
    fresh = load_corpus(corpus_copy)
    run = Execution(cache_dir=tmp_path / "cache")
    load_corpus(corpus_copy, execution=run)
    cached = load_corpus(corpus_copy, execution=run)
    assert [a.__dict__ for a in cached] == [a.__dict__ for a in fresh]
    assert sorted(path.name.split("-")[0] for path in Path(run.cache_dir).iterdir()) == ["clean_draft", "load_corpus", "read_file"]


def test_worker_processes_give_the_same_tables(replicated):
    corpus = load_corpus(replicated)
    parallel = Execution(jobs=2)
    assert load_corpus(replicated, execution=parallel).doc_ids == corpus.doc_ids
    pd.testing.assert_frame_equal(mentions_table(corpus), mentions_table(corpus, execution=parallel))
    pd.testing.assert_frame_equal(tokens_table(corpus), tokens_table(corpus, execution=parallel))


def test_dask_engine_gives_the_same_tables(replicated):
    pytest.importorskip("dask.distributed")
    corpus = load_corpus(replicated)
    on_dask = Execution(jobs=2, engine="dask")
    pd.testing.assert_frame_equal(mentions_table(corpus), mentions_table(corpus, execution=on_dask))
    pd.testing.assert_frame_equal(tokens_table(corpus), tokens_table(corpus, execution=on_dask))


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        Execution(engine="spark")


def _long_only(corpus) -> pd.DataFrame:
    """Rows only for articles over 600 words: the others are covered but have no rows."""
    BUILT.extend(corpus.doc_ids)
    long = [a for a in corpus if a.n_words > 600]
    return pd.DataFrame({"doc_id": [a.doc_id for a in long], "words": [a.n_words for a in long]})


def test_articles_without_rows_are_not_rebuilt(seed_corpus, tmp_path):
    run = Execution(cache_dir=tmp_path / "cache")
    BUILT.clear()
    first = run.table(_long_only, seed_corpus, columns=["doc_id", "words"])
    assert len(BUILT) == 5 and 0 < len(first) < 5
    BUILT.clear()
    again = run.table(_long_only, seed_corpus, columns=["doc_id", "words"])
    assert BUILT == [] and again.equals(first)


def test_a_run_on_part_of_the_corpus_keeps_the_rest_cached(seed_corpus, tmp_path):
    run = Execution(cache_dir=tmp_path / "cache")
    run.table(_lengths, seed_corpus, columns=COLUMNS)
    part = run.table(_lengths, seed_corpus.select(seed_corpus.doc_ids[:2]), columns=COLUMNS)
    assert part["doc_id"].tolist() == seed_corpus.doc_ids[:2]
    BUILT.clear()
    again = run.table(_lengths, seed_corpus, columns=COLUMNS)
    assert BUILT == [] and again["doc_id"].tolist() == seed_corpus.doc_ids


def test_an_edited_gazetteer_file_is_read_again(seed_corpus, tmp_path):
    gazetteer = tmp_path / "mine.yaml"
    gazetteer.write_text("actors:\n  - name: Example Holdings\n    type: organization\n", encoding="utf-8")
    run = Execution(cache_dir=tmp_path / "cache")
    before = mentions_table(seed_corpus, gazetteer=str(gazetteer), execution=run)
    gazetteer.write_text("actors:\n  - name: Eurasian Development Fund\n    type: organization\n"
                         "    aliases: [Eurasian]\n", encoding="utf-8")
    after = mentions_table(seed_corpus, gazetteer=str(gazetteer), execution=run)
    assert "Eurasian Development Fund" not in set(before["actor"]) and "Eurasian Development Fund" in set(after["actor"])


def test_an_empty_corpus_gives_an_empty_table_with_a_cache(tmp_path):
    from presslens.corpus import Corpus

    empty = tokens_table(Corpus(root="none", articles=[]), execution=Execution(cache_dir=tmp_path / "cache"))
    assert empty.empty and list(empty.columns)[:2] == ["doc_id", "paragraph"]


def test_a_cache_with_damaged_rows_is_rebuilt(seed_corpus, tmp_path):
    run = Execution(cache_dir=tmp_path / "cache")
    first = tokens_table(seed_corpus, execution=run)
    (cached,) = (tmp_path / "cache").glob("article_tokens-*.parquet")
    damaged = bytearray(cached.read_bytes())
    damaged[200:2000] = bytes(1800)  # the footer, with the covered keys, stays readable
    cached.write_bytes(bytes(damaged))
    pd.testing.assert_frame_equal(tokens_table(seed_corpus, execution=run), first)
    one_more = seed_corpus.select(seed_corpus.doc_ids[:2])
    cached.write_bytes(bytes(damaged))
    pd.testing.assert_frame_equal(tokens_table(one_more, execution=run),
                                  first[first["doc_id"].isin(one_more.doc_ids)].reset_index(drop=True), check_categorical=False)


def test_every_data_file_a_module_names_is_declared_and_keys_its_cache():
    """A data file read without being declared would stop invalidating the cache when edited."""
    from presslens.execution.keys import declared_data_files

    package = ROOT / "lib" / "presslens"
    undeclared = {}
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        named = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
                 and re.fullmatch(r"data/[\w.-]+", node.value)}
        named |= {f"data/{name}" for name in re.findall(r'"data"\s*/\s*"([\w.-]+)"', path.read_text("utf-8"))}
        missing = named - set(declared_data_files(tree))
        if missing:
            undeclared[path.relative_to(package).as_posix()] = sorted(missing)
    assert not undeclared, f"declare these in the module's DATA_FILES: {undeclared}"
    declared = declared_data_files(ast.parse((package / "actors" / "gazetteer.py").read_text("utf-8")))
    assert "data/gazetteer.yaml" in declared and all((package / name).is_file() or "names_" in name for name in declared)
