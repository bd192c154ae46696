"""Load a corpus: read every file into drafts, find the site chrome they share, clean them into articles.

Loading never stops on a bad file. Whatever cannot be an article — an empty, binary or undecodable
file, a page with no article, a damaged entry of an export, a table row without text, a text longer
than :data:`~presslens.corpus.decode.MAX_ARTICLE_CHARS` — is skipped with the reason and what to do.
Articles with the same text in two files are both loaded, with a notice on the second; two articles
that would get the same ``doc_id`` cannot be, so the second is skipped.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from presslens.corpus.chrome import Chrome, find_chrome, is_run_on, line_key
from presslens.corpus.cleaning import build_article
from presslens.corpus.files import CorpusNotFound, corpus_files, file_suffix
from presslens.corpus.metadata import site_name
from presslens.corpus.model import Article, Corpus, Draft, Notice, SkippedFile
from presslens.corpus.limits import Limits
from presslens.corpus.readers import WEB_SUFFIXES, archives, documents, pdf, read_file, tables
from presslens.corpus.readers.tables import MAPPING_PROBLEM, Columns
from presslens.corpus.store import content_key, decode, encode, file_key, read_snapshot, write_snapshot
from presslens.languages.punkt import punkt_tokenizer
from presslens.languages import language_name, language_tools

if TYPE_CHECKING:
    from presslens.execution import Execution

#: Show a progress bar when a corpus holds more files than this.
PROGRESS_THRESHOLD = 200
#: Reading a web page, a document, a spreadsheet or an archive costs about this many plain text files (for
#: the choice of worker processes).
WEB_PAGE_WORK = 40
#: A page without its site in its title takes the site whose pages share at least this many of its lines of chrome.
MIN_SHARED_CHROME_LINES = 5
SLOW_SUFFIXES = WEB_SUFFIXES | documents.SUFFIXES | pdf.SUFFIXES | archives.SUFFIXES | set(tables.SPREADSHEETS)

__all__ = ["CorpusNotFound", "load_corpus"]


def load_corpus(
    path: str | Path,
    *,
    columns: Columns | str | dict | None = None,
    language: str | None = None,
    limits: Limits | None = None,
    progress: bool | None = None,
    execution: Execution | None = None,
) -> Corpus:
    """Load every article under ``path``.

    Parameters
    ----------
    path
        A folder, read recursively, or a single file (a table, an export, a page, an article).
    columns
        Which table columns hold what, e.g. ``"text=body,date=date_cleaned"``; unnamed fields are
        recognised by their usual names (see :class:`~presslens.corpus.readers.tables.Columns`).
    language
        The language (ISO 639-1, e.g. ``zh``) of every article, instead of the one each file states
        or detection finds (:mod:`presslens.languages`).
    limits
        How much an archive-based file may inflate and how long a file may take to read
        (:class:`~presslens.corpus.limits.Limits`; default: its documented defaults).
    progress
        Show progress bars; default: on a terminal, for corpora of more than ``PROGRESS_THRESHOLD`` files.
    execution
        Keeps what was read and cleaned in its cache folder and reads a large corpus in worker
        processes (:class:`~presslens.execution.Execution`); ``None``: all in this process, nothing kept.

    Raises
    ------
    CorpusNotFound
        When ``path`` does not exist.
    ValueError
        When ``columns`` is malformed, or names a column that no table of the corpus has.
    """
    root = Path(path).expanduser()
    files = corpus_files(root)
    columns = Columns.parse(columns)
    language = check_language(language)
    limits = limits or Limits()
    hide_progress = None if progress is None and len(files) > PROGRESS_THRESHOLD else not progress  # None: on a terminal
    keep = execution is not None and execution.cache_dir
    keys = [file_key(file) if keep else "" for file in files]
    # A corpus loaded before from exactly these files is read back whole: every notebook of a report loads it.
    inputs = f"{content_key(str(root), str(columns), language or '', limits)}-{content_key(list(map(str, files)), keys)}"
    snapshot = execution.result_path(load_corpus, inputs) if keep and all(keys) else None
    if snapshot is not None and snapshot.is_file():
        try:
            return read_snapshot(snapshot, root=str(root))
        except Exception:  # noqa: BLE001 - a damaged snapshot is rebuilt, never trusted
            pass
    read = _map(
        execution, functools.partial(read_file, root=root, columns=columns, limits=limits), files, keys,
        work=_reading_work, rekey=file_key, desc="reading files", hide_progress=hide_progress,
    )
    corpus = Corpus(root=str(root), articles=[])
    drafts: list[Draft] = []
    for file_drafts, skipped, notices in read:
        drafts.extend(file_drafts)
        corpus.skipped.extend(skipped)
        corpus.notices.extend(notices)
    _check_mapping(columns, drafts, corpus.skipped)
    if language:
        for draft in drafts:
            draft.language = language
    lines = [[line_key(block) for block in draft.blocks] for draft in drafts]
    jobs_to_clean = _cleaning_jobs(drafts, lines, find_chrome(drafts, lines))
    built = _map(
        execution, clean_draft, jobs_to_clean, [content_key(*job) if keep else "" for job in jobs_to_clean],
        prepare=punkt_tokenizer, desc="cleaning articles", hide_progress=hide_progress,
    )
    for result in built:
        (corpus.articles if isinstance(result, Article) else corpus.skipped).append(result)
    _check_duplicates(corpus)
    _flag_generic_languages(corpus)
    if snapshot is not None and [file_key(file) for file in files] == keys:  # no file changed while it was read
        write_snapshot(snapshot, corpus)
    return corpus


def check_language(language: str | None) -> str | None:
    """A language code as :func:`load_corpus` takes it (ISO 639-1, lowercase), or a ValueError saying what to give."""
    if not language:
        return None
    code = str(language).strip().lower()
    if not (len(code) == 2 and code.isalpha()):
        raise ValueError(f"language={language!r}: give a two-letter ISO 639-1 code such as en, zh, ru, de")
    return code


def _map(execution: Execution | None, function: Callable, items: Sequence, keys: list[str], *, desc: str,
         hide_progress: bool | None, **options) -> list:
    """``function(item)`` for every item: through the execution's cache and workers, or here."""
    if execution is None:
        return [function(item) for item in tqdm(items, desc=desc, unit="item", disable=hide_progress)]
    return execution.map(function, items, keys, encode=encode, decode=decode, desc=desc, hide_progress=hide_progress,
                         **options)


