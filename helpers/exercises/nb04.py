"""Exercises of notebook 04, costs. Answers are computed from ``seeds/``, never typed in."""

from __future__ import annotations

from helpers.costs import (
    ASSUMED_CONTRACT_MONTHS,
    DEFAULT_SCORES,
    OPTIONS,
    base_inputs,
    break_even_effectiveness,
    contract_usd_per_soldier_month,
    left_per_mobilised,
    nk_usd_per_soldier_month,
    weighted_scores,
)
from helpers.exercise_types import Exercise, Mistake
from helpers.manpower import monthly_gap
from helpers.money import rub_to_usd
from helpers.sources import claim, fact

OPTION_LETTERS = dict(zip(OPTIONS, "abc", strict=True))


def _losses() -> float:
    return claim("russia_losses_per_day").value


def _recruits() -> float:
    return fact("ru_recruits_per_day_q3_2024").value


def _rate() -> float:
    return base_inputs()["rub_per_usd"]


def _pay_rub() -> float:
    return base_inputs()["pay_rub_per_month"]


def _bonus_rub() -> float:
    b = base_inputs()
    return b["federal_signon_rub"] + b["regional_signon_rub"]


def _bonus_per_month(months: float = ASSUMED_CONTRACT_MONTHS) -> float:
    return rub_to_usd(_bonus_rub(), _rate()) / months


def _contract(months: float = ASSUMED_CONTRACT_MONTHS) -> float:
    b = base_inputs()
    return contract_usd_per_soldier_month(
        b["pay_rub_per_month"], b["federal_signon_rub"], b["regional_signon_rub"], months, _rate()
    )


def _nk(minders: float | None = None) -> float:
    b = base_inputs()
    return nk_usd_per_soldier_month(
        b["fee_usd_per_month"], b["minders_per_30"] if minders is None else minders, _contract()
    )


def _political_first() -> dict[str, float]:
    return {"cash": 1, "political risk at home": 3, "diplomatic cost": 1} | {
        "reliability at the front": 1,
        "speed": 1,
    }


