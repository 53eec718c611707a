"""Ready tables for notebook 03, manpower arithmetic.

Each function returns a small table that is ready to read: labelled rows (no 0, 1, 2
index), whole numbers with thousands separators, and no ids, blanks or tuples. The
numbers come from ``seeds/`` through ``helpers.sources.fact`` and ``claim``.
"""

from __future__ import annotations

import pandas as pd

from helpers._validate import require_count, require_number
from helpers.language import language, number, tr
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
    """A number as a whole number with thousands separators: 1354.0 -> '1,354' ('1.354' in Dutch)."""
    return number(x)


def _figure(f) -> str:
    """A fact's number, or its range when it has a low and a high."""
    if f.value is not None:
        return _whole(f.value)
    return tr("{low} to {high}").format(low=_whole(f.low), high=_whole(f.high))


def article_claims(ids: list[str]) -> pd.DataFrame:
    """The article's claims with these ids: one row per claim, its kind and hedge word.

    >>> article_claims(["russia_losses_per_day"]).columns.tolist()
    ['kind', 'hedge word']
    """
    rows = {}
    for id_ in ids:
        c = claim(id_)
        # In Dutch the article's own words; in English the claim as the seeds word it.
        said = c.quote_nl if language() == "nl" else c.text
        rows[said] = {tr("kind"): tr(c.kind), tr("hedge word"): _hedge(id_)}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = tr("what the article claims")
    return table


def _hedge(id_: str) -> str:
    """The claim's hedge words, or "-" when it has none."""
    found = claims()
    value = found.loc[found["id"] == id_, "hedge"].iloc[0]
    return "-" if pd.isna(value) or not str(value).strip() else str(value)


def _citation(f) -> str:
    """A fact's source and date, the source in the language in use."""
    source, _, date = f.citation.rpartition(", ")
    return f"{tr(source)}, {date}"


def facts_table(ids: list[str]) -> pd.DataFrame:
    """Facts from ``seeds/facts.csv``: what each is, its figure and who gives it.

    >>> facts_table(["nk_reservists_iiss"])["figure"].tolist()
    ['600,000']
    """
    rows = {}
    for id_ in ids:
        f = fact(id_)
        rows[tr(f.text)] = {
            tr("figure"): _figure(f),
            tr("unit"): tr(f.unit),
            tr("source"): _citation(f),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = tr("what")
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
            tr("force"): [_whole(s) for s in path["force"]],
            tr("change"): [_whole(c) for c in path["change"]],
        },
        index=pd.Index(path["period"], name=tr("month")),
    )


def army_share_table(deployed: list[float], army_sizes: dict[str, float]) -> pd.DataFrame:
    """``manpower.army_shares`` ready to read: percentages to two decimals, one row per number sent.

    >>> army_share_table([10_000], {"% of 1 million": 1_000_000}).loc["10,000"].tolist()
    ['1.00']
    """
    shares = army_shares(deployed, army_sizes)
    table = pd.DataFrame(
        {label: [number(x, 2) for x in shares[label]] for label in army_sizes},
        index=pd.Index([_whole(d) for d in shares["soldiers sent"]], name=tr("soldiers sent")),
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
        rows[tr(fact(row["id"]).text)] = {
            tr("figure"): _whole(row["figure"]),
            tr("unit"): tr(row["unit"]),
            tr("per day"): _whole(row["per_day"]),
            tr("kind"): tr(row["kind"]),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = tr("who says what")
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


def _seed_words() -> tuple[str, ...]:
    """Words from ``seeds/`` that these tables show and ``helpers/locale/nl/seeds.po`` does not
    hold (``tools/po.py`` chooses those), written out once so that ``tools/po.py`` puts them in
    this module's Dutch catalogue; the tables translate them with ``tr()`` where they are
    shown. A seed text in neither catalogue is shown in English."""
    return (
        tr(
            "Russian 'permanent' losses (killed or permanently disabled) by October 2023, UK estimate"
        ),
        tr("Russian casualties in all by October 2023, UK estimate"),
        tr("North Korea's reservists (IISS)"),
        tr("Russian servicemen planned per 30 North Korean soldiers (intercepted plan)"),
        tr("Contracts signed in 2024, official claim (Medvedev), plus 40,000 volunteers"),
        tr("Russian recruits per month (New York Times, from officials)"),
        tr("UK Defence Intelligence (via Euromaidan Press)"),
        tr("IISS, quoted in a Reuters factbox (via kfgo.com)"),
    )
