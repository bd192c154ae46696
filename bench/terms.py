"""Speed of the term pipeline (`presslens export terms`) on a corpus: words per second, loading included.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/terms.py --corpus ../shared/corpora/bbc

Times each step in one process — loading, tokens, phrases (collocations and known expressions),
merging, counts with TF-IDF — and prints the seconds of each step, then one line with the words,
the total seconds and the words per second.
"""

from __future__ import annotations

import argparse
import time

from presslens.corpus import load_corpus
from presslens.frequency import document_terms_table
from presslens.phrases import find_phrases, merge_phrases
from presslens.text import tokens_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpora/bbc")
    args = parser.parse_args()

    started = time.perf_counter()
    steps = {}

    def step(name, build, *inputs, **options):
        begun = time.perf_counter()
        result = build(*inputs, **options)
        steps[name] = time.perf_counter() - begun
        return result

    corpus = step("load", load_corpus, args.corpus, progress=False)
    tokens = step("tokens", tokens_table, corpus)
    phrases = step("phrases", find_phrases, tokens)
    terms = step("merge", merge_phrases, tokens, phrases)
    table = step("count", document_terms_table, terms)
    seconds = time.perf_counter() - started

    words = sum(article.n_words for article in corpus)
    print("  ".join(f"{name} {value:.1f} s" for name, value in steps.items()))
    print(f"{len(corpus):,} articles, {len(phrases):,} phrases, {len(table):,} article-term rows")
    print(f"terms: {words:,} words in {seconds:.1f} s = {words / seconds:,.0f} words/s")


if __name__ == "__main__":
    main()
