"""Words each reader keeps of a reference extraction, per kind of file, and what hostile archives cost.

Articles written here are saved as Word files (python-docx) and converted by LibreOffice
(``soffice --headless``) to ``.odt``, ``.rtf`` and ``.pdf`` — a PDF in one column and one in two
columns, both with a running header and page numbers — and as tables (``.csv``, ``.json``, ``.xlsx``,
``.ods``; ``.xls`` needs LibreOffice Calc to be written and is not measured) and archives (``.zip``, ``.tar.gz``); the reference is the text written. The Nexis
Uni export ``nyt1.docx`` of ``../shared`` is converted to ``.rtf`` and ``.pdf`` (reference: the Word
reader's articles), and Integrum's ``.xlsx`` is read against openpyxl's cells. PDFs are read with
pypdf (the reader) and, beside it, with pdfplumber. Then ``presslens export articles`` runs on a folder
holding a ``.docx`` and a ``.zip`` that inflate to 200 MB each: seconds and peak memory.

    python bench/formats.py [--realworld ../shared/corpora/realworld]
"""

from __future__ import annotations

import argparse
import collections
import io
import itertools
import json
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

import docx
import pandas as pd
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from presslens.corpus import load_corpus
from presslens.corpus.model import WORD
from presslens.corpus.readers.pdf import pdf_paragraphs

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "The ferry between the two harbours will run again from March, the operator said on Tuesday.",
    "Storms kept its only boat in dock for six weeks this winter, and the island's shops ran short of fresh food.",
    "Passengers will pay the same fares as last year, while a second boat is due to join the route in the summer.",
    "The harbour master said the quay had been repaired in January and could take the larger boat without more work.",
    "Fishermen welcomed the news but asked the council to keep two berths free for their trawlers during the season.",
    "A study published by the regional government found that the crossing carries twelve thousand people a year.",
    "Most of them are residents who travel to the mainland for hospital visits, school exams and weekly shopping.",
    "The operator expects tourism to grow once the timetable offers a late return on Fridays and Saturdays.",
    "Council members voted unanimously to extend the subsidy for another three years at the current level.",
    "Critics argued that the money would be better spent on a fixed link, an idea the council rejected in 2019.",
]


def articles() -> list[tuple[str, list[str]]]:
    """Three articles of this file's sentences, a long one among them (several pages in two columns)."""
    paragraphs = [" ".join(SENTENCES[i] for i in chosen) for chosen in itertools.permutations(range(10), 3)][::37]
    return [("Ferry service to resume in March", paragraphs[:3]),
            ("Council extends the ferry subsidy", paragraphs[3:8]),
            ("What the island expects of its ferry", paragraphs[8:32])]


def words(text: str) -> collections.Counter:
    return collections.Counter(word.casefold() for word in WORD.findall(text))


def recall(reference: str, extracted: str) -> float:
    wanted = words(reference)
    return sum((wanted & words(extracted)).values()) / max(sum(wanted.values()), 1)


def word_file(title: str, paragraphs: list[str], path: Path, *, columns: int) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Island Gazette - Spring issue"
    footer = section.footer.paragraphs[0]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(columns))
    document.add_heading(title, level=1)
    document.add_paragraph("Published: March 2, 2021")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)


def convert(files: list[Path], kind: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=600)


def article_texts(folder: Path) -> dict[str, str]:
    return {article.doc_id: article.text for article in load_corpus(folder)}


def score_documents(work: Path) -> dict[str, float]:
    written = {f"a{i}": f"{title}\n\n" + "\n\n".join(paragraphs) for i, (title, paragraphs) in enumerate(articles())}
    for columns in (1, 2):
        folder = work / f"docx{columns}"
        folder.mkdir()
        for name, (title, paragraphs) in zip(written, articles()):
            word_file(title, paragraphs, folder / f"{name}.docx", columns=columns)
    scores = {}
    docx_files = sorted((work / "docx1").glob("*.docx"))
    scores[".docx"] = _mean(written, article_texts(work / "docx1"))
    for kind in ("odt", "rtf"):
        convert(docx_files, kind, work / kind)
        scores[f".{kind}"] = _mean(written, article_texts(work / kind))
    for columns in (1, 2):
        convert(sorted((work / f"docx{columns}").glob("*.docx")), "pdf", work / f"pdf{columns}")
        scores[f".pdf ({columns} column{'s' if columns > 1 else ''})"] = _mean(written, article_texts(work / f"pdf{columns}"))
        for library in ("pypdf", "pdfplumber"):
            scores[f".pdf ({columns} col.), {library} lines only"] = _mean(written, _raw_pdf_texts(work / f"pdf{columns}",
                                                                                                     library))
    return scores


