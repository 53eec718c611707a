"""Exercises of notebook 02, incentives. Answers are computed, never typed in."""

from __future__ import annotations

from helpers.exercise_types import Exercise, Mistake
from helpers.money import (
    countable_gains,
    krw_to_usd,
    payment_usd,
    rub_to_usd,
    share_of,
    soldier_keeps_usd,
)
from helpers.sources import claim, fact

GAIN_LETTERS = {
    "gain_arms_money": "a",
    "gain_oil_gas": "b",
    "gain_food_aid": "c",
    "gain_world_order": "d",
}


def _soldiers() -> float:
    return claim("nk_soldiers_left").value


def _pay() -> float:
    return claim("pay_per_soldier_month").value


def _yearly() -> float:
    return payment_usd(_soldiers(), _pay(), 12)


def _exports() -> float:
    return fact("nk_exports_2023_usd").value


def _krw_per_usd() -> float:
    return fact("krw_per_usd_oct2024").value


def _gni_krw() -> float:
    return fact("nk_gni_2023_krw").value


def _income_per_head_month() -> float:
    return fact("nk_gni_per_head_month_2023_usd").value


def _state_share() -> float:
    return fact("state_share_of_pay").value


def _rub_per_usd() -> float:
    return fact("rub_per_usd_2024_10_16").value


def _ru_min_pay() -> float:
    return fact("ru_min_pay_rub_reuters").value


