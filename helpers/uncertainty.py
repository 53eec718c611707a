"""Uncertainty: numbers as intervals, carried through arithmetic, tested by a seeded Monte Carlo.

A figure such as "at least 1,200 a day" or "one to two million" is a range, not a point.
This module keeps the range: ``Interval`` holds a low and a high end, ``interval_apply``
pushes intervals through any formula that only rises or only falls in each input,
``monte_carlo`` draws many possible inputs at random (with a fixed seed, so the result is
the same every time), and ``tornado_table`` shows which input moves the answer most.

>>> losses = span("russia_losses_per_day", "radakin_losses_per_day_2024_10")
>>> losses
Interval(low=1200.0, high=1500.0)
>>> interval_apply(lambda soldiers, losses: soldiers / losses, soldiers=Interval(10_000, 12_000),
...                losses=losses)
Interval(low=6.666666666666667, high=10.0)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from helpers import style
from helpers._validate import (
    require_count,
    require_ids,
    require_number,
    require_number_or_array,
    require_range,
    require_share,
)
from helpers.language import language, number, number_text, percent, tr
from helpers.manpower import monthly_gap
from helpers.sources import claim, claims, fact
from helpers.style import chart_source_line

__all__ = [
    "SEED",
    "DRAWS",
    "HEADLINE_SOURCES",
    "Interval",
    "span",
    "estimates",
    "hedges_as_intervals",
    "interval_apply",
    "monte_carlo",
    "middle_range",
    "share_above",
    "deployments_per_month",
    "headline_ranges",
    "tornado_table",
    "histogram",
    "draw_estimates",
    "draw_tornado",
    "draw_monte_carlo",
    "MonteCarloChart",
]

SEED = 2024  # any fixed number: the same seed gives the same random draws every time
DRAWS = 10_000

# The inputs of the headline result and the seeds that give each one its range.
HEADLINE_SOURCES: dict[str, tuple[str, ...]] = {
    "losses_per_day": (
        "russia_losses_per_day",
        "ukdi_losses_per_day_2024_10",
        "radakin_losses_per_day_2024_10",
    ),
    "recruits_per_day": (
        "ru_recruits_per_day_claim",
        "ru_recruits_per_day_q2_2024",
        "ru_recruits_per_day_q3_2024",
    ),
    "soldiers": ("sk_intel_10000", "nis_decided_12000"),
}


def _labels(tr: Callable[[str], str] = tr) -> dict[str, str]:
    """Short labels for charts and tables (who, and when): words only, never numbers.

    In the language in use; ``LABELS`` below holds them in English (``tr=str``: as written).
    """
    return {
        "nk_army_size": tr("the article: 'at least' ... 'even two million'"),
        "nk_active_cia_2024": tr("CIA World Factbook (Oct 2024)"),
        "nk_active_rok_2022": tr("South Korea's Defence White Paper (2022)"),
        "nk_active_reuters_2024": tr("Reuters factbox (Oct 2024)"),
        "nk_active_cia_2026": tr("CIA World Factbook (2026, 'as many as')"),
        "russia_losses_per_day": tr("the article: 'at least', British MoD"),
        "ukdi_losses_per_day_2024_10": tr("UK Defence Secretary, Oct 2024"),
        "radakin_losses_per_day_2024_10": tr("UK Chief of Defence Staff, Oct 2024"),
        "ru_recruits_per_day_claim": tr("Medvedev, official claim (mid-2024)"),
        "ru_recruits_per_day_q2_2024": tr("Kluge, budget data (Apr-Jun 2024)"),
        "ru_recruits_per_day_q3_2024": tr("Kluge, budget data (Jul-Sep 2024)"),
        "sk_intel_10000": tr("the article, citing South Korean intelligence"),
        "nis_decided_12000": tr("South Korean intelligence: decided to send"),
        "nis_troop_income_per_year": tr("South Korean intelligence: 'more than'"),
        "inss_troop_income_per_year": tr("South Korean analyst (INSS): scenario"),
    }


LABELS: dict[str, str] = _labels(tr=str)  # in English, for code that looks a label up by id


@dataclass(frozen=True)
class Interval:
    """A range from ``low`` to ``high`` (both included): what we know about an uncertain number.

    >>> Interval(1_200, 1_500).mid
    1350.0
    >>> Interval(1_200, 1_500).contains(1_354)
    True
    >>> Interval(1_500, 1_200)
    Traceback (most recent call last):
    ...
    ValueError: low (1500) must not be more than high (1200)
    """

    low: float
    high: float

    def __post_init__(self) -> None:
        low, high = require_range("low", self.low, "high", self.high, minimum=None)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @property
    def mid(self) -> float:
        """The middle of the range."""
        return (self.low + self.high) / 2

    @property
    def width(self) -> float:
        """High end minus low end."""
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies in the range (ends included, with a hair of rounding room)."""
        number = require_number("value", value, minimum=None)
        room = 1e-9 * max(1.0, abs(self.low), abs(self.high))
        return self.low - room <= number <= self.high + room

    def __str__(self) -> str:
        return tr("{low} to {high}").format(low=_fmt(self.low), high=_fmt(self.high))


