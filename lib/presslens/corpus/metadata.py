"""What an article states about itself: its date, source, byline — read, never guessed.

Dates are normalised to ISO (``YYYY-MM-DD``). A date counts only where news text states a
publication date: a metadata line of the header (``Published: May 16, 2024``), a time stamp near the
top (``( Xinhua ) 14:20, November 18, 2020``), a table column, an export field. A date inside a
sentence of the article is an event, not the publication date, and is left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from presslens.corpus.chrome import ends_sentence

#: Month names and abbreviations as news in English, German, French, Spanish, Italian, Portuguese and
#: Russian (nominative and genitive: ``9 января 1993``) print them, by month number.
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("jan", "january", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "janeiro", "январь",
        "января", "янв"),
    2: ("feb", "february", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro",
        "fev", "февраль", "февраля", "фев"),
    3: ("mar", "march", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "март", "марта"),
    4: ("apr", "april", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля"),
    5: ("may", "mai", "mayo", "maggio", "maio", "май", "мая"),
    6: ("jun", "june", "juni", "juin", "junio", "giugno", "junho", "июнь", "июня", "июн"),
    7: ("jul", "july", "juli", "juillet", "juil", "julio", "luglio", "julho", "июль", "июля", "июл"),
    8: ("aug", "august", "août", "aout", "agosto", "август", "августа", "авг"),
    9: ("sep", "sept", "september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "сентябрь",
        "сентября", "сен", "сент"),
    10: ("oct", "october", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "октябрь", "октября", "окт"),
    11: ("nov", "november", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя"),
    12: ("dec", "december", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
         "dezembro", "декабрь", "декабря", "дек"),
}
_MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names}
#: A month's name or its abbreviation, ended by a full stop or by anything but a letter (*Nov.21*, not *Novosibirsk*).
_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")(?:\.|(?![^\W\d_]))"
_WEEKDAY = (r"(?:(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|montag|dienstag|mittwoch"
            r"|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|понедельник|вторник|среда|четверг|пятница"
            r"|суббота|воскресенье)\.?,?\s+)?")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERNS = [
    re.compile(_YEAR + r"[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b", re.IGNORECASE),
    # 9 May 2024, 9. Mai 2024, 1er mai 2024, 9 de mayo de 2024, 9 мая 2024 г.
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?" + _MONTH
               + r",?\s+(?:de\s+|del\s+)?" + _YEAR + r"\b", re.IGNORECASE),
    # US numeric dates (12/07/2012) as web pages print them next to a time; the day first where the first
    # number cannot be a month (28/02/2005)
    re.compile(r"\b(?P<month_or_day>\d{1,2})/(?P<day_or_month>\d{1,2})/" + _YEAR + r"\b"),
    # the day first, with dots or dashes, as Europe and Russia write dates: 28.02.2005, 28-02-2005, 28.02.05
    re.compile(r"\b(?P<day>\d{1,2})(?P<separator>[.-])(?P<mnum>\d{1,2})(?P=separator)" + _YEAR + r"\b"),
    re.compile(r"\b(?P<day>[0-3]\d)\.(?P<mnum>[01]\d)\.(?P<yy>\d\d)\b(?![.,]?\d)"),
    # Chinese and Japanese: 2018年10月7日, 2018 年 10 月 7 日
    re.compile(_YEAR + r"\s*年\s*(?P<mnum>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
]
MONTH_OR_DAY_FIRST = 3
#: A two-digit year up to this is in the 2000s, a later one in the 1900s (as POSIX ``strptime`` reads ``%y``).
TWO_DIGIT_YEAR_PIVOT = 68
_DATE_LABEL = (r"(?:(?:published|updated|posted|date|released|time|last updated|load-date|datum|fecha|дата|日期|发布时间)"
               r"(?:\s+on)?\s*[:：]?\s*)?")
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
#: A metadata line's date: each date pattern after an optional label, before an optional time of day.
_DATE_LINES = [re.compile(_DATE_LABEL + pattern.pattern + _TIME, pattern.flags | re.IGNORECASE) for pattern in DATE_PATTERNS]
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?\b)?", re.IGNORECASE)
#: The word that labels a source: ``Source``, ``Источник``, ``来源``.
_SOURCE_WORD = r"(?:\b(?:source|источник|джерело)|来源|來源|稿源)"
#: ``Source: Xinhua``, ``来源：新华社``, ``Источник: ТАСС``: the value runs to the next field, separator, bracket or number.
_SOURCE_LABEL = re.compile(
    _SOURCE_WORD + r"\s*[:：]\s*(?P<value>[^:：|｜\d()\[\]（）【】]*?)\s*(?=\b[^\W\d]+\s*[:：]|[|｜\d()\[\]（）【】]|$)",
    re.IGNORECASE,
)
_SOURCE_LABEL_ALONE = re.compile(_SOURCE_WORD + r"\s*[:：]\s*$", re.IGNORECASE)
_BYLINE_NAME = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}"
#: A byline line: ``by John Smith, staff writer``, or capitalised, where everything after the name is capitalised
#: too (``By Wang Lei, People's Daily``, ``By Li Wei in Beijing``; not ``By Tuesday, the deal was done``).
BYLINE = re.compile(r"^(?:(?:by|from|author:?)\s+" + _BYLINE_NAME + r"(?:\s*(?:,|\||and)\s*[\w .'-]{0,60})?"
                    r"|(?:By|BY|Author:?)\s+" + _BYLINE_NAME
                    + r"(?P<parts>(?:\s*(?:,|\||and|in)\s*[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,5})*))$")
#: ``MOSCOW, May 16 (Xinhua) --``, ``FRANKFURT, June 2 –``, ``EUGENE, Oregon —``: a place in capitals, an
#: optional date or state, an optional agency in brackets, a dash.
DATELINE = re.compile(
    r"^(?P<dateline>[A-Z]{2}[A-Z .'-]{1,40}(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .]{1,30})\)\s*)?(?:--|—|–|-)\s*)"
)
#: An agency or outlet named in brackets beside a time stamp: ``( Xinhua ) 14:20, November 18, 2020``.
#: The name is capitalised (Latin or Cyrillic), a web address (``chinadaily.com.cn``) or Chinese (``（新华社）``).
AGENCY_NAME = r"(?:[A-ZА-ЯЁ][\w.'&-]*(?:\s+[A-ZА-ЯЁ][\w.'&-]*){0,4}|[a-z][\w-]*(?:\.[a-z][\w-]*)+|[\u4e00-\u9fff]{2,12})"
BRACKETED_SOURCE = re.compile(r"[(（]\s*(?P<source>" + AGENCY_NAME + r")\s*[)）]")


#: What names an outlet, not a person, in the words beside a time stamp (``2020/11/18 14:20 Economic Daily``) or
#: after a byline's author.
_OUTLET_WORD = re.compile(r"\b(?:daily|news|times|agency|net|network|press|post|online|tv|radio|herald|gazette|tribune|"
                          r"journal|xinhua|tass|interfax|reuters)\b|^[a-z][\w-]*(?:\.[a-z][\w-]*)+$|[网社报台]$", re.IGNORECASE)


def normalize_date(value: str, *, day_first: bool = False) -> str:
    """An ISO date (YYYY-MM-DD) from a date written in a common news format, or '' when none.

    ``12/07/2012`` is read month first (December 7th), as US pages print it, unless ``day_first`` (a
    table column whose other dates say so) or the first number cannot be a month (``28/02/2005``).
    Dates with dots or dashes (``28.02.2005``, ``28.02.05``) are always read day first.
    """
    if not value:
        return ""
    for pattern in DATE_PATTERNS:
        match = pattern.search(value)
        if match:
            return _iso_date(match, day_first=day_first) or ""
    return ""


def is_day_first(value: str) -> bool:
    """Whether ``value`` is a numeric date with slashes that only reads day first (``28/02/2005``)."""
    match = DATE_PATTERNS[MONTH_OR_DAY_FIRST].search(value)
    return bool(match) and int(match.group("month_or_day")) > 12 >= int(match.group("day_or_month"))


def _iso_date(match: re.Match, *, day_first: bool = False) -> str | None:
    parts = match.groupdict()
    if parts.get("month_or_day"):  # 12/07/2012 is December 7th; 28/02/2005, where only the day can be 28, is not
        first, second = int(parts["month_or_day"]), int(parts["day_or_month"])
        month, day = (second, first) if day_first or first > 12 else (first, second)
    else:
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower().rstrip(".")]
        day = int(parts["day"])
    year = int(parts["year"]) if parts.get("year") else _full_year(int(parts["yy"]))
    try:
        return pd.Timestamp(year=year, month=month, day=day).date().isoformat()
    except ValueError:
        return None


def _full_year(two_digits: int) -> int:
    return two_digits + (2000 if two_digits <= TWO_DIGIT_YEAR_PIVOT else 1900)


def parse_date_line(line: str) -> str | None:
    """The ISO date of a metadata line that starts with a date (after an optional label), else None."""
    for pattern in _DATE_LINES:
        match = pattern.match(line.strip())
        if match and len(line) - match.end() < 60:
            return _iso_date(match)
    return None


def header_metadata(line: str) -> tuple[str, str] | None:
    """(date, source) when ``line`` is a metadata line of an article's header, else None: a line that opens
    with a date or a source's label, a byline, or a time stamp of any layout (:func:`time_stamp`: ``( Xinhua )
    14:20, November 18, 2020``, ``By Li Wei | China Daily | Updated: 2020-11-18``) that is not a sentence."""
    stamp = time_stamp(line) if len(line) <= STAMP_LINE_CHARS and not ends_sentence(line) else None
    date = parse_date_line(line) or (stamp.date if stamp else None)
    source_match = _SOURCE_LABEL.search(line)
    byline = BYLINE.match(line)
    if date is None and not (source_match and source_match.start() == 0) and not byline:
        return None
    source = source_match.group("value").strip(" .;,-") if source_match else ""
    return date or "", source or (stamp.source if stamp else "") or (_byline_outlet(byline) if byline else "")


def _byline_outlet(byline: re.Match) -> str:
    """The outlet a capitalised byline names after its author (``By Wang Lei, People's Daily``), or ''."""
    parts = re.split(r"\s*(?:,|\||\band\b|\bin\b)\s*", byline.group("parts") or "")
    return next((part for part in reversed(parts) if part and _OUTLET_WORD.search(part)), "")


#: A paragraph that only names the article's source in brackets, as wire copy often closes: ``(Source: People's Daily
#: Online)``, ``【来源：新华社】`` (a bare ``Source: NATO.`` under a chart names the chart's source, not the article's).
SOURCE_LINE = re.compile(r"^\s*[(（\[【]\s*" + _SOURCE_WORD + r"\s*[:：]\s*"
                         r"(?P<source>[^()（）\[\]【】:：|]{1,60}?)\s*[)）\]】]\s*\.?$", re.IGNORECASE)


def source_line(line: str) -> str:
    """The source a paragraph names when that is all it says (:data:`SOURCE_LINE`), else ''."""
    named = SOURCE_LINE.match(line)
    return named.group("source").strip() if named else ""


#: Words in a line that is only a time stamp (with a label such as ``Last updated``)…
STAMP_LINE_WORDS = 12
#: …of which at most this many, beside its date, time of day and bracketed agency, are words of a sentence
#: (lower-case words and figures, besides the words that join names and dates, STAMP_JOINING_WORDS), unless a
#: time of day, a label or fields say it is one. ``By Li Wei and Zhang Yu, China Daily, June 5, 2026`` is a
#: time stamp; a caption (``Photo taken on June 3, 2026 shows the port``) is not, nor a line of a timeline,
#: where a colon follows the date (``13 Aug 2008: 20 die in Mumbai``).
STAMP_OTHER_WORDS = 2
STAMP_JOINING_WORDS = {"by", "on", "at", "in", "and", "of", "from"}
#: Dates as time stamps print them besides :data:`DATE_PATTERNS`: the month's name run into its numbers
#: (``Nov.18,2020``, ``18-Nov-2020``), the day first (``18.11.2020``, ``18/11/2020`` where the day cannot be a
#: month), ISO with its time (``2020-11-18T14:20:05``), Chinese (``2020年11月18日``).
STAMP_DATE_PATTERNS = [
    re.compile(r"\b" + _MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})[-\s]" + _MONTH + r"[-\s,]\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)T\d"),
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<mnum>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
]
#: A label that makes the date after it a time stamp, however long its line: ``Updated: 2020-11-18``.
STAMP_LABEL = re.compile(r"(?:\b(?:updated|published|posted|date|time|опубликовано|обновлено)|发布时间|发布|时间|日期)"
                         r"(?:\s+(?:on|at))?\s*[:：]?\s*$", re.IGNORECASE)
