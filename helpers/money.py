"""Money arithmetic: what the deal pays, how big that is, and who keeps it.

>>> payment_usd(10_000, 2_000, 12)
240000000.0
>>> round(share_of(240_000_000, 330_000_000), 3)
0.727
"""

from __future__ import annotations

from functools import cache

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers import style
from helpers._validate import require_count, require_number, require_share
from helpers.language import language, money, number, percent, tr
from helpers.sources import claim, fact
from helpers.style import chart_source_line

__all__ = [
    "payment_usd",
    "share_of",
    "krw_to_usd",
    "rub_to_usd",
    "soldier_keeps_usd",
    "cumulative_payment",
    "economy_usd",
    "troop_income_estimates",
    "russian_pay_usd",
    "gains_table",
    "countable_gains",
    "payoff_table",
    "draw_deal_vs_economy",
    "draw_troop_income_estimates",
    "draw_russian_pay",
    "draw_payment_vs_economy",
    "PaymentVsEconomyChart",
]

MILLION = 1_000_000
BILLION = 1_000_000_000


def payment_usd(soldiers: float, usd_per_soldier_month: float, months: float) -> float:
    """Total paid, in US dollars: soldiers x dollars per soldier per month x months.

    >>> payment_usd(10_000, 2_000, 1)
    20000000.0
    >>> payment_usd(-10, 2_000, 1)
    Traceback (most recent call last):
    ...
    ValueError: soldiers must be zero or more, got -10
    """
    count = require_number("soldiers", soldiers)
    price = require_number("usd_per_soldier_month", usd_per_soldier_month)
    length = require_number("months", months)
    return count * price * length


def share_of(amount: float, base: float) -> float:
    """``amount`` as a share (or multiple) of ``base``: 0.5 is half, 20 is twenty times.

    Multiply by 100 for a percentage. ``base`` must be more than zero.

    >>> share_of(240, 330)
    0.7272727272727273
    >>> share_of(2_000, 100)
    20.0
    >>> share_of(1, 0)
    Traceback (most recent call last):
    ...
    ValueError: base must be more than zero, got 0
    """
    part = require_number("amount", amount)
    whole = require_number("base", base, allow_zero=False)
    return part / whole


def krw_to_usd(krw: float, krw_per_usd: float) -> float:
    """South Korean won converted to US dollars at a rate given in won per dollar.

    >>> krw_to_usd(2_760_000, 1_380)
    2000.0
    """
    return _to_usd("krw", krw, krw_per_usd)


def rub_to_usd(rub: float, rub_per_usd: float) -> float:
    """Russian roubles converted to US dollars at a rate given in roubles per dollar.

    >>> round(rub_to_usd(204_000, 97.0121), 2)
    2102.83
    """
    return _to_usd("rub", rub, rub_per_usd)


def _to_usd(currency: str, amount: float, per_usd: float) -> float:
    """``amount`` in ``currency`` (its code: "krw", "rub") as US dollars: amount / (units per dollar).

    Errors name the caller's arguments: ``rub`` and ``rub_per_usd`` for roubles.
    """
    value = require_number(currency, amount)
    rate = require_number(f"{currency}_per_usd", per_usd, allow_zero=False)
    return value / rate


def soldier_keeps_usd(usd_per_soldier_month: float, state_share: float) -> float:
    """What is left for the soldier when the state takes ``state_share`` (0 to 1) of the pay.

    >>> round(soldier_keeps_usd(2_000, 0.9), 2)
    200.0
    >>> soldier_keeps_usd(2_000, 90)
    Traceback (most recent call last):
    ...
    ValueError: state_share must be at most 1, got 90
    """
    pay = require_number("usd_per_soldier_month", usd_per_soldier_month)
    share = require_share("state_share", state_share)
    return pay * (1 - share)


