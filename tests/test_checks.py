"""helpers.checks: every exercise accepts its answer and the course's own roundings, rejects
others with a useful message, never leaks the answer, and never fails on what a student types.

Sections: answers and mistakes; rounding, from the notebooks' own text; "Close"; unanswered
exercises; letters and words; exercise ids; wild input (Hypothesis); what the student sees.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers.checks import Exercise, Feedback, check, exercises, expected_answer
from helpers.markdown import DOLLAR
from helpers.sources import claims, facts

from nbtools import checked_ids, code, course_paths, read, tags

IDS = sorted(exercises(), key=lambda q: tuple(int(p) for p in q.split(".")))
NUMBER_IDS = [q for q in IDS if exercises()[q].kind == "number"]
LETTER_IDS = [q for q in IDS if exercises()[q].kind != "number"]
HEADS = ("Correct: ", "Close: check your rounding", "Not yet: ", "Not answered yet: ")
NOT_ANSWERED = "Not answered yet: replace the ... with your answer, then run the cell again."
FALLBACK = "I could not read that answer"


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


def rounded(value: float, figures: int) -> float:
    """``value`` to ``figures`` significant figures, halves rounded up (as taught in school)."""
    exact = Decimal(repr(float(value)))
    if exact == 0:
        return 0.0
    return float(exact.quantize(Decimal(1).scaleb(exact.adjusted() - figures + 1), ROUND_HALF_UP))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def _mistake_values(qid: str) -> list[float]:
    return [float(m.answer()) for m in exercises()[qid].mistakes]


# ---------------------------------------------------------------- answers and mistakes


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
def test_wrong_types_are_friendly(qid):
    for bad in ("abc", True, [1, 2], {"a": 1}, math.nan):
        feedback = check(qid, bad)
        assert isinstance(feedback, Feedback) and not feedback.correct
        assert feedback.message.startswith("Not yet: ")


MISTAKE_IDS = [qid for qid in IDS if exercises()[qid].mistakes]


@pytest.mark.parametrize("qid", MISTAKE_IDS)
def test_known_mistakes_are_recognised(qid):
    exercise = exercises()[qid]
    for mistake in exercise.mistakes:
        feedback = check(qid, mistake.answer())
        assert not feedback.correct
        assert mistake.says in feedback.message


@pytest.mark.parametrize("qid", NUMBER_IDS)
def test_a_rounded_mistake_is_still_the_mistake_never_correct(qid):
    """Rounding a wrong answer as far as the exercise allows does not make it right."""
    exercise = exercises()[qid]
    for mistake in exercise.mistakes:
        for figures in range(exercise.sig_figs, 5):
            feedback = check(qid, rounded(float(mistake.answer()), figures))
            assert not feedback.correct, (qid, figures, mistake.says)
            assert mistake.says in feedback.message, (qid, figures, feedback.message)


def test_exercise_ids_follow_the_notebook_numbering():
    """Exercises of ``nb03.py`` are 3.1, 3.2, ... with no gap; the quiz's are 0.1, 0.2, ..."""
    import importlib
    import pkgutil

    import helpers.exercises as package

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        number = 0 if info.name == "quiz" else int(info.name.removeprefix("nb"))
        ids = list(module.EXERCISES)
        assert ids == [f"{number}.{k}" for k in range(1, len(ids) + 1)], info.name
        for qid, exercise in module.EXERCISES.items():
            assert exercise.question.strip() and exercise.hint.strip(), qid
        assert module in package.MODULES, f"{info.name} is missing from helpers.exercises.MODULES"


# ---------------------------------------------------------------- rounding


@pytest.mark.parametrize("qid", NUMBER_IDS)
def test_the_answer_rounded_to_sig_figs_or_more_is_accepted(qid):
    exercise = exercises()[qid]
    assert exercise.sig_figs in (1, 2, 3), qid
    answer = float(expected_answer(qid))
    for figures in range(exercise.sig_figs, 5):
        assert check(qid, rounded(answer, figures)).correct, (qid, figures)


