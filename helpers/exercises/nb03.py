"""Exercises of notebook 03, manpower arithmetic. Answers are computed, never typed in."""

from __future__ import annotations

from helpers.exercise_types import Exercise, Mistake
from helpers.manpower import (
    DAYS_PER_MONTH,
    monthly_gap,
    per_period,
    periods_sustained,
    simulate_force,
    soldiers_freed_after_escorts,
)
from helpers.money import share_of
from helpers.sources import claim, fact

MONTHS_IN_A_YEAR = 12
DAYS_IN_A_YEAR = 365
TENTH = 0.1  # "a tenth of the army" in exercise 3.7


def _losses() -> float:
    return claim("russia_losses_per_day").value


def _soldiers() -> float:
    return claim("nk_soldiers_left").value


def _midpoint(id_: str) -> float:
    f = fact(id_)
    return (f.low + f.high) / 2


def _permanent() -> float:
    return _midpoint("ukdi_permanent_losses_2023")


def _casualties() -> float:
    return _midpoint("ukdi_total_losses_2023_10")


def _recruits_kluge() -> float:
    return fact("ru_recruits_per_day_q3_2024").value


def _recruits_official() -> float:
    return fact("ru_recruits_per_day_claim").value


def _shrink(losses_per_day: float, recruits_per_day: float) -> float:
    """How many fewer soldiers after a year of 30-day months, from the troops-in-Ukraine start."""
    start = fact("ru_troops_in_ukraine").value
    path = simulate_force(
        start,
        MONTHS_IN_A_YEAR,
        per_period(losses_per_day, DAYS_PER_MONTH),
        per_period(recruits_per_day, DAYS_PER_MONTH),
    )
    return start - path["force"].iloc[-1]


def _nk_active() -> float:
    return fact("nk_active_rok_2022").value


def _escorts_per_guard() -> float:
    return fact("russian_escorts_per_30").value / 30


