"""Manpower arithmetic: soldiers as stocks, losses and recruits as flows.

>>> round(periods_sustained(10_000, 1_200), 2)
8.33
>>> per_period(1_200, 7)
8400.0
"""

from __future__ import annotations

import contextlib

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers import style
from helpers._validate import require_count, require_ids, require_number, require_number_or_array
from helpers.language import month_year, number, tr
from helpers.money import share_of
from helpers.sources import claim, fact, losses_monthly
from helpers.style import chart_source_line

__all__ = [
    "periods_sustained",
    "per_period",
    "cumulative_losses",
    "draw_days_covered",
    "DaysCoveredChart",
    "DAYS_PER_MONTH",
    "rate_table",
    "simulate_force",
    "monthly_gap",
    "army_shares",
    "soldiers_freed_after_escorts",
    "days_by_source",
    "RECRUITMENT_IDS",
    "recruitment_per_day",
    "draw_losses_series",
    "draw_days_by_source",
    "draw_force_path",
    "ForcePathChart",
]


def periods_sustained(soldiers: float, losses_per_period: float) -> float:
    """How many periods of losses a number of soldiers would replace: soldiers / losses.

    The period is the one the losses are counted in: losses per day give days (10,000
    soldiers at 1,200 a day: 8.3 days), a gap per month gives months. ``soldiers`` must be
    zero or more; ``losses_per_period`` must be more than zero (with no losses the question
    has no answer).

    >>> periods_sustained(10_000, 1_200)
    8.333333333333334
    >>> periods_sustained(600_000, 15_000)
    40.0
    >>> periods_sustained(10_000, 0)
    Traceback (most recent call last):
    ...
    ValueError: losses_per_period must be more than zero, got 0
    """
    count = require_number("soldiers", soldiers)
    rate = require_number("losses_per_period", losses_per_period, allow_zero=False)
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


def _whole_numbers(x: float, position: int | None = None) -> str:
    """A tick label: a whole number as the language in use writes it (1,000 or 1.000)."""
    return number(x)


def _year(x: float, position: int | None = None) -> str:
    """A tick label on an axis of years: the year as it is, with no thousands mark (2024)."""
    return f"{x:.0f}"


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


