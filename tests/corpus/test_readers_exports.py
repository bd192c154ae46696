"""Database exports (Factiva, LexisNexis Academic, Nexis Uni): many articles per file, each with its metadata.

Every fixture is invented and small: it keeps the layout of a real export, not its text.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from presslens.corpus.model import SkippedFile
from presslens.corpus.readers.factiva import (
    looks_like_factiva_html,
    looks_like_factiva_text,
    read_factiva_html,
    read_factiva_text,
)
from presslens.corpus.readers.nexis import (
    looks_like_nexis_html,
    looks_like_nexis_text,
    read_nexis_docx,
    read_nexis_html,
    read_nexis_text,
)

EXPORT_MARKUP = re.compile(
    r"\b(?:HD|WC|PD|SN|AN|LP|TD)\b|BYLINE:|LENGTH:|LOAD-DATE:|Load-Date|End of Document|Document |\bBody\b|DOCUMENTS",
)
DETECTORS = [looks_like_factiva_text, looks_like_nexis_text, looks_like_factiva_html, looks_like_nexis_html]


def factiva_article(headline, date, source, code, doc_id, paragraphs, *, byline="", section="", text=True):
    lines = [f"SE\n{section}"] if section else []
    lines += [f" HD\n {headline} "]
    lines += [f"   BY\n By {byline}. "] if byline else []
    lines += ["   WC\n214 words", f"   PD\n{date}", "   ET\n09:12 GMT", f"   SN\n{source}", f"   SC\n{code}",
              "   LA\nEnglish", f"   CY\n(c) 2021 {source}\n"]
    if text:
        lines += ["   LP\n" + "\n\n".join(f" {p} " for p in paragraphs[:1]) + "\n"]
        lines += ["   TD\n" + "\n\n".join(f" {p} " for p in paragraphs[1:]) + f"\n\n (c) 2021 {source}. \n"]
    lines += ["   CO\nexmpl : Example Paper Mills Ltd", "   NS\nc24 : Capacity/Facilities", "   RE\neurz : Europe",
              f"   AN\nDocument {doc_id}\n  \f"]
    return "\n".join(lines) + "\n\n"


FACTIVA_IDS = ["ntw0000020210302eh32000a", "hbd0000020210215eh2f000b", "ccr0000020210107eh17000c"]
FACTIVA_TEXT = (
    factiva_article("Mill to double its output", "2 March 2021", "Northern Trade Weekly", "NTW", FACTIVA_IDS[0],
                    ["The paper mill at Kessel will double its output by autumn.",
                     "Its owners said new machines arrive in May."], byline="Ana Lind")
    # a source code that reads like a field code (RE) must stay the value of SC
    + factiva_article("Port strike ends", "15 February 2021", "Harbour Daily", "RE", FACTIVA_IDS[1],
                      ["Dock workers returned on Monday after a week-long strike.",
                       "Shipping lines expect delays until March."], section="Business")
    + factiva_article("New ferry route opens", "2021-01-07", "Coastal Courier", "PR", FACTIVA_IDS[2],
                      ["A ferry now links the two islands twice a day.",
                       "Tickets cost less than the old boat service."])
)


def test_factiva_text_articles_and_metadata():
    drafts, skipped = read_factiva_text(FACTIVA_TEXT, "exports/factiva.txt", "utf-8")
    assert not skipped
    assert [d.doc_id for d in drafts] == ["exports/factiva#001", "exports/factiva#002", "exports/factiva#003"]
    assert [d.title for d in drafts] == ["Mill to double its output", "Port strike ends", "New ferry route opens"]
    assert [d.date for d in drafts] == ["2021-03-02", "2021-02-15", "2021-01-07"]
    assert [d.source for d in drafts] == ["Northern Trade Weekly", "Harbour Daily", "Coastal Courier"]
    assert [d.byline for d in drafts] == ["Ana Lind", "", ""]
    assert [d.section for d in drafts] == ["", "Business", ""]
    assert [d.document_id for d in drafts] == FACTIVA_IDS
    assert drafts[0].blocks == ["The paper mill at Kessel will double its output by autumn.",
                                "Its owners said new machines arrive in May."]
    assert {r.text for r in drafts[0].removed} == {"(c) 2021 Northern Trade Weekly", "(c) 2021 Northern Trade Weekly."}
    assert all(d.reader == "factiva" and d.path == "exports/factiva.txt" for d in drafts)
    assert_no_markup(drafts)


def test_factiva_text_with_windows_line_ends_reads_the_same():
    drafts, _ = read_factiva_text(FACTIVA_TEXT.replace("\n", "\r\n"), "factiva.txt", "utf-8")
    assert [d.title for d in drafts] == ["Mill to double its output", "Port strike ends", "New ferry route opens"]


def test_factiva_article_without_text_is_skipped_and_the_others_kept():
    damaged = factiva_article("Headline only", "3 March 2021", "Harbour Daily", "HBD", "hbd0000020210303eh33000d", [],
                              text=False)
    drafts, skipped = read_factiva_text(FACTIVA_TEXT.replace(" HD\n Port", damaged + " HD\n Port", 1), "f.txt", "utf-8")
    assert [d.doc_id for d in drafts] == ["f#001", "f#003", "f#004"]
    assert [s.path for s in skipped] == ["f.txt (article 2)"]
    assert "export it again" in skipped[0].reason


FACTIVA_HTML = """<html><head><title>Factiva</title></head><body><div id="contentWrapper">
<div id="article-EXH0000020210303eh330001a" class="article"><div class="article enArticle"><p></p><div>News</div>
<div id="hd"><span class="enHeadline">Council approves <b>river</b> park</span></div>
<div class="author">By Mara Quinn </div><div>412 words</div><div>3 March 2021</div><div>Example Herald</div>
<div>EXH</div><div>1; National</div><div>12</div><div>English</div><div>(c) 2021 Example Herald Ltd </div><p></p>
<p class="articleParagraph enarticleParagraph">The city council voted to turn the old quay into a <b>river</b> park.</p>
<p class="articleParagraph enarticleParagraph">Work starts in June and ends next spring.</p>
<p>Example Publishing Ltd</p><p>Document EXH0000020210303eh330001a</p></div></div>
<div id="article-EXH0000020210301eh310002b" class="article"><div class="article enArticle"><p></p><div>Letters</div>
<div id="hd"><span class="enHeadline">Buses before bridges</span></div>
<div>180 words</div><div>1 March 2021</div><div>07:45 GMT</div><div>Example Herald</div><div>EXH</div><div>English</div>
<div>(c) 2021 Example Herald Ltd </div><p></p>
<p class="articleParagraph enarticleParagraph">Sir, the new timetable leaves our village without an evening bus.</p>
<p>Document EXH0000020210301eh310002b</p></div></div>
</div></body></html>"""


def test_factiva_html_articles_and_metadata():
    drafts, skipped = read_factiva_html(FACTIVA_HTML, "exports/herald.html", "utf-8")
    assert not skipped
    assert [d.title for d in drafts] == ["Council approves river park", "Buses before bridges"]
    assert [d.date for d in drafts] == ["2021-03-03", "2021-03-01"]
    assert [d.source for d in drafts] == ["Example Herald", "Example Herald"]
    assert [d.byline for d in drafts] == ["Mara Quinn", ""]
    assert [d.section for d in drafts] == ["News", "Letters"]
    assert [d.document_id for d in drafts] == ["EXH0000020210303eh330001a", "EXH0000020210301eh310002b"]
    assert drafts[0].blocks == ["The city council voted to turn the old quay into a river park.",
                                "Work starts in June and ends next spring."]
    assert drafts[1].doc_id == "exports/herald#002"
    assert_no_markup(drafts)


NEXIS_TEXT = """Download Request: All Documents: 1-3
Terms: harbour


                               1 of 3 DOCUMENTS


                 Copyright 2021 Example Newspapers Company, Inc.
                              All Rights Reserved
                              The Example Gazette

                              March 4, 2021 Thursday
                                 Final Edition

