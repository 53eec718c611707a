"""Ready tables for notebook 02 (incentives): each function returns a table to show as it is.

Every table has a row label that means something (a source, a gain, an outcome), no row
numbers, no internal ids, no empty cells, and numbers written with thousands separators.
Values come from the seeds through ``helpers.sources.claim`` and ``fact``.

>>> sources_table(ids=["krw_per_usd_oct2024"])["value"].tolist()
['1,380']
"""

from __future__ import annotations

import pandas as pd

from helpers.language import language, number, number_text, tr
from helpers.money import gains_table, payoff_table, troop_income_estimates
from helpers.sources import claim, fact

__all__ = [
    "claims_table",
    "sources_table",
    "economy_table",
    "income_estimates_table",
    "kida_table",
    "gains_overview",
    "payoff_overview",
]

NO_NUMBER = "–"

# The facts notebook 02 shows in its tables (sources_table, kida_table): their text, source
# and caveat are seed texts (helpers/locale/nl/seeds.po), translated where a table is built.
SHOWN_FACTS = (
    "nk_gni_2023_krw",
    "krw_per_usd_oct2024",
    "nk_gni_per_head_month_2023_usd",
    "pay_vs_income_ratio",
    "state_share_of_pay",
    "soldier_home_pay_usd",
    "nk_worker_pay_russia_usd",
    "rub_per_usd_2024_10_16",
    "ru_min_pay_rub_reuters",
    "kida_total_gains_krw",
    "kida_munitions_krw",
    "kida_troops_krw",
)


def _shown(x: float | None) -> str:
    """A number as a reader writes it: '1,380', '0.9', '97.0121'; a dash for none.

    >>> _shown(40_900_000_000_000), _shown(0.9), _shown(97.0121), _shown(None)
    ('40,900,000,000,000', '0.9', '97.0121', '–')
    """
    if x is None:
        return NO_NUMBER
    if float(x).is_integer():
        return number(x)
    return number_text(f"{x:,.4f}".rstrip("0").rstrip("."))


def claims_table(ids: list[str]) -> pd.DataFrame:
    """The article's claims with these ids: what is claimed, what kind of claim, on whose word.

    >>> claims_table(ids=["cold_business"]).columns.tolist()
    ['kind of claim', 'on whose authority']
    """
    rows = []
    for id_ in ids:
        c = claim(id_)
        # The Dutch edition shows the article's own words, not our English summary.
        text = c.text if language() == "en" else c.quote_nl
        rows.append((text, tr(c.kind), c.shown_citation))
    columns = [tr("claim (in English)"), tr("kind of claim"), tr("on whose authority")]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])


def sources_table(ids: list[str]) -> pd.DataFrame:
    """Outside figures with these ids: each one's value, unit, source and caveat.

    >>> sources_table(ids=["ru_min_pay_rub_reuters"]).loc[:, ["value", "unit"]].values.tolist()
    [['204,000', 'RUB per month']]
    """
    rows = []
    for id_ in ids:
        f = fact(id_)
        caveat = tr(f.caveat) if f.caveat else NO_NUMBER
        rows.append((tr(f.text), _shown(f.value), tr(f.unit), f.shown_citation, caveat))
    columns = [tr("what"), tr("value"), tr("unit"), tr("source"), tr("note")]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])


def economy_table() -> pd.DataFrame:
    """North Korea's exports and economy, in billions of dollars (GNI converted at 1,380 won).

    >>> economy_table().loc["GNI, 2023 (Bank of Korea)", "billion dollars a year"]
    '29.64'
    """
    # GNI is in won in the source: won / (won per dollar) = dollars
    gni_usd = fact("nk_gni_2023_krw").value / fact("krw_per_usd_oct2024").value
    rows = [
        (tr("Exports, 2023 (recorded)"), fact("nk_exports_2023_usd").value),
        (tr("GDP, 2023 (CIA)"), fact("nk_gdp_cia_2023_usd").value),
        (tr("GNI, 2023 (Bank of Korea)"), gni_usd),
        (tr("GDP, 2024 (Bank of Korea, published 2025)"), fact("nk_gdp_2024_usd").value),
    ]
    shown = [(what, number(usd / 1e9, 2)) for what, usd in rows]
    columns = [tr("estimate"), tr("billion dollars a year")]
    return pd.DataFrame(shown, columns=columns).set_index(columns[0])


def income_estimates_table() -> pd.DataFrame:
    """What the soldiers earn North Korea in a year, by source: low and high, in million dollars.

    >>> income_estimates_table().loc["South Korean intelligence (NIS)"].iloc[1]
    'no upper limit given'
    """
    estimates = troop_income_estimates()  # the rows, from helpers.money
    shown = []
    for who, low, high, kind in estimates.itertuples(index=False):
        high_shown = tr("no upper limit given") if pd.isna(high) else number(high / 1e6)
        shown.append((who, number(low / 1e6), high_shown, kind))
    columns = [
        tr("who"),
        tr("low, million dollars a year"),
        tr("high, million dollars a year"),
        tr("kind"),
    ]
    return pd.DataFrame(shown, columns=columns).set_index(columns[0])


def kida_table() -> pd.DataFrame:
    """KIDA's estimate of all North Korea's gains from Russia, in won and in dollars at 1,380.

    >>> kida_table().loc["Of which the troop dispatch", "trillion won"]
    '0.4'
    """
    krw_per_usd = fact("krw_per_usd_oct2024").value
    rows = []
    for id_ in ["kida_total_gains_krw", "kida_munitions_krw", "kida_troops_krw"]:
        f = fact(id_)
        trillions = _shown(f.value / 1e12)
        rows.append((tr(f.text), trillions, number(f.value / krw_per_usd / 1e9, 1)))
    columns = [
        tr("what"),
        tr("trillion won"),
        tr("billion dollars (at {rate} won)").format(rate=number(krw_per_usd)),
    ]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])


def gains_overview() -> pd.DataFrame:
    """Breuker's other gains, one row per gain: can each be counted, and what would it need?

    >>> gains_overview().index.tolist()[0]
    'money for weapons and ammunition'
    """
    table = gains_table()
    return table.set_index(table.columns[0])  # "gain" (its name in the language in use)


def payoff_overview() -> pd.DataFrame:
    """The gamble as a table, one row per thing that could happen.

    >>> payoff_overview().columns.tolist()
    ['for North Korea', 'for Russia', 'can it be counted?']
    """
    table = payoff_table()
    return table.set_index(table.columns[0])  # "what could happen", in the language in use
