"""Documents, PDFs and archives: one article per document, exports split, folders inside archives."""

from __future__ import annotations

import io
import tarfile
import zipfile

import docx
import pytest

from presslens.corpus import load_corpus, skipped_table
from presslens.corpus.readers.pdf import pdf_paragraphs

TITLE = "Ferry service to resume in March"
PARAGRAPHS = [
    "The ferry between the two harbours will run again from March, the operator said on Tuesday, after a winter "
    "in which storms kept its only boat in dock for six weeks.",
    "Passengers will pay the same fares as last year, and a second boat is due to join the route in the summer.",
]


def word_document(*, heading: bool) -> bytes:
    document = docx.Document()
    if heading:
        document.add_paragraph("Harbour news")  # a kicker above the headline
        document.add_heading(TITLE, level=1)
    else:
        document.add_paragraph(TITLE)
    document.add_paragraph("By Mira Holt")
    document.add_paragraph("Published: March 2, 2021")
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_document() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=TITLE))
    document.text.addElement(P(text="Published: March 2, 2021"))
    for paragraph in PARAGRAPHS:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def rtf_document(lines: list[str]) -> bytes:
    escaped = [line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("\xa0", "\\~")
               for line in lines]
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times;}}\n"
            + "".join(f"\\pard {line}\\par\n" for line in escaped) + "}").encode("ascii")


@pytest.mark.parametrize("name, content", [
    ("heading.docx", lambda: word_document(heading=True)),
    ("plain.docx", lambda: word_document(heading=False)),
    ("story.odt", odt_document),
    ("story.rtf", lambda: rtf_document([TITLE, "Published: March 2, 2021", *PARAGRAPHS])),
])
def test_a_document_that_is_not_an_export_is_one_article(tmp_path, name, content):
    (tmp_path / name).write_bytes(content())
    (article,) = load_corpus(tmp_path).articles
    assert article.title == TITLE
    assert article.date == "2021-03-02"
    assert article.body_paragraphs[-2:] == PARAGRAPHS
    assert "Published" not in article.text


NEXIS_UNI_LINES = [
    "Documents (2)", "1. Bridge opens to cyclists", "2. Library extends its hours",
    "Bridge opens to cyclists", "The Example Times", "June 3, 2020 Wednesday", "Copyright 2020 The Example Times",
    "Section:\xa0Metro", "Length:\xa0120 words", "Byline:\xa0By RITA HOLM", "Body",
    "The footbridge over the canal opened to cyclists on Tuesday.", "Riders must dismount at both ends.",
    "Load-Date:\xa0June 4, 2020", "End of Document",
    "Library extends its hours", "The Example Times", "May 28, 2020 Thursday", "Copyright 2020 The Example Times",
    "Section:\xa0Metro", "Length:\xa090 words", "Body", "The central library will stay open until nine on weekdays.",
    "Graphic", "PHOTO: The reading room.", "Load-Date:\xa0May 29, 2020", "End of Document",
]


def test_a_nexis_uni_export_saved_as_rtf_splits_into_its_articles(tmp_path):
    (tmp_path / "nexis.rtf").write_bytes(rtf_document(NEXIS_UNI_LINES))
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["nexis#001", "nexis#002"]
    first, second = corpus["nexis#001"], corpus["nexis#002"]
    assert (first.title, first.source, first.date, first.byline, first.section) == (
        "Bridge opens to cyclists", "The Example Times", "2020-06-03", "RITA HOLM", "Metro")
    assert first.body_paragraphs == ["The footbridge over the canal opened to cyclists on Tuesday.",
                                     "Riders must dismount at both ends."]
    assert second.body_paragraphs == ["The central library will stay open until nine on weekdays."]


def test_pdf_layout_is_undone_headers_page_numbers_hyphens_and_wrapped_lines():
    pages = [
        ["Harbour Gazette — Spring issue", "Ferry service to resume", "The ferry between the two harbours will run",
         "again from March, the operator said on Tues-", "day after a long winter.",
         "Passengers will pay the same fares as last", "year, and a second boat is due to join the", "route.", "1"],
        ["Harbour Gazette — Spring issue", "The harbour master said the quay was re-",
         "paired in January and would take the larger", "boat without further work.", "2"],
    ]
    assert pdf_paragraphs(pages) == [
        "Ferry service to resume",
        "The ferry between the two harbours will run again from March, the operator said on Tuesday after a long winter.",
        "Passengers will pay the same fares as last year, and a second boat is due to join the route.",
        "The harbour master said the quay was repaired in January and would take the larger boat without further work.",
    ]


