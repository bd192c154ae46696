"""Syndicated copy: edited copies of real articles are clustered with their original, different stories never."""

from __future__ import annotations

import re

import pytest

from conftest import SEEDS
from presslens.corpus import load_corpus
from presslens.duplicates import MIN_SIMILARITY, dedupe_corpus, duplicates_table, jaccard_similarity, shingle_sets

OUTLETS = ["Kazinform", "Daily Sabah", "The Diplomat", "Dawn"]


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def _edited_copies(original: str, title: str) -> list[str]:
    """What outlets do to wire copy: a new headline and outlet line, a sentence rewritten, the end cut, two of these."""
    paragraphs = [part for part in original.split("\n\n") if part.strip()]
    body = "\n\n".join(paragraphs[1:]) if paragraphs[0].strip() == title else "\n\n".join(paragraphs)
    sentences = _sentences(body)
    rewritten = sentences.copy()
    rewritten[len(rewritten) // 2] = "Officials declined to comment further on the matter when reached on Tuesday."
    cut = "\n\n".join(body.split("\n\n")[:-1]) or body
    return [
        f"{title}: what it means for the region\n\nSource: {OUTLETS[0]}\n\n{body}",
        f"{title}\n\nSource: {OUTLETS[1]}\n\n" + " ".join(rewritten),
        f"{title}\n\nSource: {OUTLETS[2]}\n\n{cut}",
        f"Analysis: {title.lower()}\n\nSource: {OUTLETS[3]}\n\n" + " ".join(rewritten[:-1]),
    ]


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wire")
    originals = load_corpus(SEEDS)
    expected = {}
    for article in originals:
        (folder / f"{article.doc_id}.txt").write_text(f"{article.title}\n\n{article.text}", encoding="utf-8")
        copies = _edited_copies(article.text, article.title)
        for number, text in enumerate(copies, start=1):
            (folder / f"{article.doc_id}_copy{number}.txt").write_text(text, encoding="utf-8")
        expected[article.doc_id] = {article.doc_id, *(f"{article.doc_id}_copy{n}" for n in range(1, len(copies) + 1))}
    return load_corpus(folder), expected


def test_edited_copies_are_found_and_no_false_cluster(copies):
    corpus, expected = copies
    table = duplicates_table(corpus)
    clusters = [set(group["doc_id"]) for _, group in table.groupby("cluster")]
    copy_ids = {doc_id for members in expected.values() for doc_id in members} - set(expected)
    found = {doc_id for doc_id in copy_ids for members in clusters if doc_id in members
             and expected[doc_id.split("_copy")[0]] >= members}
    assert len(found) / len(copy_ids) >= 0.95, sorted(copy_ids - found)
    for members in clusters:
        assert any(members <= story for story in expected.values()), f"a cluster mixes stories: {sorted(members)}"
    assert len(clusters) == len(expected)


def test_clusters_are_those_of_comparing_every_pair(copies):
    """Candidates from signature bands, and pairs skipped once their articles share a cluster, lose nothing."""
    corpus, _ = copies
    articles = list(corpus)
    sets = list(shingle_sets(article.text for article in articles))
    joined = {article.doc_id: {article.doc_id} for article in articles}
    for first in range(len(articles)):
        for second in range(first + 1, len(articles)):
            if jaccard_similarity(sets[first], sets[second]) >= MIN_SIMILARITY:
                merged = joined[articles[first].doc_id] | joined[articles[second].doc_id]
                joined.update(dict.fromkeys(merged, merged))
    exhaustive = {frozenset(members) for members in joined.values() if len(members) > 1}
    found = {frozenset(group["doc_id"]) for _, group in duplicates_table(corpus).groupby("cluster")}
    assert len(exhaustive) >= 5 and found == exhaustive


def test_each_cluster_starts_with_its_first_article_and_keep_first_counts_it_once(copies):
    corpus, expected = copies
    table = duplicates_table(corpus)
    leads = table.drop_duplicates("cluster")
    assert (leads["similarity"] == 1.0).all() and table["similarity"].between(0.5, 1.0).all()
    deduped = dedupe_corpus(corpus, dedupe="keep_first")
    assert len(deduped) == len(corpus) - len(table) + table["cluster"].nunique()
    assert set(leads["doc_id"]) <= set(deduped.doc_ids)
    assert dedupe_corpus(corpus, dedupe="keep_all") is corpus
    with pytest.raises(ValueError, match="unknown dedupe"):
        dedupe_corpus(corpus, dedupe="first")


def test_identical_texts_are_one_cluster_at_similarity_one(tmp_path):
    text = (SEEDS / "001_a919f9a968849c4c.txt").read_text(encoding="utf-8")
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other.txt").write_text((SEEDS / "004_307deee32fd8fd70.txt").read_text(encoding="utf-8"), encoding="utf-8")
    table = duplicates_table(load_corpus(tmp_path))
    assert table[["cluster", "doc_id", "similarity"]].values.tolist() == [[1, "a", 1.0], [1, "b", 1.0]]