SECTION: NEWS; Pg. A3

LENGTH: 96 words

HEADLINE: Harbour wall repaired before the spring
tides arrive

BYLINE: By Tomas Reyes

BODY:

Engineers finished repairing the harbour wall on Wednesday, two weeks ahead
of the spring tides that flooded the quay last year.

The work cost less than the council had set aside, its treasurer said.

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper

LOAD-DATE: March 5, 2021


                               2 of 3 DOCUMENTS


                               Example Wire Service

                      February 20, 2021 Saturday 10:05 AM GMT

Ferry operators agree on shared timetable

LENGTH: 120 words

DATELINE: GENEVA, Feb 20

GENEVA: Three ferry operators agreed on Saturday to share one timetable for
the lake crossings from April.

The companies said passengers would no longer wait for connections.

LOAD-DATE: February 21, 2021

LANGUAGE: ENGLISH


                     Copyright 2021 Example Wire Service
                              All Rights Reserved


                               3 of 3 DOCUMENTS


                              The Example Gazette

                              January 9, 2021 Saturday

Lighthouse keeper retires after forty years

BYLINE: Lena Ortiz

SECTION: LOCAL

LENGTH: 80 words

The keeper of the north point lighthouse retired this week after forty years.

LOAD-DATE: January 10, 2021
"""


def test_nexis_text_articles_and_metadata():
    drafts, skipped = read_nexis_text(NEXIS_TEXT, "exports/gazette.txt", "utf-8")
    assert not skipped
    assert [d.title for d in drafts] == ["Harbour wall repaired before the spring tides arrive",
                                         "Ferry operators agree on shared timetable",
                                         "Lighthouse keeper retires after forty years"]
    assert [d.date for d in drafts] == ["2021-03-04", "2021-02-20", "2021-01-09"]
    assert [d.source for d in drafts] == ["The Example Gazette", "Example Wire Service", "The Example Gazette"]
    assert [d.byline for d in drafts] == ["Tomas Reyes", "", "Lena Ortiz"]
    assert [d.section for d in drafts] == ["NEWS; Pg. A3", "", "LOCAL"]
    assert drafts[0].blocks == [
        "Engineers finished repairing the harbour wall on Wednesday, two weeks ahead of the spring tides that "
        "flooded the quay last year.",
        "The work cost less than the council had set aside, its treasurer said.",
    ]
    assert drafts[1].blocks[0].startswith("GENEVA: Three ferry operators")  # a dateline, not a field
    assert [r.text for r in drafts[1].removed] == ["Copyright 2021 Example Wire Service All Rights Reserved"]
    assert [d.doc_id for d in drafts] == ["exports/gazette#001", "exports/gazette#002", "exports/gazette#003"]
    assert_no_markup(drafts)


def test_nexis_article_with_header_but_no_text_is_skipped_and_the_others_kept():
    damaged = NEXIS_TEXT.replace("GENEVA: Three ferry operators agreed on Saturday to share one timetable for\n"
                                 "the lake crossings from April.\n\nThe companies said passengers would no longer wait "
                                 "for connections.\n\n", "")
    drafts, skipped = read_nexis_text(damaged, "gazette.txt", "utf-8")
    assert [d.doc_id for d in drafts] == ["gazette#001", "gazette#003"]
    assert [s.path for s in skipped] == ["gazette.txt (article 2)"]
    assert "export this article again" in skipped[0].reason


NEXIS_HTML = """<HTML><HEAD><STYLE TYPE="text/css"><!--
.c0 { text-align: center; }
.c4 { text-align: left; }
.c6 { font-weight: bold; }
--></STYLE><META DOCUMENTS="2" /></HEAD><BODY>
<A NAME="DOC_ID_1_0"></A><!-- <DOC NUMBER=1> -->
<DIV CLASS="c0"><P><SPAN>1 of 2 DOCUMENTS</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN>The Example Gazette</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN>May 2, 2019 Thursday</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">Market hall to reopen</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">BYLINE: </SPAN><SPAN>By PAUL NAGY</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">SECTION: </SPAN><SPAN>CITY; Pg. 4</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">LENGTH: </SPAN><SPAN>64 words</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN>&nbsp;</SPAN></P>
<P><SPAN>The market hall will reopen in June after its roof was replaced.</SPAN></P>
<P><SPAN>Traders said they &quot;cannot wait&quot; to return.</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">LOAD-DATE: </SPAN><SPAN>May 3, 2019</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">LANGUAGE: </SPAN><SPAN>ENGLISH</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN>Copyright 2019 Example Newspapers<BR>All Rights Reserved</SPAN></P></DIV>
<A NAME="DOC_ID_2_0"></A>
<DIV CLASS="c0"><P><SPAN>2 of 2 DOCUMENTS</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN>Example Wire Service</SPAN></P></DIV>
<DIV CLASS="c0"><P><SPAN>April 30, 2019 Tuesday 4:10 PM GMT</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">Rail link delayed again</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">LENGTH: </SPAN><SPAN>40 words</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN>The rail link to the airport will open a year late, the operator said.</SPAN></P></DIV>
<DIV CLASS="c4"><P><SPAN CLASS="c6">LOAD-DATE: </SPAN><SPAN>May 1, 2019</SPAN></P></DIV>
</BODY></HTML>"""


def test_nexis_html_articles_and_metadata():
    drafts, skipped = read_nexis_html(NEXIS_HTML, "exports/gazette.html", "utf-8")
    assert not skipped
    assert [d.title for d in drafts] == ["Market hall to reopen", "Rail link delayed again"]
    assert [d.date for d in drafts] == ["2019-05-02", "2019-04-30"]
    assert [d.source for d in drafts] == ["The Example Gazette", "Example Wire Service"]
    assert [d.byline for d in drafts] == ["PAUL NAGY", ""]
    assert [d.section for d in drafts] == ["CITY; Pg. 4", ""]
    assert drafts[0].blocks == ["The market hall will reopen in June after its roof was replaced.",
                                'Traders said they "cannot wait" to return.']
    assert [r.text for r in drafts[0].removed] == ["Copyright 2019 Example Newspapers All Rights Reserved"]
    assert_no_markup(drafts)


def add_hyperlink(paragraph, text: str, url: str) -> None:
    """A hyperlinked run, as Nexis Uni links each headline to its document."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def add_label(document, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}:").bold = True
    paragraph.add_run(f"\xa0{value}")


