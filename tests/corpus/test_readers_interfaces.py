"""News-database exports made with the German, French, Spanish, Russian and Chinese interfaces."""

from __future__ import annotations

import pytest

from presslens.corpus import load_corpus, normalize_date
from presslens.corpus.readers.factiva import read_factiva_html, read_factiva_text
from presslens.corpus.readers.nexis import looks_like_nexis_text, read_nexis_text

PARAGRAPHS = ["Die Werft in Kiel baut zwei neue Fähren für die Ostsee.", "Die erste soll im Frühjahr fertig sein."]


def factiva_text(date: str, words: str, language: str) -> str:
    """A Factiva text export as an interface in another language writes it: the field codes stay, the
    values (date, word count, language) are in the interface's language."""
    return "\n".join([
        " HD\n Werft baut zwei Fähren ", f"   WC\n{words}", f"   PD\n{date}", "   SN\nKieler Nachrichten",
        "   SC\nKIELN", f"   LA\n{language}", "   CY\n(c) 1993 Kieler Nachrichten\n",
        "   LP\n " + PARAGRAPHS[0], "   TD\n " + PARAGRAPHS[1], "   AN\nDocument kieln00020010709dp19000b1\n",
    ]) + "\n"


@pytest.mark.parametrize("date, words, language", [
    ("9 Januar 1993", "877 Wörter", "Deutsch"),        # German interface
    ("9 janvier 1993", "877 mots", "Allemand"),        # French interface
    ("9 enero 1993", "877 palabras", "Alemán"),        # Spanish interface
    ("9 января 1993", "877 слов", "Немецкий"),         # Russian interface
    ("1993 年 1 月 9 日", "877 字", "德文"),            # Chinese interface
])
def test_factiva_text_exports_of_other_interfaces_read_their_dates_and_languages(date, words, language):
    drafts, skipped = read_factiva_text(factiva_text(date, words, language), "factiva.txt", "utf-8")
    assert not skipped
    (draft,) = drafts
    assert (draft.title, draft.date, draft.source, draft.language) == ("Werft baut zwei Fähren", "1993-01-09",
                                                                      "Kieler Nachrichten", "de")
    assert draft.blocks == PARAGRAPHS


@pytest.mark.parametrize("date, words, language", [
    ("9 Januar 1993", "877 Wörter", "Deutsch"), ("9 janvier 1993", "877 mots", "Allemand"),
    ("2018 年 10 月 7 日 17:04", "8165 字", "德文"),
])
def test_factiva_html_view_of_other_interfaces_reads_date_source_and_language(date, words, language):
    page = f"""<html><head><title>Factiva</title></head><body><div id="contentWrapper">
<div class="article deArticle"><p><div id="hd"><span class="deHeadline">Werft baut zwei Fähren</span></div>
<div>{words}</div><div>{date}</div><div>Kieler Nachrichten</div><div>KIELN</div><div>{language}</div>
<div>Copyright (1993) Kieler Nachrichten</div></p>
{''.join(f'<p class="articleParagraph dearticleParagraph">{p}</p>' for p in PARAGRAPHS)}
<p>Document KIELN00020181007ee1700001</p></div></div></body></html>"""
    (draft,), skipped = read_factiva_html(page, "factiva.html", "utf-8")
    assert not skipped
    assert draft.date == normalize_date(date) and draft.source == "Kieler Nachrichten" and draft.language == "de"
    assert draft.blocks == PARAGRAPHS


#: LexisNexis Academic text exports: counter, header and field labels as each interface prints them.
ACADEMIC = {
    "de": ("Dokument {n} von 2", "9. Januar 1993 Samstag", "RUBRIK: Wirtschaft; S. 7", "LÄNGE: 120 Wörter",
           "AUTOR: Jana Berg", "SPRACHE: GERMAN", "UPDATE: 12. Januar 1993"),
    "fr": ("Document {n} de 2", "9 janvier 1993 samedi", "RUBRIQUE: Économie; p. 7", "LONGUEUR: 120 mots",
           "", "LANGUE: FRENCH", ""),
    "es": ("Documento {n} de 2", "9 de enero de 1993 sábado", "SECCIÓN: Economía; Pág. 7", "LONGITUD: 120 palabras",
           "AUTOR: Jana Berg", "IDIOMA: SPANISH", ""),
}


def academic_export(language: str) -> str:
    counter, date, section, length, byline, spoken, update = ACADEMIC[language]
    articles = []
    for n, headline in enumerate(["Werft baut zwei Fähren", "Hafen erweitert Kai"], start=1):
        articles.append("\n\n".join(line for line in [
            "                    " + counter.format(n=n),
            "                    Copyright 1993 Kieler Verlag\n                    All Rights Reserved",
            "                    Kieler Nachrichten",
            "                    " + date,
            section, length, f"HEADLINE: {headline}", byline,
            *PARAGRAPHS, spoken, update,
        ] if line))
    return "Lieferung: 2 Dokumente\n\n\n" + "\n\n\n".join(articles) + "\n"


@pytest.mark.parametrize("language", list(ACADEMIC))
def test_lexisnexis_academic_exports_of_other_interfaces(language):
    text = academic_export(language)
    assert looks_like_nexis_text(text)
    drafts, skipped = read_nexis_text(text, "lexis.txt", "utf-8")
    assert not skipped and len(drafts) == 2
    first = drafts[0]
    assert (first.title, first.date, first.source) == ("Werft baut zwei Fähren", "1993-01-09", "Kieler Nachrichten")
    assert first.section.startswith(("Wirtschaft", "Économie", "Economía"))
    assert first.blocks == PARAGRAPHS
    assert first.language == {"de": "de", "fr": "fr", "es": "es"}[language]
    assert first.byline == ("" if language == "fr" else "Jana Berg")


def test_the_chinese_interface_factiva_export_reads_with_dates(tmp_path):
    (tmp_path / "factiva.txt").write_text(factiva_text("1993 年 1 月 9 日", "877 字", "德文"), encoding="utf-8")
    article = load_corpus(tmp_path)["factiva#001"]
    assert (article.date, article.source, article.reader) == ("1993-01-09", "Kieler Nachrichten", "factiva")
