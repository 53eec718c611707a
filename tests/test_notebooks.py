"""The notebooks as a student meets them: shape, exercises, quotes, charts and clean outputs.

nbval (run by ``make test``) re-executes every notebook and compares outputs; these tests
check what nbval cannot: that the stored notebook is complete, honest and readable.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers import sources
from helpers.checks import exercises

from nbtools import (
    SERIES,
    WORDS,
    checked_ids,
    code,
    dutch_quotes,
    language_of,
    markdown,
    markdown_outputs,
    notebook_paths,
    read,
    tags,
)

PATHS = notebook_paths()  # both editions; WORDS gives the words each language uses
MACHINE_PATH = re.compile(r"(/root/|/home/|/tmp/|/Users/|site-packages|/work/)")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def test_notebooks_are_named_as_the_series_plans():
    assert PATHS, "no notebooks found"
    for path in PATHS:
        assert path.stem in SERIES, f"{path.name} is not in the planned series {list(SERIES)}"


@pytest.fixture(params=PATHS, ids=[p.stem for p in PATHS])
def nb(request):
    notebook = read(request.param)
    notebook.stem = request.param.stem
    notebook.words = WORDS[language_of(request.param)]
    notebook.language = language_of(request.param)
    return notebook


MAX_WORDS = 2_300  # Markdown words in a lesson, worked solutions included


def markdown_words(nb) -> int:
    """Words a reader meets in the lesson's Markdown cells (tags and link targets left out)."""
    text = re.sub(r"<[^>]+>", " ", markdown(nb))
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[^\s#*|>-]+", text))


def test_markdown_words_counts_words_not_marks():
    fake = read(PATHS[0])
    fake.cells = [fake.cells[0]]
    fake.cells[0].source = "## Two *words*\n\n| a | [b](c.ipynb) |\n|---|---|\n<q lang='nl'>d</q>"
    assert markdown_words(fake) == 5  # Two, words, a, b, d


def test_a_lesson_has_at_most_2300_words_of_markdown(nb):
    words = markdown_words(nb)
    assert words <= MAX_WORDS, f"{nb.stem}: {words} words of Markdown, at most {MAX_WORDS}"


def test_opening_cell_has_title_audience_and_time(nb):
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert nb.words["for"] in first.source, "say who the notebook is for"
    assert re.search(nb.words["time"], first.source), "say how long it takes"


def test_three_to_five_learning_objectives(nb):
    text = markdown(nb)
    heading = re.escape(nb.words["objectives"])
    block = re.search(rf"{heading}\n(.*?)(\n## |\Z)", text, flags=re.S)
    assert block, f"a {nb.words['objectives']!r} section"
    bullets = re.findall(r"^\s*[-*] ", block.group(1), flags=re.M)
    assert 3 <= len(bullets) <= 5


def test_required_sections(nb):
    text = markdown(nb)
    for heading in (nb.words["wrong"], nb.words["summary"], nb.words["discussion"]):
        assert heading in text, f"missing {heading!r}"
    assert text.count(nb.words["takeaway"]) >= 3, "sections end with a takeaway"


def test_article_passage_in_dutch_with_translation(nb):
    text = markdown(nb) + markdown_outputs(nb)
    assert dutch_quotes(text), 'quote the article in Dutch: <blockquote lang="nl"> or passage()'
    if nb.language == "en":
        assert "In English" in text, "give the English translation beside the Dutch"


def test_dutch_quotes_are_verbatim(nb):
    article = sources.article_text()
    for _, quote in dutch_quotes(markdown(nb) + markdown_outputs(nb)):
        assert quote in article, f"not verbatim from the article: {quote!r}"


def test_enough_exercises_each_with_student_cell_check_and_solution(nb):
    ids = checked_ids(nb)
    assert len(ids) >= SERIES[nb.stem], f"{len(ids)} exercises, need {SERIES[nb.stem]}"
    number = str(int(nb.stem[:2]))
    defined = {q for q in exercises() if q.split(".")[0] == number}
    assert ids == defined, "every exercise of this notebook is checked here, and only those"
    for qid in ids:
        var = "answer_" + qid.replace(".", "_")
        student = [
            c
            for c in nb.cells
            if c.cell_type == "code" and re.search(rf"^{var} = \.\.\.", c.source, re.M)
        ]
        assert student and "solution" not in tags(student[0]), (
            f"{qid}: a student cell `{var} = ...`"
        )
        solutions = [c for c in nb.cells if "solution" in tags(c) and f'check("{qid}"' in c.source]
        assert solutions, f"{qid}: a cell tagged 'solution' that checks a worked answer"
        for cell in solutions:
            shown = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
            assert shown.startswith(nb.words["correct"]), (
                f"{qid}: the stored solution is not correct: {shown}"
            )


def test_code_cells_executed_in_order_without_errors_or_warnings(nb):
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert counts == list(range(1, len(counts) + 1)), "run top to bottom in a fresh kernel"
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", cell.source[:80]
            assert not (out.output_type == "stream" and out.name == "stderr"), (
                f"warning or stderr output in: {cell.source[:80]}"
            )


def test_no_machine_paths_in_the_notebook(nb):
    text = json.dumps(nb)
    found = MACHINE_PATH.search(text)
    assert not found, (
        f"machine path in the notebook: ...{text[found.start() - 40 : found.end() + 40]}"
    )


def test_at_least_one_chart_and_one_widget(nb):
    images = [c for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "at least one chart"
    live = [c for c in nb.cells for o in c.get("outputs", []) if WIDGET_MIME in o.get("data", {})]
    assert live, "at least one what-if widget"
    for cell in live:
        assert "nbval-ignore-output" in tags(cell), "tag live widget cells nbval-ignore-output"


def test_every_chart_has_a_question_above_and_a_description_below(nb):
    cells = nb.cells
    for i, cell in enumerate(cells):
        outs = cell.get("outputs", [])
        if not any("image/png" in o.get("data", {}) for o in outs):
            continue
        above = next(c for c in reversed(cells[:i]) if c.cell_type == "markdown")
        below = next(c for c in cells[i + 1 :] if c.cell_type == "markdown")
        assert nb.words["question"] in above.source, (
            f"no question above chart cell: {cell.source[:60]}"
        )
        assert below.source.lstrip().startswith(nb.words["description"]), (
            f"no description below chart cell: {cell.source[:60]}"
        )


def test_chart_cells_carry_a_source_line(nb):
    for cell in nb.cells:
        if any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            assert (
                "add_source" in cell.source or "draw_" in cell.source or "explore(" in cell.source
            )


def test_every_claim_is_used_by_some_notebook():
    used = "\n".join(code(read(p)) + markdown(read(p)) for p in PATHS)
    unused = [c for c in sources.claims()["id"] if not re.search(rf"""["']{c}["']""", used)]
    assert not unused, f"claims no notebook uses: {unused}"


def test_exercises_appear_in_number_order(nb):
    """A student meets 2.1 before 2.2: ids are numbered in reading order."""
    order: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            for qid in re.findall(r"""^check\(\s*["'](\d+\.\d+)["']""", cell.source, flags=re.M):
                if qid not in order:
                    order.append(qid)
    assert order == sorted(order, key=lambda q: tuple(int(p) for p in q.split(".")))


def test_every_widget_chart_has_a_description_below(nb):
    """The handouts show a widget as its default chart: it needs a description too."""
    for i, cell in enumerate(nb.cells):
        if "widget" in tags(cell):
            below = next(c for c in nb.cells[i + 1 :] if c.cell_type == "markdown")
            assert below.source.lstrip().startswith(nb.words["description"]), cell.source[:60]
