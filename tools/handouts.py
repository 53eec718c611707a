"""Build the course's handouts: offline HTML for students, readers and teachers, and A4 PDFs.

Usage: python tools/handouts.py [--no-execute] [--no-pdf] [--out DIR] [notebook ...]

Each notebook is executed once, fresh (nbclient, in memory: the notebooks on disk are not
touched), and three versions are derived from the executed copy:

- student/   cells tagged ``solution`` and ``teacher-note`` removed, code kept; each
             exercise's ``answer_N_k = ...`` line becomes a printed answer line to write on
             (its unit from ``helpers.checks``), and the ``check(...)`` cell and every
             "Correct"/"Not yet" feedback go;
- reading/   the student version without code (nbconvert's ``exclude_input``), opening with a
             "How to read this" banner, and with the exercises' pointers to code (``Use
             `f(...)` or divide.``, "then run the cell") rewritten for a reader on paper;
- teacher/   everything, with solutions and teacher notes marked.

The series (``notebooks/NN-*.ipynb``) gets all three; ``notebooks/quiz.ipynb`` a student
worksheet and a teacher version; ``teacher/*.ipynb`` (the teacher guide) only a teacher
version. Student and reading versions are also printed to A4 PDF by headless Chromium (one
browser for all, through Playwright; the ``chromium --print-to-pdf`` command line where
Playwright is missing). Without Chromium the PDFs are skipped, and the summary says so.

A handout loads nothing: no script, no font, no image from the network. Every live widget is
replaced by its stored drawing at the default values (the Output widget's stored outputs, from
the widget state nbclient saves in the notebook) under a one-line note.

Markdown is rendered without nbconvert's maths: a handout loads no MathJax, and the course
writes only dollars, so ``$``, ``\\$`` or ``\\\\$`` is a dollar sign and never opens a formula
that would swallow ``**bold**`` or a ``<q lang="nl">`` quote up to the next dollar sign.

``--no-execute`` builds from the outputs stored in the notebooks (what the tests do).
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jinja2 import pass_context
from mistune import BlockParser, InlineParser
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = Path(__file__).resolve().parent / "handout_template"
DEFAULT_OUT = ROOT / "build" / "handouts"
COURSE = "A Cold Business Deal"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = (
    "Interactive in JupyterLab: open the notebook and move the sliders to redraw this chart."
)
WIDGET_MISSING = (
    "Interactive in JupyterLab: this widget has no stored drawing here. "
    "Open the notebook in JupyterLab and run it to see it."
)

# kind -> (label for the banner, sentence about it, cell tags removed)
VERSIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "student": (
        "Student handout",
        "Exercises come without answers: write yours on the answer lines, "
        "or work them out in JupyterLab.",
        ("solution", "teacher-note"),
    ),
    "reading": (
        "Reading version",
        "How to read this: the notebook's argument on paper, in words, tables and charts, "
        "without the code that produced them. Read it from top to bottom; under each chart a "
        "description says what it shows. The exercises are questions for you: work them out "
        "on paper (a calculator helps) and write your answer on the line. The live charts and "
        "the answer checks are in the notebook, in JupyterLab.",
        ("solution", "teacher-note"),
    ),
    "teacher": (
        "Teacher's version: contains the answers",
        "Worked solutions are marked WORKED SOLUTION and notes for the teacher TEACHER NOTE. "
        "Do not hand this version to students.",
        (),
    ),
}
PRINTED = ("student", "reading")
# Colour emoji print as empty boxes where no emoji font is installed: use text marks.
MARKS = {
    "\u2705": '<span class="handout-mark handout-yes">\u2714</span>',
    "\u274c": '<span class="handout-mark handout-no">\u2718</span>',
}
# A literal dollar sign in the course's Markdown: ``$``, ``\$`` or ``\\$`` (two backslashes get
# past JupyterLab's maths, helpers/markdown.py). Each becomes a bare ``$``, which the handouts'
# Markdown renderer (no maths, ``HandoutExporter``) prints as it is, in text and in raw HTML
# alike; code (a fenced block or a code span, matched whole) keeps its dollars as they are.
CODE_IN_MARKDOWN = re.compile(
    r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?^[ \t]{0,3}\1[ \t]*$"  # fenced code block
    r"|(`+)(?!`).*?(?<!`)\2(?!`)",  # code span
    re.M | re.S,
)
DOLLAR_SIGN = re.compile(r"\\*\$")

# ---- exercises on paper (student and reading versions)
# The line a student fills in, ``answer_3_2 = ...`` (setup lines above it stay code).
ANSWER_LINE = re.compile(r"^[ \t]*answer_(\d+)_(\d+)[ \t]*=[ \t]*\.\.\.[ \t]*(?:#.*)?$\n?", re.M)
# The cell that checks it: its output is feedback for whoever ran it, meaningless on paper.
CHECK_CELL = re.compile(r"""\s*check\(\s*["'][^"']*["']""")
# Feedback from ``check`` in any output ("✓ **Correct:** ...", "Not yet: ...").
FEEDBACK = re.compile(r"^[\W_]*(?:Correct|Not yet|Not answered yet)\b\s*\**:", re.M)
EXERCISE_HEADING = re.compile(r"^#{1,6}\s*(Exercise|Question)\s+\d+\.\d+", re.M | re.I)
# The notebooks' "*How to use this notebook:* run each grey code cell ..." paragraph.
HOW_TO_USE = re.compile(r"^[ \t]*\*How to use this notebook:?\*:?.*?(?=\n[ \t]*\n|\Z)", re.M | re.S)
HOW_TO = {
    "student": (
        "*How to use this handout:* read it from top to bottom. The grey boxes are the "
        "notebook's code, each followed by what it printed or drew. Write your answer to each "
        "exercise on its answer line, with the unit. In JupyterLab you can type your answers "
        "into the notebook and have them checked."
    ),
    "worksheet": (
        "*How to use this worksheet:* work each question out on paper or with a calculator, "
        "and write the answer on its answer line, with the unit."
    ),
    "reading": "",  # the banner opens the reading version with "How to read this"
}
# A code span, or one character of a sentence that is not its end: code may hold dots.
_SENTENCE = r"(?:`[^`\n]*`|[^.?!`\n])"
# The reading version shows no code: rewrite what sends the reader to it, in this order.
READER_REWRITES: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    # "Use `span(...)` or type the calculation." reads "Work it out." below.
    (r"\btype the calculation\b", "work it out"),
    # "Use `payment_usd(...)` or multiply." -> "Multiply."
    (
        rf"\bUse {_SENTENCE}*?`[^`\n]*`{_SENTENCE}*? or ({_SENTENCE}+[.?!])",
        lambda m: m[1][:1].upper() + m[1][1:],
    ),
    # "Use `weighted_scores(DEFAULT_SCORES, weights)`." (no other way offered): dropped.
    (rf"[ \t]*\bUse {_SENTENCE}*`[^`\n]*`{_SENTENCE}*[.?!]", ""),
    # "Check it with `breakeven_arrivals`." (a try-it pointer to a function): dropped.
    (rf"[ \t]*\b(?:Check|Try) it with `[^`\n]*`{_SENTENCE}*[.?!]", ""),
    # "Answer with one letter in quotes:" -> "Answer with one letter:"; "Type the word" -> "Write".
    (r"\b(letters?|words?|answer) in quotes\b", r"\1"),
    (r"\bType (the|your) (word|letter|answer|number)", r"Write \1 \2"),
    # "a list of letters, like `["a", "b"]`:" -> "a list of letters:"
    (r",? like `[^`\n]*`", ""),
    # "..., for example `f(losses.low, ...)` and then with `losses.high`." -> "..."
    (rf",? for example `[^`\n]*`{_SENTENCE}*(?=[.?!])", ""),
    # "Work it out from the ends, not with `interval_apply`." -> "... from the ends."
    (r",? not with `[^`\n]*`", ""),
    # A variable's name in brackets after the words for it: "40.9 trillion won (`gni_krw`)",
    # "90% (`state_share`, set in the cell below)".
    (r" ?\(`[^`\n]*`(?:,[^()\n]*)?\)", ""),
    # "at `krw_per_usd` won per dollar": the rate is printed above, under its source.
    (r"\bat `\w+` (\w+) per (\w+)", r"at the rate above (\1 per \2)"),
    # "..., as the next cell checks." -> "..."
    (r",? as the (?:next|following) cell (?:checks|shows)", ""),
    # "Replace each 0.5 with your own probability (...), then run the cell."
    (
        r"\bReplace each \S+ with your own ([\w ]+?)((?: \([^)\n]*\))?), then run the cell\.",
        r"Write down your own \1 for each statement\2.",
    ),
    (r"\bin the widget or a code cell\b", "in the notebook, in JupyterLab"),
]
# The teacher's version: "Try the exercise first. Then click the button below ..." under a
# solution's heading is about JupyterLab's collapsed heading; on paper the heading is enough.
CLICK_NOTE = re.compile(r"^[^\n]*\bclick\b[^\n]*$", re.I | re.M)


@dataclass
class Source:
    """One notebook and the handout versions it gets."""

    path: Path
    kinds: tuple[str, ...]
    title: str = ""
    minutes: int | None = None
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0  # executing
    total: float = 0.0  # executing and writing the HTML
    widgets: int = 0
    error: str = ""

    @property
    def name(self) -> str:
        return self.path.stem


# ---------------------------------------------------------------- finding notebooks


def find_sources(root: Path = ROOT, only: list[Path] | None = None) -> list[Source]:
    """The series, the quiz and the teacher guide, each with the versions it gets."""
    series = sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    quiz = [p for p in [root / "notebooks" / "quiz.ipynb"] if p.exists()]
    guide = sorted((root / "teacher").glob("*.ipynb"))
    sources = (
        [Source(p, ("student", "reading", "teacher")) for p in series]
        + [Source(p, ("student", "teacher")) for p in quiz]
        + [Source(p, ("teacher",)) for p in guide]
    )
    if only:
        wanted = {p.resolve() for p in only}
        sources = [s for s in sources if s.path.resolve() in wanted]
    return sources


def title_and_minutes(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, int | None]:
    """The first Markdown heading, and N from ``**Time:** about N minutes``."""
    title, minutes = "", None
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        if not title:
            heading = re.search(r"^#{1,6}\s+(.+?)\s*#*\s*$", cell.source, flags=re.M)
            if heading:
                title = re.sub(r"[*_`]", "", heading.group(1)).strip()
        if minutes is None:
            time_line = re.search(r"\*\*Time:?\*\*:?\s*(?:about\s+)?(\d+)", cell.source)
            if time_line:
                minutes = int(time_line.group(1))
        if title and minutes is not None:
            break
    return title or fallback, minutes


# ---------------------------------------------------------------- executing


def _execute(path: Path, timeout: int) -> nbformat.NotebookNode:
    """Run one notebook with a fresh kernel, in memory (the file is not touched)."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return nb


def build_one(
    source: Source,
    out: Path,
    execute: bool,
    names: set[str],
    timeout: int,
    units: dict[str, str] | None = None,
) -> Source:
    """Execute (or read) one notebook and write its HTML versions; runs in a worker process."""
    start = time.perf_counter()
    try:
        nb = _execute(source.path, timeout) if execute else nbformat.read(source.path, 4)
        source.seconds = time.perf_counter() - start
        source.title, source.minutes = title_and_minutes(nb, source.name)
        source.widgets = static_widgets(nb)
        for kind in source.kinds:
            path = out / kind / f"{source.name}.html"
            path.write_text(render(nb, source, kind, names, units), encoding="utf-8")
            source.outputs[kind] = path
    except Exception as error:  # a failing notebook must not hide the others
        lines = str(error).strip().splitlines() or [""]
        source.error = f"{type(error).__name__}: {lines[-1][:300]}"
    source.total = time.perf_counter() - start
    return source


def build_html(
    sources: list[Source],
    out: Path,
    execute: bool,
    jobs: int,
    timeout: int = 300,
    on_done: Callable[[Source], None] | None = None,
    units: dict[str, str] | None = None,
) -> list[Source]:
    """All notebooks, ``jobs`` at a time, with a progress line for each as it finishes.

    ``units``: exercise id -> unit, printed beside the answer lines (default: none).
    """
    names = {s.name for s in sources}
    for kind in {k for s in sources for k in s.kinds}:
        (out / kind).mkdir(parents=True, exist_ok=True)
    total = len(sources)
    done: dict[Path, Source] = {}
    # Forking a process that runs threads (a browser driver, say) can deadlock: spawn then.
    context = multiprocessing.get_context("spawn") if threading.active_count() > 1 else None
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, total)), mp_context=context) as pool:
        futures = [pool.submit(build_one, s, out, execute, names, timeout, units) for s in sources]
        for n, future in enumerate(as_completed(futures), start=1):
            source = future.result()
            done[source.path] = source
            if source.error:
                print(f"  [{n}/{total}] FAILED {source.path.name}: {source.error}", flush=True)
                continue
            ran = f"executed in {source.seconds:.1f} s, " if execute else ""
            widgets = f", {source.widgets} widget(s) drawn statically" if source.widgets else ""
            print(
                f"  [{n}/{total}] {source.path.name}: {ran}{'/'.join(source.kinds)} HTML"
                f"{widgets} ({source.total:.1f} s)",
                flush=True,
            )
            if on_done is not None:
                on_done(source)
    return [done[s.path] for s in sources]


