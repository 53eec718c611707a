"""An answer key worked out by hand: a second opinion on every exercise and headline number.

The checker tests compare ``check(id, expected_answer(id))``: the same code twice, so a wrong
constant in a helper (a year of 360 days) leaves them green. This file does not ask the helpers
how to compute anything. Every figure it needs from ``seeds/`` is typed below as a literal, with
the file and row it comes from; every answer is the arithmetic written out; then:

1. each typed figure must still equal its seed file (so a changed seed names the figure);
2. the key must cover exactly the course's exercises;
3. ``expected_answer(id)`` must equal the hand answer (numbers to 1 part in a billion,
   letters, words and lists exactly);
4. the headline numbers the notebooks' prose states must follow from the hand arithmetic,
   and the sentence must still be in the notebook.

When a test fails, one of the two sides is wrong: find out which before changing either.
"""

from __future__ import annotations

import ast
import csv
import math
import re
from pathlib import Path

import numpy as np
import pytest

from helpers.checks import exercises, expected_answer
from helpers.costs import DEFAULT_SCORES

from nbtools import NOTEBOOK_DIR, markdown, read

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ---------------------------------------------------------------- figures typed from seeds/
# Each line reads NAME = value  # file row_id [column]; the column is "value" unless named.
# test_typed_seed_figure_matches_its_seed_file checks every such line against the file.

# The article (claims.csv)
NK_SOLDIERS = 10_000  # claims.csv nk_soldiers_left
SK_INTEL_SOLDIERS = 10_000  # claims.csv sk_intel_10000
FEE_PER_MONTH = 2_000  # claims.csv pay_per_soldier_month
LOSSES_PER_DAY = 1_200  # claims.csv russia_losses_per_day
LOSSES_LOW_END = 1_200  # claims.csv russia_losses_per_day low
# AUTHORITY: on whose authority Bosman gives the 1,200 a day
AUTHORITY = "the British Ministry of Defence"  # claims.csv russia_losses_per_day on_authority_of
LOSSES_HEDGE = "minstens"  # claims.csv russia_losses_per_day hedge
COLD_BUSINESS_KIND = "opinion"  # claims.csv cold_business kind
MOBILISED_2022 = 300_000  # claims.csv mobilised_2022

# North Korea's economy and the money (facts.csv)
GNI_2023_KRW = 40_900_000_000_000  # facts.csv nk_gni_2023_krw
KRW_PER_USD = 1_380  # facts.csv krw_per_usd_oct2024
EXPORTS_2023_USD = 330_000_000  # facts.csv nk_exports_2023_usd
INCOME_PER_HEAD_MONTH_USD = 98  # facts.csv nk_gni_per_head_month_2023_usd
STATE_SHARE = 0.9  # facts.csv state_share_of_pay
KIDA_TOTAL_KRW = 28_700_000_000_000  # facts.csv kida_total_gains_krw
KIDA_TROOPS_KRW = 400_000_000_000  # facts.csv kida_troops_krw
ARMS_LOW_USD = 1_700_000_000  # facts.csv fnf_arms_deliveries_usd low
ARMS_HIGH_USD = 5_500_000_000  # facts.csv fnf_arms_deliveries_usd high
RICE_TONNES = 650_000  # facts.csv nis_rice_tonnes

# Russian pay and prices (facts.csv)
MIN_PAY_RUB = 204_000  # facts.csv ru_min_pay_rub_reuters
FEDERAL_BONUS_RUB = 400_000  # facts.csv ru_signon_federal_2024_rub
REGIONAL_BONUS_RUB = 596_000  # facts.csv ru_signon_regional_avg_rub
RUB_PER_USD = 97.0121  # facts.csv rub_per_usd_2024_10_16
TRANSLATORS_PER_30 = 1  # facts.csv translators_per_30
ESCORTS_PER_30 = 3  # facts.csv russian_escorts_per_30
LEFT_RUSSIA = 700_000  # facts.csv left_russia_by_oct_4
CALLED_UP_SHOIGU = 300_000  # facts.csv mobilised_2022_shoigu

