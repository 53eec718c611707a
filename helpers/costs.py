"""What filling Russia's manpower gap costs, three ways: North Korean troops, contract soldiers, mobilisation.

Costs are in US dollars per *soldier-month* (one soldier for one month). Figures come from
``seeds/`` (see ``base_inputs``); the assumptions that are ours, not a source's, are named
``ASSUMED_...`` and are inputs everywhere.

>>> round(cost_per_effective(2_000, 0.5))
4000
>>> round(break_even_effectiveness(2_400, 3_000), 2)
0.8
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from helpers import style
from helpers._validate import require_number, require_share
from helpers.language import language, money, number, number_text, tr
from helpers.manpower import monthly_gap
from helpers.money import _category_names, rub_to_usd
from helpers.sources import claim, fact
from helpers.style import chart_source_line

__all__ = [
    "ASSUMED_CONTRACT_MONTHS",
    "ASSUMED_FRONT_EFFECTIVENESS",
    "ASSUMED_GUARD_EFFECTIVENESS",
    "CRITERIA",
    "OPTIONS",
    "DEFAULT_SCORES",
    "EQUAL_WEIGHTS",
    "gap_scenarios",
    "contract_cost_parts",
    "contract_usd_per_soldier_month",
    "nk_usd_per_soldier_month",
    "cost_per_effective",
    "break_even_effectiveness",
    "effective_soldiers_freed",
    "base_inputs",
    "option_costs",
    "left_per_mobilised",
    "weighted_scores",
    "draw_cost_parts",
    "draw_break_even",
    "draw_weighted_scores",
    "draw_cost_comparison",
    "CostComparisonChart",
]

# Our assumptions (not a source's): illustrative starting points, always inputs.
ASSUMED_CONTRACT_MONTHS = 12  # months a sign-on bonus is spread over
ASSUMED_FRONT_EFFECTIVENESS = 0.6  # a North Korean soldier at the front, against a Russian = 1
ASSUMED_GUARD_EFFECTIVENESS = 0.9  # a North Korean guard at a site in Russia, against a Russian = 1

OPTIONS = ("North Korean troops", "Russian contract soldiers", "mobilisation")
CRITERIA = (
    "cash",
    "political risk at home",
    "diplomatic cost",
    "reliability at the front",
    "speed",
)
# Our illustrative scores, 1 (bad for the Kremlin) to 5 (good for it). Not a source's: argue with them.
DEFAULT_SCORES = pd.DataFrame(
    [[3, 5, 2, 2, 3], [2, 4, 5, 4, 3], [4, 1, 4, 3, 5]],
    index=list(OPTIONS),
    columns=list(CRITERIA),
)
EQUAL_WEIGHTS: dict[str, float] = {c: 1.0 for c in CRITERIA}
# The sources behind every price in this module (printed under its charts).
COST_SOURCES = (
    "pay_per_soldier_month",
    "translators_per_30",
    "ru_min_pay_rub_reuters",
    "ru_signon_federal_2024_rub",
    "ru_signon_regional_avg_rub",
    "rub_per_usd_2024_10_16",
)


def _option_label(option: str) -> str:
    """An option's name (one of ``OPTIONS``) as a chart shows it, in the language in use."""
    labels = {
        "North Korean troops": tr("North Korean troops"),
        "Russian contract soldiers": tr("Russian contract soldiers"),
        "mobilisation": tr("mobilisation"),
    }
    return labels.get(option, option)


def _criterion_label(criterion: str) -> str:
    """A criterion's name (one of ``CRITERIA``) as a chart shows it, in the language in use."""
    labels = {
        "cash": tr("cash"),
        "political risk at home": tr("political risk at home"),
        "diplomatic cost": tr("diplomatic cost"),
        "reliability at the front": tr("reliability at the front"),
        "speed": tr("speed"),
    }
    return labels.get(criterion, criterion)


def _whole_numbers(x: float, position: int | None = None) -> str:
    """A tick label: a whole number as the language in use writes it (1,000 or 1.000)."""
    return number(x)


# Neutral hues: no option is drawn in a "good" colour (green) or an alarming one (red).
_COLOURS = {
    "North Korean troops": style.PALETTE["blue"],
    "Russian contract soldiers": style.PALETTE["sky"],
    "mobilisation": style.GREY,
}


