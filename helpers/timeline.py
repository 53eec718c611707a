"""What happened after the article: a dated timeline, the article's forecasts scored, Brier scores.

Every figure in the timeline comes from ``seeds/facts.csv``: ``seeds/timeline.csv`` only says
which facts belong to it, how to group them and how to label them, so the two cannot drift.

>>> t = timeline()
>>> t.loc[t["fact_id"] == "yonhap_total_13000", ["date", "value"]].values.tolist()
[['2025-09-02', 13000.0]]
>>> brier_score([1.0, 0.0], [1, 0])
0.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import pandas as pd
from matplotlib.dates import MonthLocator, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from helpers import seedfile, style
from helpers._validate import require_number, require_share
from helpers.language import language, month_year, number_text, tr
from helpers.language import number as number_
from helpers.sources import claim, fact, facts, table
from helpers.style import chart_source_line

__all__ = [
    "CATEGORIES",
    "KINDS",
    "COIN_FLIP",
    "FORECASTS",
    "timeline",
    "timeline_table",
    "figure_of",
    "deployment_totals",
    "casualty_estimates",
    "forecast_outcomes",
    "article_forecasts",
    "months_between",
    "squared_error",
    "brier_score",
    "brier_breakdown",
    "draw_numbers_over_time",
    "draw_brier",
    "BrierChart",
]

CATEGORIES = ("deployment", "casualties", "confirmation", "payments", "other")
# "one side's claim": what a party to the war says about the other side (e.g. an intercept
# released by Ukraine's intelligence), which nobody else has confirmed.
KINDS = ("reported fact", "estimate", "official claim", "one side's claim")
# The Brier score of someone who says 50% to everything: the score to beat.
COIN_FLIP = 0.25
ARTICLE_MONTH = "2024-10"


def _when(as_of: str) -> pd.Timestamp:
    """A date for plotting: a month alone is placed mid-month, a year alone mid-year.

    >>> _when("2024-10"), _when("2025")
    (Timestamp('2024-10-15 00:00:00'), Timestamp('2025-07-01 00:00:00'))
    """
    if not isinstance(as_of, str) or not seedfile.is_date(as_of):
        raise ValueError(f"as_of must be a date like 2025, 2024-10 or 2024-10-16, got {as_of!r}")
    parts = as_of.split("-")
    if len(parts) == 1:
        return pd.Timestamp(f"{as_of}-07-01")
    if len(parts) == 2:
        return pd.Timestamp(f"{as_of}-15")
    return pd.Timestamp(as_of)


@cache
def _timeline() -> pd.DataFrame:
    # Categories, kinds and that every fact_id is in facts.csv: checked as the file loads, by
    # its schema in helpers/seedfile.py (a SeedError names the line and column).
    rows = table("timeline")
    known = facts().set_index("id")
    joined = rows.join(
        known[["value", "low", "high", "unit", "as_of", "source", "caveat"]], on="fact_id"
    )
    joined = joined.rename(columns={"as_of": "date"})
    joined["when"] = joined["date"].map(_when)
    columns = [
        "date",
        "when",
        "event_en",
        "category",
        "measure",
        "value",
        "low",
        "high",
        "unit",
        "kind",
        "fact_id",
        "source",
        "caveat",
    ]
    return joined[columns].sort_values("when", kind="stable").reset_index(drop=True)


def timeline() -> pd.DataFrame:
    """One row per reported event after the article, oldest first, figures joined from facts.

    Columns: ``date`` (as the source dates it), ``when`` (a Timestamp for charts),
    ``event_en``, ``category``, ``measure``, ``value``, ``low``, ``high``, ``unit``,
    ``kind`` (reported fact / estimate / official claim / one side's claim), ``fact_id``, ``source``, ``caveat``.

    >>> t = timeline()
    >>> set(t["category"]) == set(CATEGORIES)
    True
    >>> t["when"].is_monotonic_increasing
    True
    """
    return _timeline().copy()


def _tail(unit: str) -> str:
    """A unit (or what follows a currency code) in the language in use, after a space."""
    return f" {tr(unit.strip())}" if unit.strip() else ""


def _money(value: float, unit: str) -> str:
    if unit.startswith("USD") and abs(value) < 1e6:  # $800 a month, not "$0.0008 million"
        dollar = "$ " if language() == "nl" else "$"
        amount = number_(value) if float(value).is_integer() else number_(value, 2)
        return f"{dollar}{amount}{_tail(unit[3:])}"
    if unit.startswith("USD"):
        scale = tr("billion") if value >= 1e9 else tr("million")
        amount = number_text(f"{value / (1e9 if value >= 1e9 else 1e6):,.3g}")
        dollar = "$ " if language() == "nl" else "$"  # Dutch writes the sign apart: $ 2.000
        return f"{dollar}{amount} {scale}{_tail(unit[3:])}"
    amount = number_text(f"{value / 1e12:,.3g}")
    return tr("{amount} trillion won").format(amount=amount) + _tail(unit[3:])


def _figure_text(value: float | None, low: float | None, high: float | None, unit: str) -> str:
    """A figure as a reader says it: 'about 12,000 troops', 'more than 6,000 casualties'.

    ``None`` means the source gives no such number. A low bound equal to the value and no
    high bound means 'at least'; a range without a value is shown as a range. Money is
    shown in millions or billions.

    >>> _figure_text(3000.0, 3000.0, None, "troops")
    'at least 3,000 troops'
    >>> _figure_text(None, 320e6, 1.3e9, "USD per year")
    '$320 million to $1.3 billion per year'
    >>> _figure_text(800.0, None, None, "USD per month")
    '$800 per month'
    >>> _figure_text(1.0, None, None, "translators per 30 soldiers")
    '1 translator per 30 soldiers'
    >>> _figure_text(None, None, None, "")
    ''
    """

    def number(x: float) -> str:
        if unit.startswith(("USD", "KRW")):
            return _money(x, unit.split(" ")[0])
        return number_(x)

    if not isinstance(unit, str):
        raise TypeError(f"unit must be text, got {unit!r}")
    value, low, high = (
        None if x is None else require_number(name, x)
        for name, x in (("value", value), ("low", low), ("high", high))
    )

    def missing(x: float | None) -> bool:
        return x is None

    tail = unit[3:] if unit.startswith(("USD", "KRW")) else f" {unit}"
    if missing(value):
        if missing(low) and missing(high):
            return ""
        if missing(high):
            return tr("at least {figure}").format(figure=number(low) + _tail(tail))
        if missing(low):
            return tr("up to {figure}").format(figure=number(high) + _tail(tail))
        return tr("{low} to {high}").format(low=number(low), high=number(high) + _tail(tail))
    if value == 1 and tail.split(" ")[1].endswith("s"):  # '1 translator', not '1 translators'
        first, _, rest = tail[1:].partition(" ")
        tail = f" {first[:-1]} {rest}".rstrip()
    if not missing(low) and low == value and missing(high):
        return tr("at least {figure}").format(figure=number(value) + _tail(tail))
    return f"{number(value)}{_tail(tail)}"


def figure_of(fact_id: str) -> str:
    """A fact's figure as a reader says it, with 'at least' where the source says so.

    >>> figure_of("nk_casualties_2025_06")
    'at least 6,000 casualties'
    """
    f = fact(fact_id)
    return _figure_text(f.value, f.low, f.high, f.unit)


def timeline_table(category: str | None = None) -> pd.DataFrame:
    """The timeline as a reader's table: date, what happened, the figure, its kind, its source.

    >>> list(timeline_table("confirmation")["date"])
    ['2025-04-26', '2025-04-28']
    """
    rows = timeline()
    if category is not None:
        if category not in CATEGORIES:
            raise ValueError(f"category must be one of {CATEGORIES}, got {category!r}")
        rows = rows[rows["category"] == category]
    figures = [
        _figure_text(*(None if pd.isna(x) else x for x in (r.value, r.low, r.high)), r.unit)
        for r in rows.itertuples()
    ]
    # Headings stay as they are (code looks columns up by them: helpers/lesson06.py names
    # them for the reader); the seeds' words are shown in the language in use.
    return pd.DataFrame(
        {
            "date": rows["date"],
            "what was reported": [tr(text) for text in rows["event_en"]],
            "figure": figures,
            "kind": [tr(text) for text in rows["kind"]],
            "source": [tr(text) for text in rows["source"]],
        }
    ).reset_index(drop=True)


def deployment_totals() -> pd.DataFrame:
    """Estimates of how many North Korean soldiers had been sent in all, by date.

    >>> deployment_totals()["value"].tolist()
    [10000.0, 11000.0, 14000.0, 13000.0]
    """
    rows = timeline()
    return rows[rows["measure"] == "total sent"].reset_index(drop=True)


def casualty_estimates() -> pd.DataFrame:
    """Estimates of North Korean casualties (killed and wounded) and of the killed, by date.

    >>> casualty_estimates()["measure"].value_counts().to_dict()
    {'casualties': 5, 'killed': 2}
    """
    rows = timeline()
    return rows[rows["category"] == "casualties"].reset_index(drop=True)


def months_between(start: str, end: str) -> int:
    """Whole calendar months from one 'YYYY-MM...' date to another.

    >>> months_between("2024-10", "2025-09-02")
    11
    >>> months_between("Oct 2024", "2025-09")
    Traceback (most recent call last):
    ...
    ValueError: start must be a date written YYYY-MM or YYYY-MM-DD, e.g. '2024-10', got 'Oct 2024'
    """
    for name, text in (("start", start), ("end", end)):
        if not isinstance(text, str):
            raise TypeError(f"{name} must be a date like '2024-10', got {text!r}")
        if not seedfile.is_date(text, ("YYYY-MM", "YYYY-MM-DD")):
            raise ValueError(
                f"{name} must be a date written YYYY-MM or YYYY-MM-DD, e.g. '2024-10', got {text!r}"
            )
    a, b = pd.Period(start[:7], "M"), pd.Period(end[:7], "M")
    if b < a:
        raise ValueError(f"end ({end!r}) must not be before start ({start!r})")
    return (b - a).n


# --- Forecasts a reader could have made in October 2024, resolved by the timeline --------


@dataclass(frozen=True)
class Forecast:
    """A yes/no forecast, the deadline it is about, and how the timeline resolves it."""

    key: str
    text: str
    deadline: str


def _by(rows: pd.DataFrame, deadline: str) -> pd.DataFrame:
    return rows[rows["when"] <= pd.Timestamp(deadline)]


def _resolve(key: str) -> tuple[int, str]:
    """(outcome 0 or 1, the fact id that settles it)."""
    if key == "more_than_12000":
        totals = _by(deployment_totals(), "2025-09-30")
        hit = totals[totals["value"] > fact("nis_decided_12000").value]
        return int(not hit.empty), (hit if not hit.empty else totals)["fact_id"].iloc[0]
    if key == "casualties_2024":
        found = _by(casualty_estimates(), "2024-12-31")
        return int(not found.empty), "nk_casualties_2024_12"
    if key == "russia_admits_2024":
        when = _when(fact("russia_confirms_2025_04_26").as_of)
        return int(when <= pd.Timestamp("2024-12-31")), "russia_confirms_2025_04_26"
    if key == "half_casualties":
        first_wave = fact("nis_kursk_11000").value
        found = _by(casualty_estimates(), "2025-06-30")
        hit = found[(found["measure"] == "casualties") & (found["value"] > first_wave / 2)]
        return int(not hit.empty), "nk_casualties_2025_06"
    if key == "nk_admits_1000":
        return int(fact("nk_killed_claimed_by_nk").value > 1000), "nk_killed_claimed_by_nk"
    raise KeyError(f"no forecast {key!r}")


def _forecasts(tr: Callable[[str], str] = tr) -> tuple[Forecast, ...]:
    """The five forecasts, their texts in the language in use (``tr=str``: in English)."""
    return (
        Forecast(
            "more_than_12000",
            tr(
                "By September 2025, reports say more than 12,000 North Korean soldiers were sent in all."
            ),
            "2025-09",
        ),
        Forecast(
            "casualties_2024",
            tr(
                "Before 2025, North Korean soldiers are reported killed or wounded in the fighting."
            ),
            "2024-12",
        ),
        Forecast(
            "russia_admits_2024",
            tr("Before 2025, Russia publicly admits that North Korean soldiers fight for it."),
            "2024-12",
        ),
        Forecast(
            "half_casualties",
            tr(
                "By mid-2025, an estimate says more than half of the soldiers in the first wave "
                "were killed or wounded."
            ),
            "2025-06",
        ),
        Forecast(
            "nk_admits_1000",
            tr("By September 2025, North Korea itself admits more than 1,000 soldiers lost."),
            "2025-09",
        ),
    )


FORECASTS: tuple[Forecast, ...] = _forecasts(tr=str)  # in English, for code


@cache
def _outcomes() -> tuple[tuple[str, int, str], ...]:
    """(key, outcome, evidence) per forecast, worked out once: slider redraws reuse it."""
    return tuple((f.key, *_resolve(f.key)) for f in FORECASTS)


@cache
def _brier_source_line(language_: str) -> str:
    """The Brier chart's source line, in ``language_`` (the one in use: it is cached)."""
    return chart_source_line(*sorted({evidence for _, _, evidence in _outcomes()}))


def forecast_outcomes() -> pd.DataFrame:
    """The five calibration forecasts with what happened (1 = yes, 0 = no) and the evidence.

    >>> forecast_outcomes()["outcome"].tolist()
    [1, 1, 0, 1, 0]
    """
    rows = [
        {
            "key": f.key,
            "forecast": f.text,
            "deadline": f.deadline,
            "outcome": outcome,
            "evidence": evidence,
        }
        for f, (_, outcome, evidence) in zip(_forecasts(), _outcomes(), strict=True)
    ]
    return pd.DataFrame(rows)


def article_forecasts() -> pd.DataFrame:
    """The article's forecasts and suggestions beside what was reported later, with a verdict.

    ``held_up`` is True, False, or None where a number cannot settle it (an opinion).

    >>> article_forecasts().set_index("claim")["held_up"].to_dict()["guard_duty_idea"]
    False
    """
    article = claim("nk_soldiers_left").value
    totals = deployment_totals()
    latest = totals.iloc[-1]
    extra_per_month = (latest["value"] - article) / months_between(ARTICLE_MONTH, latest["date"])
    first_casualties = casualty_estimates().iloc[0]
    uk = fact("nk_casualties_2025_06")
    killed = fact("nk_killed_2025_09")
    n = number_
    rows = [
        (
            "nk_soldiers_left",
            tr(
                "Estimates in the weeks after: {us} (Pentagon), {kursk} in Kursk (South Korea); "
                "{planned} planned."
            ).format(
                us=n(fact("us_estimate_10000").value),
                kursk=n(fact("nis_kursk_11000").value),
                planned=n(fact("nis_decided_12000").value),
            ),
            tr("right, at the low end"),
            True,
        ),
        (
            "many_more_coming",
            tr(
                "Totals rose to about {total} by {month} (Ukraine said {ukraine}): about "
                "{extra} extra a month; {third} deminers and builders announced."
            ).format(
                total=n(latest["value"]),
                month=_month(latest["date"]),
                ukraine=n(fact("ukraine_total_14000").value),
                extra=n(extra_per_month),
                third=n(fact("third_wave_6000").value),
            ),
            tr("partly right: more came, but thousands, not tens of thousands"),
            bool(latest["value"] > article),
        ),
        (
            "front_uncertain",
            tr(
                "They fought in Kursk: first casualty estimate {first_month} ({first}); by "
                "{uk_month} UK Defence Intelligence judged it highly likely that more than "
                "{uk} had been killed or wounded."
            ).format(
                first_month=_month(first_casualties["date"]),
                first=n(first_casualties["value"]),
                uk_month=_month(uk.as_of),
                uk=n(uk.value),
            ),
            tr("a fair doubt in October 2024, settled: they did fight"),
            True,
        ),
        (
            "guard_duty_idea",
            tr(
                "Ukraine's National Resistance Center claimed some North Koreans manned "
                "checkpoints, but the first wave was mostly sent into combat."
            ),
            tr("mostly wrong for the first wave"),
            False,
        ),
        (
            "language_barrier",
            tr(
                "A plan released by Ukraine's intelligence (one side's claim): "
                "{translators} translator and {escorts} Russian soldiers per 30; about "
                "{commands} Russian commands taught (South Korean intelligence)."
            ).format(
                translators=n(fact("translators_per_30").value),
                escorts=n(fact("russian_escorts_per_30").value),
                commands=n(fact("russian_commands_taught").value),
            ),
            tr("right: both sides had to work around it"),
            True,
        ),
        (
            "big_gamble",
            tr(
                "South Korean intelligence estimated about {killed} North Korean soldiers "
                "killed; a South Korean institute put North Korea's gains from the whole deal "
                "at {gains} (arms, troops and goods)."
            ).format(killed=n(killed.value), gains=figure_of("kida_total_gains_usd")),
            tr("an opinion: numbers inform it but cannot settle it"),
            None,
        ),
    ]
    frame = pd.DataFrame(rows, columns=["claim", "what was reported later", "verdict", "held_up"])
    frame.insert(1, "the article said", [_article_words(c) for c in frame["claim"]])
    return frame


def _month(date: str) -> str:
    """A report's month: '2025-09' in English (as the sources date it), 'september 2025' in Dutch."""
    return date[:7] if language() == "en" else month_year(date[:7], long=True)


def _article_words(claim_id: str) -> str:
    """What the article says: our English rendering, or in Dutch the article's own words."""
    c = claim(claim_id)
    return c.text if language() == "en" else c.quote_nl


# --- Scoring probabilities -----------------------------------------------------------------


def _outcome(name: str, value: object) -> int:
    number = require_number(name, value)
    if number not in (0.0, 1.0):
        raise ValueError(f"{name} must be 0 (did not happen) or 1 (happened), got {value!r}")
    return int(number)


def squared_error(probability: float, outcome: int) -> float:
    """One forecast's penalty: (probability - outcome) squared, from 0 (best) to 1 (worst).

    ``probability`` is between 0 and 1; ``outcome`` is 1 if it happened, 0 if not.

    >>> round(squared_error(0.8, 1), 2)
    0.04
    >>> squared_error(0.8, 2)
    Traceback (most recent call last):
    ...
    ValueError: outcome must be 0 (did not happen) or 1 (happened), got 2
    """
    p = require_share("probability", probability)
    return (p - _outcome("outcome", outcome)) ** 2


def brier_score(probabilities: Sequence[float], outcomes: Sequence[int]) -> float:
    """The Brier score: the average squared error of probability forecasts (lower is better).

    0 is perfect; saying 50% to everything scores 0.25 (``COIN_FLIP``); 1 is always
    certain and always wrong.

    >>> brier_score([0.9, 0.5, 0.2], [1, 1, 0])
    0.1
    >>> brier_score([0.9], [1, 0])
    Traceback (most recent call last):
    ...
    ValueError: probabilities and outcomes must have the same length, got 1 and 2
    """
    for name, seq in (("probabilities", probabilities), ("outcomes", outcomes)):
        if isinstance(seq, (str, bytes)) or not isinstance(seq, Sequence):
            raise TypeError(f"{name} must be a list of numbers, got {seq!r}")
    if len(probabilities) != len(outcomes):
        raise ValueError(
            "probabilities and outcomes must have the same length, "
            f"got {len(probabilities)} and {len(outcomes)}"
        )
    if not probabilities:
        raise ValueError("probabilities must hold at least one forecast")
    errors = [
        (require_share(f"probabilities[{i}]", p) - _outcome(f"outcomes[{i}]", o)) ** 2
        for i, (p, o) in enumerate(zip(probabilities, outcomes, strict=True))
    ]
    return round(sum(errors) / len(errors), 12)


def brier_breakdown(probabilities: Sequence[float]) -> pd.DataFrame:
    """Your probability for each of the five forecasts, what happened and your penalty.

    >>> brier_breakdown([0.5] * 5)["penalty"].tolist()
    [0.25, 0.25, 0.25, 0.25, 0.25]
    """
    outcomes = forecast_outcomes()
    if len(probabilities) != len(outcomes):
        raise ValueError(
            f"probabilities must hold {len(outcomes)} numbers, one per forecast, "
            f"got {len(probabilities)}"
        )
    outcomes["probability"] = [
        require_share(f"probabilities[{i}]", p) for i, p in enumerate(probabilities)
    ]
    outcomes["penalty"] = [
        squared_error(p, o)
        for p, o in zip(outcomes["probability"], outcomes["outcome"], strict=True)
    ]
    return outcomes[["key", "forecast", "probability", "outcome", "penalty"]]


# --- Charts --------------------------------------------------------------------------------


def _short_forecast(tr: Callable[[str], str] = tr) -> dict[str, str]:
    """Each forecast in a few words, in the language in use (``tr=str``: in English)."""
    return {
        "more_than_12000": tr("over 12,000 sent"),
        "casualties_2024": tr("killed or wounded in 2024"),
        "russia_admits_2024": tr("Russia admits in 2024"),
        "half_casualties": tr("half of 1st wave killed or wounded"),
        "nk_admits_1000": tr("N. Korea admits 1,000 lost"),
    }


SHORT_FORECAST = _short_forecast(tr=str)  # in English, for code


def draw_numbers_over_time() -> Figure:
    """Chart: estimates of soldiers sent and of casualties, by the date they were reported.

    >>> fig = draw_numbers_over_time()
    >>> [line.get_label() for line in fig.axes[0].lines][:2]
    ['soldiers sent in all', 'killed and wounded']
    """
    totals = deployment_totals()
    hurt = casualty_estimates()
    wounded = hurt[hurt["measure"] == "casualties"]
    killed = hurt[(hurt["measure"] == "killed") & (hurt["kind"] == "estimate")]
    own = hurt[hurt["kind"] == "official claim"]
    fig, ax = style.figure(8.0, 5.0, right_room=2.2)
    p = style.PALETTE
    series = [
        (totals, tr("soldiers sent in all"), p["blue"], "o"),
        (wounded, tr("killed and wounded"), p["vermillion"], "s"),
        (killed, tr("killed"), p["black"], "^"),
        (own, tr("North Korea's own figure"), p["purple"], "D"),
    ]
    # Each estimate is a point of its own: different sources, counting different things, are
    # never joined into a line. A lower bound ("at least", "more than") is an upward caret.
    for rows, label, colour, marker in series:
        at_least = (rows["low"] == rows["value"]) & rows["high"].isna()
        ax.plot(
            rows.loc[~at_least, "when"],
            rows.loc[~at_least, "value"],
            marker=marker,
            color=colour,
            label=label,
            linestyle="none",
            markersize=7,
        )
        for _, row in rows[at_least].iterrows():
            ax.plot(
                [row["when"]],
                [row["value"]],
                marker=6,  # a caret pointing up: the true number may be higher
                color=colour,
                linestyle="none",
                markersize=11,
                markeredgewidth=2,
                label=f"_{label}: at least",
            )
            ax.annotate(
                tr("at least {figure}").format(figure=number_(row["value"])),
                xy=(row["when"], row["value"]),
                xytext=(0 if language() == "en" else -17, 9),  # the wider Dutch: clear of labels
                textcoords="offset points",
                ha="center",
                color=colour,
                fontsize=9,
            )
        for _, row in rows.iterrows():  # who gave each estimate, under its point
            ax.annotate(
                tr(style.short_citation(row["fact_id"])[0]).split(",")[0],
                xy=(row["when"], row["value"]),
                xytext=(0, -15),
                textcoords="offset points",
                ha="center",
                color=style.GREY,
                fontsize=8,
            )
        last = rows.iloc[-1]
        style.label_end(ax, last["when"], last["value"], label, colour)
    article = claim("nk_soldiers_left").value
    when = _when(ARTICLE_MONTH)
    ax.plot([when], [article], marker="*", markersize=12, color=style.GREY, linestyle="none")
    ax.annotate(
        tr("the article: {figure}").format(figure=number_(article)),
        xy=(when, article),
        xytext=(-4, -30),
        textcoords="offset points",
        color=style.GREY,
        fontsize=10,
    )
    ax.set_ylim(0, totals["value"].max() * 1.1)
    ax.set_ylabel(tr("people (estimates)"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: number_(y)))
    ax.xaxis.set_major_locator(MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: month_year(num2date(x).date())))
    ids = [*totals["fact_id"], *hurt["fact_id"], "nk_soldiers_left"]
    style.add_source(fig, chart_source_line(*ids), width=105)
    return fig