EXERCISES = {
    "4.1": Exercise(
        question="Losses of 1,200 a day, recruits of 700 a day: how many soldiers a 30-day month "
        "must Russia find on top of its recruits?",
        expected=lambda: monthly_gap(_losses(), _recruits(), 30),
        unit="soldiers per month",
        hint="subtract recruits from losses (per day), then multiply by 30 days.",
        mistakes=(
            Mistake(
                lambda: monthly_gap(_losses(), _recruits(), 1),
                "that is the gap per day. The question asks per 30-day month.",
            ),
            Mistake(
                lambda: _losses() * 30,
                "that is a month of losses. Recruits fill part of it: subtract them first.",
            ),
            Mistake(
                lambda: (_losses() + _recruits()) * 30,
                "recruits close the gap, so subtract them, do not add them.",
            ),
        ),
        well_done="a gap of about 15,000 a month, as in lesson 03: one and a half times the "
        "10,000 North Korean arrivals, every month.",
        working="(losses per day - recruits per day) x 30 days; losses from the article "
        "('at least', so a lower bound), recruits from Kluge's July-September 2024 estimate.",
    ),
    "4.2": Exercise(
        question="The federal sign-on bonus (400,000 roubles) and the average regional one "
        "(596,000 roubles) are each paid once. Spread over a 12-month contract, how many US dollars "
        "a month do they add, at the rate of 16 October 2024?",
        expected=_bonus_per_month,
        unit="US dollars per month",
        hint="(federal bonus + regional bonus) / 12 months gives roubles a month; the rate is "
        "roubles per dollar, so divide by it.",
        mistakes=(
            Mistake(
                lambda: _bonus_per_month(1),
                "that is the whole bonus in one month. It is paid once: spread it over 12 months.",
            ),
            Mistake(
                lambda: _bonus_per_month() * _rate(),
                "that is still in roubles (83,000 a month). Divide by the rate to get dollars.",
            ),
            Mistake(
                lambda: _bonus_rub() / 12 * _rate(),
                "you multiplied by the rate. It says how many roubles buy one dollar: divide.",
            ),
            Mistake(
                lambda: rub_to_usd(base_inputs()["federal_signon_rub"], _rate()) / 12,
                "that is the federal bonus alone. Add the regional bonus (596,000 roubles) first.",
            ),
            Mistake(
                lambda: rub_to_usd(base_inputs()["regional_signon_rub"], _rate()) / 12,
                "that is the regional bonus alone. Add the federal bonus (400,000 roubles) first.",
            ),
        ),
        well_done="about $860 a month on top of the pay: paid once, the bonuses still add a lot "
        "to every month of a 12-month contract.",
        working="(400,000 + 596,000) roubles / 12 months / 97.01 roubles per dollar (Central Bank "
        "of Russia, 16 October 2024); the 12-month spread is our assumption.",
    ),
    "4.3": Exercise(
        question="Add the minimum monthly pay (204,000 roubles) and the two sign-on bonuses spread "
        "over a 12-month contract. What does one contract soldier-month cost Russia, in US dollars?",
        expected=_contract,
        unit="US dollars per soldier-month",
        hint="the pay in dollars (lesson 02: about $2,103) plus your answer to exercise 4.2.",
        mistakes=(
            Mistake(
                lambda: _contract(1),
                "you put the whole bonus into one month. It is paid once: spread it over 12.",
            ),
            Mistake(
                lambda: rub_to_usd(_pay_rub(), _rate()),
                "that is the pay alone. Add the two bonuses, spread over 12 months (exercise 4.2).",
            ),
            Mistake(
                lambda: contract_usd_per_soldier_month(
                    _pay_rub(), base_inputs()["federal_signon_rub"], 0, 12, _rate()
                ),
                "you left out the regional bonus (596,000 roubles on average).",
            ),
        ),
        well_done="close to $3,000 a month: the bonuses add about 40% to the pay.",
        working="(204,000 + (400,000 + 596,000) / 12) roubles / 97.01 roubles per dollar; "
        "the 12-month spread is our assumption.",
    ),
    "4.4": Exercise(
        question="The reported plan gives 30 North Korean soldiers 1 translator and 3 Russian soldiers. "
        "Counting each of those 4 at the contract soldier-month cost, what is Russia's cost per "
        "North Korean soldier per month (fee plus minders), in US dollars?",
        expected=_nk,
        unit="US dollars per soldier-month",
        hint="$2,000 + (4 / 30) x the cost of a contract soldier-month.",
        mistakes=(
            Mistake(
                lambda: base_inputs()["fee_usd_per_month"],
                "that is the fee alone. Add each soldier's share of the 4 Russian minders.",
            ),
            Mistake(
                lambda: _nk(1),
                "you counted only the translator. The plan adds 3 Russian soldiers too: 4 per 30.",
            ),
            Mistake(
                lambda: base_inputs()["fee_usd_per_month"] + 4 * _contract(),
                "the 4 minders look after 30 soldiers, so each soldier carries 4/30 of one minder.",
            ),
        ),
        well_done="about $2,400: the minders add roughly a fifth to the fee.",
        working="fee + (translators + Russian escorts) / 30 x contract soldier-month cost.",
    ),
    "4.5": Exercise(
        question="Forbes Russia, citing Kremlin sources, put border departures in the two weeks "
        "after the 2022 mobilisation order at about 700,000 (a gross count: tourists and people "
        "who came back are included). About 300,000 men were called up. How many departures "
        "were there for each man called up?",
        expected=lambda: left_per_mobilised(
            fact("left_russia_by_oct_4").value, fact("mobilised_2022_shoigu").value
        ),
        unit="departures per man called up",
        abs_tol=0.05,
        hint="divide the people who left by the men called up.",
        mistakes=(
            Mistake(
                lambda: fact("mobilised_2022_shoigu").value / fact("left_russia_by_oct_4").value,
                "you divided the other way round: departures / men called up.",
            ),
        ),
        well_done="more than two border departures for every man called up: crossings, not all "
        "of them emigrants.",
        working="700,000 who left (Forbes Russia's estimate, range 600,000 to 1 million) / 300,000 "
        "called up (Shoigu).",
    ),
    "4.6": Exercise(
        question="Take the share of a trained, Russian-speaking soldier's tasks that a soldier who "
        "speaks no Russian can take on (0 to 1). Below what share does the North Korean option "
        "cost Russia MORE per month of full tasks than a contract soldier? Answer as a share, e.g. 0.5.",
        expected=lambda: break_even_effectiveness(_nk(), _contract()),
        unit="share (0 to 1)",
        abs_tol=0.01,
        sig_figs=1,  # well_done says "about 0.8"
        hint="break-even is where North Korean cost / share = contract cost: "
        "share = North Korean cost / contract cost.",
        mistakes=(
            Mistake(
                lambda: _contract() / _nk(),
                "you divided the other way round; the answer is a share below 1.",
            ),
            Mistake(
                lambda: 100 * break_even_effectiveness(_nk(), _contract()),
                "right idea, but give it as a share (like 0.5), not a percentage.",
            ),
        ),
        well_done="about 0.8: the fee is only cheaper if soldiers without a common language can "
        "take on more than about four fifths of the tasks; below that, the cheaper-looking deal "
        "is the dearer one.",
        working="North Korean cost per soldier-month / contract cost per soldier-month.",
    ),
    "4.7": Exercise(
        question="Weigh 'political risk at home' three times as much as each other criterion. "
        "Which option comes LAST? (a) North Korean troops (b) Russian contract soldiers (c) mobilisation",
        expected=lambda: OPTION_LETTERS[
            weighted_scores(DEFAULT_SCORES, _political_first()).index[-1]
        ],
        kind="choice",
        hint="set the weight of political risk at home to 3 and the rest to 1, run the table, "
        "and read the bottom row.",
        mistakes=(
            Mistake(
                lambda: OPTION_LETTERS[
                    weighted_scores(DEFAULT_SCORES, _political_first()).index[0]
                ],
                "that option comes first, not last.",
            ),
        ),
        well_done="with our scores and this weighting, mobilisation comes last. That matches the "
        "article's reading, but only because we scored its political risk so low.",
        working="weights 3 on political risk and 1 on each of the other four; mobilisation's score "
        "of 1 for political risk pulls it below the others.",
    ),
}
