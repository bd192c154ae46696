"""The house style of the figures: set on each presslens figure, never on plotly itself."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

import pytest

from presslens.plots import FONT, PALETTE, count_axis, empty_figure
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


def test_the_house_font_falls_back_to_fonts_with_chinese_characters():
    families = [family.strip(" '") for family in FONT.split(",")]
    assert families[-1] == "sans-serif" and "Noto Sans CJK SC" in families and "Microsoft YaHei" in families


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (1, 1), (4, 1), (7, 2), (40, 10), (99, 20), (1234, 500)])
def test_count_axes_tick_whole_numbers(largest, step):
    axis = count_axis(largest)
    assert axis["dtick"] == step and axis["tick0"] == 0 and axis["tickformat"] == ",d"
