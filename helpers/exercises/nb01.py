"""Exercises of notebook 01, reading the article. Answers are computed, never typed in."""

from __future__ import annotations

from helpers.exercise_types import Exercise, Mistake
from helpers.sources import claim, claims

KIND_LETTERS = {"reported fact": "a", "estimate": "b", "forecast": "c", "opinion": "d"}


def _soldiers() -> float:
    return claim("nk_soldiers_left").value


def _pay() -> float:
    return claim("pay_per_soldier_month").value


def _losses() -> float:
    return claim("russia_losses_per_day").value


def _row(id_: str):
    table = claims().set_index("id")
    return table.loc[id_]


AUTHORITY_LETTERS = {
    "BNR Nieuwsradio": "a",
    "Remco Breuker": "b",
    "the British Ministry of Defence": "c",
    "South Korean intelligence (NIS)": "d",
}

EXERCISES = {
    "1.1": Exercise(
        question="On whose authority does the 1,200-a-day figure rest? "
        "(a) BNR (b) Remco Breuker (c) the British Ministry of Defence (d) South Korean intelligence",
        expected=lambda: AUTHORITY_LETTERS[_row("russia_losses_per_day")["on_authority_of"]],
        kind="choice",
        hint="Bosman says it, but he is relaying someone else's number: who?",
        mistakes=(
            Mistake(
                lambda: "a",
                "BNR's correspondent says it on air, but he names where the figure comes from.",
            ),
        ),
        well_done="a correspondent relays the British Ministry of Defence: two links in the chain.",
        working="Bosman says 'volgens het Britse ministerie van Defensie': he relays the British Ministry of Defence (which itself relies on Ukrainian General Staff reporting).",
    ),
    "1.2": Exercise(
        question="What kind of claim is 'Het is vooral heel nuchter en kil zakendoen'? "
        "(a) reported fact (b) estimate (c) forecast (d) opinion",
        expected=lambda: KIND_LETTERS[_row("cold_business")["kind"]],
        kind="choice",
        hint="could anyone prove it true or false with a measurement? If not, it is a judgement.",
        well_done="it is Breuker's judgement of the deal, not something you can measure.",
        working="'nuchter en kil' is a judgement about the deal's character; no measurement could confirm or refute it.",
    ),
    "1.3": Exercise(
        question="Which Dutch word tells you that 1,200 a day is a lower bound? Type the word.",
        expected=lambda: _row("russia_losses_per_day")["hedge"],
        kind="choice",
        hint="look at the words just before 'twaalfhonderd' in Bosman's quote.",
        well_done="'minstens' means 'at least': the true number may be higher, not lower.",
        working="'minstens' means 'at least'; it makes 1,200 a lower bound.",
    ),
    "1.4": Exercise(
        question="What does Russia pay in fees for 10,000 soldiers for one year, in US dollars?",
        expected=lambda: _soldiers() * _pay() * 12,
        unit="US dollars",
        hint="multiply soldiers x dollars per soldier per month x months (a year has 12 months).",
        mistakes=(
            Mistake(
                lambda: _soldiers() * _pay(),
                "that is one month's payment. How many months are in a year?",
            ),
        ),
        well_done="a year of fees for 10,000 soldiers comes to about a quarter of a billion dollars.",
        working="soldiers x dollars per soldier per month x 12 months, with both numbers from the article.",
    ),
    "1.5": Exercise(
        question="At 1,200 a day, how many people does Russia lose in a 30-day month?",
        expected=lambda: _losses() * 30,
        unit="people",
        hint="a daily rate times the number of days.",
        mistakes=(
            Mistake(lambda: _losses() * 7, "that is a week. A month has about 30 days."),
            Mistake(lambda: _losses() * 365, "that is a year. Use 30 days."),
        ),
        well_done="36,000 reported casualties (killed and wounded) in a month: more than three times "
        "the 10,000 soldiers sent.",
        working="1,200 a day x 30 days.",
    ),
    "1.6": Exercise(
        question="How many groups of 10,000 soldiers equal a 30-day month of reported casualties "
        "at 1,200 a day?",
        expected=lambda: _losses() * 30 / _soldiers(),
        unit="groups of 10,000",
        abs_tol=0.06,
        hint="first work out a month of reported casualties, then divide by 10,000.",
        well_done="a month of reported casualties equals more than three groups of 10,000 "
        "(a crude sum: it ignores Russia's own recruits and the wounded who return).",
        working="a month of reported casualties (1,200 x 30) divided by 10,000 soldiers per group.",
    ),
    "1.7": Exercise(
        question="How many days of reported Russian casualties (at 1,200 a day) equal "
        "10,000 arriving soldiers?",
        expected=lambda: _soldiers() / _losses(),
        unit="days",
        abs_tol=0.06,
        sig_figs=1,  # the notebook says "about eight days"
        hint="divide the soldiers by the casualties per day. The answer is a small number of days.",
        mistakes=(
            Mistake(
                lambda: _losses() / _soldiers(),
                "you divided the other way round: casualties per day / soldiers. "
                "Soldiers / (casualties per day) gives days.",
            ),
        ),
        well_done="about eight days: 10,000 arriving soldiers equal a little more than a week "
        "of reported casualties.",
        working="soldiers / casualties per day: a one-off number divided by a daily flow gives days.",
    ),
}
