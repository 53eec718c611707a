"""helpers.checks: every exercise accepts its answer, rejects others, and never leaks the answer."""

from __future__ import annotations

import math

import pytest

from helpers.checks import Exercise, Feedback, check, exercises, expected_answer

IDS = sorted(exercises(), key=lambda q: tuple(int(p) for p in q.split(".")))


def _wrong(answer: object, exercise: Exercise) -> object:
    if exercise.kind == "number":
        return float(answer) * 1.7 + 13
    if exercise.kind == "choice":
        return "zzz"
    return ["zzz"]


def _shown(answer: object) -> list[str]:
    """Ways the answer could be printed, to make sure feedback never shows it."""
    if isinstance(answer, (int, float)):
        value = float(answer)
        forms = {f"{value:g}", f"{value:,.0f}", f"{value:.2f}", f"{value:.1f}"}
        return [f for f in forms if len(f.replace(",", "").replace(".", "")) >= 3]
    return []


@pytest.mark.parametrize("qid", IDS)
def test_expected_answer_is_accepted(qid):
    answer = expected_answer(qid)
    assert check(qid, answer).correct


@pytest.mark.parametrize("qid", IDS)
def test_a_wrong_answer_gets_a_hint_without_the_answer(qid):
    exercise = exercises()[qid]
    answer = expected_answer(qid)
    feedback = check(qid, _wrong(answer, exercise))
    assert not feedback.correct
    assert feedback.message.startswith("Not yet: ") and len(feedback.message) > 20
    for form in _shown(answer):
        assert form not in feedback.message


@pytest.mark.parametrize("qid", IDS)
def test_placeholder_and_wrong_types_are_friendly(qid):
    for bad in (..., None, "abc", True, [1, 2], {"a": 1}, math.nan):
        feedback = check(qid, bad)
        assert isinstance(feedback, Feedback) and not feedback.correct
        assert feedback.message.startswith("Not yet")


@pytest.mark.parametrize("qid", IDS)
def test_sensible_rounding_is_tolerated(qid):
    exercise = exercises()[qid]
    if exercise.kind != "number":
        pytest.skip("not a number")
    answer = float(expected_answer(qid))
    digits = 3 if abs(answer) >= 1 else 2
    rounded = float(f"{answer:.{digits}g}")
    if math.isclose(rounded, answer, rel_tol=exercise.rel_tol, abs_tol=exercise.abs_tol):
        assert check(qid, rounded).correct


@pytest.mark.parametrize("qid", IDS)
def test_known_mistakes_are_recognised(qid):
    exercise = exercises()[qid]
    for mistake in exercise.mistakes:
        feedback = check(qid, mistake.answer())
        assert not feedback.correct
        assert mistake.says in feedback.message


def test_exercise_ids_follow_the_notebook_numbering():
    for qid, exercise in exercises().items():
        assert exercise.question.strip() and exercise.hint.strip(), qid
        assert qid.count(".") == 1


def test_unknown_question_id():
    with pytest.raises(KeyError):
        check("99.9", 1)
    with pytest.raises(TypeError):
        check(1.1, 1)


def test_markdown_rendering_marks_the_verdict():
    assert check("1.4", ...)._repr_markdown_().startswith("✗ **Not yet:**")
    assert check("1.4", expected_answer("1.4"))._repr_markdown_().startswith("✓ **Correct:**")
