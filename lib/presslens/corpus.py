"""Load a folder of news articles faithfully: text, metadata, paragraphs, sentences.

A corpus is a folder, read recursively. Plain-text files (``.txt``) hold one article each: the first
non-empty line is the title, metadata lines near the top give the date and source. Tables (``.csv``,
``.jsonl``, ``.parquet``) hold one article per row, in configurable columns.

Cleaning removes web boilerplate, metadata lines and verbatim repeated paragraphs, and records every
removal, so a researcher can audit what the analysis did not see.

Loading never stops on a bad file. Whatever cannot be an article — an empty, binary or undecodable
file, an HTML page, a table without its text column, a text longer than :data:`MAX_ARTICLE_CHARS`, a
file that disappears while the folder is read — is skipped with the reason and what to do about it.
Articles with the same text in two files are both loaded, with a notice on the second; two articles
that would get the same ``doc_id`` cannot be, so the second is skipped.
"""

from __future__ import annotations

import codecs
import functools
import re
import stat
import unicodedata
from dataclasses import asdict, dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import pandas as pd
import yaml

from presslens.corpus_store import read_files
from presslens.documents import Article, Corpus, Notice, Removal, SkippedFile, count_words
from presslens.engine import Engine, Execution, default_jobs
from presslens.resources import punkt_tokenizer

TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet"}
#: Files larger than this are not read at all (a table of many articles can be large, but not this large).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Longer texts are skipped: about 160,000 words, ten times the longest news features. Sentence
#: splitting and actor extraction stay linear in length, but one such "article" would dominate every
#: count, and pairing all of its actors (the article window) grows with the square of their number.
MAX_ARTICLE_CHARS = 1_000_000
#: Show a progress bar when a folder holds more files than this.
PROGRESS_THRESHOLD = 200
_DOCUMENTATION_FILE = re.compile(r"^(readme|license|licence|copying|changelog)(\.\w+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class TableColumns:
    """Which columns of a ``.csv``, ``.jsonl`` or ``.parquet`` file hold what."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    source: str = "source"
    id: str = "id"


class CorpusNotFound(FileNotFoundError):
    """The corpus path does not exist or is not a folder."""


# --------------------------------------------------------------------------------------------
# Loading


def load_corpus(
    path: str | Path,
    *,
    columns: TableColumns | None = None,
    progress: bool | None = None,
    cache_dir: str | Path | None = None,
    jobs: int | None = 1,
    engine: Engine = "pandas",
    scheduler: str | None = None,
) -> Corpus:
    """Load every article under ``path``.

    Parameters
    ----------
    path
        A folder, read recursively.
    columns
        Column names for table files (default: ``text``, ``title``, ``date``, ``source``, ``id``).
    progress
        Show a progress bar; default: on a terminal, for folders of more than ``PROGRESS_THRESHOLD`` files.
    cache_dir
        A folder where parsed files and the tables derived from articles (tokens, mentions) are kept
        between runs; ``None``: no cache.
    jobs
        Worker processes for parsing and extraction (``None``: all cores).
    engine, scheduler
        ``"dask"`` runs extraction on a ``dask.distributed`` cluster at ``scheduler`` (default: a
        local cluster).

    Raises
    ------
    CorpusNotFound
        When ``path`` does not exist or is a file.
    """
    root = Path(path).expanduser()
    if not root.exists():
        raise CorpusNotFound(f"corpus folder not found: {root} — pass the folder that holds your articles")
    if not root.is_dir():
        raise CorpusNotFound(
            f"corpus must be a folder, not a file: {root} — put the file in a folder and pass the folder"
        )
    columns = columns or TableColumns()
    execution = Execution(
        cache_dir=str(cache_dir) if cache_dir else None, jobs=jobs or default_jobs(), engine=engine, scheduler=scheduler
    )
    files = sorted(p for p in root.rglob("*") if not p.is_dir())
    hide_progress = None if progress is None and len(files) > PROGRESS_THRESHOLD else not progress  # None: on a terminal
    corpus = Corpus(root=str(root), articles=[], execution=execution)
    reader = functools.partial(read_file, root=root, columns=columns)
    for articles, skipped, notices in read_files(
        files, reader, settings=asdict(columns), execution=execution, hide_progress=hide_progress, prepare=punkt_tokenizer
    ):
        corpus.articles.extend(articles)
        corpus.skipped.extend(skipped)
        corpus.notices.extend(notices)
    _check_duplicates(corpus)
    return corpus


def _check_duplicates(corpus: Corpus) -> None:
    """Skip an article whose doc_id is taken; add a notice to one whose text another file already has.

    Identical texts are both kept: the same wire story in two outlets is two publications; a
    duplicate download is for the researcher to delete, and the notice names both files.
    """
    by_doc_id: dict[str, Article] = {}
    by_text: dict[str, Article] = {}
    kept = []
    for article in corpus.articles:
        first = by_doc_id.setdefault(article.doc_id, article)
        if first is not article:
            corpus.skipped.append(SkippedFile(
                _location(article), f"doc_id '{article.doc_id}' is already that of {_location(first)}: rename one of them"
            ))
            continue
        original = by_text.setdefault(article.text, article)
        if original is not article:
            corpus.notices.append(Notice(
                _location(article), f"same text as {_location(original)}: both are analysed; delete one if it is a duplicate"
            ))
        kept.append(article)
    corpus.articles[:] = kept


def _location(article: Article) -> str:
    """Where an article comes from: its file, and for a table row its doc_id too."""
    if article.path.rsplit(".", 1)[0] == article.doc_id:
        return article.path
    return f"{article.path} ({article.doc_id})"


def read_file(
    file: Path, root: Path, columns: TableColumns
) -> tuple[list[Article], list[SkippedFile], list[Notice]]:
    """Read one file of a corpus folder into articles, skipped entries and notices. Never raises."""
    relative = file.relative_to(root).as_posix()
    reason = _reason_not_to_read(file, relative)
    if reason:
        return [], [SkippedFile(_printable(relative), reason)], []
    try:
        if file.suffix.lower() in TABLE_SUFFIXES:
            return _read_table(file, relative, columns)
        return _read_text_file(file, relative)
    except OSError as error:
        return [], [SkippedFile(relative, _read_error(error))], []


def _reason_not_to_read(file: Path, relative: str) -> str | None:
    """Why a file is not read at all — its name, kind, type or size — or None when it is read."""
    if any("\udc80" <= ch <= "\udcff" for ch in relative):
        return "file name is not valid UTF-8: rename it (for example with `convmv -f latin1 -t utf8`)"
    if any(unicodedata.category(ch) == "Cc" for ch in relative):
        return "file name contains a control character (such as a newline or tab): rename it"
    if any(part.startswith(".") for part in relative.split("/")):
        return "hidden file: not read as an article"
    if _DOCUMENTATION_FILE.match(file.name):
        return "documentation file, not an article"
    suffix = file.suffix.lower()
    if suffix not in TEXT_SUFFIXES | TABLE_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES | TABLE_SUFFIXES))
        return f"unsupported file type {suffix or '(none)'}: presslens reads {kinds}"
    try:
        status = file.stat()
    except OSError as error:
        return _read_error(error)
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file (a pipe, socket or device): not read"
    if status.st_size == 0:
        return "empty file"
    if status.st_size > MAX_FILE_BYTES:
        return f"file too large ({status.st_size / 2**20:,.0f} MB): split it into files of at most {MAX_FILE_BYTES // 2**20} MB"
    return None


def _read_error(error: OSError) -> str:
    """Why a file could not be read, in words."""
    if isinstance(error, FileNotFoundError):
        return "file not found when read: removed while the corpus was loading, or a link to a missing file"
    return f"cannot read file: {error.strerror or error}"


def _printable(name: str) -> str:
    """``name`` with undecodable bytes and control characters shown as U+FFFD."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in name)


def _read_text_file(file: Path, relative: str) -> tuple[list[Article], list[SkippedFile], list[Notice]]:
    raw = file.read_bytes()
    try:
        text, encoding = decode_bytes(raw)
    except UnicodeError as error:
        return [], [SkippedFile(relative, str(error))], []
    notices = []
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        notices.append(Notice(relative, f"not UTF-8: read as {encoding}; check its accents and symbols"))
    problem = check_plain_text(text)
    if problem:
        return [], [SkippedFile(relative, problem)], notices
    doc_id = relative.rsplit(".", 1)[0]
    article = build_article(doc_id, relative, text)
    if article is None:
        return [], [SkippedFile(relative, "no article text left after cleaning")], notices
    article.encoding = encoding
    return [article], [], notices


def _read_table(file: Path, relative: str, columns: TableColumns) -> tuple[list[Article], list[SkippedFile], list[Notice]]:
    try:
        table = _read_table_frame(file)
    except Exception as error:  # noqa: BLE001 - pandas and pyarrow raise many kinds of parse errors
        return [], [SkippedFile(relative, f"cannot parse table: {type(error).__name__}: {error}")], []
    if columns.text not in table.columns:
        found = ", ".join(map(str, table.columns)) or "none"
        return [], [
            SkippedFile(
                relative,
                f"no '{columns.text}' column (columns: {found}); name the text column with --text-column",
            )
        ], []
    stem = relative.rsplit(".", 1)[0]
    articles, skipped = [], []
    ids = table[columns.id] if columns.id in table.columns else pd.Series(range(1, len(table) + 1))
    for position, (row_id, row) in enumerate(zip(ids, table.to_dict("records")), start=1):
        where = f"{relative} (row {position})"
        text = row.get(columns.text)
        if _cell(text) == "":
            skipped.append(SkippedFile(where, f"empty '{columns.text}' cell"))
            continue
        if not isinstance(text, str):
            skipped.append(SkippedFile(where, f"the '{columns.text}' cell holds a {type(text).__name__}, not text"))
            continue
        problem = check_plain_text(text)
        if problem:
            skipped.append(SkippedFile(where, problem))
            continue
        title = _cell(row.get(columns.title))
        article = build_article(
            f"{stem}/{_cell(row_id) or position}",
            relative,
            text if not title else f"{title}\n\n{text}",
            date=normalize_date(_cell(row.get(columns.date))),
            source=_cell(row.get(columns.source)),
        )
        if article is None:
            skipped.append(SkippedFile(where, "no article text left after cleaning"))
        else:
            articles.append(article)
    return articles, skipped, []


def _read_table_frame(file: Path) -> pd.DataFrame:
    suffix = file.suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(file)
    if suffix == ".csv":
        return pd.read_csv(file, dtype=str, keep_default_na=False, encoding_errors="replace")
    return pd.read_json(file, lines=True, dtype=False)


def _cell(value) -> str:
    """A table cell as clean text; missing values (None, NaN, NaT, NA) become ''."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an integer id column with gaps is read as floats
    return str(value).strip()


# --------------------------------------------------------------------------------------------
# Bytes to text


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode a file's bytes; return the text and the encoding used.

    UTF-8 (with or without BOM) first, UTF-16 with a BOM or, for text without one, when its NUL
    bytes say so; then cp1252, cp1251 (Cyrillic) or GB18030, whichever reads the bytes as plausible text.

    Raises
    ------
    UnicodeError
        When the bytes are binary or no encoding reads them.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw[:8192]:
        return _decode_utf16_without_bom(raw)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = {}
    for encoding in ("cp1252", "gb18030"):
        try:
            candidates[encoding] = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise UnicodeError("unknown encoding (not UTF-8, UTF-16, cp1252, cp1251 or GB18030): convert the file to UTF-8")
    samples = {encoding: text[:20000] for encoding, text in candidates.items()}
    if len(candidates) == 2 and _looks_chinese(samples["gb18030"]) and _looks_mojibake(samples["cp1252"]):
        return candidates["gb18030"], "gb18030"
    if "cp1252" in candidates and _looks_cyrillic_as_latin(samples["cp1252"]):
        try:
            return raw.decode("cp1251"), "cp1251"
        except UnicodeDecodeError:
            pass
    encoding = next(iter(candidates))
    return candidates[encoding], encoding


def _decode_utf16_without_bom(raw: bytes) -> tuple[str, str]:
    """Decode bytes with NULs as UTF-16 without a byte-order mark, or raise that they are binary.

    In such text the NULs (high bytes of ASCII characters) are all at odd offsets (little-endian) or
    all at even ones (big-endian), and the text has no control characters.
    """
    binary = UnicodeError("binary file (contains NUL bytes): not a text article")
    sample = raw[:8192]
    nul_even, nul_odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(raw) % 2 or (nul_even and nul_odd):
        raise binary
    encoding = "utf-16-le" if nul_odd else "utf-16-be"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise binary from None
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f" for ch in text[:4096]):
        raise binary
    return text, encoding


def _looks_chinese(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    han = sum(1 for ch in non_ascii if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return bool(non_ascii) and han / len(non_ascii) > 0.8


def _looks_mojibake(text: str) -> bool:
    """True when most non-ASCII characters stand next to another one (how multibyte text reads as cp1252)."""
    flags = [ord(ch) > 127 for ch in text]
    total = sum(flags)
    if not total:
        return False
    paired = sum(
        1 for i, flag in enumerate(flags) if flag and ((i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1]))
    )
    return paired / total > 0.5


def _looks_cyrillic_as_latin(text: str) -> bool:
    """True when most letters are accented Latin ones: no Western language writes so, Cyrillic read as cp1252 does."""
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if "\u00c0" <= ch <= "\u00ff")
    return bool(letters) and accented / len(letters) > 0.6


_HTML_START = re.compile(r"^\s*(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|body|head|script|style|meta|li|td|table)\b[^>]*>", re.IGNORECASE)


def check_plain_text(text: str) -> str | None:
    """Return why ``text`` is not a plain-text article, or None when it is one."""
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            f"too long for one article ({len(text):,} characters; presslens reads up to {MAX_ARTICLE_CHARS:,}): "
            "if it holds several articles, save each in its own file or table row"
        )
    if not text.strip():
        return "empty file"
    if _HTML_START.search(text[:2000]) or len(_HTML_TAG.findall(text[:20000])) > 20:
        return "an HTML page, not article text: save the article's text as .txt (or extract it) and run again"
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(5, len(sample) // 100):
        return "binary data (control characters), not article text"
    return None


# --------------------------------------------------------------------------------------------
# Cleaning and metadata


@functools.cache
def boilerplate_rules() -> dict:
    """The editable boilerplate rules (``data/boilerplate.yaml``), compiled."""
    source = importlib_resources.files("presslens").joinpath("data/boilerplate.yaml").read_text("utf-8")
    rules = yaml.safe_load(source)
    return {
        "lines": [(r["why"], re.compile(r["pattern"], re.IGNORECASE)) for r in rules["lines"]],
        "inline": [(r["why"], re.compile(r["pattern"], re.IGNORECASE)) for r in rules["inline"]],
        "outlets": {outlet.casefold(): outlet for outlet in rules["outlets"]},
    }


_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(r"(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
]
_DATE_LABEL = r"(?:(?:published|updated|posted|date|released|time|last updated)(?:\s+on)?\s*:?\s*)?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
_SOURCE_LABEL = re.compile(r"\bsource\s*:\s*(?P<value>[^:|]*?)\s*(?=\b\w+\s*:|\||$)", re.IGNORECASE)
_BYLINE = re.compile(r"^(by|from|author:?)\s+[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,4}(\s*(,|\||and)\s*[\w .'-]{0,60})?$")
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w.]*\.?\s+\d{1,2})?\s*\((?P<agency>[A-Za-z][\w .]{1,30})\)\s*(?:--|—|–|-)\s*)"
)
_WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
HEADER_LINES = 6
#: A first line of at least this many words that ends a sentence is a lead paragraph, not a headline.
LEAD_PARAGRAPH_WORDS = 20
#: A paragraph repeated verbatim is dropped when it has at least this many words (short lines such as
#: headings in a fixtures list legitimately repeat).
MIN_REPEATED_WORDS = 8


def normalize_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) from a date written in a common news format, or '' when none."""
    if not value:
        return ""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(value)
        if match:
            return _iso_date(match) or ""
    return ""


def _iso_date(match: re.Match) -> str | None:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower().rstrip(".")]
    year, day = int(parts["year"]), int(parts["day"])
    try:
        return pd.Timestamp(year=year, month=month, day=day).date().isoformat()
    except ValueError:
        return None