def _fmt(x: float) -> str:
    """Big numbers with thousands separators, small ones to three significant figures."""
    return number(x) if abs(x) >= 100 else number_text(f"{x:.3g}")


def _ends(id_: str) -> list[float]:
    """Every number a claim or fact gives: its value, its low and its high end."""
    if not isinstance(id_, str):
        raise TypeError(f"ids must be claim or fact ids (text), got {id_!r}")
    item = claim(id_) if id_ in set(claims()["id"]) else fact(id_)
    found = [x for x in (item.value, item.low, item.high) if x is not None]
    if not found:
        raise ValueError(f"{id_!r} has no number to make a range from")
    return found


def span(*ids: str) -> Interval:
    """The range from the lowest to the highest figure any of these sources gives.

    >>> span("nk_active_cia_2024", "nk_active_reuters_2024")
    Interval(low=1000000.0, high=1300000.0)
    """
    if not ids:
        raise ValueError("span needs at least one claim or fact id")
    numbers = [x for id_ in ids for x in _ends(id_)]
    return Interval(min(numbers), max(numbers))


def estimates(*ids: str) -> pd.DataFrame:
    """Sources side by side for one quantity: value, range, date, kind and source.

    >>> estimates("ukdi_losses_per_day_2024_10", "radakin_losses_per_day_2024_10")["value"].tolist()
    [1354.0, 1500.0]
    """
    if not ids:
        raise ValueError("estimates needs at least one claim or fact id")
    headings = {
        "id": "id",
        "who": tr("who"),
        "value": tr("value"),
        "low": tr("low"),
        "high": tr("high"),
        "as of": tr("as of"),
        "kind": tr("kind"),
        "caveat": tr("caveat"),
    }
    return _estimates(*ids).rename(columns=headings)


def _estimates(*ids: str) -> pd.DataFrame:
    """``estimates`` with its columns named in English, for the charts; texts in the language in use."""
    labels = _labels()
    rows = []
    for id_ in ids:
        _ends(id_)  # checks the id and that it has a number
        in_article = id_ in set(claims()["id"])
        item = claim(id_) if in_article else fact(id_)
        rows.append(
            {
                "id": id_,
                "who": labels.get(id_, item.citation),
                "value": _nan_if_none(item.value),
                "low": _nan_if_none(item.low),
                "high": _nan_if_none(item.high),
                "as of": item.as_of,
                "kind": tr(item.kind),
                "caveat": tr(item.caveat)
                if not in_article
                else tr("hedge: {word}").format(word=_hedge(id_) or tr("none")),
            }
        )
    return pd.DataFrame(rows)


def _nan_if_none(x: float | None) -> float:
    return math.nan if x is None else x


def _hedge(id_: str) -> str:
    return claims().set_index("id").loc[id_, "hedge"]


def hedges_as_intervals(*ids: str) -> pd.DataFrame:
    """The article's claims read as ranges: low end, high end (blank = no limit) and a reading.

    >>> hedges_as_intervals("russia_losses_per_day")["reads as"].item()
    'at least 1,200 people per day, no upper limit given'
    """
    if not ids:
        raise ValueError("hedges_as_intervals needs at least one claim id")
    rows = []
    for id_ in ids:
        c = claim(id_)
        low = c.low if c.low is not None else c.value
        high = c.high if c.high is not None else (c.value if c.low is None else None)
        unit = tr(c.unit)
        if low is None:
            reads = tr("no number at all: a hedge you cannot calculate with")
        elif high is None:
            reads = tr("at least {low} {unit}, no upper limit given")
        elif high == low:
            reads = tr("{low} {unit}, a rounded figure with no range given")
        else:
            reads = tr("{low} to {high} {unit}")
        reads = reads.format(
            low=None if low is None else number(low),
            high=None if high is None else number(high),
            unit=unit,
        )
        rows.append(
            {
                tr("claim"): id_,
                tr("hedge"): _hedge(id_) or "-",
                tr("low"): low,
                tr("high"): high,
                tr("reads as"): reads,
            }
        )
    return pd.DataFrame(rows)