def cumulative_payment(soldiers: float, usd_per_soldier_month: float, months: int) -> pd.DataFrame:
    """The payment added up month by month: one row per month from 0 to ``months``.

    >>> cumulative_payment(10, 2_000, 2)
       month  paid_usd
    0      0       0.0
    1      1   20000.0
    2      2   40000.0
    """
    per_month = payment_usd(soldiers, usd_per_soldier_month, 1)
    length = require_count("months", months, allow_zero=False)
    month = pd.RangeIndex(length + 1)
    return pd.DataFrame({"month": month, "paid_usd": month * per_month})


def economy_usd() -> pd.DataFrame:
    """North Korea's economy in US dollars: several estimates, each with its source id.

    GNI (gross national income) is in won in the source; it is converted at the won-per-dollar
    rate implied by a Korean newspaper in October 2024 (``krw_per_usd_oct2024``).

    >>> table = economy_usd()
    >>> round(float(table.set_index("id").loc["nk_gni_2023_krw", "usd"]) / 1e9, 1)
    29.6
    """
    rate = fact("krw_per_usd_oct2024").value
    rows = [
        ("nk_exports_2023_usd", tr("Exports, 2023 (recorded)"), fact("nk_exports_2023_usd").value),
        ("nk_gdp_cia_2023_usd", tr("GDP, 2023 (CIA)"), fact("nk_gdp_cia_2023_usd").value),
        (
            "nk_gni_2023_krw",
            tr("GNI, 2023 (Bank of Korea)"),
            krw_to_usd(fact("nk_gni_2023_krw").value, rate),
        ),
        (
            "nk_gdp_2024_usd",
            tr("GDP, 2024 (Bank of Korea)"),
            fact("nk_gdp_2024_usd").value,
        ),
    ]
    return pd.DataFrame(rows, columns=["id", "what", "usd"])


def troop_income_estimates() -> pd.DataFrame:
    """Estimates of what the troops earn North Korea in a year, as low/high ranges in dollars.

    ``high`` is missing where the source gives only a lower bound ("more than").

    >>> troop_income_estimates()["who"].tolist()
    ['Article: 10,000 x $2,000 x 12', 'South Korean intelligence (NIS)', 'INSS analyst scenario']
    """
    yearly = payment_usd(claim("nk_soldiers_left").value, claim("pay_per_soldier_month").value, 12)
    nis = fact("nis_troop_income_per_year")
    inss = fact("inss_troop_income_per_year")
    rows = [
        (tr("Article: 10,000 x $2,000 x 12"), yearly, yearly, tr("exact arithmetic")),
        (
            tr("South Korean intelligence (NIS)"),
            nis.low,
            None,
            tr("'more than': a lower bound"),
        ),
        (tr("INSS analyst scenario"), inss.low, inss.high, tr("a range of scenarios")),
    ]
    return pd.DataFrame(rows, columns=["who", "low_usd", "high_usd", "kind"])


def russian_pay_usd() -> pd.DataFrame:
    """What Russia pays per soldier per month, in dollars, converted at the 16 October 2024 rate.

    The sign-on bonuses (federal plus the average regional bonus) are paid once; here they
    are spread over a one-year contract, which is our assumption, to compare with monthly pay.

    >>> table = russian_pay_usd().set_index("what")
    >>> round(table.loc["Russian minimum pay (Reuters)", "usd_per_month"])
    2103
    """
    rate = fact("rub_per_usd_2024_10_16").value
    bonus_rub = fact("ru_signon_federal_2024_rub").value + fact("ru_signon_regional_avg_rub").value
    rows = [
        (tr("Fee to North Korea, per soldier"), claim("pay_per_soldier_month").value, 0.0),
        (
            tr("Russian minimum pay (Reuters)"),
            rub_to_usd(fact("ru_min_pay_rub_reuters").value, rate),
            0.0,
        ),
        (
            tr("Russian minimum pay (Moscow Times)"),
            rub_to_usd(fact("ru_min_pay_rub_mt").value, rate),
            0.0,
        ),
        (
            tr("Russian pay + bonuses over 12 months"),
            rub_to_usd(fact("ru_min_pay_rub_reuters").value, rate),
            rub_to_usd(bonus_rub, rate) / 12,
        ),
    ]
    return pd.DataFrame(rows, columns=["what", "usd_per_month", "bonus_usd_per_month"])


