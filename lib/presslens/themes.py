"""Themes per article from an editable lexicon, with the words and sentences behind every score.

A theme lexicon (``data/themes.yaml``) lists, for each theme, single words and multiword phrases.
Entries are lemmatised at load time with :func:`presslens.text.lemmatize_phrase`, the function that
lemmatises the text, so the file can list natural forms (*supply chains*, *customs clearance*).

Matching runs on the lemmas of :func:`presslens.text.tokens_table`. A phrase matches consecutive
tokens of one sentence, small words included (*belt and road*), by the rule that makes a phrase a
term (:func:`presslens.phrases.joined_to_next`: no punctuation between its words); longer phrases win
over the shorter ones they contain, and a word that is part of a matched phrase never also counts on
its own.

``words`` and ``phrases`` are English; a theme's ``languages`` lists its terms in other languages
(``zh: [贸易, 自由贸易区]``, ``ru: [торговля, товарооборот]``), lemmatised by that language's tools.
An article is matched against the terms of its own language only. Every
match is a row of the evidence table — article, paragraph, sentence, character offsets, surface text
and lemma — and every score is a sum over those rows:

    score = 1,000 × (sum of match weights) / (words in the unit)

A single word weighs 1 and a phrase :data:`PHRASE_WEIGHT`, because a phrase is the more specific
evidence. ``share`` is the theme's part of the unit's total score and ``rank`` orders the themes of a
unit, 1 being its main theme.

A user lexicon in the same format either extends the built-in one (the default: new ids add themes,
known ids get more words and phrases) or replaces it (``mode: replace`` at the top of the file).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
import yaml

from presslens.chunks import TokenChunks, chunks_of
from presslens.corpus import Corpus, count_words
from presslens.display import highlight_spans
from presslens.languages import language_tools
from presslens.measures import per_1000
from presslens.phrases import joined_to_next
from presslens.runs import run_bounds, run_lists
from presslens.selection import group_sizes_table
from presslens.text import lemmatize_phrase, tokens_table

if TYPE_CHECKING:
    from presslens.execution import Execution

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/themes.yaml",)

#: How much a phrase match weighs against a single-word match.
PHRASE_WEIGHT = 2.0
EVIDENCE_COLUMNS = ["doc_id", "theme", "paragraph", "sentence", "start", "end", "matched", "term", "kind", "weight"]
_THEME_ID = re.compile(r"^[a-z][a-z0-9_]*$")

Unit = Literal["article", "paragraph"]
UNITS: tuple[str, ...] = ("article", "paragraph")


@dataclass(frozen=True)
class Theme:
    """One theme: its id, label, description, and its entries as lemmas, in the order of the file."""

    id: str
    label: str
    description: str
    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    #: (language (ISO 639-1), its terms as written in the lexicon); English is ``words`` and ``phrases``.
    languages: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def entries(self, language: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """The theme's words and phrases (as lemmas) in ``language``: lemmatised when first asked for, so that a
        corpus in one language never loads the tools of the others."""
        if language == "en":
            return self.words, self.phrases
        terms = next((terms for code, terms in self.languages if code == language), ())
        return _lemmatized(self.id, terms, language)


@dataclass(frozen=True)
class Lexicon:
    """The themes, in the order of the file(s) they were read from."""

    themes: tuple[Theme, ...]
    source: str

    @property
    def ids(self) -> list[str]:
        return [theme.id for theme in self.themes]

    @property
    def labels(self) -> dict[str, str]:
        return {theme.id: theme.label for theme in self.themes}

    def __getitem__(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(f"no theme {theme_id!r} in the lexicon; themes: {', '.join(self.ids)}")


# --------------------------------------------------------------------------------------------
# The lexicon


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The built-in theme lexicon, extended or replaced by the YAML file at ``path``.

    Parameters
    ----------
    path
        A lexicon in the format of ``data/themes.yaml``. By default it extends the built-in lexicon:
        a theme with a new id is added, a theme with a known id gets its words and phrases added (and
        its label or description replaced when given). With ``mode: replace`` at the top of the file,
        its themes are the whole lexicon. ``None`` or ``""``: the built-in lexicon alone.

    Raises
    ------
    ValueError
        When the file does not exist or is not a lexicon: no ``themes`` list, a theme without a valid
        id, a new theme without words, an entry with no word in it, or one word listed under two themes.
    """
    builtin = importlib_resources.files("presslens").joinpath("data/themes.yaml").read_text("utf-8")
    entries = _read_lexicon_yaml(builtin, "the built-in lexicon")["themes"]
    source = "built-in"
    if path:
        file = Path(path).expanduser()
        if not file.is_file():
            raise ValueError(
                f"lexicon file not found: {file} — pass a YAML file in the format of "
                "presslens/data/themes.yaml, or an empty value for the built-in lexicon"
            )
        user = _read_lexicon_yaml(file.read_text("utf-8"), str(file))
        if user["mode"] == "replace":
            entries, source = user["themes"], str(file)
        else:
            entries, source = _extend_entries(entries, user["themes"]), f"built-in + {file}"
    themes = tuple(_build_theme(entry) for entry in entries)
    lexicon = Lexicon(themes=themes, source=source)
    check_entries(lexicon, "en")
    return lexicon