class DaysCoveredChart(style.LiveChart):
    """Chart: losses piling up day by day, against a one-off group of soldiers.

    The crossing point is ``periods_sustained(soldiers, losses_per_day)``. Built once; each
    ``update`` (a slider move) only moves the lines and labels.

    Where the losses are a source's "at least" figure (the article's 1,200 a day, when
    ``source_ids`` name it), the chart says so: the days are then at most what it shows.

    >>> chart = DaysCoveredChart()
    >>> fig = chart.update(soldiers=10_000, losses_per_day=1_200)
    >>> fig.axes[0].texts[-1].get_text()
    'lines cross at 8.3 days (at most)'
    >>> fig = chart.update(soldiers=10_000, losses_per_day=1_000)
    >>> fig.axes[0].texts[-1].get_text()
    'lines cross at 10.0 days'
    """

    def __init__(
        self,
        days: int = 30,
        source_ids: tuple[str, ...] = ("russia_losses_per_day", "nk_soldiers_left"),
    ) -> None:
        source_ids = require_ids("source_ids", source_ids)
        self.days = require_count("days", days, allow_zero=False)
        # Loss figures that the sources named give as lower bounds ("at least").
        self.lower_bounds = set()
        for id_ in source_ids:
            with contextlib.suppress(KeyError):
                given = claim(id_)
                if given.low is not None and given.low == given.value and given.high is None:
                    self.lower_bounds.add(given.value)
        fig, ax = style.figure(7.5, 4.0, right_room=1.9)
        self.ax = ax
        vermillion, blue = style.PALETTE["vermillion"], style.PALETTE["blue"]
        (self.losses,) = ax.plot([0, self.days], [0, 0], marker="", color=vermillion)
        style.label_end(ax, self.days, 0, "", vermillion)
        self.losses_label = ax.texts[-1]
        self.soldiers = ax.axhline(0, color=blue, linestyle="--", linewidth=2)
        self.soldiers_label = ax.annotate(
            "", xy=(0.5, 0), xytext=(0, 6), textcoords="offset points", color=blue
        )
        (self.crossing,) = ax.plot(
            [0], [0], marker="o", color=style.PALETTE["black"], linestyle="none"
        )
        self.crossing_label = ax.annotate(
            "", xy=(0, 0), xytext=(10, -22), textcoords="offset points"
        )
        ax.set_xlim(0, self.days)
        ax.set_xlabel(tr("days from arrival"))
        ax.set_ylabel(tr("people"))
        ax.yaxis.set_major_formatter(FuncFormatter(_whole_numbers))
        style.add_source(fig, chart_source_line(*source_ids))
        super().__init__(fig)

    def update(self, soldiers: float, losses_per_day: float) -> Figure:  # type: ignore[override]
        """Show ``soldiers`` against losses of ``losses_per_day``; return the figure."""
        rate = require_number("losses_per_day", losses_per_day, allow_zero=False)
        covered = periods_sustained(soldiers, rate)
        line = cumulative_losses(losses_per_day, self.days)
        last = float(line["losses"].iloc[-1])
        self.losses.set_data(line["day"].to_numpy(), line["losses"].to_numpy())
        self.losses_label.xy = (self.days, last)
        at_least = losses_per_day in self.lower_bounds
        losses_text = (
            tr("losses: at least\n{count} a day") if at_least else tr("losses at {count} a day")
        )
        self.losses_label.set_text(losses_text.format(count=number(losses_per_day)))
        self.soldiers.set_ydata([soldiers, soldiers])
        self.soldiers_label.set_text(tr("{count} soldiers").format(count=number(soldiers)))
        used_up = covered <= self.days
        self.crossing.set_data([covered], [soldiers])
        self.crossing_label.xy = (covered, soldiers)
        self.crossing_label.set_text(
            tr("lines cross at {days} days").format(days=number(covered, 1))
            + (" " + tr("(at most)") if at_least else "")
        )
        self.crossing.set_visible(used_up)
        self.crossing_label.set_visible(used_up)
        top = max(last, soldiers) * 1.1
        # Below the crossing while there is room above the x axis, else above it.
        low = soldiers < 0.25 * top
        self.crossing_label.set_position((10, 8) if low else (10, -22))
        # Then the soldiers' label moves to the right end, away from the crossing (which lies
        # in the left quarter of the axis).
        self.soldiers_label.xy = (self.days - 0.5 if low else 0.5, soldiers)
        self.soldiers_label.set_horizontalalignment("right" if low else "left")
        self.ax.set_ylim(0, top)
        return self.fig


def draw_days_covered(
    soldiers: float,
    losses_per_day: float,
    days: int = 30,
    source_ids: tuple[str, ...] = ("russia_losses_per_day", "nk_soldiers_left"),
) -> Figure:
    """Chart: losses piling up day by day, against a one-off group of soldiers.

    The crossing point is ``periods_sustained(soldiers, losses_per_day)``. (The same chart
    as ``DaysCoveredChart``, drawn new: for a one-off chart in a notebook.)

    >>> fig = draw_days_covered(10_000, 1_200)
    >>> fig.axes[0].get_xlabel()
    'days from arrival'
    """
    return DaysCoveredChart(days, source_ids).update(soldiers, losses_per_day)


# --- Notebook 03: stocks and flows ------------------------------------------------------

DAYS_PER_MONTH = 30  # the course's "month" for rates: 30 days (a calendar month has 28-31)

RATE_PERIODS: dict[str, int] = {"a day": 1, "a week": 7, "a 30-day month": 30, "a year": 365}


def rate_table(rate_per_day: float) -> pd.DataFrame:
    """A daily rate over a day, a week, a 30-day month and a year.

    >>> rate_table(1_200)
               period  days    people
    0           a day     1    1200.0
    1          a week     7    8400.0
    2  a 30-day month    30   36000.0
    3          a year   365  438000.0
    """
    rate = require_number("rate_per_day", rate_per_day)
    names = {
        "a day": tr("a day"),
        "a week": tr("a week"),
        "a 30-day month": tr("a 30-day month"),
        "a year": tr("a year"),
    }
    return pd.DataFrame(
        {
            tr("period"): [names.get(name, name) for name in RATE_PERIODS],
            tr("days"): list(RATE_PERIODS.values()),
            tr("people"): [per_period(rate, d) for d in RATE_PERIODS.values()],
        }
    )


