"""Reading the course's notebooks for tests: cells, tags, sources and outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from helpers import course

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
COURSE = course.load()  # course.toml: the one list of notebooks
EDITIONS = course.editions()  # the same course in English and in Dutch

# The lessons, in story order, with the least number of exercises each must have.
SERIES: dict[str, int] = {lesson.name: lesson.exercises for lesson in COURSE.lessons}


def notebook_paths() -> list[Path]:
    """The lessons that exist, in the order ``course.toml`` lists them."""
    return [lesson.path for lesson in COURSE.lessons if lesson.path.exists()]


def course_paths(*, for_students: bool = False, language: str | None = None) -> list[Path]:
    """Every notebook ``course.toml`` lists that exists: lessons, quiz, glossary, teacher guide,
    in both editions (``language``: only that one).

    ``for_students=True``: only what a student gets (the lessons, the quiz and the glossary).
    """
    paths = []
    for edition in EDITIONS:
        if language in (None, edition.language):
            notebooks = edition.for_students() if for_students else edition.notebooks()
            paths += [nb.path for nb in notebooks if nb.path.exists()]
    return paths


def language_of(path: Path) -> str:
    """The edition a notebook belongs to: "nl" for ``notebooks/nl/...``, else "en"."""
    return "nl" if path.parent.name == "nl" else "en"


def twins() -> list[tuple[Path, Path]]:
    """Each English notebook with its Dutch twin, as ``course.toml`` pairs them."""
    english, dutch = EDITIONS
    return [
        (en.path, nl.path) for en, nl in zip(english.notebooks(), dutch.notebooks(), strict=True)
    ]


def student_paths(language: str | None = None) -> list[Path]:
    """The student edition: ``student/`` (and ``student/nl/``) copies of what students get."""
    return [
        ROOT / "student" / path.relative_to(NOTEBOOK_DIR)
        for path in course_paths(for_students=True, language=language)
    ]


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
