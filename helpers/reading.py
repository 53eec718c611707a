"""Reading the article: who says what, what kind of claim it is, and what can be checked.

>>> claims_by_kind().to_dict()
{'reported fact': 12, 'opinion': 9, 'estimate': 5, 'forecast': 4}
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers import style
from helpers.language import language, number, number_text, tr
from helpers.sources import claim, claims, fact
from helpers.style import chart_source_line

__all__ = [
    "KINDS",
    "claims_by_kind",
    "source_chains",
    "hedged_claims",
    "numbers_in_article",
    "article_against_other_sources",
    "draw_claims_by_kind",
]

KINDS = ("reported fact", "estimate", "forecast", "opinion")

# Which outside figures speak to which number in the article.
CHECKS: dict[str, tuple[str, ...]] = {
    "nk_soldiers_left": ("nis_decided_12000", "us_estimate_10000", "nis_kursk_11000"),
    "pay_per_soldier_month": ("nis_troop_income_per_year",),
    "nk_army_size": ("nk_active_cia_2024", "nk_active_rok_2022", "nk_active_reuters_2024"),
    "russia_losses_per_day": (
        "ukdi_losses_per_day_2024_09",
        "ukdi_losses_per_day_2024_10",
        "radakin_losses_per_day_2024_10",
    ),
    "mobilised_2022": ("mobilised_2022_shoigu", "mobilised_2022_putin"),
    "men_fled_2022": ("left_russia_sep_21_24", "left_russia_by_oct_4"),
}


def _readable(x: float | None) -> str:
    """A number as a reader wants it in a table: thousands separators, blank if missing.

    >>> _readable(1000000.0), _readable(96.1021), _readable(float("nan"))
    ('1,000,000', '96.1', '')
    """
    if x is None or pd.isna(x):
        return ""
    if float(x).is_integer():
        return number(x)
    return number_text(f"{x:,.3g}")


# What each of the article's numbers is about, in a few words (a table's row names).
def _what_words() -> dict[str, str]:
    """Claim id -> a few words, in the language in use."""
    return {
        "nk_soldiers_left": tr("North Korean soldiers sent"),
        "pay_per_soldier_month": tr("fee per soldier per month"),
        "sk_intel_10000": tr("soldiers sent (South Korean intelligence)"),
        "nk_army_size": tr("North Korea's army"),
        "russia_losses_per_day": tr("Russia's losses per day"),
        "mobilised_2022": tr("men mobilised in 2022"),
        "men_fled_2022": tr("young men who fled in 2022"),
    }


def _what(claim_id: str) -> str:
    """A few words saying what a claim's number is about (its text if none are set)."""
    return _what_words().get(claim_id) or _claim_words(claim_id)


def _claim_words(claim_id: str) -> str:
    """A claim as the reader sees it: our English, or in Dutch the article's own words."""
    c = claim(claim_id)
    return c.text if language() == "en" else c.quote_nl


def claims_by_kind() -> pd.Series:
    """How many of the article's claims are reported facts, estimates, forecasts, opinions."""
    counts = claims()["kind"].value_counts()
    counts.index.name = None
    counts.name = None
    return counts


def source_chains() -> pd.DataFrame:
    """Who says each claim, on whose authority, and how many claims each pair makes.

    Each row is named by who says it (the index); no row numbers.

    >>> chains = source_chains()
    >>> int(chains["claims"].sum()) == len(claims())
    True
    >>> chains.index[0]
    'Remco Breuker'
    """
    table = claims().assign(
        speaker=lambda t: t["speaker"].str.split(" \\(").str[0],
        on_authority_of=lambda t: t["on_authority_of"].str.replace(
            r"^no source named.*", "no source named", regex=True
        ),
    )
    chains = (
        table.groupby(["speaker", "on_authority_of"], sort=False)
        .size()
        .rename(tr("claims"))
        .reset_index()
        .sort_values(tr("claims"), ascending=False, kind="stable")
    )
    chains["on_authority_of"] = [tr(text) for text in chains["on_authority_of"]]
    return chains.rename(
        columns={"speaker": tr("who says it"), "on_authority_of": tr("on whose authority")}
    ).set_index(tr("who says it"))


def hedged_claims() -> pd.DataFrame:
    """The claims that carry a hedge word, with the word: one row per claim, named by its text.

    >>> "minstens" in set(hedged_claims()["hedge"])
    True
    """
    table = claims()
    table = table[table["hedge"] != ""]
    shown = pd.DataFrame(
        {
            tr("the claim"): [_claim_words(id_) for id_ in table["id"]],
            tr("hedge"): table["hedge"].reset_index(drop=True),  # the article's Dutch words
        }
    )
    return shown.set_index(tr("the claim"))


def numbers_in_article() -> pd.DataFrame:
    """The claims that carry a number, with their range and unit.

    Numbers are formatted for reading (blank where the article gives none); each row is
    named by what the number is about.

    >>> numbers_in_article().loc["North Korea's army", "high"]
    '2,000,000'
    """
    table = claims()
    has_number = table["value"].notna() | table["low"].notna()
    shown = table.loc[has_number, ["id", "value", "low", "high", "unit", "hedge"]]
    shown["id"] = shown["id"].map(_what)
    shown = shown.set_index("id")
    for col in ("value", "low", "high"):
        shown[col] = shown[col].map(_readable)
    shown["unit"] = [tr(unit) for unit in shown["unit"]]
    shown = shown.rename(
        columns={
            "value": tr("value"),
            "low": tr("low"),
            "high": tr("high"),
            "unit": tr("unit"),
            "hedge": tr("hedge"),
        }
    )
    shown.index.name = tr("the article's number")
    return shown


def article_against_other_sources() -> pd.DataFrame:
    """Each number of the article beside what other sources said, with their dates.

    Numbers are formatted for reading (blank where a source gives no range); each row is
    named by the article's number it checks.

    >>> table = article_against_other_sources()
    >>> list(table.columns)
    ['other source', 'their value', 'their low', 'their high', 'as of']
    >>> table["their value"].iloc[0], table.index[0]
    ('12,000', 'North Korean soldiers sent: 10,000')
    """
    rows = []
    for claim_id, fact_ids in CHECKS.items():
        c = claim(claim_id)
        for fact_id in fact_ids:
            f = fact(fact_id)
            rows.append(
                {
                    tr("the article's number"): f"{_what(claim_id)}: "
                    + _readable(c.value if c.value is not None else c.low),
                    tr("other source"): tr(f.text),
                    tr("their value"): _readable(f.value),
                    tr("their low"): _readable(f.low),
                    tr("their high"): _readable(f.high),
                    tr("as of"): f.as_of,
                }
            )
    return pd.DataFrame(rows).set_index(tr("the article's number"))


def draw_claims_by_kind() -> Figure:
    """Chart: the article's claims counted by kind, longest bar on top, counts printed."""
    counts = claims_by_kind().reindex(list(KINDS)).fillna(0).iloc[::-1]
    fig, ax = style.figure(7.5, 3.4)
    fig.subplots_adjust(left=(1.3 if language() == "en" else 1.8) / 7.5)
    rows = range(len(counts))  # positions, labelled below (style.figure's tick numbers off)
    bars = ax.barh(rows, counts.to_numpy(), color=style.PALETTE["blue"])
    ax.set_yticks(rows, [tr(kind) for kind in counts.index])
    ax.bar_label(bars, padding=4)
    ax.set_xlabel(tr("number of claims in the article"))
    ax.grid(axis="y", visible=False)
    style.add_source(
        fig, chart_source_line("cold_business") + " " + tr("Kinds assigned in seeds/claims.csv.")
    )
    return fig
