"""Handouts (tools/handouts.py): offline, static widgets, no answers for students, A4 PDFs.

Students and readers get each exercise with a printed answer line instead of its
``answer_N_k = ...`` cell and its feedback; readers get no pointers to code they cannot see;
dollars, bold amounts and Dutch ``<q>`` quotes print as written, never as maths. Charts carry
their description as alt text; printed pages are full and charts sharp; at phone width nothing
is cut off; every text meets 4.5:1 contrast. Worksheets hold exercises and data, never
solutions; answer sheets fit one page and give every answer.

The set is built once, from the outputs stored in the notebooks (``--no-execute``), so the
test stays quick; ``make handouts`` executes the notebooks fresh. The browser checks use
Debian's Chromium through Playwright with every non-file request blocked and logged.
"""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import handouts  # noqa: E402

MANIFEST = (ROOT / "course.toml").read_text(encoding="utf-8")
CHROMIUM = handouts.chromium_path()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is not installed (poppler-utils)"
)


@pytest.fixture(scope="module")
def built_both(tmp_path_factory) -> tuple[Path, list[handouts.Source]]:
    # A snapshot of the notebooks, so the checks read exactly what was built even while
    # someone edits a notebook. Both editions: English in out/, Dutch in out/nl/.
    root = tmp_path_factory.mktemp("course")
    shutil.copy2(ROOT / "course.toml", root / "course.toml")
    for folder in ("notebooks", "teacher", "notebooks/nl", "teacher/nl"):
        (root / folder).mkdir()
        for path in (ROOT / folder).glob("*.ipynb"):
            shutil.copy2(path, root / folder / path.name)
    out = tmp_path_factory.mktemp("handouts")
    sources = handouts.build(out=out, execute=False, pdf=CHROMIUM is not None, root=root)
    assert sources, "no notebooks found"
    return out, sources


@pytest.fixture(scope="module")
def built(built_both) -> tuple[Path, list[handouts.Source]]:
    """The English edition's handouts (the tests below that read English words)."""
    out, sources = built_both
    return out, [s for s in sources if s.language == "en"]


@pytest.fixture(scope="module")
def built_nl(built_both) -> tuple[Path, list[handouts.Source]]:
    """The Dutch edition's handouts, in out/nl/."""
    out, sources = built_both
    return out / "nl", [s for s in sources if s.language == "nl"]


VERSIONS = ("student", "reading", "teacher")


def page_of(out: Path, source: handouts.Source, kind: str) -> str:
    return source.html(out, kind).read_text(encoding="utf-8")


def unspanned(page_html: str) -> str:
    """A page without the spans that keep long numbers on one line (markup, not text)."""
    return re.sub(r'<span class="handout-num">(.*?)</span>', r"\1", page_html)


def text_of(page_html: str) -> str:
    """The visible text of a handout, roughly: no styles, no tags, entities decoded."""
    page_html = re.sub(r"<(style|script)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page_html)).split())


def prose_of(page_html: str) -> str:
    """The visible text outside code (code cells, code blocks and code spans left out)."""
    page_html = re.sub(r"<(style|script|pre|code)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    return text_of(page_html)


def with_code_marked(page_html: str) -> str:
    """The visible text with inline code in backticks, as it was written in Markdown."""
    return text_of(re.sub(r"</?code\b[^>]*>", "`", page_html))


# Feedback from ``check``: "Correct: ...", "✓ Correct: ...", "Not yet: ...".
FEEDBACK = re.compile(r"(?:Correct|Not yet|Not answered yet|Goed|Nog niet|Nog niet beantwoord)\s*:")
ANSWER_CELL = re.compile(r"^answer_(\d+)_(\d+)\s*=\s*\.\.\.", re.M)
# What a reader without code must not be told to do.
CODE_INSTRUCTIONS = re.compile(
    r"Shift \+ Enter|\brun (?:each|the|this|that|every) (?:grey |code )*cell|\bthen run\b"
    r"|\bgrey (?:code )?cell|\bcode cell|\b(?:next|following) cell|\bUse `|\bwith `"
    r"|\breplace the `?\.\.\.|\bcheck\(|How to use this notebook|\bin quotes\b|like `\[",
    re.I,
)


def exercises_in(path: Path) -> list[str]:
    """The exercise ids of a notebook, from its ``answer_N_k = ...`` cells (not solutions)."""
    nb = nbformat.read(path, as_version=4)
    return [
        f"{m[1]}.{m[2]}"
        for c in nb.cells
        if c.cell_type == "code" and "solution" not in c.metadata.get("tags", [])
        for m in ANSWER_CELL.finditer(c.source)
    ]


def exercise_notebook(markdown: str, answer_source: str, feedback: str) -> nbformat.NotebookNode:
    """A small notebook: a question, an answer cell, a check cell with feedback, a solution."""
    nb = nbformat.v4.new_notebook()
    check = nbformat.v4.new_output(
        "execute_result",
        data={"text/markdown": f"✗ **{feedback}** try again", "text/plain": f"{feedback} x"},
        execution_count=2,
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 09 · A test notebook\n\n" + markdown),
        nbformat.v4.new_code_cell(answer_source),
        nbformat.v4.new_code_cell('check("9.1", answer_9_1)', outputs=[check]),
        nbformat.v4.new_markdown_cell(
            "#### Worked solution to exercise 9.1\n\nTry the exercise first. Then click the "
            "button below (or the arrow beside this heading) to open it.",
            metadata={"tags": ["solution"], "jp-MarkdownHeadingCollapsed": True},
        ),
        nbformat.v4.new_code_cell(
            'answer_9_1 = 42\ncheck("9.1", answer_9_1)', metadata={"tags": ["solution"]}
        ),
    ]
    return nb


def squash(text: str) -> str:
    return " ".join(text.split())


def solution_cells(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]


def stored_text(cell) -> str:
    return "\n".join(
        o.get("data", {}).get("text/plain", "") or o.get("text", "")
        for o in cell.get("outputs", [])
    )


# ---------------------------------------------------------------- what gets built


def test_sets_follow_the_contract(tmp_path: Path) -> None:
    (tmp_path / "course.toml").write_text(
        MANIFEST.replace("01-reading-the-article", "01-a").replace("02-incentives", "02-b"),
        encoding="utf-8",
    )
    for rel in [
        "notebooks/01-a.ipynb",
        "notebooks/02-b.ipynb",
        "notebooks/quiz.ipynb",
        "notebooks/scratch.ipynb",
        "teacher/guide.ipynb",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nbformat.v4.new_notebook(), tmp_path / rel)
    kinds = {
        s.path.relative_to(tmp_path).as_posix(): s.kinds for s in handouts.find_sources(tmp_path)
    }
    lesson = ("student", "reading", "teacher", "worksheet", "answers")
    assert kinds == {
        "notebooks/01-a.ipynb": lesson,
        "notebooks/02-b.ipynb": lesson,
        "notebooks/quiz.ipynb": ("student", "teacher", "answers"),
        "teacher/guide.ipynb": ("teacher",),
    }


def test_title_and_time_come_from_the_title_cell() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_markdown_cell(
            "# 02 · Incentives: who gains?\n\n**For:** students.\n**Time:** about 45 minutes."
        ),
        nbformat.v4.new_markdown_cell("## Later\n\n**Time:** about 5 minutes."),
    ]
    assert handouts.title_and_minutes(nb, "x") == ("02 · Incentives: who gains?", 45)
    assert handouts.title_and_minutes(nbformat.v4.new_notebook(), "fallback") == ("fallback", None)


def test_widget_becomes_its_stored_drawing_with_a_note() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    state = {
        "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_s", "IPY_MODEL_o"]}},
        "s": {"model_name": "IntSliderModel", "state": {"description": "Soldiers", "value": 10000}},
        "o": {
            "model_name": "OutputModel",
            "state": {"outputs": [{"output_type": "display_data", "data": {"image/svg+xml": svg}}]},
        },
    }
    view = {handouts.WIDGET_VIEW: {"model_id": "box"}, "text/plain": "Interactive"}
    missing = {handouts.WIDGET_VIEW: {"model_id": "gone"}, "text/plain": "Interactive"}
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {handouts.WIDGET_STATE: {"state": state}}
    nb.cells = [
        nbformat.v4.new_code_cell(
            "explore(...)",
            outputs=[nbformat.v4.new_output("execute_result", data=view, execution_count=1)],
        ),
        nbformat.v4.new_code_cell(
            "explore(...)",
            outputs=[nbformat.v4.new_output("execute_result", data=missing, execution_count=2)],
        ),
    ]
    assert handouts.static_widgets(nb) == 2
    assert "widgets" not in nb.metadata
    first, second = (c.outputs for c in nb.cells)
    assert "Soldiers = 10,000" in first[0].data["text/html"]
    assert first[1].data["image/svg+xml"] == svg
    assert len(second) == 1 and "no stored drawing" in second[0].data["text/plain"]


