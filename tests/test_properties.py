"""Properties on arbitrary text: the loader, tokens, actor mentions and co-occurrence never fail, every
offset points into the text, and the tables agree with each other."""

from __future__ import annotations

import tempfile
from pathlib import Path

import ftfy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.actors import mentions_table
from presslens.cooccurrence import cooccurrence_evidence, cooccurrence_table
from presslens.corpus import Columns, article_from_text, decode_bytes
from presslens.corpus.readers import read_file
from presslens.corpus import Corpus
from presslens.corpus.decode import _REPAIRS, normalize_text
from presslens.text import tokens_table

#: Few examples each, no deadline: NLTK's sentence splitter and chunker are slow to warm up.
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces that make news-like text, names the actor finder knows or discovers, and hostile pieces.
PIECES = [
    "Vladimir Putin", "Xi Jinping", "President Xi", "Putin", "Moscow", "Beijing", "China", "Russia", "Kazakhstan",
    "Gazprom", "the Shanghai Cooperation Organisation", "(SCO)", "Mr.", "Dr. Ivan Petrov", "said", "met", "in",
    "and", "the", "trade", "grew", "by 5%", "on Monday", "U.S.", "e-commerce", "1990s", "“quoted”", "don't",
    "<script>alert(1)</script>", "&amp;", "Россия", "Китай", "中俄合作", "🙂", "\u200b", "\t", "A.", "...", "—",
]
SEPARATORS = [" ", " ", " ", ". ", ", ", "\n", "\n\n", "? ", "! ", " (", ") "]
news_text = st.lists(
    st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), st.sampled_from(SEPARATORS)),
    max_size=60,
).map(lambda parts: "".join(piece + separator for piece, separator in parts))
any_text = st.one_of(news_text, st.text(max_size=300))


def _corpus(texts: list[str]) -> Corpus:
    articles = [article_from_text(f"doc{number}", f"doc{number}.txt", text) for number, text in enumerate(texts)]
    return Corpus(root=".", articles=[article for article in articles if article is not None])


@FAST
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_says_why(raw):
    try:
        text, encoding = decode_bytes(raw)
    except UnicodeError as error:
        assert str(error)
    else:
        assert isinstance(text, str) and encoding


@FAST
@given(st.one_of(st.binary(max_size=2000), any_text.map(lambda text: text.encode("utf-8", "surrogatepass"))))
def test_reading_any_file_never_raises(raw):
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "article.txt"
        file.write_bytes(raw)
        articles, skipped, _ = read_file(file, Path(folder), Columns())
    assert len(articles) + len(skipped) == 1
    assert all(item.path == "article.txt" and item.reason for item in skipped)


@FAST
@given(any_text)
def test_paragraphs_and_sentences_point_into_the_text(text):
    article = article_from_text("doc", "doc.txt", text)
    if article is None:
        return
    assert article.text and article.title
    previous_end = 0
    for start, end in article.paragraph_spans:
        assert previous_end <= start < end <= len(article.text)
        previous_end = end
    for paragraph, start, end in article.sentence_spans:
        paragraph_start, paragraph_end = article.paragraph_spans[paragraph]
        assert paragraph_start <= start < end <= paragraph_end
    assert [s for _, s, _ in article.sentence_spans] == sorted(s for _, s, _ in article.sentence_spans)


@FAST
@given(st.lists(any_text, min_size=1, max_size=3))
def test_tokens_are_the_text_at_their_offsets(texts):
    corpus = _corpus(texts)
    tokens = tokens_table(corpus)
    for doc_id, rows in tokens.groupby("doc_id", observed=True):
        article = corpus[doc_id]
        assert list(rows["position"]) == list(range(len(rows)))
        for row in rows.itertuples():
            assert article.text[row.start:row.end] == row.surface
            paragraph, start, end = article.sentence_spans[row.sentence]
            assert row.paragraph == paragraph and start <= row.start < row.end <= end


@FAST
@given(st.lists(news_text, min_size=1, max_size=3))
def test_mentions_are_the_text_at_their_offsets(texts):
    corpus = _corpus(texts)
    mentions = mentions_table(corpus)
    assert set(mentions["type"]) <= {"person", "organization", "location"}
    for row in mentions.itertuples():
        article = corpus[row.doc_id]
        assert article.text[row.start:row.end] == row.surface
        paragraph, start, end = article.sentence_spans[row.sentence]
        assert row.paragraph == paragraph and start <= row.start < row.end <= end


@FAST
@given(st.lists(news_text, min_size=1, max_size=4), st.sampled_from(["sentence", "paragraph", "article"]))
def test_cooccurrence_counts_agree_with_mentions_and_evidence(texts, window):
    corpus = _corpus(texts)
    mentions = mentions_table(corpus)
    pairs = cooccurrence_table(corpus, mentions, window=window)
    if pairs.empty:
        return
    keys = {"sentence": ["doc_id", "sentence"], "paragraph": ["doc_id", "paragraph"], "article": ["doc_id"]}[window]
    windows_of = mentions.drop_duplicates([*keys, "actor"]).groupby("actor").size()
    assert (pairs["actor_a"] < pairs["actor_b"]).all()
    assert (pairs["count_a"] == pairs["actor_a"].map(windows_of)).all()
    assert (pairs["count_b"] == pairs["actor_b"].map(windows_of)).all()
    assert (pairs["count"] <= pairs[["count_a", "count_b"]].min(axis=1)).all()
    assert ((1 <= pairs["n_docs"]) & (pairs["n_docs"] <= pairs["count"])).all()
    assert pairs["npmi"].between(-1 - 1e-9, 1 + 1e-9).all() and pairs["jaccard"].between(0, 1).all()
    evidence = cooccurrence_evidence(corpus, mentions, window=window, pairs=pairs)
    per_pair = evidence.groupby(["actor_a", "actor_b"]).size()
    assert dict(per_pair) == dict(zip(zip(pairs["actor_a"], pairs["actor_b"]), pairs["count"]))


@FAST
@given(st.text(alphabet=st.sampled_from([chr(code) for code in range(32, 127)] + ["\t", "\n"]), max_size=400))
def test_ftfy_changes_nothing_in_plain_ascii_text(text):
    """Why normalize_text leaves ftfy out for ASCII text without control characters."""
    assert ftfy.fix_text(text, config=_REPAIRS) == text


def test_ascii_text_with_control_characters_still_goes_through_ftfy():
    assert normalize_text("Stocks \x1b[31mfell\x1b[0m\x07 sharply") == "Stocks fell sharply"