def _read_lexicon_yaml(text: str, where: str) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"{where} is not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list) or not data["themes"]:
        raise ValueError(f"{where} has no 'themes' list: start the file with 'themes:' followed by '- id: ...' entries")
    mode = data.get("mode", "extend")
    if mode not in ("extend", "replace"):
        raise ValueError(f"{where}: mode must be 'extend' (the default) or 'replace', not {mode!r}")
    seen = set()
    for number, entry in enumerate(data["themes"], start=1):
        theme_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(theme_id, str) or not _THEME_ID.match(theme_id):
            raise ValueError(
                f"theme #{number} in {where} has no valid id ({theme_id!r}): give every theme an 'id' of "
                "lowercase letters, digits and underscores, starting with a letter"
            )
        if theme_id in seen:
            raise ValueError(f"{where} lists the theme {theme_id!r} twice: merge the two entries")
        seen.add(theme_id)
        for key in ("words", "phrases"):
            if not isinstance(entry.get(key) or [], list):
                raise ValueError(f"theme {theme_id!r} in {where}: '{key}' must be a list, such as [export, import]")
        languages = entry.get("languages") or {}
        if not isinstance(languages, dict) or not all(isinstance(terms or [], list) for terms in languages.values()):
            raise ValueError(f"theme {theme_id!r} in {where}: 'languages' must map a language code to a list of "
                             "terms, such as {zh: [贸易, 出口], ru: [торговля, экспорт]}")
    return {"themes": data["themes"], "mode": mode}


def _extend_entries(builtin: list[dict], extra: list[dict]) -> list[dict]:
    merged = {entry["id"]: dict(entry) for entry in builtin}
    for entry in extra:
        known = merged.get(entry["id"])
        if known is None:
            merged[entry["id"]] = dict(entry)
            continue
        for key in ("label", "description"):
            if entry.get(key):
                known[key] = entry[key]
        for key in ("words", "phrases"):
            known[key] = list(known.get(key) or []) + list(entry.get(key) or [])
        languages = dict(known.get("languages") or {})
        for code, terms in (entry.get("languages") or {}).items():
            languages[code] = list(languages.get(code) or []) + list(terms or [])
        known["languages"] = languages
    return list(merged.values())


def _build_theme(entry: dict) -> Theme:
    words, phrases = _lemmatized(entry["id"], tuple(map(str, (entry.get("words") or []) + (entry.get("phrases") or []))), "en")
    if not words and not phrases:
        raise ValueError(f"theme {entry['id']!r} has no words or phrases: list at least one under 'words:'")
    languages = tuple((str(code), tuple(map(str, terms or ()))) for code, terms in (entry.get("languages") or {}).items())
    default_label = entry["id"].replace("_", " ").capitalize()
    return Theme(
        id=entry["id"],
        label=str(entry.get("label") or default_label),
        description=str(entry.get("description") or ""),
        words=words,
        phrases=phrases,
        languages=languages,
    )


