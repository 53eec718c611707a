"""helpers.costs: unit, bad-input and property tests (hypothesis), and the charts' data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import costs
from helpers.manpower import monthly_gap
from helpers.money import rub_to_usd
from helpers.sources import fact

from badinput import assert_rejects_bad_input

RATE = 97.0121

VALID_CALLS = {
    costs.gap_scenarios: {"days": 30},
    costs.contract_cost_parts: {
        "pay_rub_per_month": 204_000,
        "federal_signon_rub": 400_000,
        "regional_signon_rub": 596_000,
        "contract_months": 12,
        "rub_per_usd": RATE,
    },
    costs.contract_usd_per_soldier_month: {
        "pay_rub_per_month": 204_000,
        "federal_signon_rub": 400_000,
        "regional_signon_rub": 596_000,
        "contract_months": 12,
        "rub_per_usd": RATE,
    },
    costs.nk_usd_per_soldier_month: {
        "fee_usd_per_month": 2_000,
        "minders_per_30": 4,
        "russian_usd_per_soldier_month": 3_000,
    },
    costs.cost_per_effective: {"usd_per_soldier_month": 2_400, "effectiveness": 0.6},
    costs.break_even_effectiveness: {
        "nk_usd_per_soldier_month": 2_400,
        "russian_usd_per_soldier_month": 3_000,
    },
    costs.effective_soldiers_freed: {"nk_guards": 10_000, "guard_effectiveness": 0.9},
    costs.option_costs: {"rub_per_usd": RATE, "contract_months": 12, "nk_effectiveness": 0.6},
    costs.left_per_mobilised: {"left_country": 700_000, "mobilised": 300_000},
    costs.weighted_scores: {"scores": costs.DEFAULT_SCORES, "weights": costs.EQUAL_WEIGHTS},
    costs.draw_cost_parts: {"rub_per_usd": RATE, "contract_months": 12},
    costs.draw_break_even: {"rub_per_usd": RATE, "contract_months": 12},
    costs.draw_weighted_scores: {"weights": costs.EQUAL_WEIGHTS},
    costs.draw_cost_comparison: {
        "gap_soldiers": 15_000,
        "nk_effectiveness": 0.6,
        "rub_per_usd": RATE,
        "contract_months": 12,
    },
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_rejects_bad_input(func):
    assert_rejects_bad_input(func, VALID_CALLS[func])


# --- unit tests ------------------------------------------------------------------------


def test_gap_from_the_article_and_kluge():
    assert monthly_gap(1_200, 700) == 15_000
    assert monthly_gap(700, 1_200) == -15_000  # recruits outnumber losses: the force grows


def test_gap_scenarios_cover_two_losses_and_two_recruit_figures():
    table = costs.gap_scenarios()
    assert len(table) == 4
    assert table["gap per month"].max() == (1_354 - 700) * 30


def test_roubles_divide_by_the_rate():
    assert rub_to_usd(204_000, RATE) == pytest.approx(2_102.83, abs=0.01)


def test_contract_cost_spreads_the_bonuses():
    total = costs.contract_usd_per_soldier_month(204_000, 400_000, 596_000, 12, RATE)
    assert total == pytest.approx((204_000 + 996_000 / 12) / RATE)
    longer = costs.contract_usd_per_soldier_month(204_000, 400_000, 596_000, 24, RATE)
    assert longer < total


def test_nk_cost_adds_four_thirtieths_of_a_russian():
    assert costs.nk_usd_per_soldier_month(2_000, 4, 3_000) == pytest.approx(2_400)
    with pytest.raises(ValueError, match="minders_per_30"):
        costs.nk_usd_per_soldier_month(2_000, 31, 3_000)


def test_effectiveness_must_be_a_share_above_zero():
    with pytest.raises(ValueError, match="effectiveness"):
        costs.cost_per_effective(2_000, 0)
    with pytest.raises(ValueError, match="effectiveness"):
        costs.cost_per_effective(2_000, 1.5)


def test_break_even_with_the_seed_figures_is_about_four_fifths():
    table = costs.option_costs(RATE, 12, 1.0)
    point = costs.break_even_effectiveness(
        table.loc["North Korean troops", "per soldier-month"],
        table.loc["Russian contract soldiers", "per soldier-month"],
    )
    assert 0.78 < point < 0.84


def test_base_inputs_come_from_the_seeds():
    base = costs.base_inputs()
    assert base["minders_per_30"] == (
        fact("translators_per_30").value + fact("russian_escorts_per_30").value
    )
    assert base["rub_per_usd"] == fact("rub_per_usd_2024_10_16").value


def test_weighted_scores_rank_moves_with_the_weights():
    equal = costs.weighted_scores(costs.DEFAULT_SCORES, costs.EQUAL_WEIGHTS)
    cash = costs.weighted_scores(costs.DEFAULT_SCORES, {"cash": 1})
    politics = costs.weighted_scores(
        costs.DEFAULT_SCORES, costs.EQUAL_WEIGHTS | {"political risk at home": 3}
    )
    assert equal.index[0] == "Russian contract soldiers"
    assert cash.index[0] == "mobilisation"
    assert politics.index[-1] == "mobilisation"


def test_weighted_scores_reject_unknown_or_zero_weights():
    with pytest.raises(KeyError, match="morale"):
        costs.weighted_scores(costs.DEFAULT_SCORES, {"morale": 1})
    with pytest.raises(ValueError, match="zero"):
        costs.weighted_scores(costs.DEFAULT_SCORES, {"cash": 0})
    with pytest.raises(ValueError, match="cash"):
        costs.weighted_scores(costs.DEFAULT_SCORES, {"cash": -1})


def test_default_scores_are_ours_and_in_range():
    assert costs.DEFAULT_SCORES.isin(range(1, 6)).all().all()
    assert list(costs.DEFAULT_SCORES.columns) == list(costs.CRITERIA)


# --- property tests ------------------------------------------------------------------

money = st.floats(min_value=1, max_value=1e6, allow_nan=False)
share = st.floats(min_value=0.01, max_value=1.0)


@given(cost=money, low=share, high=share)
def test_cost_per_effective_never_falls_when_effectiveness_falls(cost, low, high):
    low, high = sorted((low, high))
    assert costs.cost_per_effective(cost, low) >= costs.cost_per_effective(cost, high)


@given(cost=money, e=share)
def test_cost_per_effective_is_never_below_the_cost(cost, e):
    assert costs.cost_per_effective(cost, e) >= cost * (1 - 1e-12)


@given(nk=money, ru=money, e=share)
def test_break_even_separates_cheaper_from_dearer(nk, ru, e):
    point = costs.break_even_effectiveness(nk, ru)
    cheaper = costs.cost_per_effective(nk, e) < ru
    if abs(e - point) > 1e-9 * max(1.0, point):
        assert cheaper == (e > point)


@given(
    losses=st.floats(0, 5_000),
    a=st.floats(0, 5_000),
    b=st.floats(0, 5_000),
)
def test_more_recruits_never_widen_the_gap(losses, a, b):
    low, high = sorted((a, b))
    assert monthly_gap(losses, high) <= monthly_gap(losses, low)
    assert (monthly_gap(losses, low) < 0) == (low > losses)  # below zero: recruits outnumber


@given(months_a=st.floats(1, 60), months_b=st.floats(1, 60), rate=st.floats(50, 200))
def test_longer_contracts_never_raise_the_monthly_cost(months_a, months_b, rate):
    short, long = sorted((months_a, months_b))
    args = (204_000, 400_000, 596_000)
    assert costs.contract_usd_per_soldier_month(
        *args, long, rate
    ) <= costs.contract_usd_per_soldier_month(*args, short, rate) * (1 + 1e-12)


@given(rate_a=st.floats(50, 200), rate_b=st.floats(50, 200))
def test_a_weaker_rouble_makes_russian_soldiers_cheaper_in_dollars(rate_a, rate_b):
    low, high = sorted((rate_a, rate_b))
    assert rub_to_usd(204_000, high) <= rub_to_usd(204_000, low)


@given(weights=st.fixed_dictionaries({c: st.floats(0, 10) for c in costs.CRITERIA}))
def test_weighted_scores_stay_between_the_lowest_and_highest_score(weights):
    if sum(weights.values()) < 1e-6:
        return
    result = costs.weighted_scores(costs.DEFAULT_SCORES, weights)
    assert result.min() >= 1 - 1e-9 and result.max() <= 5 + 1e-9
    assert list(result) == sorted(result, reverse=True)


@given(k=st.floats(0.1, 100))
def test_scaling_all_weights_does_not_change_the_scores(k):
    base = costs.weighted_scores(costs.DEFAULT_SCORES, costs.EQUAL_WEIGHTS)
    scaled = costs.weighted_scores(
        costs.DEFAULT_SCORES, {c: k * w for c, w in costs.EQUAL_WEIGHTS.items()}
    )
    assert scaled.to_numpy() == pytest.approx(base.to_numpy())


@given(guards=st.floats(0, 1e5), g=st.floats(0, 1))
def test_guards_never_free_more_soldiers_than_they_are(guards, g):
    assert 0 <= costs.effective_soldiers_freed(guards, g) <= guards


# --- charts: the data they plot ---------------------------------------------------------


def _bar_widths(fig):
    return [p.get_width() for p in fig.axes[0].patches]


def test_cost_parts_chart_stacks_to_the_option_totals():
    fig = costs.draw_cost_parts(RATE, 12)
    table = costs.option_costs(RATE, 12)
    ax = fig.axes[0]
    totals = {}
    for p in ax.patches:
        y = round(p.get_y() + p.get_height() / 2)
        totals[y] = totals.get(y, 0) + p.get_width()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    for y, label in enumerate(labels):
        assert totals[y] == pytest.approx(table.loc[label, "per soldier-month"])
    assert fig.texts[-1].get_text().startswith("Sources:")
    assert "12 months (our assumption)" in fig.texts[-1].get_text()


def test_break_even_chart_marks_the_break_even_point():
    fig = costs.draw_break_even(RATE, 12)
    table = costs.option_costs(RATE, 12, 1.0)
    point = costs.break_even_effectiveness(*table["per soldier-month"].iloc[:2])
    marker = fig.axes[0].lines[-1]
    assert marker.get_xdata()[0] == pytest.approx(point)
    curve = fig.axes[0].lines[0]
    xs, ys = curve.get_xdata(), curve.get_ydata()
    assert ys[-1] == pytest.approx(table.iloc[0]["per soldier-month"] / xs[-1])
    assert all(a >= b for a, b in zip(ys, ys[1:], strict=False))


def test_weighted_scores_chart_plots_the_weighted_scores():
    fig = costs.draw_weighted_scores(costs.EQUAL_WEIGHTS)
    expected = costs.weighted_scores(costs.DEFAULT_SCORES, costs.EQUAL_WEIGHTS).iloc[::-1]
    assert _bar_widths(fig) == pytest.approx(list(expected))
    assert "our illustrative judgement" in fig.texts[-1].get_text()


@pytest.mark.parametrize("gap,e,rate", [(15_000, 0.6, RATE), (6_000, 1.0, 102.58), (0, 0.3, 80)])
def test_cost_comparison_chart_plots_gap_times_cost_per_effective(gap, e, rate):
    fig = costs.draw_cost_comparison(gap, e, rate, 12)
    table = costs.option_costs(rate, 12, e)
    expected = (table["per effective soldier-month"] * gap / 1e6).iloc[::-1]
    assert _bar_widths(fig) == pytest.approx(list(expected))


def test_the_live_cost_comparison_chart_follows_its_sliders():
    chart = costs.CostComparisonChart()
    for gap, e, rate, months in [
        (15_000, 0.6, RATE, 12),
        (0, 0.3, 80, 6),
        (6_000, 1.0, 102.58, 36),
    ]:
        fig = chart(gap_soldiers=gap, nk_effectiveness=e, rub_per_usd=rate, contract_months=months)
        table = costs.option_costs(rate, months, e)
        expected = (table["per effective soldier-month"] * gap / 1e6).iloc[::-1]
        assert _bar_widths(fig) == pytest.approx(list(expected))
        assert [t.get_text() for t in chart.bar_labels] == [f"${m:,.0f} m" for m in expected]
        assert f"bonuses over {months} months" in chart.source.get_text()
    # without a contract_months, the chart's own (12 here) applies again
    chart(gap_soldiers=15_000, nk_effectiveness=0.6, rub_per_usd=RATE)
    assert "bonuses over 12 months" in chart.source.get_text()


@settings(max_examples=20, deadline=None)
@given(e=st.floats(0.1, 1.0))
def test_north_korean_cost_grows_as_effectiveness_falls(e):
    table_low = costs.option_costs(RATE, 12, e / 2)
    table_high = costs.option_costs(RATE, 12, e)
    nk = "North Korean troops"
    assert (
        table_low.loc[nk, "per effective soldier-month"]
        >= table_high.loc[nk, "per effective soldier-month"]
    )
