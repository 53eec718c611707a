"""Exercises of notebook 06, what happened next. Answers are computed, never typed in."""

from __future__ import annotations

from helpers.exercise_types import Exercise, Mistake
from helpers.sources import claim, fact
from helpers.timeline import article_forecasts, brier_score, deployment_totals, forecast_outcomes

# Exercise 6.5: a forecaster's probabilities for the five forecasts of the calibration section.
SAMPLE_FORECASTER = (0.9, 0.6, 0.3, 0.2, 0.1)

# Exercise 6.4: statements about the article's forecasts, by the claim each one tests.
STATEMENT_LETTERS = {
    "many_more_coming": "a",
    "front_uncertain": "b",
    "guard_duty_idea": "c",
    "language_barrier": "d",
}


def _article() -> float:
    return claim("nk_soldiers_left").value


def _latest_total() -> float:
    return float(deployment_totals()["value"].iloc[-1])


def _extra() -> float:
    return _latest_total() - _article()


def _outcomes() -> list[int]:
    return forecast_outcomes()["outcome"].tolist()


def _supported_letters() -> list[str]:
    table = article_forecasts().set_index("claim")
    letters = []
    for claim_id, letter in STATEMENT_LETTERS.items():
        held = table.loc[claim_id, "held_up"]
        if held:
            letters.append(letter)
    return letters


EXERCISES = {
    "6.1": Exercise(
        question="By September 2025 (South Korean estimate), how many more North Korean soldiers "
        "had been sent than the article's 10,000?",
        expected=_extra,
        unit="soldiers",
        hint="take the latest total in the timeline (September 2025) and subtract the article's "
        "10,000.",
        mistakes=(
            Mistake(
                lambda: fact("ukraine_total_14000").value - _article(),
                "that uses Ukraine's count from April 2025. The question asks for the South "
                "Korean total of September 2025.",
            ),
            Mistake(
                _latest_total,
                "that is the total. How many *more* than the article's 10,000 is it?",
            ),
        ),
        well_done="about 3,000 more: more soldiers came, but not a flood of them.",
        working="the latest total sent (South Korean intelligence via Yonhap, September 2025) "
        "minus the article's 10,000.",
    ),
    "6.2": Exercise(
        question="The article put Russian casualties (killed and wounded) at at least 1,200 a "
        "day. How many days of reported casualties at that rate do the extra soldiers of "
        "exercise 6.1 equal?",
        expected=lambda: _extra() / claim("russia_losses_per_day").value,
        unit="days",
        abs_tol=0.06,
        hint="divide the extra soldiers by the casualties per day, as in notebook 01.",
        mistakes=(
            Mistake(
                lambda: claim("russia_losses_per_day").value / _extra(),
                "you divided the other way round. Soldiers / (casualties per day) gives days.",
            ),
            Mistake(
                lambda: _latest_total() / claim("russia_losses_per_day").value,
                "that uses all the soldiers sent. The question asks about the extra ones only.",
            ),
        ),
        well_done="two and a half days: eleven months of reinforcements equal a few days of "
        "reported Russian casualties.",
        working="extra soldiers (exercise 6.1) / 1,200 casualties (killed and wounded) a day.",
    ),
    "6.3": Exercise(
        question="UK Defence Intelligence judged it highly likely that the first wave had more "
        "than 6,000 casualties (killed and wounded) by June 2025. South Korea said about 11,000 "
        "were moved to Kursk. What share of the first wave is 6,000, in percent?",
        expected=lambda: 100 * fact("nk_casualties_2025_06").value / fact("nis_kursk_11000").value,
        unit="percent",
        abs_tol=0.6,
        hint="casualties / soldiers in the first wave, times 100.",
        mistakes=(
            Mistake(
                lambda: fact("nk_casualties_2025_06").value / fact("nis_kursk_11000").value,
                "that is the share as a fraction. Multiply by 100 for percent.",
            ),
            Mistake(
                lambda: 100 * fact("nis_kursk_11000").value / fact("nk_casualties_2025_06").value,
                "you divided the other way round: casualties go on top.",
            ),
        ),
        well_done="about 55%. UK Defence Intelligence judged it 'highly likely' (80-90% in "
        "British usage) that more than half of the first wave had been killed or wounded by "
        "mid-2025.",
        working="UK Defence Intelligence's casualty figure (a lower bound) divided by the "
        "11,000 South Korea said were moved to Kursk, times 100.",
    ),
    "6.4": Exercise(
        question="Which statements did later reports support? (a) many more soldiers were sent "
        "(b) the North Koreans did go to the front (c) they were used mainly for guard duty "
        "inside Russia (d) the language barrier was real enough that plans were made around it",
        expected=_supported_letters,
        kind="choices",
        hint="go through the timeline above statement by statement: what did later reports say "
        "about the numbers sent, the fighting, guard duty and translators?",
        well_done="more soldiers came, they fought, and the language problem was real; the "
        "guard-duty idea did not describe the first wave.",
        working="from the scoring table: totals rose (a), casualties were reported from "
        "December 2024 (b) and a plan released by Ukraine set out translators (d); the first "
        "wave fought in Kursk rather than guarding sites (not c).",
    ),
    "6.5": Exercise(
        question="A forecaster said 0.9, 0.6, 0.3, 0.2 and 0.1 to the five forecasts. "
        "What is their Brier score?",
        expected=lambda: brier_score(list(SAMPLE_FORECASTER), _outcomes()),
        unit="Brier score (0 = perfect)",
        abs_tol=0.005,
        hint="for each forecast square (probability - outcome), with outcome 1 or 0, then take "
        "the average of the five squares.",
        mistakes=(
            Mistake(
                lambda: 5 * brier_score(list(SAMPLE_FORECASTER), _outcomes()),
                "that is the sum of the squares. Divide by the number of forecasts.",
            ),
            Mistake(
                lambda: (
                    sum(abs(p - o) for p, o in zip(SAMPLE_FORECASTER, _outcomes(), strict=True))
                    / len(SAMPLE_FORECASTER)
                ),
                "you forgot to square the differences.",
            ),
        ),
        well_done="better than the 50-50 guesser's 0.25, even though one forecast (0.2 for "
        "something that happened) cost a lot.",
        working="squares of (0.9 - 1), (0.6 - 1), (0.3 - 0), (0.2 - 1), (0.1 - 0), averaged "
        "over the five forecasts.",
    ),
    "6.6": Exercise(
        question="How many times larger is South Korea's estimate of North Koreans killed "
        "(September 2025) than North Korea's own figure?",
        expected=lambda: fact("nk_killed_2025_09").value / fact("nk_killed_claimed_by_nk").value,
        unit="times",
        abs_tol=0.06,
        sig_figs=1,  # well_done says "nearly six times"
        hint="divide South Korea's estimate of the killed by North Korea's own figure.",
        mistakes=(
            Mistake(
                lambda: fact("nk_killed_claimed_by_nk").value / fact("nk_killed_2025_09").value,
                "you divided the other way round: the bigger number goes on top.",
            ),
        ),
        well_done="nearly six times: two sides with opposite reasons give very different counts.",
        working="South Korean intelligence's estimate of the killed divided by North Korea's "
        "own claim.",
    ),
}
