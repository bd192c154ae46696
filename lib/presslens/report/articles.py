"""A page for every article, rendered in one batch from the article profiles (no kernel per article).

The pages show what notebook ``05_article_profile`` shows for one article — the same profile
(:mod:`presslens.profile`), the same tables and figures — in a light page that loads plotly.js from the
report folder's assets.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2

from presslens.atomic import write_text_atomic
from presslens.corpus import Corpus
from presslens.display import evidence_html, header_html, table_html
from presslens.execution import Execution
from presslens.plots import figure_html
from presslens.plots.frequency import plot_tfidf
from presslens.plots.network import plot_actor_network
from presslens.profile import ArticleProfile, article_profiles
from presslens.report.render import TEMPLATES, PageOptions, plotly_script

ARTICLES_FOLDER = "articles"
#: Characters a page's file name keeps from its doc_id: safe in every file system and in a link.
_UNSAFE_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9._-]")
#: Themes shown open, with their evidence sentences, on an article page.
OPEN_THEMES = 3


@dataclass(frozen=True)
class Section:
    """One part of an article page: a title, why it is there, and its HTML."""

    title: str
    why: str
    html: str


@dataclass
class ArticlePage:
    """An article page written (or not) by :func:`write_article_pages`."""

    doc_id: str
    title: str
    html: str
    seconds: float
    status: str = "ok"
    error: str = ""
    top_themes: str = ""
    reused: bool = False


def article_page_path(doc_id: str) -> str:
    """Where an article's page lives inside the report folder: its doc_id, made safe as a file name and link.

    A doc_id's folders stay folders; any other character (``#`` of an export's position, spaces,
    markup) becomes ``_``, and a short hash of the doc_id then keeps two such names apart.
    """
    parts = [_UNSAFE_IN_FILE_NAME.sub("_", part).lstrip(".") or "_" for part in doc_id.split("/")]
    name = "/".join(parts)
    if name != doc_id:
        name += "-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8]
    return f"{ARTICLES_FOLDER}/{name}.html"


def write_article_pages(
    corpus: Corpus, out: Path, doc_ids: list[str], options: PageOptions, *, gazetteer: str | None = None,
    lexicon: str | None = None, top_n: int = 10, n_sentences: int = 5, corrections: str | None = None,
    execution: Execution | None = None,
) -> list[ArticlePage]:
    """Write a page for each article of ``doc_ids`` into ``out/articles``; a page that fails says why."""
    pages = []
    started = time.perf_counter()
    profiles = article_profiles(corpus, doc_ids, top_n=top_n, n_sentences=n_sentences, gazetteer=gazetteer, lexicon=lexicon,
                                corrections=corrections, execution=execution)
    shared = time.perf_counter() - started  # the corpus tables, computed once for all pages
    for profile in profiles:
        page_started = time.perf_counter()
        doc_id = profile.article.doc_id
        page = ArticlePage(doc_id=doc_id, title=profile.article.title, html=article_page_path(doc_id), seconds=0.0,
                           top_themes=", ".join(profile.themes["label"].head(OPEN_THEMES)))
        try:
            target = out / page.html
            write_text_atomic(target, render_article_page(profile, target, out, options, top_n=top_n))
        except Exception as failure:  # noqa: BLE001 - one article's page must not stop the others
            page.status, page.error, page.html = "failed", f"{type(failure).__name__}: {failure}", ""
        page.seconds = time.perf_counter() - page_started + shared / max(len(doc_ids), 1)
        pages.append(page)
    return pages


def render_article_page(profile: ArticleProfile, page: Path, out: Path, options: PageOptions, *, top_n: int = 10) -> str:
    """The HTML page of one article profile."""
    depth = len(page.relative_to(out).parts) - 1
    return _template().render(
        title=profile.article.title, index_href="../" * depth + "index.html",
        plotly_script=plotly_script(page, out, options), header=header_html(profile.article),
        sections=profile_sections(profile, top_n=top_n),
    )


def profile_sections(profile: ArticleProfile, *, top_n: int = 10) -> list[Section]:
    """The parts of an article profile as HTML, in the order of notebook 05."""
    network = plot_actor_network(profile.network, profile.layout, centrality=profile.centrality,
                                 title="Actors of this article")
    return [
        Section("Distinctive terms", "The words and phrases this article uses far more than the rest of the corpus "
                "(TF-IDF): what sets it apart.", figure_html(plot_tfidf(profile.distinctive))),
        Section("Key sentences", "The sentences that carry most of the article's distinctive vocabulary, in reading "
                "order.", table_html(profile.key_sentences)),
        Section("Actors", "The people, organisations and places the article names, most mentioned first.",
                table_html(profile.actors, max_rows=2 * top_n, empty="No actor found in this article.")),
        Section("Who is named with whom", "Actors named in the same sentence; hover over a link for its sentences.",
                figure_html(network)),
        Section("Themes", "The themes the article develops, with the sentences that matched each theme's words.",
                table_html(profile.themes, empty="No theme word matched in this article.")
                + evidence_html(profile.evidence, top_n=OPEN_THEMES)),
        Section("Quotations", "Who is quoted or reported as saying what, in the article's order: the speaker as an "
                "actor of the cast, as the text names them, and the cue that attributes the words.",
                table_html(profile.quotations, empty="No quotation found in this article.")),
    ]


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return environment.get_template("article.html.j2")