def pdf_file(pages: list[list[str]]) -> bytes:
    """A minimal PDF whose pages draw these lines of text, one under another ('' leaves a line's space)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
        drawn = "".join(f"1 0 0 1 72 {740 - 14 * i} Tm ({line}) Tj\n" for i, line in enumerate(escaped) if line)
        stream = f"BT /F1 11 Tf\n{drawn}ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    start = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode())
    return out.getvalue()


def test_a_text_pdf_is_one_article_and_a_pdf_without_text_is_skipped(tmp_path):
    wrapped = ["Passengers will pay the same fares as last year, and a",
               "second boat is due to join the route in the summer."]
    (tmp_path / "story.pdf").write_bytes(pdf_file([[TITLE, "", "Published: March 2, 2021", "", *wrapped]]))
    (tmp_path / "scan.pdf").write_bytes(pdf_file([[], []]))
    corpus = load_corpus(tmp_path)
    (article,) = corpus.articles
    assert (article.doc_id, article.title, article.date, article.reader) == ("story", TITLE, "2021-03-02", "pdf")
    assert article.body_paragraphs == [PARAGRAPHS[1]]
    reasons = dict(zip(skipped_table(corpus).path, skipped_table(corpus).reason))
    assert "scanned PDF without a text layer" in reasons["scan.pdf"]


def test_pdf_paragraphs_end_at_wider_line_spacing_indents_and_font_changes():
    from presslens.corpus.readers.pdf import Line

    lines = [Line("Ferry service", 72, 700, 18), Line("to resume", 72, 680, 18),
             Line("The ferry between the two harbours will run again", 72, 650, 11),
             Line("from March.", 72, 636, 11),
             Line("Passengers will pay the same fares as last year,", 72, 614, 11),  # wider spacing
             Line("and a second boat joins in summer.", 72, 600, 11),
             Line("The harbour master said the quay was repaired", 84, 586, 11),  # indented
             Line("in January.", 72, 572, 11)]
    assert pdf_paragraphs([lines]) == [
        "Ferry service to resume", "The ferry between the two harbours will run again from March.",
        "Passengers will pay the same fares as last year, and a second boat joins in summer.",
        "The harbour master said the quay was repaired in January."]


def test_a_nexis_uni_export_saved_as_pdf_splits_into_its_articles(tmp_path):
    wrapped = ["The council said the bridge, which took two years to build and cost less than the",
               "budget set aside for it, would also carry pedestrians and wheelchair users from the",
               "start of next month."]
    lines = [line.replace("\xa0", " ") for line in NEXIS_UNI_LINES]
    body = lines.index("Body") + 1
    lines[body:body] = wrapped  # a page's text is mostly lines of full width
    (tmp_path / "nexis.pdf").write_bytes(pdf_file([lines[:18], lines[18:]]))
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["nexis#001", "nexis#002"]
    first, second = corpus["nexis#001"], corpus["nexis#002"]
    assert (first.title, first.date, first.byline, second.title, second.date) == (
        "Bridge opens to cyclists", "2020-06-03", "RITA HOLM", "Library extends its hours", "2020-05-28")
    assert second.body_paragraphs == ["The central library will stay open until nine on weekdays."]
    assert first.body_paragraphs[0] == " ".join(wrapped)


def test_archives_read_as_folders(tmp_path):
    story = f"{TITLE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    with zipfile.ZipFile(tmp_path / "news.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("politics/001.txt", story)
        archive.writestr("politics/002.docx", word_document(heading=True))
        archive.writestr("images/map.png", b"\x89PNG\r\n")
        archive.writestr("inner.zip", b"PK\x05\x06" + b"\0" * 18)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = story.encode("utf-8")
        member = tarfile.TarInfo("economy/003.txt")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    (tmp_path / "more.tar.gz").write_bytes(buffer.getvalue())
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["more.tar.gz/economy/003", "news.zip/politics/001", "news.zip/politics/002"]
    assert {a.title for a in corpus} == {TITLE}
    reasons = dict(zip(skipped_table(corpus).path, skipped_table(corpus).reason))
    assert "unsupported file type .png" in reasons["news.zip/images/map.png"]
    assert "archive inside an archive" in reasons["news.zip/inner.zip"]
