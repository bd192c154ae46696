"""A corpus folder of what scrapers produce on a bad day, next to the five sample articles.

:func:`build_hostile_corpus` writes it and returns what a correct loader makes of it: the doc_ids it
loads, and for every file it must skip a fragment of the reason. Big files are made at test time,
never committed.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from conftest import SEEDS

GIANT_BYTES = 50 * 2**20
LONG_LINE_CHARS = 100_000

#: Markup that would run if a report pasted article text into its HTML: alerts (which block a page in
#: Chromium), and markers that leave a trace on <body> when they run.
XSS_MARKER = "data-pwned"
XSS_TITLE = 'Gas deal <script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">read more</a>'
XSS_BODY = [
    'Vladimir Putin met Xi Jinping in Moscow <script>document.body.setAttribute("data-pwned", "script")</script> '
    "to sign the Power of Siberia gas pipeline deal.",
    "Gazprom said the <img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\"> pipeline would carry "
    "gas from Russia to China, officials said.",
    'Readers can <a href="javascript:alert(1)">read the Kremlin statement</a> on Russia and China online.',
    "Chinese officials said <script>alert(1)</script> trade with Russia grew by 20 percent in 2023.",
]
XSS_DOC_ID = "xss_article"
#: A file name that is itself markup; "!" sorts it first, so notebooks that name the first article name it.
XSS_FILE_DOC_ID = "!<img src=x onerror=alert(2)>"

PROSE = (
    "Officials from Russia and China met in Harbin on Tuesday to discuss trade, energy and transport links "
    "along the border, and business leaders said exports of grain and machinery were growing. "
)
RUSSIAN = (
    "Россия и Китай расширяют торговлю\n\n"
    "Министр экономического развития России Максим Решетников встретился в Пекине с китайскими коллегами. "
    "Стороны обсудили поставки газа, строительство трубопровода и торговлю зерном.\n\n"
    "По словам министра, товарооборот между странами в прошлом году вырос на двадцать процентов.\n"
)
CHINESE = (
    "中俄经贸合作不断深化\n\n"
    "中国和俄罗斯在哈尔滨举行第八届中俄博览会，两国企业签署了多项合作协议。\n\n"
    "商务部表示，双边贸易额去年增长了百分之二十，能源和农业合作成果显著。\n"
)
WESTERN = "Café owners in Zürich\n\nPrices rose by 5% — “sharply”, owners of the café in Zürich said on Monday.\n"
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>News</title><script>alert(1)</script></head>"
    "<body><p>Trade grew.</p></body></html>"
)


@dataclass
class HostileCorpus:
    """The folder and what loading it must give."""

    root: Path
    loaded: set[str] = field(default_factory=set)  # doc_ids
    skipped: dict[str, str] = field(default_factory=dict)  # path -> fragment of the reason
    notices: dict[str, str] = field(default_factory=dict)  # path -> fragment of the message
    samples: list[str] = field(default_factory=list)  # doc_ids of the sample articles


def build_hostile_corpus(root: Path) -> HostileCorpus:
    """Write the hostile files and the sample articles into ``root``; return what loading must give."""
    root.mkdir(parents=True, exist_ok=True)
    corpus = HostileCorpus(root=root)

    def skip(name: str, content: bytes | str, reason: str) -> None:
        _write(root / name, content)
        corpus.skipped[name] = reason

    def load(name: str, content: bytes | str, notice: str = "") -> None:
        _write(root / name, content)
        corpus.loaded.add(name.rsplit(".", 1)[0])
        if notice:
            corpus.notices[name] = notice

    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, root / seed.name)
        corpus.loaded.add(seed.stem)
        corpus.samples.append(seed.stem)
    shutil.copy(SEEDS / f"{corpus.samples[0]}.txt", root / "copy_of_first_sample.txt")
    corpus.loaded.add("copy_of_first_sample")
    corpus.notices["copy_of_first_sample.txt"] = f"same text as {corpus.samples[0]}.txt"

    skip("empty.txt", b"", "empty file")
    skip("blank.txt", "  \n\t\n   \n", "empty file")
    skip("giant.txt", _giant_article(), "too long for one article")
    load("long_line.txt", "A very long line\n\n" + (PROSE * (LONG_LINE_CHARS // len(PROSE) + 1))[:LONG_LINE_CHARS])
    skip("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file")
    skip("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unsupported file type .png")
    skip("control_chars.txt", "Title\n\n" + "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f" * 100, "binary data")
    load("western_cp1252.txt", WESTERN.encode("cp1252"), "read as cp1252")
    load("russian_cp1251.txt", RUSSIAN.encode("cp1251"), "read as cp1251")
    load("chinese_gb18030.txt", CHINESE.encode("gb18030"), "read as gb18030")
    load("russian_utf16.txt", RUSSIAN.encode("utf-16"), "read as utf-16")
    load("western_utf16_no_bom.txt", WESTERN.encode("utf-16-le"), "read as utf-16-le")
    load("russian.txt", RUSSIAN)
    load("chinese.txt", CHINESE)
    skip("unknown_encoding.txt", b"Title\n\n\x81\x20\x8d\x20\x90 bytes no decoder reads", "unknown encoding")
    skip("saved_page.txt", HTML_PAGE, "no article text found in the page")
    skip("saved_page.html", HTML_PAGE, "no article text found in the page")
    skip("no_text_column.csv", "headline,notes\nTrade grows,Exports rose.\n", "no text column (columns: headline, notes)")
    pd.DataFrame({
        "id": [1, None, 3],
        "title": [None, "Empty row", "Grain trade"],
        "text": ["Exports of grain from Kazakhstan to China rose in May, traders said.", None,
                 "Rail freight between Almaty and Urumqi doubled, officials said."],
        "date": [pd.NaT, pd.Timestamp("2024-05-01"), pd.Timestamp("2024-05-03")],
        "source": ["Kazinform", None, None],
    }).to_parquet(root / "rows_with_nulls.parquet")
    corpus.loaded |= {"rows_with_nulls/1", "rows_with_nulls/3"}
    corpus.skipped["rows_with_nulls.parquet (row 2)"] = "empty 'text' cell"
    load("clash.text", "Clash one\n\n" + PROSE)
    skip("clash.txt", "Clash two\n\nA different article with the same doc_id, officials said.", "doc_id 'clash' is already")
    skip("README.md", "# My scrape\n", "documentation file")
    skip("SOURCE.txt", "Where these articles came from: a crawl of example.org, May 2024.\n", "documentation file")
    skip(".DS_Store", b"\x00\x00\x00\x01Bud1", "hidden file")
    skip(os.fsdecode(b"caf\xe9.txt"), "Caf\xe9\n\nThe caf\xe9 opened.", "not valid UTF-8")
    skip("two\nlines.txt", "Title\n\nA file name with a newline in it.", "control character")
    os.mkfifo(root / "pipe.txt")
    corpus.skipped["pipe.txt"] = "not a regular file"
    (root / "removed.txt").symlink_to(root / "no_longer_there.txt")
    corpus.skipped["removed.txt"] = "file not found"
    load(f"{XSS_DOC_ID}.txt", "\n\n".join([XSS_TITLE, *XSS_BODY]))
    load(f"{XSS_FILE_DOC_ID}.txt", "Markup in a file name\n\n" + PROSE)
    return corpus


def shown_path(name: str) -> str:
    """How a skipped file's path is shown: undecodable bytes and control characters as U+FFFD."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("\ufffd" if ord(ch) < 32 else ch for ch in name)


def _giant_article() -> bytes:
    head = b"A giant article\n\n"
    return head + (PROSE.encode() * (GIANT_BYTES // len(PROSE) + 1))[: GIANT_BYTES - len(head)]


def _write(path: Path, content: bytes | str) -> None:
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogateescape")
    path.write_bytes(content)