def gap_scenarios(days: float = 30) -> pd.DataFrame:
    """``manpower.monthly_gap`` for each pairing of a losses and a recruits figure in ``seeds/``.

    >>> table = gap_scenarios()
    >>> int(table.loc[("article: at least", "Kluge, Jul-Sep 2024"), "gap per month"])
    15000
    """
    losses = {
        tr("article: at least"): claim("russia_losses_per_day").value,
        tr("UK, October 2024"): fact("ukdi_losses_per_day_2024_10").value,
    }
    recruits = {
        tr("Kluge, Jul-Sep 2024"): fact("ru_recruits_per_day_q3_2024").value,
        tr("Medvedev's claim"): fact("ru_recruits_per_day_claim").value,
    }
    rows = [
        {
            tr("losses"): lname,
            tr("recruits"): rname,
            tr("losses per day"): lval,
            tr("recruits per day"): rval,
            tr("gap per month"): monthly_gap(lval, rval, days),
        }
        for lname, lval in losses.items()
        for rname, rval in recruits.items()
    ]
    return pd.DataFrame(rows).set_index([tr("losses"), tr("recruits")])


# The gap the what-if widget starts at (notebook 03's section 1): losses minus recruits.
GAP_SOURCES = ("russia_losses_per_day", "ru_recruits_per_day_q3_2024")


def _cost_source_line(*extra: str, note: str = "") -> str:
    return _cost_source_line_in(language(), *extra, note=note)


@cache
def _cost_source_line_in(language_code: str, *extra: str, note: str = "") -> str:
    """``_cost_source_line`` for one language (the line is written in it)."""
    return chart_source_line(*COST_SOURCES, *extra, note=note)


def contract_cost_parts(
    pay_rub_per_month: float,
    federal_signon_rub: float,
    regional_signon_rub: float,
    contract_months: float,
    rub_per_usd: float,
) -> pd.Series:
    """A Russian contract soldier-month in US dollars, part by part (bonuses spread over the contract).

    >>> parts = contract_cost_parts(200_000, 400_000, 600_000, 10, 100)
    >>> parts.to_dict()
    {'monthly pay': 2000.0, 'federal sign-on bonus': 400.0, 'regional sign-on bonus': 600.0}
    """
    pay = require_number("pay_rub_per_month", pay_rub_per_month)
    federal = require_number("federal_signon_rub", federal_signon_rub)
    regional = require_number("regional_signon_rub", regional_signon_rub)
    months = require_number("contract_months", contract_months, allow_zero=False)
    rate = require_number("rub_per_usd", rub_per_usd, allow_zero=False)
    return pd.Series(_contract_parts(pay, federal, regional, months, rate), dtype=float)


def _contract_parts(
    pay: float, federal: float, regional: float, months: float, rate: float
) -> dict[str, float]:
    return {
        "monthly pay": rub_to_usd(pay, rate),
        "federal sign-on bonus": rub_to_usd(federal, rate) / months,
        "regional sign-on bonus": rub_to_usd(regional, rate) / months,
    }


def contract_usd_per_soldier_month(
    pay_rub_per_month: float,
    federal_signon_rub: float,
    regional_signon_rub: float,
    contract_months: float,
    rub_per_usd: float,
) -> float:
    """All of ``contract_cost_parts`` added up: dollars per contract soldier-month.

    >>> contract_usd_per_soldier_month(200_000, 400_000, 600_000, 10, 100)
    3000.0
    """
    parts = _contract_parts(
        require_number("pay_rub_per_month", pay_rub_per_month),
        require_number("federal_signon_rub", federal_signon_rub),
        require_number("regional_signon_rub", regional_signon_rub),
        require_number("contract_months", contract_months, allow_zero=False),
        require_number("rub_per_usd", rub_per_usd, allow_zero=False),
    )
    return sum(parts.values())


