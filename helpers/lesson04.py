"""Ready tables and charts for notebook 04 (costs), so that its cells show only arithmetic.

Every value is read from ``seeds/`` with ``helpers.sources``; the charts are those of
``helpers.costs``, with the axes worded as lesson 04 words them (a share of tasks, and scores
given as the Kremlin might see it).
"""

from __future__ import annotations

import re

import pandas as pd
from matplotlib.figure import Figure

from helpers import costs
from helpers.language import language, number, tr
from helpers.sources import claims, fact

__all__ = [
    "article_claims",
    "departures_table",
    "score_table",
    "draw_break_even",
    "draw_weighted_scores",
]


def article_claims(ids: list) -> pd.DataFrame:
    """The article's claims with these ids: what is said, who says it, and what kind of claim.

    >>> article_claims(["sign_of_desperation"]).iloc[0]["kind"]
    'opinion'
    """
    table = claims().set_index("id").loc[list(ids)]
    # In Dutch the article's own words; in English the claim as the seeds word it.
    said = table["quote_nl"] if language() == "nl" else table["claim_en"]
    return pd.DataFrame(
        {
            tr("who says it"): [tr(who) for who in table["speaker"]],
            tr("kind"): [tr(kind) for kind in table["kind"]],
        },
        index=pd.Index(said.to_list(), name=tr("claim")),
    )


def departures_table() -> pd.DataFrame:
    """Men called up in 2022 and counts of people leaving Russia, each with its source.

    >>> departures_table().loc["left Russia by 4 October: Forbes Russia's estimate", "figure"]
    '700,000'
    """
    rows = [  # (what was counted, fact id, which of its numbers)
        (tr("called up (the article; Shoigu)"), "mobilised_2022_shoigu", "value"),
        (tr("called up (Putin, November 2022)"), "mobilised_2022_putin", "value"),
        (tr("men who crossed the border, first four days"), "left_russia_sep_21_24", "value"),
        (tr("Russians entering Kazakhstan, two weeks"), "kazakhstan_entered_2022", "value"),
        (tr("... of whom had left Kazakhstan again"), "kazakhstan_left_again_2022", "value"),
        (tr("Russians entering Georgia, 13 days"), "georgia_entered_2022", "value"),
        (tr("left Russia by 4 October: low end of the sources"), "left_russia_by_oct_4", "low"),
        (
            tr("left Russia by 4 October: Forbes Russia's estimate"),
            "left_russia_by_oct_4",
            "value",
        ),
        (tr("left Russia by 4 October: high end of the sources"), "left_russia_by_oct_4", "high"),
    ]
    figures, sources = [], []
    for _, fact_id, which in rows:
        found = fact(fact_id)
        figures.append(number(getattr(found, which)))
        source = found.citation.rsplit(",", 1)[0]  # the source, without its date
        sources.append(re.sub(r" \(via [^)]*\)", "", tr(source)))
    return pd.DataFrame(
        {tr("figure"): figures, tr("source"): sources},
        index=pd.Index([label for label, _, _ in rows], name=tr("what was counted")),
    )


def scores_shown() -> pd.DataFrame:
    """``costs.DEFAULT_SCORES`` (our scores, 1-5) with its options and criteria in the language
    in use; the code keeps using the English names.

    >>> scores_shown().shape == costs.DEFAULT_SCORES.shape
    True
    """
    scores = costs.DEFAULT_SCORES.rename(index=tr, columns=tr)
    if scores.index.name:
        scores.index.name = tr(scores.index.name)
    return scores


def score_table(weights: dict) -> pd.DataFrame:
    """Each option's weighted score with these weights, highest first, to two decimals.

    >>> score_table({"cash": 1}).index[0]
    'mobilisation'
    """
    result = costs.weighted_scores(costs.DEFAULT_SCORES, weights).round(2)
    return pd.DataFrame(
        {tr("weighted score"): result.to_list()},
        index=pd.Index([tr(option) for option in result.index], name=tr("option")),
    )


def draw_break_even(rub_per_usd=None, contract_months=costs.ASSUMED_CONTRACT_MONTHS) -> Figure:
    """``costs.draw_break_even``, its x axis worded as a share of tasks.

    >>> draw_break_even().axes[0].get_xlabel()
    'share of tasks taken on without Russian (our assumption)'
    """
    rate = fact("rub_per_usd_2024_10_16").value if rub_per_usd is None else rub_per_usd
    fig = costs.draw_break_even(rate, contract_months)
    ax = fig.axes[0]
    ax.set_xlabel(tr("share of tasks taken on without Russian (our assumption)"))
    ax.set_ylabel(tr("$ per month of full tasks"))
    return fig


def draw_weighted_scores(weights: dict) -> Figure:
    """``costs.draw_weighted_scores``, its x axis saying whose point of view the scores take.

    >>> draw_weighted_scores(costs.EQUAL_WEIGHTS).axes[0].get_xlabel()
    'score as the Kremlin might see it (1 = worst, 5 = best)'
    """
    fig = costs.draw_weighted_scores(weights)
    fig.axes[0].set_xlabel(tr("score as the Kremlin might see it (1 = worst, 5 = best)"))
    return fig


def _seed_words() -> tuple[str, ...]:
    """Words from ``seeds/`` that these tables show and ``helpers/locale/nl/seeds.po`` does not
    hold (``tools/po.py`` chooses those), written out once so that ``tools/po.py`` puts them in
    this module's Dutch catalogue; the tables translate them with ``tr()`` where they are
    shown. A seed text in neither catalogue is shown in English."""
    return (
        tr("BNR Nieuwsradio (article text)"),
        tr("Joost Bosman (BNR correspondent)"),
        tr("Kazakhstan's interior ministry (via Novaya Gazeta Europe)"),
        tr("Georgia's interior ministry (via Novaya Gazeta Europe)"),
        tr("Kazakhstan's interior ministry (via txtreport.com)"),
    )