def test_every_handout_is_written_and_indexed(built) -> None:
    out, sources = built
    index = (out / "index.html").read_text(encoding="utf-8")
    for source in sources:
        assert not source.error, source.error
        for kind in source.kinds:
            path = source.html(out, kind)
            assert path.is_file(), path
            assert f'href="{path.relative_to(out).as_posix()}"' in index, path
            assert f'href="{path.name}"' in (path.parent / "index.html").read_text()
            if kind in source.printed and CHROMIUM is not None:
                pdf = path.with_suffix(".pdf").name
                assert pdf in index and pdf in (path.parent / "index.html").read_text(), pdf
        assert html.escape(source.title) in index, source.title
        if source.minutes:
            assert f"about {source.minutes} min" in index


def test_index_times_say_what_they_measure(built) -> None:
    out, sources = built
    index = text_of((out / "index.html").read_text(encoding="utf-8"))
    guide = next(s for s in sources if s.is_guide)
    assert guide.time.startswith(f"about {guide.minutes} min to read"), guide.time
    assert f"{guide.title} {guide.time}" in index
    for source in sources:
        if not source.is_guide:
            assert source.time == f"about {source.minutes} min", source.time


def test_teacher_guide_only_in_the_teacher_set_and_quiz_never_in_reading(built) -> None:
    out, sources = built
    for source in sources:
        if source.path.parent.name == "teacher":
            for folder in ("student", "reading", "worksheet"):
                assert not (out / folder / f"{source.name}.html").exists()
                assert source.name not in (out / folder / "index.html").read_text()
        if source.path.name == "quiz.ipynb":
            assert not (out / "reading" / "quiz.html").exists()
    assert not list((out / "student").glob("*answers*")), "an answer sheet among students'"
    for folder in ("student", "reading", "worksheet"):
        if (out / folder / "index.html").exists():
            assert "teacher/" not in (out / folder / "index.html").read_text()
            assert "-answers." not in (out / folder / "index.html").read_text()