def _check_ranges(ranges: Mapping[str, object]) -> dict[str, Interval]:
    if not ranges:
        raise ValueError("give at least one input range, e.g. losses_per_day=Interval(1200, 1500)")
    for name, value in ranges.items():
        if not isinstance(value, Interval):
            raise TypeError(f"{name} must be an Interval, got {value!r}")
    return dict(ranges)


def interval_apply(func: Callable[..., float], **ranges: Interval) -> Interval:
    """The range of ``func``'s result when each input may be anywhere in its range.

    Tries every combination of low and high ends (2 inputs: 4 tries; 3 inputs: 8) and keeps
    the smallest and largest result. That is exact for formulas that only go up or only go
    down as each input grows (like ``soldiers / losses_per_day``), which covers this course.

    >>> interval_apply(lambda a, b: a - b, a=Interval(1_200, 1_500), b=Interval(700, 1_020))
    Interval(low=180.0, high=800.0)
    """
    if not callable(func):
        raise TypeError(f"func must be a function of numbers, got {func!r}")
    checked = _check_ranges(ranges)
    names = list(checked)
    results = [
        float(func(**dict(zip(names, corner, strict=True))))
        for corner in itertools.product(*[(checked[n].low, checked[n].high) for n in names])
    ]
    return Interval(min(results), max(results))


def monte_carlo(
    func: Callable[..., np.ndarray],
    draws: int = DRAWS,
    seed: int = SEED,
    **ranges: Interval,
) -> np.ndarray:
    """``func``'s results for ``draws`` random inputs, each drawn evenly from its range.

    ``func`` gets whole arrays (one value per draw), so it must use plain arithmetic that
    works on numpy arrays. The same ``seed`` always gives the same draws.

    >>> results = monte_carlo(lambda a, b: a - b, draws=5, a=Interval(1_200, 1_500),
    ...                       b=Interval(700, 1_020))
    >>> results.round(0).tolist()
    [657.0, 539.0, 535.0, 625.0, 744.0]
    >>> monte_carlo(lambda a: None, draws=5, a=Interval(0, 1))
    Traceback (most recent call last):
    ...
    TypeError: func returned nothing (None): it must return a number for each draw, e.g. lambda a, b: a - b
    """
    if not callable(func):
        raise TypeError(f"func must be a function of numbers, got {func!r}")
    count = require_count("draws", draws, allow_zero=False, maximum=1_000_000)
    start = require_count("seed", seed)
    checked = _check_ranges(ranges)
    rng = np.random.default_rng(start)
    inputs = {name: rng.uniform(r.low, r.high, count) for name, r in checked.items()}
    result = func(**inputs)
    if result is None:
        raise TypeError(
            "func returned nothing (None): it must return a number for each draw, "
            "e.g. lambda a, b: a - b"
        )
    try:
        results = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"func must return numbers, one per draw, got {result!r:.80}") from None
    if results.ndim == 0:  # the same number whatever the draws
        results = np.full(count, float(results))
    if results.shape != (count,):
        raise ValueError(f"func must return one number per draw ({count}), got {results.shape}")
    if np.isnan(results).any():
        raise ValueError(f"func returned NaN (not a number) for {np.isnan(results).sum()} draws")
    return results


def _results(name: str, results: object) -> np.ndarray:
    array = np.asarray(results, dtype=float) if isinstance(results, (np.ndarray, list)) else None
    if array is None or array.ndim != 1 or array.size == 0:
        raise TypeError(f"{name} must be a non-empty list or array of numbers, got {results!r}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold only finite numbers")
    return array