def simulate_force(
    start: float,
    periods: int,
    losses_per_period: float,
    recruits_per_period: float,
    arrivals_per_period: float = 0,
) -> pd.DataFrame:
    """A force's size period by period: force(t) = force(t-1) + recruits + arrivals - losses.

    The period is whatever the rates are per (a day, a 30-day month). Row 0 is the
    start (no flows yet); rows 1 to ``periods`` follow. A force cannot be negative: if
    the losses of a period would take it below zero, it is held at zero (the model has
    nobody left to lose), and ``change`` then shows only what was left to lose.

    >>> simulate_force(600_000, 2, losses_per_period=36_000, recruits_per_period=30_000)
       period     force   losses  recruits  arrivals  change
    0       0  600000.0      0.0       0.0       0.0     0.0
    1       1  594000.0  36000.0   30000.0       0.0 -6000.0
    2       2  588000.0  36000.0   30000.0       0.0 -6000.0
    >>> simulate_force(10, 2, 8, 0)["force"].tolist()
    [10.0, 2.0, 0.0]
    """
    force = require_number("start", start)
    length = require_count("periods", periods, allow_zero=False, maximum=10_000)
    lost = require_number("losses_per_period", losses_per_period)
    recruited = require_number("recruits_per_period", recruits_per_period)
    arrived = require_number("arrivals_per_period", arrivals_per_period)
    sizes = [force]
    for _ in range(length):
        sizes.append(max(0.0, sizes[-1] + recruited + arrived - lost))
    zeros_then = [0.0] + [1.0] * length
    frame = pd.DataFrame(
        {
            "period": range(length + 1),
            "force": sizes,
            "losses": [lost * z for z in zeros_then],
            "recruits": [recruited * z for z in zeros_then],
            "arrivals": [arrived * z for z in zeros_then],
        }
    )
    frame["change"] = frame["force"].diff().fillna(0.0)
    return frame


def monthly_gap(losses_per_day: float, recruits_per_day: float, days: float = 30) -> float:
    """Soldiers a force must find per ``days`` on top of its recruits: (losses - recruits) x days.

    It is also the break-even number of arrivals: what keeps the force the same size, where
    what comes in equals what goes out. Below zero, recruits outnumber losses and the force
    grows without help. Works on numbers and on numpy arrays (for ``uncertainty.monte_carlo``).

    >>> monthly_gap(1_200, 700)
    15000.0
    >>> monthly_gap(1_200, 700, days=7)
    3500.0
    >>> monthly_gap(700, 1_000)
    -9000.0
    """
    lost = require_number_or_array("losses_per_day", losses_per_day)
    recruited = require_number_or_array("recruits_per_day", recruits_per_day)
    length = require_number("days", days)
    return (lost - recruited) * length


def army_shares(deployed: list[float], army_sizes: dict[str, float]) -> pd.DataFrame:
    """Each deployment as a percentage of each army size: one row per deployment.

    >>> army_shares([10_000, 100_000], {"1 million": 1_000_000})
       soldiers sent  1 million
    0          10000        1.0
    1         100000       10.0
    """
    if not deployed or not army_sizes:
        raise ValueError("deployed and army_sizes must not be empty")
    rows = {"soldiers sent": [int(require_number("deployed", d)) for d in deployed]}
    for label, size in army_sizes.items():
        whole = require_number("army_sizes", size, allow_zero=False)
        rows[label] = [100 * share_of(d, whole) for d in deployed]
    return pd.DataFrame(rows)


