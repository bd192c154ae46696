"""presslens: read a corpus of news articles three ways — topic frequency, actor co-occurrence, themes.

The public grammar follows the pipeline; every name below is importable from ``presslens``::

    corpus   = load_corpus("articles/")                  # Corpus of Articles
    tokens   = tokens_table(corpus)                      # one row per word
    counts   = document_terms_table(merge_phrases(tokens, find_phrases(tokens)))
    tokens   = token_chunks(corpus, execution=run)       # the same, read a chunk of articles at a time,
    counts   = document_terms_table(term_counts(tokens, find_phrases(tokens)))  # for corpora too large to hold
    mentions = mentions_table(corpus)                    # one row per actor mention
    quotes   = quotes_table(corpus, mentions=mentions)   # one row per quotation, its speaker in the cast
    pairs    = cooccurrence_table(corpus, mentions)
    scores   = score_themes(corpus, match_themes(corpus, tokens=tokens))
    plot_top_terms(frequency_table(tokens))              # plot_* draw any of these tables

Tables are pandas DataFrames keyed by ``doc_id``. A function that reads the articles (their text, dates or
sizes) takes the corpus first; one computed from a table alone takes that table first. An :class:`Execution` (a cache folder, worker
processes, a Dask cluster) computes the per-article tables once: ``Execution(cache_dir=...).table(
tokens_table, corpus)``.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

#: Public name -> the module that defines it. Imported on first use, so ``import presslens`` stays light.
_PUBLIC = {
    "presslens.corpus": [
        "Article", "Columns", "Corpus", "CorpusNotFound", "article_from_text", "load_corpus", "articles_table", "article_periods", "files_table", "languages_table",
        "notices_table", "paragraphs_table", "removal_counts", "removals_table", "sentences_table", "skipped_table",
    ],
    "presslens.execution": ["Execution"],
    "presslens.languages": ["detect_language", "language_tools"],
    "presslens.text": ["tokens_table", "content_tokens"],
    "presslens.chunks": ["token_chunks", "remembered"],
    "presslens.phrases": ["collocations_table", "find_phrases", "merge_phrases"],
    "presslens.counts": ["term_counts", "TermCounts"],
    "presslens.frequency": [
        "corpus_terms_table", "document_terms_table", "frequency_table", "top_terms_table", "tfidf_table",
        "count_terms", "term_counts_table",  # former names
    ],
    "presslens.keyness": ["keyness_table", "group_keyness_table"],
    "presslens.patterns": ["kwic", "dispersion_table", "pattern_trend_table", "trend_table"],  # trend_table: former name
    "presslens.actors": [
        "load_gazetteer", "mentions_table", "actors_table", "corpus_actors", "load_corrections", "corrections_table",
        "suggest_corrections", "group_cast_table", "distinctive_actors_table",
    ],
    "presslens.quotes": ["quotes_table", "top_speakers", "voice_shares", "unnamed_sources", "group_quotes", "actor_quotes"],
    "presslens.duplicates": ["duplicates_table", "dedupe_corpus"],
    "presslens.trends": ["trends_table"],
    "presslens.selection": ["load_subcorpus", "subcorpus", "article_groups", "grouping_table", "group_sizes_table"],
    "presslens.cooccurrence": [
        "cooccurrence_table", "cooccurrence_evidence", "cooccurrence_matrix", "actor_neighbours", "actor_evidence",
        "check_window", "check_measure", "measure_column",
    ],
    "presslens.network": ["build_network", "centrality_table", "layout_network", "write_network"],
    "presslens.lexicon": ["load_lexicon", "lexicon_table"],
    "presslens.themes": [
        "match_themes", "score_themes", "top_themes", "themes_table",
        "evidence_sentences", "theme_articles", "theme_sentences", "group_theme_shares",
    ],
    "presslens.topics": ["fit_topics", "align_topics"],
    "presslens.profile": ["article_profile", "key_sentences_table"],
    "presslens.spelling": ["spelling_of", "spelling_table", "written_terms"],
    "presslens.plots": ["setup_notebook"],
    "presslens.plots.corpus": ["plot_article_lengths"],
    "presslens.plots.frequency": [
        "plot_top_terms", "plot_term_heatmap", "plot_tfidf", "plot_keyness", "plot_dispersion", "plot_pattern_trend",
        "plot_trend",  # former name
    ],
    "presslens.plots.network": ["plot_top_actors", "plot_actor_network", "plot_cooccurrence_heatmap"],
    "presslens.plots.themes": [
        "plot_theme_heatmap", "plot_theme_shares", "plot_topic_terms", "plot_topic_weights", "plot_topic_alignment",
    ],
    "presslens.plots.trends": ["plot_trends"],
    "presslens.plots.voices": ["plot_top_speakers", "plot_voice_shares", "plot_unnamed_sources", "plot_group_voices"],
    "presslens.display": ["show_table", "show_article_header", "show_evidence"],
    "presslens.widgets": ["explore_kwic", "explore_actor", "explore_theme", "explore_window"],
    "presslens.export": ["export_table", "write_table"],
    "presslens.report": ["run_report"],
    "presslens.resources": ["require_nltk_data"],
}
_MODULE_OF = {name: module for module, names in _PUBLIC.items() for name in names}
__all__ = ["__version__", *_MODULE_OF]


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'presslens' has no attribute {name!r}")
    value = getattr(importlib.import_module(_MODULE_OF[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
