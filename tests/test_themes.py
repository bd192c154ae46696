"""Themes: the lexicon file, matching with provenance, scores per 1,000 words, evidence, figures, export."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from conftest import SEEDS
from presslens.cli import main
from presslens.corpus import articles_table, load_corpus
from presslens.plots.themes import plot_theme_heatmap, plot_theme_shares
from presslens.display import highlight_spans, show_evidence
from presslens.lexicon import load_lexicon
from presslens.themes import evidence_sentences, match_themes, score_themes, theme_articles, theme_sentences

REQUIRED_THEMES = {
    "trade", "investment_finance", "industry_manufacturing", "energy_resources", "transport_logistics",
    "digital_technology", "agriculture_food", "tourism_culture", "diplomacy", "health_pandemic",
    "regional_development",
}


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def evidence(seed_corpus, lexicon):
    return match_themes(seed_corpus, lexicon)


@pytest.fixture(scope="module")
def scores(seed_corpus, evidence, lexicon):
    return score_themes(seed_corpus, evidence, lexicon=lexicon)


def _top3(scores: pd.DataFrame, doc_id: str) -> list[str]:
    return scores[(scores["doc_id"] == doc_id) & (scores["rank"] <= 3)].sort_values("rank")["theme"].tolist()


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# The lexicon


def test_builtin_lexicon_has_the_required_themes_with_labels_and_descriptions(lexicon):
    assert REQUIRED_THEMES <= set(lexicon.ids)
    for theme in lexicon.themes:
        assert theme.label and theme.description and theme.words


def test_entries_are_lemmatised_like_the_text(lexicon):
    assert ("customs", "clearance") in lexicon["trade"].phrases  # written "customs clearance"
    assert ("internet", "of", "thing") in lexicon["digital_technology"].phrases  # written "internet of things"
    assert ("diplomatic", "relation") in lexicon["diplomacy"].phrases  # written "diplomatic relations"


def test_ambiguous_words_count_only_inside_phrases(lexicon):
    all_words = set().union(*(theme.words for theme in lexicon.themes))
    assert not {"defence", "talk", "train", "drug", "virus", "seed", "president"} & all_words
    assert ("peace", "talk") in lexicon["security_defense"].phrases


def test_a_user_file_extends_the_builtin_lexicon_by_default(tmp_path):
    user = _write(tmp_path / "extra.yaml", """themes:
  - id: education_science
    label: Education and science
    words: [universities, scientists]
  - id: trade
    phrases: [trade promotion activities]
""")
    lexicon = load_lexicon(user)
    assert REQUIRED_THEMES <= set(lexicon.ids)
    assert lexicon["education_science"].words == ("university", "scientist")
    assert ("trade", "promotion", "activity") in lexicon["trade"].phrases
    assert "export" in lexicon["trade"].words and lexicon["trade"].label == "Trade"


def test_mode_replace_uses_the_user_themes_alone(tmp_path, seed_corpus):
    user = _write(tmp_path / "mine.yaml", """mode: replace
themes:
  - id: far_east
    label: Russian Far East
    phrases: [Far East, Primorsky Krai]