def nk_usd_per_soldier_month(
    fee_usd_per_month: float, minders_per_30: float, russian_usd_per_soldier_month: float
) -> float:
    """A North Korean soldier-month: the fee plus a share of the Russians who look after them.

    ``minders_per_30`` is translators plus Russian soldiers per 30 North Koreans (the reported
    plan: 1 + 3); each minder costs what a Russian contract soldier-month costs.

    >>> nk_usd_per_soldier_month(2_000, 4, 3_000)
    2400.0
    """
    fee = require_number("fee_usd_per_month", fee_usd_per_month)
    minders = require_number("minders_per_30", minders_per_30, maximum=30)
    russian = require_number("russian_usd_per_soldier_month", russian_usd_per_soldier_month)
    return fee + minders / 30 * russian


def cost_per_effective(usd_per_soldier_month: float, effectiveness: float) -> float:
    """Dollars per *effective* soldier-month: cost / effectiveness (1 = as useful as a Russian).

    >>> cost_per_effective(2_400, 0.8)
    3000.0
    >>> cost_per_effective(2_400, 0)
    Traceback (most recent call last):
    ...
    ValueError: effectiveness must be more than zero, got 0
    """
    cost = require_number("usd_per_soldier_month", usd_per_soldier_month)
    share = require_share("effectiveness", effectiveness, allow_zero=False)
    return cost / share


def break_even_effectiveness(
    nk_usd_per_soldier_month: float, russian_usd_per_soldier_month: float
) -> float:
    """The effectiveness at which a North Korean soldier costs as much per effective month as a Russian.

    Above it North Korean troops are cheaper per effective soldier; below it, dearer. More
    than 1 means they are never cheaper.

    >>> break_even_effectiveness(2_400, 3_000)
    0.8
    """
    nk = require_number("nk_usd_per_soldier_month", nk_usd_per_soldier_month)
    russian = require_number(
        "russian_usd_per_soldier_month", russian_usd_per_soldier_month, allow_zero=False
    )
    return nk / russian


def effective_soldiers_freed(nk_guards: float, guard_effectiveness: float) -> float:
    """Russian soldiers freed for the front when North Koreans take over guard posts.

    A guard who does the job ``guard_effectiveness`` as well as a Russian frees that share of one.

    >>> effective_soldiers_freed(10_000, 0.9)
    9000.0
    """
    guards = require_number("nk_guards", nk_guards)
    share = require_share("guard_effectiveness", guard_effectiveness)
    return guards * share


def base_inputs() -> dict[str, float]:
    """The sourced figures this notebook prices with, by name (all from ``seeds/``).

    >>> base_inputs()["fee_usd_per_month"]
    2000.0
    """
    return dict(_base_inputs())


@cache
def _base_inputs() -> dict[str, float]:
    return {
        "fee_usd_per_month": claim("pay_per_soldier_month").value,
        "minders_per_30": fact("translators_per_30").value + fact("russian_escorts_per_30").value,
        "pay_rub_per_month": fact("ru_min_pay_rub_reuters").value,
        "federal_signon_rub": fact("ru_signon_federal_2024_rub").value,
        "regional_signon_rub": fact("ru_signon_regional_avg_rub").value,
        "regional_signon_rub_high": fact("ru_signon_regional_avg_rub").high,
        "rub_per_usd": fact("rub_per_usd_2024_10_16").value,
    }


def _sourced_contract_parts(contract_months: float, rub_per_usd: float) -> pd.Series:
    """``contract_cost_parts`` of the sourced pay and bonuses in ``base_inputs``."""
    base = _base_inputs()
    return contract_cost_parts(
        base["pay_rub_per_month"],
        base["federal_signon_rub"],
        base["regional_signon_rub"],
        contract_months,
        rub_per_usd,
    )


def option_costs(
    rub_per_usd: float,
    contract_months: float = ASSUMED_CONTRACT_MONTHS,
    nk_effectiveness: float = ASSUMED_FRONT_EFFECTIVENESS,
) -> pd.DataFrame:
    """Each option's dollars per soldier-month and per effective soldier-month.

    Mobilised men are priced (our assumption) at the contract minimum pay with no sign-on
    bonus; Russians count as fully effective (1).

    >>> table = option_costs(100, 12, 0.5)
    >>> float(table.loc["North Korean troops", "effectiveness"])
    0.5
    """
    base = base_inputs()
    parts = _sourced_contract_parts(contract_months, rub_per_usd)
    contract = float(parts.sum())
    nk = nk_usd_per_soldier_month(base["fee_usd_per_month"], base["minders_per_30"], contract)
    share = require_share("nk_effectiveness", nk_effectiveness, allow_zero=False)
    table = pd.DataFrame(
        {
            "per soldier-month": [nk, contract, float(parts["monthly pay"])],
            "effectiveness": [share, 1.0, 1.0],
        },
        index=list(OPTIONS),
    )
    table["per effective soldier-month"] = table["per soldier-month"] / table["effectiveness"]
    return table