# Breuker's list of gains: which can be put in numbers with the course's sources.
def _gains() -> tuple[tuple[str, str, str, str, str], ...]:
    """(claim id, gain, can we count it?, fact id, what a number would need), in the language in use."""
    return (
        (
            "gain_arms_money",
            tr("money for weapons and ammunition"),
            tr("partly"),
            "fnf_arms_deliveries_usd",
            tr("prices and quantities of shells and missiles: leaked, guessed"),
        ),
        (
            "gain_oil_gas",
            tr("access to Russian oil and gas"),
            tr("not yet"),
            "",
            tr("barrels and cubic metres delivered, and their price; unreported trade"),
        ),
        (
            "gain_food_aid",
            tr("food aid"),
            tr("partly"),
            "nis_rice_tonnes",
            tr("tonnes actually delivered, and a price per tonne to turn it into dollars"),
        ),
        (
            "gain_world_order",
            tr("a place in a new world order"),
            tr("no"),
            "",
            tr("no single number: you could only count signs (visits, treaties, votes at the UN)"),
        ),
    )


def gains_table() -> pd.DataFrame:
    """North Korea's other gains from the article: can each be put in numbers, and how?

    >>> gains_table()["can we count it?"].tolist()
    ['partly', 'not yet', 'partly', 'no']
    """
    rows = []
    for claim_id, gain, countable, fact_id, needs in _gains():
        if fact_id:
            f = fact(fact_id)
            found = tr("{low} to {high} {unit} ({citation})").format(
                low=number(f.low),
                high=number(f.high),
                unit=tr(f.unit),
                citation=_translated_citation(f.citation),
            )
        else:
            found = tr("none in our sources")
        rows.append(
            {
                tr("gain"): gain,
                tr("Dutch words"): claim(claim_id).quote_nl,
                tr("can we count it?"): countable,
                tr("a number we have"): found,
                tr("what a number would need"): needs,
            }
        )
    return pd.DataFrame(rows)


def _translated_citation(citation: str) -> str:
    """A fact's "source, date" with the source in the language in use."""
    source, _, when = citation.rpartition(", ")
    return f"{tr(source)}, {when}" if source else tr(citation)


def gain_facts() -> list[str]:
    """The fact ids the gains table cites (their sources are shown, so translated).

    >>> gain_facts()
    ['fnf_arms_deliveries_usd', 'nis_rice_tonnes']
    """
    return [fact_id for _, _, _, fact_id, _ in _gains() if fact_id]


def countable_gains() -> list[str]:
    """The claim ids of the gains our sources give at least some number for.

    >>> countable_gains()
    ['gain_arms_money', 'gain_food_aid']
    """
    return [claim_id for claim_id, _, _, fact_id, _ in _gains() if fact_id]


def payoff_table() -> pd.DataFrame:
    """The gamble as a table: what could happen, and what it means for each side.

    There are no numbers here on purpose: it is a table for a class to argue over.

    >>> list(payoff_table().columns)
    ['what could happen', 'for North Korea', 'for Russia', 'can it be counted?']
    """
    rows = [
        (
            tr("the soldiers are paid for, month after month"),
            tr("hard currency for the state"),
            tr("a cost, but no unrest at home"),
            tr("yes: soldiers x $ x months"),
        ),
        (
            tr("many soldiers are killed or wounded"),
            tr("loss of young men; families told little"),
            tr("fewer fighters than it paid for"),
            tr("only by estimates; both sides hide losses"),
        ),
        (
            tr("soldiers defect or are captured"),
            tr("embarrassing stories reach the world"),
            tr("proof of the deal in enemy hands"),
            tr("cases can be counted, if reported"),
        ),
        (
            tr("the army's limits are exposed"),
            tr("its real strength becomes known"),
            tr("less help than hoped"),
            tr("hard: only indirect signs"),
        ),
        (
            tr("the world reacts (sanctions, South Korea arms Ukraine)"),
            tr("more isolation, or none"),
            tr("more pressure"),
            tr("hard to say before it happens"),
        ),
        (
            tr("the soldiers gain combat experience"),
            tr("a more experienced army at home"),
            tr("an ally that learns its methods"),
            tr("no"),
        ),
    ]
    columns = [
        tr("what could happen"),
        tr("for North Korea"),
        tr("for Russia"),
        tr("can it be counted?"),
    ]
    return pd.DataFrame(rows, columns=columns)