LEXIS_DOCUMENT_URL = "https://advance.lexis.com/api/document?id=urn:contentItem:"


def nexis_docx(articles: list[dict], cover: bool = True) -> bytes:
    document = docx.Document()
    if cover:
        document.add_paragraph(f"Documents ({len(articles)})")
        for number, article in enumerate(articles, start=1):
            document.add_paragraph(f"{number}. {article['title']}")
    for article in articles:
        for line in (article["title"], article["source"], article["date"]):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if line == article["title"]:
                add_hyperlink(paragraph, line, f"{LEXIS_DOCUMENT_URL}{article['id']}")
            else:
                paragraph.add_run(line)
        document.add_paragraph(f"Copyright 2020 {article['source']}")
        add_label(document, "Section", article["section"])
        add_label(document, "Length", "120 words")
        add_label(document, "Byline", f"By {article['byline']}")
        if article["body"]:
            document.add_paragraph().add_run("Body").bold = True
            for text in article["body"]:
                document.add_paragraph(text)
            document.add_paragraph().add_run("Graphic").bold = True
            document.add_paragraph("PHOTO: The new bridge at dusk.")
        add_label(document, "Load-Date", article["date"])
        document.add_paragraph().add_run("End of Document").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_ARTICLES = [
    {"title": "Bridge opens to cyclists", "source": "The Example Times", "date": "June 3, 2020 Wednesday",
     "section": "Section A; Pg. 6", "byline": "RITA HOLM", "id": "5ABC-1234-EX01-0001-00000-00",
     "body": ["The footbridge over the canal opened to cyclists on Tuesday.", "Riders must dismount at both ends."]},
    {"title": "Library extends its hours", "source": "The Example Times - Late Edition",
     "date": "May 28, 2020 Thursday",
     "section": "Metro", "byline": "JON PELL", "id": "5ABC-1234-EX01-0002-00000-00",
     "body": ["The central library will stay open until nine on weekdays."]},
]