def test_html_loads_nothing_from_the_network(built) -> None:
    out, _ = built
    for path in sorted(out.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        assert "<script" not in page.lower(), f"{path.name}: a script tag"
        loads = re.findall(r"""<(?:img|script|link|iframe|source|video|audio)\b[^>]*""", page)
        remote = [tag for tag in loads if re.search(r"""(?:src|href)=["']?(?:https?:)?//""", tag)]
        assert not remote, f"{path.name}: {remote[:3]}"
        assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", page), f"{path.name}: a CSS url()"
        assert not re.search(r"@import", page), f"{path.name}: a CSS @import"


# ---------------------------------------------------------------- answers


def test_students_and_readers_get_no_solutions_teachers_do(built) -> None:
    out, sources = built
    for source in sources:
        cells = solution_cells(source.path)
        if not cells:
            continue
        # the worked answer's first line of code, and its stored feedback
        # (compared without spaces: highlighted code is split into spans)
        code_lines = [
            "".join(c.source.strip().splitlines()[0].split())
            for c in cells
            if c.cell_type == "code" and c.source.strip()
        ]
        correct = [stored_text(c) for c in cells if "Correct:" in stored_text(c)]
        for kind in (k for k in source.kinds if k in VERSIONS):
            text = text_of((out / kind / f"{source.name}.html").read_text(encoding="utf-8"))
            bare = "".join(text.split())
            if kind == "teacher":
                assert "Worked solution" in (out / kind / f"{source.name}.html").read_text()
                for line in code_lines:
                    assert line in bare, f"teacher {source.name}: missing {line!r}"
                if correct:
                    assert "Correct:" in text, f"teacher {source.name}: no 'Correct:'"
            else:
                assert "Correct:" not in text, f"{kind} {source.name}: 'Correct:' shown"
                for line in code_lines:
                    assert line not in bare, f"{kind} {source.name}: solution {line!r} shown"


def test_teacher_notes_stay_out_of_student_handouts(built) -> None:
    out, sources = built
    for source in sources:
        nb = nbformat.read(source.path, as_version=4)
        notes = [c for c in nb.cells if "teacher-note" in c.metadata.get("tags", [])]
        for cell in notes:
            words = squash(re.sub(r"[#*_`>]", " ", cell.source))[:60]
            if len(words) < 20:
                continue
            for kind in ("student", "reading"):
                if kind in source.kinds:
                    text = text_of((out / kind / f"{source.name}.html").read_text("utf-8"))
                    assert words not in text, f"{kind} {source.name}: teacher note shown"


def test_reading_version_has_no_code_and_student_version_has(built) -> None:
    out, sources = built
    for source in sources:
        if "reading" not in source.kinds:
            continue
        reading = (out / "reading" / f"{source.name}.html").read_text(encoding="utf-8")
        student = (out / "student" / f"{source.name}.html").read_text(encoding="utf-8")
        editor = re.compile(r'class="[^"]*\bjp-InputArea-editor\b')
        assert not editor.search(reading), f"{source.name}: code in the reading version"
        nb = nbformat.read(source.path, as_version=4)
        if any(c.cell_type == "code" and c.source.strip() for c in nb.cells):
            assert editor.search(student), f"{source.name}: no code in the student version"


def test_student_version_shows_code_only_where_it_works_out_a_number(built) -> None:
    """Code that draws a chart, shows a table or quotes the article goes (its result stays);
    imports go; a calculation keeps its code."""
    out, sources = built
    for source in sources:
        if "student" not in source.kinds:
            continue
        bare = "".join(text_of(page_of(out, source, "student")).split())
        nb = nbformat.read(source.path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code" or "solution" in cell.metadata.get("tags", []):
                continue
            code = "".join(cell.source.split())
            kinds = {k for o in cell.get("outputs", []) for k in o.get("data", {})}
            if len(code) < 20:  # too short to tell from a mention in the text
                continue
            if kinds & {"image/png", "text/html", "text/markdown", handouts.WIDGET_VIEW}:
                assert code not in bare, (
                    f"{source.name}: code of a result shown: {cell.source[:60]}"
                )
            elif not cell.outputs and handouts.is_setup(cell.source):
                assert code not in bare, f"{source.name}: set-up code shown: {cell.source[:60]}"
            elif kinds == {"text/plain"}:
                assert code in bare, f"{source.name}: a calculation lost: {cell.source[:60]}"


def test_student_version_hides_code_of_results_on_a_small_notebook() -> None:
    table = nbformat.v4.new_output(
        "execute_result", data={"text/html": "<table><tr><td>1</td></tr></table>"}
    )
    sum_ = nbformat.v4.new_output("execute_result", data={"text/plain": "42"})
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 09 · Test"),
        nbformat.v4.new_code_cell("import pandas as pd\nfrom helpers import style\nstyle.use()"),
        nbformat.v4.new_code_cell("gains_table()", outputs=[table]),
        nbformat.v4.new_code_cell("total = 40 + 2\ntotal", outputs=[sum_]),
    ]
    source = handouts.Source(Path("09-test.ipynb"), ("student",), "09")
    student = "".join(text_of(handouts.render(nb, source, "student", set(), {})).split())
    assert "importpandas" not in student and "gains_table" not in student
    assert "total=40+2" in student and "42" in student


def chart_descriptions(nb: nbformat.NotebookNode, kind: str) -> list[str]:
    """The descriptions of the charts a version shows, in order, as plain text."""
    found = []
    for n, cell in enumerate(nb.cells[:-1]):
        if kind != "teacher" and "solution" in cell.metadata.get("tags", []):
            continue
        below = nb.cells[n + 1]
        charts = [
            o
            for o in cell.get("outputs", [])
            if {"image/png", "image/svg+xml", handouts.WIDGET_VIEW} & set(o.get("data", {}))
        ]
        if charts and below.cell_type == "markdown" and "Chart description" in below.source:
            match = handouts.DESCRIPTION.match(below.source)
            found.append(handouts.plain_text(match.group(1) or match.group(2)))
    return found


def test_every_chart_is_described_by_its_alt_text_and_widgets_are_static(built) -> None:
    out, sources = built
    described = 0
    for source in sources:
        nb = nbformat.read(source.path, as_version=4)
        views = sum(
            handouts.WIDGET_VIEW in o.get("data", {})
            for c in nb.cells
            if c.cell_type == "code" and "solution" not in c.metadata.get("tags", [])
            for o in c.get("outputs", [])
        )
        for kind in (k for k in source.kinds if k in VERSIONS):
            page = page_of(out, source, kind)
            where = f"{kind} {source.name}"
            assert "widget-view+json" not in page and "widget-state+json" not in page
            assert page.count('class="handout-widget-note"') >= views, where
            images = re.findall(r"<img\b[^>]*>", page)
            alts = [html.unescape(a) for img in images for a in re.findall(r'alt="([^"]*)"', img)]
            assert len(alts) == len(images), f"{where}: an image without alt text"
            assert all(len(a) >= 30 and "No description" not in a for a in alts), where
            descriptions = chart_descriptions(nb, kind)
            assert alts == descriptions, f"{where}: alt texts are not the descriptions"
            assert "Chart description" not in text_of(page), f"{where}: the description shows"
            described += len(alts)
    assert described >= 30, f"only {described} charts described"


def test_a_chart_without_a_description_is_described_by_its_question() -> None:
    from helpers.style import figure, png_bytes

    data = base64.b64encode(png_bytes(figure(3, 2)[0])).decode()
    nb = nbformat.v4.new_notebook()

    def chart() -> nbformat.NotebookNode:
        return nbformat.v4.new_output("display_data", data={"image/png": data, "text/plain": "F"})

    nb.cells = [
        nbformat.v4.new_markdown_cell("**Question:** how big is the *gap*?"),
        nbformat.v4.new_code_cell("draw()", outputs=[chart()]),
        nbformat.v4.new_code_cell("draw()", outputs=[chart()]),
        nbformat.v4.new_markdown_cell(
            "**Chart description:** two bars, one \\\\$2,000 high.\n\n**Takeaway:** small."
        ),
    ]
    assert handouts.describe_charts(nb) == 2
    second, first = (c.outputs[0].data["text/html"] for c in nb.cells if c.cell_type == "code")
    assert (
        'alt="two bars, one $2,000 high."' in first
        and "image/png" not in nb.cells[1].outputs[0].data
    )
    assert 'alt="A chart. how big is the gap?"' in second
    assert nb.cells[3].source == "**Takeaway:** small."
    # a phone never shrinks it below 9 px text: 3 in at 100 dpi is 288 px, its 9 pt text 12 px
    assert "--chart-min-width: 216px" in first


# ---------------------------------------------------------------- exercises on paper


def test_an_exercise_becomes_an_answer_line_on_paper() -> None:
    nb = exercise_notebook(
        "### Exercise 9.1\n\nHow many? Use `days_covered(soldiers, losses)` or divide.",
        'rub_per_usd = inputs["rub_per_usd"]\nanswer_9_1 = ...',
        "Not yet:",
    )
    source = handouts.Source(Path("09-test.ipynb"), ("student", "reading", "teacher"), "09")
    units = {"9.1": "US dollars"}
    for kind in ("student", "reading"):
        page = handouts.render(nb, source, kind, set(), units)
        text = text_of(page)
        assert "answer_9_1" not in text and "Not yet" not in text and "42" not in text, kind
        assert "Worked solution" not in text, kind
        lines = re.findall(r'<div class="handout-answer"[^>]*>.*?</div>', page)
        assert len(lines) == 1, (kind, lines)
        assert text_of(lines[0]) == "Your answer (exercise 9.1): US dollars", text_of(lines[0])
    student = handouts.render(nb, source, "student", set(), units)
    assert 'rub_per_usd=inputs["rub_per_usd"]' in "".join(text_of(student).split())
    reading = with_code_marked(handouts.render(nb, source, "reading", set(), units))
    assert "How many? Divide." in reading and "days_covered" not in reading
    teacher = text_of(handouts.render(nb, source, "teacher", set(), units))
    assert "answer_9_1 = 42" in teacher and "click" not in teacher
    assert "Worked solution to exercise 9.1" in teacher


def test_a_cell_of_only_feedback_or_a_stray_verdict_never_reaches_paper() -> None:
    nb = exercise_notebook("### Exercise 9.1\n\nHow many?", "answer_9_1 = ...", "Correct:")
    verdict = nbformat.v4.new_output("stream", text="Not answered yet: run the cell\n")
    nb.cells.insert(2, nbformat.v4.new_code_cell("x = 1\nprint(x)", outputs=[verdict]))
    source = handouts.Source(Path("09-test.ipynb"), ("student", "reading", "teacher"), "09")
    for kind in ("student", "reading"):
        text = text_of(handouts.render(nb, source, kind, set(), {}))
        assert not FEEDBACK.search(text), (kind, FEEDBACK.search(text))
        assert "Your answer (exercise 9.1):" in text


def test_reader_rewrites_drop_pointers_to_code() -> None:
    cases = {
        "What is that? Use `payment_usd(...)` or multiply.": "What is that? Multiply.",
        "How many? Use `span(...)` or type the calculation.": "How many? Work it out.",
        "Which? Answer with one letter in quotes: (a) x": "Which? Answer with one letter: (a) x",
        "Which? Use `weighted_scores(DEFAULT_SCORES, weights)`.": "Which?",
        "Type the word in quotes.": "Write the word.",
        'Which? Answer with a list of letters, like `["a", "b"]`.': "Which? Answer with a list "
        "of letters.",
        "GNI was 40.9 trillion won (`gni_krw`). In dollars, at `krw_per_usd` won per dollar?": (
            "GNI was 40.9 trillion won. In dollars, at the rate above (won per dollar)?"
        ),
        "Work it out from the ends, not with `interval_apply`.": "Work it out from the ends.",
        "Replace each 0.5 with your own probability (a decimal), then run the cell.": (
            "Write down your own probability for each statement (a decimal)."
        ),
        'What share? Use `fact("x").value` and `share_of(a, b)`, which divides `a` by `b`.': (
            "What share?"
        ),
    }
    for before, after in cases.items():
        assert handouts.for_readers(before) == after, before


@pytest.mark.parametrize("kind", ["student", "reading", "teacher"])
def test_dollars_bold_amounts_and_dutch_quotes_print_as_written(kind: str) -> None:
    # However the dollar is written ($, \$, \\$), it is a dollar: never a formula that
    # swallows the bold or the quote up to the next dollar sign.
    markdown = (
        'It pays $2,000 a month, so **$240 million a year** (<q lang="nl">kil zakendoen</q>, '
        '$20 million a month); also **\\$29.6 billion**, <q lang="nl">minstens</q> '
        '\\\\$5 and `$HOME`.\n\n<div class="box">Both for \\\\$7, not $x$.</div>'
    )
    nb = exercise_notebook(markdown, "answer_9_1 = ...", "Not yet:")
    nb.cells.insert(
        1,
        nbformat.v4.new_code_cell(
            "passage(1)",
            outputs=[
                nbformat.v4.new_output(
                    "execute_result",
                    data={"text/markdown": markdown, "text/plain": "p"},
                    execution_count=1,
                )
            ],
        ),
    )
    source = handouts.Source(Path("09-test.ipynb"), ("student", "reading", "teacher"), "09")
    page = unspanned(handouts.render(nb, source, kind, set(), {}))
    assert page.count("<strong>$240 million a year</strong>") == 2, kind
    assert page.count("<strong>$29.6 billion</strong>") == 2, kind
    assert page.count('<q lang="nl">kil zakendoen</q>') == 2, kind
    assert "&lt;q" not in page
    prose = prose_of(page)
    assert "**" not in prose and "\\$" not in prose, prose
    assert "<code>$HOME</code>" in page and "Both for $7, not $x$." in page
    amounts = re.findall(r"\$\S", prose.replace("$x$", ""))
    assert amounts and all(d[1].isdigit() for d in amounts), amounts


def test_exercises_on_paper_have_answer_lines_and_no_feedback(built) -> None:
    out, sources = built
    units = handouts.exercise_units()
    assert units, "helpers.checks gives no exercises"
    for source in sources:
        exercises = exercises_in(source.path)
        for kind in ("student", "reading"):
            if kind not in source.kinds:
                continue
            page = (out / kind / f"{source.name}.html").read_text(encoding="utf-8")
            text = text_of(page)
            where = f"{kind} {source.name}"
            assert not re.search(r"answer_\d+_\d+\s*=\s*\.\.\.", text), f"{where}: answer cell"
            assert not FEEDBACK.search(text), f"{where}: feedback {FEEDBACK.search(text)}"
            lines = re.findall(
                r'<div class="handout-answer" data-exercise="([\d.]+)">(.*?)</div>', page
            )
            assert [ex for ex, _ in lines] == exercises, f"{where}: answer lines {lines}"
            word = "question" if source.path.name == "quiz.ipynb" else "exercise"
            for exercise, line in lines:
                shown = text_of(line)
                assert shown.startswith(f"Your answer ({word} {exercise}):"), shown
                assert shown.endswith(units.get(exercise, "")), f"{where}: {shown} (unit)"


def test_setup_lines_of_an_answer_cell_stay_as_code(built) -> None:
    out, sources = built
    for source in sources:
        if "student" not in source.kinds:
            continue
        nb = nbformat.read(source.path, as_version=4)
        bare = "".join(
            text_of((out / "student" / f"{source.name}.html").read_text("utf-8")).split()
        )
        for cell in nb.cells:
            if cell.cell_type != "code" or "solution" in cell.metadata.get("tags", []):
                continue
            if ANSWER_CELL.search(cell.source):
                setup = [ln for ln in cell.source.splitlines() if not ANSWER_CELL.match(ln)]
                for line in setup:
                    assert "".join(line.split()) in bare, f"{source.name}: lost {line!r}"


def test_no_worked_solution_text_on_paper(built) -> None:
    out, sources = built
    for source in sources:
        nb = nbformat.read(source.path, as_version=4)
        notes = [
            squash(re.sub(r"[#*_`>\\$]", " ", c.source))[:50]
            for c in nb.cells
            if c.cell_type == "markdown" and "solution" in c.metadata.get("tags", [])
        ]
        for kind in ("student", "reading"):
            if kind not in source.kinds:
                continue
            text = squash(
                re.sub(
                    r"[*_`$]", " ", text_of((out / kind / f"{source.name}.html").read_text("utf-8"))
                )
            )
            assert "Worked solution" not in text, f"{kind} {source.name}"
            for note in notes:
                assert note not in text, f"{kind} {source.name}: solution note {note!r}"
        if "teacher" in source.kinds:
            teacher = text_of((out / "teacher" / f"{source.name}.html").read_text("utf-8"))
            assert "click the button" not in teacher, f"teacher {source.name}: a click note"


def test_markdown_prints_as_written_everywhere(built) -> None:
    out, sources = built
    for source in sources:
        nb = nbformat.read(source.path, as_version=4)
        for kind in (k for k in source.kinds if k in VERSIONS):
            page = (out / kind / f"{source.name}.html").read_text(encoding="utf-8")
            kept = [
                c
                for c in nb.cells
                if c.cell_type == "markdown"
                and not (
                    kind != "teacher"
                    and {"solution", "teacher-note"} & set(c.metadata.get("tags", []))
                )
            ]
            quotes = sum(c.source.count('<q lang="nl">') for c in kept)
            where = f"{kind} {source.name}"
            assert page.count('<q lang="nl">') >= quotes, f"{where}: a Dutch quote lost"
            assert "&lt;q" not in page, f"{where}: a raw <q> tag printed"
            prose = prose_of(page)
            for bad in ("**", "\\$", "$$"):
                assert bad not in prose, (
                    f"{where}: {bad!r} printed: {prose[prose.find(bad) - 80 :][:160]}"
                )
            # a dollar is an amount ($2,000) or a unit ("soldiers x $ x months"), never a
            # formula's delimiter ($x$, $\frac{a}{b}$)
            formulas = re.findall(r"\$[^\d\s]|[^\W\d]\$", prose)
            assert not formulas, f"{where}: a $ that is not an amount: {formulas[:5]}"


def test_reading_version_reads_without_code(built) -> None:
    out, sources = built
    for source in sources:
        if "reading" not in source.kinds:
            continue
        page = (out / "reading" / f"{source.name}.html").read_text(encoding="utf-8")
        banner = text_of(re.search(r"<header class=\"handout-banner.*?</header>", page, re.S)[0])
        assert "How to read this" in banner, f"{source.name}: no how-to-read note"
        text = with_code_marked(page)
        bad = CODE_INSTRUCTIONS.findall(text)
        assert not bad, f"reading {source.name}: sends the reader to code: {bad}"
    for text in (handouts.versions("reading")[1], handouts.how_to("reading")):
        assert not CODE_INSTRUCTIONS.search(text) and "run" not in text.lower()


def test_student_handout_says_how_to_use_it_on_paper(built) -> None:
    out, sources = built
    for source in sources:
        if "student" not in source.kinds or source.kinds == handouts.GLOSSARY_KINDS:
            continue
        text = with_code_marked((out / "student" / f"{source.name}.html").read_text("utf-8"))
        assert "How to use this notebook" not in text and "Shift + Enter" not in text
        assert "How to use this handout" in text or "How to use this worksheet" in text


# ---------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with tempfile.TemporaryDirectory() as profile, playwright.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=handouts.CHROMIUM_FLAGS[1:],
            headless=True,
        )
        yield context
        context.close()