# Russian losses and recruits (facts.csv and the monthly series)
HEALEY_PER_DAY = 1_354  # facts.csv ukdi_losses_per_day_2024_10
HEALEY_UNIT = "casualties per day"  # facts.csv ukdi_losses_per_day_2024_10 unit
RADAKIN_PER_DAY = 1_500  # facts.csv radakin_losses_per_day_2024_10
OCT_2024_UK_TOTAL = 41_980  # facts.csv ukdi_losses_2024_10_total
NOV_2024_UK_TOTAL = 45_680  # facts.csv ukdi_losses_2024_11_total
GENSTAFF_OCT = 41_890  # russian_personnel_losses_monthly_ua_genstaff.csv 2024-10 month_increase
PERMANENT_LOW = 150_000  # facts.csv ukdi_permanent_losses_2023 low
PERMANENT_HIGH = 190_000  # facts.csv ukdi_permanent_losses_2023 high
CASUALTIES_LOW = 240_000  # facts.csv ukdi_total_losses_2023_10 low
CASUALTIES_HIGH = 290_000  # facts.csv ukdi_total_losses_2023_10 high
RECRUITS_OFFICIAL = 1_000  # facts.csv ru_recruits_per_day_claim
RECRUITS_OFFICIAL_KIND = "official claim"  # facts.csv ru_recruits_per_day_claim kind
RECRUITS_APR_JUN = 1_020  # facts.csv ru_recruits_per_day_q2_2024
RECRUITS_JUL_SEP = 700  # facts.csv ru_recruits_per_day_q3_2024

# Armies (facts.csv)
ARMY_CIA = 1_100_000  # facts.csv nk_active_cia_2024
ARMY_CIA_LOW = 1_000_000  # facts.csv nk_active_cia_2024 low
ARMY_CIA_HIGH = 1_200_000  # facts.csv nk_active_cia_2024 high
ARMY_ROK = 1_280_000  # facts.csv nk_active_rok_2022
ARMY_REUTERS = 1_300_000  # facts.csv nk_active_reuters_2024

# After the article (facts.csv and timeline.csv)
NIS_DECIDED = 12_000  # facts.csv nis_decided_12000
PENTAGON_TOTAL = 10_000  # facts.csv us_estimate_10000
KURSK_TOTAL = 11_000  # facts.csv nis_kursk_11000
UKRAINE_TOTAL = 14_000  # facts.csv ukraine_total_14000
YONHAP_TOTAL = 13_000  # facts.csv yonhap_total_13000
YONHAP_DATE = "2025-09-02"  # facts.csv yonhap_total_13000 as_of
UKRAINE_TOTAL_MEASURE = "total sent"  # timeline.csv ukraine_total_14000 measure
YONHAP_TOTAL_MEASURE = "total sent"  # timeline.csv yonhap_total_13000 measure
FIRST_NK_CASUALTIES_DATE = "2024-12-19"  # facts.csv nk_casualties_2024_12 as_of
NK_CASUALTIES_APRIL = 4_700  # facts.csv nk_casualties_2025_04
UK_NK_CASUALTIES = 6_000  # facts.csv nk_casualties_2025_06
UK_NK_CASUALTIES_DATE = "2025-06-15"  # facts.csv nk_casualties_2025_06 as_of
RUSSIA_CONFIRMS_DATE = "2025-04-26"  # facts.csv russia_confirms_2025_04_26 as_of
NK_KILLED_SK = 2_000  # facts.csv nk_killed_2025_09
NK_KILLED_NK_CLAIM = 350  # facts.csv nk_killed_claimed_by_nk

# ---------------------------------------------------------------- sums used more than once

YEAR_OF_FEES = NK_SOLDIERS * FEE_PER_MONTH * 12  # 10,000 x $2,000 x 12 = $240 million a year
GNI_2023_USD = GNI_2023_KRW / KRW_PER_USD  # 40.9 trillion won / 1,380 = $29.6 billion

