"""Tables: one article per row, columns recognised by their usual names.

``.csv``, ``.jsonl``, ``.json`` (an array of records, or an object holding one, as scrapers save
them), ``.parquet`` and the spreadsheets ``.xlsx``, ``.xls`` and ``.ods`` (their first sheet). A
researcher's own table names its columns as it likes: ``body`` or ``content`` for the text,
``headline`` for the title, ``published`` or ``date_cleaned`` for the date, and in Russian, Chinese,
German, French or Spanish (``Заголовок``, ``日期``, ``Quelle``…). The common names are recognised
without options; :class:`Columns` maps the others (``--columns text=body,date=date_cleaned``).
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from presslens.corpus.decode import check_plain_text, decode_bytes
from presslens.corpus.files import doc_id_for, file_suffix
from presslens.corpus.layout import text_blocks
from presslens.corpus.limits import LimitExceeded, Limits, check_zip_parts
from presslens.corpus.metadata import is_day_first, normalize_date, normalize_language
from presslens.corpus.model import Draft, SkippedFile
from presslens.corpus.readers.html import looks_like_html

NAME = "table"
#: Spreadsheets and the pandas engine that reads each (``.xlsx`` and ``.ods`` are zip archives of XML parts).
SPREADSHEETS = {".xlsx": "openpyxl", ".xlsm": "openpyxl", ".xls": "xlrd", ".ods": "odf"}
SUFFIXES = {".csv", ".jsonl", ".ndjson", ".json", ".parquet"} | set(SPREADSHEETS)

#: Column names recognised for each field, in order of preference (compared lower-case, ``_`` for separators).
KNOWN_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "article_text", "body_text", "maintext",
             "main_text", "story", "article_body", "content_text", "text_content", "article_content"),
    "title": ("title", "headline", "heading", "head", "hd", "article_title"),
    "date": ("date", "published", "publish_date", "published_date", "publication_date", "published_at", "pubdate",
             "pub_date", "date_published", "datetime", "timestamp", "publish_time", "published_time", "pubtime",
             "pub_time", "created_at", "created"),
    "source": ("source", "outlet", "publication", "publisher", "newspaper", "site", "site_name", "sitename", "media",
               "source_name", "medium"),
    "byline": ("byline", "author", "authors", "writer", "by"),
    "url": ("url", "link", "href", "source_url", "article_url"),
    "section": ("section", "category", "desk", "rubric"),
    "id": ("id", "doc_id", "article_id", "uid", "guid", "document_id"),
    "language": ("language", "lang", "language_code", "lang_code", "locale"),
}
#: The same fields as tables in Russian, Chinese, German, French and Spanish name them (after the English
#: names, in order of preference). Integrum's export gives the text as ``Анонс`` and the link as ``Оригинал``.
TRANSLATED_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {"text": ("текст", "полный_текст", "содержание", "анонс"), "title": ("заголовок", "название"),
           "date": ("дата", "дата_публикации"), "source": ("источник", "издание", "сми"),
           "byline": ("автор", "авторы"), "url": ("ссылка", "оригинал"), "section": ("рубрика", "раздел"),
           "language": ("язык",)},
    "zh": {"text": ("正文", "内容", "全文", "文本", "新闻内容"), "title": ("标题", "题目", "新闻标题"),
           "date": ("日期", "发布日期", "发布时间", "出版日期", "时间"), "source": ("来源", "媒体", "出处", "报纸"),
           "byline": ("作者", "记者"), "url": ("链接", "网址", "原文链接"), "section": ("栏目", "版面", "频道"),
           "language": ("语言", "语种")},
    "de": {"text": ("inhalt", "volltext", "artikeltext"), "title": ("titel", "überschrift", "schlagzeile"),
           "date": ("datum", "veröffentlichungsdatum", "erscheinungsdatum"),
           "source": ("quelle", "zeitung", "publikation"), "byline": ("autor", "autorin", "verfasser"),
           "url": ("verweis",), "section": ("rubrik", "ressort"), "language": ("sprache",)},
    "fr": {"text": ("texte", "contenu", "corps"), "title": ("titre",), "date": ("date_de_publication",),
           "source": ("journal", "média"), "byline": ("auteur", "auteurs", "signature"), "url": ("lien",),
           "section": ("rubrique",), "language": ("langue",)},
    "es": {"text": ("texto", "contenido", "cuerpo"), "title": ("título", "titulo", "titular"),
           "date": ("fecha", "fecha_de_publicación", "fecha_de_publicacion"),
           "source": ("fuente", "medio", "periódico", "periodico"), "byline": ("autor", "autores", "firma"),
           "url": ("enlace",), "section": ("sección", "seccion"), "language": ("idioma", "lengua")},
}
#: Every name recognised for each field: the English ones first, then the translated ones.
RECOGNISED_NAMES: dict[str, tuple[str, ...]] = {
    field: names + tuple(name for language in TRANSLATED_NAMES.values() for name in language.get(field, ()))
    for field, names in KNOWN_NAMES.items()
}
#: How a reason to skip a table says that the columns mapping does not fit it.
MAPPING_PROBLEM = "fix the columns mapping"
HTML_CELL = "the text cell holds an HTML page, not article text: extract the article's text first"
#: Share of a column's values that must read as dates for a ``…date…`` column to be taken as the date.
DATE_SHARE = 0.8


@dataclass(frozen=True)
class Columns:
    """Which column holds what; a field left ``None`` is recognised by its usual names."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    byline: str | None = None
    url: str | None = None
    section: str | None = None
    id: str | None = None
    language: str | None = None

    @classmethod
    def parse(cls, mapping: str | dict | None) -> "Columns":
        """Columns from ``"text=body,date=date_cleaned"`` or a dict; a ValueError names an unknown field."""
        if mapping is None or isinstance(mapping, Columns):
            return mapping or cls()
        if isinstance(mapping, str):
            pairs = [item.partition("=") for item in mapping.split(",") if item.strip()]
            if any(not sep for _, sep, _ in pairs):
                raise ValueError(f"columns {mapping!r} must look like field=column,field=column (e.g. text=body,date=published)")
            mapping = {field.strip(): column.strip() for field, _, column in pairs}
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(mapping) - set(known))
        if unknown:
            raise ValueError(f"unknown column field(s) {', '.join(unknown)}: the fields are {', '.join(known)}")
        return cls(**{field: str(column) for field, column in mapping.items() if column})

    def given(self) -> dict[str, str]:
        """The fields mapped explicitly, with their columns."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def __str__(self) -> str:
        return ",".join(f"{field}={column}" for field, column in self.given().items())


class NotATable(ValueError):
    """A file of a table's type that holds no table of articles (a JSON document of another shape)."""


