"""The house style of the figures: set on each presslens figure, never on plotly itself."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from presslens.plots import FONT, PALETTE, empty_figure
from presslens.plots.frequency import plot_top_terms


def test_importing_the_plots_leaves_plotlys_default_template_alone():
    check = ("import plotly.io as pio; before = pio.templates.default; "
             "import presslens.plots.frequency, presslens.plots.network, presslens.plots.themes, presslens.plots.corpus; "
             "assert pio.templates.default == before == 'plotly', pio.templates.default")
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_presslens_figures_carry_the_house_style():
    frequency = pd.DataFrame({"term": ["trade", "port"], "form": ["trade", "port"], "count": [9, 4], "documents": [3, 2],
                              "per_1000": [4.5, 2.0]})
    for figure in (plot_top_terms(frequency), empty_figure("Nothing", "no rows")):
        layout = figure.layout.template.layout
        assert layout.font.family == FONT and list(layout.colorway) == PALETTE and layout.plot_bgcolor == "white"