# A contract soldier-month: pay + both one-off bonuses spread over 12 months, in dollars
# (204,000 + (400,000 + 596,000) / 12) roubles / 97.0121 = 287,000 / 97.0121 = $2,958
CONTRACT_MONTH_USD = (MIN_PAY_RUB + (FEDERAL_BONUS_RUB + REGIONAL_BONUS_RUB) / 12) / RUB_PER_USD
# A North Korean soldier-month: the fee + 4 minders (1 translator, 3 Russians) per 30 soldiers
# $2,000 + 4 / 30 x $2,958 = $2,394
NK_MONTH_USD = FEE_PER_MONTH + (TRANSLATORS_PER_30 + ESCORTS_PER_30) / 30 * CONTRACT_MONTH_USD

# The break-even arrivals: (1,200 losses - 700 recruits) a day x 30 days = 15,000 a month
BREAKEVEN_PER_MONTH = (LOSSES_PER_DAY - RECRUITS_JUL_SEP) * 30

# Exercise 4.7: the course's own scores, as the Kremlin might see it: 1 (worst) to 5 (best). A course
# assumption in helpers/costs.py, not a seed (test_typed_scores_match_the_course_table checks them).
#                cash, political risk, diplomatic cost, reliability, speed
COURSE_SCORES = {
    "a": (3, 5, 2, 2, 3),  # (a) North Korean troops
    "b": (2, 4, 5, 4, 3),  # (b) Russian contract soldiers
    "c": (4, 1, 4, 3, 5),  # (c) mobilisation
}


def weighted(scores: tuple[int, ...], weights: tuple[int, ...]) -> float:
    """A weighted average: each score times its weight, added up, divided by the weights."""
    return sum(s * w for s, w in zip(scores, weights, strict=True)) / sum(weights)


# Political risk counts 3 times, the rest once (7 in all):
# a: (3 + 5*3 + 2 + 2 + 3) / 7 = 25/7 = 3.57; b: 26/7 = 3.71; c: (4 + 1*3 + 4 + 3 + 5) / 7 = 19/7 = 2.71
POLITICAL_X3 = {letter: weighted(s, (1, 3, 1, 1, 1)) for letter, s in COURSE_SCORES.items()}

# Exercise 5.1: every figure the CIA, South Korea and Reuters give for North Korea's army
ARMY_FIGURES = (ARMY_CIA, ARMY_CIA_LOW, ARMY_CIA_HIGH, ARMY_ROK, ARMY_REUTERS)

# Notebook 05: each input of the headline result as a range, from its sources' lowest to highest
LOSSES_LOW = min(LOSSES_PER_DAY, LOSSES_LOW_END, HEALEY_PER_DAY, RADAKIN_PER_DAY)  # 1,200
LOSSES_HIGH = max(LOSSES_PER_DAY, LOSSES_LOW_END, HEALEY_PER_DAY, RADAKIN_PER_DAY)  # 1,500
RECRUITS_LOW = min(RECRUITS_OFFICIAL, RECRUITS_APR_JUN, RECRUITS_JUL_SEP)  # 700
RECRUITS_HIGH = max(RECRUITS_OFFICIAL, RECRUITS_APR_JUN, RECRUITS_JUL_SEP)  # 1,020
SOLDIERS_LOW = min(SK_INTEL_SOLDIERS, NIS_DECIDED)  # 10,000
SOLDIERS_HIGH = max(SK_INTEL_SOLDIERS, NIS_DECIDED)  # 12,000
LOSSES_MID = (LOSSES_LOW + LOSSES_HIGH) / 2  # 1,350
RECRUITS_MID = (RECRUITS_LOW + RECRUITS_HIGH) / 2  # 860
SOLDIERS_MID = (SOLDIERS_LOW + SOLDIERS_HIGH) / 2  # 11,000

# Exercise 5.5: a tornado by hand. Deployments a month = (losses - recruits) x 30 / soldiers.
# Hold two inputs at their middles and move the third from its low end to its high end:
SWINGS = {
    "a": (LOSSES_HIGH - LOSSES_LOW) * 30 / SOLDIERS_MID,  # 300 x 30 / 11,000 = 0.82
    "b": (RECRUITS_HIGH - RECRUITS_LOW) * 30 / SOLDIERS_MID,  # 320 x 30 / 11,000 = 0.87
    "c": (LOSSES_MID - RECRUITS_MID) * 30 * (1 / SOLDIERS_LOW - 1 / SOLDIERS_HIGH),  # 0.245
}