@pytest.mark.parametrize("qid", NUMBER_IDS)
def test_two_significant_figures_are_accepted_unless_a_mistake_rounds_the_same(qid):
    """Two figures is the default; only a known mistake that rounds alike may forbid it."""
    exercise = exercises()[qid]
    two = rounded(float(expected_answer(qid)), 2)
    clash = [w for w in _mistake_values(qid) if _same(two, rounded(w, 2))]
    if exercise.sig_figs == 3:
        assert clash, f"{qid}: sig_figs=3, but no mistake rounds like the answer to 2 figures"
        assert not check(qid, two).correct
    else:
        assert not clash, f"{qid}: a mistake rounds like the answer: set sig_figs=3"
        assert check(qid, two).correct


@pytest.mark.parametrize("qid", NUMBER_IDS)
def test_no_accepted_rounding_is_also_a_known_mistake(qid):
    exercise = exercises()[qid]
    answer = float(expected_answer(qid))
    for figures in range(exercise.sig_figs, 5):
        accepted = rounded(answer, figures)
        for wrong in _mistake_values(qid):
            near = math.isclose(accepted, wrong, rel_tol=exercise.rel_tol, abs_tol=exercise.abs_tol)
            same = any(_same(accepted, rounded(wrong, f)) for f in range(exercise.sig_figs, 7))
            assert not (near or same), f"{qid}: {accepted} is also a mistake's answer"


