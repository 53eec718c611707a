"""Unit, bad-input and chart-data tests for helpers.money (notebook 02, incentives)."""

from __future__ import annotations

import pytest

from helpers import money
from helpers.sources import article_text, claim, fact

from badinput import assert_rejects_bad_input

VALID_CALLS = {
    money.payment_usd: {"soldiers": 10_000, "usd_per_soldier_month": 2_000, "months": 12},
    money.share_of: {"amount": 240, "base": 330},
    money.krw_to_usd: {"krw": 2_760_000, "krw_per_usd": 1_380},
    money.rub_to_usd: {"rub": 204_000, "rub_per_usd": 97.0},
    money.soldier_keeps_usd: {"usd_per_soldier_month": 2_000, "state_share": 0.9},
    money.cumulative_payment: {"soldiers": 10_000, "usd_per_soldier_month": 2_000, "months": 12},
    money.draw_payment_vs_economy: {"soldiers": 10_000, "months": 12},
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_rejects_bad_input(func):
    assert_rejects_bad_input(func, VALID_CALLS[func])


@pytest.mark.parametrize(
    ("func", "name"),
    [
        (money.share_of, "base"),
        (money.krw_to_usd, "krw_per_usd"),
        (money.rub_to_usd, "rub_per_usd"),
    ],
)
def test_zero_base_or_rate_is_refused(func, name):
    with pytest.raises(ValueError, match=name):
        func(**(VALID_CALLS[func] | {name: 0}))


def test_state_share_above_one_is_refused():
    with pytest.raises(ValueError, match="state_share"):
        money.soldier_keeps_usd(2_000, 90)


def test_fractional_soldiers_or_months_refused_where_counts_are_needed():
    with pytest.raises(ValueError, match="months"):
        money.cumulative_payment(10, 2_000, 2.5)
    with pytest.raises(ValueError, match="soldiers"):
        money.draw_payment_vs_economy(10.5, 12)


def test_payment_usd_keeps_its_behaviour():
    assert money.payment_usd(10_000, 2_000, 12) == 240_000_000
    assert money.payment_usd(0, 2_000, 12) == 0


def test_share_of_and_conversions():
    assert money.share_of(1, 4) == 0.25
    assert money.share_of(2_000, 100) == 20
    assert money.krw_to_usd(1_380, 1_380) == 1
    assert money.rub_to_usd(97, 97) == 1
    assert money.rub_to_usd(204_000, 97.0121) == pytest.approx(2_102.83, abs=0.01)


def test_soldier_keeps_what_the_state_does_not_take():
    assert money.soldier_keeps_usd(2_000, 0.9) == pytest.approx(200)
    assert money.soldier_keeps_usd(2_000, 0) == 2_000
    assert money.soldier_keeps_usd(2_000, 1) == 0


def test_cumulative_payment_rows_and_last_value():
    table = money.cumulative_payment(10_000, 2_000, 12)
    assert len(table) == 13
    assert table["paid_usd"].iloc[0] == 0
    assert table["paid_usd"].iloc[-1] == money.payment_usd(10_000, 2_000, 12)
    assert table["paid_usd"].diff().dropna().nunique() == 1  # the same amount each month


def test_economy_table_converts_gni_from_won():
    table = money.economy_usd().set_index("id")
    gni = table.loc["nk_gni_2023_krw", "usd"]
    assert gni == pytest.approx(fact("nk_gni_2023_krw").value / fact("krw_per_usd_oct2024").value)
    assert 20e9 < gni < 40e9  # tens of billions, not trillions: the won was converted
    assert table.loc["nk_exports_2023_usd", "usd"] == fact("nk_exports_2023_usd").value


def test_year_of_troops_is_most_of_a_years_exports_but_a_sliver_of_gni():
    yearly = money.payment_usd(
        claim("nk_soldiers_left").value, claim("pay_per_soldier_month").value, 12
    )
    table = money.economy_usd().set_index("id")["usd"]
    assert 0.6 < money.share_of(yearly, table["nk_exports_2023_usd"]) < 0.8
    assert money.share_of(yearly, table["nk_gni_2023_krw"]) < 0.01


def test_troop_income_estimates_keep_ranges_and_lower_bounds():
    table = money.troop_income_estimates().set_index("who")
    nis = table.loc["South Korean intelligence (NIS)"]
    assert nis["low_usd"] == fact("nis_troop_income_per_year").low
    assert nis["high_usd"] != nis["high_usd"]  # NaN: 'more than' has no upper end
    inss = table.loc["INSS analyst scenario"]
    assert (inss["low_usd"], inss["high_usd"]) == (
        fact("inss_troop_income_per_year").low,
        fact("inss_troop_income_per_year").high,
    )


def test_russian_pay_is_converted_at_the_october_rate():
    table = money.russian_pay_usd().set_index("what")
    rate = fact("rub_per_usd_2024_10_16").value
    assert table.loc["Russian minimum pay (Reuters)", "usd_per_month"] == pytest.approx(
        fact("ru_min_pay_rub_reuters").value / rate
    )
    bonus = table.loc["Russian pay + bonuses over 12 months", "bonus_usd_per_month"]
    expected = (
        (fact("ru_signon_federal_2024_rub").value + fact("ru_signon_regional_avg_rub").value)
        / rate
        / 12
    )
    assert bonus == pytest.approx(expected)
    fee = table.loc["Fee to North Korea, per soldier", "usd_per_month"]
    assert fee == claim("pay_per_soldier_month").value


def test_gains_table_covers_breukers_four_gains_with_verbatim_dutch():
    table = money.gains_table()
    assert len(table) == 4
    for words in table["Dutch words"]:
        assert words and words in article_text()
    assert set(money.countable_gains()) == {"gain_arms_money", "gain_food_aid"}
    world = table.set_index("gain").loc["a place in a new world order"]
    assert world["a number we have"] == "none in our sources"


def test_payoff_table_has_both_sides():
    table = money.payoff_table()
    assert {"for North Korea", "for Russia"} <= set(table.columns)
    assert len(table) >= 4 and table.notna().all().all()


def test_draw_deal_vs_economy_plots_the_yearly_payment_first():
    fig = money.draw_deal_vs_economy()
    ax = fig.axes[0]
    widths = [bar.get_width() for bar in ax.patches]
    assert widths[-1] == pytest.approx(0.24)  # top bar (drawn last): $0.24bn a year
    assert max(widths) == pytest.approx(money.economy_usd()["usd"].max() / 1e9)
    assert fig.texts[-1].get_text().startswith("Sources:")


def test_draw_troop_income_estimates_shows_the_inss_range():
    fig = money.draw_troop_income_estimates()
    ranges = [line.get_xdata() for line in fig.axes[0].lines if len(line.get_xdata()) == 2]
    assert [list(r) for r in ranges] == [[320, 1300]]


def test_draw_russian_pay_bars_match_the_table():
    fig = money.draw_russian_pay()
    widths = sorted(round(bar.get_width()) for bar in fig.axes[0].patches if bar.get_width())
    table = money.russian_pay_usd()
    assert round(table["usd_per_month"].max()) in widths
    assert round(table["bonus_usd_per_month"].max()) in widths


@pytest.mark.parametrize(("soldiers", "months"), [(10_000, 12), (1_000, 1), (100_000, 36)])
def test_widget_chart_plots_the_cumulative_payment(soldiers, months):
    fig = money.draw_payment_vs_economy(soldiers, months)
    ax = fig.axes[0]
    line = ax.lines[0]
    assert list(line.get_xdata()) == list(range(months + 1))
    assert line.get_ydata()[-1] == pytest.approx(
        money.payment_usd(soldiers, claim("pay_per_soldier_month").value, months) / 1e6
    )
    exports = ax.lines[1].get_ydata()[0]
    assert exports == pytest.approx(fact("nk_exports_2023_usd").value / 1e6)
    assert ax.get_ylim()[1] >= max(line.get_ydata()[-1], exports)
    assert fig.texts[-1].get_text().startswith("Sources:")


def test_widget_text_switches_from_percent_to_times():
    small = money.draw_payment_vs_economy(10_000, 12).axes[0].texts[-1].get_text()
    large = money.draw_payment_vs_economy(100_000, 36).axes[0].texts[-1].get_text()
    assert "73% of a year's exports" in small
    assert "times a year's exports" in large