@functools.lru_cache(maxsize=None)
def _lemmatized(theme_id: str, terms: tuple[str, ...], language: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Single words and phrases of a theme's entries in ``language``, as lemmas, in order and without repeats."""
    tools = language_tools(language)
    words, phrases = {}, {}  # dicts keep the file's order and drop repeats
    for raw in terms:
        lemmas = tuple(lemmatize_phrase(str(raw), tools).split())
        if not lemmas:
            raise ValueError(f"theme {theme_id!r}: the entry {raw!r} contains no word; remove it")
        if len(lemmas) == 1:
            words[lemmas[0]] = None
        else:
            phrases[lemmas] = None
    return tuple(words), tuple(phrases)


@functools.lru_cache(maxsize=64)
def check_entries(lexicon: Lexicon, language: str) -> None:
    """Refuse a lexicon whose terms in ``language`` put one lemma or phrase under two themes (checked for
    English when the lexicon loads, for another language when its articles are first matched)."""
    owner: dict[str | tuple[str, ...], str] = {}
    for theme in lexicon.themes:
        words, phrases = theme.entries(language)
        for entry in [*words, *phrases]:
            if owner.setdefault(entry, theme.id) != theme.id:
                shown = entry if isinstance(entry, str) else " ".join(entry)
                raise ValueError(
                    f"'{shown}' is listed under two themes, {owner[entry]!r} and {theme.id!r} (language {language}): "
                    "keep it in one, so that one word never counts for two themes"
                )


def lexicon_table(lexicon: Lexicon) -> pd.DataFrame:
    """One row per theme: ``theme, label, description, n_words, n_phrases, examples`` (its first entries)."""
    rows = [
        (
            theme.id, theme.label, theme.description, len(theme.words), len(theme.phrases),
            ", ".join([*theme.words[:5], *(" ".join(phrase) for phrase in theme.phrases[:2])]),
        )
        for theme in lexicon.themes
    ]
    return pd.DataFrame(rows, columns=["theme", "label", "description", "n_words", "n_phrases", "examples"])


# --------------------------------------------------------------------------------------------
# Matching: the evidence table


def match_themes(corpus: Corpus, lexicon: Lexicon | None = None, *,
                 tokens: pd.DataFrame | TokenChunks | None = None) -> pd.DataFrame:
    """Every lexicon match in the corpus, one row each — the provenance of every theme score.

    Columns: ``doc_id, theme, paragraph, sentence, start, end, matched, term, kind, weight``.
    ``start`` and ``end`` are character offsets into the article's text, ``matched`` the surface text
    there, ``term`` the lexicon entry as lemmas, ``kind`` ``word`` or ``phrase``.

    Parameters
    ----------
    corpus
        The loaded articles.
    lexicon
        Themes to match (default: the built-in lexicon).
    tokens
        The corpus's :func:`~presslens.text.tokens_table` or :func:`~presslens.chunks.token_chunks`, when
        already computed.
    """
    lexicon = lexicon or load_lexicon()
    tokens = tokens_table(corpus) if tokens is None else tokens
    texts = {article.doc_id: article.text for article in corpus}
    languages = pd.Series({article.doc_id: article.language for article in corpus}, dtype=object)
    parts = [part for chunk in chunks_of(tokens) if len(chunk) for part in _language_matches(chunk, lexicon, texts, languages)]
    if not parts:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    evidence = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return evidence.sort_values(["doc_id", "start"], ignore_index=True)[EVIDENCE_COLUMNS]


def _language_matches(tokens: pd.DataFrame, lexicon: Lexicon, texts: dict[str, str], languages: pd.Series) -> list[pd.DataFrame]:
    """The matches of a chunk of tokens, the articles of each language against that language's terms."""
    of_token = tokens["doc_id"].map(languages) if languages.nunique() > 1 else None
    if of_token is None:
        return [_matches(tokens, lexicon, texts, languages.iloc[0] if len(languages) else "en")]
    return [_matches(tokens[(of_token == code).to_numpy()].reset_index(drop=True), lexicon, texts, code)
            for code in pd.unique(of_token)]


def _matches(tokens: pd.DataFrame, lexicon: Lexicon, texts: dict[str, str], language: str) -> pd.DataFrame:
    """The lexicon matches of :func:`match_themes` in ``tokens`` of articles in ``language``."""
    # Lemmas as codes into their vocabulary: the text of a token is only made where a match needs it.
    check_entries(lexicon, language)
    codes, vocabulary = pd.factorize(tokens["lemma"])
    vocabulary = np.asarray(vocabulary, dtype=object)
    joined = joined_to_next(tokens, codes, vocabulary)
    claimed = np.zeros(len(tokens), dtype=bool)
    phrase_starts, phrase_ends, phrase_terms, phrase_themes = [], [], [], []
    entries = {theme.id: theme.entries(language) for theme in lexicon.themes}

    # Phrases first, longest first; within one length, the earlier match wins an overlap.
    phrase_theme = {" ".join(phrase): theme_id for theme_id, (_, phrases) in entries.items() for phrase in phrases}
    for length in sorted({term.count(" ") + 1 for term in phrase_theme}, reverse=True):
        of_length = {term: theme_id for term, theme_id in phrase_theme.items() if term.count(" ") + 1 == length}
        first_words = pd.Index(vocabulary).get_indexer(list({term.split(" ", 1)[0] for term in of_length}))
        starts = np.flatnonzero(np.isin(codes[: max(len(codes) - length + 1, 0)], first_words[first_words >= 0]))
        # A phrase's words follow each other as a term's do: in one sentence, nothing but a space between.
        adjacent = np.ones(len(starts), dtype=bool)
        for offset in range(length - 1):
            adjacent &= joined[starts + offset]
        starts = starts[adjacent]
        text = vocabulary[codes[starts]]
        for offset in range(1, length):
            text = text + " " + vocabulary[codes[starts + offset]]
        hits = pd.Series(text).isin(of_length).to_numpy()
        for start, term in zip(starts[hits], text[hits]):
            if not claimed[start: start + length].any():
                claimed[start: start + length] = True
                phrase_starts.append(start)
                phrase_ends.append(start + length - 1)
                phrase_terms.append(term)
                phrase_themes.append(of_length[term])

    word_theme = pd.Series({word: theme_id for theme_id, (words, _) in entries.items() for word in words}, dtype=object)
    word_themes = pd.Series(vocabulary).map(word_theme).to_numpy(dtype=object)[codes]
    words = np.flatnonzero(pd.notna(word_themes) & ~claimed)

    first = np.concatenate([np.asarray(phrase_starts, dtype=np.int64), words])
    last = np.concatenate([np.asarray(phrase_ends, dtype=np.int64), words])
    is_phrase = np.arange(len(first)) < len(phrase_starts)
    evidence = pd.DataFrame({
        "doc_id": tokens["doc_id"].take(first).to_numpy(dtype=object),
        "theme": np.concatenate([np.asarray(phrase_themes, dtype=object), word_themes[words]]),
        "paragraph": tokens["paragraph"].to_numpy()[first],
        "sentence": tokens["sentence"].to_numpy()[first],
        "start": tokens["start"].to_numpy()[first],
        "end": tokens["end"].to_numpy()[last],
        "term": np.concatenate([np.asarray(phrase_terms, dtype=object), vocabulary[codes[words]]]),
        "kind": np.where(is_phrase, "phrase", "word"),
        "weight": np.where(is_phrase, PHRASE_WEIGHT, 1.0),
    })
    evidence["matched"] = [texts[d][s:e] for d, s, e in zip(evidence["doc_id"], evidence["start"], evidence["end"])]
    return evidence


# --------------------------------------------------------------------------------------------
# Scoring


def score_themes(
    corpus: Corpus,
    evidence: pd.DataFrame,
    *,
    unit: Unit = "article",
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Theme scores per article or per paragraph, from the evidence of :func:`match_themes`.

    One row per unit and matched theme: ``doc_id`` (and ``paragraph``), ``title, theme, label, score,
    share, rank, n_matches, n_words, matched_terms``. ``score`` is weighted matches per 1,000 words,
    ``share`` the theme's part of the unit's total score, ``rank`` 1 for the unit's main theme (ties:
    more matches first, then lexicon order). ``matched_terms`` lists the terms that made the score,
    most frequent first (``term ×count``). Units without any match have no rows.

    Scores do not depend on the rest of the corpus: an article scores the same alone or among
    thousands, so scores of different corpora can be compared.

    Raises
    ------
    ValueError
        When ``unit`` is not ``article`` or ``paragraph``.
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}: use 'article' (one score per article) or 'paragraph'")
    lexicon = lexicon or load_lexicon()
    keys = ["doc_id"] if unit == "article" else ["doc_id", "paragraph"]
    columns = [*keys, "title", "theme", "label", "score", "share", "rank", "n_matches", "n_words", "matched_terms"]
    if evidence.empty:
        return pd.DataFrame(columns=columns)
    terms = (
        evidence.groupby([*keys, "theme", "term"], sort=False).size().rename("count").reset_index()
        .sort_values([*keys, "theme", "count", "term"], ascending=[True] * (len(keys) + 1) + [False, True])
    )
    terms["item"] = terms["term"] + " ×" + terms["count"].astype(str)
    scores = (
        evidence.groupby([*keys, "theme"], sort=False)
        .agg(weight=("weight", "sum"), n_matches=("weight", "size"))
        .reset_index()
        .merge(terms.groupby([*keys, "theme"], sort=False)["item"].agg(", ".join).rename("matched_terms").reset_index())
        .merge(_unit_sizes(corpus, unit), on=keys)
    )
    scores["score"] = per_1000(scores["weight"], scores["n_words"])
    scores["share"] = scores["score"] / scores.groupby(keys)["score"].transform("sum")
    scores["order"] = scores["theme"].map({theme_id: position for position, theme_id in enumerate(lexicon.ids)})
    scores = scores.sort_values(
        [*keys, "score", "n_matches", "order"], ascending=[True] * len(keys) + [False, False, True], ignore_index=True
    )
    scores["rank"] = scores.groupby(keys).cumcount() + 1
    scores["label"] = scores["theme"].map(lexicon.labels).fillna(scores["theme"])
    return scores[columns]