EXERCISES = {
    "3.1": Exercise(
        question="At the article's 'at least 1,200 a day', how many people does Russia lose "
        "in a year of 365 days?",
        expected=lambda: per_period(_losses(), DAYS_IN_A_YEAR),
        unit="people (killed and wounded)",
        hint="a rate per day times the number of days in the period (a year has 365 days).",
        mistakes=(
            Mistake(
                lambda: per_period(_losses(), DAYS_PER_MONTH),
                "that is a 30-day month. The question asks for a year.",
            ),
            Mistake(lambda: per_period(_losses(), 7), "that is a week. A year has 365 days."),
            Mistake(
                lambda: _losses() * MONTHS_IN_A_YEAR,
                "you multiplied by 12, as if 1,200 were per month. It is per day.",
            ),
        ),
        well_done="close to half a million casualties a year, and 'at least': it may be more.",
        working="losses per day x 365 days. A lower bound, because the article says 'minstens'.",
    ),
    "3.2": Exercise(
        question="UK Defence Intelligence estimated (October 2023) 150,000-190,000 'permanent' "
        "Russian losses (killed or permanently disabled) out of 240,000-290,000 casualties. Using "
        "the middle of each range, what percentage of casualties were permanent losses?",
        expected=lambda: 100 * share_of(_permanent(), _casualties()),
        unit="percent",
        rel_tol=0.0,
        abs_tol=2.0,
        hint="take the middle of each range ((low + high) / 2), divide permanent by all, "
        "then multiply by 100.",
        mistakes=(
            Mistake(
                lambda: share_of(_permanent(), _casualties()),
                "that is a fraction, not a percentage: multiply by 100.",
            ),
            Mistake(
                lambda: 100 * share_of(_casualties(), _permanent()),
                "you divided the other way round: permanent losses / all casualties.",
            ),
        ),
        well_done="about two in three: and 'permanent' includes the disabled, so deaths are "
        "fewer still. Casualties are not deaths.",
        working="middle of 150,000-190,000 divided by the middle of 240,000-290,000, times 100. "
        "Both ranges are UK estimates resting on Ukrainian reporting.",
    ),
    "3.3": Exercise(
        question="Start from 600,000 Russian troops in Ukraine. Losses are 1,200 a day, recruits "
        "1,000 a day (the official claim), no one else arrives. By how many soldiers has the "
        "force shrunk after 12 months of 30 days?",
        expected=lambda: _shrink(_losses(), _recruits_official()),
        unit="soldiers",
        rel_tol=0.02,
        hint="the force changes each month by recruits - losses. Work out one month's change "
        "(a day's change x 30), then twelve of them.",
        mistakes=(
            Mistake(
                lambda: _shrink(_losses(), 0),
                "you left out the recruits: the force gains 1,000 a day while it loses 1,200.",
            ),
            Mistake(
                lambda: (_losses() - _recruits_official()) * MONTHS_IN_A_YEAR,
                "you used the daily gap as if it were per month: multiply by 30 days too.",
            ),
        ),
        well_done="even if the official recruitment claim is true, the force shrinks, and Bosman's "
        "'laat staan ... uitbreiden' (let alone enlarge) follows.",
        working="(1,000 - 1,200) a day x 30 days x 12 months; the starting size does not "
        "change the answer as long as the force does not run out.",
    ),
    "3.4": Exercise(
        question="At the UK Defence Secretary's figure for October 2024 (1,354 casualties a day, "
        "resting on Ukraine's General Staff reporting), 10,000 arrivals equal how many days of "
        "reported casualties?",
        expected=lambda: periods_sustained(_soldiers(), fact("ukdi_losses_per_day_2024_10").value),
        unit="days",
        rel_tol=0.0,
        abs_tol=0.06,
        hint="arrivals divided by casualties per day. Use 1,354, not the article's 1,200.",
        mistakes=(
            Mistake(
                lambda: periods_sustained(_soldiers(), _losses()),
                "that uses the article's 1,200. The question asks for the October figure.",
            ),
            Mistake(
                lambda: periods_sustained(
                    _soldiers(), fact("radakin_losses_per_day_2024_10").value
                ),
                "that uses Admiral Radakin's 1,500. The question asks for the Defence "
                "Secretary's figure.",
            ),
            Mistake(
                lambda: fact("ukdi_losses_per_day_2024_10").value / _soldiers(),
                "you divided the other way round: arrivals / (casualties per day) gives days.",
            ),
        ),
        well_done="about a week: the higher the daily figure, the fewer days 10,000 arrivals equal.",
        working="10,000 arrivals / 1,354 casualties a day; compare 1,200 (article) and 1,500 "
        "(Radakin) for the same month.",
    ),
    "3.5": Exercise(
        question="Losses are 1,200 a day and Russia recruits 700 a day (the independent estimate "
        "for July-September 2024). How many North Korean soldiers would have to arrive every "
        "30-day month to keep the force the same size?",
        expected=lambda: monthly_gap(_losses(), _recruits_kluge(), DAYS_PER_MONTH),
        unit="soldiers per month",
        hint="first the daily gap (losses - recruits), then a month of it (x 30).",
        mistakes=(
            Mistake(
                lambda: per_period(_losses(), DAYS_PER_MONTH),
                "that is a month of losses. Russia's own recruits fill part of the gap: "
                "subtract them first.",
            ),
            Mistake(
                lambda: _losses() - _recruits_kluge(),
                "that is the gap per day. The question asks per 30-day month.",
            ),
            Mistake(
                lambda: monthly_gap(_losses(), _recruits_official(), DAYS_PER_MONTH),
                "that uses the official claim of 1,000 recruits a day. Use the independent "
                "estimate, 700.",
            ),
        ),
        well_done="one and a half times the whole first group of 10,000, every month, to match "
        "the monthly gap between losses and recruits.",
        working="(losses per day - recruits per day) x 30 days: the break-even arrival rate.",
    ),
    "3.6": Exercise(
        question="What percentage of North Korea's army is 10,000 soldiers, if the army has "
        "1.28 million active troops (South Korea's 2022 Defence White Paper)?",
        expected=lambda: 100 * share_of(_soldiers(), _nk_active()),
        unit="percent",
        rel_tol=0.02,
        hint="part / whole x 100, with 10,000 as the part and 1,280,000 as the whole.",
        mistakes=(
            Mistake(
                lambda: share_of(_soldiers(), _nk_active()),
                "that is a fraction, not a percentage: multiply by 100.",
            ),
            Mistake(
                lambda: 100 * share_of(_soldiers(), claim("nk_army_size").high),
                "that uses the article's two million. Use 1.28 million.",
            ),
            Mistake(
                lambda: 100 * share_of(_soldiers(), claim("nk_army_size").low),
                "that uses the article's one million. Use 1.28 million.",
            ),
        ),
        well_done="under one percent: for North Korea, 10,000 soldiers are a small slice.",
        working="10,000 / 1,280,000 x 100.",
    ),
    "3.7": Exercise(
        question="Suppose North Korea kept sending the break-even number from exercise 3.5 "
        "every month. After how many months would it have sent a tenth of its 1.28 million "
        "active troops?",
        expected=lambda: periods_sustained(
            TENTH * _nk_active(),
            monthly_gap(_losses(), _recruits_kluge(), DAYS_PER_MONTH),
        ),
        unit="months",
        rel_tol=0.02,
        hint="a tenth of the army is the pool; divide it by the soldiers sent per month.",
        mistakes=(
            Mistake(
                lambda: periods_sustained(
                    _nk_active(),
                    monthly_gap(_losses(), _recruits_kluge(), DAYS_PER_MONTH),
                ),
                "that is the whole army. The question asks for a tenth of it.",
            ),
            Mistake(
                lambda: periods_sustained(TENTH * _nk_active(), _soldiers()),
                "that uses 10,000 a month. Use the break-even number from exercise 3.5.",
            ),
        ),
        well_done="well under a year: at that rate, the soldiers sent would add up to a tenth of "
        "North Korea's active army in about 8.5 months.",
        working="(0.1 x 1,280,000) / break-even arrivals per month from exercise 3.5.",
    ),
    "3.8": Exercise(
        question="A plan that Ukraine's military intelligence says it intercepted (one side's "
        "claim) put 3 Russian servicemen with every 30 North Korean soldiers. If 10,000 North "
        "Koreans take over guard posts, one guard per post a Russian held, how many Russian "
        "soldiers are freed for the front?",
        expected=lambda: soldiers_freed_after_escorts(_soldiers(), _escorts_per_guard()),
        unit="soldiers",
        hint="each guard frees one Russian, but each group of 30 ties up 3 Russians: "
        "subtract the escorts.",
        mistakes=(
            Mistake(
                _soldiers,
                "that is one for one. The escorts stay behind with the North Koreans: "
                "subtract them.",
            ),
            Mistake(
                lambda: _soldiers() * _escorts_per_guard(),
                "that is the number of escorts tied up. How many are freed after that?",
            ),
        ),
        well_done="fewer than one for one: and that is before asking whether freed guards are "
        "fit for the front.",
        working="10,000 guards x (1 - 3/30): the escorts come off the soldiers freed.",
    ),
}