def parse_date_line(line: str) -> str | None:
    """The ISO date of a metadata line that starts with a date (after an optional label), else None."""
    for pattern in _DATE_PATTERNS:
        match = re.match(_DATE_LABEL + pattern.pattern + _TIME, line.strip(), pattern.flags | re.IGNORECASE)
        if match and len(line) - match.end() < 60:
            return _iso_date(match)
    return None


def build_article(doc_id: str, path: str, raw_text: str, *, date: str = "", source: str = "") -> Article | None:
    """Clean raw article text into an :class:`Article`; None when no body text remains."""
    rules = boilerplate_rules()
    lines = split_paragraphs(normalize_text(raw_text))
    if not lines:
        return None
    title, body = lines[0], lines[1:]
    if not body or _is_lead_paragraph(title):
        body.insert(0, title)  # no headline: the first line is the lead paragraph (or all there is) and stays in the text
    removed: list[Removal] = []
    kept: list[str] = []
    seen: set[str] = set()
    for index, line in enumerate(body):
        if index < HEADER_LINES:
            metadata = _header_metadata(line)
            if metadata is not None:
                line_date, line_source = metadata
                date = date or line_date
                source = source or line_source
                removed.append(Removal("metadata", line))
                continue
        why = next((why for why, pattern in rules["lines"] if pattern.fullmatch(line)), None)
        if why:
            removed.append(Removal(why, line))
            continue
        for why, pattern in rules["inline"]:
            for match in pattern.finditer(line):
                removed.append(Removal(why, match.group()))
            line = _WHITESPACE.sub(" ", pattern.sub("", line)).strip()
        if not kept:
            dateline = _DATELINE.match(line)
            if dateline:
                removed.append(Removal("dateline", dateline.group("dateline").strip()))
                source = source or dateline.group("agency").strip()
                line = line[dateline.end():]
        key = _WHITESPACE.sub(" ", line).casefold()
        if key in seen and count_words(line) >= MIN_REPEATED_WORDS:
            removed.append(Removal("repeated paragraph", line))
            continue
        if line:
            seen.add(key)
            kept.append(line)
    if kept and kept[-1].casefold() in rules["outlets"]:
        outlet = rules["outlets"][kept.pop().casefold()]
        removed.append(Removal("outlet signature", outlet))
        source = source or outlet
    if not kept:
        return None
    text, paragraph_spans = _join_paragraphs(kept)
    return Article(
        doc_id=doc_id,
        path=path,
        title=title,
        date=date,
        source=source,
        text=text,
        paragraph_spans=paragraph_spans,
        sentence_spans=split_sentences(text, paragraph_spans),
        removed=removed,
    )