def read_table(raw: bytes, relative: str, columns: Columns, *, limits: Limits) -> tuple[list[Draft], list[SkippedFile]]:
    """The rows of a table (the bytes of the file named ``relative``) as drafts; rows without text are
    skipped one by one."""
    try:
        table = _read_frame(raw, file_suffix(Path(relative)), limits)
    except (NotATable, LimitExceeded) as error:
        return [], [SkippedFile(relative, str(error))]
    except Exception as error:  # noqa: BLE001 - pandas, pyarrow and the spreadsheet engines raise many kinds of parse errors
        return [], [SkippedFile(relative, f"cannot parse table: {type(error).__name__}: {error}")]
    try:
        chosen = choose_columns(table, columns)
    except ValueError as error:
        return [], [SkippedFile(relative, str(error))]
    stem = doc_id_for(relative)
    ids = table[chosen["id"]] if "id" in chosen else pd.Series(range(1, len(table) + 1))
    dates = parse_dates(table[chosen["date"]]) if "date" in chosen else None
    drafts, skipped = [], []
    text_column = chosen["text"]
    for position, (row_id, row) in enumerate(zip(ids, table.to_dict("records")), start=1):
        where = f"{relative} (row {position})"
        text = _joined_paragraphs(row.get(text_column))
        if cell(text) == "":
            skipped.append(SkippedFile(where, f"empty '{text_column}' cell"))
            continue
        if not isinstance(text, str):
            skipped.append(SkippedFile(where, f"the '{text_column}' cell holds a {type(text).__name__}, not text"))
            continue
        problem = check_plain_text(text) or (HTML_CELL if looks_like_html(text) else None)
        if problem:
            skipped.append(SkippedFile(where, problem))
            continue
        values = {field: cell(row.get(column)) for field, column in chosen.items()}
        url = values.get("url", "")
        drafts.append(Draft(
            doc_id=f"{stem}/{cell(row_id) or position}", path=relative, reader=NAME, blocks=text_blocks(text),
            title=values.get("title", ""), date=dates.iloc[position - 1] if dates is not None else "",
            source=values.get("source", "") or _site_of(url), byline=values.get("byline", ""), url=url,
            section=values.get("section", ""), language=normalize_language(values.get("language", "")),
        ))
    return drafts, skipped