#: Fields of a time stamp line (of at most STAMP_LINE_CHARS): ``By Li Wei | China Daily | Updated: 2020-11-18 14:20``.
STAMP_LINE_CHARS = 200
STAMP_FIELD_SEPARATOR = re.compile(r"\s*[|｜]\s*")
#: A field naming a person, not an agency: ``By Li Wei``, ``Editor: Wang Lei``, ``作者：张三``.
_PERSON_FIELD = re.compile(r"^(?:by|from|author|editor|reporter|photo|автор|作者|记者|编辑|责任编辑)\b|^\S+\s*[:：]",
                           re.IGNORECASE)


class TimeStamp(NamedTuple):
    """A publication time stamp found in text: its ISO date, the agency named beside it, where it ends and
    where its date starts."""

    date: str
    source: str
    end: int
    start: int = 0


def time_stamp(text: str) -> TimeStamp | None:
    """The publication time stamp in ``text``: a date standing next to a time of day or after a label
    (``Updated:``), in a line of fields (``By Li Wei | China Daily | 2020-11-18``), or nearly alone in a short
    line (:data:`STAMP_OTHER_WORDS`); the source is the agency named beside it (:func:`stamp_agency`). None
    when there is none."""
    for pattern in DATE_PATTERNS + STAMP_DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _iso_date(match)
            if not date:
                continue
            around = text[max(0, match.start() - 40): match.end() + 40]
            short = _word_count(text) <= STAMP_LINE_WORDS and (
                _words_beside_date(text, match) <= STAMP_OTHER_WORDS or STAMP_FIELD_SEPARATOR.search(text) is not None)
            time = TIME_OF_DAY.search(text, match.end(), match.end() + 25)
            labelled = STAMP_LABEL.search(text[max(0, match.start() - 25): match.start()])
            if short or time or labelled or TIME_OF_DAY.search(around):
                return TimeStamp(date, stamp_agency(text, match.start(), match.end()),
                                 max(time.end() if time else 0, match.end()), match.start())
    return None


