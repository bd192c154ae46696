"""Words and paragraphs each reader keeps of a reference, per kind of file, and what hostile archives cost.

Two sets of articles, each saved as Word files (python-docx, a running header and page numbers) and
converted by LibreOffice (``soffice --headless``) to ``.odt``, ``.rtf`` and ``.pdf`` in one and in two
columns, and as tables (``.csv``, ``.json``, ``.xlsx``, ``.ods``, ``.xls``) and archives (``.zip``, ``.tar.gz``):

- ``written``: articles of this file's own sentences, on which the readers' rules were written;
- ``bbc``: real BBC articles of ``../shared/corpora/bbc`` (the first of two folders), only measured.

The reference is the text saved: *words* is the share of its words the loaded article keeps, *paras*
the share of its paragraphs found whole. The Nexis Uni exports of ``../shared`` are converted to
``.rtf`` and ``.pdf`` (reference: the Word reader's articles; ``nyt1`` for development, ``guardian3``
only measured), and Integrum's ``.xlsx`` is read against openpyxl's cells. PDFs are also read with
pdfplumber in place of pypdf. Then ``presslens export articles`` runs on a folder holding a ``.docx``
and a ``.zip`` that inflate to 200 MB each: seconds and peak memory. Needs LibreOffice Writer and
Calc (``apt-get install libreoffice-writer-nogui libreoffice-calc-nogui``).

    python bench/formats.py [--shared ../shared] [--bbc-files 10]
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
from presslens.corpus.layout import text_blocks
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
Article = tuple[str, list[str]]  # title, paragraphs


def written_articles() -> list[Article]:
    """Three articles of this file's sentences, a long one among them (several pages in two columns)."""
    paragraphs = [" ".join(SENTENCES[i] for i in chosen) for chosen in itertools.permutations(range(10), 3)][::37]
    return [("Ferry service to resume in March", paragraphs[:3]),
            ("Council extends the ferry subsidy", paragraphs[3:8]),
            ("What the island expects of its ferry", paragraphs[8:32])]


def bbc_articles(folder: Path, count: int) -> list[Article]:
    """The first ``count`` articles of two folders of the BBC corpus, as title and paragraphs."""
    chosen = []
    for section in ("business", "politics"):
        for path in sorted((folder / section).glob("*.txt"))[:count]:
            title, *paragraphs = text_blocks(path.read_text(encoding="latin-1"))
            chosen.append((title, paragraphs))
    return chosen


def words(text: str) -> collections.Counter:
    return collections.Counter(word.casefold() for word in WORD.findall(text))


def scores(reference: dict[str, Article], extracted: dict[str, str]) -> tuple[float, float]:
    """Mean share of each reference article's words, and of its paragraphs found whole, in its extraction."""
    kept_words, kept_paragraphs = [], []
    for doc_id, (title, paragraphs) in reference.items():
        text = extracted.get(doc_id, "")
        wanted = words(title + "\n" + "\n".join(paragraphs))
        kept_words.append(sum((wanted & words(text)).values()) / max(sum(wanted.values()), 1))
        found = set(text_blocks(text))
        kept_paragraphs.append(sum(" ".join(text_blocks(p)) in found for p in paragraphs) / max(len(paragraphs), 1))
    return sum(kept_words) / len(kept_words), sum(kept_paragraphs) / len(kept_paragraphs)


def article_texts(folder: Path) -> dict[str, str]:
    return {article.doc_id: article.text for article in load_corpus(folder)}


def word_file(article: Article, path: Path, *, columns: int) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Island Gazette - Spring issue"
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    section.footer.paragraphs[0]._p.append(field)
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(columns))
    title, paragraphs = article
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)


def convert(files: list[Path], kind: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=900)


def measure_documents(reference: dict[str, Article], work: Path) -> dict[str, tuple[float, float]]:
    results = {}
    for columns in (1, 2):
        folder = work / f"docx{columns}"
        folder.mkdir()
        for doc_id, article in reference.items():
            word_file(article, folder / f"{doc_id}.docx", columns=columns)
        convert(sorted(folder.glob("*.docx")), "pdf", work / f"pdf{columns}")
    results[".docx"] = scores(reference, article_texts(work / "docx1"))
    for kind in ("odt", "rtf"):
        convert(sorted((work / "docx1").glob("*.docx")), kind, work / kind)
        results[f".{kind}"] = scores(reference, article_texts(work / kind))
    for columns in (1, 2):
        name = f".pdf, {columns} column{'s' if columns > 1 else ''}"
        results[name] = scores(reference, article_texts(work / f"pdf{columns}"))
        results[f"{name}, pdfplumber lines"] = scores(reference, _pdfplumber_texts(work / f"pdf{columns}"))
    return results


def _pdfplumber_texts(folder: Path) -> dict[str, str]:
    """Each PDF's text as pdfplumber extracts its lines, through the same paragraph rules (by length)."""
    import pdfplumber

    texts = {}
    for path in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            pages = [[line.strip() for line in (page.extract_text() or "").split("\n")] for page in pdf.pages]
        texts[path.stem] = "\n\n".join(pdf_paragraphs(pages))
    return texts


