"""Check a student's answer to an exercise: "Correct", "Close" or "Not yet" with a hint.

Expected answers are computed from ``helpers`` and ``seeds/`` (see ``helpers/exercises/``,
gathered in ``helpers.exercises.EXERCISES``), never typed in, and the feedback never shows them.
What an exercise is (``Exercise``, ``Mistake``) is defined in ``helpers.exercise_types``.

How a number is judged, in this order:

1. within the exercise's tolerance (``rel_tol``/``abs_tol``) of the answer: **Correct**;
2. within tolerance of a known mistake's value, or that value rounded to ``sig_figs``
   significant figures or more: **Not yet**, saying what went wrong;
3. the answer rounded to ``sig_figs`` significant figures or more (8 for 8.33 if
   ``sig_figs=1``; 3,000 for 2,958 with the default of 2): **Correct**;
4. within 20 % of the answer or of a known mistake: whichever is nearer. Near the answer,
   that is **Close: check your rounding** (20 % takes in 3 for 3.6, rounded down);
5. anything else: **Not yet**, with the exercise's hint.

``...`` or ``None`` is **Not answered yet**. Letters may be typed as ``c``, ``C``, ``(c)``,
``c)`` or ``c.``. Nothing a student types makes ``check`` fail: odd input gets a friendly
message, and the student's own text is shortened and never shown as Markdown.

A number may also be typed as text, the English or the Dutch way (``"8,3"``, ``"1,200"``,
``"1.200"``, ``"$ 2.000"``; ``helpers.language.parse_number``). In the Dutch edition
``"1.200"`` is twelve hundred when the answer is a whole number (a count); where it could be
1.2 as well, ``check`` asks which was meant instead of guessing. ``check("1.7", 8,3)`` (a
decimal comma outside quotes, which Python reads as two numbers) is explained, not an error.
Feedback is in the language in use (``helpers.language``; ``style.use(language="nl")``).

>>> check("1.4", ...)
Not answered yet: replace the ... with your answer, then run the cell again.
>>> check("1.4", "lots")
Not yet: I expected a number (like 12.5), but got the text 'lots'. Type the number without quotes.
>>> check("1.7", "8,3")
Correct: about eight days: 10,000 arriving soldiers equal a little more than a week of reported casualties.
>>> check("1.7", 8)
Correct: about eight days: 10,000 arriving soldiers equal a little more than a week of reported casualties.
>>> check("1.1", "(C)").correct
True
>>> check("1.10", "c")
Not yet: There is no exercise '1.10'. Did you mean '1.1'?
"""

from __future__ import annotations

import difflib
import math
import re
import string
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from numbers import Complex, Real

from helpers.exercise_types import Exercise, Mistake
from helpers.exercises import EXERCISES
from helpers.language import AmbiguousNumber, number_text, parse_number, tr
from helpers.markdown import escape_dollars
from helpers.seedfile import SeedError

__all__ = [
    "Exercise",
    "Mistake",
    "Feedback",
    "check",
    "expected_answer",
    "exercises",
    "round_to_figures",
]

CLOSE = 0.20  # "Close" means within 20 % of the answer (see the module docstring)
MOST_FIGURES = 6  # roundings to 1 ... 6 significant figures are recognised
ECHO_LENGTH = 40  # a student's text is quoted back at most this long


def _not_yet(message: str) -> str:
    """ "Not yet: " and a message, both in the language in use."""
    return tr("Not yet: {message}").format(message=message)


Wrongs = list[tuple[Mistake, float]]  # each known mistake, with the value it gives


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says. Shows as plain text and as Markdown in a notebook.

    ``echoed`` is the part of ``message`` that quotes the student (their text, or the type
    of what they gave): the Markdown shows it as code, exactly as typed. Dollar signs are
    escaped as in the rest of the course (``helpers.markdown``), so "$2,000" is not maths.
    """

    correct: bool
    message: str
    echoed: str = ""

    def __repr__(self) -> str:
        return self.message

    def _repr_markdown_(self) -> str:
        mark = "✓" if self.correct else "✗"
        head, _, rest = self.message.partition(": ")
        return f"{mark} **{head}:** {_markdown_safe(rest, self.echoed)}"

    def __bool__(self) -> bool:
        return self.correct


def _markdown_safe(text: str, echoed: str) -> str:
    """``text`` for Markdown: dollars escaped (no maths), the echoed part as literal code."""
    before, found, after = text.rpartition(echoed) if echoed else ("", "", text)
    shown = _code_span(found) if found else ""
    return escape_dollars(before) + shown + escape_dollars(after)


def _code_span(text: str) -> str:
    """``text`` as a Markdown code span: shown as typed, never as Markdown, HTML or maths."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _quoted(text: str) -> str:
    """A student's text, quoted and cut to ``ECHO_LENGTH`` characters: 'lots'."""
    if len(text) > ECHO_LENGTH:
        text = text[: ECHO_LENGTH - 1] + "…"
    return repr(text)


