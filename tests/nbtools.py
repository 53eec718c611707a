"""Reading the course's notebooks for tests: cells, tags, sources and outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"

# The planned series, in story order, with the least number of exercises each must have.
SERIES: dict[str, int] = {
    "01-reading-the-article": 5,
    "02-incentives": 5,
    "03-costs": 5,
    "04-manpower-arithmetic": 6,
    "05-uncertainty": 5,
    "06-what-happened-next": 5,
}


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


def series_complete() -> bool:
    return all((NOTEBOOK_DIR / f"{name}.ipynb").exists() for name in SERIES)


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