def draw_deal_vs_economy() -> Figure:
    """Chart: one year of troop payments beside North Korea's exports and its whole economy.

    >>> fig = draw_deal_vs_economy()
    >>> fig.axes[0].get_xlabel()
    'billion US dollars a year'
    """
    yearly = payment_usd(claim("nk_soldiers_left").value, claim("pay_per_soldier_month").value, 12)
    table = economy_usd()
    labels = [tr("Troop fee: 10,000 soldiers, 1 year"), *table["what"]]
    values = [yearly / BILLION, *(table["usd"] / BILLION)]
    colours = [style.PALETTE["vermillion"]] + [style.PALETTE["blue"]] * len(table)
    # Dutch labels are longer ("$ 29,64 mld." for "$29.64bn"): more room on the right.
    fig, ax = style.figure(7.5, 3.6, right_room=0.7 if language() == "en" else 1.0)
    fig.subplots_adjust(left=3.3 / 7.5)
    bars = ax.barh(labels[::-1], values[::-1], color=colours[::-1])
    _category_names(ax.yaxis)
    ax.bar_label(
        bars,
        labels=[tr("{amount}bn").format(amount=_dollars(v, 2)) for v in values[::-1]],
        padding=4,
        fontsize=10,
    )
    ax.set_xlabel(tr("billion US dollars a year"))
    ax.grid(axis="y", visible=False)
    ids = ("pay_per_soldier_month", "nk_soldiers_left", *table["id"], "krw_per_usd_oct2024")
    style.add_source(
        fig, chart_source_line(*ids) + " " + tr("GNI converted from won at 1,380 won per dollar.")
    )
    return fig


def _dollars(x: float, decimals: int = 0) -> str:
    """``money(x)`` for a chart: its dollar sign escaped, so that matplotlib shows it as is."""
    return money(x, decimals).replace("$", r"\$")


def _category_names(axis) -> None:
    """Give a category axis (bars named by text) its names back as tick labels.

    In a language other than English ``style.figure`` gives every axis a number formatter,
    which a category axis then keeps: its ticks would read 0, 1, 2 instead of the names.
    """
    converter = axis.get_converter()
    if converter is not None and axis.units is not None:
        axis.set_major_formatter(converter.axisinfo(axis.units, axis).majfmt)


def _whole_numbers(x: float, position: int | None = None) -> str:
    """A tick label: a whole number as the language in use writes it (1,000 or 1.000)."""
    return number(x)


def _label_above(ax, text: str, x: float, y: float) -> None:
    """``text`` just above the point (x, y) of a range chart."""
    ax.annotate(text, xy=(x, y), xytext=(0, 9), textcoords="offset points", fontsize=10)


