"""The lesson modules (``helpers/lessonNN.py``): tables ready to show, built on the formulas.

Their doctests run with the rest of ``helpers``; here every one that takes numbers rejects
bad input with an error naming the argument, like any other helper.
"""

from __future__ import annotations

import pytest

from helpers import lesson03, lesson06

from badinput import assert_rejects_bad_input

VALID_CALLS = {
    lesson03.force_by_month: {
        "start": 600_000,
        "months": 2,
        "losses_per_month": 36_000,
        "recruits_per_month": 30_000,
    },
    lesson03.army_share_table: {"deployed": [10_000], "army_sizes": {"1 million": 1_000_000}},
    lesson06.my_penalties: {"probabilities": [0.5] * 5},
}
NOT_PLAIN_NUMBERS = {
    lesson03.army_share_table: ("deployed", "army_sizes"),
    lesson06.my_penalties: ("probabilities",),
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_lesson_helpers_reject_bad_input(func):
    assert_rejects_bad_input(func, VALID_CALLS[func], skip=NOT_PLAIN_NUMBERS.get(func, ()))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: lesson03.army_share_table([-5], {"1 million": 1_000_000}), "deployed"),
        (lambda: lesson03.army_share_table([10_000], {"none": 0}), "army_sizes"),
        (lambda: lesson06.my_penalties([0.5] * 4), "probabilit"),
        (lambda: lesson06.my_penalties([1.5] * 5), "probabilit"),
    ],
)
def test_lists_and_tables_with_bad_values_are_named(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