# The course's own text, read for the numbers it states. A number counts as "the text's
# rounding" of an answer when it equals the answer rounded to 1, 2 or 3 significant figures
# after scaling ("$240 million", "81 %"). A one-figure number counts only when the text marks
# it as approximate ("about eight days") and it is not a source's own figure ("about $2,000" is
# the article's fee): bare small numbers are usually something else (a list item, "four short
# headings"), and "more than three" is a bound, not a rounding.

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
TEENS = ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen")
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
NUMBER_WORDS = {w: n for n, w in enumerate(ONES + TEENS + ("eighteen", "nineteen"))} | TENS
NUMBER_WORDS |= {"eighty": 80, "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
SCALES |= {"trillion": 1e12}
PARTS = {"halves": 2, "thirds": 3, "quarters": 4, "fifths": 5, "tenths": 10}
APPROXIMATELY = r"(?:about|around|roughly|nearly|almost|close to|approximately)"
STATED = re.compile(
    rf"(?P<approx>\b{APPROXIMATELY}\s+)?(?:US)?\$?"
    rf"(?<![\w.,])(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|(?P<word>{'|'.join(NUMBER_WORDS)})\b)"
    r"(?P<half> and a half)?"
    rf"(?:\s(?P<parts>{'|'.join(PARTS)})\b)?"
    rf"(?:\s?(?P<scale>{'|'.join(SCALES)})\b)?"
    r"(?P<percent>\s?%|\s?per ?cent\b)?",
    re.I,
)
# Numbers that are not quantities: ids, years, list items, code, durations of a lesson.
NOT_QUANTITIES = re.compile(
    r"\b(?:exercises?|notebooks?|questions?|sections?|seed)\s+\d+(?:\.\d+)?"
    r"(?:(?:,|,? and| or| to)\s+\d+(?:\.\d+)?)*"
    r"|\b(?:19|20)\d\d\b|^\s*(?:#+\s*)?\d+\.\s|`[^`\n]*`|\d+\s*minutes",
    re.I | re.M,
)


def stated_numbers(text: str) -> list[tuple[float, bool, bool, str]]:
    """(value, is a percentage, marked approximate, as written) for each number in ``text``."""
    text = NOT_QUANTITIES.sub(" ", re.sub(r"\\+\$", "$", text))
    found = []
    for m in STATED.finditer(text):
        word = m["word"]
        value = NUMBER_WORDS[word.lower()] if word else float(m["number"].replace(",", ""))
        value += 0.5 if m["half"] else 0
        value /= PARTS[m["parts"].lower()] if m["parts"] else 1
        value *= SCALES[m["scale"].lower()] if m["scale"] else 1
        found.append((float(value), bool(m["percent"]), bool(m["approx"]), m.group(0).strip()))
    return found


def test_stated_numbers_reads_the_course_style():
    text = (
        "**\\$240 million a year**; about eight days; 29.6bn; 81 %; about 0.8; Exercise 3.5;"
        "\n1. **Per what?** in 2024, about 70 minutes; two and a half days; `f(1.7)`; "
        "about four fifths; over 1,500 a day"
    )
    assert [(v, p, a) for v, p, a, _ in stated_numbers(text)] == [
        (240e6, False, False),
        (8, False, True),
        (29.6e9, False, False),
        (81, True, False),
        (0.8, False, True),
        (2.5, False, False),
        (0.8, False, True),
        (1500, False, False),
    ]


def _notebook_checking(qid: str) -> Path:
    paths = [
        p for p in course_paths(for_students=True, language="en") if qid in checked_ids(read(p))
    ]
    assert len(paths) == 1, f"{qid} is checked in {paths}"
    return paths[0]


@cache
def _course_text(qid: str) -> str:
    """What the course says around an exercise: its notebook's Markdown, the comments in its
    solution cells, and the exercise's own words of praise (shown when the answer is right)."""
    parts = [exercises()[qid].well_done]
    for cell in read(_notebook_checking(qid)).cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        elif "solution" in tags(cell):
            parts += re.findall(r"#(.*)", cell.source)
    return "\n\n".join(parts)


def _scalings(value: float, percent: bool, unit: str) -> list[float]:
    """What a stated number can mean in the exercise's unit: 81 % is 81 percent or 0.81."""
    if "percent" in unit or "per cent" in unit:
        return [value] if percent else []
    if "share" in unit:
        return [value / 100] if percent else [value]
    return [] if percent else [value]


def _figures_of(value: float, target: float, most: int = 3) -> int | None:
    """The most figures (1 to ``most``) at which ``target`` rounds to ``value``, if any."""
    matches = [f for f in range(1, most + 1) if _same(value, rounded(target, f))]
    return max(matches) if matches else None


@cache
def source_figures() -> frozenset[float]:
    """Every figure in ``seeds/claims.csv`` and ``seeds/facts.csv`` (value, low and high)."""
    table = pd.concat([claims(), facts()])[["value", "low", "high"]]
    return frozenset(pd.to_numeric(table.stack(), errors="coerce").dropna().astype(float))


def text_roundings(qid: str) -> list[tuple[float, int, str]]:
    """(number, figures, as written): the text's roundings of the answer to exercise ``qid``."""
    exercise = exercises()[qid]
    answer = float(expected_answer(qid))
    found = []
    for value, percent, approx, written in stated_numbers(_course_text(qid)):
        for number in _scalings(value, percent, exercise.unit):
            figures = _figures_of(number, answer)
            one_figure = approx and number not in source_figures()
            if figures and (figures >= 2 or one_figure):
                found.append((number, figures, written))
    return found


@pytest.mark.parametrize("qid", NUMBER_IDS)
def test_every_rounding_the_course_text_uses_is_accepted(qid):
    """The text says "about eight days": 8 is correct. Unless a known mistake rounds to the
    same number as precisely, when the check cannot tell them apart and must not say Correct."""
    exercise = exercises()[qid]
    for number, figures, written in text_roundings(qid):
        feedback = check(qid, number)
        wrongs = [w for w in _mistake_values(qid) if (_figures_of(number, w) or 0) >= figures]
        if wrongs:
            assert not feedback.correct, f"{qid}: {written!r} is also a known mistake, rounded"
        else:
            assert feedback.correct, f"{qid}: the course says {written!r}: {feedback.message}"
        assert figures >= exercise.sig_figs or wrongs, qid


@pytest.mark.parametrize("qid", NUMBER_IDS)
def test_only_the_course_text_makes_an_exercise_accept_one_figure(qid):
    if exercises()[qid].sig_figs == 1:
        assert any(figures == 1 for _, figures, _ in text_roundings(qid)), (
            f"{qid}: sig_figs=1, but the course's text never rounds its answer to one figure"
        )


def test_rounding_examples_from_the_course():
    assert check("1.7", 8).correct  # "about eight days"
    assert check("1.7", 8.3).correct
    assert check("6.6", 6).correct  # "nearly six times"
    assert check("4.3", 3000).correct  # "close to $3,000": two figures
    assert check("1.4", 2.4e8).correct and check("1.4", 240_000_000).correct
    assert not check("1.7", 0.1).correct  # the divided-the-other-way mistake, rounded
    assert not check("0.4", 1500).correct  # 30 days and the 31-day mistake both give 1,500
    assert check("0.4", 1520).correct


# ---------------------------------------------------------------- close


def _nearest_is_the_answer(qid: str, value: float) -> bool:
    answer = float(expected_answer(qid))
    return all(abs(value - answer) < abs(value - w) for w in _mistake_values(qid))


@pytest.mark.parametrize("qid", NUMBER_IDS)
@pytest.mark.parametrize("factor", [0.85, 0.9, 1.1, 1.15])
def test_near_the_answer_but_not_accepted_is_close(qid, factor):
    value = float(expected_answer(qid)) * factor
    feedback = check(qid, value)
    if feedback.correct or not _nearest_is_the_answer(qid, value):
        return  # within tolerance, or a known mistake is nearer (tested below)
    assert feedback.message.startswith("Close: check your rounding"), feedback.message
    assert exercises()[qid].hint not in feedback.message
    for form in _shown(expected_answer(qid)):
        assert form not in feedback.message


@pytest.mark.parametrize("qid", NUMBER_IDS)
@pytest.mark.parametrize("factor", [0.5, 0.7, 1.3, 2.0])
def test_far_from_the_answer_is_never_close(qid, factor):
    feedback = check(qid, float(expected_answer(qid)) * factor)
    assert not feedback.message.startswith("Close"), (qid, factor, feedback.message)


@pytest.mark.parametrize("qid", NUMBER_IDS)
def test_a_mistake_is_recognised_before_close(qid):
    for mistake in exercises()[qid].mistakes:
        value = float(mistake.answer()) * 1.04
        if _nearest_is_the_answer(qid, value):
            continue
        feedback = check(qid, value)
        assert not feedback.correct
        assert any(m.says in feedback.message for m in exercises()[qid].mistakes), (qid, value)


def test_close_examples():
    assert check("1.6", 3).message.startswith("Close: check your rounding")  # 3.6 rounded down
    assert check("1.7", 9).message.startswith("Close: check your rounding")
    assert check("2.7", 2000).message.startswith("Close: check your rounding")


# ---------------------------------------------------------------- not answered yet


@pytest.mark.parametrize("qid", IDS)
def test_placeholder_and_none_are_not_answered_yet(qid):
    for blank in (..., None, np.array(None, dtype=object)):
        feedback = check(qid, blank)
        assert not feedback.correct and feedback.message == NOT_ANSWERED


def test_every_check_in_the_student_edition_says_not_answered_yet():
    """A student edition drops the solution cells: each check then reads an answer left `...`."""
    for path in course_paths(for_students=True):
        nb = read(path)
        nb.cells = [c for c in nb.cells if "solution" not in tags(c)]
        text = code(nb)
        for qid, name in re.findall(r"""check\(\s*["']([\d.]+)["']\s*,\s*(\w+)\s*\)""", text):
            values = re.findall(rf"^{name}\s*=\s*(.+)$", text, flags=re.M)
            assert values and values[-1].strip() == "...", f"{path.name}: {name}"
            assert check(qid, ...).message.startswith("Not answered yet"), qid


# ---------------------------------------------------------------- letters and words


def _forms(letter: str) -> list[object]:
    return [letter, letter.upper(), f"({letter})", f"{letter})", f" {letter} ", f"{letter}."]


@pytest.mark.parametrize("qid", LETTER_IDS)
def test_letters_are_accepted_as_students_type_them(qid):
    exercise = exercises()[qid]
    answer = expected_answer(qid)
    options = re.findall(r"\(([a-z])\)", exercise.question)
    if exercise.kind == "choice" and answer in options:
        for form in _forms(answer):
            assert check(qid, form).correct, (qid, form)
            assert check(qid, np.str_(form)).correct, (qid, form)
    if exercise.kind == "choices":
        for i in range(6):
            assert check(qid, [_forms(a)[i] for a in reversed(answer)]).correct, (qid, i)
        assert check(qid, tuple(answer)).correct and check(qid, set(answer)).correct


@pytest.mark.parametrize("qid", LETTER_IDS)
def test_a_letter_that_is_no_option_says_so(qid):
    exercise = exercises()[qid]
    options = re.findall(r"\(([a-z])\)", exercise.question)
    if not options:
        pytest.skip("a word answer")
    outside = chr(ord(max(options)) + 1)
    given = outside if exercise.kind == "choice" else [outside]
    feedback = check(qid, given)
    assert not feedback.correct and ", ".join(options) in feedback.message


def test_word_answers_ignore_case_and_stray_spaces():
    assert expected_answer("1.3") == "minstens"
    for form in ("minstens", "Minstens", " MINSTENS ", "minstens.", "'minstens'"):
        assert check("1.3", form).correct, form
    assert not check("1.3", "misschien").correct
    assert not check("1.3", "minst").correct


def test_a_list_where_one_letter_is_due_and_the_other_way_round():
    assert not check("1.1", ["c"]).correct
    assert not check("2.6", "a, c").correct
    assert "list" in check("2.6", "a, c").message


# ---------------------------------------------------------------- exercise ids


def test_spaces_around_an_id_are_forgiven():
    assert check(" 1.1", "c").correct and check("1.1\n", "c").correct


@pytest.mark.parametrize(
    "typed, meant",
    [("1.10", "1.1"), ("1,1", "1.1"), ("3.44", "3.4"), ("11", "1.1"), ("0,8", "0.8")],
)
def test_a_mistyped_id_gets_the_nearest_real_one(typed, meant):
    feedback = check(typed, 5)
    assert isinstance(feedback, Feedback) and not feedback.correct
    assert f"There is no exercise {typed!r}" in feedback.message
    assert f"Did you mean '{meant}'?" in feedback.message


def test_an_id_like_no_exercise_at_all_gets_an_example():
    for typed in ("", "abc", "x" * 1000):
        feedback = check(typed, 5)
        assert "There is no exercise" in feedback.message and "'1.1'" in feedback.message


def test_ids_that_are_not_text_get_a_friendly_message():
    for bad in (1.1, 11, None, ..., b"1.1", ["1.1"], 10**400):
        feedback = check(bad, 1)
        assert not feedback.correct and "in quotes" in feedback.message


def test_expected_answer_still_insists_on_a_real_id():
    with pytest.raises(KeyError):
        expected_answer("99.9")
    with pytest.raises(TypeError):
        expected_answer(1.1)


# ---------------------------------------------------------------- wild input


class _Hostile:
    """Fails at everything a checker might try."""

    def _fail(self, *args, **kwargs):
        raise RuntimeError("no")

    __float__ = __int__ = __index__ = __eq__ = __ne__ = __lt__ = __hash__ = _fail
    __bool__ = __len__ = __iter__ = __str__ = __repr__ = __format__ = _fail

    def __getattr__(self, name):
        raise RuntimeError(name)


class _BadFloat:
    def __float__(self):
        raise ZeroDivisionError


class _BadEq:
    def __eq__(self, other):
        raise ValueError

    __hash__ = None


class _BadShape:
    shape = ()

    def item(self):
        raise RuntimeError


class _MyFloat(float):
    """A float of a class the checker has never heard of."""


HOSTILE = [_Hostile(), _BadFloat(), _BadEq(), _BadShape(), _Hostile]

WILD_ANSWERS = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.integers(300, 500).map(lambda n: 10**n),
    st.integers(300, 500).map(lambda n: -(10**n)),
    st.floats(),
    st.just(-0.0),
    st.decimals(),
    st.fractions(),
    st.complex_numbers(),
    st.text(max_size=300),
    st.text(alphabet="$*_`<>[]()\\#!|&~ abc", max_size=80),
    st.binary(max_size=50),
    st.sampled_from(["c", "(C)", " a ", "minstens", "8.3", "", " ", "\n", "…"]),
    st.builds(np.float64, st.floats()),
    st.builds(np.int64, st.integers(-(2**63), 2**63 - 1)),
    st.builds(np.bool_, st.booleans()),
    hnp.arrays(hnp.scalar_dtypes(), hnp.array_shapes(min_dims=0, max_dims=2, max_side=3)),
    st.builds(pd.Series, st.lists(st.floats(), max_size=3), dtype=st.just(float)),
    st.builds(lambda x: pd.DataFrame({"a": x}), st.lists(st.integers(), max_size=3)),
    st.sampled_from([pd.NA, pd.NaT, pd.Timestamp("2024-10-16"), pd.Series(dtype=object)]),
    st.builds(_MyFloat, st.floats()),
    st.recursive(
        st.none() | st.integers() | st.text(max_size=5) | st.just(...),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.tuples(inner, inner)
            | st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=12,
    ),
)
WILD_IDS = st.one_of(
    st.sampled_from(IDS),
    st.tuples(st.sampled_from(IDS), st.sampled_from(["", " ", "\t", "\n "])).map(
        lambda pair: pair[1] + pair[0] + pair[1]
    ),
    st.text(max_size=30),
    st.from_regex(r"\A\d{1,2}[.,]\d{1,3}\Z"),
    st.integers(),
    st.floats(),
    st.none(),
    st.just(...),
    st.binary(max_size=10),
    st.lists(st.text(max_size=4), max_size=3),
)