def middle_range(results: np.ndarray, share: float = 0.9) -> Interval:
    """The range holding the middle ``share`` of the results (0.9: from the 5th to 95th percentile).

    >>> print(middle_range(np.arange(101.0), 0.9))
    5 to 95
    """
    array = _results("results", results)
    keep = require_share("share", share, allow_zero=False)
    cut = (1 - keep) / 2 * 100
    low, high = np.percentile(array, [cut, 100 - cut])
    return Interval(float(low), float(high))


def share_above(results: np.ndarray, threshold: float) -> float:
    """The share (0 to 1) of results above ``threshold``.

    >>> share_above(np.array([0.5, 1.5, 2.5, 3.5]), 1)
    0.75
    """
    array = _results("results", results)
    line = require_number("threshold", threshold, minimum=None)
    return float((array > line).mean())


def deployments_per_month(
    losses_per_day: float, recruits_per_day: float, soldiers: float, days: float = 30
) -> float:
    """Deployments the size of ``soldiers`` needed each month to stop the force shrinking.

    ``manpower.monthly_gap`` (losses minus recruits, times the days in a month) divided by the
    size of one deployment. Below zero: recruits outnumber losses, and the force grows without
    help. Works on numbers and on numpy arrays (for ``monte_carlo``).

    >>> deployments_per_month(1_200, 1_000, 10_000)
    0.6
    >>> deployments_per_month(1_200, 1_000, 0)
    Traceback (most recent call last):
    ...
    ValueError: soldiers must be more than zero, got 0
    """
    gap = monthly_gap(losses_per_day, recruits_per_day, days)
    size = require_number_or_array("soldiers", soldiers, allow_zero=False)
    return gap / size


def headline_ranges() -> dict[str, Interval]:
    """The ranges of the headline result's inputs, each spanning its sources in ``seeds/``.

    >>> {name: str(r) for name, r in headline_ranges().items()}
    {'losses_per_day': '1,200 to 1,500', 'recruits_per_day': '700 to 1,020', 'soldiers': '10,000 to 12,000'}
    """
    return {name: span(*ids) for name, ids in HEADLINE_SOURCES.items()}


