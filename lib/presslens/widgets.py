"""Explorers for JupyterLab: controls over the same library calls as the notebooks' static cells.

Each ``explore_*`` function returns an ipywidgets box: its controls choose a value — a term, an actor,
a theme, a co-occurrence window — and its output area shows what the matching ``*_view`` function
returns for that value. A view is a plain function that calls the library (``kwic``,
``dispersion_table``, ``actor_neighbours``, ``cooccurrence_table``, ``theme_articles``…) and returns
the tables and figures to display, so it can be called, and tested, without a browser.

- :func:`explore_kwic` / :func:`kwic_view` — a word or phrase in context, and where it occurs;
- :func:`explore_actor` / :func:`actor_view` — an actor's names, neighbours and shared sentences;
- :func:`explore_theme` / :func:`theme_view` — a theme's articles and evidence sentences;
- :func:`explore_window` / :func:`window_view` — the pairs and network of a co-occurrence window.

Without ipywidgets an explorer returns a short note instead of raising, so a notebook still runs top
to bottom; reports drop the explorer cells (tag ``widgets``) and keep the static output.

A widget lives in the kernel: a saved notebook opened again shows "model not found" in its place
until the cells run again. Each explorer therefore displays :data:`KERNEL_NOTE` first, as an ordinary
output that is saved with the notebook. Every HTML and Markdown an explorer shows is built by
:mod:`presslens.display`, so MathJax never reads the dollars of article text as formulas.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from types import ModuleType

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import HTML, display

from presslens.actors import corpus_actors
from presslens.chunks import TokenChunks
from presslens.cooccurrence import (MEASURES, WINDOWS, PairMeasure, Window, actor_evidence, actor_neighbours,
                                    cooccurrence_table, measure_column)
from presslens.corpus import Corpus
from presslens.deprecation import corpus_then_table
from presslens.display import Note, html_output, markdown_html, show_evidence, show_table
from presslens.network import build_network, centrality_table, layout_network
from presslens.patterns import dispersion_table, kwic
from presslens.plots.frequency import plot_dispersion
from presslens.plots.network import plot_actor_network
from presslens.spelling import Spelling, spelling_of
from presslens.themes import theme_articles, theme_sentences

UNAVAILABLE = (
    "*Interactive explorer not available here: it needs ipywidgets in a Jupyter kernel "
    "(`pip install ipywidgets`, then restart the kernel). The static output above shows the same analysis.*"
)
#: Displayed above every explorer: a saved notebook keeps this note, not the widget.
KERNEL_NOTE = (
    "This explorer needs a running kernel: after opening a saved notebook, run it again (Run ▸ Run All Cells)."
)
#: Rows shown in an explorer's tables.
MAX_ROWS = 25


def _ipywidgets() -> ModuleType | None:
    """The ipywidgets module, or None when it cannot be imported."""
    try:
        import ipywidgets
    except ImportError:
        return None
    return ipywidgets


# --------------------------------------------------------------------------------------------
# Views: what an explorer shows for one choice


def kwic_view(corpus: Corpus, tokens: pd.DataFrame | TokenChunks, term: str, *, context: int = 8,
              spelling: Spelling | None = None) -> list:
    """Every occurrence of ``term`` with ``context`` words on each side, and its dispersion plot (one row per
    article, the term titled as ``spelling`` writes it).

    Raises ``ValueError`` (from :func:`~presslens.patterns.kwic`) when ``term`` has no word in it.
    """
    lines = kwic(corpus, term, context=context, tokens=tokens)
    return [
        show_table(lines, max_rows=MAX_ROWS, empty=f"“{term}” does not occur in the corpus."),
        plot_dispersion(dispersion_table(corpus, [term], tokens=tokens), spelling=spelling),
    ]


def actor_view(
    mentions: pd.DataFrame, pairs: pd.DataFrame, evidence: pd.DataFrame, actor: str, *, measure: PairMeasure = "npmi"
) -> list:
    """How ``actor`` is named, who it is mentioned with (strongest first), and three sentences per neighbour."""
    named = mentions[mentions["actor"] == actor]
    names = named["surface"].value_counts()
    written = ", ".join(f"{html.escape(name)} ×{count}" for name, count in names.head(8).items())
    kind = named["type"].iloc[0] if len(named) else "actor"
    summary = HTML(html_output(
        f"<p><b>{html.escape(actor)}</b> ({html.escape(kind)}): {len(named):,} mentions in "
        f"{named['doc_id'].nunique():,} article(s), written as {written or '—'}.</p>"
    ))
    neighbours = actor_neighbours(pairs, actor, measure=measure)
    return [
        summary,
        show_table(neighbours, max_rows=MAX_ROWS, empty=f"{actor} is never mentioned with another actor in this window."),
        show_table(actor_evidence(evidence, actor, neighbours=neighbours, per_neighbour=3), max_rows=MAX_ROWS,
                   empty="No evidence."),
    ]


def theme_view(scores: pd.DataFrame, sentences: pd.DataFrame, theme: str, *, top_n: int = 3) -> list:
    """The articles that develop ``theme``, highest score first, and their evidence sentences."""
    return [
        show_table(theme_articles(scores, theme), max_rows=MAX_ROWS, empty=f"No article matches the theme {theme!r}."),
        show_evidence(theme_sentences(sentences, theme), top_n=top_n),
    ]


def window_view(
    corpus: Corpus,
    mentions: pd.DataFrame,
    window: Window,
    *,
    measure: PairMeasure = "npmi",
    min_count: int = 1,
    max_nodes: int = 40,
) -> list:
    """The co-occurring pairs of one ``window``, strongest first by ``measure``, and their network."""
    pairs = cooccurrence_table(corpus, mentions, window=window, min_count=min_count)
    graph = build_network(pairs, corpus_actors(mentions), measure=measure, max_nodes=max_nodes)
    summary = Note(f"**{len(pairs):,} pairs** of actors share a {window} at least {min_count} time(s).")
    return [
        summary,
        plot_actor_network(graph, layout_network(graph), centrality=centrality_table(graph),
                           title=f"Actor network ({window} window, edge width = {measure})"),
        show_table(pairs.sort_values([measure_column(measure), "count"], ascending=False), max_rows=MAX_ROWS),
    ]


# --------------------------------------------------------------------------------------------
# Explorers: controls wired to the views


def explore_kwic(corpus: Corpus, tokens: pd.DataFrame | TokenChunks, *, terms: Sequence[str] = (), context: int = 8):
    """Type or pick a word or phrase (``terms`` are suggestions) and a context width: KWIC and dispersion.

    Terms are shown as the corpus most often writes them (:func:`~presslens.spelling.spelling_of`)."""
    widgets = _ipywidgets()
    if widgets is None:
        return Note(UNAVAILABLE)
    spelling = spelling_of(tokens)
    suggestions = list(dict.fromkeys(spelling(term) for term in terms))
    term = widgets.Combobox(value=suggestions[0] if suggestions else "", options=suggestions, placeholder="a word or phrase",
                            description="term", ensure_option=False, continuous_update=False)
    width = widgets.IntSlider(value=context, min=0, max=20, description="context", continuous_update=False)
    return _explorer(
        widgets,
        "Type a word or phrase (or pick a frequent term) and press Enter; widen or narrow the context.",
        [term, width],
        lambda: kwic_view(corpus, tokens, term.value, context=width.value, spelling=spelling),
    )


def explore_actor(mentions: pd.DataFrame, pairs: pd.DataFrame, evidence: pd.DataFrame, *, measure: PairMeasure = "npmi"):
    """Pick an actor (most mentioned first): its names, its neighbours by ``measure``, their sentences."""
    widgets = _ipywidgets()
    if widgets is None:
        return Note(UNAVAILABLE)
    linked = set(pairs["actor_a"]) | set(pairs["actor_b"])
    actors = [name for name in corpus_actors(mentions)["actor"] if name in linked]
    if not actors:
        return Note("*No two actors are mentioned together: there is no company to explore.*")
    actor = widgets.Dropdown(options=actors, description="actor")
    strength = widgets.Dropdown(options=list(MEASURES), value=measure, description="rank by")
    return _explorer(
        widgets,
        "Pick an actor: how the articles name it, who it is mentioned with, and the sentences that link them.",
        [actor, strength],
        lambda: actor_view(mentions, pairs, evidence, actor.value, measure=strength.value),
    )


def explore_theme(scores: pd.DataFrame, sentences: pd.DataFrame, *, top_n: int = 3):
    """Pick a theme (largest total score first): the articles that develop it and their sentences."""
    widgets = _ipywidgets()
    if widgets is None:
        return Note(UNAVAILABLE)
    totals = scores.groupby(["theme", "label"], sort=False)["score"].sum().sort_values(ascending=False)
    if totals.empty:
        return Note("*No theme word matched any article: there is no theme to explore.*")
    theme = widgets.Dropdown(options=[(label, theme_id) for theme_id, label in totals.index], description="theme")
    return _explorer(
        widgets,
        "Pick a theme: the articles that develop it, highest score first, and the sentences that matched.",
        [theme],
        lambda: theme_view(scores, sentences, theme.value, top_n=top_n),
    )


def explore_window(
    corpus: Corpus, mentions: pd.DataFrame, *, window: Window = "sentence", measure: PairMeasure = "npmi",
    min_count: int = 1, max_nodes: int = 40,
):
    """Switch the co-occurrence window and the measure: the pairs and the network are recomputed.

    The former order, ``explore_window(mentions, corpus)``, still works, with a ``DeprecationWarning``."""
    corpus, mentions = corpus_then_table(corpus, mentions, Corpus, name="explore_window")
    widgets = _ipywidgets()
    if widgets is None:
        return Note(UNAVAILABLE)
    chosen_window = widgets.ToggleButtons(options=list(WINDOWS), value=window, description="window")
    strength = widgets.Dropdown(options=list(MEASURES), value=measure, description="measure")
    return _explorer(
        widgets,
        "Widen the window from sentence to paragraph to article and watch loose links appear.",
        [chosen_window, strength],
        lambda: window_view(corpus, mentions, chosen_window.value, measure=strength.value,
                            min_count=min_count, max_nodes=max_nodes),
    )


def _explorer(widgets: ModuleType, help_text: str, controls: list, view: Callable[[], list]):
    """A box of a help line, ``controls`` and an output area that shows ``view()`` now and on every change.

    :data:`KERNEL_NOTE` is displayed first, as an ordinary output above the box.
    """
    display(Note(f"*{KERNEL_NOTE}*"))
    output = widgets.Output()

    def refresh(_change=None) -> None:
        try:
            displays = view()
        except ValueError as error:
            displays = [Note(f"*{error}*")]
        output.outputs = tuple(_display_data(item) for item in displays)

    for control in controls:
        control.observe(refresh, names="value")
    refresh()
    return widgets.VBox([widgets.HTML(markdown_html(f"*{help_text}*")), widgets.HBox(controls), output])


def _display_data(item) -> dict:
    """``item`` as a display-data output message: its mime bundle as Jupyter would show it."""
    if isinstance(item, go.Figure):
        data, metadata = _figure_bundle(item), {}
    else:
        data, metadata = InteractiveShell.instance().display_formatter.format(item)
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def _figure_bundle(figure: go.Figure) -> dict:
    """The mime bundle of the default plotly renderers, without the plotly.js script they display when activated."""
    bundle = {}
    for name in pio.renderers.default.split("+"):
        renderer = pio.renderers[name] if name in pio.renderers else None
        if hasattr(renderer, "to_mimebundle"):
            bundle.update(renderer.to_mimebundle(figure.to_dict()))
    return bundle