def draw_troop_income_estimates() -> Figure:
    """Chart: three estimates of North Korea's yearly income from the troops, as ranges.

    >>> fig = draw_troop_income_estimates()
    >>> fig.axes[0].get_xlabel()
    'million US dollars a year'
    """
    table = troop_income_estimates().iloc[::-1].reset_index(drop=True)
    top = table["high_usd"].max() / MILLION
    fig, ax = style.figure(7.5, 3.2, right_room=0.4)
    fig.subplots_adjust(left=3.3 / 7.5)
    for y, row in table.iterrows():
        low = row["low_usd"] / MILLION
        if pd.isna(row["high_usd"]):  # a lower bound: an arrow pointing right
            ax.annotate(
                "",
                xy=(low + top * 0.25, y),
                xytext=(low, y),
                arrowprops={"arrowstyle": "->", "color": style.PALETTE["orange"], "lw": 2.2},
            )
            ax.plot([low], [y], marker="o", color=style.PALETTE["orange"], linestyle="none")
            _label_above(ax, tr("more than {amount}m").format(amount=_dollars(low)), low, y)
        elif row["high_usd"] == row["low_usd"]:
            ax.plot([low], [y], marker="D", color=style.PALETTE["vermillion"], linestyle="none")
            _label_above(ax, tr("{amount}m").format(amount=_dollars(low)), low, y)
        else:
            high = row["high_usd"] / MILLION
            ax.plot(
                [low, high],
                [y, y],
                color=style.PALETTE["blue"],
                marker="|",
                markersize=14,
                linewidth=4,
            )
            text = tr("{low}m to {high}m").format(low=_dollars(low), high=_dollars(high))
            _label_above(ax, text, low, y)
    ax.set_yticks(range(len(table)), table["who"])
    ax.set_ylim(-0.6, len(table) - 0.3)
    ax.set_xlim(0, top * 1.1)
    ax.set_xlabel(tr("million US dollars a year"))
    ax.grid(axis="y", visible=False)
    style.add_source(
        fig,
        chart_source_line(
            "pay_per_soldier_month",
            "nk_soldiers_left",
            "nis_troop_income_per_year",
            "inss_troop_income_per_year",
        ),
    )
    return fig


def draw_russian_pay() -> Figure:
    """Chart: the fee for a North Korean soldier beside a Russian contract soldier's pay.

    >>> fig = draw_russian_pay()
    >>> fig.axes[0].get_xlabel()
    'US dollars per soldier per month'
    """
    table = russian_pay_usd().iloc[::-1]
    fig, ax = style.figure(7.5, 3.4, right_room=0.9)
    fig.subplots_adjust(left=3.3 / 7.5)
    colours = [style.PALETTE["blue"]] * (len(table) - 1) + [style.PALETTE["vermillion"]]
    ax.barh(table["what"], table["usd_per_month"], color=colours)
    bonus = ax.barh(
        table["what"],
        table["bonus_usd_per_month"],
        left=table["usd_per_month"],
        color=style.PALETTE["sky"],
        hatch="//",
    )
    _category_names(ax.yaxis)
    totals = table["usd_per_month"] + table["bonus_usd_per_month"]
    ax.bar_label(bonus, labels=[_dollars(t) for t in totals], padding=4, fontsize=10)
    ax.set_xlabel(tr("US dollars per soldier per month"))
    ax.grid(axis="y", visible=False)
    style.add_source(
        fig,
        chart_source_line(
            "pay_per_soldier_month",
            "ru_min_pay_rub_reuters",
            "ru_min_pay_rub_mt",
            "ru_signon_federal_2024_rub",
            "ru_signon_regional_avg_rub",
            "rub_per_usd_2024_10_16",
        )
        + " "
        + tr(
            "Roubles converted at the 16 Oct 2024 rate; bonuses spread over 12 months"
            " (our assumption)."
        ),
    )
    return fig


def _widget_constants() -> tuple[float, float, float, str]:
    """Fee, a year's exports, a year's GNI (dollars) and the source line, looked up once."""
    return _widget_constants_in(language())


@cache
def _widget_constants_in(language_code: str) -> tuple[float, float, float, str]:
    """``_widget_constants`` for one language (the source line is written in it)."""
    gni = krw_to_usd(fact("nk_gni_2023_krw").value, fact("krw_per_usd_oct2024").value)
    source = chart_source_line(
        "pay_per_soldier_month",
        "nk_soldiers_left",  # the slider starts at the article's 10,000
        "nk_exports_2023_usd",
        "nk_gni_2023_krw",
        "krw_per_usd_oct2024",
    )
    return claim("pay_per_soldier_month").value, fact("nk_exports_2023_usd").value, gni, source