def _assert_friendly(feedback: object) -> Feedback:
    assert isinstance(feedback, Feedback)
    assert isinstance(feedback.correct, bool)
    assert feedback.message.startswith(HEADS), feedback.message
    assert len(feedback.message) < 400
    markdown = feedback._repr_markdown_()
    assert isinstance(markdown, str) and markdown.startswith(("✓ **", "✗ **"))
    assert repr(feedback) == feedback.message
    return feedback


@settings(deadline=None, max_examples=300)
@given(qid=WILD_IDS, answer=WILD_ANSWERS)
def test_nothing_a_student_types_makes_check_fail(qid, answer):
    feedback = _assert_friendly(check(qid, answer))
    assert FALLBACK not in feedback.message, (qid, answer)  # read, not just survived


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: getattr(type(h), "__name__", "?"))
def test_objects_that_break_when_read_get_a_friendly_message(hostile):
    for qid in ("1.1", "1.7", "2.6", "1.3", "0.4"):
        feedback = _assert_friendly(check(qid, hostile))
        assert not feedback.correct
    for answer in (hostile, "c", 8, ...):
        assert not _assert_friendly(check(hostile, answer)).correct


@pytest.mark.parametrize("qid", IDS)
def test_huge_numbers_are_friendly(qid):
    for huge in (10**400, -(10**400), Fraction(10**400, 3), Decimal("1e400"), 1e308 * 10):
        feedback = _assert_friendly(check(qid, huge))
        assert not feedback.correct and feedback.message.startswith("Not yet: ")


