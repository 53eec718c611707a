"""helpers.uncertainty: intervals, their arithmetic, the seeded Monte Carlo and the tornado table."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import uncertainty as u
from helpers.manpower import periods_sustained
from helpers.money import payment_usd
from helpers.sources import claim, fact
from helpers.uncertainty import Interval

from badinput import assert_rejects_bad_input

RESULTS = np.array([0.5, 1.5, 2.5, 3.5])

VALID_CALLS = {
    u.deployments_per_month: {
        "losses_per_day": 1_200,
        "recruits_per_day": 1_000,
        "soldiers": 10_000,
        "days": 30,
    },
    u.monte_carlo: {
        "func": lambda a: a,
        "draws": 100,
        "seed": 1,
        "a": Interval(0, 1),
    },
    u.interval_apply: {
        "func": periods_sustained,
        "soldiers": Interval(1, 2),
        "losses_per_period": Interval(1, 2),
    },
    u.tornado_table: {"func": lambda a: a, "ranges": {"a": Interval(1, 2)}, "base": None},
    u.middle_range: {"results": RESULTS, "share": 0.9},
    u.share_above: {"results": RESULTS, "threshold": 1},
    u.draw_estimates: {"ids": ("nk_active_cia_2024",), "unit": "troops", "scale": 1.0},
    u.draw_monte_carlo: {
        "losses_low": 1_200,
        "losses_high": 1_500,
        "recruits_low": 700,
        "recruits_high": 1_020,
        "soldiers_low": 10_000,
        "soldiers_high": 12_000,
    },
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_rejects_bad_input(func):
    allow_negative = ("threshold",)
    assert_rejects_bad_input(
        func,
        VALID_CALLS[func],
        allow_negative=allow_negative,
        skip=("func", "results"),
    )


# --- Interval ---------------------------------------------------------------------------


def test_interval_mid_width_and_contains():
    r = Interval(1_200, 1_500)
    assert (r.mid, r.width) == (1_350, 300)
    assert r.contains(1_200) and r.contains(1_500) and not r.contains(1_501)
    assert str(Interval(10_000, 12_000)) == "10,000 to 12,000"
    assert str(Interval(0.45, 2.4)) == "0.45 to 2.4"


@pytest.mark.parametrize(
    ("low", "high", "error"),
    [(2, 1, ValueError), (math.nan, 1, ValueError), ("1", 2, TypeError), (1, math.inf, ValueError)],
)
def test_interval_rejects_nonsense(low, high, error):
    with pytest.raises(error, match="low|high"):
        Interval(low, high)


def test_interval_allows_negative_results():
    assert Interval(-1, 1).mid == 0


# --- reading the seeds as ranges --------------------------------------------------------


def test_span_covers_the_sources_for_october_losses():
    r = u.span("russia_losses_per_day", "radakin_losses_per_day_2024_10")
    assert r == Interval(
        claim("russia_losses_per_day").low, fact("radakin_losses_per_day_2024_10").value
    )


def test_span_uses_low_and_high_ends():
    assert u.span("nk_army_size") == Interval(1_000_000, 2_000_000)
    assert u.span("nk_active_cia_2024").low == fact("nk_active_cia_2024").low


def test_span_rejects_ids_without_numbers_and_unknown_ids():
    with pytest.raises(ValueError, match="cold_business"):
        u.span("cold_business")
    with pytest.raises(KeyError):
        u.span("no_such_id")
    with pytest.raises(ValueError):
        u.span()


def test_headline_ranges_come_from_the_seeds():
    r = u.headline_ranges()
    assert r["losses_per_day"] == Interval(1_200, 1_500)
    assert r["recruits_per_day"] == Interval(
        fact("ru_recruits_per_day_q3_2024").value, fact("ru_recruits_per_day_q2_2024").value
    )
    assert r["soldiers"] == Interval(10_000, 12_000)


def test_estimates_table():
    table = u.estimates("nk_army_size", "nk_active_rok_2022")
    assert table["value"].tolist() == [1_000_000, 1_280_000]
    assert table.loc[0, "caveat"].startswith("hedge: minstens")


def test_hedges_as_intervals_reads_each_kind_of_hedge():
    table = u.hedges_as_intervals(
        "nk_army_size", "russia_losses_per_day", "sk_intel_10000", "many_more_coming"
    ).set_index("claim")
    assert (table.loc["nk_army_size", "low"], table.loc["nk_army_size", "high"]) == (1e6, 2e6)
    assert math.isnan(table.loc["russia_losses_per_day", "high"])
    assert "at least" in table.loc["russia_losses_per_day", "reads as"]
    assert "no range" in table.loc["sk_intel_10000", "reads as"]
    assert "no number" in table.loc["many_more_coming", "reads as"]


# --- interval arithmetic ----------------------------------------------------------------


def test_interval_apply_division_swaps_the_ends():
    r = u.interval_apply(
        periods_sustained,
        soldiers=Interval(10_000, 12_000),
        losses_per_period=Interval(1_200, 1_500),
    )
    assert r.low == pytest.approx(10_000 / 1_500) and r.high == pytest.approx(12_000 / 1_200)


def test_interval_apply_subtraction_crosses_the_ends():
    r = u.interval_apply(lambda a, b: a - b, a=Interval(1_200, 1_500), b=Interval(700, 1_020))
    assert r == Interval(180, 800)


def test_interval_apply_rejects_plain_numbers():
    with pytest.raises(TypeError, match="soldiers"):
        u.interval_apply(periods_sustained, soldiers=10_000, losses_per_period=Interval(1, 2))
    with pytest.raises(ValueError):
        u.interval_apply(periods_sustained)


positive = st.floats(min_value=1, max_value=1e6, allow_nan=False)
share = st.floats(min_value=0, max_value=1)


@st.composite
def range_and_point(draw):
    a, b = draw(positive), draw(positive)
    lo, hi = min(a, b), max(a, b)
    return Interval(lo, hi), lo + draw(share) * (hi - lo)


@settings(max_examples=80, deadline=None)
@given(range_and_point(), range_and_point(), range_and_point())
def test_interval_result_contains_the_point_result(losses, recruits, soldiers):
    (rl, pl), (rr, pr), (rs, ps) = losses, recruits, soldiers
    result = u.interval_apply(
        u.deployments_per_month, losses_per_day=rl, recruits_per_day=rr, soldiers=rs
    )
    assert result.contains(u.deployments_per_month(pl, pr, ps))


@settings(max_examples=50, deadline=None)
@given(range_and_point(), range_and_point(), range_and_point())
def test_interval_payment_contains_the_point_payment(soldiers, price, months):
    (rs, ps), (rp, pp), (rm, pm) = soldiers, price, months
    result = u.interval_apply(payment_usd, soldiers=rs, usd_per_soldier_month=rp, months=rm)
    assert result.contains(payment_usd(ps, pp, pm))


# --- Monte Carlo ------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), range_and_point(), range_and_point())
def test_monte_carlo_is_reproducible_with_a_seed(seed, a, b):
    first = u.monte_carlo(lambda x, y: x - y, draws=50, seed=seed, x=a[0], y=b[0])
    again = u.monte_carlo(lambda x, y: x - y, draws=50, seed=seed, x=a[0], y=b[0])
    np.testing.assert_array_equal(first, again)


@settings(max_examples=25, deadline=None)
@given(range_and_point(), range_and_point(), range_and_point())
def test_monte_carlo_stays_inside_the_interval_result(losses, recruits, soldiers):
    ranges = {"losses_per_day": losses[0], "recruits_per_day": recruits[0], "soldiers": soldiers[0]}
    exact = u.interval_apply(u.deployments_per_month, **ranges)
    results = u.monte_carlo(u.deployments_per_month, draws=200, **ranges)
    assert all(exact.contains(x) for x in (results.min(), results.max()))


def test_different_seeds_give_different_draws():
    a = u.monte_carlo(lambda x: x, draws=10, seed=1, x=Interval(0, 1))
    b = u.monte_carlo(lambda x: x, draws=10, seed=2, x=Interval(0, 1))
    assert not np.array_equal(a, b)


def test_monte_carlo_middle_is_narrower_than_interval_arithmetic():
    ranges = u.headline_ranges()
    results = u.monte_carlo(u.deployments_per_month, **ranges)
    exact = u.interval_apply(u.deployments_per_month, **ranges)
    middle = u.middle_range(results)
    assert results.shape == (u.DRAWS,)
    assert exact.low < middle.low < middle.high < exact.high
    assert middle.contains(u.deployments_per_month(*(r.mid for r in ranges.values())))


def test_monte_carlo_rejects_a_function_that_is_not_callable():
    with pytest.raises(TypeError, match="func"):
        u.monte_carlo(3, a=Interval(0, 1))


def test_share_above_and_middle_range():
    assert u.share_above(RESULTS, 1) == 0.75
    assert u.share_above(RESULTS, -10) == 1.0
    assert u.middle_range(np.arange(101.0), 0.5) == Interval(25, 75)
    with pytest.raises(TypeError, match="results"):
        u.share_above([], 1)


def test_deployments_per_month_on_arrays_and_numbers():
    assert u.deployments_per_month(1_350, 860, 11_000) == pytest.approx(490 * 30 / 11_000)
    arr = u.deployments_per_month(np.array([1_200.0, 1_500.0]), np.array([1_000.0, 700.0]), 10_000)
    np.testing.assert_allclose(arr, [0.6, 2.4])
    assert u.deployments_per_month(700, 1_000, 10_000) < 0  # recruits outpace losses
    with pytest.raises(ValueError, match="soldiers"):
        u.deployments_per_month(1, 1, np.array([1.0, 0.0]))
    with pytest.raises(ValueError, match="losses_per_day"):
        u.deployments_per_month(np.array([np.nan]), 1, 1)


# --- tornado ----------------------------------------------------------------------------


def test_tornado_table_sorts_by_swing_and_holds_others_at_the_middle():
    ranges = u.headline_ranges()
    table = u.tornado_table(u.deployments_per_month, ranges)
    assert table["swing"].is_monotonic_decreasing
    row = table.set_index("input").loc["losses_per_day"]
    mid = {k: r.mid for k, r in ranges.items()}
    assert row["at low"] == pytest.approx(
        u.deployments_per_month(1_200, mid["recruits_per_day"], mid["soldiers"])
    )
    assert table["input"].iloc[-1] == "soldiers"


def test_tornado_table_accepts_a_base_case_and_rejects_unknown_names():
    t = u.tornado_table(
        lambda a, b: a * b, {"a": Interval(1, 3), "b": Interval(1, 2)}, base={"b": 10}
    )
    assert t.set_index("input").loc["a", "swing"] == 20
    with pytest.raises(KeyError, match="c"):
        u.tornado_table(lambda a: a, {"a": Interval(1, 3)}, base={"c": 1})


# --- charts (check the data they plot) --------------------------------------------------


def test_histogram_is_in_percent_and_piles_outliers_at_the_ends():
    counts, edges = u.histogram(np.array([-50.0, 0.0, 0.0, 50.0]))
    assert counts.sum() == pytest.approx(100)
    assert counts[0] == 25 and counts[-1] == 25
    with pytest.raises(ValueError, match="edges"):
        u.histogram(RESULTS, np.array([1.0, 0.0]))


def test_draw_estimates_plots_each_source_and_an_arrow_for_at_least():
    ids = ("russia_losses_per_day", "ukdi_losses_per_day_2024_10", "radakin_losses_per_day_2024_10")
    fig = u.draw_estimates(ids, "people per day")
    ax = fig.axes[0]
    dots = ax.lines[0]
    assert sorted(dots.get_xdata()) == [1_200, 1_354, 1_500]
    arrows = [line for line in ax.lines if line.get_marker() == ">"]
    assert len(arrows) == 1 and list(arrows[0].get_xdata()) == [1_200]  # 'at least' 1,200
    (dotted,) = ax.collections  # no closed range here: only the open end, from 1,200 rightwards
    assert (
        dotted.get_segments()[0][0][0] == 1_200 and dotted.get_linestyle()[0][1] is not None
    )  # dashed
    assert "Ukrainian" not in fig.texts[-1].get_text() and "Sources:" in fig.texts[-1].get_text()


def test_draw_estimates_scales_and_draws_ranges():
    fig = u.draw_estimates(("nk_active_cia_2024", "nk_army_size"), "million troops", 1e6)
    segments = fig.axes[0].collections[0].get_segments()
    ends = sorted((s[0][0], s[1][0]) for s in segments)
    assert ends == [(1.0, 1.2), (1.0, 2.0)]


def test_draw_tornado_bars_match_the_table():
    table = u.tornado_table(u.deployments_per_month, u.headline_ranges())
    fig = u.draw_tornado(table, "deployments a month")
    bars = fig.axes[0].patches
    widths = sorted(round(b.get_width(), 6) for b in bars)
    assert widths == sorted(round(s, 6) for s in table["swing"])
    assert "Medvedev" in fig.texts[-1].get_text()


def test_draw_monte_carlo_plots_the_histogram_and_both_ranges():
    fig = u.draw_monte_carlo(1_200, 1_500, 700, 1_020, 10_000, 12_000)
    ax = fig.axes[0]
    stairs = [p for p in ax.patches if type(p).__name__ == "StepPatch"][0]
    values = stairs.get_data().values
    assert values.sum() == pytest.approx(100)
    results = u.monte_carlo(u.deployments_per_month, **u.headline_ranges())
    expected, _ = u.histogram(results)
    np.testing.assert_allclose(values, expected)
    assert "0.45 to 2.40" in ax.texts[0].get_text()


def test_draw_monte_carlo_swaps_reversed_ends_and_narrower_ranges_narrow_the_spread():
    swapped = u.draw_monte_carlo(1_500, 1_200, 1_020, 700, 12_000, 10_000)
    normal = u.draw_monte_carlo(1_200, 1_500, 700, 1_020, 10_000, 12_000)
    assert swapped.axes[0].texts[0].get_text() == normal.axes[0].texts[0].get_text()
    narrow = u.draw_monte_carlo(1_340, 1_360, 850, 870, 11_000, 11_000)
    wide_text, narrow_text = normal.axes[0].texts[0].get_text(), narrow.axes[0].texts[0].get_text()
    assert wide_text != narrow_text
    with pytest.raises(ValueError, match="soldiers_low"):
        u.draw_monte_carlo(1_200, 1_500, 700, 1_020, 0, 0)


def test_monte_carlo_chart_keeps_the_same_artists_as_the_sliders_move():
    chart = u.MonteCarloChart()
    ax = chart.fig.axes[0]
    counts = set()
    for values in [
        (1_200, 1_500, 700, 1_020, 10_000, 12_000),
        (1_340, 1_360, 850, 870, 11_000, 11_000),  # a tall, narrow spike
        (800, 800, 1_500, 1_500, 1_000, 1_000),  # every draw far left of the axis
    ]:
        assert chart.update(*values) is chart.fig
        counts.add((len(ax.patches), len(ax.collections), len(ax.lines), len(ax.texts)))
    assert counts == {(2, 1, 0, 1)}
    assert "interval arithmetic (grey): -21.00 to -21.00" in ax.texts[0].get_text()


def test_widget_chart_is_light():
    """The slider's chart draws few artists (its speed is measured by ``make bench``)."""
    ax = u.draw_monte_carlo(1_200, 1_500, 700, 1_020, 10_000, 12_000).axes[0]
    assert len(ax.patches) + len(ax.collections) + len(ax.lines) + len(ax.texts) <= 5
    assert len(ax.get_xticks()) <= 8 and len(ax.get_yticks()) <= 5
