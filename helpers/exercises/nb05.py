"""Exercises of notebook 05, uncertainty in the numbers. Answers are computed, never typed in."""

from __future__ import annotations

from helpers.exercise_types import Exercise, Mistake
from helpers.sources import fact
from helpers.uncertainty import (
    deployments_per_month,
    headline_ranges,
    interval_apply,
    monte_carlo,
    share_above,
    span,
    tornado_table,
)

ARMY_IDS = ("nk_active_cia_2024", "nk_active_rok_2022", "nk_active_reuters_2024")
RECRUIT_LETTERS = {
    "a": "ru_recruits_per_day_claim",
    "b": "ru_recruits_per_day_q2_2024",
    "c": "ru_recruits_per_day_q3_2024",
}
INPUT_LETTERS = {"losses_per_day": "a", "recruits_per_day": "b", "soldiers": "c"}


def _ranges():
    return headline_ranges()


def _days_range():
    r = _ranges()
    return interval_apply(
        lambda soldiers, losses: soldiers / losses,
        soldiers=r["soldiers"],
        losses=r["losses_per_day"],
    )


def _army():
    return span(*ARMY_IDS)


def _gap_range():
    r = _ranges()
    return interval_apply(
        lambda losses, recruits: losses - recruits,
        losses=r["losses_per_day"],
        recruits=r["recruits_per_day"],
    )


def _share_above_one() -> float:
    return share_above(monte_carlo(deployments_per_month, **_ranges()), 1)


def _official_letter() -> str:
    official = [k for k, id_ in RECRUIT_LETTERS.items() if fact(id_).kind == "official claim"]
    return official[0]


