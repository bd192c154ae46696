"""Quotations on small articles written for these tests: each form, speakers resolved to the cast."""

from __future__ import annotations

import dataclasses
import unicodedata

import pandas as pd
import pytest

from presslens.corpus import Corpus, article_from_text
from presslens.quotes import QUOTE_COLUMNS, find_quotations, quotes_table
from presslens.quotes.marks import quoted_ranges
from presslens.quotes.sequences import text_paragraphs

ENGLISH = (
    "Pipeline talks resume in Astana\n\n"
    "\"Nobody expected the talks to last this long.\"\n\n"
    "Anna Petrova, the foreign minister, arrived in Astana on Monday for a third round of talks on the Steppe pipeline. "
    "\"We will sign the agreement this week,\" Petrova told reporters at the airport.\n\n"
    "\"We will,\" she said, \"keep going until the last section of the pipeline is finished.\"\n\n"
    "Officials said the talks had stalled over the price of transit.\n\n"
    "According to the Kazakh Energy Ministry, gas deliveries through the pipeline will double by 2027.\n\n"
    "Petrova said the two governments had agreed on a schedule for the construction."
)


def _corpus(*articles) -> Corpus:
    return Corpus(root="fixtures", articles=list(articles))


@pytest.fixture(scope="module")
def english_quotes():
    article = article_from_text("talks", "talks.txt", ENGLISH)
    return article, quotes_table(_corpus(article))