def measure_tables(reference: dict[str, Article], work: Path) -> dict[str, tuple[float, float]]:
    rows = [{"Заголовок": title, "Дата": "02.03.21", "Источник": "Island Gazette", "Текст": "\n\n".join(paragraphs)}
            for title, paragraphs in reference.values()]
    table = pd.DataFrame(rows)
    by_row = {f"t/{i}": article for i, article in enumerate(reference.values(), start=1)}
    writers = {".csv": lambda path: table.to_csv(path, index=False),
               ".json": lambda path: path.write_text(json.dumps({"articles": rows}, ensure_ascii=False)),
               ".xlsx": lambda path: table.to_excel(path, index=False),
               ".ods": lambda path: table.to_excel(path, index=False, engine="odf")}
    results = {}
    for suffix, write in writers.items():
        folder = work / f"table{suffix}"
        folder.mkdir()
        write(folder / f"t{suffix}")
        results[suffix] = scores(by_row, article_texts(folder))
    convert([work / "table.xlsx" / "t.xlsx"], "xls", work / "table.xls")
    results[".xls"] = scores(by_row, article_texts(work / "table.xls"))
    return results


def measure_archives(reference: dict[str, Article], work: Path) -> dict[str, tuple[float, float]]:
    folder = work / "archives"
    folder.mkdir()
    texts = {doc_id: (title + "\n\n" + "\n\n".join(paragraphs)).encode() for doc_id, (title, paragraphs) in
             reference.items()}
    with zipfile.ZipFile(folder / "news.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for doc_id, data in texts.items():
            archive.writestr(f"section/{doc_id}.txt", data)
    with tarfile.open(folder / "news.tar.gz", "w:gz") as archive:
        for doc_id, data in texts.items():
            member = tarfile.TarInfo(f"section/{doc_id}.txt")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    loaded = article_texts(folder)
    return {suffix: scores({f"news{suffix}/section/{doc_id}": article for doc_id, article in reference.items()}, loaded)
            for suffix in (".zip", ".tar.gz")}


def measure_exports(realworld: Path, work: Path) -> dict[str, tuple[float, float]]:
    results = {}
    for name, role in (("nyt1", "development"), ("guardian3", "measured only")):
        export = realworld / f"exports/nexis/{name}.docx"
        folder = work / name
        folder.mkdir()
        (folder / export.name).write_bytes(export.read_bytes())
        reference = {article.doc_id: (article.title, article.body_paragraphs) for article in load_corpus(folder)}
        for kind in ("rtf", "pdf"):
            convert([folder / export.name], kind, work / f"{name}-{kind}")
            converted = article_texts(work / f"{name}-{kind}")
            results[f"Nexis Uni {name} .{kind} ({role}; {len(converted)}/{len(reference)} articles)"] = scores(
                reference, converted)
    for table in sorted((realworld / "exports/integrum").glob("*.xlsx")):
        cells = pd.read_excel(table, dtype=str).fillna("")
        reference = {f"{table.stem}/{i}": (row["Заголовок"], text_blocks(row["Анонс"]))
                     for i, row in enumerate(cells.to_dict("records"), start=1)}
        loaded = load_corpus(table)
        dated = sum(bool(article.date) for article in loaded)
        results[f"Integrum .xlsx ({len(loaded)}/{len(cells)} rows, {dated} dated)"] = scores(
            reference, {article.doc_id: article.text for article in loaded})
    return results


def hostile_cost(work: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB, the largest process) of ``export articles`` on two hostile archives."""
    sys.path.insert(0, str(ROOT))
    from tests.corpus.test_limits import hostile_corpus

    folder = hostile_corpus(work / "hostile")
    started = time.monotonic()
    subprocess.run([str(Path(sys.executable).with_name("presslens")), "export", "articles", "--corpus", str(folder),
                    "--out", str(work / "hostile.csv")], check=True, capture_output=True, timeout=300)
    return time.monotonic() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--bbc-files", type=int, default=10, help="articles of each of two BBC folders")
    options = parser.parse_args()
    sets = {"written": written_articles(), "bbc": bbc_articles(options.shared / "corpora/bbc", options.bbc_files)}
    rows: dict[str, dict[str, tuple[float, float]]] = collections.defaultdict(dict)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for name, chosen in sets.items():
            reference = {f"a{i:03d}": article for i, article in enumerate(chosen)}
            (work / name).mkdir()
            for measure in (measure_documents, measure_tables, measure_archives):
                for kind, result in measure(reference, work / name).items():
                    rows[kind][name] = result
        exports = measure_exports(options.shared / "corpora/realworld", work)
        seconds, peak_mb = hostile_cost(work)
    print(f"{'format':<44} {'written: words  paras':>22} {'bbc: words  paras':>20}")
    for kind, by_set in rows.items():
        cells = "".join(f"{by_set[name][0]:>11.1%} {by_set[name][1]:>7.1%}" for name in sets)
        print(f"{kind:<44} {cells}")
    for kind, (kept_words, kept_paragraphs) in exports.items():
        print(f"{kind:<66} words {kept_words:.1%}, paragraphs {kept_paragraphs:.1%}")
    print(f"\nhostile .docx + .zip (200 MB each inflated): export articles {seconds:.1f} s, peak {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