# ---------------------------------------------------------------- static widgets


def _refs(value: object) -> list[str]:
    """Model ids referred to (``IPY_MODEL_<id>``) anywhere in a widget's state."""
    return re.findall(r"IPY_MODEL_([\w-]+)", json.dumps(value))


def _value_text(state: dict) -> str:
    value = state.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    fmt = str(state.get("readout_format") or ".2f")
    try:
        return format(value, fmt)
    except ValueError:
        return f"{value:g}"


def widget_parts(model_id: str, models: dict) -> tuple[list[str], list[dict]]:
    """The controls (``description = value``) and stored outputs under one widget view."""
    controls: list[str] = []
    outputs: list[dict] = []
    seen: set[str] = set()

    def visit(mid: str) -> None:
        if mid in seen or mid not in models:
            return
        seen.add(mid)
        model = models[mid]
        state = model.get("state", {})
        if model.get("model_name") == "OutputModel":
            outputs.extend(state.get("outputs", []))
        elif "value" in state and state.get("description"):
            controls.append(f"{state['description']} = {_value_text(state)}")
        children = state.get("children", [])
        for ref in _refs(children) + [r for r in _refs(state) if r not in _refs(children)]:
            visit(ref)

    visit(model_id)
    return controls, outputs


def _note_output(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output(
        "display_data",
        data={
            "text/html": f'<p class="handout-widget-note">{html.escape(text)}</p>',
            "text/plain": text,
        },
    )


def static_widgets(nb: nbformat.NotebookNode) -> int:
    """Replace each widget view with a note and its stored drawing; return how many.

    The notebook's widget state is dropped afterwards, so the HTML carries no widget script.
    """
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        new_outputs = []
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if not view:
                new_outputs.append(output)
                continue
            count += 1
            controls, stored = widget_parts(view.get("model_id", ""), state)
            stored = [o for o in stored if o.get("output_type") != "stream" or o.get("text")]
            if not stored:
                new_outputs.append(_note_output(WIDGET_MISSING))
                continue
            note = WIDGET_NOTE
            if controls:
                note += " Shown here at the default values: " + "; ".join(controls) + "."
            new_outputs.append(_note_output(note))
            new_outputs.extend(nbformat.from_dict(o) for o in stored)
        cell.outputs = new_outputs
    nb.metadata.pop("widgets", None)
    return count


# ---------------------------------------------------------------- HTML


def _css_string(text: str) -> str:
    """Text as the inside of a CSS double-quoted string (safe inside a <style> element)."""
    out = []
    for ch in text:
        if ch in '"\\<>' or ord(ch) < 32:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return "".join(out)


class HandoutExporter(HTMLExporter):
    r"""nbconvert's HTML exporter, reading Markdown the way a handout prints it: without maths.

    nbconvert's Markdown renderer (``MarkdownWithMath``) takes ``$...$`` for inline maths and
    copies what lies between two dollar signs out unrendered, for MathJax to typeset. A handout
    loads no MathJax, and the course's dollar signs are dollars: so ``**$240 million**`` kept
    its stars and a ``<q lang="nl">`` quote between two amounts printed as escaped text. Here
    the same renderer, with the same plugins, gets mistune's plain parsers: ``$`` is text and
    ``\$`` an escaped dollar, in Markdown cells and in Markdown outputs alike.
    """

    @pass_context
    def markdown2html(self, context, source):
        cell = context.get("cell", {})
        renderer = IPythonRenderer(
            escape=False,
            attachments=cell.get("attachments", {}),
            embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links,
            **self.lexer_options,
        )
        markdown = MarkdownWithMath(
            renderer=renderer, block=BlockParser(), inline=InlineParser(hard_wrap=False)
        )
        return markdown.render(source)


_EXPORTER: list[HTMLExporter] = []


def exporter() -> HTMLExporter:
    """The handout exporter with the handout template (made once: compiling is slow)."""
    if not _EXPORTER:
        c = Config()
        c.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR)]
        c.HTMLExporter.template_name = "handout"
        c.HTMLExporter.exclude_input_prompt = True
        c.HTMLExporter.exclude_output_prompt = True
        # embed_images would run each inline HTML tag through BeautifulSoup on its own,
        # which breaks <q lang="nl">...</q> (the closing tag is lost); figures are
        # outputs, embedded anyway.
        c.HTMLExporter.embed_images = False
        _EXPORTER.append(HandoutExporter(config=c))
    return _EXPORTER[0]