def stamp_agency(text: str, start: int, end: int) -> str:
    """The agency or outlet a time stamp at ``text[start:end]`` names: in brackets beside it
    (``( Xinhua ) 14:20``), after a label (``Source: Xinhua``, ``来源：新华社``), or as a field of a line
    of fields (``By Li Wei | China Daily | Updated: …``); '' when it names none."""
    near = text[max(0, start - 60): end + 60]
    bracketed = BRACKETED_SOURCE.search(near)
    if bracketed:
        return bracketed.group("source")
    labelled = _SOURCE_LABEL.search(near)
    if labelled and labelled.group("value").strip(" .;,-"):
        return labelled.group("value").strip(" .;,-")
    if len(text) > STAMP_LINE_CHARS:
        return ""
    fields = STAMP_FIELD_SEPARATOR.split(text.strip())
    names = [field for field in fields if len(fields) > 1 and re.fullmatch(AGENCY_NAME, field)
             and not _PERSON_FIELD.match(field) and not any(p.search(field) for p in DATE_PATTERNS + STAMP_DATE_PATTERNS)]
    if names:
        return names[0]
    rest = TIME_OF_DAY.sub(" ", f"{text[:start]} {text[end:]}").strip(" ,;-–—")
    return rest if re.fullmatch(AGENCY_NAME, rest) and _OUTLET_WORD.search(rest) else ""