def _is_lead_paragraph(line: str) -> bool:
    """A first line that is a paragraph of prose (long, ending a sentence) rather than a headline."""
    return count_words(line) >= LEAD_PARAGRAPH_WORDS and line.rstrip("”\"' ").endswith((".", "!", "?"))


def _header_metadata(line: str) -> tuple[str, str] | None:
    """(date, source) when ``line`` is a metadata line of an article's header, else None."""
    date = parse_date_line(line)
    source_match = _SOURCE_LABEL.search(line)
    if date is None and not (source_match and source_match.start() == 0) and not _BYLINE.match(line):
        return None
    source = source_match.group("value").strip(" .;,-") if source_match else ""
    return date or "", source


def normalize_text(text: str) -> str:
    """Unicode NFC, one kind of newline, no invisible characters, no stray control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``: each non-empty line, except that hard-wrapped blocks are joined."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_WHITESPACE.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A block wrapped at a fixed width: several lines, all but the last of similar, modest length."""
    if len(lines) < 3:
        return False
    widths = [len(line) for line in lines[:-1]]
    return max(widths) <= 100 and min(widths) >= 0.6 * max(widths) and not all(
        line.endswith((".", "!", "?", ":", "”", '"')) for line in lines[:-1]
    )


def _join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans, position = [], 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return "\n\n".join(paragraphs), spans


