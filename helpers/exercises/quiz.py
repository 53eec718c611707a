"""The course quiz (``notebooks/quiz.ipynb``): short questions across the strands.

Ids start with "0" so they never clash with a notebook's exercises. Every answer is computed
from ``seeds/`` and ``helpers``, never typed in. Each mistake stands for one of the course's
usual wrong turns: casualties taken for deaths, "at least" read as "exactly", per day mixed
with per month, dollars mixed with roubles.
"""

from __future__ import annotations

from helpers import course
from helpers.exercise_types import Exercise, Mistake
from helpers.manpower import per_period, periods_sustained
from helpers.money import payment_usd, rub_to_usd
from helpers.sources import claim, fact

# The lesson each question practises; its strand is that lesson's in course.toml
# (``strand_of("0.4")`` gives "manpower"; the teacher guide shows it).
LESSON_OF = {
    "0.1": "02",
    "0.2": "04",
    "0.3": "04",
    "0.4": "03",
    "0.5": "03",
    "0.6": "01",
    "0.7": "05",
    "0.8": "06",
}


def strand_of(question_id: str) -> str:
    """The strand a quiz question practises, as ``course.toml`` names it.

    >>> strand_of("0.4")
    'manpower'
    """
    return course.lesson(LESSON_OF[question_id]).strand


# Options of 0.6, keyed by the word in the source's unit that each option takes the count to be.
LOSS_MEANINGS = {"deaths": "a", "casualties": "b", "exact": "c", "prisoners": "d"}

OCTOBER_DAYS = 31
NOVEMBER_DAYS = 30


def _pay() -> float:
    return claim("pay_per_soldier_month").value


def _soldiers() -> float:
    return claim("nk_soldiers_left").value


def _kursk() -> float:
    return fact("nis_kursk_11000").value


def _bonus_rub() -> float:
    return fact("ru_signon_federal_2024_rub").value


def _rub_per_usd() -> float:
    return fact("rub_per_usd_2024_10_16").value


def _mobilised() -> float:
    return claim("mobilised_2022").value


def _losses_per_day() -> float:
    return claim("russia_losses_per_day").value


def _nov_total() -> float:
    return fact("ukdi_losses_2024_11_total").value


def _oct_per_day() -> float:
    return fact("ukdi_losses_per_day_2024_10").value


def _radakin_per_day() -> float:
    return fact("radakin_losses_per_day_2024_10").value


def _loss_meaning() -> str:
    unit = fact("ukdi_losses_per_day_2024_10").unit
    return next(letter for word, letter in LOSS_MEANINGS.items() if word in unit)