def _unit_sizes(corpus: Corpus, unit: Unit) -> pd.DataFrame:
    """Words per article or per paragraph (the denominators of the scores), with the article's title."""
    if unit == "article":
        return pd.DataFrame([(a.doc_id, a.title, a.n_words) for a in corpus], columns=["doc_id", "title", "n_words"])
    rows = [(a.doc_id, number, a.title, count_words(text)) for a in corpus for number, text in enumerate(a.paragraphs)]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "title", "n_words"])


def top_themes(scores: pd.DataFrame, *, top_n: int = 3) -> pd.DataFrame:
    """The ``top_n`` themes of each unit, one row per unit: ``doc_id`` (``paragraph``), ``title, theme_1, theme_2, …``."""
    keys = [column for column in ("doc_id", "paragraph", "title") if column in scores.columns]
    top = scores[scores["rank"] <= top_n]
    wide = top.pivot_table(index=keys, columns="rank", values="theme", aggfunc="first")
    wide.columns = [f"theme_{rank}" for rank in wide.columns]
    return wide.reset_index().fillna("")


def themes_table(corpus: Corpus, *, execution: Execution | None = None) -> pd.DataFrame:
    """The export table: theme scores per article with the matched terms.

    Columns: ``doc_id, theme, score, rank, share, n_matches, matched_terms``.
    """
    lexicon = load_lexicon()
    evidence = match_themes(corpus, lexicon, tokens=tokens_table(corpus, execution=execution))
    scores = score_themes(corpus, evidence, lexicon=lexicon)
    return scores[["doc_id", "theme", "score", "rank", "share", "n_matches", "matched_terms"]]