""")
    lexicon = load_lexicon(user)
    assert lexicon.ids == ["far_east"]
    scores = score_themes(seed_corpus, match_themes(seed_corpus, lexicon), lexicon=lexicon)
    assert set(scores["doc_id"]) == {"002_e59db8fb69f41bb6", "004_307deee32fd8fd70"}


@pytest.mark.parametrize("content, message", [
    ("themes:\n  - label: No id\n    words: [x]\n", "has no valid id"),
    ("themes:\n  - id: Bad-Id\n    words: [x]\n", "has no valid id"),
    ("words: [trade]\n", "no 'themes' list"),
    ("mode: merge\nthemes:\n  - id: x\n    words: [y]\n", "mode must be 'extend'"),
    ("themes:\n  - id: shipping\n    words: [tariff]\n", "listed under two themes, 'trade' and 'shipping'"),
    ("themes:\n  - id: empty_theme\n    label: Empty\n", "has no words or phrases"),
    ("themes:\n  - id: ports\n    words: harbour\n", "'words' must be a list"),
    ("mode: replace\nthemes:\n  - id: ports\n    words: [port]\n  - id: ports\n    words: [dock]\n", "lists the theme 'ports' twice"),
])
def test_a_bad_lexicon_file_is_refused_with_what_to_do(tmp_path, content, message):
    with pytest.raises(ValueError, match=message):
        load_lexicon(_write(tmp_path / "bad.yaml", content))


def test_a_missing_lexicon_file_is_refused(tmp_path):
    with pytest.raises(ValueError, match="lexicon file not found.*empty value for the built-in lexicon"):
        load_lexicon(tmp_path / "nowhere.yaml")


# --------------------------------------------------------------------------------------------
# Matching: the evidence table


def test_every_match_points_at_its_text_and_sentence(seed_corpus, evidence):
    assert len(evidence) > 100
    for row in evidence.itertuples():
        article = seed_corpus[row.doc_id]
        assert article.text[row.start:row.end] == row.matched
        paragraph, first, last = article.sentence_spans[row.sentence]
        assert paragraph == row.paragraph and first <= row.start < row.end <= last


def test_longest_phrase_wins_and_its_words_do_not_count_again(evidence):
    article = evidence[evidence["doc_id"] == "004_307deee32fd8fd70"]
    long_phrase = article[article["term"] == "comprehensive strategic partnership of coordination for a new era"]
    assert len(long_phrase) == 1 and long_phrase["kind"].item() == "phrase"
    assert long_phrase["matched"].item() == "comprehensive strategic partnership of coordination for a new era"
    assert not (article["term"] == "strategic partnership").any()
    # No match lies inside another one, anywhere in the corpus.
    for _, matches in evidence.groupby("doc_id"):
        ordered = matches.sort_values("start")
        assert (ordered["start"].to_numpy()[1:] >= ordered["end"].to_numpy()[:-1]).all()


def test_phrases_match_stopwords_inside_but_never_across_sentences(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    _write(corpus_dir / "a.txt", "Title\n\nThe Belt and Road grows. Officials checked the supply. Chain stores opened.\n")
    corpus = load_corpus(corpus_dir)
    found = match_themes(corpus)
    assert found[["matched", "term", "theme"]].values.tolist() == [["Belt and Road", "belt and road", "diplomacy"]]


# --------------------------------------------------------------------------------------------
# Scores


def test_every_score_is_its_evidence_per_1000_words(seed_corpus, evidence, scores):
    words = articles_table(seed_corpus).set_index("doc_id")["n_words"]
    weights = evidence.groupby(["doc_id", "theme"])["weight"].sum()
    for row in scores.itertuples():
        assert row.score == pytest.approx(1000 * weights[(row.doc_id, row.theme)] / words[row.doc_id])
        assert row.n_words == words[row.doc_id]
    assert scores.groupby("doc_id")["share"].sum().to_numpy() == pytest.approx(1.0)
    for _, article in scores.groupby("doc_id"):
        assert article["rank"].tolist() == list(range(1, len(article) + 1))
        assert article["score"].is_monotonic_decreasing


def test_paragraph_scores_add_up_to_the_article(seed_corpus, evidence, scores):
    by_paragraph = score_themes(seed_corpus, evidence, unit="paragraph")
    weights = (by_paragraph["score"] * by_paragraph["n_words"] / 1000).groupby(by_paragraph["doc_id"]).sum()
    article_weights = (scores["score"] * scores["n_words"] / 1000).groupby(scores["doc_id"]).sum()
    pd.testing.assert_series_equal(weights, article_weights)
    assert by_paragraph.groupby(["doc_id", "paragraph"])["share"].sum().to_numpy() == pytest.approx(1.0)


def test_unknown_unit_is_refused(seed_corpus, evidence):
    with pytest.raises(ValueError, match="unknown unit 'sentence'.*'article'.*'paragraph'"):
        score_themes(seed_corpus, evidence, unit="sentence")


def test_industrial_investment_forum_is_about_industry_and_investment(scores):
    """000: a forum session titled "Industrial Investment" — the auto industry, supply chains, industrial
    transformation, investment and financing mechanisms, PPP; a bonded zone and cross-border e-commerce
    come third. A careful reader puts industry and investment first."""
    assert _top3(scores, "000_be66cc4f6408135f")[:2] == ["industry_manufacturing", "investment_finance"]


def test_seminar_on_cooperation_after_covid_is_about_diplomacy_and_the_pandemic(scores):
    """001: a CASS–Eurasian Economic Union seminar; trade volume held up despite COVID-19, the strategic
    partnership faces tasks in the post-COVID era, synergy with the Belt and Road. Its top three are
    trade (the EAEU, trade volume), diplomacy and the pandemic."""
    assert set(_top3(scores, "001_a919f9a968849c4c")) == {"trade", "diplomacy", "health_pandemic"}


def test_local_cooperation_article_is_about_regional_development_first(scores):
    """002: "China, Russia to cement bilateral ties through local cooperation" — sub-national cooperation,
    the Far East, governors of Primorsky Krai, Jiangsu province; then XCMG machinery and industrial
    cooperation. Regional development is the main theme, industry among the top three."""
    top = _top3(scores, "002_e59db8fb69f41bb6")
    assert top[0] == "regional_development" and "industry_manufacturing" in top


def test_central_asia_industrial_internet_article_has_digital_technology_in_its_top_three(scores):
    """003 (from the issue): industrial and investment cooperation with Central Asia, told through the
    industrial internet, AI, big data and the digital Silk Road."""
    top = _top3(scores, "003_f6417c26bc500f79")
    assert "digital_technology" in top and "industry_manufacturing" in top


def test_localities_and_trade_expo_article_has_trade_in_its_top_three(scores):
    """004 (from the issue): a China-Russia trade expo during Putin's state visit, cooperation among
    localities, Northeast China and the Russian Far East: trade, regional development and diplomacy."""
    assert set(_top3(scores, "004_307deee32fd8fd70")) == {"trade", "regional_development", "diplomacy"}


# --------------------------------------------------------------------------------------------
# Evidence sentences


def test_highlight_escapes_the_text_before_marking_matches():
    html = highlight_spans("<i>Tariffs</i> & trade", [(3, 10), (17, 22)])
    assert html == "&lt;i&gt;<b>Tariffs</b>&lt;/i&gt; &amp; <b>trade</b>"


def test_evidence_sentences_cover_every_match_with_bold_words(seed_corpus, evidence):
    sentences = evidence_sentences(seed_corpus, evidence)
    assert sentences["n_matches"].sum() == len(evidence)
    expo = sentences[(sentences["doc_id"] == "004_307deee32fd8fd70") & (sentences["theme"] == "trade")]
    assert expo["rank"].unique().tolist() == [2]
    assert any("<b>bilateral trade</b>" in highlight_spans(text, spans) for text, spans in zip(expo["text"], expo["spans"]))


def test_article_text_is_never_injected_into_the_evidence_html(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    _write(corpus_dir / "a.txt", "<b>Title</b>\n\nExports <script>alert('x')</script> rose & tariffs fell.\n")
    corpus = load_corpus(corpus_dir)
    html = show_evidence(evidence_sentences(corpus, match_themes(corpus))).data
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in html
    assert "<b>Exports</b>" in html and "<b>tariffs</b>" in html


# --------------------------------------------------------------------------------------------
# Figures, export, report


def test_heatmap_uses_short_labels_and_hovers_the_full_title(seed_corpus, scores):
    long_ids = scores.assign(doc_id="newspapers/2024/economy/" + scores["doc_id"])
    figure = plot_theme_heatmap(long_ids)
    assert isinstance(figure, go.Figure)
    heatmap = figure.data[0]
    assert all(len(label) == 28 and label.endswith("…") for label in heatmap.y)
    hovers = {(row[0][0], row[0][4]) for row in heatmap.customdata}
    assert (seed_corpus["004_307deee32fd8fd70"].title, "newspapers/2024/economy/004_307deee32fd8fd70") in hovers
    assert "Trade" in heatmap.x and heatmap.z.max() == pytest.approx(scores["score"].max())
    tagged = plot_theme_heatmap(scores.assign(title="<img src=x onerror=alert(1)>")).data[0]
    assert {row[0][0] for row in tagged.customdata} == {"&lt;img src=x onerror=alert(1)&gt;"}


def test_shares_stack_to_one_per_article(scores):
    figure = plot_theme_shares(scores, max_themes=4)
    totals = pd.DataFrame([trace.x for trace in figure.data]).sum()
    assert totals.to_numpy() == pytest.approx(1.0)
    assert figure.data[-1].name == "Other themes" and len(figure.data) == 5


def test_export_themes_has_scores_ranks_and_matched_terms(tmp_path):
    out = tmp_path / "themes.csv"
    assert main(["export", "themes", "--corpus", str(SEEDS), "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert {"doc_id", "theme", "score", "rank", "matched_terms"} <= set(table.columns)
    top = table[(table["doc_id"] == "003_f6417c26bc500f79") & (table["rank"] == 1)]
    assert top["theme"].item() == "digital_technology" and "industrial internet ×6" in top["matched_terms"].item()


def test_themes_report_shows_scores_with_their_evidence(report_dir):
    record = {run["name"]: run for run in json.loads((report_dir / "run.json").read_text())["notebooks"]}
    assert record["04_themes"]["status"] == "ok"
    page = (report_dir / "html" / "04_themes.html").read_text()
    assert "<b>industrial internet</b>" in page and "<b>bilateral trade</b>" in page
    assert "per 1,000 words" in page and "matched_terms" in page


def test_one_theme_across_the_corpus(seed_corpus, evidence, scores, lexicon):
    articles = theme_articles(scores, "trade")
    assert len(articles) == (scores["theme"] == "trade").sum() and articles["score"].is_monotonic_decreasing
    sentences = theme_sentences(evidence_sentences(seed_corpus, evidence, lexicon=lexicon), "trade")
    assert set(sentences["theme"]) == {"trade"}
    assert list(dict.fromkeys(sentences["doc_id"])) == list(articles["doc_id"])