def exercise_units() -> dict[str, str]:
    """Exercise id -> its unit ("US dollars"), from ``helpers.checks``; {} where it fails."""
    try:
        from helpers.checks import exercises

        return {key: exercise.unit for key, exercise in exercises().items()}
    except Exception as error:  # an answer line without its unit is still an answer line
        print(f"Answer lines without units: helpers.checks failed ({error})", flush=True)
        return {}


def literal_dollars(markdown: str) -> str:
    """Markdown with every dollar sign outside code a bare ``$`` (see ``DOLLAR_SIGN``)."""
    parts, at = [], 0
    for code in CODE_IN_MARKDOWN.finditer(markdown):
        parts += [DOLLAR_SIGN.sub("$", markdown[at : code.start()]), code.group(0)]
        at = code.end()
    parts.append(DOLLAR_SIGN.sub("$", markdown[at:]))
    return "".join(parts)


def dollars_as_written(nb: nbformat.NotebookNode) -> None:
    """Every dollar sign in Markdown cells and Markdown outputs written as a bare ``$``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = literal_dollars(cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                text = data["text/markdown"]
                data["text/markdown"] = literal_dollars(
                    "".join(text) if isinstance(text, list) else text
                )


def is_feedback(output: dict) -> bool:
    """Whether an output is ``check``'s verdict ("Correct: ...", "Not yet: ...")."""
    data = output.get("data", {})
    texts = [data.get("text/plain", ""), data.get("text/markdown", ""), output.get("text", "")]
    return any(FEEDBACK.search("".join(t) if isinstance(t, list) else str(t)) for t in texts)