# --------------------------------------------------------------------------------------------
# Evidence sentences


def group_theme_shares(corpus: Corpus, scores: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Theme scores of groups of articles (per 1,000 words of all the group's articles), in the columns of
    :func:`score_themes` with the group as ``doc_id`` and a ``title`` saying how many articles it holds."""
    per_article = scores.assign(group=scores["doc_id"].astype(str).map(groups), weight=scores["score"] * scores["n_words"] / 1000)
    sizes = group_sizes_table(corpus, groups).set_index("group")
    table = per_article.groupby(["group", "theme", "label"], sort=False)["weight"].sum().reset_index()
    table["score"] = per_1000(table["weight"], table["group"].map(sizes["n_words"]))
    table["share"] = table["score"] / table.groupby("group")["score"].transform("sum")
    table["title"] = table["group"] + " (" + table["group"].map(sizes["n_articles"]).astype(str) + " articles)"
    return table.rename(columns={"group": "doc_id"}).sort_values(["doc_id", "score"], ascending=[True, False], ignore_index=True)


def evidence_sentences(corpus: Corpus, evidence: pd.DataFrame, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every sentence that matched a theme, with the article's score and rank for that theme.

    One row per (article, theme, sentence), themes in rank order, sentences in reading order:
    ``doc_id, title, rank, theme, label, score, sentence, n_matches, matched, text, html``. ``html`` is
    the sentence with the theme's matched words in bold, every piece of article text HTML-escaped.
    """
    columns = ["doc_id", "title", "rank", "theme", "label", "score", "sentence", "n_matches", "matched", "text", "html"]
    if evidence.empty:
        return pd.DataFrame(columns=columns)
    scores = score_themes(corpus, evidence, lexicon=lexicon)[["doc_id", "title", "rank", "theme", "label", "score"]]
    keys = ["doc_id", "title", "rank", "theme", "label", "score", "sentence"]
    rows = evidence.merge(scores, on=["doc_id", "theme"]).sort_values(keys, kind="stable", ignore_index=True)
    bounds = run_bounds(rows, keys)
    sentences = rows.loc[bounds[:-1], keys].reset_index(drop=True)
    sentences["n_matches"] = np.diff(bounds)
    sentences["matched"] = [", ".join(matched) for matched in run_lists(rows["matched"], bounds)]
    articles = {article.doc_id: article for article in corpus}
    texts, htmls = [], []
    spans = zip(run_lists(rows["start"], bounds), run_lists(rows["end"], bounds))
    for (doc_id, number), (starts, ends) in zip(sentences[["doc_id", "sentence"]].itertuples(index=False), spans):
        article = articles[doc_id]
        _, first, last = article.sentence_spans[number]
        texts.append(article.text[first:last])
        htmls.append(highlight_spans(texts[-1], [(start - first, end - first) for start, end in zip(starts, ends)]))
    return sentences.assign(text=texts, html=htmls)[columns]


def theme_articles(scores: pd.DataFrame, theme: str) -> pd.DataFrame:
    """The units of ``scores`` (a :func:`score_themes` table) that develop ``theme``, highest score first."""
    keys = [column for column in ("doc_id", "paragraph") if column in scores.columns]
    chosen = scores[scores["theme"] == theme]
    columns = [*keys, "title", "score", "share", "rank", "n_matches", "matched_terms"]
    return chosen.sort_values(["score", *keys], ascending=[False] + [True] * len(keys), ignore_index=True)[columns]


def theme_sentences(sentences: pd.DataFrame, theme: str) -> pd.DataFrame:
    """The :func:`evidence_sentences` of one theme: highest-scoring article first, sentences in reading order."""
    chosen = sentences[sentences["theme"] == theme]
    return chosen.sort_values(["score", "doc_id", "sentence"], ascending=[False, True, True], ignore_index=True)