def share_of_draws_above_one() -> float:
    """Exercise 5.6 redone with numpy: 10,000 draws with seed 2024, as the question says.

    Each input is drawn evenly from its range, in the order losses, recruits, soldiers.
    """
    rng = np.random.default_rng(2024)
    losses = rng.uniform(LOSSES_LOW, LOSSES_HIGH, 10_000)
    recruits = rng.uniform(RECRUITS_LOW, RECRUITS_HIGH, 10_000)
    soldiers = rng.uniform(SOLDIERS_LOW, SOLDIERS_HIGH, 10_000)
    deployments = (losses - recruits) * 30 / soldiers
    return float(np.mean(deployments > 1))


# Exercise 6.5: the five forecasts of notebook 06 and what happened (1 = yes, 0 = no)
OUTCOMES = [
    # more than 12,000 sent by September 2025? Ukraine counted 14,000: yes
    int(max(PENTAGON_TOTAL, KURSK_TOTAL, UKRAINE_TOTAL, YONHAP_TOTAL) > NIS_DECIDED),
    # casualties reported before 2025? The first estimate is of 19 December 2024: yes
    int(FIRST_NK_CASUALTIES_DATE <= "2024-12-31"),
    # Russia admits it before 2025? Only on 26 April 2025: no
    int(RUSSIA_CONFIRMS_DATE <= "2024-12-31"),
    # more than half of the 11,000 casualties by mid-2025? 6,000 on 15 June 2025: yes
    int(UK_NK_CASUALTIES > KURSK_TOTAL / 2 and UK_NK_CASUALTIES_DATE <= "2025-06-30"),
    # North Korea itself admits more than 1,000 lost? It says 350: no
    int(NK_KILLED_NK_CLAIM > 1_000),
]
FORECASTER = [0.9, 0.6, 0.3, 0.2, 0.1]  # the probabilities in the question
# (0.1² + 0.4² + 0.3² + 0.8² + 0.1²) / 5 = (0.01 + 0.16 + 0.09 + 0.64 + 0.01) / 5 = 0.182
BRIER = sum((p - o) ** 2 for p, o in zip(FORECASTER, OUTCOMES, strict=True)) / 5

EXTRA_SOLDIERS = YONHAP_TOTAL - NK_SOLDIERS  # latest total (September 2025) - the article's

# ---------------------------------------------------------------- the answer key

