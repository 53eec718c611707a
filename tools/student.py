"""Build the student edition: ``student/`` holds every course notebook without its answers.

Usage: python tools/student.py [--check]

For each notebook a student gets (the lessons and the quiz in ``course.toml``) the student copy keeps every
cell except those tagged ``solution`` (worked answers and the note above them) or
``teacher-note``, with no stored outputs, so every exercise starts at ``answer_N_k = ...``.
The course notebooks stay the one source of truth: edit them, then run ``make student`` and
commit ``student/`` too. ``--check`` writes nothing and exits 1 if ``student/`` is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from helpers import course  # noqa: E402  (the one list of notebooks: course.toml)

TARGET = ROOT / "student"
DROPPED_TAGS = {"solution", "teacher-note"}


def course_notebooks() -> list[Path]:
    """The notebooks a student gets, in both editions: the lessons, the quiz and the glossary,
    as ``course.toml`` lists them (``notebooks/X`` and its Dutch twin ``notebooks/nl/Y``)."""
    return [nb.path for edition in course.editions() for nb in edition.for_students()]


def student_path(path: Path) -> Path:
    """Where a notebook's student copy goes: ``notebooks/nl/x.ipynb`` -> ``student/nl/x.ipynb``."""
    return TARGET / path.relative_to(ROOT / "notebooks")


def student_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without answers, teacher notes, outputs or stored widget state."""
    cells = []
    for cell in nb.cells:
        if DROPPED_TAGS & set(cell.metadata.get("tags", [])):
            continue
        cell = nbformat.from_dict(dict(cell))
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    copy = nbformat.from_dict(dict(nb))
    copy.cells = cells
    copy.metadata = nbformat.from_dict(
        {key: nb.metadata[key] for key in ("kernelspec", "language_info") if key in nb.metadata}
    )
    return copy


def student_text(path: Path) -> str:
    """The student copy of one notebook, as the text written to ``student/``."""
    nb = nbformat.read(path, as_version=4)
    return nbformat.writes(student_copy(nb)) + "\n"


def stale() -> list[str]:
    """Files in ``student/`` (as ``nl/x.ipynb``) that are missing, out of date, or left over."""
    wanted = {student_path(path): student_text(path) for path in course_notebooks()}
    problems = []
    for target, text in wanted.items():
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            problems.append(str(target.relative_to(TARGET)))
    for extra in sorted(TARGET.rglob("*.ipynb")):
        if extra not in wanted:
            problems.append(str(extra.relative_to(TARGET)))
    return problems


def build() -> list[str]:
    """Write ``student/``; return the files that changed (as ``nl/x.ipynb``)."""
    changed = stale()
    wanted = {student_path(path) for path in course_notebooks()}
    for path in course_notebooks():
        target = student_path(path)
        if str(target.relative_to(TARGET)) in changed:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(student_text(path), encoding="utf-8")
    for extra in TARGET.rglob("*.ipynb"):
        if extra not in wanted:
            extra.unlink()
    return changed


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        problems = stale()
        for name in problems:
            print(f"student/{name} is stale: run `make student`")
        return 1 if problems else 0
    if argv:
        print(__doc__)
        return 2
    changed = build()
    print(f"student/: {len(changed)} notebook(s) written, {len(course_notebooks())} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
