"""Tests that kill mutants `make mutants` found alive, and the planted bugs of the mutation issue.

Each test is plain arithmetic worked by hand. The mutants they kill are listed in
tests/mutation/REPORT.md; the second section names, for each kind of planted bug, the test that
fails when it is planted (some are caught by older tests, named there too).
"""

from __future__ import annotations

import pytest

from helpers import _validate, checks, manpower, money

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