def exercises() -> dict[str, Exercise]:
    """Every exercise of the course, by question id ("1.1", "3.3", ...).

    >>> "1.1" in exercises()
    True
    """
    return EXERCISES


def expected_answer(question_id: str) -> object:
    """The computed answer to an exercise (for tests and the teacher guide).

    >>> round(expected_answer("1.4"))
    240000000
    """
    if not isinstance(question_id, str):
        raise TypeError(f"question_id must be text like '1.1', got {question_id!r}")
    try:
        return exercises()[question_id].expected()
    except KeyError:
        raise KeyError(f"there is no exercise {question_id!r}") from None


# ---------------------------------------------------------------- the exercise id


def _find_exercise(question_id: object) -> Exercise | Feedback:
    """The exercise ``question_id`` names (spaces around it forgiven), or a friendly message."""
    if not isinstance(question_id, str):
        return Feedback(
            False, tr('Not yet: put the exercise number in quotes, like check("1.1", ...).')
        )
    qid = question_id.strip()
    if qid in exercises():
        return exercises()[qid]
    nearest = difflib.get_close_matches(qid[:10], list(exercises()), n=1, cutoff=0.5)
    suggestion = (
        tr("Did you mean '{id}'?").format(id=nearest[0])
        if nearest
        else tr("Exercise numbers look like '1.1'.")
    )
    shown = _quoted(qid)
    message = tr("There is no exercise {shown}.").format(shown=shown)
    return Feedback(False, _not_yet(f"{message} {suggestion}"), shown)


# ---------------------------------------------------------------- numbers


def _plain(answer: object) -> object:
    """A numpy scalar or 0-d array as the Python value inside it: ``np.array(8.3)`` -> 8.3."""
    shape = getattr(answer, "shape", None)
    if isinstance(shape, tuple) and shape == () and hasattr(answer, "item"):
        return answer.item()
    return answer


def _as_number(answer: object, whole: bool = False) -> float | Feedback:
    """The answer as an ordinary float, or a friendly message saying why it is not one.

    ``whole``: the expected answer is a whole number, so typed text like "1.200" is a count.
    """
    if isinstance(answer, bool):
        return Feedback(False, _not_yet(tr("I expected a number, but got True or False.")))
    if isinstance(answer, str):
        return _typed_number(answer, whole)
    if isinstance(answer, (list, tuple, set, frozenset, dict)) or hasattr(answer, "shape"):
        return Feedback(
            False, _not_yet(tr("I expected one number, but got a collection of things."))
        )
    if isinstance(answer, Complex) and not isinstance(answer, Real):
        return Feedback(False, _not_yet(tr("I expected an ordinary number, not a complex number.")))
    if not isinstance(answer, (Real, Decimal)):
        kind = type(answer).__name__
        message = tr("I expected a number, but got {kind}.").format(kind=kind)
        return Feedback(False, _not_yet(message), kind)
    value = _to_float(answer)
    if not math.isfinite(value):
        message = tr("I expected an ordinary number, but got NaN, infinity or a huge number.")
        return Feedback(False, _not_yet(message))
    return value


def _typed_number(answer: str, whole: bool) -> float | Feedback:
    """A number typed as text ("8,3", "1.200", "$ 2,000"), or a message asking what was meant."""
    shown = _quoted(answer)
    try:
        return parse_number(answer, whole=whole)
    except AmbiguousNumber as ambiguous:
        big, small = ambiguous.readings
        message = tr(
            "{shown} can mean {big} or {small}. Type the number without quotes and without a "
            "separator for thousands, like {big_python} or {small_python}."
        ).format(
            shown=shown,
            big=number_text(f"{big:,.0f}"),
            small=number_text(f"{small:g}"),
            big_python=f"{big:.0f}",
            small_python=f"{small:g}",
        )
        return Feedback(False, _not_yet(message), shown)
    except ValueError:
        message = tr(
            "I expected a number (like 12.5), but got the text {shown}. "
            "Type the number without quotes."
        ).format(shown=shown)
        return Feedback(False, _not_yet(message), shown)