def test_numbers_of_every_type_are_read_as_numbers():
    answer = float(expected_answer("1.7"))  # 8.33...
    for form in (
        np.array(answer),
        np.float64(answer),
        np.float32(answer),
        Decimal(repr(answer)),
        Fraction(answer),
        np.array(8.3),
        np.array(8),
        8,
        np.int64(8),
        Fraction(25, 3),
    ):
        assert check("1.7", form).correct, repr(form)


def test_things_that_are_not_one_number_say_what_they_are():
    cases = [
        (np.array([8.3]), "collection"),
        (pd.Series([8.3]), "collection"),
        (pd.DataFrame({"a": [8.3]}), "collection"),
        ([[8.3]], "collection"),
        (8.3 + 0j, "complex"),
        (b"8.3", "bytes"),
        ("8.3 days", "without quotes"),
        (np.True_, "True or False"),
        (Decimal("NaN"), "NaN"),
        (Decimal("sNaN"), "NaN"),
        (-math.inf, "infinity"),
    ]
    for answer, words in cases:
        feedback = check("1.7", answer)
        assert not feedback.correct and words in feedback.message, (answer, feedback.message)
    assert not check("1.4", -0.0).correct


# ---------------------------------------------------------------- what the student sees


def _outside_code(markdown: str) -> str:
    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", markdown)


