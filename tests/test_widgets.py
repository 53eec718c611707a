"""The live charts behind the sliders: an updated chart must look exactly like a new one.

A slider redraw moves the artists of one figure (``helpers.style.LiveChart``) instead of
building a new figure. These tests walk each live chart through a series of slider
positions (including ones that hide or show a label) and compare its SVG, byte for byte,
with a chart drawn new for the same values.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from matplotlib.figure import Figure

import helpers
from helpers import costs, manpower, money, style, timeline
from helpers import uncertainty as u
from helpers.style import svg_text
from helpers.widgets import explore, int_slider

MC = (
    "losses_low",
    "losses_high",
    "recruits_low",
    "recruits_high",
    "soldiers_low",
    "soldiers_high",
)

BRIER = (
    "more_than_12000",
    "casualties_2024",
    "russia_admits_2024",
    "half_casualties",
    "nk_admits_1000",
)

# chart factory (as a notebook's explore() cell makes it), the one-off draw function for
# the same values, and slider positions to walk through in this order.
LIVE_CHARTS: dict[str, tuple[Callable[[], style.LiveChart], Callable[..., Figure], list]] = {
    "01 days covered": (
        manpower.DaysCoveredChart,
        manpower.draw_days_covered,
        [
            {"soldiers": 10_000, "losses_per_day": 1_200},
            {"soldiers": 50_000, "losses_per_day": 500},  # not used up in 30 days: no dot
            {"soldiers": 1_000, "losses_per_day": 2_500},  # the dot comes back
            {"soldiers": 0, "losses_per_day": 1_200},
            {"soldiers": 10_000, "losses_per_day": 1_200},
        ],
    ),
    "02 payment vs economy": (
        money.PaymentVsEconomyChart,
        money.draw_payment_vs_economy,
        [
            {"soldiers": 10_000, "months": 12},  # "73% of a year's exports"
            {"soldiers": 100_000, "months": 36},  # "21.8 times": widest x, tallest y
            {"soldiers": 1_000, "months": 1},  # shortest line; y set by the exports
            {"soldiers": 50_000, "months": 12},
            {"soldiers": 0, "months": 36},  # nothing paid: a flat line
            {"soldiers": 27_000, "months": 12},  # just below the switch to "times"
            {"soldiers": 10_000, "months": 12},
        ],
    ),
    "03 cost comparison": (
        costs.CostComparisonChart,
        costs.draw_cost_comparison,
        [
            {
                "gap_soldiers": 15_000,
                "nk_effectiveness": 0.6,
                "rub_per_usd": 97,
                "contract_months": 12,
            },
            # no bars: the x axis at its floor
            {"gap_soldiers": 0, "nk_effectiveness": 0.3, "rub_per_usd": 70, "contract_months": 6},
            {
                "gap_soldiers": 30_000,
                "nk_effectiveness": 0.3,
                "rub_per_usd": 130,
                "contract_months": 36,
            },
            # the chart's own contract length (no slider value); an odd rate in the source line
            {"gap_soldiers": 1_000, "nk_effectiveness": 1.0, "rub_per_usd": 97.0121},
            {
                "gap_soldiers": 6_000,
                "nk_effectiveness": 0.85,
                "rub_per_usd": 102.58,
                "contract_months": 24,
            },
            {
                "gap_soldiers": 15_000,
                "nk_effectiveness": 0.6,
                "rub_per_usd": 97,
                "contract_months": 12,
            },
        ],
    ),
    "04 force path": (
        manpower.ForcePathChart,
        manpower.draw_force_path,
        [
            {"losses_per_day": 1_200, "recruits_per_day": 1_000, "arrivals_per_month": 10_000},
            # the two end labels close together (pushed apart), then far apart
            {"losses_per_day": 1_200, "recruits_per_day": 1_000, "arrivals_per_month": 0},
            {"losses_per_day": 2_500, "recruits_per_day": 0, "arrivals_per_month": 40_000},
            # fewer months (shorter lines, fewer ticks), then more
            {
                "losses_per_day": 500,
                "recruits_per_day": 2_000,
                "arrivals_per_month": 0,
                "months": 1,
            },
            {"losses_per_day": 2_500, "recruits_per_day": 0, "arrivals_per_month": 0, "months": 36},
            {"losses_per_day": 1_200, "recruits_per_day": 1_000, "arrivals_per_month": 10_000},
        ],
    ),
    "05 monte carlo": (
        u.MonteCarloChart,
        u.draw_monte_carlo,
        [
            dict(zip(MC, (1_200, 1_500, 700, 1_020, 10_000, 12_000), strict=True)),
            dict(zip(MC, (1_500, 1_200, 1_020, 700, 12_000, 10_000), strict=True)),  # swapped
            dict(zip(MC, (1_340, 1_360, 850, 870, 11_000, 11_000), strict=True)),  # a tall spike
            dict(
                zip(MC, (800, 2_500, 300, 1_500, 1_000, 30_000), strict=True)
            ),  # grey cut at both ends
            dict(
                zip(MC, (800, 800, 1_500, 1_500, 1_000, 1_000), strict=True)
            ),  # all in the first bin
            dict(
                zip(MC, (2_500, 2_500, 300, 300, 1_000, 1_000), strict=True)
            ),  # all in the last bin
            dict(zip(MC, (1_300, 1_400, 800, 900, 10_500, 11_500), strict=True)),
            dict(zip(MC, (1_200, 1_500, 700, 1_020, 10_000, 12_000), strict=True)),
        ],
    ),
    "06 brier": (
        timeline.BrierChart,
        timeline.draw_brier,
        [
            dict(zip(BRIER, (0.5, 0.5, 0.5, 0.5, 0.5), strict=True)),
            dict(zip(BRIER, (1, 1, 0, 1, 0), strict=True)),  # all right: score 0, no bars
            dict(zip(BRIER, (0, 0, 1, 0, 1), strict=True)),  # all wrong: score 1, right edge
            dict(zip(BRIER, (0.9, 0.6, 0.3, 0.2, 0.1), strict=True)),
            dict(zip(BRIER, (0, 0, 0, 0, 0), strict=True)),
            dict(zip(BRIER, (1, 1, 1, 1, 1), strict=True)),
            dict(zip(BRIER, (0.85, 0.95, 0.05, 0.65, 0.15), strict=True)),
            dict(zip(BRIER, (0.5, 0.5, 0.5, 0.5, 0.5), strict=True)),
        ],
    ),
}


@pytest.mark.parametrize("name", list(LIVE_CHARTS))
def test_an_updated_chart_draws_the_same_svg_as_a_new_one(name):
    make, draw, positions = LIVE_CHARTS[name]
    chart = make()
    first = chart.fig
    for values in positions:
        updated = svg_text(chart(**values))
        assert chart.fig is first, "a live chart keeps its figure"
        assert updated == svg_text(draw(**values)), f"{name} differs at {values}"


@pytest.mark.parametrize("name", list(LIVE_CHARTS))
def test_bad_input_leaves_the_chart_as_it_was(name):
    make, _, positions = LIVE_CHARTS[name]
    chart = make()
    before = svg_text(chart(**positions[0]))
    for argument in positions[0]:
        with pytest.raises((ValueError, TypeError), match=argument):
            chart(**(positions[0] | {argument: -1}))
        assert svg_text(chart.fig) == before, f"{argument}=-1 changed the chart"


def test_svg_text_is_the_same_for_the_same_chart():
    one = svg_text(manpower.draw_days_covered(12_345, 1_357))
    assert one == svg_text(manpower.draw_days_covered(12_345, 1_357))
    assert "<dc:date>" not in one, "a date in the SVG changes it at every save"


# Names from matplotlib's insides: renderer classes, font tables, undocumented flags.
MATPLOTLIB_INTERNALS = re.compile(
    r"backend_svg|RendererSVG|TextToPath|get_sfnt_table|isDefault_|_autolabelpos"
    r"|_cachedRenderer|\.stale\b"
)


@pytest.mark.parametrize(
    "path", sorted(Path(helpers.__file__).parent.rglob("*.py")), ids=lambda p: p.name
)
def test_no_helper_reaches_into_matplotlib_internals(path):
    text = path.read_text()
    assert not MATPLOTLIB_INTERNALS.search(text), f"{path.name}: matplotlib internals"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            own = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            # Dunders and IPython's display hooks (_repr_mimebundle_ ...) are public.
            public = node.attr.startswith(("__", "_repr_"))
            assert own or public, f"{path.name}:{node.lineno}: {ast.unparse(node)} is private"


def test_explore_drives_a_live_chart():
    chart = manpower.DaysCoveredChart()
    explorer = explore(
        chart,
        soldiers=int_slider("soldiers", 10_000, 1_000, 50_000, 1_000),
        losses_per_day=int_slider("losses", 1_200, 500, 2_500, 50),
    )
    assert explorer.redraw(soldiers=20_000) is chart.fig
    assert "20,000 soldiers" in explorer.render(soldiers=20_000)


def test_a_slider_move_replaces_the_chart_in_the_output():
    explorer = explore(
        manpower.DaysCoveredChart(),
        soldiers=int_slider("soldiers", 10_000, 1_000, 50_000, 1_000),
        losses_per_day=int_slider("losses", 1_200, 500, 2_500, 50),
    )
    (first,) = explorer.output.outputs
    explorer.controls["soldiers"].value = 20_000
    (shown,) = explorer.output.outputs  # replaced, not added to
    svg = shown["data"]["image/svg+xml"]
    assert svg.startswith("<svg") and "20,000 soldiers" in svg
    assert "10,000 soldiers" in first["data"]["image/svg+xml"]