def _reading_work(file: Path) -> int:
    return WEB_PAGE_WORK if file_suffix(file) in SLOW_SUFFIXES else 1


def _check_mapping(columns: Columns, drafts: list[Draft], skipped: list[SkippedFile]) -> None:
    """Refuse a column mapping that no table of the corpus could use."""
    problems = [item for item in skipped if MAPPING_PROBLEM in item.reason]
    if columns.given() and problems and not any(draft.reader == "table" for draft in drafts):
        raise ValueError(f"{problems[0].path}: {problems[0].reason}")


def _cleaning_jobs(drafts: list[Draft], keys: list[list[str]], chrome: Chrome) -> list[tuple[Draft, Chrome, tuple[str, str]]]:
    """Each draft with the chrome it carries (``keys``: the line keys of its blocks) and, for a saved page,
    its headline and site (from its page title)."""
    jobs = []
    for draft, draft_keys in zip(drafts, keys):
        lines = {key: chrome.lines[key] for key in draft_keys if key in chrome.lines}
        sequences = chrome.sequences if draft.reader == "text" and is_run_on(draft.blocks) else {}
        jobs.append((draft, Chrome(lines=lines, sequences=sequences, openings=chrome.openings)))
    titles = {id(draft): _page_title(draft, own) for draft, own in jobs}
    headlines = site_name([title for title in titles.values() if title])
    named = [headlines.get(titles[id(draft)], ("", "")) for draft, _ in jobs]
    sites = _sites_of_shared_chrome([own for _, own in jobs], [site for _, site in named])
    return [(draft, own, (headline, site)) for (draft, own), (headline, _), site in zip(jobs, named, sites)]


def _sites_of_shared_chrome(chromes: list[Chrome], sites: list[str]) -> list[str]:
    """The site of each page: the one its title names, else the one whose pages carry most of its chrome (at least
    half of its lines of chrome, and MIN_SHARED_CHROME_LINES): a blog's page without the site in its title is
    still framed by the site's menus."""
    sites_by_line: dict[str, Counter] = defaultdict(Counter)
    for chrome, site in zip(chromes, sites):
        for key in chrome.lines if site else ():
            sites_by_line[key][site] += 1
    found = []
    for chrome, site in zip(chromes, sites):
        if not site:
            votes = Counter(sites_by_line[key].most_common(1)[0][0] for key in chrome.lines if key in sites_by_line)
            best, count = votes.most_common(1)[0] if votes else ("", 0)
            site = best if count >= MIN_SHARED_CHROME_LINES and 2 * count >= len(chrome.lines) else ""
        found.append(site)
    return found


def _page_title(draft: Draft, chrome: Chrome) -> str:
    """The first line of an untitled draft — of a page saved on one line, its words before the first chrome —
    unless other pages of the corpus open with it too (:meth:`~.chrome.Chrome.opens_with_title`)."""
    if draft.title or not chrome.opens_with_title(draft.blocks):
        return ""
    spans = chrome.run_on_spans(draft.blocks[0]) if chrome.sequences else []
    return draft.blocks[0][:spans[0][0]].strip(" -|–—:") if spans else draft.blocks[0]


def clean_draft(job: tuple[Draft, Chrome, tuple[str, str]]) -> Article | SkippedFile:
    """The article a draft becomes once its chrome is removed, or why it cannot be one."""
    draft, chrome, (headline, site) = job
    article = build_article(draft, chrome, headline=headline, site=site)
    if article is None:
        return SkippedFile(_location(draft), "no article text left after cleaning")
    return article


def _flag_generic_languages(corpus: Corpus) -> None:
    """A notice on every article in a language read without tools of its own (no lemmas, no stopwords)."""
    for article in corpus:
        if not language_tools(article.language).own_tools:
            corpus.notices.append(Notice(_location(article), f"written in {language_name(article.language)} "
                                         f"({article.language}), which presslens reads generically: words between spaces "
                                         "and punctuation, no lemmas, no stopwords"))


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


def _location(article: Article | Draft) -> str:
    """Where an article comes from: its file, and for a table row or an export entry its doc_id too."""
    if article.path.rsplit(".", 1)[0] == article.doc_id:
        return article.path
    return f"{article.path} ({article.doc_id})"