def test_a_students_text_is_shortened_in_the_feedback():
    feedback = check("1.4", "x" * 1_000_000)
    assert "x" * 39 + "…" in feedback.message and "x" * 41 not in feedback.message
    assert len(feedback.message) < 200
    feedback = check("1.1" + " " * 10 + "y" * 100_000, "c")
    assert len(feedback.message) < 200


@pytest.mark.parametrize(
    "typed",
    [
        "<b>lots</b>",
        "**lots**",
        "`lots`",
        "``a`b``",
        "$x$ and $y$",
        "\\$5 or \\\\$6",
        "[link](http://example.org)",
        "&lt;script&gt;",
        "_a_ # b | c",
        "\\(x\\)",
    ],
)
def test_a_students_text_is_never_rendered_as_markdown_html_or_maths(typed):
    feedback = check("1.4", typed)
    assert repr(typed) in feedback.message  # plain text: as typed, in quotes
    markdown = feedback._repr_markdown_()
    span = re.search(r"(`+)(.+?)\1(?!`)", markdown)
    assert span and span.group(2) == repr(typed), markdown  # a code span: shown as typed
    outside = _outside_code(markdown)
    assert "<" not in outside and "lots" not in outside and "[link]" not in outside
    assert "$" not in outside


def _every_message(qid: str) -> list[Feedback]:
    exercise = exercises()[qid]
    answer = expected_answer(qid)
    shown = [check(qid, answer), check(qid, _wrong(answer, exercise)), check(qid, "<$>")]
    shown += [check(qid, m.answer()) for m in exercise.mistakes]
    if exercise.kind == "number":
        shown.append(check(qid, float(answer) * 1.12))
    return shown


@pytest.mark.parametrize("qid", IDS)
def test_every_dollar_in_the_markdown_is_escaped(qid):
    """JupyterLab typesets text between two $ as maths; the course writes a dollar as \\\\$."""
    for feedback in _every_message(qid):
        outside = _outside_code(feedback._repr_markdown_())
        dollars = re.findall(r"\\*\$", outside)
        assert all(d == DOLLAR for d in dollars), (qid, outside)
        assert outside.count(DOLLAR) == feedback.message.replace(feedback.echoed, "").count("$")


def test_markdown_rendering_marks_the_verdict():
    assert check("1.4", ...)._repr_markdown_().startswith("✗ **Not answered yet:**")
    assert check("1.4", expected_answer("1.4"))._repr_markdown_().startswith("✓ **Correct:**")
    assert check("1.6", 3)._repr_markdown_().startswith("✗ **Close:**")
    assert "\\\\$2,000" in check("0.2", 1)._repr_markdown_()  # the hint mentions $2,000