ANSWER_KEY: dict[str, object] = {
    # Notebook 01: reading the article
    "1.1": "c",  # Bosman relays "het Britse ministerie van Defensie" (AUTHORITY)
    "1.2": "d",  # "nuchter en kil" is a judgement no measurement settles (COLD_BUSINESS_KIND)
    "1.3": "minstens",  # "minstens twaalfhonderd": at least 1,200 (LOSSES_HEDGE)
    "1.4": NK_SOLDIERS * FEE_PER_MONTH * 12,  # 10,000 x $2,000 x 12 months = $240 million
    "1.5": LOSSES_PER_DAY * 30,  # 1,200 a day x 30 days = 36,000
    "1.6": LOSSES_PER_DAY * 30 / NK_SOLDIERS,  # 36,000 / 10,000 = 3.6 groups
    "1.7": NK_SOLDIERS / LOSSES_PER_DAY,  # 10,000 / 1,200 = 8.33 days
    # Notebook 02: incentives
    "2.1": GNI_2023_KRW / KRW_PER_USD,  # 40.9 trillion won / 1,380 = $29.6 billion
    "2.2": 100 * YEAR_OF_FEES / EXPORTS_2023_USD,  # $240m / $330m x 100 = 72.7 %
    "2.3": FEE_PER_MONTH / INCOME_PER_HEAD_MONTH_USD,  # $2,000 / $98 = 20.4 times
    "2.4": FEE_PER_MONTH * (1 - STATE_SHARE),  # $2,000 x 10 % = $200
    "2.5": 100 * KIDA_TROOPS_KRW / KIDA_TOTAL_KRW,  # 0.4 / 28.7 trillion won x 100 = 1.39 %
    # (a) arms: a range, ARMS_LOW_USD to ARMS_HIGH_USD; (c) food: RICE_TONNES of rice;
    # (b) oil and gas and (d) a place in a world order: no figure in our seeds
    "2.6": ["a", "c"],
    "2.7": MIN_PAY_RUB / RUB_PER_USD,  # 204,000 roubles / 97.0121 = $2,103
    # Notebook 04: costs
    "4.1": (LOSSES_PER_DAY - RECRUITS_JUL_SEP) * 30,  # (1,200 - 700) x 30 = 15,000
    # (400,000 + 596,000) roubles / 12 months / 97.0121 = 83,000 / 97.0121 = $856 a month
    "4.2": (FEDERAL_BONUS_RUB + REGIONAL_BONUS_RUB) / 12 / RUB_PER_USD,
    "4.3": CONTRACT_MONTH_USD,  # $2,958 (worked above)
    "4.4": NK_MONTH_USD,  # $2,394 (worked above)
    "4.5": LEFT_RUSSIA / CALLED_UP_SHOIGU,  # 700,000 / 300,000 = 2.33
    "4.6": NK_MONTH_USD / CONTRACT_MONTH_USD,  # $2,394 / $2,958 = 0.81
    "4.7": min(POLITICAL_X3, key=POLITICAL_X3.get),  # the lowest score (c: 2.71) comes last
    # Notebook 03: manpower arithmetic
    "3.1": LOSSES_PER_DAY * 365,  # 1,200 x 365 days = 438,000
    # middle of 150,000-190,000 over the middle of 240,000-290,000: 170,000 / 265,000 = 64.2 %
    "3.2": 100 * ((PERMANENT_LOW + PERMANENT_HIGH) / 2) / ((CASUALTIES_LOW + CASUALTIES_HIGH) / 2),
    # (1,200 - 1,000) a day x 30 days x 12 months = 72,000 (from 600,000, far from zero)
    "3.3": (LOSSES_PER_DAY - RECRUITS_OFFICIAL) * 30 * 12,
    "3.4": NK_SOLDIERS / HEALEY_PER_DAY,  # 10,000 / 1,354 = 7.39 days
    "3.5": BREAKEVEN_PER_MONTH,  # (1,200 - 700) x 30 = 15,000
    "3.6": 100 * NK_SOLDIERS / ARMY_ROK,  # 10,000 / 1,280,000 x 100 = 0.78 %
    "3.7": 0.1 * ARMY_ROK / BREAKEVEN_PER_MONTH,  # 128,000 / 15,000 = 8.53 months
    "3.8": NK_SOLDIERS * (1 - ESCORTS_PER_30 / 30),  # 10,000 x (1 - 3/30) = 9,000
    # Notebook 05: uncertainty
    # the highest figure (Reuters: 1.3 million) over the lowest (the CIA's 1.0 million)
    "5.1": (max(ARMY_FIGURES) / min(ARMY_FIGURES) - 1) * 100,  # (1.3 / 1.0 - 1) x 100 = 30 %
    "5.2": "a",  # Medvedev speaks for the Russian state (RECRUITS_OFFICIAL_KIND); Kluge is a researcher
    "5.3": SOLDIERS_HIGH / LOSSES_LOW,  # most soldiers over fewest losses: 12,000 / 1,200 = 10
    "5.4": LOSSES_LOW - RECRUITS_HIGH,  # fewest losses minus most recruits: 1,200 - 1,020 = 180
    "5.5": max(SWINGS, key=SWINGS.get),  # the biggest swing: b (0.87), just ahead of a (0.82)
    "5.6": 100 * share_of_draws_above_one(),  # 81.6 %
    # Notebook 06: what happened next
    "6.1": EXTRA_SOLDIERS,  # 13,000 - 10,000 = 3,000
    "6.2": EXTRA_SOLDIERS / LOSSES_PER_DAY,  # 3,000 / 1,200 = 2.5 days
    "6.3": 100 * UK_NK_CASUALTIES / KURSK_TOTAL,  # 6,000 / 11,000 x 100 = 54.5 %
    # (a) totals rose to 13,000-14,000; (b) casualties from December 2024: they fought;
    # (d) 1 translator and 3 Russians planned per 30 soldiers. Not (c): the first wave fought.
    "6.4": ["a", "b", "d"],
    "6.5": BRIER,  # 0.182 (worked above)
    "6.6": NK_KILLED_SK / NK_KILLED_NK_CLAIM,  # 2,000 / 350 = 5.71 times
    # The quiz
    "0.1": KURSK_TOTAL * FEE_PER_MONTH * 1,  # 11,000 x $2,000 x 1 month = $22 million
    "0.2": FEDERAL_BONUS_RUB / RUB_PER_USD / FEE_PER_MONTH,  # $4,123 / $2,000 = 2.06 months
    "0.3": MOBILISED_2022 / LOSSES_PER_DAY,  # 300,000 / 1,200 = 250 days
    "0.4": NOV_2024_UK_TOTAL / 30,  # 45,680 / 30 days of November = 1,522.7
    "0.5": KURSK_TOTAL / RADAKIN_PER_DAY,  # 11,000 / 1,500 = 7.33 days
    "0.6": "b",  # "doden en gewonden": killed and wounded, i.e. casualties (HEALEY_UNIT)
    "0.7": (RADAKIN_PER_DAY - HEALEY_PER_DAY) * 31,  # 146 a day x 31 days of October = 4,526
    "0.8": 100 * NK_CASUALTIES_APRIL / KURSK_TOTAL,  # 4,700 / 11,000 x 100 = 42.7 %
}