def _to_float(number: Real | Decimal) -> float:
    """``float(number)``, with infinity for one too big (10**400) and NaN for a broken one."""
    try:
        return float(number)
    except OverflowError:
        return math.inf
    except (TypeError, ValueError):  # e.g. Decimal("sNaN")
        return math.nan


def round_to_figures(value: float, figures: int) -> float:
    """``value`` rounded to ``figures`` significant figures, halves up: (8.333, 1) -> 8.0."""
    exact = Decimal(repr(value))
    if exact == 0:
        return 0.0
    step = Decimal(1).scaleb(exact.adjusted() - figures + 1)
    return float(exact.quantize(step, rounding=ROUND_HALF_UP))


def _is_rounding(value: float, target: float, fewest_figures: int) -> bool:
    """Is ``value`` the ``target`` rounded to ``fewest_figures`` significant figures or more?"""
    return any(
        math.isclose(value, round_to_figures(target, figures), rel_tol=1e-9)
        for figures in range(fewest_figures, MOST_FIGURES + 1)
    )


def _within_tolerance(value: float, target: float, exercise: Exercise) -> bool:
    return math.isclose(value, target, rel_tol=exercise.rel_tol, abs_tol=exercise.abs_tol)


def _matching_mistake(value: float, wrongs: Wrongs, exercise: Exercise) -> Mistake | None:
    """The known mistake that gives ``value`` (within tolerance, or rounded), if any."""
    for mistake, wrong in wrongs:
        if _within_tolerance(value, wrong, exercise) or _is_rounding(
            value, wrong, exercise.sig_figs
        ):
            return mistake
    return None


def _near_miss(value: float, target: float, wrongs: Wrongs, exercise: Exercise) -> Feedback:
    """Within ``CLOSE`` of the answer or of a mistake: say the nearer; else give the hint."""
    candidates = [(None, target), *wrongs]
    near = [(abs(value - t), m) for m, t in candidates if abs(value - t) <= CLOSE * abs(t)]
    if not near:
        return Feedback(False, _not_yet(tr(exercise.hint)))
    _, mistake = min(near, key=lambda pair: pair[0])
    if mistake is not None:
        return Feedback(False, _not_yet(tr(mistake.says)))
    figures = max(2, exercise.sig_figs)
    return Feedback(
        False,
        tr(
            "Close: check your rounding. Round to the nearest, only at the end, and keep at "
            "least {figures} significant figures. If you did, check the numbers you used."
        ).format(figures=figures),
    )


def _check_number(answer: object, exercise: Exercise) -> Feedback:
    target = float(exercise.expected())  # type: ignore[arg-type]
    value = _as_number(answer, whole=target.is_integer())
    if isinstance(value, Feedback):
        return value
    if _within_tolerance(value, target, exercise):
        return _correct(exercise)
    wrongs = [(m, float(m.answer())) for m in exercise.mistakes]  # type: ignore[arg-type]
    mistake = _matching_mistake(value, wrongs, exercise)
    if mistake is not None:
        return Feedback(False, _not_yet(tr(mistake.says)))
    if _is_rounding(value, target, exercise.sig_figs):
        return _correct(exercise)
    return _near_miss(value, target, wrongs, exercise)


# ---------------------------------------------------------------- letters and words


def _options(exercise: Exercise) -> list[str]:
    """The option letters a question prints: "(a) ... (b) ..." -> ['a', 'b']."""
    return re.findall(r"\(([a-z])\)", exercise.question)


def _normalise_choice(answer: object) -> str | None:
    """A letter or word as typed, tidied: "(C)", "c)", " c ", "c." -> "c"; not text -> None."""
    if not isinstance(answer, str):
        return None
    return answer.strip(string.whitespace + "()[].,;:!?'\"`").lower() or None


