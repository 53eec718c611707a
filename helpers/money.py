"""Money arithmetic: what the deal pays and how big that is.

>>> payment_usd(10_000, 2_000, 12)
240000000.0
"""

from __future__ import annotations

from helpers._validate import require_number

__all__ = ["payment_usd"]


def payment_usd(soldiers: float, usd_per_soldier_month: float, months: float) -> float:
    """Total paid, in US dollars: soldiers x dollars per soldier per month x months.

    >>> payment_usd(10_000, 2_000, 1)
    20000000.0
    >>> payment_usd(-10, 2_000, 1)
    Traceback (most recent call last):
    ...
    ValueError: soldiers must be zero or more, got -10
    """
    count = require_number("soldiers", soldiers)
    price = require_number("usd_per_soldier_month", usd_per_soldier_month)
    length = require_number("months", months)
    return count * price * length
