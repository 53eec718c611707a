"""Reading the course's notebooks for tests: cells, tags, sources and outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from helpers import course

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
COURSE = course.load()  # course.toml: the one list of notebooks

# The lessons, in story order, with the least number of exercises each must have.
SERIES: dict[str, int] = {lesson.name: lesson.exercises for lesson in COURSE.lessons}


def notebook_paths() -> list[Path]:
    """The lessons that exist, in the order ``course.toml`` lists them."""
    return [lesson.path for lesson in COURSE.lessons if lesson.path.exists()]


def course_paths(*, for_students: bool = False) -> list[Path]:
    """Every notebook ``course.toml`` lists that exists: lessons, quiz, teacher guide.

    ``for_students=True``: only what a student gets (the lessons and the quiz).
    """
    notebooks = COURSE.for_students() if for_students else COURSE.notebooks()
    return [nb.path for nb in notebooks if nb.path.exists()]


def student_paths() -> list[Path]:
    """The student edition: ``student/`` copies of the lessons and the quiz."""
    return [ROOT / "student" / Path(nb.file).name for nb in COURSE.for_students()]


def series_complete() -> bool:
    return all(lesson.path.exists() for lesson in COURSE.lessons)


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")


def checked_ids(nb) -> set[str]:
    """Exercise ids the notebook checks: ``check("2.3", ...)``."""
    return set(re.findall(r"""check\(\s*["'](\d+\.\d+)["']""", code(nb)))


def markdown_outputs(nb) -> str:
    """Markdown that code cells display (e.g. ``passage(...)``)."""
    return "\n\n".join(
        o["data"]["text/markdown"]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    )


def dutch_quotes(text: str) -> list[str]:
    """Dutch quotations, by the course's convention ``<q lang="nl">`` or ``<blockquote lang="nl">``."""
    return re.findall(r'<(q|blockquote) lang="nl">(.+?)</\1>', text, flags=re.S)
