"""Shared bad-input checks: every helper must reject nonsense with an error naming the argument.

A test module lists ``VALID_CALLS = {function: {argument: good value, ...}}`` and calls
``assert_rejects_bad_input`` for each; ``test_bad_input_coverage`` checks that every public
helper that takes numbers appears in some module's ``VALID_CALLS``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

# (bad value, expected error) for an argument that must be a number >= 0.
BAD_NUMBERS: list[tuple[object, type[Exception]]] = [
    (-1, ValueError),
    (math.nan, ValueError),
    (math.inf, ValueError),
    ("10", TypeError),
    (True, TypeError),
    (None, TypeError),
    ([1, 2], TypeError),
]


def assert_rejects_bad_input(
    func: Callable[..., object],
    valid: dict[str, object],
    *,
    allow_negative: tuple[str, ...] = (),
    skip: tuple[str, ...] = (),
) -> None:
    """Call ``func`` with each bad value in each numeric argument; expect a clear error.

    ``valid`` is a set of keyword arguments that work. Arguments in ``allow_negative``
    may be negative; arguments in ``skip`` are not numbers (checked elsewhere).
    """
    func(**valid)  # the valid call itself must work
    for name, good in valid.items():
        if name in skip or not isinstance(good, (int, float)) or isinstance(good, bool):
            continue
        for bad, error in BAD_NUMBERS:
            if name in allow_negative and bad == -1:
                continue
            with pytest.raises(error) as caught:
                func(**(valid | {name: bad}))
            assert name in str(caught.value), (
                f"{func.__name__}({name}={bad!r}) raised {caught.value!r}, "
                f"which does not name the argument {name!r}"
            )
