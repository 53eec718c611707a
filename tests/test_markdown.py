"""Markdown renders as written: nothing in the course is typeset as maths by accident.

JupyterLab hands Markdown to MathJax, which typesets the text between two ``$`` signs as a
formula: "$2,000 ... $240 million" becomes italic letters with the spaces eaten. A single
backslash does not stop it in JupyterLab (its Markdown parser spends the backslash before
MathJax looks), so the course writes every literal dollar sign ``\\\\$`` (see
``helpers/markdown.py``). The course has no maths; a cell that ever needs a formula says so
with the tag ``maths``.
"""

from __future__ import annotations

import re

import pytest

from nbtools import course_paths, read, student_paths, tags

NOTEBOOKS = course_paths() + student_paths()
FENCED = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# What MathJax in JupyterLab can start maths on: a dollar sign written any way but \\$, and
# (in the source) \\( ... \\), \\[ ... \\] and \begin{...}.
MATHS = re.compile(r"(?<!\\)(?:\\{0,1}|\\{3,})\$|\\\\[(\[]|\\begin\{")


def maths_in(markdown: str) -> list[str]:
    """The places in ``markdown`` that MathJax in JupyterLab would read as the start of maths."""
    text = CODE_SPAN.sub("", FENCED.sub("", markdown))
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in MATHS.finditer(text)]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Russia pays \\\\$2,000, or \\\\$240 million a year.", 0),
        ("Russia pays $2,000, or $240 million a year.", 2),
        ("Russia pays \\$2,000, or \\$240 million a year.", 2),  # typeset in JupyterLab
        ("**$240 million**", 1),
        ("three backslashes \\\\\\$5", 1),
        ("Use `f'${x}'` in code; `$` alone is code too.", 0),
        ("```\nprice = '$5'\n```\nNo maths here.", 0),
        ("A formula \\\\(x^2\\\\) and \\\\[y\\\\]", 2),
        ("\\(not maths: the parser spends one backslash\\)", 0),
        ("\\begin{align} x \\end{align}", 1),
    ],
)
def test_maths_in_finds_what_mathjax_would_typeset(text, found):
    assert len(maths_in(text)) == found


def _markdown_outputs(cell) -> list[str]:
    return [
        "".join(output["data"]["text/markdown"])
        for output in cell.get("outputs", [])
        if "text/markdown" in output.get("data", {})
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS])
def test_no_markdown_is_typeset_as_maths(path):
    problems = []
    for n, cell in enumerate(read(path).cells):
        if "maths" in tags(cell):
            continue
        texts = [cell.source] if cell.cell_type == "markdown" else _markdown_outputs(cell)
        for text in texts:
            problems += [f"cell {n}: ...{snippet}..." for snippet in maths_in(text)]
    assert not problems, "write literal dollar signs as \\\\$:\n" + "\n".join(problems)
