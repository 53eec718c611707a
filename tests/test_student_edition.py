"""The student edition (``student/``) and the solutions in the course notebooks.

A class uses ``student/``: every notebook without its answers, run with every exercise left
unanswered. A self-study learner uses ``notebooks/``, where the worked solutions are present
but closed. These tests hold both to that.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from nbtools import ROOT, read, tags

sys.path.insert(0, str(ROOT / "tools"))
import student  # noqa: E402

COURSE = student.course_notebooks()
STUDENT = sorted(student.TARGET.rglob("*.ipynb"))  # both editions: student/ and student/nl/
# The notebooks with exercises (the glossary has none).
EXERCISED = [p for p in STUDENT if "check(" in p.read_text(encoding="utf-8")]
COURSE_EXERCISED = [p for p in COURSE if "check(" in p.read_text(encoding="utf-8")]
ANSWER_LINE = re.compile(r"^(answer_\w+) = \.\.\.\s*$", re.M)
CHECK_LINE = re.compile(r"""^check\(\s*["']([^"']+)["']""", re.M)
# A worked solution's heading: "#### Worked solution to exercise 1.2" (Dutch: "#### Uitwerking
# van opdracht 1.2", "... van vraag 0.3" in the quiz).
NOTE = ("#### Worked solution to ", "#### Uitwerking van ")
UNANSWERED = ("Not answered yet", "Nog niet beantwoord")
NOTE_LEVEL = 4
HEADING = re.compile(r"^(#{1,6})\s", re.M)


def test_the_student_edition_is_current():
    assert sorted(STUDENT) == sorted(student.student_path(p) for p in COURSE)
    assert student.stale() == [], "student/ is stale: run `make student` and commit it"


def test_building_twice_changes_nothing(tmp_path):
    for path in COURSE:
        once = student.student_copy(read(path))
        twice = student.student_copy(nbformat.reads(nbformat.writes(once), as_version=4))
        assert nbformat.writes(twice) == nbformat.writes(once), path.name


def test_stale_copies_are_noticed(tmp_path, monkeypatch):
    monkeypatch.setattr(student, "TARGET", tmp_path)
    assert len(student.stale()) == len(COURSE)  # nothing built yet
    student.build()
    assert student.stale() == []
    dutch = [p for p in COURSE if p.parent.name == "nl"][0]
    (tmp_path / COURSE[0].name).write_text("{}", encoding="utf-8")
    (tmp_path / "nl" / dutch.name).write_text("{}", encoding="utf-8")
    (tmp_path / "99-old.ipynb").write_text("{}", encoding="utf-8")
    changed = [COURSE[0].name, f"nl/{dutch.name}", "99-old.ipynb"]
    assert sorted(student.stale()) == sorted(changed)
    assert sorted(student.build()) == sorted(changed)
    assert student.stale() == [] and not (tmp_path / "99-old.ipynb").exists()


@pytest.mark.parametrize("path", EXERCISED, ids=[p.relative_to(ROOT).as_posix() for p in EXERCISED])
def test_student_notebooks_hold_no_answers_notes_or_outputs(path):
    nb = read(path)
    for cell in nb.cells:
        assert not tags(cell) & {"solution", "teacher-note"}, cell.source[:60]
        assert not any(note in cell.source for note in NOTE)
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert "widgets" not in nb.metadata
    answers = ANSWER_LINE.findall("\n".join(c.source for c in nb.cells))
    checked = CHECK_LINE.findall("\n".join(c.source for c in nb.cells if c.cell_type == "code"))
    assert answers and len(answers) == len(set(checked)), "one `answer_N_k = ...` per check"


def _first_heading(cell) -> int | None:
    """The level of the cell's first heading, as JupyterLab reads it (None if it has none)."""
    if cell.cell_type != "markdown":
        return None
    found = HEADING.search(cell.source)
    return len(found.group(1)) if found else None


@pytest.mark.parametrize(
    "path", COURSE_EXERCISED, ids=[p.relative_to(ROOT).as_posix() for p in COURSE_EXERCISED]
)
def test_solutions_are_closed_under_a_collapsed_heading(path):
    """JupyterLab keeps a solution closed, through Run All, under a collapsed heading.

    A collapsed heading hides the cells below it up to the next heading of its level or
    higher: the group must end right there, or it would hide the lesson that follows.
    """
    cells = read(path).cells
    starts = [i for i, c in enumerate(cells) if "solution" in tags(c) and c.source.startswith(NOTE)]
    assert starts, "no worked solutions"
    for i in starts:
        note = cells[i]
        assert note.cell_type == "markdown" and _first_heading(note) == NOTE_LEVEL
        assert note.metadata.get("jp-MarkdownHeadingCollapsed") is True, f"open: {note.source}"
        end = i + 1
        while (
            end < len(cells)
            and "solution" in tags(cells[end])
            and not cells[end].source.startswith(NOTE)
        ):
            assert not cells[end].metadata.get("jupyter"), "hidden by the heading, not one by one"
            level = _first_heading(cells[end])
            assert level is None or level > NOTE_LEVEL, "a heading inside a solution opens it"
            end += 1
        group = cells[i + 1 : end]
        named = re.search(
            r"(?:exercise|question|opdracht|vraag) (\S+)$", note.source.splitlines()[0]
        )
        checks = [q for c in group if c.cell_type == "code" for q in CHECK_LINE.findall(c.source)]
        assert named and checks == [named.group(1)], f"{note.source[:40]}: checks {checks}"
        if end < len(cells):
            level = _first_heading(cells[end])
            assert level is not None and level <= NOTE_LEVEL, (
                f"the solution under {note.source[:40]!r} would hide: {cells[end].source[:60]!r}"
            )


def _run_unanswered(path: Path) -> nbformat.NotebookNode:
    nb = read(path)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        allow_errors=True,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return nb


@pytest.mark.parametrize("path", EXERCISED, ids=[p.relative_to(ROOT).as_posix() for p in EXERCISED])
def test_student_notebook_runs_with_every_exercise_unanswered(path):
    nb = _run_unanswered(path)
    checks = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{output.ename}: {cell.source[:80]}"
            assert output.get("name") != "stderr", f"stderr: {output.text[:200]}"
        if cell.cell_type == "code" and CHECK_LINE.match(cell.source.strip()):
            checks += 1
            shown = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
            assert shown.startswith(UNANSWERED), f"{cell.source.strip()}: {shown}"
    assert checks >= 5