def choose_columns(table: pd.DataFrame, columns: Columns) -> dict[str, str]:
    """Field -> column of this table: the mapping given, else the usual names; a ValueError when there is no text."""
    present = [str(name) for name in table.columns]
    listing = ", ".join(present) or "none"
    chosen = {}
    for field, column in columns.given().items():
        if column not in present:
            raise ValueError(f"no column '{column}' for the {field} (columns: {listing}); {MAPPING_PROBLEM}")
        chosen[field] = column
    by_key = {_key(name): name for name in reversed(present)}
    for field, names in RECOGNISED_NAMES.items():
        if field not in chosen:
            found = next((by_key[name] for name in names if name in by_key), None)
            if found is not None:
                chosen[field] = found
    if "date" not in chosen:
        dated = [name for name in present if "date" in name.lower() and _reads_as_dates(table[name])]
        if dated:
            chosen["date"] = dated[0]
    if "text" not in chosen:
        raise ValueError(
            f"no text column (columns: {listing}); name it in the columns mapping, e.g. --columns text={present[0] if present else 'body'}"
        )
    return chosen


def parse_dates(values: pd.Series) -> pd.Series:
    """ISO dates of a date column ('' where a value is not a date); ``05/03/2005`` is read day first when
    another date of the column can only be (``28/02/2005``)."""
    texts = values.map(cell)
    day_first = any(is_day_first(value) for value in texts)
    return texts.map(lambda value: normalize_date(value, day_first=day_first))


def _reads_as_dates(values: pd.Series) -> bool:
    sample = [cell(value) for value in values.head(200)]
    sample = [value for value in sample if value]
    return bool(sample) and sum(bool(normalize_date(value)) for value in sample) >= DATE_SHARE * len(sample)


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "_", name.lower()).strip("_")


def _site_of(url: str) -> str:
    """The site a URL names (``https://www.chinadaily.com.cn/a/…`` -> ``chinadaily.com.cn``); '' for no URL."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


def _read_frame(raw: bytes, suffix: str, limits: Limits) -> pd.DataFrame:
    if suffix == ".parquet":
        return pd.read_parquet(io.BytesIO(raw))
    if suffix == ".csv":
        return pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding_errors="replace")
    if suffix == ".json":
        return _json_records(raw)
    if suffix in SPREADSHEETS:
        if SPREADSHEETS[suffix] != "xlrd":
            check_zip_parts(raw, limits)
        return pd.read_excel(io.BytesIO(raw), engine=SPREADSHEETS[suffix], dtype=object)
    return pd.read_json(io.BytesIO(raw), lines=True, dtype=False)


def _json_records(raw: bytes) -> pd.DataFrame:
    """The records of a JSON array, or of the one array of records an object holds (``{"articles": […]}``)."""
    data = json.loads(decode_bytes(raw)[0])
    if isinstance(data, dict):
        lists = [key for key, value in data.items() if _are_records(value)]
        if len(lists) != 1:
            found = f"several ({', '.join(lists)})" if lists else f"none (keys: {', '.join(map(str, data)) or 'none'})"
            raise NotATable(f"a JSON object whose lists of records are {found}: presslens reads an array of articles "
                            "(objects), or an object holding one such array; save the articles as such")
        data = data[lists[0]]
    if not _are_records(data):
        raise NotATable(f"a JSON {type(data).__name__} that is not a list of records (articles as objects): "
                        "save the articles as an array of objects")
    return pd.DataFrame.from_records(data)


def _are_records(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _joined_paragraphs(value):
    """A text cell as text: a list of paragraphs (as scrapers save them) joined by blank lines."""
    if isinstance(value, (list, tuple, np.ndarray)) and all(isinstance(item, str) for item in value):
        return "\n\n".join(item.strip() for item in value if item.strip())
    return value


def cell(value) -> str:
    """A table cell as clean text; missing values (None, NaN, NaT, NA) become ''."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an integer id column with gaps is read as floats
    return str(value).strip()