# ---------------------------------------------------------------- headline numbers in the prose

# (notebook, the words it states, the hand-computed value, the number stated, rounded to)
# Dollars are written here as "$"; the notebooks write them "\\$" (see in_markdown).
HEADLINES = [
    ("01-reading-the-article", "$240 million a year", YEAR_OF_FEES / 1e6, 240, 1),
    ("01-reading-the-article", "about 8 days", NK_SOLDIERS / LOSSES_PER_DAY, 8, 1),
    # 50,000 soldiers / 1,200 a day = 41.7 days = 5.95 weeks
    ("01-reading-the-article", "about six weeks", 50_000 / LOSSES_PER_DAY / 7, 6, 1),
    ("02-incentives", "about **73%**", 100 * YEAR_OF_FEES / EXPORTS_2023_USD, 73, 1),
    ("02-incentives", "about **0.8%** of its GNI", 100 * YEAR_OF_FEES / GNI_2023_USD, 0.8, 0.1),
    ("02-incentives", "about **20 times**", FEE_PER_MONTH / INCOME_PER_HEAD_MONTH_USD, 20, 1),
    ("04-costs", "about **15,000 soldiers a month**", BREAKEVEN_PER_MONTH, 15_000, 1),
    ("04-costs", "about **$2,960**", CONTRACT_MONTH_USD, 2_960, 10),
    ("04-costs", "about **$2,390**", NK_MONTH_USD, 2_390, 10),
    ("04-costs", "break-even of about 0.81", NK_MONTH_USD / CONTRACT_MONTH_USD, 0.81, 0.01),
    # exercise 4.2's bonuses: (400,000 + 596,000) / 12 / 97.0121 = 83,000 / 97.0121 = $856
    ("04-costs", "about $856", (FEDERAL_BONUS_RUB + REGIONAL_BONUS_RUB) / 12 / RUB_PER_USD, 856, 1),
    # 0.6: the notebook's assumed share of a trained soldier's tasks taken on without Russian
    ("04-costs", "about $3,990 per month of full tasks", NK_MONTH_USD / 0.6, 3_990, 10),
    ("03-manpower-arithmetic", "438,000 a year", LOSSES_PER_DAY * 365, 438_000, 1_000),
    ("03-manpower-arithmetic", "(6.7 to 8.3 days", NK_SOLDIERS / RADAKIN_PER_DAY, 6.7, 0.1),
    ("03-manpower-arithmetic", "(6.7 to 8.3 days", NK_SOLDIERS / LOSSES_PER_DAY, 8.3, 0.1),
    ("03-manpower-arithmetic", "About 8.5 months", 0.1 * ARMY_ROK / BREAKEVEN_PER_MONTH, 8.5, 0.1),
    # the gap as a flow: (1,200 - 1,000) x 30 and (1,200 - 700) x 30 soldiers a month
    (
        "03-manpower-arithmetic",
        "6,000 a month on Russia's official claim",
        (LOSSES_PER_DAY - RECRUITS_OFFICIAL) * 30,
        6_000,
        1,
    ),
    ("03-manpower-arithmetic", "15,000 on an independent estimate", BREAKEVEN_PER_MONTH, 15_000, 1),
    # October 2024: Ukraine's General Staff (41,890 in 31 days) against the UK (41,980 in 31 days)
    ("03-manpower-arithmetic", "1,351 against 1,354 a day", GENSTAFF_OCT / 31, 1_351, 1),
    ("03-manpower-arithmetic", "1,351 against 1,354 a day", OCT_2024_UK_TOTAL / 31, 1_354, 1),
    # deployments a month = (losses - recruits) x 30 / soldiers: at the middles, and at the ends
    (
        "05-uncertainty",
        "about 1.3 deployments of North Korea's size every month",
        (LOSSES_MID - RECRUITS_MID) * 30 / SOLDIERS_MID,  # 490 x 30 / 11,000 = 1.34
        1.3,
        0.1,
    ),
    (
        "05-uncertainty",
        "range from about 0.45 to 2.4",
        (LOSSES_LOW - RECRUITS_HIGH) * 30 / SOLDIERS_HIGH,  # 180 x 30 / 12,000 = 0.45
        0.45,
        0.01,
    ),
    (
        "05-uncertainty",
        "range from about 0.45 to 2.4",
        (LOSSES_HIGH - RECRUITS_LOW) * 30 / SOLDIERS_LOW,  # 800 x 30 / 10,000 = 2.4
        2.4,
        0.1,
    ),
    ("05-uncertainty", "about 82% of the draws", 100 * share_of_draws_above_one(), 82, 1),
    # fewest arrivals over most casualties a day, most arrivals over fewest: the ends cross
    ("05-uncertainty", "about 6.7 to 10 days", SOLDIERS_LOW / LOSSES_HIGH, 6.7, 0.1),  # 6.67
    ("05-uncertainty", "about 6.7 to 10 days", SOLDIERS_HIGH / LOSSES_LOW, 10, 0.1),  # 10.0
    # 11 months from October 2024 to September 2025
    ("06-what-happened-next", "About 273 extra soldiers a month", EXTRA_SOLDIERS / 11, 273, 1),
    (
        "06-what-happened-next",
        "about 55% of the first wave",
        100 * UK_NK_CASUALTIES / KURSK_TOTAL,
        55,
        1,
    ),
    ("quiz", "About 43%", 100 * NK_CASUALTIES_APRIL / KURSK_TOTAL, 43, 1),
    # Notebook 04's equal-weights chart: contract soldiers (2 + 4 + 5 + 4 + 3) / 5 = 18/5 = 3.6
    ("04-costs", "Russian contract soldiers 3.6", weighted(COURSE_SCORES["b"], (1,) * 5), 3.6, 0.1),
]

