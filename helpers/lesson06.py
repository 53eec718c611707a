"""Ready tables for notebook 06, what happened next: readable labels, words instead of True/False.

Each function returns a small table (or a Markdown list) that the notebook shows as it is, so the
notebook's own cells need no pandas. The figures come from ``helpers.timeline`` and the seeds.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from helpers.language import language, number_text, tr
from helpers.sources import Sourced, claim, fact
from helpers.timeline import article_forecasts, brier_breakdown, forecast_outcomes, timeline_table

__all__ = [
    "forecasts_to_make",
    "article_statements",
    "later_reports",
    "scoring_table",
    "what_happened",
    "my_penalties",
]


def _held_up_words() -> dict[bool | None, str]:
    """How the scoring table says whether an article's statement held up (None: an opinion)."""
    return {True: tr("held up"), False: tr("did not"), None: tr("cannot be settled")}


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
        when = tr("deadline: {deadline}").format(deadline=deadline)
        lines.append(f"{number}. {tr(text)} *({when})*")
    return Markdown("\n".join(lines))


def _article_words(statement: Sourced) -> str:
    """A statement as the article words it: the English summary, or in Dutch the article's own
    Dutch words."""
    if language() == "en" or not statement.quote_nl:
        return tr(statement.text)
    return statement.quote_nl


def article_statements(ids: list[str]) -> pd.DataFrame:
    """The article's statements (in English; in Dutch the article's own words) with who makes each and what kind of claim it is.

    >>> article_statements(ids=["front_uncertain"])["kind"].tolist()
    ['forecast']
    """
    rows = []
    for claim_id in ids:
        statement = claim(claim_id)
        citation = statement.shown_citation  # in the language in use
        said_by = citation.replace("BNR Nieuwsradio, citing ", "")
        rows.append(
            {
                tr("the article says"): _article_words(statement),
                tr("who says it"): said_by,
                tr("kind"): tr(statement.kind),
            }
        )
    return pd.DataFrame(rows).set_index(tr("the article says"))


def later_reports(category: str | None = None) -> pd.DataFrame:
    """The reports after October 2024, oldest first, by date: all of them, or one category.

    Categories: deployment, casualties, confirmation, payments, other.

    >>> later_reports(category="confirmation").index.tolist()
    ['2025-04-26', '2025-04-28']
    """
    table = timeline_table(category)
    columns = {
        "date": tr("date"),
        "what was reported": tr("what was reported"),
        "figure": tr("figure"),
        "kind": tr("kind"),
        "source": tr("source"),
    }
    table = table.rename(columns=columns)
    for column in (tr("what was reported"), tr("figure"), tr("source")):
        table[column] = [tr(text) for text in table[column]]
    table[tr("kind")] = [tr(kind) for kind in table[tr("kind")]]
    return table.set_index(tr("date"))


def scoring_table() -> pd.DataFrame:
    """The article's statements, our verdict on each, and whether it held up, in words.

    >>> scoring_table()["held up?"].tolist()[-1]
    'cannot be settled'
    """
    table = article_forecasts()
    words = _held_up_words()
    return pd.DataFrame(
        {
            tr("the article said"): [tr(text) for text in table["the article said"]],
            tr("our verdict"): [tr(text) for text in table["verdict"]],
            tr("held up?"): [words[held] for held in table["held_up"]],
        }
    ).set_index(tr("the article said"))


def what_happened() -> pd.DataFrame:
    """The five forecasts, whether each happened (yes or no), and the report that settles it.

    >>> what_happened()["happened?"].tolist()
    ['yes', 'yes', 'no', 'yes', 'no']
    """
    table = forecast_outcomes()
    return pd.DataFrame(
        {
            tr("forecast"): [tr(text) for text in table["forecast"]],
            tr("happened?"): [
                tr("yes") if outcome == 1 else tr("no") for outcome in table["outcome"]
            ],
            tr("settled by"): [f"{tr(fact(e).text)} ({fact(e).as_of})" for e in table["evidence"]],
        }
    ).set_index(tr("forecast"))


def my_penalties(probabilities: list[float]) -> pd.DataFrame:
    """Per forecast: your probability, what happened (1 or 0), your penalty (p - outcome)².

    >>> my_penalties(probabilities=[0.5] * 5)["penalty"].tolist()
    ['0.25', '0.25', '0.25', '0.25', '0.25']
    """
    table = brier_breakdown(probabilities)
    return pd.DataFrame(
        {
            tr("forecast"): [tr(text) for text in table["forecast"]],
            tr("your probability"): [number_text(f"{p:g}") for p in table["probability"]],
            tr("outcome"): table["outcome"],
            tr("penalty"): [number_text(f"{round(x, 4):g}") for x in table["penalty"]],
        }
    ).set_index(tr("forecast"))