def tornado_table(
    func: Callable[..., float],
    ranges: Mapping[str, Interval],
    base: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """How far the result moves as each input runs across its range, the others held at ``base``.

    ``base`` defaults to each range's middle. Rows are sorted with the biggest swing first:
    the input that matters most.

    >>> t = tornado_table(lambda a, b: a - b, {"a": Interval(0, 10), "b": Interval(0, 2)})
    >>> t[["input", "at low", "at high", "swing"]].values.tolist()
    [['a', -1.0, 9.0, 10.0], ['b', 5.0, 3.0, 2.0]]
    """
    if not callable(func):
        raise TypeError(f"func must be a function of numbers, got {func!r}")
    checked = _check_ranges(ranges)
    point = {name: r.mid for name, r in checked.items()}
    if base is not None:
        for name, value in base.items():
            if name not in checked:
                raise KeyError(f"base has {name!r}, which is not one of the ranges")
            point[name] = require_number(name, value, minimum=None)
    centre = float(func(**point))
    rows = []
    for name, r in checked.items():
        at_low = float(func(**(point | {name: r.low})))
        at_high = float(func(**(point | {name: r.high})))
        rows.append(
            {
                "input": name,
                "low": r.low,
                "high": r.high,
                "at low": at_low,
                "at high": at_high,
                "swing": abs(at_high - at_low),
                "base result": centre,
            }
        )
    table = pd.DataFrame(rows).sort_values("swing", ascending=False, kind="stable")
    return table.reset_index(drop=True)


# Fixed bins of 0.1 deployments, so that slider moves compare (the x axis then zooms to the
# draws); wide enough for every slider position of notebook 05 but the most extreme corners.
BINS = np.round(np.arange(-25.0, 45.05, 0.1), 1)


def histogram(results: np.ndarray, edges: np.ndarray = BINS) -> tuple[np.ndarray, np.ndarray]:
    """Percent of results in each bin; results beyond the ends are counted in the end bins.

    >>> counts, edges = histogram(np.array([0.05, 0.05, 9.0, -9.0]), np.array([0.0, 0.1, 0.2]))
    >>> counts.tolist()
    [75.0, 25.0]
    """
    array = _results("results", results)
    bins = _results("edges", edges)
    if bins.size < 2 or (np.diff(bins) <= 0).any():
        raise ValueError("edges must be at least two numbers in increasing order")
    clipped = np.clip(array, bins[0], bins[-1])
    counts, _ = np.histogram(clipped, bins=bins)
    return counts / array.size * 100, bins


def _check_ids(ids: object) -> tuple[str, ...]:
    return require_ids("ids", ids)  # a bare text is refused, not read letter by letter


def _open_end(ax, rows, known, axis_end: float, arrow: str) -> None:
    """A dotted line from the known end of a range to the axis' end, with an arrow at the known
    end pointing the way the range is open ("at least": ">", "as many as": "<")."""
    colour = style.PALETTE["vermillion"]
    ax.hlines(rows, known, axis_end, color=colour, linestyles=":", linewidth=2)
    ax.plot(known + 0.0, rows, linestyle="none", marker=arrow, markersize=11, color=colour)


def draw_estimates(ids: tuple[str, ...], unit: str, scale: float = 1.0) -> Figure:
    """Chart: one row per source, a dot at its figure and a bar across its range.

    An open upper end ("at least") is drawn as an arrow pointing right, an open lower end
    ("as many as") as an arrow pointing left. ``scale`` divides
    every number (1e6 to show millions), and ``unit`` labels the axis.

    >>> fig = draw_estimates(("nk_active_cia_2024", "nk_active_rok_2022"), "million troops", 1e6)
    >>> fig.axes[0].get_yticklabels()[0].get_text()
    "South Korea's Defence White Paper (2022)"
    """
    chosen = _check_ids(ids)
    factor = require_number("scale", scale, allow_zero=False)
    table = _estimates(*chosen).iloc[::-1].reset_index(drop=True)
    low = table["low"].fillna(table["value"]) / factor
    high = table["high"] / factor
    value = table["value"].fillna(table["low"]) / factor
    fig, ax = style.figure(7.5, 0.9 + 0.45 * len(table), right_room=0.4)
    fig.subplots_adjust(left=3.6 / 7.5)
    rows = np.arange(len(table))
    closed = (table["low"].notna() & table["high"].notna()).to_numpy()
    open_ended = (table["low"].notna() & table["high"].isna()).to_numpy()  # "at least"
    if closed.any():
        ax.hlines(
            rows[closed],
            low[closed],
            high[closed],
            color=style.PALETTE["sky"],
            linewidth=6,
            alpha=0.8,
        )
    ax.plot(value, rows, linestyle="none", marker="o", color=style.PALETTE["blue"])
    top = np.nanmax(np.r_[high.to_numpy(dtype=float), value.to_numpy(dtype=float)])
    bottom = np.nanmin(low.to_numpy(dtype=float))
    pad = 0.08 * (top - bottom or top)
    if open_ended.any():  # a dotted line to the axis' end and an arrow: no upper end given
        _open_end(ax, rows[open_ended], low[open_ended], top + pad, ">")
    upper_only = (table["low"].isna() & table["high"].notna()).to_numpy()  # "as many as"
    if upper_only.any():  # a dotted line from the axis' start and an arrow pointing left
        _open_end(ax, rows[upper_only], high[upper_only], bottom - pad, "<")
    ax.set_yticks(rows, table["who"])
    ax.grid(axis="y", visible=False)
    ax.set_xlim(bottom - pad, top + pad)
    ax.set_xlabel(tr(unit))  # a lesson's English label in the language in use
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: number_text(f"{x:,.4g}")))
    style.add_source(fig, chart_source_line(*chosen))
    return fig


def _names() -> dict[str, str]:
    """The headline inputs in plain words, in the language in use."""
    return {
        "losses_per_day": tr("Russian losses per day"),
        "recruits_per_day": tr("Russian recruits per day"),
        "soldiers": tr("North Korean soldiers sent"),
    }


def _lesson_labels() -> tuple[str, ...]:
    """The axis labels lesson 05 gives ``draw_estimates`` and ``draw_tornado``, in the language
    in use: written here so that the Dutch catalogue holds them (the charts pass a label
    through ``tr``; a label the Dutch edition gives in Dutch is shown as it is)."""
    return (
        tr("active troops (millions)"),
        tr("people per day"),
        tr("North Korean deployments needed each month"),
    )


