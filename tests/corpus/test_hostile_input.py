"""Hostile input to the loader and the analyses: every bad file skipped with its reason, the rest analysed."""

from __future__ import annotations

import time
import unicodedata

import pandas as pd
import pytest

import presslens.corpus.load
from hostile_corpus import CHINESE, LONG_LINE_CHARS, PROSE, RUSSIAN, build_hostile_corpus, shown_path
from presslens.actors import mentions_table
from presslens.cooccurrence import cooccurrence_table
from presslens.corpus import MAX_ARTICLE_CHARS, check_plain_text, decode_bytes, load_corpus
from presslens.corpus.decode import normalize_text
from presslens.execution import Execution
from presslens.corpus import Corpus
from presslens.frequency import corpus_terms_table, frequency_table, tfidf_table
from presslens.keyness import keyness_table
from presslens.patterns import kwic
from presslens.phrases import find_phrases, merge_phrases
from presslens.text import tokens_table
from presslens.themes import match_themes, score_themes
from presslens.topics import fit_topics


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile corpus and what one load (through a cache, as a report loads) made of it."""
    folder = tmp_path_factory.mktemp("hostile")
    expected = build_hostile_corpus(folder / "corpus")
    started = time.perf_counter()
    corpus = load_corpus(expected.root, execution=Execution(cache_dir=folder / "cache"))
    return expected, corpus, time.perf_counter() - started, folder / "cache"


def test_every_readable_article_is_loaded(hostile):
    expected, corpus, _, _ = hostile
    assert set(corpus.doc_ids) == expected.loaded


def test_every_other_file_is_skipped_with_a_reason_naming_it(hostile):
    expected, corpus, _, _ = hostile
    reasons = {item.path: item.reason for item in corpus.skipped}
    wanted = {shown_path(path): fragment for path, fragment in expected.skipped.items()}
    assert set(reasons) == set(wanted)
    for path, fragment in wanted.items():
        assert fragment in reasons[path], (path, reasons[path])


def test_encodings_and_duplicates_are_noticed(hostile):
    expected, corpus, _, _ = hostile
    for path, fragment in expected.notices.items():
        messages = [notice.message for notice in corpus.notices if notice.path == path]
        assert any(fragment in message for message in messages), (path, messages)
    assert corpus["copy_of_first_sample"].text == corpus[expected.samples[0]].text, "a duplicate is still analysed"
    assert corpus["russian_cp1251"].text == corpus["russian"].text == corpus["russian_utf16"].text
    assert corpus["chinese_gb18030"].title == "中俄经贸合作不断深化"


def test_a_50_mb_file_is_skipped_without_slowing_the_load(hostile):
    _, corpus, seconds, _ = hostile
    reason = next(item.reason for item in corpus.skipped if item.path == "giant.txt")
    assert "52,428,800 characters" in reason and f"{MAX_ARTICLE_CHARS:,}" in reason
    assert seconds < 30, f"loading took {seconds:.0f} s"


def test_the_article_length_limit_is_exact():
    assert check_plain_text("word " * (MAX_ARTICLE_CHARS // 5)) is None
    assert "too long for one article" in check_plain_text("x" * (MAX_ARTICLE_CHARS + 1))


def test_control_characters_are_those_of_unicode():
    """Control characters (category Cc) are removed from the text but newline and tab (a carriage return
    becomes a newline; ftfy reads C1 controls as the Windows-1252 characters they stand for); those a
    text file never holds (not carriage return or page break either) count as signs of binary data."""
    controls = "".join(chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Cc")
    assert normalize_text(f"a{controls[:0x20]}\x7fb") == "a\t\n\nb"
    binary = "".join(ch for ch in controls if ch not in "\n\r\t\f")
    assert check_plain_text("text " * 40 + binary * 2) == "binary data (control characters), not article text"
    assert check_plain_text("text " * 40 + "\r\f\t\n" * 2 + binary[:5]) is None


def test_a_second_load_from_the_cache_gives_the_same_corpus(hostile):
    expected, corpus, _, cache = hostile
    again = load_corpus(expected.root, execution=Execution(cache_dir=cache))
    assert again.doc_ids == corpus.doc_ids
    assert again.skipped == corpus.skipped and again.notices == corpus.notices


def test_a_parquet_with_null_cells_loads_the_rows_that_have_text(hostile):
    _, corpus, _, _ = hostile
    first, third = corpus["rows_with_nulls/1"], corpus["rows_with_nulls/3"]
    assert first.text.startswith("Exports of grain") and first.date == "" and first.source == "Kazinform"
    assert (third.title, third.date, third.source) == ("Grain trade", "2024-05-03", "")


def test_a_100000_character_line_is_analysed_in_reasonable_time(hostile):
    _, corpus, _, _ = hostile
    article = corpus["long_line"]
    assert len(article.body_paragraphs) == 1 and len(article.body_paragraphs[0]) >= LONG_LINE_CHARS - 1
    single = corpus.select(["long_line"])
    started = time.perf_counter()
    tokens = tokens_table(single)
    mentions = mentions_table(single)
    evidence = match_themes(single, tokens=tokens)
    seconds = time.perf_counter() - started
    assert seconds < 60, f"{seconds:.0f} s for one 100,000-character paragraph"
    assert len(tokens) > 15_000 and {"Russia", "China", "Harbin"} <= set(mentions["actor"])
    assert (tokens["end"] <= len(article.text)).all() and len(evidence) > 0


@pytest.mark.parametrize("raw, text, encoding", [
    ("Trade news\n\nExports rose.".encode("utf-16-le"), "Trade news\n\nExports rose.", "utf-16-le"),
    ("Trade news\n\nExports rose.".encode("utf-16-be"), "Trade news\n\nExports rose.", "utf-16-be"),
    (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    (CHINESE.encode("gb18030"), CHINESE, "gb18030"),
    ("Café in Zürich".encode("cp1252"), "Café in Zürich", "cp1252"),
])
def test_wrong_encodings_are_read(raw, text, encoding):
    assert decode_bytes(raw) == (text, encoding)


@pytest.mark.parametrize("raw, message", [
    (b"\x00\x01\x02abc", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"\x81\x20\x8d\x20", "unknown encoding"),
])
def test_undecodable_bytes_say_why(raw, message):
    with pytest.raises(UnicodeError, match=message):
        decode_bytes(raw)


def test_table_rows_that_are_not_articles_are_skipped_one_by_one(tmp_path):
    rows = pd.DataFrame({
        "title": ["Too long", "Grain", "No text"],
        "text": ["x" * (MAX_ARTICLE_CHARS + 1), "Grain exports rose, traders said.", "   "],
    })
    rows.to_csv(tmp_path / "rows.csv", index=False)
    (tmp_path / "broken.jsonl").write_text('{"text": "fine"}\n{"text": \n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["rows/2"]
    reasons = {item.path: item.reason for item in corpus.skipped}
    assert "too long for one article" in reasons["rows.csv (row 1)"]
    assert "empty 'text' cell" in reasons["rows.csv (row 3)"]
    assert reasons["broken.jsonl"].startswith("cannot parse table: ")


def test_a_file_removed_while_loading_is_skipped_and_not_remembered(tmp_path, monkeypatch):
    corpus_dir, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus_dir.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus_dir / name).write_text(f"Article {name}\n\n{PROSE}", encoding="utf-8")
    read_file = presslens.corpus.load.read_file

    def remove_b_then_read(file, **options):
        (corpus_dir / "b.txt").unlink(missing_ok=True)  # another program deletes b.txt while a.txt is read
        return read_file(file, **options)

    monkeypatch.setattr(presslens.corpus.load, "read_file", remove_b_then_read)
    raced = load_corpus(corpus_dir, execution=Execution(cache_dir=cache))
    assert raced.doc_ids == ["a"]
    assert [(item.path, item.reason.split(":")[0]) for item in raced.skipped] == [("b.txt", "file not found when read")]

    monkeypatch.undo()
    (corpus_dir / "b.txt").write_text(f"Article b.txt\n\n{PROSE}", encoding="utf-8")
    assert load_corpus(corpus_dir, execution=Execution(cache_dir=cache)).doc_ids == ["a", "b"], "the failed read must not be cached"


def test_a_single_line_file_is_an_article_not_a_lone_headline(tmp_path):
    (tmp_path / "one_line.txt").write_text("Grain exports from Kazakhstan rose in May, traders said.", encoding="utf-8")
    article = load_corpus(tmp_path)["one_line"]
    assert article.text == article.title == "Grain exports from Kazakhstan rose in May, traders said."


def test_non_english_articles_go_through_every_analysis(tmp_path, seeds_dir):
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    (tmp_path / "en.txt").write_text((seeds_dir / "003_f6417c26bc500f79.txt").read_text(encoding="utf-8"), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    tokens = tokens_table(corpus)
    assert {"россии", "газа"} <= set(tokens["lower"]) and tokens["surface"].str.contains("哈尔滨").any()
    terms = merge_phrases(tokens, find_phrases(tokens))
    assert len(frequency_table(terms)) and len(tfidf_table(terms)) and len(keyness_table(terms, "ru"))
    assert len(corpus_terms_table(corpus)) and len(kwic(corpus, "газа", tokens=tokens)) == 1
    mentions = mentions_table(corpus)
    assert set(mentions["doc_id"]) >= {"en"}
    assert len(cooccurrence_table(corpus, mentions, window="article"))
    scores = score_themes(corpus, match_themes(corpus, tokens=tokens))
    assert "en" in set(scores["doc_id"])
    assert fit_topics(corpus, n_topics=2, tokens=tokens).note, "too few paragraphs for stable topics: the note says so"


def test_every_article_of_the_hostile_corpus_goes_through_every_analysis(hostile):
    _, corpus, _, _ = hostile
    analysed = Corpus(root=corpus.root, articles=[article for article in corpus if article.doc_id != "long_line"])
    tokens = tokens_table(analysed)
    assert set(tokens["doc_id"]) == set(analysed.doc_ids)
    mentions = mentions_table(analysed)
    pairs = cooccurrence_table(analysed, mentions)
    assert len(pairs) and len(score_themes(analysed, match_themes(analysed, tokens=tokens)))
