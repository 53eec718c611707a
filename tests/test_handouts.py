"""Handouts (tools/handouts.py): offline, static widgets, no answers for students, A4 PDFs.

Students and readers get each exercise with a printed answer line instead of its
``answer_N_k = ...`` cell and its feedback; readers get no pointers to code they cannot see;
dollars, bold amounts and Dutch ``<q>`` quotes print as written, never as maths.

The set is built once, from the outputs stored in the notebooks (``--no-execute``), so the
test stays quick; ``make handouts`` executes the notebooks fresh. The browser checks use
Debian's Chromium through Playwright with every non-file request blocked and logged.
"""

from __future__ import annotations

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

CHROMIUM = handouts.chromium_path()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is not installed (poppler-utils)"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[handouts.Source]]:
    # A snapshot of the notebooks, so the checks read exactly what was built even while
    # someone edits a notebook.
    root = tmp_path_factory.mktemp("course")
    for folder in ("notebooks", "teacher"):
        (root / folder).mkdir()
        for path in (ROOT / folder).glob("*.ipynb"):
            shutil.copy2(path, root / folder / path.name)
    out = tmp_path_factory.mktemp("handouts")
    sources = handouts.build(out=out, execute=False, pdf=CHROMIUM is not None, root=root)
    assert sources, "no notebooks found"
    return out, sources


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
FEEDBACK = re.compile(r"(?:Correct|Not yet|Not answered yet)\s*:")
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
    assert kinds == {
        "notebooks/01-a.ipynb": ("student", "reading", "teacher"),
        "notebooks/02-b.ipynb": ("student", "reading", "teacher"),
        "notebooks/quiz.ipynb": ("student", "teacher"),
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
            path = out / kind / f"{source.name}.html"
            assert path.is_file(), path
            assert f'href="{kind}/{source.name}.html"' in index
            assert f'href="{source.name}.html"' in (out / kind / "index.html").read_text()
        assert html.escape(source.title) in index, source.title
        if source.minutes:
            assert f"about {source.minutes} min" in index


def test_teacher_guide_only_in_the_teacher_set_and_quiz_never_in_reading(built) -> None:
    out, sources = built
    for source in sources:
        if source.path.parent.name == "teacher":
            assert not (out / "student" / f"{source.name}.html").exists()
            assert not (out / "reading" / f"{source.name}.html").exists()
            assert source.name not in (out / "student" / "index.html").read_text()
        if source.path.name == "quiz.ipynb":
            assert not (out / "reading" / "quiz.html").exists()
    for kind in ("student", "reading"):
        if (out / kind / "index.html").exists():
            assert "teacher/" not in (out / kind / "index.html").read_text()


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
        for kind in source.kinds:
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


def test_figure_descriptions_and_static_widgets_survive(built) -> None:
    out, sources = built
    for source in sources:
        nb = nbformat.read(source.path, as_version=4)
        described = sum(c.source.count("Chart description:") for c in nb.cells)
        views = sum(
            handouts.WIDGET_VIEW in o.get("data", {})
            for c in nb.cells
            if c.cell_type == "code" and "solution" not in c.metadata.get("tags", [])
            for o in c.get("outputs", [])
        )
        for kind in source.kinds:
            page = (out / kind / f"{source.name}.html").read_text(encoding="utf-8")
            assert "widget-view+json" not in page and "widget-state+json" not in page
            if kind != "teacher":
                assert text_of(page).count("Chart description:") >= described, source.name
            assert page.count('class="handout-widget-note"') >= views, (kind, source.name)


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
    page = handouts.render(nb, source, kind, set(), {})
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
        for kind in source.kinds:
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
    for text in (handouts.VERSIONS["reading"][1], handouts.HOW_TO["reading"]):
        assert not CODE_INSTRUCTIONS.search(text) and "run" not in text.lower()


def test_student_handout_says_how_to_use_it_on_paper(built) -> None:
    out, sources = built
    for source in sources:
        if "student" not in source.kinds:
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


# ---------------------------------------------------------------- PDFs


@needs_chromium
@needs_pdftotext
def test_pdfs_are_a4_sane_and_carry_their_titles(built) -> None:
    out, sources = built
    printed = 0
    for source in sources:
        for kind in handouts.PRINTED:
            if kind not in source.kinds:
                continue
            pdf = out / kind / f"{source.name}.pdf"
            assert pdf.is_file() and pdf.stat().st_size > 1000, pdf
            pages = handouts.pdf_pages(pdf)
            assert 1 <= pages <= 80, f"{pdf.name}: {pages} pages"
            text = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            flat = squash(text)
            assert squash(source.title)[:40] in flat or squash(source.title)[:40] in squash(
                text.replace("-\n", "")
            ), f"{pdf.name}: title not found"
            assert handouts.COURSE in flat, f"{pdf.name}: no page header"
            assert not FEEDBACK.search(flat), f"{pdf.name}: feedback is printed"
            if exercises_in(source.path):
                assert flat.count("Your answer (") == len(exercises_in(source.path)), pdf.name
            if shutil.which("pdfinfo"):
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                assert "(A4)" in info, f"{pdf.name}: not A4\n{info}"
            printed += 1
    assert printed == sum(1 for s in sources for k in handouts.PRINTED if k in s.kinds)


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
    shutil.copy2(first, root / "notebooks" / first.name)
    monkeypatch.setattr(handouts, "chromium_path", lambda: None)
    sources = handouts.build(out=tmp_path / "out", execute=False, root=root)
    said = capsys.readouterr().out
    assert "PDFs SKIPPED: Chromium is not installed" in said
    assert [s.error for s in sources] == [""]
    assert (tmp_path / "out" / "student" / f"{first.stem}.html").is_file()
    assert not list((tmp_path / "out").rglob("*.pdf"))