def _share_text(share: float) -> str:
    """'73% of' below twice the base, '21.8 times' from there on."""
    if share < 2:
        return tr("{percent} of").format(percent=percent(100 * share))
    return tr("{times} times").format(times=number(share, 1))


class PaymentVsEconomyChart(style.LiveChart):
    """Chart for the what-if widget: the payment adding up, against a year of recorded exports.

    The text box says what the total is as a share of North Korea's yearly exports and GNI.
    Built once; each ``update`` (a slider move) only moves the line, the label and the text.

    >>> chart = PaymentVsEconomyChart()
    >>> fig = chart.update(soldiers=100_000, months=36)
    >>> fig.axes[0].texts[-1].get_text().splitlines()[1]
    "= 21.8 times a year's exports"
    """

    def __init__(self) -> None:
        _, exports, _, source = _widget_constants()
        self.exports_millions = exports / MILLION
        fig, ax = style.figure(7.5, 4.0, right_room=0.3)
        self.ax = ax
        blue = style.PALETTE["blue"]
        (self.payment,) = ax.plot([0, 1], [0, 0], marker="", color=style.PALETTE["vermillion"])
        ax.axhline(self.exports_millions, color=blue, linestyle="--", linewidth=2)
        self.exports_label = ax.annotate(
            tr("North Korea's recorded exports in one year (2023)"),
            xy=(1, self.exports_millions),
            xytext=(-4, 5),
            ha="right",
            textcoords="offset points",
            color=blue,
            fontsize=10,
        )
        self.summary = ax.text(0.02, 0.97, "", transform=ax.transAxes, va="top", fontsize=11)
        ax.set_xlabel(tr("months of deployment"))
        ax.set_ylabel(tr("million US dollars paid"))
        ax.yaxis.set_major_formatter(FuncFormatter(_whole_numbers))
        ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))  # fewer ticks: a faster redraw
        ax.yaxis.set_major_locator(MaxNLocator(5))
        style.add_source(fig, source)
        super().__init__(fig)

    def update(self, soldiers: int = 10_000, months: int = 12) -> Figure:  # type: ignore[override]
        """Show ``soldiers`` paid for over ``months`` months; return the figure."""
        count = require_count("soldiers", soldiers)
        pay, exports, gni, _ = _widget_constants()
        line = cumulative_payment(count, pay, months)
        total = line["paid_usd"].iloc[-1]
        after = tr("After {months} month:") if int(months) == 1 else tr("After {months} months:")
        summary = (
            after.format(months=number(int(months)))
            + " "
            + tr("{amount} million").format(amount=_dollars(total / MILLION))
            + "\n"
            + tr("= {share} a year's exports").format(share=_share_text(share_of(total, exports)))
            + "\n"
            + tr("= {percent} of a year's GNI").format(
                percent=percent(100 * share_of(total, gni), 1)
            )
        )
        # Everything is computed and checked: now move the artists.
        self.payment.set_data(line["month"].to_numpy(), line["paid_usd"].to_numpy() / MILLION)
        self.exports_label.xy = (months, self.exports_millions)
        self.summary.set_text(summary)
        self.ax.set_xlim(0, months)
        self.ax.set_ylim(0, max(total, exports) / MILLION * 1.5)
        return self.fig


def draw_payment_vs_economy(soldiers: int = 10_000, months: int = 12) -> Figure:
    """Chart for the what-if widget: the payment adding up, against a year of recorded exports.

    The text box says what the total is as a share of North Korea's yearly exports and GNI.
    (The same chart as ``PaymentVsEconomyChart``, drawn new: for a one-off chart.)

    >>> fig = draw_payment_vs_economy(10_000, 12)
    >>> round(fig.axes[0].lines[0].get_ydata()[-1])
    240
    """
    return PaymentVsEconomyChart().update(soldiers, months)