def soldiers_freed_after_escorts(
    guards: float, escorts_per_guard: float, front_per_guard: float = 1.0
) -> float:
    """Russian soldiers a group of foreign guards frees for the front, after escorts.

    Each guard frees ``front_per_guard`` Russian soldiers (1 if one guard takes one post
    a Russian held), but ties up ``escorts_per_guard`` Russians to go with them (e.g.
    3 per 30 in an intercepted plan). A negative answer means the swap costs soldiers.

    >>> soldiers_freed_after_escorts(10_000, 3 / 30)
    9000.0
    """
    count = require_number("guards", guards)
    escorts = require_number("escorts_per_guard", escorts_per_guard)
    swap = require_number("front_per_guard", front_per_guard)
    return count * (swap - escorts)


RECRUITMENT_IDS: tuple[str, ...] = (
    "ru_recruits_per_day_claim",
    "ru_contracts_2024_claim",
    "ru_recruits_per_month_nyt",
    "ru_recruits_per_day_q2_2024",
    "ru_recruits_per_day_q3_2024",
)
# Days each recruitment figure's unit covers ("contracts" are signed over a year).
_DAYS_PER_UNIT = {"recruits per day": 1, "recruits per month": DAYS_PER_MONTH, "contracts": 365}


def recruitment_per_day(ids: tuple[str, ...] = RECRUITMENT_IDS) -> pd.DataFrame:
    """Russian recruitment figures from ``seeds/facts.csv``, each turned into people per day.

    A figure per month is divided by 30 days, a year's contracts by 365.

    >>> table = recruitment_per_day()
    >>> table.loc[table["id"] == "ru_recruits_per_month_nyt", "per_day"].round(1).item()
    916.7
    """
    rows = []
    for id_ in require_ids("ids", ids):
        f = fact(id_)
        if f.unit not in _DAYS_PER_UNIT:
            raise ValueError(f"ids: cannot turn {f.unit!r} ({id_}) into a rate per day")
        rows.append(
            {
                "id": id_,
                "figure": f.value,
                "unit": f.unit,
                "per_day": f.value / _DAYS_PER_UNIT[f.unit],
                "kind": f.kind,
                "source": f.citation,
            }
        )
    return pd.DataFrame(rows)


# The months each figure covers (first, last), so that a chart draws it over those months only.
_MONTHS_COVERED: dict[str, tuple[str, str]] = {
    "russia_losses_per_day": ("2024-08", "2024-10"),  # "in recent months", October 2024
    "ru_recruits_per_day_claim": ("2024-01", "2024-06"),  # Medvedev, July 2024: the year so far
    "ru_recruits_per_day_q2_2024": ("2024-04", "2024-06"),
    "ru_recruits_per_day_q3_2024": ("2024-07", "2024-09"),
}


def _months_covered(id_: str) -> tuple[float, float]:
    """Where the months a figure covers start and end on a chart's axis of years (2024.25 ...).

    >>> _months_covered("ru_recruits_per_day_q3_2024")
    (2024.5, 2024.75)
    """
    if id_ in _MONTHS_COVERED:
        first, last = _MONTHS_COVERED[id_]
    else:  # the whole year the source dates it in
        year = fact(id_).as_of[:4]
        first, last = f"{year}-01", f"{year}-12"
    a, b = pd.Period(first, "M"), pd.Period(last, "M")
    return a.year + (a.month - 1) / 12, b.year + b.month / 12


