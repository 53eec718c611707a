"""Unit and bad-input tests for the foundation helpers (manpower, money basics, validation)."""

from __future__ import annotations

import math

import pytest

from helpers import manpower, money
from helpers._validate import require_count, require_range, require_share

from badinput import assert_rejects_bad_input

VALID_CALLS = {
    manpower.periods_sustained: {"soldiers": 10_000, "losses_per_period": 1_200},
    manpower.per_period: {"rate_per_day": 1_200, "days": 30},
    manpower.cumulative_losses: {"losses_per_day": 1_200, "days": 30},
    manpower.draw_days_covered: {"soldiers": 10_000, "losses_per_day": 1_200, "days": 30},
    money.payment_usd: {"soldiers": 10_000, "usd_per_soldier_month": 2_000, "months": 12},
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_rejects_bad_input(func):
    assert_rejects_bad_input(func, VALID_CALLS[func])


def test_days_covered_matches_the_articles_numbers():
    assert manpower.periods_sustained(10_000, 1_200) == pytest.approx(8.3333, rel=1e-4)


def test_days_covered_rejects_zero_losses():
    with pytest.raises(ValueError, match="losses_per_period"):
        manpower.periods_sustained(10_000, 0)


def test_days_covered_of_no_soldiers_is_zero_days():
    assert manpower.periods_sustained(0, 1_200) == 0


def test_per_period_scales_linearly():
    assert manpower.per_period(1_200, 7) == 8_400
    assert manpower.per_period(1_200, 365) == 438_000


def test_payment_usd_year_of_ten_thousand():
    assert money.payment_usd(10_000, 2_000, 12) == 240_000_000


def test_payment_accepts_numpy_numbers():
    np = pytest.importorskip("numpy")
    assert money.payment_usd(np.int64(10), np.float64(2.5), 2) == 50


def test_require_count_rejects_fractions():
    with pytest.raises(ValueError, match="periods"):
        require_count("periods", 2.5)


def test_require_range_rejects_low_above_high():
    with pytest.raises(ValueError, match="low"):
        require_range("low", 5, "high", 1)


def test_require_share_bounds():
    assert require_share("effectiveness", 1) == 1.0
    with pytest.raises(ValueError, match="effectiveness"):
        require_share("effectiveness", 1.01)
    with pytest.raises(ValueError, match="effectiveness"):
        require_share("effectiveness", math.nan)


def test_cumulative_losses_rows_and_last_value():
    table = manpower.cumulative_losses(1_200, 30)
    assert len(table) == 31 and table["losses"].iloc[-1] == 36_000


def test_draw_days_covered_marks_the_crossing_point():
    fig = manpower.draw_days_covered(10_000, 1_200)
    ax = fig.axes[0]
    xs = [x for line in ax.lines for x in line.get_xdata() if 8 < x < 9]
    assert xs and xs[0] == pytest.approx(manpower.periods_sustained(10_000, 1_200))
    assert fig.texts[-1].get_text().startswith("Source")


def test_draw_days_covered_has_no_crossing_when_soldiers_outlast_the_chart():
    ax = manpower.draw_days_covered(50_000, 500).axes[0]  # 100 days, the chart shows 30
    shown = [t.get_text() for t in ax.texts if t.get_visible()]
    assert not any("used up" in text for text in shown)
    assert [line for line in ax.lines if line.get_marker() == "o" and line.get_visible()] == []