def _raw_pdf_texts(folder: Path, library: str) -> dict[str, str]:
    """The paragraphs of each PDF as pypdf or pdfplumber extracts its lines, before any cleaning."""
    import pdfplumber
    from pypdf import PdfReader

    texts = {}
    for path in sorted(folder.glob("*.pdf")):
        if library == "pypdf":
            pages = [page.extract_text() or "" for page in PdfReader(path).pages]
        else:
            with pdfplumber.open(path) as pdf:
                pages = [page.extract_text() or "" for page in pdf.pages]
        texts[path.stem] = "\n\n".join(pdf_paragraphs([[line.strip() for line in page.split("\n")] for page in pages]))
    return texts


def _mean(reference: dict[str, str], extracted: dict[str, str]) -> float:
    return sum(recall(text, extracted.get(doc_id, "")) for doc_id, text in reference.items()) / len(reference)


def score_tables(work: Path) -> dict[str, float]:
    table = pd.DataFrame([{"Заголовок": title, "Дата": "02.03.21", "Источник": "Island Gazette",
                           "Текст": "\n\n".join(paragraphs)} for title, paragraphs in articles()])
    reference = {f"t/{i}": f"{title}\n\n" + "\n\n".join(p) for i, (title, p) in enumerate(articles(), start=1)}
    folder = work / "tables"
    folder.mkdir()
    scores = {}
    writers = {".csv": lambda p: table.to_csv(p, index=False),
               ".json": lambda p: p.write_text(json.dumps({"articles": table.to_dict("records")}, ensure_ascii=False)),
               ".xlsx": lambda p: table.to_excel(p, index=False), ".ods": lambda p: table.to_excel(p, index=False, engine="odf")}
    for suffix, write in writers.items():
        single = folder / suffix.strip(".")
        single.mkdir()
        write(single / f"t{suffix}")
        scores[suffix] = _mean(reference, article_texts(single))
    return scores


def score_archives(work: Path) -> dict[str, float]:
    reference = {f"a{i}": f"{title}\n\n" + "\n\n".join(p) for i, (title, p) in enumerate(articles())}
    folder = work / "archives"
    folder.mkdir()
    with zipfile.ZipFile(folder / "news.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for doc_id, text in reference.items():
            archive.writestr(f"politics/{doc_id}.txt", text)
    with tarfile.open(folder / "news.tar.gz", "w:gz") as archive:
        for doc_id, text in reference.items():
            data = text.encode()
            member = tarfile.TarInfo(f"politics/{doc_id}.txt")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    texts = article_texts(folder)
    return {suffix: _mean({f"news{suffix}/politics/{k}": v for k, v in reference.items()}, texts)
            for suffix in (".zip", ".tar.gz")}


def score_realworld(realworld: Path, work: Path) -> dict[str, float]:
    scores = {}
    nexis = realworld / "exports/nexis/nyt1.docx"
    if nexis.is_file():
        folder = work / "nexis"
        folder.mkdir()
        (folder / "nyt1.docx").write_bytes(nexis.read_bytes())
        reference = article_texts(folder)
        for kind in ("rtf", "pdf"):
            convert([folder / "nyt1.docx"], kind, work / f"nexis-{kind}")
            converted = {doc_id.replace(".", "_"): text for doc_id, text in article_texts(work / f"nexis-{kind}").items()}
            scores[f"Nexis Uni .{kind} ({len(converted)}/{len(reference)} articles)"] = _mean(reference, converted)
    for table in sorted((realworld / "exports/integrum").glob("*.xlsx")):
        cells = pd.read_excel(table, dtype=str).fillna("")
        reference = {f"{table.stem}/{i}": f"{row['Заголовок']}\n\n{row['Анонс']}" for i, row in enumerate(
            cells.to_dict("records"), start=1)}
        loaded = load_corpus(table)
        scores[f"Integrum .xlsx ({len(loaded)}/{len(cells)} rows, {sum(bool(a.date) for a in loaded)} dated)"] = _mean(
            reference, {a.doc_id: a.text for a in loaded})
    return scores


def hostile_cost(work: Path) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT))
    from tests.corpus.test_limits import hostile_corpus

    folder = hostile_corpus(work / "hostile")
    started = time.monotonic()
    subprocess.run([str(Path(sys.executable).with_name("presslens")), "export", "articles", "--corpus", str(folder),
                    "--out", str(work / "hostile.csv")], check=True, capture_output=True, timeout=300)
    return time.monotonic() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realworld", type=Path, default=ROOT.parent / "shared/corpora/realworld")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        scores = {**score_documents(work), **score_tables(work), **score_archives(work),
                  **score_realworld(options.realworld, work)}
        seconds, peak_mb = hostile_cost(work)
    print(f"{'format':<52} words kept of the reference")
    for name, score in scores.items():
        print(f"{name:<52} {score:6.1%}")
    print(f"\nhostile .docx + .zip (200 MB each inflated): export articles {seconds:.1f} s, peak {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