def answer_line(exercise: str, unit: str, word: str = "exercise") -> str:
    """A printed line to write an answer on, as a Markdown cell's (one-line) HTML block."""
    unit_html = f'<span class="handout-answer-unit">{html.escape(unit)}</span>' if unit else ""
    return (
        f'<div class="handout-answer" data-exercise="{html.escape(exercise)}">'
        f'<span class="handout-answer-label">Your answer ({word} {html.escape(exercise)}):</span>'
        f'<span class="handout-answer-fill"><span class="handout-answer-blank"></span>'
        f"{unit_html}</span></div>"
    )


def for_readers(markdown: str) -> str:
    """Markdown with the pointers to code a reader cannot see rewritten (``READER_REWRITES``)."""
    for pattern, replacement in READER_REWRITES:
        markdown = re.sub(pattern, replacement, markdown)
    return markdown


def on_paper(nb: nbformat.NotebookNode, kind: str, units: dict[str, str], worksheet: bool) -> None:
    """Turn a student or reading copy's exercises into questions with answer lines (in place).

    The ``answer_N_k = ...`` line becomes an answer line (its setup lines stay code, with
    their outputs); ``check(...)`` cells and any other feedback output go; the notebook's
    "How to use this notebook" paragraph becomes one about the handout (the reading version
    has its "How to read this" in the banner), and the reading version's pointers to code
    are rewritten.
    """
    how_to = HOW_TO["worksheet" if worksheet and kind == "student" else kind]
    word = "exercise"
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for heading in EXERCISE_HEADING.finditer(cell.source):
                word = heading.group(1).lower()
            source = HOW_TO_USE.sub(how_to, cell.source, count=1)
            cell.source = for_readers(source) if kind == "reading" else source
            cells.append(cell)
            continue
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        if CHECK_CELL.match(cell.source):
            continue
        cell.outputs = [o for o in cell.get("outputs", []) if not is_feedback(o)]
        answers = [f"{m[1]}.{m[2]}" for m in ANSWER_LINE.finditer(cell.source)]
        if answers:
            cell.source = ANSWER_LINE.sub("", cell.source).strip("\n")
        if cell.source.strip() or cell.outputs or not answers:
            cells.append(cell)
        for exercise in answers:
            line = answer_line(exercise, units.get(exercise, ""), word)
            cells.append(nbformat.v4.new_markdown_cell(line, metadata={"tags": ["handout-answer"]}))
    nb.cells = cells


