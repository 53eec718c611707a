"""Manpower arithmetic: soldiers as stocks, losses and recruits as flows.

>>> round(days_covered(10_000, 1_200), 2)
8.33
>>> per_period(1_200, 7)
8400.0
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers import style
from helpers._validate import require_count, require_number
from helpers.sources import source_line

__all__ = ["days_covered", "per_period", "cumulative_losses", "draw_days_covered"]


def days_covered(soldiers: float, losses_per_day: float) -> float:
    """How many days of losses a number of soldiers would replace.

    ``soldiers`` must be zero or more; ``losses_per_day`` must be more than zero (with no
    losses the question has no answer).

    >>> days_covered(10_000, 1_200)
    8.333333333333334
    >>> days_covered(10_000, 0)
    Traceback (most recent call last):
    ...
    ValueError: losses_per_day must be more than zero, got 0
    """
    count = require_number("soldiers", soldiers)
    rate = require_number("losses_per_day", losses_per_day, allow_zero=False)
    return count / rate


def per_period(rate_per_day: float, days: float) -> float:
    """A daily rate added up over a number of days.

    >>> per_period(1_200, 30)
    36000.0
    >>> per_period(1_200, -1)
    Traceback (most recent call last):
    ...
    ValueError: days must be zero or more, got -1
    """
    rate = require_number("rate_per_day", rate_per_day)
    length = require_number("days", days)
    return rate * length


def cumulative_losses(losses_per_day: float, days: int) -> pd.DataFrame:
    """Losses added up day by day: one row per day from 0 to ``days``.

    >>> cumulative_losses(1_200, 3)
       day  losses
    0    0     0.0
    1    1  1200.0
    2    2  2400.0
    3    3  3600.0
    """
    rate = require_number("losses_per_day", losses_per_day)
    length = require_count("days", days, allow_zero=False)
    day = pd.RangeIndex(length + 1)
    return pd.DataFrame({"day": day, "losses": day * rate})


def draw_days_covered(
    soldiers: float,
    losses_per_day: float,
    days: int = 30,
    source_ids: tuple[str, ...] = ("russia_losses_per_day", "nk_soldiers_left"),
) -> Figure:
    """Chart: losses piling up day by day, against a one-off group of soldiers.

    The crossing point is ``days_covered(soldiers, losses_per_day)``.

    >>> fig = draw_days_covered(10_000, 1_200)
    >>> fig.axes[0].get_xlabel()
    'days from arrival'
    """
    covered = days_covered(soldiers, losses_per_day)
    line = cumulative_losses(losses_per_day, days)
    fig, ax = style.figure(7.5, 4.0, right_room=1.9)
    ax.plot(line["day"], line["losses"], marker="", color=style.PALETTE["vermillion"])
    style.label_end(
        ax,
        days,
        line["losses"].iloc[-1],
        f"losses at {losses_per_day:,.0f} a day",
        style.PALETTE["vermillion"],
    )
    ax.axhline(soldiers, color=style.PALETTE["blue"], linestyle="--", linewidth=2)
    ax.annotate(
        f"{soldiers:,.0f} soldiers",
        xy=(0.5, soldiers),
        xytext=(0, 6),
        textcoords="offset points",
        color=style.PALETTE["blue"],
    )
    if covered <= days:
        ax.plot([covered], [soldiers], marker="o", color=style.PALETTE["black"], linestyle="none")
        ax.annotate(
            f"used up after {covered:.1f} days",
            xy=(covered, soldiers),
            xytext=(10, -22),
            textcoords="offset points",
        )
    ax.set_xlim(0, days)
    ax.set_ylim(0, max(line["losses"].iloc[-1], soldiers) * 1.1)
    ax.set_xlabel("days from arrival")
    ax.set_ylabel("people")
    ax.yaxis.set_major_formatter("{x:,.0f}")
    style.add_source(fig, source_line(*source_ids))
    return fig