EXERCISES = {
    "0.1": Exercise(
        question="In November 2024 South Korean intelligence said about 11,000 North Korean "
        "soldiers were in Russia's Kursk region. At $2,000 per soldier per month, what does "
        "one month of them bring North Korea, in US dollars?",
        expected=lambda: payment_usd(_kursk(), _pay(), 1),
        unit="US dollars",
        hint="soldiers x dollars per soldier per month x the number of months (here: one).",
        mistakes=(
            Mistake(
                lambda: payment_usd(_kursk(), _pay(), 12),
                "that is a whole year. The question asks for one month.",
            ),
            Mistake(
                lambda: payment_usd(_soldiers(), _pay(), 1),
                "that is for 10,000 soldiers, the article's number. The question uses the "
                "later report of 11,000.",
            ),
        ),
        well_done="the fee for a thousand more soldiers is two million dollars a month.",
        working="11,000 soldiers x $2,000 per soldier per month x 1 month.",
    ),
    "0.2": Exercise(
        question="From August 2024 a Russian who signed a contract got a federal bonus of "
        "400,000 roubles. At 97 roubles per dollar, how many months of the $2,000 fee for one "
        "North Korean soldier is that bonus worth?",
        expected=lambda: rub_to_usd(_bonus_rub(), _rub_per_usd()) / _pay(),
        unit="months",
        abs_tol=0.1,
        sig_figs=1,  # well_done says "about two months"
        hint="first turn the roubles into dollars (roubles / roubles per dollar), "
        "then divide by $2,000 a month.",
        mistakes=(
            Mistake(
                lambda: _bonus_rub() / _pay(),
                "you divided roubles by dollars. Turn the roubles into dollars first: "
                "roubles / (roubles per dollar).",
            ),
            Mistake(
                lambda: _bonus_rub() * _rub_per_usd() / _pay(),
                "you multiplied by the exchange rate. Roubles / (roubles per dollar) gives dollars.",
            ),
        ),
        well_done="the federal bonus alone is about two months of the fee, before any pay.",
        working="400,000 roubles / 97.0121 roubles per dollar gives dollars; divide by $2,000 "
        "per month to get months of the fee. Regional bonuses come on top.",
    ),
    "0.3": Exercise(
        question="The 2022 partial mobilisation raised 300,000 reservists. At the article's "
        "1,200 losses a day, how many days of losses would they replace? (Compare it with "
        "10,000 North Korean soldiers.)",
        expected=lambda: periods_sustained(_mobilised(), _losses_per_day()),
        unit="days",
        abs_tol=0.5,
        hint="people / losses per day gives days.",
        mistakes=(
            Mistake(
                lambda: _mobilised() / per_period(_losses_per_day(), 30),
                "that is in months (you divided by a month of losses). The question asks for days.",
            ),
            Mistake(
                lambda: _losses_per_day() / _mobilised(),
                "you divided the other way round. People / (losses per day) gives days.",
            ),
        ),
        well_done="one mobilisation covered thirty times as many days as 10,000 soldiers: "
        "that is why a new one is tempting, and why its political cost matters.",
        working="300,000 reservists / 1,200 a day. Ten thousand soldiers cover a thirtieth "
        "of that; the price of mobilisation is not in money but in unrest and emigration.",
    ),
    "0.4": Exercise(
        question="UK Defence Intelligence reported 45,680 Russian casualties (killed and "
        "wounded) in the whole of November 2024, a figure based on the count of Ukraine's "
        "General Staff. November has 30 days. What is that per day, on average?",
        expected=lambda: _nov_total() / NOVEMBER_DAYS,
        unit="casualties per day",
        abs_tol=1,
        sig_figs=3,  # to two figures, 30 days and the 31-day mistake both give 1,500
        hint="a month's total divided by the number of days in that month.",
        mistakes=(
            Mistake(
                lambda: _nov_total() / 31,
                "you used 31 days. November has 30: small, but it matters when sources "
                "disagree by a few per cent.",
            ),
            Mistake(
                lambda: per_period(_nov_total(), NOVEMBER_DAYS),
                "you multiplied. The total is already for the month: divide it by the days.",
            ),
        ),
        well_done="over 1,500 a day: higher again than October, and far above the article's "
        "'at least 1,200'.",
        working="45,680 casualties / 30 days: a monthly total becomes a daily rate by dividing.",
    ),
    "0.5": Exercise(
        question="The article says Russia loses 'at least' 1,200 people a day; the UK's top "
        "general said about 1,500 a day for October 2024. At 1,500 a day, how many days of "
        "losses do the 11,000 North Korean soldiers reported in Kursk replace?",
        expected=lambda: periods_sustained(_kursk(), _radakin_per_day()),
        unit="days",
        abs_tol=0.06,
        hint="soldiers / losses per day. Use 1,500, not the article's figure.",
        mistakes=(
            Mistake(
                lambda: periods_sustained(_kursk(), _losses_per_day()),
                "that uses 1,200, the article's lower bound ('at least'). The question uses "
                "the higher October figure: the soldiers last fewer days.",
            ),
            Mistake(
                lambda: _radakin_per_day() / _kursk(),
                "you divided the other way round. Soldiers / (losses per day) gives days.",
            ),
        ),
        well_done="about a week of reported casualties: 'at least 1,200' made 11,000 arrivals "
        "look like more days.",
        working="11,000 soldiers / 1,500 a day. With the article's lower bound (1,200) the "
        "answer is over nine days: a lower bound for losses gives an upper bound for days.",
    ),
    "0.6": Exercise(
        question="Bosman says the losses are 'doden en gewonden'. What does 'at least 1,200 "
        "people a day' mean? (a) at least 1,200 Russian soldiers die every day "
        "(b) at least 1,200 are killed or wounded every day, most of them wounded "
        "(c) exactly 1,200 are counted every day (d) 1,200 are taken prisoner every day",
        expected=_loss_meaning,
        kind="choice",
        hint="'doden' are the dead, 'gewonden' the wounded; 'minstens' means 'at least'.",
        mistakes=(
            Mistake(
                lambda: LOSS_MEANINGS["deaths"],
                "casualties are killed and wounded together ('doden en gewonden'), "
                "and most casualties are wounded.",
            ),
            Mistake(
                lambda: LOSS_MEANINGS["exact"],
                "'minstens' means 'at least': a lower bound, not an exact count.",
            ),
        ),
        well_done="casualties, not deaths, and a lower bound, not an exact count.",
        working="'doden en gewonden' means killed and wounded: the UK counts casualties, "
        "and most of them are wounded. 'Minstens' makes the number a lower bound.",
    ),
    "0.7": Exercise(
        question="For October 2024 the UK Defence Secretary said 1,354 Russian casualties a day "
        "and the UK's top general said about 1,500. Over the 31 days of October, how many "
        "more casualties does the higher figure mean?",
        expected=lambda: per_period(_radakin_per_day() - _oct_per_day(), OCTOBER_DAYS),
        unit="casualties",
        abs_tol=5,
        hint="the difference per day, times the days in the month.",
        mistakes=(
            Mistake(
                lambda: _radakin_per_day() - _oct_per_day(),
                "that is the difference per day. The question asks about the whole month.",
            ),
            Mistake(
                lambda: per_period(_radakin_per_day() - _oct_per_day(), 30),
                "you used 30 days. October has 31.",
            ),
        ),
        well_done="a gap that looks small per day is thousands of people in a month.",
        working="(1,500 - 1,354) per day x 31 days: two officials of the same government, "
        "the same month, a gap of thousands.",
    ),
    "0.8": Exercise(
        question="In April 2025 South Korean intelligence estimated about 4,700 North Korean "
        "casualties among the roughly 11,000 sent to Kursk. "
        "What percentage of the soldiers is that?",
        expected=lambda: 100 * fact("nk_casualties_2025_04").value / _kursk(),
        unit="per cent",
        rel_tol=0.02,
        hint="casualties / soldiers sent, times 100.",
        mistakes=(
            Mistake(
                lambda: fact("nk_casualties_2025_04").value / _kursk(),
                "that is a fraction. Multiply by 100 for a percentage.",
            ),
            Mistake(
                lambda: 100 * fact("nk_casualties_2025_04").value / _soldiers(),
                "you used the article's 10,000. The estimate is about the 11,000 sent to Kursk.",
            ),
        ),
        well_done="more than two in five of those sent killed or wounded, by South Korean "
        "intelligence's estimate: the 'gamble' Breuker spoke of, for the soldiers themselves.",
        working="4,700 casualties / 11,000 soldiers x 100. Casualties include the wounded: "
        "the estimated dead were about 600.",
    ),
}
