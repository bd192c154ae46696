"""Database exports read whole: articles found against the count each file announces, metadata, leaked markup, time.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/exports.py --folder ../shared/corpora/realworld/exports

Reads every ``.txt``, ``.html`` and ``.docx`` under the folder with the Factiva and Nexis readers (the
reader chosen by its detector, as the corpus loader does), and prints one line per file: articles
found / expected, the share with a title, a date and a source, the blocks holding export markup,
articles skipped, and seconds. The expected count is the one the file states (``N of M DOCUMENTS``,
``Documents (N)``), else the known figure of the development files. Exits 1 when any file differs.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from pathlib import Path

from presslens.corpus.decode import decode_bytes
from presslens.corpus.readers import factiva, nexis

#: Articles in the development exports that do not state their own count.
KNOWN_COUNTS = {"Factiva-20220515-1939.txt": 55, "irish-independence_1_2017-11-14.html": 44, "guardian3.docx": 62,
                "nyt1.docx": 50, "afp_2013-03-12_0501.html": 74, "guardian_1986-01-01_0001.html": 262}
TEXT_READERS = [
    (factiva.looks_like_factiva_text, factiva.read_factiva_text),
    (nexis.looks_like_nexis_text, nexis.read_nexis_text),
    (factiva.looks_like_factiva_html, factiva.read_factiva_html),
    (nexis.looks_like_nexis_html, nexis.read_nexis_html),
]
STATED_COUNT = re.compile(r"\b\d+\s+of\s+(\d+)\s+DOCUMENTS\b|DOCUMENTS=\"(\d+)\"", re.IGNORECASE)
WORD_COVER_COUNT = re.compile(r"^Documents \((\d+)\)$")
EXPORT_MARKUP = re.compile(
    r"^(?:SE|HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB|AN|Body|End of Document|Classification)$"
    r"|^(?:BYLINE|SECTION|LENGTH|HEADLINE|DATELINE|BODY|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|SUBJECT|GRAPHIC):"
    r"|^(?:Byline|Section|Length|Load-Date|Language|Subject|Highlight|Dateline)[:\xa0]"
    r"|^Document \w+$|^\d+ of \d+ DOCUMENTS$|^(?:copyright|\(c\)|©)\s*(?:\(c\)|©)?\s*(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def stated_count(raw: bytes, suffix: str) -> int | None:
    """The number of articles a file says it holds (its cover or its first ``N of M DOCUMENTS``), if it says."""
    if suffix == ".docx":
        import docx

        cover = (WORD_COVER_COUNT.match(p.text.strip()) for p in docx.Document(io.BytesIO(raw)).paragraphs[:20])
        return next((int(match.group(1)) for match in cover if match), None)
    counted = STATED_COUNT.search(decode_bytes(raw)[0][:20000])
    return int(counted.group(1) or counted.group(2)) if counted else None


def read_export(raw: bytes, suffix: str, relative: str):
    """(drafts, skipped) of one export file, read by the reader whose detector recognises it."""
    if suffix == ".docx":
        return nexis.read_nexis_docx(raw, relative)
    text, encoding = decode_bytes(raw)
    read = next((read for recognises, read in TEXT_READERS if recognises(text)), None)
    return read(text, relative, encoding) if read else ([], [])


def share(drafts, field: str) -> str:
    return f"{sum(bool(getattr(d, field)) for d in drafts) / len(drafts):4.0%}" if drafts else "   -"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default="../shared/corpora/realworld/exports")
    args = parser.parse_args()
    root = Path(args.folder)
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in {".txt", ".html", ".htm", ".docx"})
    print(f"{'file':45} {'found':>5} {'expect':>6} {'title':>5} {'date':>5} {'source':>6} {'markup':>6} "
          f"{'skipped':>7} {'seconds':>7}")
    failures = 0
    for file in files:
        relative = file.relative_to(root).as_posix()
        raw, suffix = file.read_bytes(), file.suffix.lower()
        stated = stated_count(raw, suffix)
        started = time.perf_counter()
        drafts, skipped = read_export(raw, suffix, relative)
        seconds = time.perf_counter() - started
        expected = stated if stated is not None else KNOWN_COUNTS.get(file.name)
        markup = [(d.doc_id, block) for d in drafts for block in d.blocks if EXPORT_MARKUP.search(block)]
        ok = len(drafts) == expected and not markup
        failures += not ok
        print(f"{relative:45} {len(drafts):5} {'?' if expected is None else expected:>6} {share(drafts, 'title'):>5} "
              f"{share(drafts, 'date'):>5} {share(drafts, 'source'):>6} {len(markup):6} {len(skipped):7} "
              f"{seconds:7.2f}{'' if ok else '  MISMATCH'}")
        for doc_id, block in markup[:5]:
            print(f"    markup in {doc_id}: {block[:80]!r}")
        for entry in skipped[:5]:
            print(f"    skipped {entry.path}: {entry.reason}")
    print(f"{len(files) - failures} of {len(files)} files exact")
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