# ---------------------------------------------------------------- reading the seeds and notebooks

TYPED_FIGURE = re.compile(r"^([A-Z][A-Z0-9_]*) = (.+?)  # (\S+\.csv) (\S+)(?: (\S+))?$")


def typed_seed_figures() -> list[tuple[str, object, str, str, str]]:
    """Every ``NAME = value  # file row_id [column]`` line of this file, as (name, value, ...)."""
    found = []
    for line in Path(__file__).read_text(encoding="utf-8").splitlines():
        match = TYPED_FIGURE.match(line)
        if match:
            name, value, file, row_id, column = match.groups()
            found.append((name, ast.literal_eval(value), file, row_id, column or "value"))
    return found


def seed_cell(file: str, row_id: str, column: str) -> str:
    """The text of one cell of a seed file: the row whose first column is ``row_id``."""
    with open(SEEDS / file, newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if next(iter(row.values())) == row_id]
    assert len(rows) == 1, f"seeds/{file} has {len(rows)} rows called {row_id!r}"
    return rows[0][column]


def notebook_markdown(name: str) -> str:
    return markdown(read(NOTEBOOK_DIR / f"{name}.ipynb"))


def in_markdown(words: str) -> str:
    """The words as the notebooks' Markdown writes them: a dollar sign as \\\\$ (not maths)."""
    return words.replace("$", r"\\$")