def left_per_mobilised(left_country: float, mobilised: float) -> float:
    """People who left the country for each man called up.

    >>> left_per_mobilised(700_000, 300_000)
    2.3333333333333335
    """
    left = require_number("left_country", left_country)
    called = require_number("mobilised", mobilised, allow_zero=False)
    return left / called


def weighted_scores(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Each option's weighted average score (weights need not add up to 1), best first.

    >>> weighted_scores(DEFAULT_SCORES, {"cash": 1}).index[0]
    'mobilisation'
    """
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores must be a table (DataFrame), got {type(scores).__name__}")
    if not isinstance(weights, Mapping) or not weights:
        raise TypeError("weights must be a dict like {'cash': 1, 'speed': 2}")
    unknown = [name for name in weights if name not in scores.columns]
    if unknown:
        raise KeyError(f"weights name criteria the scores do not have: {unknown}")
    clean = {name: require_number(f"weights[{name!r}]", w) for name, w in weights.items()}
    for name in clean:  # a missing score (NaN) would count as 0 and change the ranking
        for option, score in scores[name].items():
            require_number(f"scores[{name!r}] for option {option!r}", score, minimum=None)
    total = sum(clean.values())
    if total == 0:
        raise ValueError("weights must not all be zero")
    series = pd.Series(clean)
    result = (scores[series.index] * series).sum(axis=1) / total
    return result.sort_values(ascending=False, kind="stable").rename("weighted score")


def _bar_labels(ax, bars, label: Callable[[float], str]) -> list[Text]:
    return ax.bar_label(bars, labels=[label(b.get_width()) for b in bars], padding=4)


def draw_cost_parts(rub_per_usd: float, contract_months: float = ASSUMED_CONTRACT_MONTHS) -> Figure:
    """Chart: one soldier-month of each option in US dollars, split into its parts.

    >>> fig = draw_cost_parts(97.0121)
    >>> fig.axes[0].get_xlabel()
    'US dollars per soldier-month'
    """
    base = base_inputs()
    parts = _sourced_contract_parts(contract_months, rub_per_usd)
    minders = base["minders_per_30"] / 30 * float(parts.sum())
    rows = {  # option: [(part, dollars, colour), ...], drawn left to right
        "mobilisation": [(tr("pay (assumed)"), parts["monthly pay"], style.PALETTE["blue"])],
        "Russian contract soldiers": [
            (tr("pay"), parts["monthly pay"], style.PALETTE["blue"]),
            (tr("bonuses"), parts.iloc[1:].sum(), style.PALETTE["sky"]),
        ],
        "North Korean troops": [
            (tr("fee to Pyongyang"), base["fee_usd_per_month"], style.PALETTE["vermillion"]),
            (tr("translators + escorts"), minders, style.PALETTE["orange"]),
        ],
    }
    fig, ax = style.figure(7.5, 3.6, right_room=0.9)
    fig.subplots_adjust(left=2.3 / 7.5)
    for y, segments in enumerate(rows.values()):
        left = 0.0
        for name, dollars, colour in segments:
            ax.barh(y, dollars, left=left, color=colour, height=0.6)
            if dollars > 500:
                ax.text(left + dollars / 2, y, name, ha="center", va="center", fontsize=10)
            else:  # too narrow to hold its name: the name goes just under the segment
                ax.text(left + dollars / 2, y - 0.32, name, ha="center", va="top", fontsize=9)
            left += dollars
        ax.text(left, y, " " + money(left), va="center", fontsize=11)
    ax.set_yticks(range(len(rows)), [_option_label(option) for option in rows])
    ax.set_xlabel(tr("US dollars per soldier-month"))
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(FuncFormatter(_whole_numbers))
    note = tr("Bonuses spread over {months} months (our assumption).").format(
        months=number_text(f"{contract_months:g}")
    )
    style.add_source(fig, _cost_source_line(note=note))
    return fig


def draw_break_even(rub_per_usd: float, contract_months: float = ASSUMED_CONTRACT_MONTHS) -> Figure:
    """Chart: dollars per effective soldier-month against North Korean effectiveness.

    >>> fig = draw_break_even(97.0121)
    >>> len(fig.axes[0].lines)
    3
    """
    table = option_costs(rub_per_usd, contract_months, 1.0)
    nk = table.loc["North Korean troops", "per soldier-month"]
    contract = table.loc["Russian contract soldiers", "per soldier-month"]
    point = break_even_effectiveness(nk, contract)
    shares = [s / 100 for s in range(30, 101, 5)]
    fig, ax = style.figure(7.5, 4.0, right_room=1.9)
    ax.plot(shares, [nk / s for s in shares], marker="", color=_COLOURS["North Korean troops"])
    ax.annotate(
        _option_label("North Korean troops"),
        xy=(0.4, nk / 0.4),
        xytext=(10, 6),
        textcoords="offset points",
        color=_COLOURS["North Korean troops"],
    )
    ax.plot(
        [0.3, 1.0], [contract, contract], marker="", linestyle="--", color=style.PALETTE["blue"]
    )
    style.label_end(ax, 1.0, contract, tr("Russian contract\nsoldiers"), style.PALETTE["blue"])
    if point <= 1:
        ax.plot([point], [contract], marker="o", linestyle="none", color=style.PALETTE["black"])
        ax.annotate(
            tr("break-even at {point}").format(point=number(point, 2)),
            xy=(point, contract),
            xytext=(12, 18),
            textcoords="offset points",
        )
    ax.set_xlim(0.3, 1.0)
    ax.set_ylim(0, nk / 0.3 * 1.05)
    ax.set_xlabel(tr("effectiveness of a North Korean soldier (a Russian = 1)"))
    ax.set_ylabel(tr("$ per effective soldier-month"))
    ax.yaxis.set_major_formatter(FuncFormatter(_whole_numbers))
    style.add_source(fig, chart_source_line(*COST_SOURCES, "language_barrier"))
    return fig


def draw_weighted_scores(
    weights: Mapping[str, float], scores: pd.DataFrame | None = None
) -> Figure:
    """Chart: each option's weighted score (1 to 5) under the given weights, best on top.

    >>> fig = draw_weighted_scores(EQUAL_WEIGHTS)
    >>> fig.axes[0].get_xlim()
    (np.float64(0.0), np.float64(5.0))
    """
    table = DEFAULT_SCORES if scores is None else scores
    result = weighted_scores(table, weights).iloc[::-1]
    fig, ax = style.figure(7.5, 3.2)
    fig.subplots_adjust(left=2.3 / 7.5)
    bars = ax.barh(
        [_option_label(option) for option in result.index],
        result.to_numpy(),
        color=[_COLOURS.get(o, style.GREY) for o in result.index],
    )
    _category_names(ax.yaxis)
    ax.bar_label(bars, labels=[number(v, 2) for v in result], padding=4)
    ax.set_xlim(0, 5)
    ax.set_xlabel(tr("weighted score (1 = bad for the Kremlin, 5 = good)"))
    ax.grid(axis="y", visible=False)
    listed = ", ".join(f"{_criterion_label(k)} {number_text(f'{v:g}')}" for k, v in weights.items())
    style.add_source(
        fig,
        tr("Scores: our illustrative judgement, not a source's; weights: {weights}.").format(
            weights=listed
        ),
    )
    return fig


class CostComparisonChart(style.LiveChart):
    """Chart (the what-if widget): the cash to fill a monthly gap with effective soldiers, per option.

    Built once; each ``update`` (a slider move) only changes the bars, their labels, the
    x label and the source line. ``contract_months`` is the contract length used when
    ``update`` is not given one (the notebook's widget has a slider for it too).

    >>> chart = CostComparisonChart()
    >>> fig = chart.update(gap_soldiers=15_000, nk_effectiveness=0.6, rub_per_usd=97.0121)
    >>> [label.get_text() for label in chart.bar_labels]
    ['$32 m', '$44 m', '$60 m']
    """

    BAR_LABEL = "${:,.0f} m"  # the English form of bar_label()

    @staticmethod
    def bar_label(millions: float) -> str:
        """A bar's label: its millions of dollars, in the language in use ("$32 m")."""
        return tr("{amount} m").format(amount=money(millions))

    def __init__(self, contract_months: float = ASSUMED_CONTRACT_MONTHS) -> None:
        require_number("contract_months", contract_months, allow_zero=False)
        self.contract_months = contract_months
        fig, ax = style.figure(7.5, 3.4, right_room=0.6)
        fig.subplots_adjust(left=2.3 / 7.5)
        self.ax = ax
        self.bars = ax.barh(
            [
                tr("mobilisation\n(cash only)"),
                tr("Russian contract\nsoldiers"),
                tr("North Korean\ntroops"),
            ],
            [0.0, 0.0, 0.0],
            color=[_COLOURS[o] for o in reversed(OPTIONS)],
        )
        _category_names(ax.yaxis)
        self.bar_labels = _bar_labels(ax, self.bars, self.bar_label)
        ax.set_xticks([])  # the bars carry their values: fewer artists, a faster redraw
        ax.tick_params(left=False)
        ax.grid(visible=False)
        ax.set_xlabel(" ")
        self.x_label = ax.xaxis.label
        # The source line ends with our assumptions, which update() fills in.
        self.source = style.add_source(fig, _cost_source_line())
        super().__init__(fig)

    def update(  # type: ignore[override]
        self,
        gap_soldiers: float,
        nk_effectiveness: float,
        rub_per_usd: float,
        contract_months: float | None = None,
    ) -> Figure:
        """Show the cost of filling ``gap_soldiers`` a month each way; return the figure."""
        gap = require_number("gap_soldiers", gap_soldiers)
        base = _base_inputs()
        share = require_share("nk_effectiveness", nk_effectiveness, allow_zero=False)
        months = self.contract_months if contract_months is None else contract_months
        contract = contract_usd_per_soldier_month(
            base["pay_rub_per_month"],
            base["federal_signon_rub"],
            base["regional_signon_rub"],
            months,
            rub_per_usd,
        )
        nk = nk_usd_per_soldier_month(base["fee_usd_per_month"], base["minders_per_30"], contract)
        pay = rub_to_usd(base["pay_rub_per_month"], rub_per_usd)
        millions = [pay * gap / 1e6, contract * gap / 1e6, nk / share * gap / 1e6]
        # Our assumptions first: the line then keeps them whole on its first line.
        assumptions = tr(
            "Our assumptions: {rate} RUB/USD, effectiveness {effectiveness},"
            " bonuses over {months} months."
        ).format(
            rate=number_text(f"{rub_per_usd:.4g}"),
            effectiveness=number(nk_effectiveness, 2),
            months=number_text(f"{months:g}"),
        )
        source = assumptions + " " + _cost_source_line(*GAP_SOURCES)
        for bar, label, width in zip(self.bars, self.bar_labels, millions, strict=True):
            bar.set_width(width)
            label.xy = (width, label.xy[1])  # just right of the bar's end
            label.set_text(self.bar_label(width))
        self.ax.set_xlim(0, max(max(millions), 1.0) * 1.25)
        self.x_label.set_text(
            tr("million US dollars a month for {count} effective soldiers").format(
                count=number(gap)
            )
        )
        style.set_source(self.fig, self.source, source)
        return self.fig


def draw_cost_comparison(
    gap_soldiers: float,
    nk_effectiveness: float,
    rub_per_usd: float,
    contract_months: float = ASSUMED_CONTRACT_MONTHS,
) -> Figure:
    """Chart (the what-if widget): the cash to fill a monthly gap with effective soldiers, per option.

    (The same chart as ``CostComparisonChart``, drawn new: for a one-off chart in a notebook.)

    >>> fig = draw_cost_comparison(15_000, 0.6, 97.0121)
    >>> len(fig.axes[0].patches)
    3
    """
    return CostComparisonChart(contract_months).update(gap_soldiers, nk_effectiveness, rub_per_usd)