def _check_choice(answer: object, exercise: Exercise) -> Feedback:
    given = _normalise_choice(answer)
    if given is None:
        return Feedback(False, _not_yet(tr("answer with one letter or word in quotes, like 'b'.")))
    if given == _normalise_choice(exercise.expected()):
        return _correct(exercise)
    for mistake in exercise.mistakes:
        if given == _normalise_choice(mistake.answer()):
            return Feedback(False, _not_yet(tr(mistake.says)))
    options = _options(exercise)
    if options and given not in options:
        shown = _quoted(str(answer))
        letters = ", ".join(options)
        message = tr("{shown} is not one of the letters {letters}.")
        return Feedback(False, _not_yet(message.format(shown=shown, letters=letters)), shown)
    return Feedback(False, _not_yet(tr(exercise.hint)))


def _check_choices(answer: object, exercise: Exercise) -> Feedback:
    if not isinstance(answer, (list, tuple, set, frozenset)):
        return Feedback(False, _not_yet(tr("answer with a list of letters, like ['a', 'c'].")))
    given = {_normalise_choice(a) for a in answer}
    options = _options(exercise)
    if None in given or (options and not given <= set(options)):
        wanted = (
            tr("one of the letters {letters}").format(letters=", ".join(options))
            if options
            else tr("a letter")
        )
        message = tr("every item of your list should be {wanted}, in quotes.")
        return Feedback(False, _not_yet(message.format(wanted=wanted)))
    if given == {_normalise_choice(a) for a in exercise.expected()}:  # type: ignore[union-attr]
        return _correct(exercise)
    return Feedback(False, _not_yet(tr(exercise.hint)))


# ---------------------------------------------------------------- check


def _correct(exercise: Exercise) -> Feedback:
    return Feedback(
        True,
        tr("Correct: {message}").format(
            message=tr(exercise.well_done) if exercise.well_done else tr("well done.")
        ),
    )


def _judge(question_id: object, answer: object) -> Feedback:
    exercise = _find_exercise(question_id)
    if isinstance(exercise, Feedback):
        return exercise
    answer = _plain(answer)
    if answer is Ellipsis or answer is None:
        return Feedback(
            False,
            tr("Not answered yet: replace the ... with your answer, then run the cell again."),
        )
    if exercise.kind == "number":
        return _check_number(answer, exercise)
    if exercise.kind == "choice":
        return _check_choice(answer, exercise)
    return _check_choices(answer, exercise)


def check(question_id: str, answer: object = None, *more: object) -> Feedback:
    """Say whether ``answer`` answers exercise ``question_id``; give a hint if not.

    Numbers may be rounded sensibly (see the module docstring). Anything that is not an
    answer (``...``, text where a number is due, a mistyped id) gets a friendly message.
    ``more`` catches a number typed with a comma outside quotes (``8,3``), which Python
    reads as two answers.

    >>> check("1.4", 240_000_000)
    Correct: a year of fees for 10,000 soldiers comes to about a quarter of a billion dollars.
    >>> check("1.4", 240_000)
    Not yet: multiply soldiers x dollars per soldier per month x months (a year has 12 months).
    >>> check("1.7", 8,3)
    Not yet: Python read 8,3 as separate numbers: 8 and 3. In Python a decimal is written with a point (8.3) and a big number without separators (1200).
    """
    if more:
        return _split_number(answer, more)
    try:
        return _judge(question_id, answer)
    except SeedError as error:  # the course's data is damaged: say so, not "your answer"
        message = tr(
            "The course's data could not be read, so this answer cannot be checked. "
            "Tell your teacher: {error}"
        )
        return Feedback(False, message.format(error=error))
    except Exception:  # a last resort: an object that breaks when read must not stop the lesson
        try:
            return Feedback(
                False, _not_yet(tr("I could not read that answer. Type a number or a letter."))
            )
        except Exception:  # even the words could not be read (a damaged catalogue)
            return Feedback(False, "Not yet: I could not read that answer.")


def _split_number(answer: object, more: tuple[object, ...]) -> Feedback:
    """What to say when a comma outside quotes split one number into several answers."""
    parts = [answer, *more]
    try:
        shown = ",".join(str(part) for part in parts)[:ECHO_LENGTH]
        listed = tr(" and ").join(str(part) for part in parts)[: 2 * ECHO_LENGTH]
    except Exception:  # an object that breaks when read
        shown, listed = "...", "..."
    message = tr(
        "Python read {shown} as separate numbers: {listed}. In Python a decimal is written "
        "with a point (8.3) and a big number without separators (1200)."
    ).format(shown=shown, listed=listed)
    return Feedback(False, _not_yet(message), shown)