def draw_tornado(table: pd.DataFrame, label: str) -> Figure:
    """Chart: one bar per input, from the result at its low end to the result at its high end.

    The biggest swing is on top; a vertical line marks the result with every input at its middle.

    >>> t = tornado_table(deployments_per_month, headline_ranges())
    >>> fig = draw_tornado(t, "deployments a month")
    >>> t["input"].tolist()
    ['recruits_per_day', 'losses_per_day', 'soldiers']
    >>> round(float(fig.axes[0].patches[-1].get_width()), 2)  # the top bar is the widest
    0.87
    """
    if not isinstance(table, pd.DataFrame) or not {"input", "at low", "at high"} <= set(table):
        raise TypeError("table must be a tornado_table(...) result")
    if not isinstance(label, str) or not label:
        raise ValueError("label must be a non-empty axis label")
    rows = table.iloc[::-1].reset_index(drop=True)
    left = rows[["at low", "at high"]].min(axis=1)
    width = rows[["at low", "at high"]].max(axis=1) - left
    fig, ax = style.figure(7.5, 3.6, right_room=0.4)
    left_room = 2.4 if language() == "en" else 3.0  # room for the inputs' names
    fig.subplots_adjust(left=left_room / 7.5, top=1 - 0.45 / 3.6)
    plain = _names()
    names = [plain.get(n, n) for n in rows["input"]]
    positions = range(len(names))  # labelled below (style.figure's tick numbers off)
    ax.barh(positions, width, left=left, color=style.PALETTE["blue"], height=0.55)
    ax.set_yticks(positions, names)
    base = float(rows["base result"].iloc[0])
    ax.axvline(base, color=style.PALETTE["black"], linewidth=1.5)
    ax.annotate(
        tr("every input at its middle: {base}").format(base=number(base, 2)),
        xy=(base, 1),
        xycoords=("data", "axes fraction"),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        fontsize=10,
    )
    # Each bar's ends: the input's value that gives that end (for recruits, the low end of
    # the input gives the high end of the result).
    if {"low", "high"} <= set(rows):
        for y, row in rows.iterrows():
            ends = sorted([(row["at low"], row["low"]), (row["at high"], row["high"])])
            for (x, value), side in zip(ends, ("right", "left"), strict=True):
                ax.annotate(
                    _fmt(value),
                    xy=(x, y),
                    xytext=(-4 if side == "right" else 4, 0),
                    textcoords="offset points",
                    ha=side,
                    va="center",
                    fontsize=9,
                    color=style.GREY,
                )
    reach = float(width.max()) or 1.0
    ax.set_xlim(float(left.min()) - 0.2 * reach, float((left + width).max()) + 0.2 * reach)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(tr(label))  # a lesson's English label in the language in use
    ids = [i for n in rows["input"] for i in HEADLINE_SOURCES.get(n, ())]
    style.add_source(fig, chart_source_line(*ids) if ids else tr("Source: the ranges given."))
    return fig


