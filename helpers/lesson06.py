"""Ready tables for notebook 06, what happened next: readable labels, words instead of True/False.

Each function returns a small table (or a Markdown list) that the notebook shows as it is, so the
notebook's own cells need no pandas. The figures come from ``helpers.timeline`` and the seeds.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from helpers.sources import claim, fact
from helpers.timeline import article_forecasts, brier_breakdown, forecast_outcomes, timeline_table

__all__ = [
    "forecasts_to_make",
    "article_statements",
    "later_reports",
    "scoring_table",
    "what_happened",
    "my_penalties",
]

# How the scoring table says whether an article's statement held up (None: an opinion).
HELD_UP_WORDS = {True: "held up", False: "did not", None: "cannot be settled"}


def forecasts_to_make() -> Markdown:
    """The five forecasts to give a probability for, numbered, with their deadlines.

    It shows the forecasts only: not what happened.

    >>> forecasts_to_make().data.splitlines()[0].startswith("1. By September 2025")
    True
    """
    table = forecast_outcomes()
    lines = []
    pairs = zip(table["forecast"], table["deadline"], strict=True)
    for number, (text, deadline) in enumerate(pairs, start=1):
        lines.append(f"{number}. {text} *(deadline: {deadline})*")
    return Markdown("\n".join(lines))


def article_statements(ids: list[str]) -> pd.DataFrame:
    """The article's statements (in English) with who makes each and what kind of claim it is.

    >>> article_statements(ids=["front_uncertain"])["kind"].tolist()
    ['forecast']
    """
    rows = []
    for claim_id in ids:
        statement = claim(claim_id)
        said_by = statement.citation.replace("BNR Nieuwsradio, citing ", "")
        rows.append(
            {"the article says": statement.text, "who says it": said_by, "kind": statement.kind}
        )
    return pd.DataFrame(rows).set_index("the article says")


def later_reports(category: str | None = None) -> pd.DataFrame:
    """The reports after October 2024, oldest first, by date: all of them, or one category.

    Categories: deployment, casualties, confirmation, payments, other.

    >>> later_reports(category="confirmation").index.tolist()
    ['2025-04-26', '2025-04-28']
    """
    return timeline_table(category).set_index("date")


def scoring_table() -> pd.DataFrame:
    """The article's statements, our verdict on each, and whether it held up, in words.

    >>> scoring_table()["held up?"].tolist()[-1]
    'cannot be settled'
    """
    table = article_forecasts()
    return pd.DataFrame(
        {
            "the article said": table["the article said"],
            "our verdict": table["verdict"],
            "held up?": [HELD_UP_WORDS[held] for held in table["held_up"]],
        }
    ).set_index("the article said")


def what_happened() -> pd.DataFrame:
    """The five forecasts, whether each happened (yes or no), and the report that settles it.

    >>> what_happened()["happened?"].tolist()
    ['yes', 'yes', 'no', 'yes', 'no']
    """
    table = forecast_outcomes()
    return pd.DataFrame(
        {
            "forecast": table["forecast"],
            "happened?": ["yes" if outcome == 1 else "no" for outcome in table["outcome"]],
            "settled by": [f"{fact(e).text} ({fact(e).as_of})" for e in table["evidence"]],
        }
    ).set_index("forecast")


def my_penalties(probabilities: list[float]) -> pd.DataFrame:
    """Per forecast: your probability, what happened (1 or 0), your penalty (p - outcome)².

    >>> my_penalties(probabilities=[0.5] * 5)["penalty"].tolist()
    ['0.25', '0.25', '0.25', '0.25', '0.25']
    """
    table = brier_breakdown(probabilities)
    return pd.DataFrame(
        {
            "forecast": table["forecast"],
            "your probability": [f"{p:g}" for p in table["probability"]],
            "outcome": table["outcome"],
            "penalty": [f"{round(x, 4):g}" for x in table["penalty"]],
        }
    ).set_index("forecast")