def is_time_stamp_line(text: str) -> bool:
    """A short line that is a time stamp (``17 February 2013``, ``4:42 PM on 12/07/2012``)."""
    return _word_count(text) <= STAMP_LINE_WORDS and time_stamp(text) is not None


def source_label_alone(line: str) -> bool:
    """A line that ends with a source's label and no value (``Source:``), as a page saved as text splits
    ``Source: Xinhua`` over two lines."""
    return _SOURCE_LABEL_ALONE.search(line) is not None


def is_agency_name(line: str) -> bool:
    """A line that is only an agency's or outlet's name (:data:`AGENCY_NAME`): ``Xinhua``, ``chinadaily.com.cn``."""
    return re.fullmatch(AGENCY_NAME, line.strip()) is not None


#: A page's copyright line: ``© 2011 The Washington Post Company``, ``Copyright ©2013 Dow Jones & Company, Inc.``.
COPYRIGHT_LINE = re.compile(r"^\s*(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?)?\s*(?P<holder>[^.|]+?)"
                            r"(?:,?\s+(?:company|corporation|inc|ltd|limited|llc|plc|co)\b\.?)*(?:[.|].*)?$", re.IGNORECASE)
#: Longest copyright line read for its holder (a footer line, not a paragraph that mentions copyright).
COPYRIGHT_LINE_CHARS = 100