def draw_losses_series(
    recruit_ids: tuple[str, ...] = (
        "ru_recruits_per_day_claim",
        "ru_recruits_per_day_q3_2024",
        "ru_recruits_per_day_q2_2024",
    ),
    mark: str = "2024-10",
    until: str | None = None,
) -> Figure:
    """Chart: claimed Russian losses per day, month by month, beside recruitment rates.

    A line for the Ukrainian General Staff's monthly averages (up to the month ``until``, if
    given), a dot on ``mark``, and each other figure over the months it covers only: the
    article's "at least 1,200" (a lower bound: drawn with an upward caret), the official
    recruitment claim and a band for the independent estimates.

    >>> fig = draw_losses_series()
    >>> fig.axes[0].get_ylabel()
    'people per day'
    """
    if len(require_ids("recruit_ids", recruit_ids)) != 3:
        raise ValueError(
            "recruit_ids must be three fact ids: the official claim, a low and a high estimate"
        )
    monthly = losses_monthly()
    if until is not None:
        monthly = monthly[monthly["month"] <= pd.Period(until, "M")]
    x = monthly["month"].dt.year + (monthly["month"].dt.month - 1) / 12
    y = monthly["avg_per_day"]
    official, low_est, high_est = (fact(i).value for i in recruit_ids)
    article = claim("russia_losses_per_day").value
    fig, ax = style.figure(7.5, 4.6, right_room=0.3)
    blue, grey = style.PALETTE["blue"], style.GREY
    ax.plot(
        x, y, marker="", color=style.PALETTE["vermillion"], label=tr("losses (Ukraine's claims)")
    )
    # The independent estimates: a band over the months they cover (both quarters).
    spans = [_months_covered(i) for i in recruit_ids[1:]]
    b0, b1 = min(a for a, _ in spans), max(b for _, b in spans)
    low, high = sorted((low_est, high_est))
    ax.add_patch(
        Rectangle(
            (b0, low),
            b1 - b0,
            high - low,
            color=blue,
            alpha=0.25,
            linewidth=0,
            label=tr("recruits: independent estimates, Apr-Sep 2024"),
        )
    )
    o0, o1 = _months_covered(recruit_ids[0])
    ax.plot(
        [o0, o1],
        [official, official],
        color=blue,
        linestyle="--",
        linewidth=2,
        marker="",
        label=tr("recruits: official claim, first half of 2024"),
    )
    a0, a1 = _months_covered("russia_losses_per_day")
    ax.plot(
        [a0, a1],
        [article, article],
        color=style.PALETTE["black"],
        linewidth=2,
        marker="^",
        markersize=8,
        label=tr("article: at least {count} (▲), recent months").format(count=number(article)),
    )
    marked = monthly["month"] == pd.Period(mark, "M")
    if marked.any():
        mx, my = float(x[marked].iloc[0]), float(y[marked].iloc[0])
        ax.plot([mx], [my], marker="o", color=style.PALETTE["black"], linestyle="none")
        ax.annotate(
            tr("{month}: {count} a day").format(month=month_year(mark), count=number(my)),
            xy=(mx, my),
            xytext=(-165, 12),
            textcoords="offset points",
            arrowprops={"arrowstyle": "-", "color": grey},
        )
    end = float(x.iloc[-1])
    ax.set_xticks(range(int(x.iloc[0]), int(end) + 1))
    ax.xaxis.set_major_formatter(FuncFormatter(_year))
    ax.set_xlim(int(x.iloc[0]), max(end, b1, a1))
    ax.set_ylim(0, float(y.max()) * 1.5)
    ax.legend(loc="upper left", fontsize=10)
    ax.set_xlabel(tr("month"))
    ax.set_ylabel(tr("people per day"))
    ax.yaxis.set_major_formatter(FuncFormatter(_whole_numbers))
    ids = ("russia_losses_per_day", *recruit_ids)
    note = tr("Losses: Ukrainian General Staff claims, monthly averages.")
    style.add_source(fig, chart_source_line(*ids, note=note))
    return fig


def days_by_source(soldiers: float, rates: dict[str, float]) -> pd.DataFrame:
    """Days of losses ``soldiers`` replace, for each named loss rate (per day).

    >>> days_by_source(10_000, {"a": 1_000, "b": 2_000})["days"].tolist()
    [10.0, 5.0]
    """
    if not rates:
        raise ValueError("rates must name at least one losses-per-day figure")
    return pd.DataFrame(
        {
            "source": list(rates),
            "losses_per_day": [require_number("rates", r) for r in rates.values()],
            "days": [periods_sustained(soldiers, r) for r in rates.values()],
        }
    )


def _rate_name(name: str) -> str:
    """A loss rate's name (a key of ``rates``) in the language in use.

    A notebook names its rates in its own language; the names the English notebook 03
    uses are translated here too, so that its chart reads right in Dutch as well.
    """
    names = {
        "article: at least 1,200": tr("article: at least 1,200"),
        "UK (Healey), Oct 2024": tr("UK (Healey), Oct 2024"),
        "UK (Radakin), Oct 2024": tr("UK (Radakin), Oct 2024"),
    }
    return names.get(name, name)


