"""Tests that kill mutants `make mutants` found alive, and the planted bugs of the mutation issue.

Each test is plain arithmetic worked by hand. The mutants they kill are listed in
tests/mutation/REPORT.md; the second section names, for each kind of planted bug, the test that
fails when it is planted (some are caught by older tests, named there too).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import _validate, checks, costs, language, manpower, money, timeline, uncertainty
from helpers.seedfile import SeedError
from helpers.sources import claim

# ---------------------------------------------------------------- mutants left alive


def test_cumulative_payment_needs_at_least_one_month():
    """A table of zero months has nothing to add up (kills allow_zero=True and its removal)."""
    with pytest.raises(ValueError, match="months"):
        money.cumulative_payment(10, 2_000, 0)


def test_troop_income_article_row_is_a_year_of_the_fee():
    """10,000 soldiers x $2,000 x 12 months = $240 million, as both ends of an exact range."""
    article = money.troop_income_estimates().iloc[0]
    assert article["low_usd"] == 240_000_000
    assert article["high_usd"] == 240_000_000


def test_russian_pay_has_a_bonus_only_on_the_bonus_row():
    """The fee and the two minimum pays carry no bonus; only the last row spreads one."""
    bonus = money.russian_pay_usd()["bonus_usd_per_month"].tolist()
    assert bonus[:3] == [0.0, 0.0, 0.0]
    assert bonus[3] > 0


def test_gains_table_shows_the_range_of_a_counted_gain():
    """Where a fact exists the table gives its range as text ("... to ..."), not nothing."""
    numbers = money.gains_table()["a number we have"].tolist()
    assert " to " in numbers[0]
    assert numbers[1] == "none in our sources"


def _wrong_option(question_id: str) -> str:
    """A letter the question offers that is neither the answer nor a known mistake."""
    exercise = checks.exercises()[question_id]
    taken = {exercise.expected(), *(m.answer() for m in exercise.mistakes)}
    return next(letter for letter in checks._options(exercise) if letter not in taken)


def test_a_known_wrong_letter_says_what_went_wrong_and_is_not_correct():
    mistake = checks.exercises()["1.1"].mistakes[0]
    feedback = checks.check("1.1", mistake.answer())
    assert feedback.correct is False
    assert feedback.message == f"Not yet: {mistake.says}"


def test_another_wrong_letter_gets_the_hint():
    exercise = checks.exercises()["1.1"]
    feedback = checks.check("1.1", _wrong_option("1.1"))
    assert feedback.correct is False
    assert feedback.message == f"Not yet: {exercise.hint}"


def test_a_letter_the_question_does_not_offer_is_quoted_back():
    feedback = checks.check("1.1", "z")
    assert feedback.correct is False
    assert feedback.echoed == "'z'"
    assert "'z' is not one of the letters" in feedback.message


def test_a_wrong_word_for_a_question_without_letters_gets_the_hint():
    exercise = checks.exercises()["1.3"]
    feedback = checks.check("1.3", "misschien")
    assert feedback.message == f"Not yet: {exercise.hint}"


def test_a_wrong_list_of_letters_gets_the_hint():
    exercise = checks.exercises()["2.6"]
    feedback = checks.check("2.6", ["a"])
    assert feedback.correct is False
    assert feedback.message == f"Not yet: {exercise.hint}"
    every_letter = checks._options(exercise)  # all offered letters: allowed, but not the answer
    assert checks.check("2.6", every_letter).message == f"Not yet: {exercise.hint}"


def test_a_list_with_something_not_a_letter_is_refused():
    feedback = checks.check("2.6", ["a", 5])
    assert feedback.correct is False
    assert "every item of your list should be one of the letters" in feedback.message
    no_letters = checks.Exercise(question="?", expected=lambda: ["a"], hint="h", kind="choices")
    refused = checks._check_choices(["a", 5], no_letters)
    assert refused.message == "Not yet: every item of your list should be a letter, in quotes."


def test_code_span_fence_is_one_longer_than_the_longest_backtick_run():
    assert checks._code_span("abc") == "`abc`"
    assert checks._code_span("a`b") == "``a`b``"


def test_code_span_pads_text_that_starts_or_ends_with_a_backtick():
    assert checks._code_span("`ab") == "`` `ab ``"
    assert checks._code_span("ab`") == "`` ab` ``"


def test_markdown_marks_only_the_students_own_text_at_the_end():
    """Nothing echoed: no empty code span; echoed twice: only the last (the student's) is code."""
    assert checks._markdown_safe("Not yet: hi", "") == "Not yet: hi"
    assert checks._markdown_safe("x 'x'", "x") == "x '`x`'"


def test_exactly_twenty_percent_off_is_still_close():
    """CLOSE is "within 20 %": 120 for 100 is close, 121 is not."""
    exercise = checks.Exercise(question="?", expected=lambda: 100.0, hint="h", sig_figs=6)
    assert checks._near_miss(120.0, 100.0, [], exercise).message.startswith("Close")
    assert checks._near_miss(121.0, 100.0, [], exercise).message == "Not yet: h"


def test_a_text_of_exactly_forty_characters_is_quoted_whole():
    assert checks._quoted("a" * 40) == repr("a" * 40)
    assert checks._quoted("a" * 41) == repr("a" * 39 + "…")


# ---------------------------------------------------------------- planted bugs


def test_a_month_is_thirty_days():
    """Planted bug: DAYS_PER_MONTH = 31. 1,200 losses a day is 36,000 in a 30-day month."""
    assert manpower.DAYS_PER_MONTH == 30
    assert manpower.per_period(1_200, manpower.DAYS_PER_MONTH) == 36_000


def test_a_year_is_365_days():
    """Planted bug: 360 days in a year. 1,200 a day is 438,000 a year."""
    year = manpower.rate_table(1_200).set_index("period").loc["a year"]
    assert year["days"] == 365
    assert year["people"] == 438_000


def test_a_range_with_low_above_high_is_refused_and_equal_ends_are_not():
    """Planted bug: the comparison in require_range flipped (lo < hi)."""
    assert _validate.require_range("low", 2, "high", 2) == (2.0, 2.0)
    assert _validate.require_range("low", 1, "high", 2) == (1.0, 2.0)
    with pytest.raises(ValueError, match="low"):
        _validate.require_range("low", 3, "high", 2)


def test_the_minimum_and_maximum_are_kept_on_the_right_side():
    """Planted bug: number < minimum or number > maximum flipped; the ends themselves pass."""
    assert _validate.require_number("x", 0) == 0.0
    assert _validate.require_number("x", 5, minimum=5) == 5.0
    assert _validate.require_number("x", 1, maximum=1) == 1.0
    with pytest.raises(ValueError):
        _validate.require_number("x", -1)
    with pytest.raises(ValueError):
        _validate.require_number("x", 2, maximum=1)


def test_swapped_soldiers_and_losses_change_the_days():
    """Planted bug: two arguments swapped. 600,000 soldiers at 15,000 a day last 40 days."""
    table = manpower.days_by_source(600_000, {"a source": 15_000})
    assert table["days"].tolist() == [pytest.approx(40)]


def test_the_checker_tolerance_is_one_percent():
    """Planted bug: a wider tolerance. 1 % of the answer is correct, 3 % off is not."""
    exercise = checks.Exercise(question="?", expected=lambda: 1_000.0, hint="h", sig_figs=6)
    assert exercise.rel_tol == 0.01
    assert checks._within_tolerance(1_009.0, 1_000.0, exercise)
    assert not checks._within_tolerance(1_030.0, 1_000.0, exercise)
    assert checks.CLOSE == 0.20


# ---------------------------------------------------------------- the full run: manpower


def test_cumulative_losses_needs_at_least_one_day_and_names_its_arguments():
    """Zero days is refused (not a one-row table); each error names the argument at fault."""
    with pytest.raises(ValueError, match="days must be more than zero"):
        manpower.cumulative_losses(1_200, 0)
    with pytest.raises(ValueError, match="losses_per_day must be zero or more"):
        manpower.cumulative_losses(-1, 3)


def test_army_shares_refuses_an_empty_list_of_deployments():
    """No deployments, or no army sizes, is an error even when the other one is given."""
    with pytest.raises(ValueError, match="must not be empty"):
        manpower.army_shares([], {"1 million": 1_000_000})
    with pytest.raises(ValueError, match="must not be empty"):
        manpower.army_shares([10_000], {})


def test_recruitment_per_day_names_its_argument():
    with pytest.raises(TypeError, match="ids must be a list of ids"):
        manpower.recruitment_per_day("ru_recruits_per_day_claim")


def test_simulate_force_takes_one_to_ten_thousand_periods():
    """Zero periods and 10,001 periods are refused; 10,000 is the largest table allowed."""
    with pytest.raises(ValueError, match="periods must be more than zero"):
        manpower.simulate_force(100, 0, 1, 0)
    with pytest.raises(ValueError, match="periods must be at most 10,000"):
        manpower.simulate_force(100, 10_001, 1, 0)
    assert len(manpower.simulate_force(100, 10_000, 1, 0)) == 10_001  # row 0 is the start


# ---------------------------------------------------------------- costs


def test_a_contract_needs_some_months_and_an_exchange_rate():
    """Zero months or zero roubles per dollar is a clear error, not a division by zero."""
    with pytest.raises(ValueError, match="contract_months must be more than zero"):
        costs.contract_usd_per_soldier_month(200_000, 400_000, 600_000, 0, 100)
    with pytest.raises(ValueError, match="rub_per_usd must be more than zero"):
        costs.contract_usd_per_soldier_month(200_000, 400_000, 600_000, 10, 0)


# ---------------------------------------------------------------- uncertainty


def test_interval_ends_are_inside_with_a_hair_of_rounding_room():
    """The room is 1e-9 x the biggest of 1, |low| and |high|; a value that far out still counts."""
    small = uncertainty.Interval(0, 0.5)  # room 1e-9 x 1
    assert small.contains(0 - 1e-9)  # exactly on the low end minus the room
    assert small.contains(0.5 + 1e-9)  # exactly on the high end plus the room
    assert small.contains(0.5 + 0.8e-9)  # room from the 1, not from 0.5 (that would be 0.5e-9)
    assert not small.contains(0.5 + 1.5e-9)  # room is 1e-9, not 2e-9
    big = uncertainty.Interval(0, 2_000_000)  # room 1e-9 x 2,000,000 = 0.002
    assert big.contains(2_000_000.001)
    below = uncertainty.Interval(-2_000_000, 1)  # room from |low|: 0.002
    assert below.contains(-2_000_000.001)


def test_interval_contains_names_a_bad_value():
    with pytest.raises(TypeError, match="value must be a number"):
        uncertainty.Interval(1, 2).contains("1.5")


def test_hedges_as_intervals_reads_each_kind_of_claim():
    """A range, an 'at least' with no value, and the '-' shown for a claim without a hedge."""
    table = uncertainty.hedges_as_intervals(
        "nk_army_size", "men_fled_2022", "nk_soldiers_left"
    ).set_index("claim")
    assert table.loc["nk_army_size", "reads as"] == "1,000,000 to 2,000,000 troops"
    assert table.loc["men_fled_2022", "low"] == 200_000  # its low end; it has no value
    assert table.loc["men_fled_2022", "reads as"] == (
        "at least 200,000 people, no upper limit given"
    )
    assert table.loc["nk_soldiers_left", "hedge"] == "-"
    with pytest.raises(ValueError, match="at least one claim id"):
        uncertainty.hedges_as_intervals()


def test_histogram_with_one_bin_and_bad_edges():
    """Two edges make one bin holding everything; equal edges and empty input are refused."""
    counts, edges = uncertainty.histogram(np.array([0.5, 7.0]), np.array([0.0, 1.0]))
    assert counts.tolist() == [100.0]
    assert edges.tolist() == [0.0, 1.0]
    with pytest.raises(ValueError, match="increasing order"):
        uncertainty.histogram(np.array([0.5]), np.array([0.0, 1.0, 1.0]))
    with pytest.raises(TypeError, match="results must be"):
        uncertainty.histogram(np.array([]), np.array([0.0, 1.0]))
    with pytest.raises(TypeError, match="edges must be"):
        uncertainty.histogram(np.array([0.5]), np.array([]))


def test_middle_range_needs_a_share_above_zero():
    """A share of 0 would be the single middle value: refused, as the docstring says."""
    with pytest.raises(ValueError, match="share must be more than zero"):
        uncertainty.middle_range(np.array([1.0, 2.0, 3.0]), 0)
    with pytest.raises(TypeError, match="results must be"):
        uncertainty.middle_range(np.array([]), 0.9)


# ---------------------------------------------------------------- timeline


def test_when_places_a_full_date_on_its_day_and_refuses_a_bad_one():
    assert timeline._when("2024-10-16") == pd.Timestamp("2024-10-16")
    with pytest.raises(ValueError, match="as_of must be a date"):
        timeline._when("2024-13")


def test_resolve_settles_each_forecast_from_the_seeds():
    """Called directly: forecast_outcomes() caches it, so the checks there run it only once.

    More than 12,000 sent by 2025-09-30: Ukraine's 14,000 (the first total above 12,000);
    casualties before 2025: the estimate of 2024-12-19; Russia admitted it on 2025-04-26,
    not in 2024; 6,000 casualties by mid-2025 is more than half of 11,000; North Korea's own
    figure, 350 killed, is not more than 1,000.
    """
    resolved = [timeline._resolve(f.key) for f in timeline.FORECASTS]
    assert resolved == [
        (1, "ukraine_total_14000"),
        (1, "nk_casualties_2024_12"),
        (0, "russia_confirms_2025_04_26"),
        (1, "nk_casualties_2025_06"),
        (0, "nk_killed_claimed_by_nk"),
    ]
    with pytest.raises(KeyError, match="no forecast"):
        timeline._resolve("no_such_forecast")


class _Fact:
    def __init__(self, value: float | None = None, as_of: str = "2024-10") -> None:
        self.value, self.as_of = value, as_of


def _rows(*rows: tuple[str, str, float, str]) -> pd.DataFrame:
    """A made-up timeline: (date, measure, value, fact_id) per row."""
    frame = pd.DataFrame(rows, columns=["date", "measure", "value", "fact_id"])
    frame["when"] = pd.to_datetime(frame["date"])
    return frame


def _made_up_world(monkeypatch, facts: dict, totals: pd.DataFrame, casualties: pd.DataFrame):
    monkeypatch.setattr(timeline, "fact", lambda id_: facts[id_])
    monkeypatch.setattr(timeline, "deployment_totals", lambda: totals)
    monkeypatch.setattr(timeline, "casualty_estimates", lambda: casualties)


def test_resolve_at_the_boundaries(monkeypatch):
    """Made-up figures exactly on each line: on the deadline counts, equal is not 'more than'."""
    facts = {
        "nis_decided_12000": _Fact(12_000),
        "russia_confirms_2025_04_26": _Fact(as_of="2024-12-31"),  # on the last day of 2024
        "nis_kursk_11000": _Fact(11_000),  # half: 5,500
        "nk_killed_claimed_by_nk": _Fact(1_000),
    }
    totals = _rows(
        ("2025-09-30", "total sent", 12_000, "exactly_12000_on_the_deadline"),
        ("2025-10-01", "total sent", 20_000, "too_late"),
    )
    casualties = _rows(
        ("2025-06-30", "casualties", 5_500, "exactly_half_on_the_deadline"),
        ("2025-06-01", "killed", 9_000, "killed_not_casualties"),
        ("2025-05-01", "casualties", 4_000, "above_a_third_only"),
    )
    _made_up_world(monkeypatch, facts, totals, casualties)
    assert timeline._resolve("more_than_12000") == (0, "exactly_12000_on_the_deadline")
    assert timeline._resolve("russia_admits_2024") == (1, "russia_confirms_2025_04_26")
    assert timeline._resolve("half_casualties") == (0, "nk_casualties_2025_06")
    assert timeline._resolve("nk_admits_1000") == (0, "nk_killed_claimed_by_nk")
    facts["nk_killed_claimed_by_nk"] = _Fact(1_001)
    assert timeline._resolve("nk_admits_1000") == (1, "nk_killed_claimed_by_nk")


def test_resolve_names_the_first_total_above_12000(monkeypatch):
    totals = _rows(
        ("2025-01-01", "total sent", 13_000, "first_above"),
        ("2025-02-01", "total sent", 14_000, "second_above"),
    )
    _made_up_world(monkeypatch, {"nis_decided_12000": _Fact(12_000)}, totals, _rows())
    assert timeline._resolve("more_than_12000") == (1, "first_above")


def test_by_keeps_rows_on_the_deadline():
    rows = _rows(("2024-12-31", "casualties", 1, "on"), ("2025-01-01", "casualties", 2, "after"))
    assert timeline._by(rows, "2024-12-31")["fact_id"].tolist() == ["on"]


def test_timeline_table_shows_each_figure_and_a_plain_index():
    table = timeline.timeline_table("casualties")
    assert list(table.columns) == ["date", "what was reported", "figure", "kind", "source"]
    assert list(table.index) == list(range(len(table)))
    assert table["figure"].iloc[0] == "at least 1,100 casualties"
    assert table["figure"].iloc[1] == "3,000 casualties"


def test_brier_score_is_rounded_to_twelve_decimals():
    """(0.0000003 - 0)^2 = 9e-14, which rounds to 0 at 12 decimals (1e-13 at 13)."""
    assert timeline.brier_score([3e-7], [0]) == 0.0


def test_brier_breakdown_names_the_bad_probability():
    with pytest.raises(ValueError, match=r"probabilities\[0\] must be at most 1"):
        timeline.brier_breakdown([1.5, 0.5, 0.5, 0.5, 0.5])


def test_money_is_said_in_millions_billions_or_trillions_of_won():
    """$1,000,000,000 is '$1 billion'; 1,005,000,001 / 1e9 = 1.005000001, which is 1.01."""
    assert timeline._money(1_000_000_000, "USD") == "$1 billion"
    assert timeline._money(1_005_000_001, "USD") == "$1.01 billion"
    assert timeline._money(1_005_001, "USD") == "$1.01 million"
    assert timeline._money(2_000_000_000, "USD per year") == "$2 billion per year"
    assert timeline._money(5_000_000_000_000, "KRW") == "5 trillion won"


def test_figure_of_a_fact_with_only_a_value():
    assert timeline.figure_of("us_estimate_10000") == "10,000 troops"


def test_article_forecasts_work_out_the_extra_soldiers_a_month():
    """From the article's 10,000 (2024-10) to 13,000 (2025-09): 3,000 / 11 months = 273."""
    table = timeline.article_forecasts()
    assert list(table.columns)[:2] == ["claim", "the article said"]
    later = table.set_index("claim")["what was reported later"]
    assert "about 13,000 by 2025-09 (" in later["many_more_coming"]
    assert "about 273 extra a month" in later["many_more_coming"]
    assert "first casualty estimate 2024-12 (1,100)" in later["front_uncertain"]
    assert "by 2025-06 " in later["front_uncertain"]
    assert table.set_index("claim")["held_up"].to_dict() == {
        "nk_soldiers_left": True,
        "many_more_coming": True,
        "front_uncertain": True,
        "guard_duty_idea": False,
        "language_barrier": True,
        "big_gamble": None,
    }


def test_many_more_coming_needs_more_than_the_articles_number(monkeypatch):
    """If the latest total were the article's own 10,000, 'many more' would not have held up."""
    totals = _rows(("2025-09-02", "total sent", 10_000, "made_up_total"))
    monkeypatch.setattr(timeline, "deployment_totals", lambda: totals)
    held_up = timeline.article_forecasts().set_index("claim")["held_up"]
    assert held_up["many_more_coming"] is False


def test_left_per_mobilised_needs_someone_mobilised():
    with pytest.raises(ValueError, match="mobilised must be more than zero"):
        costs.left_per_mobilised(700_000, 0)


def test_break_even_needs_a_russian_cost_above_zero():
    with pytest.raises(ValueError, match="russian_usd_per_soldier_month must be more than zero"):
        costs.break_even_effectiveness(2_400, 0)


def test_weighted_scores_refuses_what_is_not_a_table_or_weights():
    with pytest.raises(TypeError, match=r"scores must be a table \(DataFrame\), got str"):
        costs.weighted_scores("scores", {"cash": 1})
    with pytest.raises(TypeError, match="weights must be a dict"):
        costs.weighted_scores(costs.DEFAULT_SCORES, {})
    with pytest.raises(KeyError, match="criteria the scores do not have"):
        costs.weighted_scores(costs.DEFAULT_SCORES, {"no such criterion": 1})


def test_share_above_does_not_count_a_result_equal_to_the_threshold():
    """Of 1 and 2, only 2 is above 1: half."""
    assert uncertainty.share_above(np.array([1.0, 2.0]), 1) == 0.5


def test_figure_text_for_each_kind_of_range():
    """A low end only is 'at least'; a value inside a range is the value; trillions of won."""
    assert timeline._figure_text(None, 200_000, None, "people") == "at least 200,000 people"
    assert timeline._figure_text(1_200_000, 1_000_000, 2_000_000, "troops") == "1,200,000 troops"
    assert timeline._figure_text(1_000_000, 1_000_000, 2_000_000, "troops") == "1,000,000 troops"
    with pytest.raises(TypeError, match="unit must be text"):
        timeline._figure_text(1, None, None, 5)
    # 1,005,000,000,001 / 1e12 = 1.005000000001, which is 1.01 to three figures
    assert timeline._money(1_005_000_000_001, "KRW") == "1.01 trillion won"
    assert timeline._money(5_000_000_000_000, "KRW per year") == "5 trillion won per year"


def test_months_between_takes_only_months_or_days():
    """From 2024-10(-16) to 2025-09 is 11 months; a year alone is refused."""
    assert timeline.months_between("2024-10-16", "2025-09") == 11
    with pytest.raises(ValueError, match="start must be a date written YYYY-MM"):
        timeline.months_between("2024", "2025-09")


def test_article_forecasts_quote_the_article():
    table = timeline.article_forecasts().set_index("claim")
    assert table.loc["nk_soldiers_left", "the article said"] == claim("nk_soldiers_left").text


def test_totals_and_casualties_are_numbered_from_zero_without_an_index_column():
    for table in (timeline.deployment_totals(), timeline.casualty_estimates()):
        assert "index" not in table.columns
        assert list(table.index) == list(range(len(table)))


# ---------------------------------------------------------------- the last pass: _validate


def test_require_ids_names_the_argument_in_each_error():
    """Each refusal says which argument was wrong (a message lost to None would not)."""
    with pytest.raises(TypeError, match=r"source_ids must be a list of ids, e\.g\."):
        _validate.require_ids("source_ids", 5)
    with pytest.raises(ValueError, match="source_ids must name at least one id"):
        _validate.require_ids("source_ids", [])
    with pytest.raises(TypeError, match=r"source_ids must hold ids \(text\), got 3"):
        _validate.require_ids("source_ids", ["a", 3])


def test_an_array_may_hold_zero_unless_zero_is_refused():
    """Zero is allowed by default (only below zero is refused), also in an array of draws."""
    kept = _validate.require_number_or_array("soldiers", np.array([0.0, 0.5, 2.0]))
    assert kept.tolist() == [0.0, 0.5, 2.0]
    with pytest.raises(ValueError, match="soldiers must be zero or more"):
        _validate.require_number_or_array("soldiers", np.array([1.0, -0.5]))
    with pytest.raises(ValueError, match="soldiers must be more than zero"):
        _validate.require_number_or_array("soldiers", np.array([1.0, 0.0]), allow_zero=False)


def test_an_array_of_whole_numbers_is_numbers_and_one_of_text_is_not():
    """Integers are numbers too; an array of text gets the helper's message, not numpy's."""
    assert _validate.require_number_or_array("soldiers", np.array([1, 2])).tolist() == [1, 2]
    with pytest.raises(ValueError, match="soldiers must hold only finite numbers"):
        _validate.require_number_or_array("soldiers", np.array(["1", "2"]))


def test_a_range_starts_at_zero_by_default_for_both_ends():
    """0 may be the low end (the default minimum is 0, not 1); a low end below 0 is refused."""
    assert _validate.require_range("low", 0, "high", 0.5) == (0.0, 0.5)
    with pytest.raises(ValueError, match="low must be zero or more"):
        _validate.require_range("low", -1, "high", 2)


def test_require_number_says_what_it_got_and_the_minimum_it_wanted():
    """A list is named as a list (not as None); a minimum other than 0 is given in the error."""
    with pytest.raises(TypeError, match="months must be a number, got list"):
        _validate.require_number("months", [12])
    with pytest.raises(ValueError, match="x must be at least 5, got 3"):
        _validate.require_number("x", 3, minimum=5)


def test_a_range_refuses_a_high_end_below_zero_by_its_own_name():
    """0 to -1: the high end is below the minimum, which is said before comparing the ends."""
    with pytest.raises(ValueError, match="high must be zero or more"):
        _validate.require_range("low", 0, "high", -1)


def test_span_names_an_id_that_is_not_text():
    with pytest.raises(TypeError, match="ids must be claim or fact ids"):
        uncertainty.span(5)


# ---------------------------------------------------------------- the last pass: costs


def test_contract_cost_parts_refuses_zero_months_or_rate_by_name():
    """Zero months would divide by zero; a zero rate is refused by name, quoting the 0 given."""
    with pytest.raises(ValueError, match="contract_months must be more than zero"):
        costs.contract_cost_parts(200_000, 400_000, 600_000, 0, 100)
    with pytest.raises(ValueError, match="rub_per_usd must be more than zero, got 0$"):
        costs.contract_cost_parts(200_000, 400_000, 600_000, 10, 0)
    with pytest.raises(ValueError, match="rub_per_usd must be more than zero, got 0$"):
        costs.contract_usd_per_soldier_month(200_000, 400_000, 600_000, 10, 0)


def test_option_costs_refuses_north_koreans_of_no_use_at_all():
    """An effectiveness of 0 would make the cost per effective soldier infinite."""
    with pytest.raises(ValueError, match="nk_effectiveness must be more than zero"):
        costs.option_costs(100, 12, 0)


def test_weighted_scores_allows_negative_scores_and_names_a_missing_one():
    """A score below zero is allowed (a penalty); a missing one (NaN) is named with its option."""
    scores = pd.DataFrame({"cash": [-1.0, 2.0]}, index=["a", "b"])
    result = costs.weighted_scores(scores, {"cash": 1})
    assert result.to_dict() == {"b": 2.0, "a": -1.0}
    assert result.name == "weighted score"
    scores.loc["a", "cash"] = np.nan
    with pytest.raises(ValueError, match=r"scores\['cash'\] for option 'a' must be a number"):
        costs.weighted_scores(scores, {"cash": 1})


def test_weighted_scores_keeps_tied_options_in_the_tables_order():
    """Ties keep their order (a stable sort), also in a table longer than numpy's short cut."""
    names = [f"option {i:02d}" for i in range(40)]
    scores = pd.DataFrame({"cash": [1.0, 2.0] * 20}, index=names)
    ranked = list(costs.weighted_scores(scores, {"cash": 1}).index)
    assert ranked == names[1::2] + names[0::2]


# ---------------------------------------------------------------- the last pass: manpower


def test_months_covered_of_an_undated_figure_is_its_whole_year():
    """ru_contracts_2024_claim is dated 2025-01 in seeds/facts.csv: January to December 2025."""
    assert manpower._months_covered("ru_contracts_2024_claim") == (2025.0, 2026.0)


def test_per_period_names_a_bad_rate():
    with pytest.raises(ValueError, match="rate_per_day must be zero or more"):
        manpower.per_period(-1, 30)


# ---------------------------------------------------------------- the last pass: uncertainty


def test_each_refusal_in_uncertainty_names_what_is_missing_or_wrong():
    """A message lost (None) would leave the student with a bare error."""
    with pytest.raises(ValueError, match="span needs at least one claim or fact id"):
        uncertainty.span()
    with pytest.raises(ValueError, match="estimates needs at least one claim or fact id"):
        uncertainty.estimates()
    with pytest.raises(ValueError, match="give at least one input range"):
        uncertainty.interval_apply(lambda: 0)
    with pytest.raises(TypeError, match="func must be a function of numbers"):
        uncertainty.interval_apply(5, a=uncertainty.Interval(0, 1))
    with pytest.raises(TypeError, match="func must be a function of numbers"):
        uncertainty.tornado_table(5, {"a": uncertainty.Interval(0, 1)})
    with pytest.raises(TypeError, match="ids must be a list of ids"):
        uncertainty.draw_estimates("ukdi_losses_per_day_2024_10", "people per day")


def test_estimates_of_a_claim_with_only_a_low_end():
    """men_fled_2022 ('hundreds of thousands') has no value and no label: NaN and its citation."""
    row = uncertainty.estimates("men_fled_2022").iloc[0]
    assert row["who"] == claim("men_fled_2022").citation
    assert np.isnan(row["value"]) and np.isnan(row["high"])
    assert row["low"] == 200_000


def test_results_must_be_a_list_or_array_of_finite_numbers():
    """A tuple, a table of rows or a missing value (None) gets the helper's own message."""
    with pytest.raises(TypeError, match="results must be a non-empty list or array"):
        uncertainty.share_above((1.0, 2.0), 1)
    with pytest.raises(TypeError, match="results must be a non-empty list or array"):
        uncertainty.share_above(np.ones((2, 2)), 1)
    with pytest.raises(ValueError, match="results must hold only finite numbers"):
        uncertainty.share_above([1.0, None], 0)
    with pytest.raises(ValueError, match="results must hold only finite numbers"):
        uncertainty.middle_range(np.array([1.0, np.inf]))


def test_monte_carlo_takes_one_to_a_million_draws():
    """0 and 1,000,001 draws are refused by name; 1,000,000 is the largest run allowed."""
    a = uncertainty.Interval(0, 1)
    with pytest.raises(ValueError, match="draws must be more than zero"):
        uncertainty.monte_carlo(lambda a: a, draws=0, a=a)
    with pytest.raises(ValueError, match="draws must be at most 1,000,000"):
        uncertainty.monte_carlo(lambda a: a, draws=1_000_001, a=a)
    assert uncertainty.monte_carlo(lambda a: a, draws=1_000_000, a=a).shape == (1_000_000,)


def test_monte_carlo_spreads_a_constant_and_returns_floats():
    """A formula that ignores its inputs gives the same number for every draw; yes/no is 1/0."""
    a = uncertainty.Interval(0, 1)
    assert uncertainty.monte_carlo(lambda a: 7, draws=3, a=a).tolist() == [7.0, 7.0, 7.0]
    flags = uncertainty.monte_carlo(lambda a: a > 2, draws=3, a=a)
    assert flags.dtype == np.float64
    assert flags.tolist() == [0.0, 0.0, 0.0]


def test_monte_carlo_says_what_is_wrong_with_a_formulas_results():
    a = uncertainty.Interval(0, 1)
    with pytest.raises(TypeError, match="func must return numbers, one per draw, got 'abc'"):
        uncertainty.monte_carlo(lambda a: "abc", draws=3, a=a)
    with pytest.raises(ValueError, match=r"one number per draw \(3\), got \(2,\)"):
        uncertainty.monte_carlo(lambda a: np.ones(2), draws=3, a=a)
    with pytest.raises(ValueError, match=r"func returned NaN \(not a number\) for 3 draws"):
        uncertainty.monte_carlo(lambda a: [None] * len(a), draws=3, a=a)


def test_tornado_table_takes_a_base_below_zero_and_names_a_bad_one():
    """base a = -1 (below zero is fine), b at its middle 1: the base result is -1 - 1 = -2."""
    ranges = {"a": uncertainty.Interval(-5, 5), "b": uncertainty.Interval(0, 2)}
    table = uncertainty.tornado_table(lambda a, b: a - b, ranges, base={"a": -1})
    assert table["base result"].tolist() == [-2.0, -2.0]
    with pytest.raises(TypeError, match="a must be a number"):
        uncertainty.tornado_table(lambda a, b: a - b, ranges, base={"a": "1"})


def test_tornado_table_numbers_its_rows_and_keeps_ties_in_order():
    """Inputs with equal swings keep the order given (a stable sort), also among 40 inputs
    (past numpy's short cut for small arrays, which happens to keep the order); no 'index'
    column is left by the renumbering."""
    names = [f"x{i:02d}" for i in range(40)]
    ranges = {name: uncertainty.Interval(0, 1 + i % 2) for i, name in enumerate(names)}
    table = uncertainty.tornado_table(lambda **kw: sum(kw.values()), ranges)
    assert table["input"].tolist() == names[1::2] + names[0::2]  # swings of 2, then of 1
    assert list(table.columns) == [
        "input",
        "low",
        "high",
        "at low",
        "at high",
        "swing",
        "base result",
    ]
    assert list(table.index) == list(range(40))


# ---------------------------------------------------------------- the last pass: checks
# Judged through check() on made-up exercises (added to the course's list for one test), so
# that each tolerance, tie and rounding rule is tried at its edge, whatever the real exercises.


def _made_up(monkeypatch, target: float, *mistakes: tuple[float, str], **options) -> str:
    """Add a made-up number exercise, answer ``target``, as '9.9'; return its id."""
    exercise = checks.Exercise(
        question="A made-up question?",
        expected=lambda: target,
        hint="the made-up hint.",
        mistakes=tuple(checks.Mistake(lambda w=w: w, says) for w, says in mistakes),
        **options,
    )
    monkeypatch.setitem(checks.exercises(), "9.9", exercise)
    return "9.9"


def test_check_says_the_courses_data_is_broken_not_the_answer(monkeypatch):
    """A damaged seed file is reported as such (and never as correct), with the reason."""

    def broken() -> float:
        raise SeedError("seeds/facts.csv, line 3: no value")

    monkeypatch.setitem(
        checks.exercises(), "9.9", checks.Exercise(question="?", expected=broken, hint="h")
    )
    feedback = checks.check("9.9", 1)
    assert feedback.correct is False
    assert "could not be read" in feedback.message
    assert "seeds/facts.csv, line 3: no value" in feedback.message


def test_expected_answer_names_a_bad_question_id():
    with pytest.raises(TypeError, match="question_id must be text like '1.1', got 1.1"):
        checks.expected_answer(1.1)
    with pytest.raises(KeyError, match="there is no exercise '9.99'"):
        checks.expected_answer("9.99")


def test_what_is_not_a_number_or_not_an_exercise_is_quoted_back_as_code():
    """The echoed part (the type given, the id typed) is shown as code in the notebook."""
    feedback = checks.check("1.4", object())
    assert feedback.correct is False
    assert feedback.echoed == "object"
    assert "`object`" in feedback._repr_markdown_()
    unknown = checks.check("9.99", 1)
    assert unknown.correct is False
    assert unknown.echoed == "'9.99'"
    assert "`'9.99'`" in unknown._repr_markdown_()


def test_an_id_two_characters_right_gets_a_suggestion():
    """'9.10' is as close to an id as half the letters (difflib ratio 0.57): one is suggested."""
    assert "Did you mean '" in checks.check("9.10", 1).message


def test_round_to_figures_rounds_halves_up_and_keeps_zero_and_one():
    """Halves go up, as taught at school (not to the even neighbour); 0 and 1 stay put."""
    assert checks.round_to_figures(0.125, 2) == 0.13
    assert checks.round_to_figures(2.5, 1) == 3.0
    assert checks.round_to_figures(0.0, 3) == 0.0
    assert checks.round_to_figures(1.0, 2) == 1.0


def test_a_known_numeric_mistake_is_not_correct():
    """1.4 with 12 months forgotten (240,000 instead of 240 million) is a known mistake."""
    feedback = checks.check("1.4", 240_000)
    assert feedback.correct is False
    assert feedback.message.startswith("Not yet: ")


def test_a_known_mistake_within_its_absolute_tolerance_is_recognised(monkeypatch):
    """abs_tol 5: 14 is within 5 of the mistake 10, though 40 % off it (not merely 'near')."""
    qid = _made_up(monkeypatch, 100.0, (10.0, "you forgot the tens."), abs_tol=5)
    assert checks.check(qid, 14).message == "Not yet: you forgot the tens."


def test_a_known_mistake_rounded_to_one_figure_is_recognised(monkeypatch):
    """sig_figs 1: 1,000 is the mistake 1,490 rounded to one figure, though 33 % off it."""
    qid = _made_up(monkeypatch, 5_000.0, (1_490.0, "you used the wrong year."), sig_figs=1)
    assert checks.check(qid, 1_000).message == "Not yet: you used the wrong year."


def test_an_answer_within_the_absolute_tolerance_is_correct(monkeypatch):
    """abs_tol 0.01 around 0.05: 0.058 is correct though 16 % off (rel_tol alone would not do)."""
    qid = _made_up(monkeypatch, 0.05, abs_tol=0.01)
    assert checks.check(qid, 0.058).correct is True


def test_a_rounding_to_six_figures_is_correct_even_with_no_tolerance(monkeypatch):
    """rel_tol 0: 123,457 is 123,456.789 rounded to six figures, the most the checker knows."""
    qid = _made_up(monkeypatch, 123_456.789, rel_tol=0.0)
    assert checks.check(qid, 123_457).correct is True
    assert checks.check(qid, 123_460).correct is True  # five figures


def test_an_answer_halfway_between_the_answer_and_a_mistake_is_called_close(monkeypatch):
    """105 is 5 from the answer 100 and 5 from the mistake 110: the answer wins the tie."""
    qid = _made_up(monkeypatch, 100.0, (110.0, "you added the tax twice."))
    feedback = checks.check(qid, 105)
    assert feedback.correct is False
    assert feedback.message.startswith("Close: check your rounding.")


def test_close_asks_for_at_least_two_figures_even_when_one_would_do():
    """1.7 accepts one figure (sig_figs 1); the 'close' message still asks for two."""
    feedback = checks.check("1.7", 9.5)  # the answer is 8.33: 14 % off
    assert feedback.correct is False
    assert "at least 2 significant figures" in feedback.message


def test_a_letter_question_answered_with_a_number_asks_for_a_letter():
    """1.1 wants a letter: the number 3 gets the request for a letter in quotes, not a crash."""
    feedback = checks.check("1.1", 3)
    assert feedback.correct is False
    assert feedback.message == "Not yet: answer with one letter or word in quotes, like 'b'."


def test_a_correct_answer_without_its_own_praise_gets_well_done(monkeypatch):
    qid = _made_up(monkeypatch, 100.0)
    feedback = checks.check(qid, 100)
    assert feedback.correct is True
    assert feedback.message == "Correct: well done."


def test_an_answer_near_a_known_mistake_gets_its_explanation_and_is_not_correct(monkeypatch):
    """55 is 10 % from the mistake 50 (halved) and 45 % from the answer 100."""
    qid = _made_up(monkeypatch, 100.0, (50.0, "you halved it."))
    feedback = checks.check(qid, 55)
    assert feedback.correct is False
    assert feedback.message == "Not yet: you halved it."


def test_a_number_split_by_a_comma_is_quoted_back_and_never_correct():
    """check('1.7', 8,3): Python passes 8 and 3; the feedback quotes '8,3' as code."""
    feedback = checks.check("1.7", 8, 3)
    assert feedback.correct is False
    assert feedback.echoed == "8,3"
    assert "`8,3`" in feedback._repr_markdown_()


def test_a_long_split_number_is_listed_to_eighty_characters():
    """1 to 30 split by commas: the text is cut to 40 characters and the list to 80."""
    parts = list(range(1, 31))
    feedback = checks.check("1.7", *parts)
    shown = ",".join(map(str, parts))[:40]
    listed = " and ".join(map(str, parts))[:80]
    assert f"Python read {shown} as separate numbers: {listed}. In Python" in feedback.message


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("cannot be printed")


def test_a_split_answer_that_cannot_be_printed_is_shown_as_dots():
    feedback = checks.check("1.7", _Unprintable(), 3)
    assert feedback.correct is False
    assert "Python read ... as separate numbers: .... In Python" in feedback.message


@pytest.fixture
def dutch():
    """The Dutch edition for one test, then English again."""
    language.set_language("nl")
    yield
    language.set_language("en")


def test_in_dutch_1_200_is_twelve_hundred_when_the_answer_is_a_count(monkeypatch, dutch):
    """A whole-number answer (1,200 people): '1.200' can only mean twelve hundred."""
    qid = _made_up(monkeypatch, 1_200.0)
    assert checks.check(qid, "1.200").correct is True


def test_in_dutch_1_200_is_asked_about_when_the_answer_may_be_a_decimal(monkeypatch, dutch):
    """Answer 1.2: '1.200' may be 1.2 or 1200, so the checker names both, never guesses."""
    qid = _made_up(monkeypatch, 1.2)
    feedback = checks.check(qid, "1.200")
    assert feedback.correct is False
    assert feedback.echoed == "'1.200'"
    for shown in ("'1.200'", "1,2", "1200", "1.2"):  # as typed, the Dutch way, Python's way
        assert shown in feedback.message
    assert "None" not in feedback.message


def test_text_that_is_not_a_number_is_quoted_back():
    feedback = checks.check("1.4", "lots")
    assert feedback.correct is False
    assert feedback.echoed == "'lots'"
    assert feedback.message.startswith("Not yet: ")
    assert "`'lots'`" in feedback._repr_markdown_()


def test_a_complex_number_is_not_correct():
    feedback = checks.check("1.4", 240_000_000 + 1j)
    assert feedback.correct is False
    assert "complex" in feedback.message


class _BreaksWhenRead:
    @property
    def shape(self):
        raise RuntimeError("cannot be read")


def test_an_answer_that_breaks_when_read_gets_a_message_not_a_crash():
    feedback = checks.check("1.4", _BreaksWhenRead())
    assert feedback.correct is False
    assert feedback.message == "Not yet: I could not read that answer. Type a number or a letter."


def test_check_still_answers_when_the_translations_cannot_be_read(monkeypatch):
    """A damaged catalogue (tr fails): a plain English message, never a crash or 'correct'."""

    def damaged(text: str) -> str:
        raise RuntimeError("damaged catalogue")

    monkeypatch.setattr(checks, "tr", damaged)
    feedback = checks.check("1.4", 240_000_000)
    assert feedback.correct is False
    assert feedback.message == "Not yet: I could not read that answer."


# ---------------------------------------------------------------- the words a student sees (en/nl)


def _in_dutch(make):
    """``make()`` with Dutch in use; English again afterwards, whatever happens."""
    language.set_language("nl")
    try:
        return make()
    finally:
        language.set_language("en")


def _all_text(values) -> bool:
    return all(isinstance(v, str) and v and "None" not in v for v in values)


def test_report_month_is_the_source_date_in_english_and_a_long_month_in_dutch():
    """'2024-10' in English, 'oktober 2024' in Dutch: not 'okt 2024', not '2024-10-'."""
    assert timeline._month("2024-10-03") == "2024-10"
    assert _in_dutch(lambda: timeline._month("2024-10-03")) == "oktober 2024"
    assert _in_dutch(lambda: timeline._month("2025-06")) == "juni 2025"


def test_article_words_are_our_english_or_the_articles_dutch():
    """The article's column shows the English rendering in English, the Dutch quote in Dutch."""
    english = timeline.article_forecasts()["the article said"].tolist()
    dutch = _in_dutch(lambda: timeline.article_forecasts()["the article said"].tolist())
    claims = timeline.article_forecasts()["claim"].tolist()
    assert english == [claim(c).text for c in claims]
    assert dutch == [claim(c).quote_nl for c in claims]


def test_article_forecasts_cite_their_figures():
    """What was reported later names the seed figures: 10,000 / 11,000 / 12,000, 6,000 ..."""
    later = timeline.article_forecasts().set_index("claim")
    words = later["what was reported later"]
    assert words["nk_soldiers_left"] == (
        "Estimates in the weeks after: 10,000 (Pentagon), 11,000 in Kursk (South Korea); "
        "12,000 planned."
    )
    assert "; 6,000 deminers and builders announced." in words["many_more_coming"]
    assert "more than 6,000 had been killed or wounded" in words["front_uncertain"]
    assert words["language_barrier"].startswith("A plan released by Ukraine's intelligence")
    assert (
        ": 1 translator and 3 Russian soldiers per 30; about 100 Russian"
        in words["language_barrier"]
    )
    assert "about 2,000 North Korean soldiers killed" in words["big_gamble"]
    assert "from the whole deal at $20 billion (arms" in words["big_gamble"]
    assert words["guard_duty_idea"].startswith("Ukraine's National Resistance Center claimed")
    assert later["verdict"].tolist() == [
        "right, at the low end",
        "partly right: more came, but thousands, not tens of thousands",
        "a fair doubt in October 2024, settled: they did fight",
        "mostly wrong for the first wave",
        "right: both sides had to work around it",
        "an opinion: numbers inform it but cannot settle it",
    ]
    dutch = _in_dutch(lambda: timeline.article_forecasts())
    assert _all_text(dutch["what was reported later"]) and _all_text(dutch["verdict"])
    assert "10.000 (Pentagon), 11.000 in Koersk" in dutch["what was reported later"][0]
    assert "$ 20 miljard" in dutch["what was reported later"][5]


def test_dutch_money_keeps_the_dollar_sign_apart():
    """Dutch writes '$ 1,7 miljard'; English '$1.7 billion per year' (unit after the code)."""
    assert _in_dutch(lambda: timeline._money(1.7e9, "USD")) == "$ 1,7 miljard"
    assert timeline._money(1.7e9, "USD per year") == "$1.7 billion per year"


def test_forecasts_are_words_in_both_languages_with_their_figures():
    """The five forecasts: keys, deadlines, and texts that cite 12,000 / 1,000 (12.000 in Dutch)."""
    keys = ["more_than_12000", "casualties_2024", "russia_admits_2024", "half_casualties"]
    keys.append("nk_admits_1000")
    deadlines = ["2025-09", "2024-12", "2024-12", "2025-06", "2025-09"]
    for table in (timeline.forecast_outcomes(), _in_dutch(timeline.forecast_outcomes)):
        assert table["key"].tolist() == keys
        assert table["deadline"].tolist() == deadlines
        assert table["outcome"].tolist() == [1, 1, 0, 1, 0]
        assert _all_text(table["forecast"])
    english = timeline.forecast_outcomes()["forecast"].tolist()
    dutch = _in_dutch(timeline.forecast_outcomes)["forecast"].tolist()
    assert "more than 12,000 North Korean soldiers" in english[0]
    assert "more than 1,000 soldiers lost" in english[4]
    assert "meer dan 12.000" in dutch[0] and "meer dan 1.000" in dutch[4]
    assert all(e != d for e, d in zip(english, dutch, strict=True))
    assert english[1].startswith("Before 2025, North Korean soldiers are reported killed")
    assert english[2] == (
        "Before 2025, Russia publicly admits that North Korean soldiers fight for it."
    )
    assert english[3].startswith("By mid-2025, an estimate says more than half")


def test_short_forecasts_are_words_in_both_languages():
    """The Brier chart's short names: five texts in each language, never None."""
    for names in (timeline._short_forecast(), _in_dutch(timeline._short_forecast)):
        assert list(names) == list(timeline.SHORT_FORECAST)
        assert _all_text(names.values())
    assert timeline._short_forecast()["more_than_12000"] == "over 12,000 sent"


def test_timeline_table_shows_the_seed_words_in_english_and_dutch():
    """What was reported, its kind and its source: the seed's English words, translated in Dutch."""
    rows = timeline.timeline()
    table = timeline.timeline_table()
    assert table["what was reported"].tolist() == rows["event_en"].tolist()
    assert table["kind"].tolist() == rows["kind"].tolist()
    assert table["source"].tolist() == rows["source"].tolist()
    dutch = _in_dutch(timeline.timeline_table)
    assert dutch["kind"][0] == "schatting"  # 'estimate'
    assert dutch["what was reported"][0].startswith("Eerste speciale eenheden")
    assert _all_text(dutch["source"])


def test_gains_table_number_cell_shows_both_ends_unit_and_source():
    """'1,700,000,000 to 5,500,000,000 USD (source, date)'; Dutch '1.700.000.000 tot ...'."""
    table = money.gains_table()
    assert list(table.columns) == [
        "gain",
        "Dutch words",
        "can we count it?",
        "a number we have",
        "what a number would need",
    ]
    cells = table["a number we have"].tolist()
    assert cells[0] == (
        "1,700,000,000 to 5,500,000,000 USD (Friedrich Naumann Foundation report "
        "(Olena Guseinova), via dpa (anews.com.tr), 2024-10-28)"
    )
    assert cells[2] == (
        "600,000 to 700,000 tonnes (NIS via Korea Herald / JoongAng "
        "(via conflictwatcher.com), 2024-11-05)"
    )
    assert table["gain"].tolist() == [
        "money for weapons and ammunition",
        "access to Russian oil and gas",
        "food aid",
        "a place in a new world order",
    ]
    assert _all_text(table["what a number would need"])
    dutch = _in_dutch(money.gains_table)
    assert dutch.iloc[0, 0] == "geld voor wapens en munitie"
    assert dutch.iloc[0, 3].startswith(
        "1.700.000.000 tot 5.500.000.000 USD (Rapport van de Friedrich Naumann Stiftung"
    )
    assert dutch.iloc[0, 3].endswith(", 2024-10-28)")
    assert dutch.iloc[2, 3].startswith("600.000 tot 700.000 ton (")
    assert _all_text(dutch.iloc[:, 0]) and _all_text(dutch.iloc[:, 4])


def test_translated_citation_splits_at_the_last_comma_only():
    """'source, date': the source (which has commas itself) translated, the date kept."""
    citation = (
        "Friedrich Naumann Foundation report (Olena Guseinova), via dpa (anews.com.tr), 2024-10-28"
    )
    assert money._translated_citation(citation) == citation
    assert money._translated_citation("a source without a date") == "a source without a date"
    dutch = _in_dutch(lambda: money._translated_citation(citation))
    assert dutch.startswith("Rapport van de Friedrich Naumann Stiftung")
    assert dutch.endswith("), via dpa (anews.com.tr), 2024-10-28")


def test_troop_income_kinds_are_words():
    """The kind of each income estimate, never None."""
    assert money.troop_income_estimates()["kind"].tolist() == [
        "exact arithmetic",
        "'more than': a lower bound",
        "a range of scenarios",
    ]


def test_chart_number_formatters():
    """Tick labels and dollar labels: whole numbers, '$' escaped for matplotlib, Dutch style."""
    assert money._whole_numbers(1234.4) == "1,234"
    assert manpower._whole_numbers(1234.4, 0) == "1,234"
    assert _in_dutch(lambda: money._whole_numbers(1234.4)) == "1.234"
    assert _in_dutch(lambda: manpower._whole_numbers(1234.4)) == "1.234"
    assert money._dollars(2500.4) == r"\$2,500"
    assert money._dollars(2500.44, 1) == r"\$2,500.4"
    assert _in_dutch(lambda: money._dollars(2500.4)) == r"\$ 2.500"


def test_rate_table_period_names_in_dutch():
    """A day, a week, a 30-day month, a year: 'een dag' ... in Dutch, with the same numbers."""
    english = manpower.rate_table(1_200)
    assert english["period"].tolist() == ["a day", "a week", "a 30-day month", "a year"]
    dutch = _in_dutch(lambda: manpower.rate_table(1_200))
    assert dutch.iloc[:, 0].tolist() == [
        "een dag",
        "een week",
        "een maand van 30 dagen",
        "een jaar",
    ]
    assert dutch.iloc[:, 2].tolist() == [1_200, 8_400, 36_000, 438_000]


def test_rate_names_translated_and_others_kept():
    """The English notebook's rate names are translated in Dutch; a notebook's own name is kept."""
    names = ["article: at least 1,200", "UK (Healey), Oct 2024", "UK (Radakin), Oct 2024"]
    assert [manpower._rate_name(n) for n in names] == names
    dutch = _in_dutch(lambda: [manpower._rate_name(n) for n in names])
    assert dutch[1] == "VK (Healey), okt 2024"
    assert _all_text(dutch) and all(d != e for d, e in zip(dutch, names, strict=True))
    assert manpower._rate_name("my own rate") == "my own rate"
    assert _in_dutch(lambda: manpower._rate_name("mijn eigen tempo")) == "mijn eigen tempo"


def test_estimates_of_a_claim_and_of_facts_with_and_without_a_label():
    """A claim's row (its hedge) and facts' rows (caveat; citation where no label)."""
    table = uncertainty.estimates("nk_army_size", "pay_per_soldier_month", "us_estimate_10000")
    assert list(table.columns) == ["id", "who", "value", "low", "high", "as of", "kind", "caveat"]
    assert table["who"].tolist() == [
        "the article: 'at least' ... 'even two million'",
        "BNR Nieuwsradio, Oct 2024",
        "Pentagon (via censor.net), 2024-10-28",
    ]
    assert table["value"].tolist() == [1_000_000, 2_000, 10_000]
    assert table["low"][0] == 1_000_000 and table["high"][0] == 2_000_000
    assert table["kind"].tolist() == ["estimate", "reported fact", "estimate"]
    assert table["caveat"].tolist() == [
        "hedge: minstens; volgens sommige schattingen",
        "hedge: none",
        "A week earlier the US said at least 3,000",
    ]
    dutch = _in_dutch(lambda: uncertainty.estimates("nk_army_size", "us_estimate_10000"))
    assert _all_text(dutch.iloc[:, 1]) and _all_text(dutch.iloc[:, 6])
    assert dutch.iloc[0, 1] != table["who"][0]  # the label, in Dutch


def test_every_label_and_name_is_words_in_both_languages():
    """Chart labels and input names: a text in English and in Dutch, never None."""
    for make in (uncertainty._labels, uncertainty._names, uncertainty._lesson_labels):
        english, dutch = make(), _in_dutch(make)
        values = (
            (english.values(), dutch.values()) if isinstance(english, dict) else (english, dutch)
        )
        assert _all_text(values[0]) and _all_text(values[1])
    assert uncertainty._labels() == uncertainty.LABELS


def test_small_dollar_figures_are_written_in_dollars_not_millions():
    """A figure under a million dollars ($800 a month) must not read "$0.0008 million";
    from a million on it is "$1 million"; Dutch writes the sign apart."""
    from helpers import language, timeline

    assert timeline._figure_text(800.0, None, None, "USD per month") == "$800 per month"
    assert timeline._figure_text(999_999.0, None, None, "USD") == "$999,999"
    assert timeline._figure_text(1_000_000.0, None, None, "USD") == "$1 million"
    assert timeline._figure_text(2.5, None, None, "USD") == "$2.50"
    language.set_language("nl")
    try:
        assert timeline._figure_text(800.0, None, None, "USD per month") == "$ 800 per maand"
    finally:
        language.set_language("en")