def test_nexis_docx_articles_and_metadata():
    drafts, skipped = read_nexis_docx(nexis_docx(DOCX_ARTICLES), "exports/times.docx")
    assert not skipped
    assert [d.doc_id for d in drafts] == ["exports/times#001", "exports/times#002"]
    assert [d.title for d in drafts] == ["Bridge opens to cyclists", "Library extends its hours"]
    assert [d.date for d in drafts] == ["2020-06-03", "2020-05-28"]
    assert [d.source for d in drafts] == ["The Example Times", "The Example Times"]
    assert [d.byline for d in drafts] == ["RITA HOLM", "JON PELL"]
    assert [d.section for d in drafts] == ["Section A; Pg. 6", "Metro"]
    assert [d.document_id for d in drafts] == ["5ABC-1234-EX01-0001-00000-00", "5ABC-1234-EX01-0002-00000-00"]
    assert drafts[0].blocks == ["The footbridge over the canal opened to cyclists on Tuesday.",
                                "Riders must dismount at both ends."]
    assert [r.text for r in drafts[0].removed] == ["Copyright 2020 The Example Times"]
    assert_no_markup(drafts)


def test_nexis_docx_article_without_body_is_skipped_and_the_others_kept():
    articles = [DOCX_ARTICLES[0], {**DOCX_ARTICLES[1], "body": []}]
    drafts, skipped = read_nexis_docx(nexis_docx(articles, cover=False), "times.docx")
    assert [d.title for d in drafts] == ["Bridge opens to cyclists"]
    assert [s.path for s in skipped] == ["times.docx (article 2)"]
    assert "Body" in skipped[0].reason