class MonteCarloChart(style.LiveChart):
    """Chart: the spread of deployments needed per month, from 10,000 seeded random draws.

    Built once; each ``update`` (a slider move) redraws the draws and moves the shading,
    the dashed lines and the text box. Same arguments as ``draw_monte_carlo``.

    >>> chart = MonteCarloChart()
    >>> fig = chart.update(1_200, 1_500, 700, 1_020, 10_000, 12_000)
    >>> fig.axes[0].texts[0].get_text().splitlines()[0]
    'middle 90% of draws (dashed): 0.76 to 1.93'
    """

    def __init__(self) -> None:
        fig, ax = style.figure(7.5, 4.0)
        self.ax = ax
        # Placeholders: update() gives each its real position.
        self.exact_span = ax.axvspan(0, 1, color="#eeeeee", zorder=0)
        self.bars = ax.stairs(np.zeros(BINS.size - 1), BINS, fill=True, color=style.PALETTE["blue"])
        self.middle_lines = ax.vlines(
            [0, 1], 0, 1, colors=style.PALETTE["vermillion"], linestyles="--"
        )
        self.summary = ax.text(
            0.99, 0.97, "", transform=ax.transAxes, ha="right", va="top", fontsize=10
        )
        ax.set_xlabel(tr("North Korean deployments needed each month to stop the force shrinking"))
        ax.set_ylabel(tr("share of draws (%)"))
        style.add_source(fig, _monte_carlo_source(language()))
        super().__init__(fig)

    def update(  # type: ignore[override]
        self,
        losses_low: int,
        losses_high: int,
        recruits_low: int,
        recruits_high: int,
        soldiers_low: int,
        soldiers_high: int,
    ) -> Figure:
        """Draw the spread for these ranges (each pair swapped if low is above high)."""
        pairs = {
            "losses_per_day": ("losses_low", losses_low, "losses_high", losses_high),
            "recruits_per_day": ("recruits_low", recruits_low, "recruits_high", recruits_high),
            "soldiers": ("soldiers_low", soldiers_low, "soldiers_high", soldiers_high),
        }
        ranges = {}
        for name, (a_name, a, b_name, b) in pairs.items():
            lo = require_number(a_name, a)
            hi = require_number(b_name, b)
            ranges[name] = Interval(min(lo, hi), max(lo, hi))
        if ranges["soldiers"].low == 0:
            raise ValueError("soldiers_low must be more than zero")
        results = monte_carlo(deployments_per_month, **ranges)
        exact = interval_apply(deployments_per_month, **ranges)
        middle = middle_range(results)
        counts, edges = histogram(results)
        top = max(counts.max(), 1.0) * 1.25
        step = 0.5 if top < 2.5 else 1 if top < 5 else 5 if top < 25 else 10 if top < 50 else 20

        # The x axis fits all the draws (whole numbers, 0 always shown, at least 3 wide); the bins
        # stay fixed, so two slider positions with the same axis compare bar by bar.
        inner = results.min(), results.max()  # every bin that holds a draw is shown
        x0 = min(0.0, float(np.floor(min(inner[0], middle.low))))
        x1 = max(float(np.floor(max(inner[1], middle.high))) + 1, x0 + 3)
        x0, x1 = max(x0, float(edges[0])), min(x1, float(edges[-1]))
        width = x1 - x0
        x_step = 1 if width <= 6 else 2 if width <= 12 else 5 if width <= 30 else 10
        # Grey: the interval-arithmetic range, cut off at the ends of the x-axis.
        span_low, span_high = max(exact.low, x0), min(exact.high, x1)
        self.exact_span.set_x(span_low)
        self.exact_span.set_width(max(span_high - span_low, 0.0))
        self.bars.set_data(counts, edges)
        self.middle_lines.set_segments([[(x, 0), (x, top)] for x in (middle.low, middle.high)])
        self.summary.set_text(
            tr("middle {share} of draws (dashed): {low} to {high}").format(
                share=percent(90), low=number(middle.low, 2), high=number(middle.high, 2)
            )
            + "\n"
            + tr("interval arithmetic (grey): {low} to {high}").format(
                low=number(exact.low, 2), high=number(exact.high, 2)
            )
        )
        self.ax.set_xlim(x0, x1)
        self.ax.set_xticks(np.arange(np.ceil(x0 / x_step) * x_step, x1 + x_step / 2, x_step))
        self.ax.set_ylim(0, top * 1.15)
        self.ax.set_yticks(np.arange(0, top * 1.15, step))
        return self.fig


def draw_monte_carlo(
    losses_low: int,
    losses_high: int,
    recruits_low: int,
    recruits_high: int,
    soldiers_low: int,
    soldiers_high: int,
) -> Figure:
    """Chart: the spread of deployments needed per month, from 10,000 seeded random draws.

    Each slider pair sets one range (swapped if the low end is above the high end). Shaded:
    the interval-arithmetic range; dashed: the middle 90% of the draws. (The same chart as
    ``MonteCarloChart``, drawn new: for a one-off chart in a notebook.)

    >>> fig = draw_monte_carlo(1_200, 1_500, 700, 1_020, 10_000, 12_000)
    >>> fig.axes[0].get_xlabel()
    'North Korean deployments needed each month to stop the force shrinking'
    """
    return MonteCarloChart().update(
        losses_low, losses_high, recruits_low, recruits_high, soldiers_low, soldiers_high
    )


@cache
def _monte_carlo_source(language_: str) -> str:
    """The Monte Carlo chart's source line, in ``language_`` (the one in use: it is cached)."""
    ids = [i for group in HEADLINE_SOURCES.values() for i in group]
    note = tr("{draws} random draws, seed {seed}.").format(draws=number(DRAWS), seed=SEED)
    return chart_source_line(*ids, note=note)