def copyright_holder(blocks: list[str]) -> str:
    """The holder named by the last short copyright line of a page (*© 2011 The Washington Post Company* →
    *The Washington Post*); '' when none."""
    for block in reversed(blocks):
        match = COPYRIGHT_LINE.match(block) if len(block) <= COPYRIGHT_LINE_CHARS else None
        if match and any(character.isalpha() for character in match["holder"]):
            return match["holder"].strip(" ,&")
    return ""


def stated_agency(blocks: list[str], date: str) -> str:
    """The agency named beside a date ``date`` in any one of ``blocks`` (:func:`stamp_agency`; '' when none)."""
    for block in blocks:
        for pattern in DATE_PATTERNS + STAMP_DATE_PATTERNS:
            for match in pattern.finditer(block):
                agency = stamp_agency(block, match.start(), match.end()) if _iso_date(match) == date else ""
                if agency:
                    return agency
    return ""


def _words_beside_date(text: str, date: re.Match) -> int:
    """The words of a sentence in a short line outside its date, its time of day and an agency in brackets
    (see :data:`STAMP_OTHER_WORDS`); a line where a colon and words follow the date has as many as it can."""
    if re.match(r"\s*[:：]\s*\w", text[date.end():]):
        return STAMP_LINE_WORDS
    rest = TIME_OF_DAY.sub(" ", BRACKETED_SOURCE.sub(" ", text[:date.start()] + " " + text[date.end():]))
    return sum((word[0].islower() or word.isdigit()) and word not in STAMP_JOINING_WORDS
               for word in re.findall(r"\w+", rest))


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


#: A line opening with a place in capitals (``MILWAUKEE, Wisconsin 1996-08-29``): a dateline, whose place tells
#: where the story was filed.
DATELINE_PLACE = re.compile(r"^[A-Z]{2}[A-Z .'-]{1,40}(?:,|\s+\d)")


def opens_with_place(line: str) -> bool:
    """Whether ``line`` opens with a place in capitals, as a dateline does (:data:`DATELINE_PLACE`)."""
    return DATELINE_PLACE.match(line) is not None


def dateline(text: str) -> re.Match | None:
    """The dateline opening a first paragraph (``MOSCOW, May 16 (Xinhua) --``), if any."""
    return DATELINE.match(text)


