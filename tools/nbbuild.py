"""A tiny helper for writing a notebook from a Python script (then run tools/execute_notebooks.py).

The .ipynb file stays the source of truth: edit it in JupyterLab afterwards if you like.

    from nbbuild import md, code, solution, widget, save
    save("notebooks/07-example.ipynb", [md("# Title"), code("1 + 1")])

Then ``make execute`` (stored outputs) and ``make student`` (the student edition).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def md(text: str) -> nbformat.NotebookNode:
    """A Markdown cell (leading/trailing blank lines removed)."""
    return new_markdown_cell(text.strip("\n"))


def code(source: str, *tags: str) -> nbformat.NotebookNode:
    """A code cell, with optional cell tags."""
    cell = new_code_cell(source.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def solution(exercise: str, source: str, word: str = "exercise") -> list[nbformat.NotebookNode]:
    """A worked answer, closed in JupyterLab under a collapsed heading "Worked solution to ...".

    A collapsed heading hides the cells below it, through Run All, up to the next heading of
    level 4 or higher: put the solution just before such a heading (the next exercise or
    section), never in the middle of a section's text. Both cells are tagged ``solution``: the
    student edition and handouts leave them out.
    """
    note = md(
        f"#### Worked solution to {word} {exercise}\n\n"
        "Try the exercise first. Then click the button below (or the arrow beside this "
        "heading) to open it."
    )
    note.metadata["tags"] = ["solution"]
    note.metadata["jp-MarkdownHeadingCollapsed"] = True
    return [note, code(source, "solution")]


def widget(source: str) -> nbformat.NotebookNode:
    """A cell whose output is a live widget (nbval cannot compare it)."""
    return code(source, "nbval-ignore-output", "widget")


def save(path: str | Path, cells: list) -> None:
    """Write the notebook with the course's kernel metadata (``solution`` gives two cells)."""
    flat = [c for item in cells for c in (item if isinstance(item, list) else [item])]
    nb = new_notebook(cells=flat)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.validate(nb)
    nbformat.write(nb, Path(path))