EXERCISES = {
    "2.1": Exercise(
        question="North Korea's GNI in 2023 was 40.9 trillion won. What is that in US dollars, "
        "at 1,380 won per dollar?",
        expected=lambda: krw_to_usd(_gni_krw(), _krw_per_usd()),
        unit="US dollars",
        rel_tol=0.02,
        hint="won / (won per dollar) = dollars. A trillion is 1,000,000,000,000.",
        mistakes=(
            Mistake(
                lambda: _gni_krw() * _krw_per_usd(),
                "you multiplied. The rate is won per dollar, so divide won by it to get dollars.",
            ),
            Mistake(
                lambda: krw_to_usd(_gni_krw(), _krw_per_usd()) / 1e9,
                "that is the number of billions. Give the full number of dollars "
                "(e.g. 29.6e9 or 29_600_000_000).",
            ),
        ),
        well_done="about 30 billion dollars a year, for a country of about 26 million people.",
        working="GNI in won divided by 1,380 won per dollar (the rate implied by the Korea Daily's "
        "own conversion in October 2024).",
    ),
    "2.2": Exercise(
        question="A year of payments for 10,000 soldiers is what percentage of North Korea's "
        "recorded exports in 2023?",
        expected=lambda: 100 * share_of(_yearly(), _exports()),
        unit="percent",
        abs_tol=1.0,
        hint="first work out a year's payment (soldiers x $ x 12), divide it by the exports, "
        "then multiply by 100.",
        mistakes=(
            Mistake(
                lambda: 100 * share_of(payment_usd(_soldiers(), _pay(), 1), _exports()),
                "that is one month's payment. Exports are for a whole year: use 12 months.",
            ),
            Mistake(
                lambda: share_of(_yearly(), _exports()),
                "that is the share as a fraction. Multiply by 100 to get a percentage.",
            ),
            Mistake(
                lambda: 100 * share_of(_exports(), _yearly()),
                "you divided the other way round: payment / exports, not exports / payment.",
            ),
        ),
        well_done="close to three quarters: a year of fees for 10,000 soldiers comes near to "
        "everything North Korea officially sells abroad in a year.",
        working="10,000 soldiers x $2,000 x 12 months, divided by recorded exports in 2023, "
        "times 100.",
    ),
    "2.3": Exercise(
        question="North Korea's income per head was about $98 a month in 2023. "
        "How many times that is the $2,000 fee for one soldier for one month?",
        expected=lambda: share_of(_pay(), _income_per_head_month()),
        unit="times",
        abs_tol=0.5,
        hint="divide the fee by the monthly income per head.",
        mistakes=(
            Mistake(
                lambda: fact("pay_vs_income_ratio").value,
                "that is the newspaper's 'at least 23'. Work it out yourself from $2,000 and $98: "
                "what do you get?",
            ),
            Mistake(
                lambda: share_of(_income_per_head_month(), _pay()),
                "you divided the other way round: fee / income, not income / fee.",
            ),
            Mistake(
                lambda: share_of(
                    _pay(), krw_to_usd(fact("nk_gni_per_head_2023_krw").value, _krw_per_usd())
                ),
                "that uses income per head per year. The fee is per month: use $98 a month.",
            ),
        ),
        well_done="about twenty times: one soldier's fee for a month equals what an average "
        "North Korean's share of national income comes to in well over a year.",
        working="$2,000 divided by $98 per head per month. Note it comes to about 20, not the "
        "newspaper's 'at least 23'.",
    ),
    "2.4": Exercise(
        question="If the state takes 90% of the $2,000, how many dollars a month are left "
        "for the soldier?",
        expected=lambda: soldier_keeps_usd(_pay(), _state_share()),
        unit="US dollars per month",
        abs_tol=1.0,
        hint="the soldier keeps what the state does not take: 100% - 90% = 10% of $2,000.",
        mistakes=(
            Mistake(
                lambda: _pay() * _state_share(),
                "that is the state's part. What is left for the soldier?",
            ),
        ),
        well_done="at most $200, and defectors say soldiers at home get less than $1 a month.",
        working="$2,000 x (1 - 0.9). The 90% is a press estimate, so this is a 'what if', "
        "not a fact.",
    ),
    "2.5": Exercise(
        question="The Korea Institute for Defense Analyses put North Korea's total gains at "
        "28.7 trillion won, of which the troop dispatch was 0.4 trillion. "
        "What percentage of the gains came from the troops?",
        expected=lambda: (
            100 * share_of(fact("kida_troops_krw").value, fact("kida_total_gains_krw").value)
        ),
        unit="percent",
        abs_tol=0.1,
        hint="troops / total x 100. No need to convert to dollars: both are in won.",
        mistakes=(
            Mistake(
                lambda: share_of(fact("kida_troops_krw").value, fact("kida_total_gains_krw").value),
                "that is a fraction. Multiply by 100 for a percentage.",
            ),
        ),
        well_done="under 2%: by this estimate, shells and missiles earned far more than soldiers.",
        working="0.4 trillion won divided by 28.7 trillion won, times 100. A ratio of two amounts "
        "in the same currency needs no exchange rate.",
    ),
    "2.6": Exercise(
        question="Which of Breuker's other gains do our sources give at least some number for? "
        "(a) money for weapons (b) oil and gas (c) food aid (d) a place in a new world order",
        expected=lambda: [GAIN_LETTERS[g] for g in countable_gains()],
        kind="choices",
        hint="look at the column 'a number we have' in the table of gains above.",
        well_done="arms (an estimate from leaks) and food aid (tonnes of rice, not dollars). "
        "Oil, gas and standing in the world have no number yet.",
        working="the gains table lists a figure for arms deliveries (Friedrich Naumann Foundation, "
        "a wide range) and for rice (South Korean intelligence, in tonnes); none for oil and gas, "
        "and a place in a world order cannot be one number.",
    ),
    "2.7": Exercise(
        question="A Russian contract soldier's minimum pay in 2024 was 204,000 roubles a month. "
        "What is that in US dollars at the 16 October 2024 rate of 97.0121 roubles per dollar?",
        expected=lambda: rub_to_usd(_ru_min_pay(), _rub_per_usd()),
        unit="US dollars per month",
        rel_tol=0.01,
        hint="roubles / (roubles per dollar) = dollars.",
        mistakes=(
            Mistake(
                lambda: _ru_min_pay() * _rub_per_usd(),
                "you multiplied. The rate is roubles per dollar, so divide.",
            ),
            Mistake(
                lambda: rub_to_usd(_ru_min_pay(), _rub_per_usd()) * 12,
                "that is a year's pay. The question asks per month.",
            ),
        ),
        well_done="a little over $2,000: the fee Russia pays North Korea per soldier is close to "
        "its own contract soldier's minimum pay, before bonuses.",
        working="204,000 roubles divided by 97.0121 roubles per dollar.",
    ),
}