def site_name(page_titles: list[str], min_files: int = 3) -> dict[str, tuple[str, str]]:
    """For page titles of saved web pages (``Headline - Section - Site``, ``标题_频道_网站``), the headline and
    the site of each.

    Parts at either end that recur in at least ``min_files`` titles are the site's (its name, a
    section or blog name); they are removed, and the outermost one is the site. Titles without such a
    part keep their whole text and get no site.
    """
    separators = re.compile(r"\s+(?:[-|–—:]{1,2}|::)\s+|\s*[_|｜]\s*|(?<=[\u4e00-\u9fff])[-–—]|[-–—](?=[\u4e00-\u9fff])")
    split = {title: separators.split(title) for title in page_titles}
    counts: dict[str, int] = {}
    for parts in split.values():
        for part in set(parts) if len(parts) > 1 else ():
            counts[part] = counts.get(part, 0) + 1
    named = {}
    for title, parts in split.items():
        site = ""
        while len(parts) > 1 and counts.get(parts[-1], 0) >= min_files:
            site = site or parts[-1]
            parts = parts[:-1]
        while len(parts) > 1 and counts.get(parts[0], 0) >= min_files:
            site = site or parts[0]
            parts = parts[1:]
        named[title] = (" - ".join(parts), site)
    return named


#: Languages by their ISO 639-1 code: the ISO 639-2 code and the names tables and export fields give them
#: (in English, in the language itself, and in the German, French, Spanish, Russian and Chinese interfaces
#: of the news databases: Factiva's ``Englisch``, ``德文``).
LANGUAGES: dict[str, tuple[str, ...]] = {
    "en": ("eng", "english", "englisch", "anglais", "inglés", "ingles", "inglese", "inglês", "английский", "英文",
           "英语", "英語"),
    "zh": ("zho", "chi", "chinese", "chinesisch", "chinois", "chino", "cinese", "chinês", "китайский", "中文", "汉语",
           "漢語", "华语", "简体中文", "繁體中文"),
    "ru": ("rus", "russian", "russisch", "russe", "ruso", "russo", "русский", "俄文", "俄语"),
    "de": ("deu", "ger", "german", "deutsch", "allemand", "alemán", "aleman", "tedesco", "alemão", "немецкий", "德文",
           "德语"),
    "fr": ("fra", "fre", "french", "französisch", "français", "francais", "francés", "frances", "francese", "francês",
           "французский", "法文", "法语"),
    "es": ("spa", "spanish", "spanisch", "espagnol", "español", "espanol", "castellano", "spagnolo", "espanhol",
           "испанский", "西班牙文", "西班牙语"),
    "it": ("ita", "italian", "italienisch", "italien", "italiano", "итальянский", "意大利文", "意大利语"),
    "pt": ("por", "portuguese", "portugiesisch", "portugais", "portugués", "portoghese", "português", "португальский",
           "葡萄牙文", "葡萄牙语"),
    "ja": ("jpn", "japanese", "japanisch", "japonais", "japonés", "японский", "日文", "日语", "日本語"),
    "kk": ("kaz", "kazakh", "kasachisch", "казахский", "қазақ", "哈萨克文", "哈萨克语"),
    "uk": ("ukr", "ukrainian", "ukrainisch", "ukrainien", "ucraniano", "украинский", "українська", "乌克兰文"),
    "ar": ("ara", "arabic", "arabisch", "arabe", "árabe", "арабский", "阿拉伯文", "阿拉伯语"),
}
_LANGUAGE_BY_NAME = {name: code for code, names in LANGUAGES.items() for name in names}
_LANGUAGE_TAG = re.compile(r"(?P<code>[a-z]{2})(?:[-_][a-z0-9]{2,8})*")


def normalize_language(value: str) -> str:
    """The ISO 639-1 code of a language as a table or an export states it (``zh-CN``, ``rus``, ``English``,
    ``Englisch``, ``德文``); '' when the value names no language known here."""
    words = re.split(r"[\s(,;/]+", value.strip().casefold())
    if not words[0]:
        return ""
    tag = _LANGUAGE_TAG.fullmatch(words[0])
    return tag.group("code") if tag else language_name(words[0])


def language_name(value: str) -> str:
    """The ISO 639-1 code of a language's name (``English``, ``Englisch``, ``德文``, ``rus``); '' for anything else."""
    return _LANGUAGE_BY_NAME.get(value.strip().casefold(), "")
