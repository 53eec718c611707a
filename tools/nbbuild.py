"""A tiny helper for writing a notebook from a Python script (then run tools/execute_notebooks.py).

The .ipynb file stays the source of truth: edit it in JupyterLab afterwards if you like.

    from nbbuild import md, code, solution, widget, save
    save("notebooks/07-example.ipynb", [md("# Title"), code("1 + 1")])
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


def solution(source: str) -> nbformat.NotebookNode:
    """A worked answer: tagged ``solution`` so the student handout drops it."""
    return code(source, "solution")


def widget(source: str) -> nbformat.NotebookNode:
    """A cell whose output is a live widget (nbval cannot compare it)."""
    return code(source, "nbval-ignore-output", "widget")


def save(path: str | Path, cells: list[nbformat.NotebookNode]) -> None:
    """Write the notebook with the course's kernel metadata."""
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.validate(nb)
    nbformat.write(nb, Path(path))