@needs_chromium
def test_handouts_open_offline_whole_and_quiet(built, browser) -> None:
    out, _ = built
    requests: list[str] = []

    def route(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            requests.append(url)
            route.abort()

    browser.route("**/*", route)
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path in sorted(out.rglob("*.html")):
            where = path.relative_to(out).as_posix()
            page.goto(path.as_uri(), wait_until="load")
            report = page.evaluate(
                """() => ({
                broken: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0))
                    .map(i => (i.alt || i.src).slice(0, 60)),
                widgets: document.querySelectorAll(
                    '.jupyter-widgets, .widget-area, .jp-OutputArea-output script').length,
                empty: [...document.querySelectorAll('.jp-OutputArea-output')].filter(
                    o => !o.innerText.trim() && !o.querySelector('img, svg, table')).length,
                notes: [...document.querySelectorAll('.handout-widget-note')].filter(n => {
                    const area = n.closest('.jp-OutputArea');
                    return !n.innerText.includes('no stored drawing')
                        && !(area && area.querySelector('img, svg'));
                }).length,
                links: [...document.querySelectorAll('a[href]')].map(a => a.href)
                    .filter(h => h.startsWith('file:')),
            })"""
            )
            assert not report["broken"], f"{where}: images not loaded {report['broken']}"
            assert report["widgets"] == 0, f"{where}: a live widget box is left"
            assert report["empty"] == 0, f"{where}: {report['empty']} empty output box(es)"
            assert report["notes"] == 0, f"{where}: a widget note without its drawing"
            for link in report["links"]:
                target = Path(link.split("#")[0].removeprefix("file://"))
                assert target.exists(), f"{where}: broken link {link}"
            assert not errors, f"{where}: console errors {errors}"
        assert not requests, f"requests left the machine: {requests}"
    finally:
        page.close()
        browser.unroute("**/*")


@needs_chromium
def test_on_a_phone_nothing_is_cut_off_and_all_text_has_contrast(built, browser) -> None:
    """At 390 px: no page scrolls sideways as a whole, a table or chart wider than the screen
    scrolls in its frame with a hint, chart text stays at least 9 px, numbers stay whole;
    every text meets 4.5:1 contrast against what is behind it."""
    out, _ = built
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        for path in sorted(out.rglob("*.html")):
            where = path.relative_to(out).as_posix()
            page.goto(path.as_uri(), wait_until="load")
            report = page.evaluate(PHONE_CHECK)
            assert report["scrollWidth"] <= report["clientWidth"], f"{where}: scrolls sideways"
            assert not report["outside"], f"{where}: wider than the screen: {report['outside']}"
            assert not report["unframed"], f"{where}: {report['unframed']} table(s) cut off"
            assert not report["silent"], f"{where}: a frame scrolls without a hint"
            assert report["smallest"] >= 9, f"{where}: chart text at {report['smallest']:.1f} px"
            assert not report["broken"], f"{where}: a number broken: {report['broken'][:3]}"
            bad = page.evaluate(CONTRAST_CHECK)
            assert not bad, f"{where}: contrast under 4.5:1: {bad[:5]}"
    finally:
        page.close()


# In a page at phone width: what sticks out, what scrolls without a hint, the smallest chart
# text (its size at natural width, times the width shown over the natural width), and any
# number broken over two lines.
PHONE_CHECK = """async () => {
  // scroll-state container queries (the hints) settle after a frame or two
  for (let i = 0; i < 3; i++) await new Promise(r => requestAnimationFrame(r));
  const shown = el => { const cs = getComputedStyle(el);
    return cs.display !== 'none' && cs.visibility !== 'hidden' && el.getClientRects().length > 0; };
  const doc = document.documentElement;
  const hint = f => f.querySelector(':scope > .handout-scroll-hint');
  const charts = [...document.querySelectorAll('.handout-chart img')].map(i =>
    +i.dataset.smallestText * i.getBoundingClientRect().width / +i.getAttribute('width'));
  return {
    scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
    outside: [...document.querySelectorAll('body *')].filter(e =>
      e.getBoundingClientRect().right > doc.clientWidth + 1 && !e.closest('.handout-frame'))
      .slice(0, 3).map(e => e.tagName + '.' + e.className),
    unframed: [...document.querySelectorAll('table')].filter(t =>
      t.getBoundingClientRect().right > doc.clientWidth + 1 && !t.closest('.handout-frame')).length,
    silent: [...document.querySelectorAll('.handout-frame')].filter(f =>
      f.scrollWidth > f.clientWidth + 1 && !(hint(f) && shown(hint(f)))).length,
    smallest: Math.min(99, ...charts),
    broken: [...document.querySelectorAll('.handout-num')].filter(n => n.getClientRects().length > 1)
      .map(n => n.textContent),
  };
}"""

# Every visible piece of text against the background behind it (the WCAG contrast ratio).
CONTRAST_CHECK = """() => {
  const parse = c => { const m = c.match(/rgba?[(]([^)]+)[)]/); if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = c => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const mix = (f, b) => ({r: f.r * f.a + b.r * (1 - f.a), g: f.g * f.a + b.g * (1 - f.a),
                          b: f.b * f.a + b.b * (1 - f.a), a: 1});
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let bg = {r: 255, g: 255, b: 255, a: 1};
    for (const c of layers.reverse()) bg = mix(c, bg);
    return bg; };
  const bad = []; const seen = new Set();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const el = walk.currentNode.parentElement;
    if (!walk.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || !el.getClientRects().length) continue;
    const bg = background(el); const fg = mix(parse(cs.color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) bad.push(`${el.tagName}.${el.className} ${cs.color} ${ratio.toFixed(2)}: `
                              + walk.currentNode.textContent.trim().slice(0, 30));
  }
  return bad;
}"""


# ---------------------------------------------------------------- PDFs


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_chromium
@needs_pdftotext
def test_pdfs_are_a4_sane_and_carry_their_titles(built_both) -> None:
    """Both editions: the Dutch PDFs in out/nl/, with their own words."""
    top, sources = built_both
    printed = 0
    course_names = {"en": handouts.COURSE, "nl": "Een kille zakendeal"}
    answer_words = {"en": "Your answer (", "nl": "Jouw antwoord ("}
    for source in sources:
        out = top if source.language == "en" else top / source.language
        for kind in source.printed:
            pdf = source.html(out, kind).with_suffix(".pdf")
            assert pdf.is_file() and pdf.stat().st_size > 1000, pdf
            pages = handouts.pdf_pages(pdf)
            assert 1 <= pages <= 60, f"{pdf.name}: {pages} pages"
            text = pdf_text(pdf)
            flat = squash(text)
            title = squash(source.title)[:40]
            assert title in flat or title in squash(text.replace("-\n", "")), pdf.name
            assert squash(course_names[source.language]) in flat, f"{pdf.name}: no page header"
            if kind != "teacher":
                assert not FEEDBACK.search(flat), f"{pdf.name}: feedback is printed"
            if kind in ("student", "reading", "worksheet") and exercises_in(source.path):
                answers = flat.count(squash(answer_words[source.language]))
                assert answers == len(exercises_in(source.path)), pdf.name
            if shutil.which("pdfinfo"):
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                assert "(A4)" in info, f"{pdf.name}: not A4\n{info}"
            printed += 1
    assert printed == sum(len(s.printed) for s in sources)
    assert any(s.is_guide and (top / "teacher" / f"{s.name}.pdf").is_file() for s in sources)
    assert any(s.is_guide and (top / "nl" / "teacher" / f"{s.name}.pdf").is_file() for s in sources)


@needs_chromium
@needs_pdftotext
def test_printed_pages_are_full_and_lessons_short(built_both) -> None:
    """No page but the last more than a third empty; a student lesson at most 10 pages; an
    answer sheet one page. (Charts here are the stored PNGs, printed at the same size; the
    vector charts of an executed build are checked in
    test_an_executed_build_prints_vector_charts_quietly.)"""
    top, sources = built_both
    for source in sources:
        out = top if source.language == "en" else top / source.language
        for kind in ("student", "reading", "worksheet", "answers"):
            if kind not in source.printed:
                continue
            pdf = source.html(out, kind).with_suffix(".pdf")
            check = source.checks[kind]  # PrintCheck.of(pdf), as the build measured it
            where = pdf.relative_to(out)
            assert len(check.fill) == check.pages, f"{where}: pages not measured"
            assert check.emptiest >= 1 - handouts.MAX_EMPTY, f"{where}: fill {check.fill}"
            if kind == "student" and "reading" in source.kinds:
                assert check.pages <= 10, f"{where}: {check.pages} pages"
            if kind == "answers":
                assert check.pages == 1, f"{where}: {check.pages} pages"


def test_print_check_finds_soft_charts_and_empty_pages() -> None:
    good = handouts.PrintCheck(pages=3, fill=[0.95, 0.8, 0.1], ppi=[])
    assert good.problems() == [] and good.emptiest == 0.8 and "vector only" in good.summary()
    soft = handouts.PrintCheck(pages=3, fill=[0.95, 0.5, 0.1], ppi=[300.0, 111.0])
    assert soft.problems() == ["a chart at 111 ppi (under 200)", "a page only 50% full"]


@needs_chromium
@needs_pdftotext
def test_answer_sheets_give_every_answer_and_worksheets_none(built) -> None:
    out, sources = built
    answers = handouts.exercise_answers()
    for source in sources:
        ids = exercises_in(source.path)
        if "answers" in source.kinds:
            sheet = squash(text_of(page_of(out, source, "answers")))
            printed = pdf_text(source.html(out, "answers").with_suffix(".pdf"))
            for qid in ids:
                assert f"{qid} " in sheet and squash(answers[qid][0]) in sheet, (source.name, qid)
                number = answers[qid][0].split()[0]  # "240,000,000", "c", "a, c"
                assert number.rstrip(",") in printed, f"{source.name} {qid}: {number} not printed"
        if "worksheet" in source.kinds:
            page = page_of(out, source, "worksheet")
            text = text_of(page)
            bare = "".join(text.split())
            assert "Worked solution" not in text and not FEEDBACK.search(text), source.name
            assert "Answer to" not in text, source.name
            assert not re.search(r'class="[^"]*jp-InputArea-editor', page), f"{source.name}: code"
            for cell in solution_cells(source.path):
                if cell.cell_type == "code":
                    line = "".join(cell.source.strip().splitlines()[0].split())
                    assert line not in bare, f"{source.name}: solution code {line!r}"
                else:
                    note = squash(re.sub(r"[#*_`>\\$]", " ", cell.source))[:50]
                    assert note not in squash(re.sub(r"[*_`$]", " ", text)), source.name
            assert re.findall(r'data-exercise="([\d.]+)"', page) == ids, source.name
            assert page.count('class="handout-working"') == len(ids), source.name
            assert "The numbers you need" in text and "Name:" in text, source.name


def test_a_worksheet_keeps_data_and_drops_what_gives_an_answer_away() -> None:
    def shown(text: str, table: bool = False) -> nbformat.NotebookNode:
        data = {"text/html": f"<table><tr><td>{text}</td></tr></table>"} if table else {}
        return nbformat.v4.new_output("execute_result", data={**data, "text/plain": text})

    solution = {"tags": ["solution"]}
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 09 · A test notebook"),
        nbformat.v4.new_markdown_cell("## 1. Pay"),
        nbformat.v4.new_code_cell("x", outputs=[shown("rate_fact: 97 roubles per dollar")]),
        nbformat.v4.new_markdown_cell("### Exercise 9.1\n\nHow many dollars?"),
        nbformat.v4.new_code_cell("answer_9_1 = ..."),
        nbformat.v4.new_code_cell("y", outputs=[shown("2103.0")]),  # a bare number: no data
        nbformat.v4.new_code_cell("z", outputs=[shown("cost 2,103 dollars a month", True)]),
        nbformat.v4.new_code_cell("w", outputs=[shown("bonus 400,000 roubles once", True)]),
        nbformat.v4.new_markdown_cell("### Exercise 9.2\n\nAnd the bonus?"),
        nbformat.v4.new_code_cell("answer_9_2 = ..."),
        nbformat.v4.new_markdown_cell("#### Worked solution to exercise 9.2", metadata=solution),
        nbformat.v4.new_code_cell("answer_9_2 = 4123", metadata=solution),
    ]
    source = handouts.Source(Path("09-test.ipynb"), handouts.LESSON_KINDS, "09 · A test")
    answers = {"9.1": ("2,103 US dollars", 2102.75), "9.2": ("4,123 US dollars", 4123.0)}
    text = text_of(handouts.render_worksheet(nb, source, {"9.1": "US dollars"}, answers))
    assert text.count("The numbers you need") == 2
    assert "97 roubles per dollar" in text and "bonus 400,000 roubles once" in text
    assert "2103" not in text and "2,103" not in text and "4123" not in text
    assert "Worked solution" not in text and text.count("Working:") == 2


