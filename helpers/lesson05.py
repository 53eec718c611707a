"""Small helpers for notebook 05 (uncertainty): tables ready to show, plain code.

Numbers are written out with thousands separators, a missing end shows as words, and each
row is named by what it is, not by a number or an internal id.

>>> _figure_words(1_200, 1_200, None)
'at least 1,200'
"""

from __future__ import annotations

import pandas as pd

from helpers.language import number, tr
from helpers.sources import claim, claims, fact
from helpers.uncertainty import LABELS

__all__ = ["hedge_table", "sources_table", "tornado_view"]


def _claim_names() -> dict[str, str]:
    """What each of the article's claims is about, in a few words (in the language in use)."""
    return {
        "nk_army_size": tr("North Korea's army"),
        "russia_losses_per_day": tr("Russia's losses per day"),
        "men_fled_2022": tr("young men who fled in 2022"),
        "sk_intel_10000": tr("North Korean soldiers sent"),
        "many_more_coming": tr("more soldiers to come"),
        "world_reaction_unknown": tr("how the world will react"),
        "sk_intel_reliable": tr("whether the report was right"),
    }


def _input_names() -> dict[str, str]:
    """The inputs of the tornado chart, in plain words (in the language in use)."""
    return {
        "losses_per_day": tr("Russian losses per day"),
        "recruits_per_day": tr("Russian recruits per day"),
        "soldiers": tr("North Korean soldiers sent"),
    }


def _figure_words(value: float | None, low: float | None, high: float | None) -> str:
    """A source's figure in words: one number, a range, "at least ..." or "up to ...".

    >>> _figure_words(1_100_000, 1_000_000, 1_200_000)
    '1,000,000 to 1,200,000'
    """
    if low is not None and high is not None and low != high:
        return tr("{low} to {high}").format(low=number(low), high=number(high))
    if low is not None and high is None:
        return tr("at least {low}").format(low=number(low))
    if high is not None and low is None and value is None:
        return tr("up to {high}").format(high=number(high))
    if value is not None:
        return number(value)
    return tr("no number")


def _word(words: pd.Series, id_: str) -> str:
    """The hedge (or booster) word of a claim, or "" if it has none."""
    word = words.get(id_, "")
    return word.strip() if isinstance(word, str) else ""


def hedge_table(*ids: str) -> pd.DataFrame:
    """The article's claims read as ranges: the hedge word, the low end and the high end.

    A word that makes a claim stronger (a booster such as *blijkt toch wel*, "does turn
    out") is not a hedge; the table says so.

    >>> hedge_table("russia_losses_per_day")["high end"].tolist()
    ['no limit given']
    """
    table = claims().set_index("id")
    hedges = table["hedge"]
    boosters = table["booster"] if "booster" in table.columns else pd.Series(dtype=object)
    names = _claim_names()
    rows = []
    for id_ in ids:
        c = claim(id_)
        low = c.low if c.low is not None else c.value
        high = c.high if c.high is not None else (c.value if c.low is None else None)
        hedge = _word(hedges, id_)
        booster = _word(boosters, id_)
        if not hedge:
            if booster:
                hedge = tr("none ('{booster}' makes it stronger)").format(booster=booster)
            else:
                hedge = tr("none")
        if low is None:
            low_text = high_text = tr("no number")
        else:
            low_text = number(low)
            high_text = tr("no limit given") if high is None else number(high)
        rows.append(
            {
                tr("the article on"): names.get(id_, tr(c.text)),
                tr("hedge word"): hedge,
                tr("low end"): low_text,
                tr("high end"): high_text,
            }
        )
    return pd.DataFrame(rows).set_index(tr("the article on"))


def sources_table(*ids: str) -> pd.DataFrame:
    """Sources side by side for one quantity: figure, date, kind of figure and caveat.

    >>> sources_table("ukdi_losses_per_day_2024_10")["figure"].tolist()
    ['1,354']
    """
    article_ids = set(claims()["id"])
    hedges = claims().set_index("id")["hedge"]
    rows = []
    for id_ in ids:
        item = claim(id_) if id_ in article_ids else fact(id_)
        if id_ in article_ids:
            caveat = tr("hedge: {hedge}").format(hedge=hedges[id_])
        else:
            caveat = tr(item.caveat)
        rows.append(
            {
                tr("source"): tr(LABELS.get(id_, item.citation)),
                tr("figure"): _figure_words(item.value, item.low, item.high),
                tr("unit"): tr(item.unit),
                tr("as of"): item.as_of,
                tr("kind"): tr(item.kind),
                tr("caveat"): caveat,
            }
        )
    return pd.DataFrame(rows).set_index(tr("source"))


def tornado_view(table: pd.DataFrame) -> pd.DataFrame:
    """A tornado table (from ``uncertainty.tornado_table``) in words, biggest swing first.

    >>> t = pd.DataFrame([{"input": "soldiers", "low": 10_000.0, "high": 12_000.0,
    ...                    "at low": 1.47, "at high": 1.23, "swing": 0.24, "base result": 1.34}])
    >>> tornado_view(t).loc["North Korean soldiers sent", "swing"]
    '0.24'
    """
    names = _input_names()
    rows = []
    for _, row in table.iterrows():
        rows.append(
            {
                tr("input"): names.get(row["input"], row["input"]),
                tr("range"): tr("{low} to {high}").format(
                    low=number(row["low"]), high=number(row["high"])
                ),
                tr("result at low end"): number(row["at low"], 2),
                tr("result at high end"): number(row["at high"], 2),
                tr("swing"): number(row["swing"], 2),
            }
        )
    return pd.DataFrame(rows).set_index(tr("input"))
