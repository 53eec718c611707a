"""Small helpers for notebook 01 (reading the article): tables ready to show, plain code.

>>> claimed_total_by("2024-10")
694950
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.language import language, month_year, number, tr
from helpers.sources import fact, table

__all__ = [
    "background_figures",
    "claimed_total_by",
    "uk_losses_per_day_2024",
]


def claimed_total_by(month: str) -> int:
    """Russian casualties (killed and wounded) claimed by Ukraine's General Staff since
    February 2022, added up to the end of ``month`` ("YYYY-MM"). One side's claims.

    >>> claimed_total_by("2022-03")
    17500
    """
    losses = table("russian_personnel_losses_monthly_ua_genstaff")
    rows = losses[losses["month"] == month]
    if len(rows) != 1:
        raise KeyError(f"no month {month!r} in the losses table")
    return int(rows["cumulative_end"].iloc[0])


UK_MONTHS = {
    "2024-06 (UK Defence Intelligence)": "ukdi_losses_per_day_2024_06",
    "2024-07 (UK Defence Intelligence)": "ukdi_losses_per_day_2024_07",
    "2024-08 (UK Defence Intelligence)": "ukdi_losses_per_day_2024_08",
    "2024-09 (UK Defence Intelligence)": "ukdi_losses_per_day_2024_09",
    "2024-10 (UK Defence Secretary)": "ukdi_losses_per_day_2024_10",
    "2024-10 (UK Chief of the Defence Staff, 'about')": "radakin_losses_per_day_2024_10",
}


def _month(when: str) -> str:
    """A month or day as the reader writes it: "2024-06" or "2024-10-07" as they stand in
    English, "jun 2024" or "7 okt 2024" in Dutch."""
    if language() == "en":
        return when
    day = f"{int(when[8:10])} " if len(when) == 10 else ""
    return day + month_year(when[:7])


def _uk_label(label: str) -> str:
    """A row label of ``UK_MONTHS`` in the language in use, e.g. "2024-06 (UK Defence Intelligence)"."""
    month, who = label.split(" ", 1)
    whos = {
        "(UK Defence Intelligence)": tr("(UK Defence Intelligence)"),
        "(UK Defence Secretary)": tr("(UK Defence Secretary)"),
        "(UK Chief of the Defence Staff, 'about')": tr("(UK Chief of the Defence Staff, 'about')"),
    }
    return f"{_month(month)} {whos[who]}"


def uk_losses_per_day_2024() -> pd.DataFrame:
    """British figures for Russian casualties (killed and wounded) per day, June-October
    2024. All rest on Ukraine's General Staff's reporting.

    >>> uk_losses_per_day_2024()["casualties per day"].tolist()
    ['1,163', '1,140', '1,187', '1,271', '1,354', '1,500']
    """
    month_column = tr("month (who said it)")
    value_column = tr("casualties per day")
    rows = []
    for label, id_ in UK_MONTHS.items():
        value = fact(id_).value
        rows.append({month_column: _uk_label(label), value_column: number(value)})
    return pd.DataFrame(rows).set_index(month_column)


# The facts background_figures() shows: their text, source and caveat are seed texts
# (helpers/locale/nl/seeds.po), translated where the table is built.
BACKGROUND_FACTS = (
    "background_uk_russian_casualties_total_2024_10",
    "background_ua_killed_2024_12",
    "background_ua_wounded_2024_12",
)


@dataclass(frozen=True)
class FigureTable:
    """Rows of (what, number, who gives it and when, caveat); shows as a Markdown table."""

    rows: tuple[tuple[str, str, str, str], ...]

    def _repr_markdown_(self) -> str:
        heading = (tr("what"), tr("number"), tr("who gives it, when"), tr("caveat"))
        lines = ["| " + " | ".join(heading) + " |", "|---|---|---|---|"]
        for row in self.rows:
            lines.append("| " + " | ".join(row) + " |")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return "\n".join(" | ".join(row) for row in self.rows)


def background_figures() -> FigureTable:
    """Casualty figures a reader could set beside the article, each with who gives it.

    >>> background_figures().rows[0][1]
    '694,950'
    """
    rows = [
        (
            tr("Russian casualties (killed and wounded), February 2022 to October 2024"),
            number(claimed_total_by("2024-10")),
            tr("Ukraine's General Staff, {month}").format(month=_month("2024-10")),
            tr("One side's claims in a war"),
        )
    ]
    for id_ in BACKGROUND_FACTS:
        more_than = id_ == "background_uk_russian_casualties_total_2024_10"
        f = fact(id_)
        what = f.text.split(", UK Defence Intelligence")[0].split(", by Ukraine's")[0]
        if language() != "en":
            what = tr(f.text)  # the whole text, as the seeds' catalogue has it
        who = f"{tr(f.citation.split(' (via')[0])}, {_month(f.as_of)}"
        shown = number(f.value)
        if more_than:
            shown = tr("more than {number}").format(number=shown)
        rows.append((what, shown, who, tr(f.caveat)))
    return FigureTable(tuple(rows))