def label_solutions(nb: nbformat.NotebookNode) -> None:
    """Teacher's version: drop the "click the button below" lines of the solution headings."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "solution" in cell.metadata.get("tags", []):
            cell.source = CLICK_NOTE.sub("", cell.source).strip()
            if not cell.source:
                continue
        cells.append(cell)
    nb.cells = cells


def version(
    nb: nbformat.NotebookNode,
    kind: str,
    units: dict[str, str] | None = None,
    worksheet: bool = False,
) -> nbformat.NotebookNode:
    """A copy of the executed notebook cut down to one version.

    nbconvert's TagRemovePreprocessor drops the tagged cells; ``on_paper`` turns the student
    and reading versions' exercises into answer lines; ``worksheet``: the quiz.
    """
    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    tags = TagRemovePreprocessor(
        enabled=True,
        remove_cell_tags=set(VERSIONS[kind][2]),
        remove_input_tags={"remove-input", "hide-input"} if kind != "teacher" else {"remove-input"},
    )
    copy, _ = tags.preprocess(copy, {})
    dollars_as_written(copy)
    if kind == "teacher":
        label_solutions(copy)
    else:
        on_paper(copy, kind, units or {}, worksheet)
    return copy


def render(
    nb: nbformat.NotebookNode,
    source: Source,
    kind: str,
    names: set[str],
    units: dict[str, str] | None = None,
) -> str:
    """One handout version as a self-contained HTML page."""
    label, about, _ = VERSIONS[kind]
    copy = version(nb, kind, units, worksheet="reading" not in source.kinds)
    copy.metadata["title"] = f"{source.title} · {label}"
    resources = {
        "metadata": {"name": source.name, "path": str(source.path.parent)},
        "handout": {
            "kind": kind,
            "course": COURSE,
            "label": label,
            "about": about,
            "css_course": _css_string(COURSE),
            "css_title": _css_string(source.title),
        },
    }
    html_exporter = exporter()
    html_exporter.exclude_input = kind == "reading"
    body, _ = html_exporter.from_notebook_node(copy, resources=resources)
    for emoji, mark in MARKS.items():
        body = body.replace(emoji, mark)
    return re.sub(
        r'href="(?:\.\.?/)?(?:notebooks/)?([\w.-]+)\.ipynb((?:#[^"]*)?)"',
        lambda m: f'href="{m.group(1)}.html{m.group(2)}"' if m.group(1) in names else m.group(0),
        body,
    )


# ---------------------------------------------------------------- index


INDEX_CSS = """
body { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; max-width: 920px;
  margin: 2em auto; padding: 0 1em; color: #1a1a1a; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
td.links a { margin-right: 0.8em; white-space: nowrap; }
.note { color: #555; font-size: 0.92em; }
.teacher { border-left: 5px solid #7a3e00; padding-left: 10px; }
"""


def _row(source: Source, kinds: tuple[str, ...], prefix: str) -> str:
    links = []
    for kind in kinds:
        if kind not in source.kinds or kind not in source.outputs:
            continue
        word = {"student": "Student", "reading": "Reading", "teacher": "Teacher"}[kind]
        href = f"{prefix(kind)}{source.name}.html"
        links.append(f'<a href="{href}">{word} (HTML)</a>')
        if f"{kind}.pdf" in source.outputs:
            links.append(f'<a href="{prefix(kind)}{source.name}.pdf">{word} (PDF)</a>')
    if not links:
        return ""
    minutes = f"about {source.minutes} min" if source.minutes else ""
    return (
        f"<tr><td>{html.escape(source.title)}</td><td>{minutes}</td>"
        f'<td class="links">{" ".join(links)}</td></tr>'
    )


def _page(title: str, sections: list[tuple[str, str, list[str]]]) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        f"<title>{html.escape(title)}</title><style>{INDEX_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        '<p class="note">Handouts of the course, built from the notebooks. They work offline: '
        "open any of them in a browser, or print the PDFs (A4). The live charts and exercises "
        "run in JupyterLab (<code>make lab</code>).</p>",
    ]
    for heading, note, rows in sections:
        rows = [r for r in rows if r]
        if not rows:
            continue
        cls = ' class="teacher"' if "eacher" in heading else ""
        parts += [
            f"<section{cls}><h2>{html.escape(heading)}</h2>",
            f'<p class="note">{html.escape(note)}</p>',
            "<table><tr><th>Notebook</th><th>Time</th><th>Handouts</th></tr>",
            *rows,
            "</table></section>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts)


def write_indexes(sources: list[Source], out: Path) -> list[Path]:
    """``index.html`` for everything, and one per set so a set can be handed out alone."""
    series = [s for s in sources if "reading" in s.kinds]
    quiz = [s for s in sources if s.kinds == ("student", "teacher")]
    guide = [s for s in sources if s.kinds == ("teacher",)]
    top = _page(
        COURSE,
        [
            (
                "For students and readers",
                "Student handouts keep the code and the exercises (no answers); reading "
                "versions give the argument without code.",
                [_row(s, ("student", "reading"), lambda k: f"{k}/") for s in series + quiz],
            ),
            (
                "For teachers",
                "Teacher's versions include the worked solutions. Keep them away from students.",
                [_row(s, ("teacher",), lambda k: f"{k}/") for s in guide + series + quiz],
            ),
        ],
    )
    written = [out / "index.html"]
    written[0].write_text(top, encoding="utf-8")
    per_set = {
        "student": ("Student handouts", series + quiz),
        "reading": ("Reading versions", series),
        "teacher": ("Teacher's versions", guide + series + quiz),
    }
    for kind, (heading, members) in per_set.items():
        if not (out / kind).is_dir():
            continue
        page = _page(
            f"{COURSE}: {heading.lower()}",
            [(heading, VERSIONS[kind][1], [_row(s, (kind,), lambda k: "") for s in members])],
        )
        path = out / kind / "index.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------- PDF


def chromium_path() -> str | None:
    """Debian's Chromium, or any chromium on PATH; None where there is none."""
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Printer:
    """Prints HTML files to A4 PDFs: one headless Chromium for all of them (Playwright).

    Where the Playwright package is missing, each file gets its own
    ``chromium --headless --print-to-pdf`` run instead. Started on first use.
    """

    def __init__(self, browser: str):
        self.browser = browser
        self._stack: ExitStack | None = None
        self._page = None

    def __enter__(self) -> Printer:
        self._stack = ExitStack()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stack is not None:
            self._stack.close()

    def _start(self) -> None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            self._page = False
            return
        assert self._stack is not None, "use Printer as a context manager"
        profile = self._stack.enter_context(tempfile.TemporaryDirectory())
        pw = self._stack.enter_context(sync_playwright())
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=self.browser, args=CHROMIUM_FLAGS[1:], headless=True
        )
        self._stack.callback(context.close)
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort()
            ),
        )
        self._page = context.new_page()
        self._page.emulate_media(media="print")

    def print(self, html_path: Path, pdf_path: Path) -> float:
        """Print one file; return the seconds it took."""
        start = time.perf_counter()
        if self._page is None:
            self._start()
        if self._page:
            self._page.goto(html_path.resolve().as_uri(), wait_until="load")
            self._page.pdf(
                path=str(pdf_path), format="A4", print_background=True, prefer_css_page_size=True
            )
        else:
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run(
                    [
                        self.browser,
                        *CHROMIUM_FLAGS,
                        f"--user-data-dir={profile}",
                        "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf_path}",
                        html_path.resolve().as_uri(),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
        return time.perf_counter() - start


def pdf_pages(path: Path) -> int:
    """Page count of a PDF (pdfinfo where installed, else counting page objects)."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        found = re.search(r"^Pages:\s+(\d+)", info, flags=re.M)
        if found:
            return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


# ---------------------------------------------------------------- main


def build(
    out: Path = DEFAULT_OUT,
    execute: bool = True,
    pdf: bool = True,
    only: list[Path] | None = None,
    jobs: int | None = None,
    root: Path = ROOT,
) -> list[Source]:
    """Build every handout under ``out``; return the sources with what was written."""
    start = time.perf_counter()
    sources = find_sources(root, only)
    if not sources:
        print("No notebooks found.")
        return []
    jobs = jobs or os.cpu_count() or 2
    print(
        f"{'Executing' if execute else 'Reading'} {len(sources)} notebook(s)"
        + ("" if execute else " (stored outputs)")
        + f" and writing their HTML, {min(jobs, len(sources))} at a time",
        flush=True,
    )
    # Remove only what an earlier build wrote, never a whole folder given by mistake.
    for kind in VERSIONS:
        shutil.rmtree(out / kind, ignore_errors=True)
    (out / "index.html").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    browser = chromium_path() if pdf else None
    pdf_note = ""
    if not pdf:
        pdf_note = "PDFs skipped (--no-pdf)."
    elif browser is None:
        pdf_note = (
            "PDFs SKIPPED: Chromium is not installed (looked for /usr/bin/chromium and "
            "chromium on PATH). Install it with: apt-get install chromium"
        )
        print(pdf_note, flush=True)

    # Execute and convert first, then start the browser: a process pool started while the
    # browser driver's threads run must spawn its workers, and a spawned worker executing a
    # notebook was seen to stall for minutes when output went to a pipe (make bench, CI).
    units = exercise_units() if any(k != "teacher" for s in sources for k in s.kinds) else {}
    sources = build_html(sources, out, execute, jobs, units=units)
    with ExitStack() as stack:
        printer = stack.enter_context(Printer(browser)) if browser else None

        def print_pdfs(source: Source) -> None:
            """Print a notebook's student and reading handouts to A4 PDF."""
            for kind in PRINTED:
                if printer is None or kind not in source.outputs:
                    continue
                pdf_path = source.outputs[kind].with_suffix(".pdf")
                try:
                    seconds = printer.print(source.outputs[kind], pdf_path)
                except Exception as error:  # report it, and go on with the others
                    source.error = f"printing {pdf_path.name} failed: {error}"[:400]
                    print(f"        FAILED {source.error}", flush=True)
                    continue
                source.outputs[f"{kind}.pdf"] = pdf_path
                print(
                    f"        printed {pdf_path.relative_to(out)}: {pdf_pages(pdf_path)} pages"
                    f" in {seconds:.1f} s",
                    flush=True,
                )

        for source in sources:
            print_pdfs(source)
    write_indexes(sources, out)

    htmls = sum(1 for s in sources for k in s.outputs if not k.endswith(".pdf"))
    pdfs = sum(1 for s in sources for k in s.outputs if k.endswith(".pdf"))
    failed = [s for s in sources if s.error]
    print(
        f"\nHandouts: {len(sources) - len(failed)} of {len(sources)} notebook(s), "
        f"{htmls} HTML, {pdfs} PDF in {time.perf_counter() - start:.1f} s"
    )
    if pdf_note:
        print(pdf_note)
    for source in failed:
        print(f"FAILED {source.path.name}: {source.error}")
    print(f"Open {out / 'index.html'}")
    return sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="only these notebooks")
    parser.add_argument(
        "--no-execute", action="store_true", help="use the stored outputs instead of executing"
    )
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks executed at a time")
    args = parser.parse_args(argv)
    sources = build(
        out=args.out,
        execute=not args.no_execute,
        pdf=not args.no_pdf,
        only=args.notebooks or None,
        jobs=args.jobs,
    )
    return 1 if not sources or any(s.error for s in sources) else 0


if __name__ == "__main__":
    sys.exit(main())