EXERCISES = {
    "5.1": Exercise(
        question="For North Korea's active army, the CIA's lowest figure is 1.0 million and the "
        "highest other source says 1.3 million. By what PERCENT is the highest above the lowest?",
        expected=lambda: (_army().high / _army().low - 1) * 100,
        unit="percent",
        abs_tol=0.5,
        hint="(highest - lowest) / lowest, then times 100 to make it a percent.",
        mistakes=(
            Mistake(
                lambda: _army().high / _army().low - 1,
                "that is a share (a fraction of 1). Multiply by 100 to make it a percent.",
            ),
            Mistake(
                lambda: (1 - _army().low / _army().high) * 100,
                "you divided by the highest figure. 'Above the lowest' means: compare with the "
                "lowest.",
            ),
        ),
        well_done="the three other sources differ by about a third; the article's 'two million' is "
        "far outside that.",
        working="Take the range of the three sources (CIA low end to the Reuters figure); the "
        "difference divided by the low end, times 100.",
    ),
    "5.2": Exercise(
        question="Which recruit figure comes from the Russian government itself? "
        "(a) about 1,000 a day, Dmitry Medvedev (b) 1,020 a day, Janis Kluge, April-June 2024 "
        "(c) 700 a day, Janis Kluge, July-September 2024",
        expected=_official_letter,
        kind="choice",
        hint="which of the two people speaks for the Russian state, and which is a researcher "
        "reading budget data?",
        mistakes=(
            Mistake(
                lambda: "c",
                "Kluge is a researcher at a German institute (SWP); he estimates recruits from "
                "the bonuses Russian regions pay out.",
            ),
        ),
        well_done="Medvedev's figure is an official claim by one side of the war; British "
        "intelligence called it 'probably somewhat overstated'.",
        working="Medvedev is deputy chair of Russia's Security Council; his figure is marked "
        "'official claim' in seeds/facts.csv. Kluge's figures are independent estimates.",
    ),
    "5.3": Exercise(
        question="10,000 to 12,000 North Korean soldiers arrive; Russia's reported casualties "
        "(killed and wounded) are 1,200 to 1,500 a day. What is the MOST days of casualties "
        "the arrivals could equal?",
        expected=lambda: _days_range().high,
        unit="days",
        abs_tol=0.06,
        hint="days = soldiers / losses per day. To make a division as big as possible, take the "
        "biggest number on top and the smallest underneath.",
        mistakes=(
            Mistake(
                lambda: _ranges()["soldiers"].high / _ranges()["losses_per_day"].high,
                "you divided by the highest losses. Dividing by a bigger number gives a smaller "
                "answer: for the most days, divide by the lowest losses.",
            ),
            Mistake(
                lambda: _days_range().low,
                "that is the fewest days: the fewest soldiers against the highest losses.",
            ),
        ),
        well_done="ten days at most: even the friendliest combination of ends equals under two "
        "weeks of reported casualties.",
        working="The result is largest with the most soldiers (top of the soldiers range) "
        "divided by the fewest losses a day (bottom of the losses range). In a division the "
        "ends swap: high over low gives the high end.",
    ),
    "5.4": Exercise(
        question="Losses are 1,200 to 1,500 a day; recruits are 700 to 1,020 a day. What is the "
        "SMALLEST possible gap per day (losses minus recruits)?",
        expected=lambda: _gap_range().low,
        unit="people per day",
        abs_tol=0.5,
        hint="for the smallest difference, take the smallest losses and subtract the LARGEST "
        "recruits.",
        mistakes=(
            Mistake(
                lambda: _ranges()["losses_per_day"].low - _ranges()["recruits_per_day"].low,
                "you subtracted low from low. To make a difference small, subtract the biggest "
                "number you are allowed to.",
            ),
            Mistake(
                lambda: _ranges()["losses_per_day"].mid - _ranges()["recruits_per_day"].mid,
                "that is the gap at the middle of both ranges, not the smallest possible gap.",
            ),
        ),
        well_done="the gap could be as small as that, or more than four times larger: "
        "subtracting two uncertain numbers makes a very uncertain difference.",
        working="Smallest gap = lowest losses minus highest recruits; the ends cross over in a "
        "subtraction.",
    ),
    "5.5": Exercise(
        question="Which input, moved from the low to the high end of its range with the other "
        "two at their middles, moves the deployments needed per month the most? "
        "(a) Russian losses per day (b) Russian recruits per day (c) North Korean soldiers "
        "sent",
        expected=lambda: INPUT_LETTERS[
            tornado_table(deployments_per_month, _ranges())["input"].iloc[0]
        ],
        kind="choice",
        hint="for each input, take the answer at its high end minus the answer at its low end: "
        "which difference is biggest?",
        mistakes=(
            Mistake(
                lambda: "c",
                "the soldiers' range is the narrowest in relative terms and gives the shortest "
                "swing. Compare the three differences again.",
            ),
        ),
        well_done="the recruits figure, which the article never even gives, matters most.",
        working="tornado_table holds the other two inputs at the middle of their ranges and "
        "moves one at a time; the recruits range gives the widest swing, just ahead of "
        "losses, because the result depends on their difference.",
    ),
    "5.6": Exercise(
        question="In the Monte Carlo (10,000 draws, seed 2024), what PERCENT of the draws need "
        "more than one full North Korean deployment per month?",
        expected=lambda: _share_above_one() * 100,
        unit="percent",
        abs_tol=0.5,
        hint="share_above(results, 1) gives a share between 0 and 1; multiply by 100.",
        mistakes=(
            Mistake(
                _share_above_one,
                "that is a share between 0 and 1. Multiply by 100 for a percent.",
            ),
            Mistake(
                lambda: (1 - _share_above_one()) * 100,
                "that is the percent of draws at or BELOW one deployment. The question asks "
                "for above.",
            ),
        ),
        well_done="in most, but not all, of the possible worlds Russia would need more than "
        "one deployment of North Korea's size every month.",
        working="Count the draws whose result is above 1 and divide by the number of draws "
        "(share_above does both), then times 100.",
    ),
}