def rounded(value: float, step: float) -> float:
    """``value`` rounded to the nearest ``step``: (2958.4, 10) -> 2960, (0.8094, 0.01) -> 0.81."""
    return round(value / step) * step


# ---------------------------------------------------------------- the tests


@pytest.mark.parametrize("figure", typed_seed_figures(), ids=lambda figure: figure[0])
def test_typed_seed_figure_matches_its_seed_file(figure):
    name, typed, file, row_id, column = figure
    in_file = seed_cell(file, row_id, column)
    same = in_file == typed if isinstance(typed, str) else float(in_file) == typed
    assert same, (
        f"{name} is typed here as {typed!r}, but seeds/{file} {row_id} {column} is {in_file!r}"
    )


def test_every_seed_comment_is_a_checked_figure():
    """A line that names a .csv in its comment but does not fit the pattern would go unchecked."""
    checked = {name for name, *_ in typed_seed_figures()}
    assert len(checked) > 60
    for line in Path(__file__).read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Z][A-Z0-9_]* = .*# \S+\.csv ", line):
            assert line.split(" = ")[0] in checked, f"not checked against its seed: {line}"


def test_typed_scores_match_the_course_table():
    """The multi-criteria scores of exercise 4.7 are a course assumption (helpers/costs.py)."""
    typed = [list(COURSE_SCORES[letter]) for letter in "abc"]
    assert DEFAULT_SCORES.to_numpy().tolist() == typed, "exercise 4.7: the course's scores changed"


def test_the_key_covers_exactly_the_course_exercises():
    missing = sorted(set(exercises()) - set(ANSWER_KEY))
    extra = sorted(set(ANSWER_KEY) - set(exercises()))
    assert not missing, f"exercises with no hand answer in ANSWER_KEY: {missing}"
    assert not extra, f"hand answers for exercises the course does not have: {extra}"


@pytest.mark.parametrize("qid", list(ANSWER_KEY))
def test_the_computed_answer_matches_the_hand_key(qid):
    computed = expected_answer(qid)
    by_hand = ANSWER_KEY[qid]
    message = f"exercise {qid}: the helpers compute {computed!r}, the hand key says {by_hand!r}"
    if isinstance(by_hand, (str, list)):  # a letter, a word or a list of letters: exactly
        assert computed == by_hand, message
    else:
        assert math.isclose(float(computed), by_hand, rel_tol=1e-9), message


def _headline_id(headline) -> str:
    notebook, words, _, stated, _ = headline
    return f"{notebook.split('-')[0]}: {words} [{stated}]"


@pytest.mark.parametrize("headline", HEADLINES, ids=_headline_id)
def test_headline_number_follows_from_the_hand_arithmetic(headline):
    notebook, words, value, stated, step = headline
    assert math.isclose(rounded(value, step), stated), (
        f"notebook {notebook} says {words!r}, but the hand sum gives {value!r}, "
        f"which rounds to {rounded(value, step):g}, not {stated}"
    )


@pytest.mark.parametrize("headline", HEADLINES, ids=_headline_id)
def test_headline_words_are_in_the_notebook(headline):
    notebook, words, *_ = headline
    assert in_markdown(words) in notebook_markdown(notebook), (
        f"notebook {notebook} no longer says {words!r} in its Markdown"
    )
