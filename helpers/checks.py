"""Check a student's answer to an exercise: "Correct" or "Not yet" with a hint.

Expected answers are computed from ``helpers`` and ``seeds/`` (see ``helpers/exercises/``),
never typed in, and the feedback never shows them.

>>> check("1.4", ...)
Not yet: replace the ... with your answer, then run the cell again.
>>> check("1.4", "lots")
Not yet: I expected a number (like 12.5), but got the text 'lots'. Type the number without quotes.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from numbers import Real
from typing import Literal

__all__ = ["Exercise", "Mistake", "Feedback", "check", "expected_answer", "exercises"]

Kind = Literal["number", "choice", "choices"]


@dataclass(frozen=True)
class Mistake:
    """A wrong answer worth recognising, and what to say about it.

    ``answer`` computes the wrong value the mistake produces (e.g. using 30 days for a year).
    """

    answer: Callable[[], object]
    says: str


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer, how close is close enough, and a hint.

    ``kind``: ``"number"`` (a number within a tolerance), ``"choice"`` (one letter or
    word, case ignored), or ``"choices"`` (a set of letters, order ignored). ``working``
    explains the answer in words (no computed figures typed in) for the teacher guide.
    """

    question: str
    expected: Callable[[], object]
    hint: str
    kind: Kind = "number"
    unit: str = ""
    rel_tol: float = 0.01
    abs_tol: float = 0.0
    mistakes: tuple[Mistake, ...] = ()
    well_done: str = ""
    working: str = ""  # the worked reasoning in words, for the teacher guide's answer key
    notebook: str = field(default="", compare=False)


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says. Shows as plain text and as Markdown in a notebook."""

    correct: bool
    message: str

    def __repr__(self) -> str:
        return self.message

    def _repr_markdown_(self) -> str:
        mark = "✓" if self.correct else "✗"
        head, _, rest = self.message.partition(": ")
        return f"{mark} **{head}:** {rest}"

    def __bool__(self) -> bool:
        return self.correct


@cache
def exercises() -> dict[str, Exercise]:
    """Every exercise of the course, by question id ("1.1", "4.3", ...).

    >>> "1.1" in exercises()
    True
    """
    import helpers.exercises as package

    found: dict[str, Exercise] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for qid, exercise in getattr(module, "EXERCISES", {}).items():
            if qid in found:
                raise ValueError(f"exercise {qid!r} is defined twice")
            found[qid] = exercise
    return found


def _exercise(question_id: object) -> Exercise:
    if not isinstance(question_id, str):
        raise TypeError(f"question_id must be text like '1.1', got {question_id!r}")
    try:
        return exercises()[question_id]
    except KeyError:
        raise KeyError(f"there is no exercise {question_id!r}") from None


def expected_answer(question_id: str) -> object:
    """The computed answer to an exercise (for tests and the teacher guide).

    >>> round(expected_answer("1.4"))
    240000000
    """
    return _exercise(question_id).expected()


def _as_number(answer: object) -> float | str:
    """The answer as a float, or a friendly message saying why it is not a number."""
    if isinstance(answer, bool):
        return "I expected a number, but got True or False."
    if isinstance(answer, str):
        return (
            f"I expected a number (like 12.5), but got the text {answer!r}. "
            "Type the number without quotes."
        )
    if isinstance(answer, (list, tuple, set, dict)):
        return "I expected one number, but got a collection of things."
    if not isinstance(answer, Real):
        return f"I expected a number, but got {type(answer).__name__}."
    value = float(answer)
    if math.isnan(value) or math.isinf(value):
        return "I expected an ordinary number, but got NaN or infinity."
    return value


def _close(value: float, target: float, exercise: Exercise) -> bool:
    return math.isclose(value, target, rel_tol=exercise.rel_tol, abs_tol=exercise.abs_tol)


def _normalise_choice(answer: object) -> str | None:
    if isinstance(answer, str) and answer.strip():
        return answer.strip().strip(".)").lower()
    return None


def _check_number(answer: object, exercise: Exercise) -> Feedback:
    value = _as_number(answer)
    if isinstance(value, str):
        return Feedback(False, f"Not yet: {value}")
    target = float(exercise.expected())  # type: ignore[arg-type]
    if _close(value, target, exercise):
        return Feedback(True, f"Correct: {exercise.well_done or 'well done.'}")
    for mistake in exercise.mistakes:
        wrong = float(mistake.answer())  # type: ignore[arg-type]
        if _close(value, wrong, exercise):
            return Feedback(False, f"Not yet: {mistake.says}")
    return Feedback(False, f"Not yet: {exercise.hint}")


def _check_choice(answer: object, exercise: Exercise) -> Feedback:
    given = _normalise_choice(answer)
    if given is None:
        return Feedback(False, "Not yet: answer with one letter or word in quotes, like 'b'.")
    target = _normalise_choice(exercise.expected())
    if given == target:
        return Feedback(True, f"Correct: {exercise.well_done or 'well done.'}")
    for mistake in exercise.mistakes:
        if given == _normalise_choice(mistake.answer()):
            return Feedback(False, f"Not yet: {mistake.says}")
    return Feedback(False, f"Not yet: {exercise.hint}")


def _check_choices(answer: object, exercise: Exercise) -> Feedback:
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return Feedback(False, "Not yet: answer with a list of letters, like ['a', 'c'].")
    given = {_normalise_choice(a) for a in answer}
    if None in given:
        return Feedback(False, "Not yet: every item of your list should be a letter in quotes.")
    target = {_normalise_choice(a) for a in exercise.expected()}  # type: ignore[union-attr]
    if given == target:
        return Feedback(True, f"Correct: {exercise.well_done or 'well done.'}")
    return Feedback(False, f"Not yet: {exercise.hint}")


def check(question_id: str, answer: object) -> Feedback:
    """Say whether ``answer`` answers exercise ``question_id``; give a hint if not.

    Numbers may be rounded sensibly (each exercise sets how much). Anything that is not
    an answer (``...``, text where a number is due) gets a friendly message.

    >>> check("1.4", 240_000_000)
    Correct: ten thousand soldiers for a year bring in about a quarter of a billion dollars.
    >>> check("1.4", 240_000)
    Not yet: multiply soldiers x dollars per soldier per month x months (a year has 12 months).
    """
    exercise = _exercise(question_id)
    if answer is Ellipsis or answer is None:
        return Feedback(
            False, "Not yet: replace the ... with your answer, then run the cell again."
        )
    if exercise.kind == "number":
        return _check_number(answer, exercise)
    if exercise.kind == "choice":
        return _check_choice(answer, exercise)
    return _check_choices(answer, exercise)
