"""Plotly figure builders: one template, one colour-blind-safe palette, figures returned, never shown.

The figure builders live in one submodule per analysis (``plots.corpus``, ``plots.frequency``, …).
Call :func:`setup_notebook` once at the top of a notebook: figures then render interactively in
JupyterLab and as HTML in reports, which load plotly.js once per report folder and open offline.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io.base_renderers import MimetypeRenderer

#: Okabe–Ito palette: distinguishable with every common form of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: Sequential scale for heatmaps (light to dark blue, readable in grey).
SEQUENTIAL = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
#: The house font, then fonts that have Chinese, Japanese and Korean characters (Noto Sans CJK on Linux with
#: fonts-noto-cjk, PingFang or Hiragino on macOS, Microsoft YaHei on Windows): Cyrillic is in every one.
FONT = ("Inter, 'Segoe UI', Roboto, Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', "
        "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif")


class ReportRenderer(MimetypeRenderer):
    """Figures as HTML that draws them with the page's plotly.js; the library itself is never embedded.

    An HTML report loads plotly.js once per folder (or once per page when standalone); JupyterLab draws
    the figure from its plotly output instead, so a saved notebook stays small.
    """

    def activate(self):
        """Nothing to load: the page or JupyterLab provides plotly.js."""

    def to_mimebundle(self, fig_dict):
        return {"text/html": figure_html(fig_dict)}


def figure_html(figure) -> str:
    """A figure as an HTML fragment (a div and the script that draws it) for a page that has plotly.js."""
    return pio.to_html(
        figure,
        config={"displaylogo": False},
        include_plotlyjs=False,
        include_mathjax=False,
        full_html=False,
        default_width="100%",
        default_height=480,
        validate=False,
    )


#: The look of every presslens figure: plotly's white template with the house font, palette and margins.
#: Set on each figure, never as plotly's default, so importing presslens leaves a user's other figures alone.
TEMPLATE = go.layout.Template(pio.templates["plotly_white"]).update(
    layout=dict(
        font=dict(family=FONT, size=13, color="#1f2933"),
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        title=dict(font=dict(size=17), x=0, xanchor="left"),
        margin=dict(l=60, r=30, t=70, b=60),
        xaxis=dict(gridcolor="#e5e9f0", zerolinecolor="#cbd2d9", automargin=True),
        yaxis=dict(gridcolor="#e5e9f0", zerolinecolor="#cbd2d9", automargin=True),
        hoverlabel=dict(font=dict(family=FONT)),
        colorscale=dict(sequential=SEQUENTIAL),
        legend=dict(bgcolor="rgba(255,255,255,0.8)"),
    )
)


def styled(plot: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """Give the figures of a ``plot_*`` function the presslens template."""
    @functools.wraps(plot)
    def plot_with_style(*args, **kwargs) -> go.Figure:
        return plot(*args, **kwargs).update_layout(template=TEMPLATE)
    return plot_with_style


def setup_notebook() -> None:
    """Render figures as interactive plotly in JupyterLab and as HTML in reports (no plotly.js in either)."""
    pio.renderers["presslens_report"] = ReportRenderer()
    pio.renderers.default = "plotly_mimetype+presslens_report"


def bar_height(n_bars: int) -> int:
    """A figure height that gives each of ``n_bars`` horizontal bars room for its label."""
    return max(300, min(1400, 120 + 26 * n_bars))


def count_axis(largest: float, *, ticks: int = 5) -> dict:
    """An axis of counts (articles, mentions, occurrences) from 0 to ``largest``: whole-number ticks only,
    about ``ticks`` of them, at a step of 1, 2 or 5 times a power of ten."""
    rough = max(largest, 1) / ticks
    power = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    step = next(power * factor for factor in (1, 2, 5, 10) if power * factor >= rough)
    return dict(tick0=0, dtick=max(int(step), 1), tickformat=",d", rangemode="tozero")


def short_label(label: str, width: int = 40) -> str:
    """``label`` cut to ``width`` characters with an ellipsis."""
    return label if len(label) <= width else label[: width - 1] + "…"


def text_label(text, width: int | None = None) -> str:
    """Text from the corpus (a title, a doc_id, a name) for a plotly label or hover text.

    Cut to ``width`` characters when given, then HTML-escaped: plotly reads tags such as ``<b>`` or
    ``<a href>`` in its labels, and an article's text must show as written, never as markup.
    """
    text = str(text)
    return html.escape(short_label(text, width) if width else text)


@styled
def empty_figure(title: str, message: str) -> go.Figure:
    """A blank figure that says why it is blank."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, font=dict(size=15), x=0.5, y=0.5, xref="paper", yref="paper")
    figure.update_layout(title=title, xaxis_visible=False, yaxis_visible=False, height=260)
    return figure
