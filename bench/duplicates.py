"""Copies of one story on a real corpus: every pair of identical articles must be in one cluster.

    python bench/duplicates.py [CORPUS]          (default ../shared/corpora/bbc)

Prints the clusters found, the pairs of identical texts (by hash) and how many of them share a
cluster, and the seconds of ``duplicates_table`` beside the seconds of loading the corpus.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import defaultdict
from pathlib import Path

from presslens.corpus import load_corpus
from presslens.duplicates import duplicates_table

corpus_path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
started = time.perf_counter()
corpus = load_corpus(corpus_path)
loaded = time.perf_counter() - started
started = time.perf_counter()
table = duplicates_table(corpus)
seconds = time.perf_counter() - started
identical = defaultdict(list)
for article in corpus:
    identical[hashlib.sha1(article.text.encode("utf-8")).hexdigest()].append(article.doc_id)
cluster_of = dict(zip(table["doc_id"], table["cluster"]))
pairs = [(first, second) for group in identical.values() for i, first in enumerate(group) for second in group[i + 1:]]
found = [pair for pair in pairs if pair[0] in cluster_of and cluster_of.get(pair[0]) == cluster_of.get(pair[1])]
print(f"{len(corpus):,} articles loaded in {loaded:.1f} s; duplicates_table in {seconds:.1f} s")
print(f"{table['cluster'].nunique():,} clusters of {len(table):,} articles; lowest similarity {table['similarity'].min():.2f}")
print(f"identical pairs: {len(pairs)}, in one cluster: {len(found)} ({len(found) / max(len(pairs), 1):.0%})")
