"""The teacher guide, the quiz and the worksheet: complete, current, and matching ``helpers``.

The guide's answer key is generated from ``helpers.checks.exercises()``; these tests check
that the stored guide shows exactly what ``helpers`` computes now (so a changed exercise
fails here until the guide is re-executed), and what nbval cannot see: required sections,
cited exercises that exist, a reading time of about 20 minutes. Whether the guide lands in
the teacher handouts and not the student ones is tested with the builder, in
``test_handouts.py``.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers import course
from helpers.checks import check, exercises, expected_answer
from helpers.exercises.quiz import EXERCISES as QUIZ_EXERCISES
from helpers.exercises.quiz import LESSON_OF, strand_of
from helpers.teaching import (
    answer_key,
    course_map,
    format_answer,
    notebook_of,
    notebook_sections,
    show_answer_key,
    show_course_map,
    worksheet_markdown,
)

from nbtools import ROOT, checked_ids, code, read, tags

GUIDE = ROOT / "teacher" / "guide.ipynb"
QUIZ = ROOT / "notebooks" / "quiz.ipynb"
WORKSHEET = ROOT / "teacher" / "worksheet.md"
MACHINE_PATH = re.compile(r"(/root/|/home/|/tmp/|/Users/|site-packages|/work/)")
WORDS_PER_MINUTE = 230  # a teacher reading attentively


def _sort_key(qid: str) -> tuple[int, ...]:
    return tuple(int(p) for p in qid.split("."))


@pytest.fixture(scope="module")
def guide():
    return read(GUIDE)


@pytest.fixture(scope="module")
def quiz():
    return read(QUIZ)


def _prose(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _output_markdown(cell) -> str:
    return "".join(o.get("data", {}).get("text/markdown", "") for o in cell.get("outputs", []))


# ---------------------------------------------------------------- where the guide lives


def test_the_guide_is_a_teacher_notebook_outside_the_student_folder():
    assert GUIDE.is_file(), "the teacher guide is teacher/guide.ipynb"
    assert not (ROOT / "notebooks" / GUIDE.name).exists()
    student_side = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert not any("guide" in name or "teacher" in name for name in student_side)


# ---------------------------------------------------------------- the answer key


def test_answer_key_has_every_exercise_once_in_order():
    key = answer_key()
    assert list(key["id"]) == sorted(exercises(), key=_sort_key)
    assert key["id"].is_unique


def test_answer_key_answers_are_what_helpers_compute():
    key = answer_key().set_index("id")
    for qid, exercise in exercises().items():
        answer = expected_answer(qid)
        assert key.loc[qid, "answer"] == format_answer(answer), qid
        assert check(qid, answer).correct, qid
        for mistake in exercise.mistakes:
            assert (
                f"{format_answer(mistake.answer())}: {mistake.says}"
                in (key.loc[qid, "usual wrong answers"])
            ), qid


def test_rounded_numbers_in_the_key_are_accepted_by_the_check():
    """A teacher who reads an answer off the key and types it in gets 'Correct'."""
    key = answer_key().set_index("id")
    for qid, exercise in exercises().items():
        if exercise.kind == "number":
            shown = float(key.loc[qid, "answer"].replace(",", ""))
            assert check(qid, shown).correct, f"{qid}: the key shows {shown}"


def test_the_stored_guide_shows_the_current_answer_key(guide):
    """Re-execute teacher/guide.ipynb if this fails: an exercise changed since."""
    cells = [c for c in guide.cells if c.cell_type == "code" and "show_answer_key(" in c.source]
    assert cells, "the guide shows the answer key with show_answer_key(...)"
    shown = ""
    for cell in cells:
        found = re.search(r"""show_answer_key\(\s*(?:["'](\w+)["'])?\s*\)""", cell.source)
        assert found, cell.source
        stored = _output_markdown(cell)
        assert stored == show_answer_key(found.group(1))._repr_markdown_(), (
            f"stale answer key in the guide ({cell.source}): re-execute teacher/guide.ipynb"
        )
        shown += stored
    for qid in exercises():
        assert f"**{qid}**" in shown, f"exercise {qid} is missing from the guide's answer key"


def test_the_stored_guide_shows_the_current_course_map(guide):
    cells = [c for c in guide.cells if c.cell_type == "code" and "show_course_map()" in c.source]
    assert cells and _output_markdown(cells[0]) == show_course_map()._repr_markdown_(), (
        "stale course map in the guide: re-execute teacher/guide.ipynb"
    )


def test_exercises_cited_in_the_guide_prose_exist(guide):
    """Lesson plans cite exercises ('exercises 1.1, 1.2 and 0.5', or in a table cell)."""
    prose = _prose(guide)
    runs = re.findall(
        r"(?:[Ee]xercises?|[Qq]uestions?|\||\()\s*((?:\d+\.\d+(?:,\s*|\s+and\s+|\s+or\s+)?)+)",
        prose,
    )
    cited = {q for run in runs for q in re.findall(r"\d+\.\d+", run)}
    assert len(cited) >= 10, "the lesson plans name the exercises they use"
    missing = sorted(cited - set(exercises()), key=_sort_key)
    table = course_map()
    not_yet = set(table.loc[table["status"] != "ready", "number"])
    wrong = [q for q in missing if notebook_of(q) not in not_yet]
    assert not wrong, f"the guide cites exercises that do not exist: {wrong}"
    if missing:
        pytest.skip(f"cites exercises of notebooks not written yet: {missing}")


# ---------------------------------------------------------------- the guide as a read


def test_the_guide_has_what_a_new_teacher_needs(guide):
    prose = _prose(guide)
    first = guide.cells[0].source
    assert (
        first.startswith("# ") and "**For:**" in first and re.search(r"\*\*Time:\*\*.*\d+", first)
    )
    for needed in (
        "## 2. The course map",
        "### 4.1 A single 50-minute lesson",
        "### 4.2 A 100-minute double session",
        "### 4.3 A three-lesson sequence",
        "## 5. The usual wrong turns",
        "## 6. Teaching a war that is going on",
        "**Propaganda on every side.**",
        "**Students with a personal tie.**",
        "## 7. Discussion prompts",
        "## 8. The quiz and the worksheet",
        "## 9. The answer key",
    ):
        assert needed in prose, f"missing {needed!r}"
    for family in (
        "Casualties taken for deaths",
        '"At least" read as "exactly"',
        "Per day mixed with per month",
        "Dollars mixed with roubles",
    ):
        assert family in prose, f"the wrong turn {family!r} is explained"
    assert prose.count("**Points a good answer makes.**") >= len(course.lessons())


def test_the_lesson_plans_go_minute_by_minute(guide):
    prose = _prose(guide)
    plans = re.split(r"^### 4\.\d ", prose, flags=re.M)[1:4]
    assert len(plans) == 3
    for plan, last in zip(plans[:2], (50, 100), strict=True):
        ranges = [tuple(map(int, r)) for r in re.findall(r"^\| (\d+)-(\d+) \|", plan, re.M)]
        assert ranges[0][0] == 0 and ranges[-1][1] == last, "a plan covers the whole lesson"
        for (_, end), (start, _) in zip(ranges, ranges[1:], strict=False):
            assert start == end, f"the plan skips or overlaps minutes: {ranges}"


def test_the_guide_reads_in_about_20_minutes(guide):
    """Sections 1-6 (the part to read); the discussion notes and the key are for looking up."""
    prose = _prose(guide)
    reading = prose.split("## 7. Discussion prompts")[0]
    words = len(re.findall(r"\w+", reading))
    assert words / WORDS_PER_MINUTE <= 22, f"{words} words: too long to read in 20 minutes"


def test_the_guide_ran_top_to_bottom_cleanly(guide):
    counts = [c.execution_count for c in guide.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    for cell in guide.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", cell.source[:80]
            assert not (out.output_type == "stream" and out.name == "stderr"), cell.source[:80]
    text = json.dumps(guide)
    assert not MACHINE_PATH.search(text), "a machine path in the guide"


# ---------------------------------------------------------------- course map and sections


def test_course_map_covers_the_planned_series():
    table = course_map()
    assert list(table["number"]) == [lesson.number for lesson in course.lessons()]
    for _, row in table[table["status"] == "ready"].iterrows():
        assert 3 <= len(row["objectives"]) <= 5, row["number"]
        assert row["minutes"] > 0, row["number"]


def test_sections_list_each_notebooks_exercises():
    for _, row in course_map().iterrows():
        if row["status"] != "ready":
            continue
        sections = notebook_sections(row["number"])
        listed = {q for ids in sections["exercises"] for q in ids}
        assert listed == checked_ids(read(ROOT / row["file"])), row["number"]


# ---------------------------------------------------------------- quiz and worksheet


def test_quiz_ids_start_with_zero_and_cover_every_strand():
    assert 6 <= len(QUIZ_EXERCISES) <= 8
    assert all(notebook_of(q) == "quiz" for q in QUIZ_EXERCISES)
    assert all(notebook_of(q) != "quiz" for q in set(exercises()) - set(QUIZ_EXERCISES))
    assert set(LESSON_OF) == set(QUIZ_EXERCISES)
    assert {lesson.strand for lesson in course.lessons()} <= {strand_of(q) for q in LESSON_OF}
    for qid, exercise in QUIZ_EXERCISES.items():
        assert exercise.hint and exercise.working and exercise.mistakes, qid


def test_quiz_questions_name_the_strand_course_toml_gives_their_lesson(quiz):
    text = "\n\n".join(cell.source for cell in quiz.cells if cell.cell_type == "markdown")
    for qid in LESSON_OF:
        heading = re.search(rf"^### Question {re.escape(qid)} .*?\n\n\*Strand: (.+?)\*", text, re.M)
        assert heading, f"question {qid} has no '*Strand: ...*' line under its heading"
        assert heading.group(1) == strand_of(qid), qid


def test_quiz_follows_the_exercise_pattern(quiz):
    ids = checked_ids(quiz)
    assert ids == set(QUIZ_EXERCISES)
    for qid in ids:
        var = "answer_" + qid.replace(".", "_")
        student = [
            c
            for c in quiz.cells
            if c.cell_type == "code" and re.search(rf"^{var} = \.\.\.", c.source, re.M)
        ]
        assert student and "solution" not in tags(student[0]), f"{qid}: a student cell"
        solutions = [
            c for c in quiz.cells if "solution" in tags(c) and f'check("{qid}"' in c.source
        ]
        assert solutions, f"{qid}: a solution cell"
        shown = "".join(o.get("data", {}).get("text/plain", "") for o in solutions[0].outputs)
        assert shown.startswith("Correct"), f"{qid}: {shown}"
    first = quiz.cells[0].source
    assert first.startswith("# ") and "**For:**" in first and "**Time:**" in first


def test_quiz_ran_cleanly_without_typed_in_answers(quiz):
    counts = [c.execution_count for c in quiz.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert not MACHINE_PATH.search(json.dumps(quiz))
    for cell in quiz.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error" and out.get("name") != "stderr", cell.source[:80]
    for cell in quiz.cells:
        if cell.cell_type != "code" or "solution" not in tags(cell):
            continue
        if not re.search(r'= "[a-d]"', cell.source):
            assert re.search(r"(fact|claim)\(", cell.source), (
                f"a worked answer computes from the sources: {cell.source[:80]}"
            )
    assert "check(" in code(quiz)


def test_worksheet_is_the_quiz_without_answers():
    assert WORKSHEET.read_text(encoding="utf-8") == worksheet_markdown(), (
        "teacher/worksheet.md is stale: write helpers.teaching.worksheet_markdown() to it"
    )
    text = worksheet_markdown()
    for qid in QUIZ_EXERCISES:
        assert f"**{qid}.**" in text
    key = answer_key("quiz")
    for answer in key["answer"]:
        if len(answer) >= 4:  # long enough not to appear by chance
            assert answer not in text, f"the worksheet gives away the answer {answer}"
