"""Notebook 03's helpers: stocks and flows of soldiers, break-even arrivals, and their charts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import manpower
from helpers.sources import claim, fact, losses_monthly

from badinput import assert_rejects_bad_input

RATES = {"article": 1_200, "Healey": 1_354}
IDS = ("russia_losses_per_day",)

VALID_CALLS = {
    manpower.rate_table: {"rate_per_day": 1_200},
    manpower.simulate_force: {
        "start": 600_000,
        "periods": 12,
        "losses_per_period": 36_000,
        "recruits_per_period": 30_000,
        "arrivals_per_period": 10_000,
    },
    manpower.monthly_gap: {"losses_per_day": 1_200, "recruits_per_day": 700, "days": 30},
    manpower.periods_sustained: {"soldiers": 600_000, "losses_per_period": 15_000},
    manpower.soldiers_freed_after_escorts: {
        "guards": 10_000,
        "escorts_per_guard": 0.1,
        "front_per_guard": 1,
    },
    manpower.days_by_source: {"soldiers": 10_000, "rates": RATES},
    manpower.draw_days_by_source: {"soldiers": 10_000, "rates": RATES, "source_ids": IDS},
    manpower.draw_force_path: {
        "losses_per_day": 1_200,
        "recruits_per_day": 1_000,
        "arrivals_per_month": 10_000,
        "months": 6,
    },
    manpower.army_shares: {"deployed": [10_000], "army_sizes": {"1 million": 1_000_000}},
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_rejects_bad_input(func):
    assert_rejects_bad_input(func, VALID_CALLS[func])


def test_force_path_rejects_a_bad_start():
    with pytest.raises(ValueError, match="start"):
        manpower.draw_force_path(1_200, 1_000, 0, start=-5)
    with pytest.raises(TypeError, match="start"):
        manpower.draw_force_path(1_200, 1_000, 0, start="600000")


def test_bad_values_inside_collections_are_named():
    with pytest.raises(ValueError, match="rates"):
        manpower.days_by_source(10_000, {"a": -1})
    with pytest.raises(ValueError, match="rates"):
        manpower.days_by_source(10_000, {})
    with pytest.raises(TypeError, match="deployed"):
        manpower.army_shares(["10"], {"a": 1_000_000})
    with pytest.raises(ValueError, match="army_sizes"):
        manpower.army_shares([10_000], {"a": 0})


# --- rates ------------------------------------------------------------------------------


def test_rate_table_day_week_month_year():
    table = manpower.rate_table(1_200)
    assert table.set_index("period")["people"].to_dict() == {
        "a day": 1_200,
        "a week": 8_400,
        "a 30-day month": 36_000,
        "a year": 438_000,
    }


# --- simulate_force ---------------------------------------------------------------------


def test_simulate_force_columns_and_rows():
    path = manpower.simulate_force(600_000, 12, 36_000, 30_000, 10_000)
    assert {"period", "force", "losses", "recruits", "arrivals"} <= set(path.columns)
    assert path["period"].tolist() == list(range(13))
    assert path["force"].iloc[0] == 600_000
    assert path["force"].iloc[-1] == 600_000 + 12 * 4_000


def test_simulate_force_start_row_has_no_flows():
    row = manpower.simulate_force(100, 3, 5, 2, 1).iloc[0]
    assert (row[["losses", "recruits", "arrivals", "change"]] == 0).all()


def test_simulate_force_stops_at_zero():
    path = manpower.simulate_force(10_000, 5, 4_000, 0)
    assert path["force"].tolist() == [10_000, 6_000, 2_000, 0, 0, 0]
    assert path["change"].tolist() == [0, -4_000, -4_000, -2_000, 0, 0]


def test_simulate_force_is_held_at_zero_not_below():
    # 1,000 + 2,500 - 3,000 = 500; 500 + 2,500 - 3,000 = 0; then it would go to -500.
    path = manpower.simulate_force(1_000, 3, 3_000, 2_500)
    assert path["force"].tolist() == [1_000, 500, 0, 0]
    assert path["change"].tolist() == [0, -500, -500, 0]


amounts = st.floats(min_value=0, max_value=2e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(amounts, st.integers(1, 40), amounts, amounts, amounts)
def test_force_changes_by_the_flows_while_above_zero(start, periods, lost, recruited, arrived):
    path = manpower.simulate_force(start, periods, lost, recruited, arrived)
    assert len(path) == periods + 1
    assert (path["force"] >= 0).all()
    for before, after in zip(path["force"].iloc[:-1], path["force"].iloc[1:], strict=True):
        expected = before + recruited + arrived - lost
        if expected > 0:
            assert after == pytest.approx(expected, rel=1e-9, abs=1e-6)
        else:
            assert after == 0


@settings(max_examples=60, deadline=None)
@given(amounts, st.integers(1, 30), amounts, amounts, amounts, amounts)
def test_more_losses_never_leave_a_larger_force(start, periods, lost, extra, recruited, arrived):
    fewer = manpower.simulate_force(start, periods, lost, recruited, arrived)["force"]
    more = manpower.simulate_force(start, periods, lost + extra, recruited, arrived)["force"]
    assert (more <= fewer + 1e-6).all()


# --- break-even and shares --------------------------------------------------------------


def test_monthly_gap_with_the_independent_estimate():
    losses = claim("russia_losses_per_day").value
    recruits = fact("ru_recruits_per_day_q3_2024").value
    assert manpower.monthly_gap(losses, recruits) == pytest.approx(15_000)
    assert manpower.monthly_gap(losses, recruits, days=7) == pytest.approx(3_500)


def test_monthly_gap_is_negative_when_recruits_outnumber_losses():
    assert manpower.monthly_gap(1_000, 1_000) == 0
    assert manpower.monthly_gap(900, 1_000) == -3_000  # the force grows without help


@settings(max_examples=60, deadline=None)
@given(amounts, amounts, st.integers(1, 365))
def test_monthly_gap_is_the_break_even_arrivals(lost, recruited, days):
    gap = manpower.monthly_gap(lost, recruited, days)
    start = 10 * (lost + recruited) * days + 1  # large enough never to hit zero
    path = manpower.simulate_force(start, 3, lost * days, recruited * days, max(gap, 0))
    if lost >= recruited:
        assert path["force"].iloc[-1] == pytest.approx(start, rel=1e-9)
    else:
        assert gap < 0 and path["force"].iloc[-1] >= start


def test_periods_sustained_counts_in_the_period_of_the_losses():
    assert manpower.periods_sustained(600_000, 15_000) == 40  # a gap per month: months
    assert manpower.periods_sustained(10_000, 1_200) == pytest.approx(8.3333, rel=1e-4)  # days
    with pytest.raises(ValueError, match="losses_per_period"):
        manpower.periods_sustained(1, 0)


def test_army_shares_table():
    table = manpower.army_shares([10_000, 30_000], {"1 m": 1_000_000, "2 m": 2_000_000})
    assert table["soldiers sent"].tolist() == [10_000, 30_000]
    assert table["1 m"].tolist() == pytest.approx([1.0, 3.0])
    assert table["2 m"].tolist() == pytest.approx([0.5, 1.5])


def test_soldiers_freed_after_escorts():
    escorts = fact("russian_escorts_per_30").value / 30
    assert manpower.soldiers_freed_after_escorts(10_000, escorts) == pytest.approx(9_000)
    assert manpower.soldiers_freed_after_escorts(10_000, 0) == 10_000
    assert manpower.soldiers_freed_after_escorts(100, 2) < 0  # more escorts than posts


def test_recruitment_per_day_converts_units():
    table = manpower.recruitment_per_day().set_index("id")["per_day"]
    assert table["ru_recruits_per_day_claim"] == fact("ru_recruits_per_day_claim").value
    assert table["ru_recruits_per_month_nyt"] == pytest.approx(27_500 / 30)
    assert table["ru_contracts_2024_claim"] == pytest.approx(450_000 / 365)
    with pytest.raises(ValueError, match="ids"):
        manpower.recruitment_per_day(("nk_active_rok_2022",))


# --- charts -----------------------------------------------------------------------------


def test_losses_series_plots_the_seeded_averages_and_marks_october():
    fig = manpower.draw_losses_series()
    ax = fig.axes[0]
    monthly = losses_monthly()
    series = [line for line in ax.lines if len(line.get_ydata()) == len(monthly)]
    assert series and list(series[0].get_ydata()) == monthly["avg_per_day"].tolist()
    dots = [line for line in ax.lines if list(line.get_ydata()) == [1351.3]]
    assert dots, "October 2024 is marked"
    flat = {round(line.get_ydata()[0]) for line in ax.lines if len(line.get_ydata()) == 2}
    assert {1_200, 1_000} <= flat  # the article's figure and the official recruitment claim
    band = ax.patches[0].get_extents()  # the independent estimates' band exists
    assert band.height > 0
    assert "Ukrainian General Staff" in fig.texts[-1].get_text().replace("\n", " ")


def test_days_by_source_table_and_chart():
    table = manpower.days_by_source(10_000, RATES)
    assert table["days"].tolist() == pytest.approx([10_000 / 1_200, 10_000 / 1_354])
    fig = manpower.draw_days_by_source(10_000, RATES, IDS)
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    assert widths == pytest.approx(sorted(table["days"]))


def test_force_path_plots_both_simulations():
    fig = manpower.draw_force_path(1_200, 700, 15_000, months=10, start=500_000)
    with_, without = fig.axes[0].lines[1], fig.axes[0].lines[0]
    assert list(without.get_ydata()) == pytest.approx([500_000 - 15_000 * m for m in range(11)])
    assert list(with_.get_ydata()) == pytest.approx([500_000] * 11)  # break-even: flat
    assert "model input" in fig.texts[-1].get_text()


def test_force_path_default_start_is_the_seeded_estimate():
    fig = manpower.draw_force_path(0, 0, 0, months=1)
    assert fig.axes[0].lines[0].get_ydata()[0] == fact("ru_troops_in_ukraine").value