def test_word_document_that_is_not_an_export_is_skipped_with_advice():
    document = docx.Document()
    document.add_paragraph("Notes from the council meeting.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_nexis_docx(buffer.getvalue(), "notes.docx") == (
        [], [SkippedFile("notes.docx", "a Word document that is not a Nexis export: save each article as .txt")])
    drafts, skipped = read_nexis_docx(b"not a zip file", "broken.docx")
    assert drafts == [] and skipped[0].path == "broken.docx" and "save it again" in skipped[0].reason


PLAIN_ARTICLE = """Harbour wall repaired

By Tomas Reyes

LONDON: Engineers finished repairing the harbour wall on Wednesday.
Section: the wall is 1 of 3 documents the council published.

HD video of the works is online.
"""
WEB_PAGE = """<!doctype html><html><head><title>Harbour wall repaired - Example News</title></head>
<body><article><h1>Harbour wall repaired</h1><p class="byline">By Tomas Reyes</p>
<p>Engineers finished repairing the harbour wall on Wednesday.</p><p>LENGTH: the wall is 300 metres long.</p>
</article></body></html>"""


@pytest.mark.parametrize("text", [PLAIN_ARTICLE, WEB_PAGE], ids=["plain article", "web page"])
def test_detection_does_not_fire_on_ordinary_articles(text):
    assert not any(detector(text) for detector in DETECTORS)


@pytest.mark.parametrize(
    "text, detector",
    [(FACTIVA_TEXT, looks_like_factiva_text), (FACTIVA_HTML, looks_like_factiva_html),
     (NEXIS_TEXT, looks_like_nexis_text), (NEXIS_HTML, looks_like_nexis_html)],
    ids=["factiva text", "factiva html", "nexis text", "nexis html"],
)
def test_each_export_is_recognised_by_its_own_detector_only(text, detector):
    assert [d for d in DETECTORS if d(text)] == [detector]


def assert_no_markup(drafts) -> None:
    for draft in drafts:
        for block in draft.blocks:
            assert not EXPORT_MARKUP.search(block), (draft.doc_id, block)
