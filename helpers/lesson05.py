"""Small helpers for notebook 05 (uncertainty): tables ready to show, plain code.

Numbers are written out with thousands separators, a missing end shows as words, and each
row is named by what it is, not by a number or an internal id.

>>> _figure_words(1_200, 1_200, None)
'at least 1,200'
"""

from __future__ import annotations

import pandas as pd

from helpers.sources import claim, claims, fact
from helpers.uncertainty import LABELS

__all__ = ["hedge_table", "sources_table", "tornado_view"]

# What each of the article's claims is about, in a few words.
CLAIM_NAMES = {
    "nk_army_size": "North Korea's army",
    "russia_losses_per_day": "Russia's losses per day",
    "men_fled_2022": "young men who fled in 2022",
    "sk_intel_10000": "North Korean soldiers sent",
    "many_more_coming": "more soldiers to come",
    "world_reaction_unknown": "how the world will react",
    "sk_intel_reliable": "whether the report was right",
}

# The inputs of the tornado chart, in plain words.
INPUT_NAMES = {
    "losses_per_day": "Russian losses per day",
    "recruits_per_day": "Russian recruits per day",
    "soldiers": "North Korean soldiers sent",
}


def _number(x: float) -> str:
    return f"{x:,.0f}"


def _figure_words(value: float | None, low: float | None, high: float | None) -> str:
    """A source's figure in words: one number, a range, "at least ..." or "up to ...".

    >>> _figure_words(1_100_000, 1_000_000, 1_200_000)
    '1,000,000 to 1,200,000'
    """
    if low is not None and high is not None and low != high:
        return f"{_number(low)} to {_number(high)}"
    if low is not None and high is None:
        return f"at least {_number(low)}"
    if high is not None and low is None and value is None:
        return f"up to {_number(high)}"
    if value is not None:
        return _number(value)
    return "no number"


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
    rows = []
    for id_ in ids:
        c = claim(id_)
        low = c.low if c.low is not None else c.value
        high = c.high if c.high is not None else (c.value if c.low is None else None)
        hedge = _word(hedges, id_)
        booster = _word(boosters, id_)
        if not hedge:
            hedge = f"none ('{booster}' makes it stronger)" if booster else "none"
        if low is None:
            low_text = high_text = "no number"
        else:
            low_text = _number(low)
            high_text = "no limit given" if high is None else _number(high)
        rows.append(
            {
                "the article on": CLAIM_NAMES.get(id_, c.text),
                "hedge word": hedge,
                "low end": low_text,
                "high end": high_text,
            }
        )
    return pd.DataFrame(rows).set_index("the article on")


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
        caveat = f"hedge: {hedges[id_]}" if id_ in article_ids else item.caveat
        rows.append(
            {
                "source": LABELS.get(id_, item.citation),
                "figure": _figure_words(item.value, item.low, item.high),
                "unit": item.unit,
                "as of": item.as_of,
                "kind": item.kind,
                "caveat": caveat,
            }
        )
    return pd.DataFrame(rows).set_index("source")


def tornado_view(table: pd.DataFrame) -> pd.DataFrame:
    """A tornado table (from ``uncertainty.tornado_table``) in words, biggest swing first.

    >>> t = pd.DataFrame([{"input": "soldiers", "low": 10_000.0, "high": 12_000.0,
    ...                    "at low": 1.47, "at high": 1.23, "swing": 0.24, "base result": 1.34}])
    >>> tornado_view(t).loc["North Korean soldiers sent", "swing"]
    '0.24'
    """
    rows = []
    for _, row in table.iterrows():
        rows.append(
            {
                "input": INPUT_NAMES.get(row["input"], row["input"]),
                "range": f"{_number(row['low'])} to {_number(row['high'])}",
                "result at low end": f"{row['at low']:.2f}",
                "result at high end": f"{row['at high']:.2f}",
                "swing": f"{row['swing']:.2f}",
            }
        )
    return pd.DataFrame(rows).set_index("input")