def split_sentences(text: str, paragraph_spans: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Punkt sentence spans ``(paragraph, start, end)`` with offsets into ``text``."""
    tokenizer = punkt_tokenizer()
    spans = []
    for number, (start, end) in enumerate(paragraph_spans):
        for sentence_start, sentence_end in tokenizer.span_tokenize(text[start:end]):
            spans.append((number, start + sentence_start, start + sentence_end))
    return spans


# --------------------------------------------------------------------------------------------
# Tables


def articles_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article: ``doc_id, title, date, source, n_words, n_paragraphs, n_sentences, path``."""
    rows = [
        {
            "doc_id": a.doc_id,
            "title": a.title,
            "date": a.date,
            "source": a.source,
            "n_words": a.n_words,
            "n_paragraphs": len(a.paragraph_spans),
            "n_sentences": len(a.sentence_spans),
            "n_removed": len(a.removed),
            "encoding": a.encoding,
            "path": a.path,
        }
        for a in corpus
    ]
    columns = ["doc_id", "title", "date", "source", "n_words", "n_paragraphs", "n_sentences", "n_removed", "encoding", "path"]
    return pd.DataFrame(rows, columns=columns)


def paragraphs_table(corpus: Corpus) -> pd.DataFrame:
    """One row per paragraph: ``doc_id, paragraph, start, end, text``."""
    rows = [
        (a.doc_id, number, start, end, a.text[start:end])
        for a in corpus
        for number, (start, end) in enumerate(a.paragraph_spans)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "start", "end", "text"])


def sentences_table(corpus: Corpus) -> pd.DataFrame:
    """One row per sentence: ``doc_id, paragraph, sentence, start, end, text``."""
    rows = [
        (a.doc_id, paragraph, number, start, end, a.text[start:end])
        for a in corpus
        for number, (paragraph, start, end) in enumerate(a.sentence_spans)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "sentence", "start", "end", "text"])


def removals_table(corpus: Corpus) -> pd.DataFrame:
    """What cleaning removed: ``doc_id, kind, text``."""
    rows = [(a.doc_id, r.kind, r.text) for a in corpus for r in a.removed]
    return pd.DataFrame(rows, columns=["doc_id", "kind", "text"])


def skipped_table(corpus: Corpus) -> pd.DataFrame:
    """Files (or table rows) not loaded, with the reason: ``path, reason``."""
    return pd.DataFrame([(s.path, s.reason) for s in corpus.skipped], columns=["path", "reason"])


def notices_table(corpus: Corpus) -> pd.DataFrame:
    """Loaded files a researcher should double-check: ``path, message``."""
    return pd.DataFrame([(n.path, n.message) for n in corpus.notices], columns=["path", "message"])
