"""Input checks shared by every helper, so each error names the argument at fault.

>>> require_number("soldiers", 10_000)
10000.0
>>> require_number("soldiers", -5)
Traceback (most recent call last):
...
ValueError: soldiers must be zero or more, got -5
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

__all__ = [
    "require_number",
    "require_number_or_array",
    "require_count",
    "require_range",
    "require_share",
    "require_ids",
]


def require_number(
    name: str,
    value: object,
    *,
    minimum: float | None = 0.0,
    allow_zero: bool = True,
    maximum: float | None = None,
) -> float:
    """Return ``value`` as a float, or raise an error that names ``name``.

    Rejects text, booleans, ``None``, NaN and infinity (``TypeError`` for the wrong kind
    of thing, ``ValueError`` for a number that makes no sense). By default the number must
    be zero or more; pass ``minimum=None`` to allow negatives.

    >>> require_number("months", 12)
    12.0
    >>> require_number("months", "12")
    Traceback (most recent call last):
    ...
    TypeError: months must be a number, got the text '12'
    >>> require_number("losses_per_day", 0, allow_zero=False)
    Traceback (most recent call last):
    ...
    ValueError: losses_per_day must be more than zero, got 0
    """
    if isinstance(value, bool) or value is None:
        raise TypeError(f"{name} must be a number, got {value!r}")
    if isinstance(value, str):
        raise TypeError(f"{name} must be a number, got the text {value!r}")
    if not isinstance(value, Real):
        # numpy scalars are Real; anything else (lists, dicts, ...) is not a number.
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    number = float(value)
    if math.isnan(number):
        raise ValueError(f"{name} must be a number, got NaN (not a number)")
    if math.isinf(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if minimum is not None and number < minimum:
        if minimum == 0:
            raise ValueError(f"{name} must be zero or more, got {value!r}")
        raise ValueError(f"{name} must be at least {minimum:g}, got {value!r}")
    if not allow_zero and number == 0:
        raise ValueError(f"{name} must be more than zero, got {value!r}")
    if maximum is not None and number > maximum:
        raise ValueError(f"{name} must be at most {maximum:,.15g}, got {value!r}")
    return number


def require_number_or_array(
    name: str, value: object, *, allow_zero: bool = True
) -> float | np.ndarray:
    """A number checked by ``require_number``, or a numpy array checked the same way.

    For formulas that ``uncertainty.monte_carlo`` feeds whole arrays of draws.

    >>> require_number_or_array("soldiers", np.array([1.0, 2.0]))
    array([1., 2.])
    >>> require_number_or_array("soldiers", np.array([1.0, 0.0]), allow_zero=False)
    Traceback (most recent call last):
    ...
    ValueError: soldiers must be more than zero
    """
    if isinstance(value, np.ndarray):
        if not np.issubdtype(value.dtype, np.number) or not np.isfinite(value).all():
            raise ValueError(f"{name} must hold only finite numbers")
        if (value < 0).any() or (not allow_zero and (value == 0).any()):
            raise ValueError(f"{name} must be {'zero or more' if allow_zero else 'more than zero'}")
        return value
    return require_number(name, value, allow_zero=allow_zero)


def require_count(
    name: str, value: object, *, allow_zero: bool = True, maximum: int | None = None
) -> int:
    """Return a whole, non-negative count, or raise an error naming ``name``.

    ``maximum`` keeps a size sane (a table or chart that big would not fit in memory).

    >>> require_count("periods", 12)
    12
    >>> require_count("periods", 2.5)
    Traceback (most recent call last):
    ...
    ValueError: periods must be a whole number, got 2.5
    >>> require_count("periods", 10**12, maximum=10_000)
    Traceback (most recent call last):
    ...
    ValueError: periods must be at most 10,000, got 1000000000000
    """
    number = require_number(name, value, allow_zero=allow_zero, maximum=maximum)
    if not number.is_integer():
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    return int(number)


def require_share(name: str, value: object, *, allow_zero: bool = True) -> float:
    """Return a share between 0 and 1, or raise an error naming ``name``.

    >>> require_share("effectiveness", 0.8)
    0.8
    >>> require_share("effectiveness", 80)
    Traceback (most recent call last):
    ...
    ValueError: effectiveness must be at most 1, got 80
    """
    return require_number(name, value, allow_zero=allow_zero, maximum=1.0)


def require_range(
    low_name: str, low: object, high_name: str, high: object, *, minimum: float | None = 0.0
) -> tuple[float, float]:
    """Return ``(low, high)`` as floats, checking each and that ``low <= high``.

    >>> require_range("low", 1, "high", 2)
    (1.0, 2.0)
    >>> require_range("low", 3, "high", 2)
    Traceback (most recent call last):
    ...
    ValueError: low (3) must not be more than high (2)
    """
    lo = require_number(low_name, low, minimum=minimum)
    hi = require_number(high_name, high, minimum=minimum)
    if lo > hi:
        raise ValueError(f"{low_name} ({low!r}) must not be more than {high_name} ({high!r})")
    return lo, hi


def require_ids(name: str, ids: object) -> tuple[str, ...]:
    """Return a non-empty tuple of ids (text), or raise an error naming ``name``.

    A bare text is refused: Python would read it letter by letter, as ids 'r', 'u', ...

    >>> require_ids("source_ids", ["nk_soldiers_left"])
    ('nk_soldiers_left',)
    >>> require_ids("source_ids", "nk_soldiers_left")
    Traceback (most recent call last):
    ...
    TypeError: source_ids must be a list of ids, got the text 'nk_soldiers_left': give a list of ids, e.g. ["nk_soldiers_left"] or ["a", "b"]
    """
    if isinstance(ids, str):
        raise TypeError(
            f"{name} must be a list of ids, got the text {ids!r}: "
            f'give a list of ids, e.g. ["{ids}"] or ["a", "b"]'
        )
    if not isinstance(ids, (list, tuple)):
        raise TypeError(f'{name} must be a list of ids, e.g. ["a", "b"], got {ids!r}')
    if not ids:
        raise ValueError(f'{name} must name at least one id, e.g. ["a", "b"]')
    for id_ in ids:
        if not isinstance(id_, str):
            raise TypeError(f"{name} must hold ids (text), got {id_!r}")
    return tuple(ids)