def draw_days_by_source(
    soldiers: float,
    rates: dict[str, float],
    source_ids: tuple[str, ...],
    soldiers_id: str | None = "nk_soldiers_left",
) -> Figure:
    """Chart: horizontal bars, the days of losses that equal ``soldiers``, at each loss rate.

    ``soldiers_id`` is the claim or fact the number of soldiers comes from: the source line
    names it when it gives that number (the article's 10,000 by default).

    >>> fig = draw_days_by_source(10_000, {"a": 1_000, "b": 2_000}, ("russia_losses_per_day",))
    >>> [float(p.get_width()) for p in fig.axes[0].patches]
    [10.0, 5.0]
    """
    source_ids = require_ids("source_ids", source_ids)
    table = days_by_source(soldiers, rates)
    fig, ax = style.figure(7.5, 0.9 + 0.55 * len(table), right_room=0.9)
    ys = list(range(len(table)))[::-1]
    ax.barh(ys, table["days"], color=style.PALETTE["blue"], height=0.6)
    for y, days in zip(ys, table["days"], strict=True):
        ax.annotate(
            tr("{days} days").format(days=number(days, 1)),
            xy=(days, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
        )
    ax.set_yticks(ys, [_rate_name(name) for name in table["source"]])
    ax.set_xlabel(
        tr("days of reported losses equal to {count} arrivals").format(count=number(soldiers))
    )
    ax.grid(axis="y", visible=False)
    fig.subplots_adjust(left=3.2 / fig.get_size_inches()[0])
    if soldiers_id is not None and soldiers_id not in source_ids:
        from helpers.sources import claims

        given = claim(soldiers_id) if soldiers_id in set(claims()["id"]) else fact(soldiers_id)
        if given.value == soldiers:
            source_ids = (*source_ids, soldiers_id)
    style.add_source(fig, chart_source_line(*source_ids))
    return fig


def _spread(low_then_high: list[float], gap: float, floor: float = 0.0) -> list[float]:
    """Two label heights at least ``gap`` apart, centred on the two values, neither below ``floor``.

    >>> _spread([100.0, 105.0], gap=20)
    [92.5, 112.5]
    >>> _spread([0.0, 0.0], gap=20)
    [0.0, 20.0]
    >>> _spread([0.0, 500.0], gap=20, floor=10.0)
    [10.0, 500.0]
    """
    low, high = low_then_high
    if high - low >= gap:
        return [max(low, floor), max(high, floor + gap)]
    middle = max((low + high) / 2, gap / 2 + floor)  # keep the lower label above the floor
    return [middle - gap / 2, middle + gap / 2]


FORCE_PATH_SOURCES = (
    "russia_losses_per_day",
    "ru_recruits_per_day_claim",
    "nk_soldiers_left",
    "ru_troops_in_ukraine",
)


class ForcePathChart(style.LiveChart):
    """Chart: a force month by month (30-day months), with and without foreign arrivals.

    ``start`` is a model input; by default the estimate of Russian troops in Ukraine
    (``fact("ru_troops_in_ukraine")``). Two lines: the path with ``arrivals_per_month``
    and the path with none, each labelled at its end. Built once; ``update`` (a slider
    move) only moves the lines and labels.

    >>> chart = ForcePathChart()
    >>> fig = chart.update(losses_per_day=1_200, recruits_per_day=1_000, arrivals_per_month=0)
    >>> [int(line.get_ydata()[-1]) for line in fig.axes[0].lines[:2]]
    [528000, 528000]
    """

    def __init__(
        self, start: float | None = None, source_ids: tuple[str, ...] = FORCE_PATH_SOURCES
    ) -> None:
        source_ids = require_ids("source_ids", source_ids)
        begin = fact("ru_troops_in_ukraine").value if start is None else start
        self.begin = require_number("start", begin)
        fig, ax = style.figure(7.5, 4.0, right_room=2.4)
        fig.subplots_adjust(left=1.25 / 7.5)  # room for tick labels of seven digits (1,000,000)
        self.ax = ax
        self.paths = []
        for colour in (style.PALETTE["vermillion"], style.PALETTE["blue"]):
            (line,) = ax.plot([0, 1], [0, 0], marker="", color=colour)
            style.label_end(ax, 1, 0, "", colour)
            self.paths.append((line, ax.texts[-1]))
        ax.axhline(self.begin, color=style.GREY, linestyle=":", linewidth=1.2)
        self.start_label = ax.annotate(
            tr("start: {count} (dotted)").format(count=number(self.begin)),
            xy=(0, self.begin),
            xycoords=("axes fraction", "data"),
            xytext=(4, 4),
            textcoords="offset points",
            color=style.GREY,
            fontsize=9,
        )
        ax.set_xlabel(tr("months from now (30-day months)"))
        ax.set_ylabel(tr("soldiers (model)"))
        ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))  # few ticks: quicker redraws
        ax.yaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_formatter(FuncFormatter(_whole_numbers))
        start_note = " " + tr("Start: {count}, a model input.").format(count=number(self.begin))
        style.add_source(fig, chart_source_line(*source_ids) + start_note)
        super().__init__(fig)

    def update(  # type: ignore[override]
        self,
        losses_per_day: float,
        recruits_per_day: float,
        arrivals_per_month: float,
        months: int = 12,
    ) -> Figure:
        """Show the two paths for these rates over ``months``; return the figure."""
        length = require_count("months", months, allow_zero=False)
        arrivals_per_month = require_number("arrivals_per_month", arrivals_per_month)
        kwargs = {
            "start": self.begin,
            "periods": length,
            "losses_per_period": per_period(
                require_number("losses_per_day", losses_per_day), DAYS_PER_MONTH
            ),
            "recruits_per_period": per_period(
                require_number("recruits_per_day", recruits_per_day), DAYS_PER_MONTH
            ),
        }
        without = simulate_force(**kwargs)
        with_ = simulate_force(**kwargs, arrivals_per_period=arrivals_per_month)
        arrivals = number(arrivals_per_month)
        labels = (
            tr("no foreign arrivals"),
            tr("+{count} arrivals a month").format(count=arrivals),
        )
        short = (tr("no arrivals"), tr("+{count} a month").format(count=arrivals))
        top = max(with_["force"].max(), self.begin) * 1.15 or 1.0
        ends = [float(without["force"].iloc[-1]), float(with_["force"].iloc[-1])]
        # Two-line end labels while the ends are apart; one line each when they are close (so
        # each stays near its line). A label's middle stays half its height above the x axis.
        crowded = abs(ends[1] - ends[0]) < 0.17 * top
        if crowded:
            label_at = _spread(ends, gap=0.08 * top, floor=0.04 * top)
        else:
            label_at = _spread(ends, gap=0.17 * top, floor=0.07 * top)
        for (line, text), path, label, brief, end, at in zip(
            self.paths, (without, with_), labels, short, ends, label_at, strict=True
        ):
            line.set_data(path["period"].to_numpy(), path["force"].to_numpy())
            text.xy = (length, at)
            text.set_text(f"{brief}: {number(end)}" if crowded else f"{label}\n{number(end)}")
            text.set_fontsize(10 if crowded else 11)
        # The start's label on the side of its line that the paths leave free.
        self.start_label.set_position((4, -13) if min(ends) >= self.begin else (4, 4))
        self.ax.set_ylim(0, top)
        self.ax.set_xlim(0, length)
        return self.fig


def draw_force_path(
    losses_per_day: float,
    recruits_per_day: float,
    arrivals_per_month: float,
    months: int = 12,
    start: float | None = None,
    source_ids: tuple[str, ...] = FORCE_PATH_SOURCES,
) -> Figure:
    """Chart: a force month by month (30-day months), with and without foreign arrivals.

    The same chart as ``ForcePathChart``, drawn new: for a one-off chart in a notebook.

    >>> fig = draw_force_path(1_200, 1_000, 10_000, months=12)
    >>> [int(line.get_ydata()[-1]) for line in fig.axes[0].lines[:2]]
    [528000, 648000]
    """
    months = require_count("months", months, allow_zero=False, maximum=600)  # 50 years
    chart = ForcePathChart(start, source_ids)
    return chart.update(losses_per_day, recruits_per_day, arrivals_per_month, months)