class BrierChart(style.LiveChart):
    """Chart: your penalty on each forecast, your Brier score, and the 50-50 guesser's score.

    Built once; each ``update`` (a slider move) only changes the bar lengths and moves
    your score's line and label.

    >>> chart = BrierChart()
    >>> fig = chart.update(0.9, 0.6, 0.3, 0.2, 0.1)
    >>> fig.axes[0].texts[0].get_text()
    ' your Brier score 0.18'
    """

    def __init__(self) -> None:
        # What happened (1 or 0) for each forecast: it never changes, only your probabilities do.
        self.outcomes = outcomes = [outcome for _, outcome, _ in _outcomes()]
        fig, ax = style.figure(7.5, 3.8, right_room=0.4)
        fig.subplots_adjust(left=3.3 / 7.5)
        y = list(range(len(outcomes)))[::-1]
        # One neutral colour for every bar: what happened is written as text (yes / no), and
        # no outcome, least of all a casualty, is coloured as good or bad.
        self.bars = ax.barh(
            y,
            [0] * len(outcomes),
            color=style.PALETTE["blue"],
            height=0.6,
            label=tr("your penalty"),
        ).patches
        short = _short_forecast()
        labels = [f"{short[k]}: {tr('yes') if o else tr('no')}" for k, o, _ in _outcomes()]
        ax.set_yticks(y, labels)
        self.score_line = ax.axvline(0, color=style.PALETTE["black"], linewidth=2)
        ax.axvline(COIN_FLIP, color=style.GREY, linestyle="--", linewidth=1.5)
        # Your score's label sits just above the top bar.
        self.score_label = ax.text(0, len(y) - 0.45, "", fontsize=10)
        guesser = tr("50-50 guesser {score}").format(score=number_(COIN_FLIP, 2))
        ax.text(COIN_FLIP, -0.95, f" {guesser}", fontsize=10, color=style.GREY)
        ax.set_xlim(0, 1)
        ticks = ["0", "0.25", "0.5", "0.75", "1"]
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], [number_text(t) for t in ticks])
        ax.set_ylim(-1.1, len(y) - 0.1)
        ax.set_xlabel(tr("penalty: (probability - outcome)², lower is better"))
        ax.grid(axis="y", visible=False)
        style.add_source(fig, _brier_source_line(language()), width=100)
        super().__init__(fig)

    def update(  # type: ignore[override]
        self,
        more_than_12000: float = 0.5,
        casualties_2024: float = 0.5,
        russia_admits_2024: float = 0.5,
        half_casualties: float = 0.5,
        nk_admits_1000: float = 0.5,
    ) -> Figure:
        """Show the penalties for these five probabilities; return the figure."""
        given = {
            "more_than_12000": more_than_12000,
            "casualties_2024": casualties_2024,
            "russia_admits_2024": russia_admits_2024,
            "half_casualties": half_casualties,
            "nk_admits_1000": nk_admits_1000,
        }
        for name, value in given.items():
            require_share(name, value)
        penalties = [(p - o) ** 2 for p, o in zip(given.values(), self.outcomes, strict=True)]
        score = sum(penalties) / len(penalties)
        for bar, penalty in zip(self.bars, penalties, strict=True):
            bar.set_width(penalty)
        self.score_line.set_xdata([score, score])
        # Right of the line while there is room, else left of it (the label stays on the figure).
        self.score_label.set_x(score)
        self.score_label.set_horizontalalignment("left" if score < 0.6 else "right")
        text = tr("your Brier score {score}").format(score=number_(score, 2))
        self.score_label.set_text(f" {text}" if score < 0.6 else f"{text} ")
        return self.fig


def draw_brier(
    more_than_12000: float = 0.5,
    casualties_2024: float = 0.5,
    russia_admits_2024: float = 0.5,
    half_casualties: float = 0.5,
    nk_admits_1000: float = 0.5,
) -> Figure:
    """Chart: your penalty on each forecast, your Brier score, and the 50-50 guesser's score.

    (The same chart as ``BrierChart``, drawn new: for a one-off chart in a notebook.)

    >>> fig = draw_brier(1, 1, 0, 1, 0)
    >>> [float(b.get_width()) for b in fig.axes[0].patches]
    [0.0, 0.0, 0.0, 0.0, 0.0]
    """
    return BrierChart().update(
        more_than_12000, casualties_2024, russia_admits_2024, half_casualties, nk_admits_1000
    )