def _row(quotes: pd.DataFrame, words: str) -> pd.Series:
    rows = quotes[quotes["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1, f"{words!r} in {len(rows)} quotations: {quotes['quote'].tolist()}"
    return rows.iloc[0]


def test_the_table_has_its_columns_and_offsets_into_the_text(english_quotes):
    article, quotes = english_quotes
    assert list(quotes.columns) == QUOTE_COLUMNS
    for row in quotes.itertuples():
        first_piece = row.quote.split(" … ")[0]
        assert article.text[row.start:row.start + len(first_piece)] == first_piece


def test_direct_quotation_with_a_named_speaker(english_quotes):
    _, quotes = english_quotes
    row = _row(quotes, "sign the agreement this week")
    assert row["kind"] == "direct"
    assert "told" in row["cue"]
    assert row["speaker"] == "Petrova"
    assert row["speaker_actor"] == "Anna Petrova" and row["speaker_type"] == "person"


def test_quotation_split_around_its_cue_is_one_row_and_a_pronoun_is_resolved(english_quotes):
    _, quotes = english_quotes
    row = _row(quotes, "keep going until the last section")
    assert row["quote"].startswith("\"We will,\"")
    assert row["kind"] == "direct" and row["cue"] == "said"
    assert row["speaker"] == "she" and row["speaker_actor"] == "Anna Petrova"


def test_reported_speech_from_an_unnamed_source(english_quotes):
    _, quotes = english_quotes
    row = _row(quotes, "stalled over the price of transit")
    assert row["kind"] == "reported"
    assert row["speaker"] == "Officials" and row["speaker_type"] == "unnamed" and row["speaker_actor"] == ""


def test_according_to_an_organisation(english_quotes):
    _, quotes = english_quotes
    row = _row(quotes, "gas deliveries through the pipeline will double")
    assert row["cue"].lower() == "according to" and row["kind"] == "reported"
    assert "Energy Ministry" in row["speaker"] and row["speaker_type"] == "organization"


def test_reported_speech_after_said(english_quotes):
    _, quotes = english_quotes
    row = _row(quotes, "agreed on a schedule for the construction")
    assert row["kind"] == "reported" and row["speaker_actor"] == "Anna Petrova"


def test_a_quotation_with_no_speaker_is_kept_with_an_empty_speaker(english_quotes):
    _, quotes = english_quotes
    row = _row(quotes, "Nobody expected the talks")
    assert row["speaker"] == "" and row["speaker_type"] == "" and row["kind"] == "direct"


def test_a_quotation_over_two_paragraphs_is_followed_across_them():
    text = "He said:\n\n“The first part goes on\n\n“and the second part ends here.”\n\nNothing quoted."
    spans = text_paragraphs(text)
    assert [text[a:b] for a, b in quoted_ranges(text, spans)] == [
        "“The first part goes on", "“and the second part ends here.”"]
    assert quoted_ranges("a 5\"3 board", [(0, 11)]) == []


def _with_language(text: str, language: str):
    return dataclasses.replace(article_from_text(language, f"{language}.txt", text), language=language)


def test_chinese_direct_and_reported_speech():
    article = _with_language(
        "合作论坛在北京举行\n\n"
        "王毅表示，中方愿同各方加强务实合作，共同应对挑战。\n\n"
        "他说：“我们将继续推进共建项目，欢迎更多国家参与。”\n\n"
        "“合作是唯一正确的选择，”一位官员说。", "zh")
    found = {unicodedata.normalize("NFKC", article.text[q.start:q.end]): q for q in find_quotations(article)}
    reported = found[unicodedata.normalize("NFKC", "中方愿同各方加强务实合作，共同应对挑战")]
    assert reported.kind == "reported" and article.text[slice(*reported.source)] == "王毅"
    direct = found[unicodedata.normalize("NFKC", "“我们将继续推进共建项目，欢迎更多国家参与。”")]
    assert direct.kind == "direct" and article.text[slice(*direct.source)] == "他"
    after = found[unicodedata.normalize("NFKC", "“合作是唯一正确的选择，”")]
    assert article.text[slice(*after.cue)] == "说" and article.text[slice(*after.source)] == "一位官员"
    mentions = pd.DataFrame([{"doc_id": "zh", "start": article.text.index("王毅"), "end": article.text.index("王毅") + 2,
                              "actor": "Wang Yi", "type": "person"}])
    quotes = quotes_table(_corpus(article), mentions=mentions)
    by_speaker = dict(zip(quotes["speaker"], zip(quotes["speaker_actor"], quotes["speaker_type"])))
    assert by_speaker == {"王毅": ("Wang Yi", "person"), "他": ("Wang Yi", "person"), "一位官员": ("", "unnamed")}


def test_russian_direct_and_reported_speech():
    article = _with_language(
        "Переговоры в Москве\n\n"
        "Министр иностранных дел Сергей Лавров заявил, что переговоры пройдут в Москве в марте.\n\n"
        "«Мы готовы к диалогу без предварительных условий», — сказал он.\n\n"
        "По словам экспертов, цены на газ в этом году вырастут.\n\n"
        "Компания «Газпром» не ответила на запрос.", "ru")
    quotes = {article.text[q.start:q.end]: (q.kind, article.text[slice(*q.source)] if q.source else "")
              for q in find_quotations(article)}
    assert quotes == {
        "что переговоры пройдут в Москве в марте": ("reported", "Министр иностранных дел Сергей Лавров"),
        "«Мы готовы к диалогу без предварительных условий»": ("direct", "он"),
        "цены на газ в этом году вырастут": ("reported", "экспертов"),
    }


def test_a_mentions_table_without_offsets_is_refused(english_quotes):
    article, _ = english_quotes
    with pytest.raises(ValueError, match="lacks end, start"):
        quotes_table(_corpus(article), mentions=pd.DataFrame({"doc_id": [], "actor": [], "type": []}))


def test_a_role_named_by_its_place_is_the_person_named_before_and_a_country_speaks_for_itself():
    from presslens.quotes.lexicon import cue_lexicon
    from presslens.quotes.speakers import CastMention, resolve_speaker

    text = "Ivan Orlov visited the port. The governor of Amur Oblast said trade grew. Russia said it agreed."
    cast = [CastMention(0, 10, "Ivan Orlov", "person", 1, "Ivan Orlov"),
            CastMention(46, 56, "Amur Oblast", "location", 1, "Amur Oblast"),
            CastMention(74, 80, "Russia", "location", 1, "Russia")]
    governor = text.index("The governor")
    assert resolve_speaker("The governor of Amur Oblast", governor, 56, 62, cast, cue_lexicon("en")) == (
        "Ivan Orlov", "person")
    assert resolve_speaker("Russia", 74, 80, 86, cast, cue_lexicon("en")) == ("Russia", "location")
    assert resolve_speaker("him", 90, 93, 95, cast, cue_lexicon("en")) == ("Ivan Orlov", "person")


def test_a_group_a_place_qualifies_is_an_unnamed_source_not_the_place():
    from presslens.quotes.lexicon import cue_lexicon
    from presslens.quotes.speakers import CastMention, resolve_speaker

    text = "Many Kazakh farmers said prices fell. Chinese officials said talks went well. The United States said no."
    cast = [CastMention(5, 11, "Kazakhstan", "location", 1, "Kazakh"),
            CastMention(38, 45, "China", "location", 1, "Chinese"),
            CastMention(76, 93, "United States", "location", 1, "The United States")]
    farmers, officials = text.index("Many"), text.index("Chinese")
    assert resolve_speaker("Many Kazakh farmers", farmers, farmers + 19, 32, cast, cue_lexicon("en")) == ("", "unnamed")
    assert resolve_speaker("Chinese officials", officials, officials + 17, 60, cast, cue_lexicon("en")) == ("", "unnamed")
    assert resolve_speaker("The United States", 76, 93, 99, cast, cue_lexicon("en")) == ("United States", "location")


def test_offsets_a_quotation_may_lack_have_one_type_whether_given_or_not():
    """A cache writes quotations chunk by chunk: a chunk whose quotations give no speaker or cue must type
    those offsets as one that gives them does (a column of nothing but None has no type)."""
    from presslens.quotes.tables import OFFSET_TYPES, article_quotes

    quoted = article_quotes(_corpus(article_from_text("talks", "talks.txt", ENGLISH)))
    silent = article_quotes(_corpus(article_from_text("rain", "rain.txt", "Rain\n\nRain fell over the steppe for a week.")))
    assert quoted["speaker_start"].notna().any() and quoted["cue_start"].notna().any() and silent.empty
    assert {column: str(quoted[column].dtype) for column in OFFSET_TYPES} == OFFSET_TYPES
    assert {column: str(silent[column].dtype) for column in OFFSET_TYPES} == OFFSET_TYPES


def test_presslens_export_writes_the_quotes_table(tmp_path):
    from presslens.cli import main

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_text(ENGLISH, encoding="utf-8")
    main(["export", "quotes", "--corpus", str(folder), "--out", str(tmp_path / "quotes.csv")])
    written = pd.read_csv(tmp_path / "quotes.csv", keep_default_na=False)
    assert list(written.columns) == QUOTE_COLUMNS
    assert "Anna Petrova" in set(written["speaker_actor"]) and set(written["doc_id"]) == {"talks"}


def test_only_sentences_that_may_attribute_are_tagged():
    from presslens.quotes.features import read_paragraph
    from presslens.quotes.sequences import candidate_stretches

    text = ("The bridge opened in May. Its builder said the cost had doubled. Traffic is light. "
            "“It is a marvel,” one driver wrote. Tolls start next year. The mayor believes that tolls are fair. "
            "Some believe in tolls.")
    paragraph = read_paragraph(text, 0, len(text), quoted_ranges(text, [(0, len(text))]))
    tokens = paragraph.tokens
    stretches = candidate_stretches(paragraph, frozenset({"said"}), frozenset({"said", "believ"}))
    assert [text[tokens[a].start:tokens[b - 1].end] for a, b in stretches] == [
        "Its builder said the cost had doubled.", "“It is a marvel,” one driver wrote.",
        "The mayor believes that tolls are fair."]


def test_the_tagger_is_told_what_a_word_is_and_not_what_it_is_not():
    from presslens.quotes.features import read_paragraph, sequence_features

    text = "“We will sign,” he said. Trade grew."
    paragraph = read_paragraph(text, 0, len(text), quoted_ranges(text, [(0, len(text))]))
    tokens = paragraph.tokens
    items = sequence_features(paragraph, 0, len(tokens), frozenset({"said"}))
    features = [set(item) for item in items]
    word = [token.text for token in tokens].index
    assert {"mark=open", "q=1"} <= features[0] and "q=1" in features[word("sign")]
    assert "cue=True" in features[word("said")] and {"pron=True", "cue>1"} <= features[word("he")]
    assert {"cue<1", "commas=0"} <= features[word("said") + 1]
    for absent in features[word("Trade"):]:  # a sentence with no cue, no quotation mark, no pronoun
        assert not any(feature.startswith(("cue<", "cue>", "commas=", "q=", "mark=", "cue=", "pron=")) for feature in absent)


def test_a_pronoun_stands_for_who_spoke_before_not_for_whom_they_named():
    from presslens.quotes.lexicon import cue_lexicon
    from presslens.quotes.speakers import CastMention, antecedent_mentions, resolve_speaker

    text = ("Ivan Orlov noted that Lin Bo had praised the port. He added that trade grew. "
            "Ana Diaz, head of Portline, who spoke last, agreed.")
    names = ("Ivan Orlov", "Lin Bo", "Ana Diaz", "Portline")
    cast = [CastMention(text.index(name), text.index(name) + len(name), name,
                        "organization" if name == "Portline" else "person", 1, name) for name in names]
    content = (text.index("that Lin"), text.index(". He"))
    source = (0, len("Ivan Orlov"))
    antecedents = antecedent_mentions(cast, [content], [source])
    assert [m.actor for m in antecedents] == ["Ivan Orlov", "Ana Diaz", "Portline"]
    he = text.index("He added")
    assert resolve_speaker("He", he, he + 2, he + 9, cast, cue_lexicon("en"), antecedents=antecedents) == (
        "Ivan Orlov", "person")
    assert resolve_speaker("He", he, he + 2, he + 9, cast, cue_lexicon("en")) == ("Lin Bo", "person")
    who = text.index("who")
    assert resolve_speaker("who", who, who + 3, who + 10, cast, cue_lexicon("en")) == ("Ana Diaz", "person")


def test_a_possessive_pronoun_as_source_stands_for_the_last_actor_named():
    from presslens.quotes.lexicon import cue_lexicon
    from presslens.quotes.speakers import CastMention, resolve_speaker

    text = "Ana Diaz chaired the talks. In his words, Portline expected more. Its statement added that trade grew."
    cast = [CastMention(text.index(name), text.index(name) + len(name), name, kind, 1, name)
            for name, kind in (("Ana Diaz", "person"), ("Portline", "organization"))]
    its = text.index("Its")
    assert resolve_speaker("Its", its, its + 3, its + 20, cast, cue_lexicon("en")) == ("Portline", "organization")


WIRE = (
    "Port traffic set to double\n\n"
    "Trade through the harbour will double by 2030, Omar Haddad, director of the Elmport Port Authority, "
    "told the Coastal Courier on Monday.\n\n"
    "Ivo Marek, head of the investment department of the Elmport Free Trade Zone, said that due to its location, "
    "the zone takes part in both the Baltic Transit Pact (BTP) and the Northern Rail initiative, having advantages "
    "in terms of both cost and market size.\n\n"
    "\"The terminal is ready,\" Lena Brandt said. \"We expect the first cargo next week.\" "
    "\"Our trucks are waiting,\" said Tomas Ruiz, the mayor of Elmport.\n\n"
    "Ruiz said on Friday at the opening of the terminal in Elmport."
)


@pytest.fixture(scope="module")
def wire_quotes():
    article = article_from_text("port", "port.txt", WIRE)
    return article, quotes_table(_corpus(article))


def test_a_clause_before_its_source_and_told_is_the_quotation(wire_quotes):
    _, quotes = wire_quotes
    row = _row(quotes, "Trade through the harbour will double by 2030")
    assert "Coastal Courier" not in row["quote"] and row["speaker_actor"] == "Omar Haddad"


def test_a_that_clause_runs_to_the_end_of_its_sentence(wire_quotes):
    _, quotes = wire_quotes
    row = _row(quotes, "due to its location")
    assert row["quote"].startswith("that due") and row["quote"].endswith("both cost and market size")
    assert row["speaker_actor"] == "Ivo Marek"


def test_a_quotation_with_its_own_cue_is_not_joined_to_the_one_before(wire_quotes):
    _, quotes = wire_quotes
    assert _row(quotes, "The terminal is ready")["speaker_actor"] == "Lena Brandt"
    row = _row(quotes, "Our trucks are waiting")
    assert "terminal" not in row["quote"] and row["speaker_actor"] == "Tomas Ruiz"


def test_a_reported_quotation_needs_its_cue_and_a_direct_one_stands_alone():
    from presslens.quotes.tagger import Quotation, is_kept

    assert is_kept(Quotation([(0, 20)], cue=(25, 29), kind="reported"))
    assert not is_kept(Quotation([(0, 20)], kind="reported"))
    assert is_kept(Quotation([(0, 20)], kind="direct"))
    assert not is_kept(Quotation([(0, 20)], kind="direct", confidence=0.2))


def test_a_stretch_is_read_as_opening_a_sentence_wherever_it_starts():
    from presslens.quotes.features import read_paragraph, sequence_features

    text = "Trade grew fast, he said."
    paragraph = read_paragraph(text, 0, len(text), quoted_ranges(text, [(0, len(text))]))
    items = sequence_features(paragraph, 2, len(paragraph.tokens), frozenset({"said"}))
    assert len(items) == len(paragraph.tokens) - 2 and "bos" in items[0] and "eos" in items[-1]


def test_content_runs_are_cut_between_quotations_and_joined_within_one():
    from presslens.quotes.features import paragraph_tokens
    from presslens.quotes.tagger import _contents, _TaggedParagraph

    text = "\"We are ready. The cranes work.\" \"Trucks wait,\" said Ruiz."
    tokens = paragraph_tokens(text, 0, len(text))
    word = [token.text for token in tokens].index
    labels = ["O"] * len(tokens)
    runs = [("CON", (0, word("ready") + 1)), ("CON", (word("The"), word("Trucks") + 2)), ("CUE", (word("said"), word("said") + 1))]
    for kind, (first, last) in runs:
        labels[first:last] = ["I-" + kind] * (last - first)
    quoted = quoted_ranges(text, [(0, len(text))])
    quotation = [next((k for k, (a, b) in enumerate(quoted) if a <= t.start < b), -1) for t in tokens]
    paragraph = _TaggedParagraph(labels, [1.0] * len(tokens), quotation, set(), [True] * len(tokens))
    contents = [text[tokens[a].start:tokens[b - 1].end] for a, b in _contents(tokens, runs, paragraph)]
    assert contents == ["\"We are ready. The cranes work.\"", "\"Trucks wait"]


def test_the_time_and_place_of_a_cue_are_not_a_quotation(wire_quotes):
    _, quotes = wire_quotes
    assert not quotes["quote"].str.contains("on Friday").any()


def test_a_quotation_standing_alone_continues_the_speaker_before_it_and_a_dateline_is_not_quoted():
    text = ("Harbour full\n\n"
            "ELMPORT \"We have never seen so many ships in one week,\" Anna Kolar, a harbour pilot with twenty "
            "years at sea, said on Monday.\n\n"
            "\"The harbour is full,\" Tomas Ruiz said while he spoke to traders at the fish market on the old quay. "
            "\"Every berth in the harbour is taken and the queue of ships grows longer every night.\" "
            "\"We need a pier,\" said Lena Brandt.")
    quotes = quotes_table(_corpus(article_from_text("harbour", "harbour.txt", text)))
    pilot = _row(quotes, "so many ships")
    assert pilot["quote"].startswith("\"We have") and pilot["speaker_actor"] == "Anna Kolar"
    assert _row(quotes, "Every berth in the harbour is taken")["speaker_actor"] == "Tomas Ruiz"
    assert _row(quotes, "We need a pier")["speaker_actor"] == "Lena Brandt"