def test_teacher_versions_show_each_answer_under_its_solution(built) -> None:
    out, sources = built
    answers = handouts.exercise_answers()
    for source in sources:
        if "teacher" not in source.kinds or source.is_guide:  # the glossary has no answers
            continue
        text = squash(text_of(page_of(out, source, "teacher")))
        for qid in exercises_in(source.path):
            assert f"Answer to {qid}: {squash(answers[qid][0])}" in text, (source.name, qid)


@needs_chromium
@needs_pdftotext
def test_an_executed_build_prints_vector_charts_quietly(tmp_path) -> None:
    """As ``make handouts`` runs it: the notebook is executed, its charts come out vector (or
    at least 200 ppi) with their alt text, and the build prints its progress and the files it
    wrote, not the kernel's warnings."""
    first = handouts.find_sources()[0]
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "handouts.py"), "--out", str(out), str(first.path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Kernel is running" not in run.stdout + run.stderr and not run.stderr.strip(), run.stderr
    assert f"student/{first.name}.pdf: " in run.stdout and "Wrote to" in run.stdout
    assert "CHECK" not in run.stdout, run.stdout
    page = page_of(out, first, "student")
    assert 'src="data:image/svg+xml' in page and 'src="data:image/png' not in page
    assert "No description" not in page
    for kind in ("student", "reading"):
        check = handouts.PrintCheck.of(first.html(out, kind).with_suffix(".pdf"))
        assert all(ppi >= handouts.MIN_PPI for ppi in check.ppi), f"{kind}: {check.ppi}"
        assert not check.problems(), f"{kind}: {check.problems()}"


def test_index_lists_the_series_in_order(built) -> None:
    out, sources = built
    index = (out / "index.html").read_text(encoding="utf-8")
    series = [s for s in sources if "reading" in s.kinds]
    positions = [index.find(f"student/{s.name}.html") for s in series]
    assert positions == sorted(positions) and -1 not in positions
    assert json.dumps(handouts.COURSE)[1:-1] in index


def test_without_chromium_only_the_pdfs_are_skipped(tmp_path, monkeypatch, capsys) -> None:
    first = handouts.find_sources()[0].path
    root = tmp_path / "course"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy2(ROOT / "course.toml", root / "course.toml")
    shutil.copy2(first, root / "notebooks" / first.name)
    monkeypatch.setattr(handouts, "chromium_path", lambda: None)
    sources = handouts.build(out=tmp_path / "out", execute=False, root=root)
    said = capsys.readouterr().out
    assert "PDFs SKIPPED: Chromium is not installed" in said
    assert [s.error for s in sources] == [""]
    assert (tmp_path / "out" / "student" / f"{first.stem}.html").is_file()
    assert not list((tmp_path / "out").rglob("*.pdf"))


# ---------------------------------------------------------------- the Dutch edition


def test_both_editions_are_built_and_their_indexes_link_each_other(built_both):
    out, sources = built_both
    english = [s for s in sources if s.language == "en"]
    dutch = [s for s in sources if s.language == "nl"]
    assert len(english) == len(dutch) > 0
    assert not [s.error for s in sources if s.error]
    top, top_nl = (out / "index.html").read_text(), (out / "nl" / "index.html").read_text()
    assert 'href="nl/index.html"' in top and 'href="../index.html"' in top_nl
    assert '<html lang="nl">' in top_nl and "Een kille zakendeal" in top_nl
    assert "Voor leerlingen en lezers" in top_nl and "For students" not in top_nl
    assert "<td>ongeveer 60 min</td>" in top_nl and "<td>about 60 min</td>" in top


def test_dutch_handouts_are_in_dutch(built_nl):
    out, sources = built_nl
    for source in sources:
        for kind, path in source.outputs.items():
            if not kind.endswith(".pdf"):
                page = path.read_text(encoding="utf-8")
                assert '<html lang="nl">' in page, path.name
                text = text_of(page)
                for english in ("Student handout", "Reading version", "Your answer", "Working:"):
                    assert english not in text, f"{path.name}: {english!r}"
    lesson = next(s for s in sources if "worksheet" in s.kinds)
    sheet = text_of(lesson.outputs["worksheet"].read_text(encoding="utf-8"))
    assert "Naam:" in sheet and "Jouw antwoord (opdracht" in sheet and "Berekening:" in sheet
    reading = text_of(lesson.outputs["reading"].read_text(encoding="utf-8"))
    assert "Leesversie" in reading


@needs_chromium
def test_dutch_pdfs_are_printed(built_nl):
    out, sources = built_nl
    for source in sources:
        for kind in source.printed:
            assert f"{kind}.pdf" in source.outputs, f"{source.name}: no {kind} PDF"
