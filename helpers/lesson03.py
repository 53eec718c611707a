"""Ready tables for notebook 03, manpower arithmetic.

Each function returns a small table that is ready to read: labelled rows (no 0, 1, 2
index), whole numbers with thousands separators, and no ids, blanks or tuples. The
numbers come from ``seeds/`` through ``helpers.sources.fact`` and ``claim``.
"""

from __future__ import annotations

import pandas as pd

from helpers._validate import require_count, require_number
from helpers.manpower import army_shares, recruitment_per_day, simulate_force
from helpers.sources import claim, claims, fact, losses_monthly

__all__ = [
    "article_claims",
    "facts_table",
    "force_by_month",
    "army_share_table",
    "recruitment_table",
    "losses_in_month",
]


def _whole(x: float) -> str:
    """A number as a whole number with thousands separators: 1354.0 -> '1,354'."""
    return f"{x:,.0f}"


def _figure(f) -> str:
    """A fact's number, or its range when it has a low and a high."""
    if f.value is not None:
        return _whole(f.value)
    return f"{_whole(f.low)} to {_whole(f.high)}"


def article_claims(ids: list[str]) -> pd.DataFrame:
    """The article's claims with these ids: one row per claim, its kind and hedge word.

    >>> article_claims(["russia_losses_per_day"]).columns.tolist()
    ['kind', 'hedge word']
    """
    rows = {}
    for id_ in ids:
        c = claim(id_)
        rows[c.text] = {"kind": c.kind, "hedge word": _hedge(id_)}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "what the article claims"
    return table


def _hedge(id_: str) -> str:
    """The claim's hedge words, or "-" when it has none."""
    found = claims()
    value = found.loc[found["id"] == id_, "hedge"].iloc[0]
    return "-" if pd.isna(value) or not str(value).strip() else str(value)


def facts_table(ids: list[str]) -> pd.DataFrame:
    """Facts from ``seeds/facts.csv``: what each is, its figure and who gives it.

    >>> facts_table(["nk_reservists_iiss"])["figure"].tolist()
    ['600,000']
    """
    rows = {}
    for id_ in ids:
        f = fact(id_)
        rows[f.text] = {"figure": _figure(f), "unit": f.unit, "source": f.citation}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "what"
    return table


def force_by_month(
    start: float, months: int, losses_per_month: float, recruits_per_month: float
) -> pd.DataFrame:
    """``manpower.simulate_force`` month by month, ready to read (month 0 is the start).

    >>> table = force_by_month(600_000, 2, losses_per_month=36_000, recruits_per_month=30_000)
    >>> table["force"].tolist()
    ['600,000', '594,000', '588,000']
    """
    path = simulate_force(
        start=require_number("start", start),
        periods=require_count("months", months, allow_zero=False, maximum=10_000),
        losses_per_period=require_number("losses_per_month", losses_per_month),
        recruits_per_period=require_number("recruits_per_month", recruits_per_month),
    )
    return pd.DataFrame(
        {
            "force": [_whole(s) for s in path["force"]],
            "change": [_whole(c) for c in path["change"]],
        },
        index=pd.Index(path["period"], name="month"),
    )


def army_share_table(deployed: list[float], army_sizes: dict[str, float]) -> pd.DataFrame:
    """``manpower.army_shares`` ready to read: percentages to two decimals, one row per number sent.

    >>> army_share_table([10_000], {"% of 1 million": 1_000_000}).loc["10,000"].tolist()
    ['1.00']
    """
    shares = army_shares(deployed, army_sizes)
    table = pd.DataFrame(
        {label: [f"{x:.2f}" for x in shares[label]] for label in army_sizes},
        index=pd.Index([_whole(d) for d in shares["soldiers sent"]], name="soldiers sent"),
    )
    return table


def recruitment_table() -> pd.DataFrame:
    """Russia's recruitment figures for 2024, each also as people per day.

    >>> recruitment_table()["per day"].tolist()
    ['1,000', '1,233', '917', '1,020', '700']
    """
    raw = recruitment_per_day()
    rows = {}
    for _, row in raw.iterrows():
        rows[fact(row["id"]).text] = {
            "figure": _whole(row["figure"]),
            "unit": row["unit"],
            "per day": _whole(row["per_day"]),
            "kind": row["kind"],
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "who says what"
    return table


def losses_in_month(month: str) -> float:
    """Average Russian losses per day in one month ("2024-10"), as Ukraine's General Staff claims.

    >>> losses_in_month("2024-10")
    1351.3
    """
    monthly = losses_monthly()
    found = monthly[monthly["month"].astype(str) == month]
    if found.empty:
        raise ValueError(f"month: no figure for {month!r}")
    return float(found["avg_per_day"].iloc[0])
