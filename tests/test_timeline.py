"""helpers.timeline: the timeline traces to facts, forecasts resolve from it, Brier scores behave."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import sources, style, timeline
from helpers.widgets import explore, float_slider

from badinput import assert_rejects_bad_input

VALID_CALLS = {
    timeline.squared_error: {"probability": 0.7, "outcome": 1},
    timeline.brier_score: {"probabilities": [0.7, 0.2], "outcomes": [1, 0]},
    timeline.brier_breakdown: {"probabilities": [0.5] * 5},
    timeline.draw_brier: {
        "more_than_12000": 0.5,
        "casualties_2024": 0.5,
        "russia_admits_2024": 0.5,
        "half_casualties": 0.5,
        "nk_admits_1000": 0.5,
    },
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_rejects_bad_input(func):
    assert_rejects_bad_input(func, VALID_CALLS[func])


# --- the timeline and its seed ------------------------------------------------------------


def test_every_row_traces_to_a_fact_with_source_and_caveat():
    seed = sources.table("timeline")
    known = set(sources.facts()["id"])
    assert set(seed["fact_id"]) <= known
    assert seed["fact_id"].is_unique
    t = timeline.timeline()
    assert len(t) == len(seed)
    assert t["source"].str.strip().astype(bool).all()
    assert t["caveat"].str.strip().astype(bool).all()


def test_seed_holds_no_figures_of_its_own():
    seed = sources.table("timeline")
    assert not {"value", "low", "high", "unit"} & set(seed.columns), "figures come from facts"
    for text in seed["event_en"]:
        numbers = re.findall(r"\d[\d,.]*", text)
        assert all(re.fullmatch(r"20\d\d", n) for n in numbers), f"figure typed in: {text!r}"


def test_figures_match_facts_exactly():
    t = timeline.timeline().set_index("fact_id")
    for fid in ("yonhap_total_13000", "nk_casualties_2025_06", "nk_killed_claimed_by_nk"):
        f = sources.fact(fid)
        assert t.loc[fid, "value"] == f.value
        assert t.loc[fid, "date"] == f.as_of


def test_kinds_agree_with_the_facts_table():
    t = timeline.timeline()
    f = sources.facts().set_index("id")["kind"]
    for row in t.itertuples():
        if f[row.fact_id] in ("estimate", "official claim", "one side's claim"):
            assert row.kind == f[row.fact_id], row.fact_id
        else:
            assert row.kind == "reported fact", row.fact_id


def test_all_categories_present_and_sorted_by_date():
    t = timeline.timeline()
    assert set(t["category"]) == set(timeline.CATEGORIES)
    assert t["when"].is_monotonic_increasing
    assert (t["when"] >= pd.Timestamp("2024-10-01")).all(), "everything is after the article"


def test_deployment_totals_rise_above_the_article():
    totals = timeline.deployment_totals()
    assert totals["value"].min() >= sources.claim("nk_soldiers_left").value
    assert totals["value"].iloc[-1] == sources.fact("yonhap_total_13000").value


def test_casualty_estimates_rise_over_time():
    hurt = timeline.casualty_estimates()
    wounded = hurt[hurt["measure"] == "casualties"]["value"]
    assert wounded.is_monotonic_increasing


def test_timeline_table_filters_and_rejects_unknown_category():
    assert len(timeline.timeline_table("confirmation")) == 2
    assert len(timeline.timeline_table()) == len(timeline.timeline())
    with pytest.raises(ValueError, match="category"):
        timeline.timeline_table("rumours")


def test_figure_text_forms():
    text = timeline._figure_text
    assert text(12_000, None, None, "troops") == "12,000 troops"
    assert text(6_000, 6_000, None, "casualties") == "at least 6,000 casualties"
    assert text(2e10, None, None, "USD") == "$20 billion"
    assert text(None, None, 3e6, "USD per month") == "up to $3 million per month"
    assert timeline.figure_of("inss_troop_income_per_year") == (
        "$320 million to $1.3 billion per year"
    )
    with pytest.raises(ValueError, match="low"):
        text(1, -5, None, "troops")
    with pytest.raises(KeyError):
        timeline.figure_of("no_such_fact")


def test_months_between():
    assert timeline.months_between("2024-10", "2025-09-02") == 11
    assert timeline.months_between("2024-10", "2024-10-30") == 0
    with pytest.raises(ValueError, match="end"):
        timeline.months_between("2025-01", "2024-10")
    with pytest.raises(TypeError, match="start"):
        timeline.months_between(2024, "2025-01")


# --- forecasts --------------------------------------------------------------------------


def test_forecast_outcomes_follow_the_timeline():
    out = timeline.forecast_outcomes().set_index("key")["outcome"]
    assert out["more_than_12000"] == 1  # 13,000 and 14,000 reported
    assert out["casualties_2024"] == 1  # first estimate December 2024
    assert out["russia_admits_2024"] == 0  # Gerasimov, April 2025
    assert out["half_casualties"] == 1  # more than 6,000 of about 11,000
    assert out["nk_admits_1000"] == 0  # North Korea: about 350
    assert set(timeline.forecast_outcomes()["evidence"]) <= set(timeline.timeline()["fact_id"])


def test_article_forecasts_cover_the_claims_notebook_06_scores():
    table = timeline.article_forecasts()
    assert {"many_more_coming", "front_uncertain", "guard_duty_idea", "language_barrier"} <= set(
        table["claim"]
    )
    held = table.set_index("claim")["held_up"]
    assert held["guard_duty_idea"] is False and held["big_gamble"] is None
    many = table.set_index("claim").loc["many_more_coming", "what was reported later"]
    assert "13,000" in many and "14,000" in many


# --- Brier scores -----------------------------------------------------------------------

probability = st.floats(min_value=0, max_value=1, allow_nan=False)
outcome = st.sampled_from([0, 1])
pairs = st.lists(st.tuples(probability, outcome), min_size=1, max_size=20)


@given(pairs)
def test_brier_score_is_between_0_and_1(data):
    ps, os_ = zip(*data, strict=True)
    assert 0 <= timeline.brier_score(list(ps), list(os_)) <= 1


@given(st.lists(outcome, min_size=1, max_size=20))
def test_perfect_forecasts_score_0_and_perfectly_wrong_score_1(outcomes):
    assert timeline.brier_score([float(o) for o in outcomes], outcomes) == 0
    assert timeline.brier_score([1.0 - o for o in outcomes], outcomes) == 1


@given(st.lists(outcome, min_size=1, max_size=20))
def test_saying_50_percent_always_scores_a_quarter(outcomes):
    assert timeline.brier_score([0.5] * len(outcomes), outcomes) == timeline.COIN_FLIP


@given(probability, outcome)
def test_moving_towards_the_outcome_never_hurts(p, o):
    closer = (p + o) / 2
    assert timeline.squared_error(closer, o) <= timeline.squared_error(p, o)


def test_brier_score_worked_example():
    assert timeline.brier_score([0.9, 0.5, 0.2], [1, 1, 0]) == pytest.approx(0.1)


@pytest.mark.parametrize(
    "ps, os_, error, name",
    [
        ([0.5], [1, 0], ValueError, "same length"),
        ([], [], ValueError, "at least one"),
        ([1.2], [1], ValueError, "probabilities[0]"),
        ([0.5, "x"], [1, 1], TypeError, "probabilities[1]"),
        ([0.5], [2], ValueError, "outcomes[0]"),
        ([0.5], [True], TypeError, "outcomes[0]"),
        ("0.5", [1], TypeError, "probabilities"),
        ([0.5], 1, TypeError, "outcomes"),
    ],
)
def test_brier_score_rejects_bad_lists(ps, os_, error, name):
    with pytest.raises(error) as caught:
        timeline.brier_score(ps, os_)
    assert name in str(caught.value)


def test_squared_error_rejects_probability_above_1():
    with pytest.raises(ValueError, match="probability"):
        timeline.squared_error(1.5, 1)


def test_brier_breakdown_needs_one_probability_per_forecast():
    with pytest.raises(ValueError, match="probabilities"):
        timeline.brier_breakdown([0.5, 0.5])


# --- charts -----------------------------------------------------------------------------


def test_numbers_over_time_plots_the_timeline_figures():
    fig = timeline.draw_numbers_over_time()
    lines = {line.get_label(): line for line in fig.axes[0].lines}
    sent = lines["soldiers sent in all"]
    assert list(sent.get_ydata()) == timeline.deployment_totals()["value"].tolist()
    assert list(lines["North Korea's own figure"].get_ydata()) == [
        sources.fact("nk_killed_claimed_by_nk").value
    ]
    assert "Source" in fig.texts[-1].get_text()


def test_draw_brier_plots_penalties_and_score():
    fig = timeline.draw_brier(0.9, 0.6, 0.3, 0.2, 0.1)
    widths = [b.get_width() for b in fig.axes[0].patches]
    assert widths == pytest.approx([0.01, 0.16, 0.09, 0.64, 0.01])
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "0.18" in texts and "0.25" in texts


def test_draw_brier_names_the_bad_slider():
    with pytest.raises(ValueError, match="half_casualties"):
        timeline.draw_brier(half_casualties=1.5)


def test_widget_callback_renders():
    explorer = explore(
        timeline.draw_brier,
        more_than_12000=float_slider("a", 0.5, 0, 1, 0.05),
    )
    svg = explorer.render(more_than_12000=0.9)
    assert svg == style.svg_text(timeline.draw_brier(more_than_12000=0.9))
    assert svg != explorer.render(more_than_12000=0.1), "the slider changes the chart"


def test_live_brier_chart_moves_in_place():
    chart = timeline.BrierChart()
    explorer = explore(
        chart,
        more_than_12000=float_slider("a", 0.5, 0, 1, 0.05),
        nk_admits_1000=float_slider("b", 0.5, 0, 1, 0.05),
    )
    fig = explorer.redraw(more_than_12000=1.0, nk_admits_1000=0.0)
    assert fig is chart.fig
    widths = [b.get_width() for b in fig.axes[0].patches]
    assert widths == pytest.approx([0, 0.25, 0.25, 0.25, 0])
    assert " your Brier score 0.15" in explorer.render(more_than_12000=1.0, nk_admits_1000=0.0)


def test_notebook_sample_forecaster_matches_exercise_6_5():
    """The probabilities typed into notebook 06 for exercise 6.5 are the ones the check uses."""
    import nbformat

    from helpers.exercises.nb06 import SAMPLE_FORECASTER

    path = sources.SEEDS.parent / "notebooks" / "06-what-happened-next.ipynb"
    if not path.exists():
        pytest.skip("notebook 06 not written yet")
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    found = re.search(r"their_probabilities = \[([^\]]*)\]", text)
    assert found, "exercise 6.5 defines their_probabilities"
    assert tuple(float(x) for x in found.group(1).split(",")) == SAMPLE_FORECASTER
