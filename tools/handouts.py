"""Build the course's handouts: offline HTML for students, readers and teachers, and A4 PDFs.

Usage: python tools/handouts.py [--no-execute] [--no-pdf] [--out DIR] [notebook ...]

Each notebook is executed once, fresh (nbclient, in memory: the notebooks on disk are not
touched), with its charts drawn as SVG (``helpers.style.CHARTS_ENV``: vector, real text), and
these are derived from the executed copy:

- student/    cells tagged ``solution`` and ``teacher-note`` removed; each exercise's
              ``answer_N_k = ...`` line becomes a printed answer line (its unit from
              ``helpers.checks``), and the ``check(...)`` cell and every "Correct"/"Not yet"
              feedback go; code stays where it works out a number, while a cell that only
              draws a chart, shows a table or quotes the article keeps just its result, and
              set-up cells (imports) go;
- reading/    the student version without code, opening with a "How to read this" banner,
              and with the exercises' pointers to code rewritten for a reader on paper;
- worksheet/  the lesson's exercises, each with the tables and facts it needs, an answer line
              and room for working; nothing from a solution;
- teacher/    everything, with solutions and teacher notes marked and each exercise's answer
              under its worked solution; ``NN-...-answers`` is the lesson's one-page answer
              sheet (``helpers.teaching.answer_sheet_markdown``); the guide is here too.

The notebooks are the ones ``course.toml`` lists. A lesson gets all of them; the quiz a student
version (a worksheet already), a teacher version and an answer sheet; the teacher guide a
teacher version. Everything but a lesson's teacher version is printed
to A4 PDF by headless Chromium (one browser for all, through Playwright; the ``chromium
--print-to-pdf`` command line where Playwright is missing), and each PDF is checked: its
pages, how full each is, and the resolution of any raster image (``PrintCheck``). Without
Chromium the PDFs are skipped, and the summary says so.

Every chart is a figure whose alt text is its description (the "**Chart description:**"
paragraph under it in the notebook, which the handouts leave out of the visible text). On a
narrow screen, charts and wide tables scroll sideways in a frame with a hint, and long
numbers never break.

A handout loads nothing: no script, no font, no image from the network. Every live widget is
replaced by its stored drawing at the default values (the Output widget's stored outputs, from
the widget state nbclient saves in the notebook) under a one-line note.

Markdown is rendered without nbconvert's maths: a handout loads no MathJax, and the course
writes only dollars, so ``$``, ``\\$`` or ``\\\\$`` is a dollar sign and never opens a formula
that would swallow ``**bold**`` or a ``<q lang="nl">`` quote up to the next dollar sign.

``--no-execute`` builds from the outputs stored in the notebooks (what the tests do; charts are
then the stored PNGs).
"""

from __future__ import annotations

import argparse
import ast
import base64
import html
import json
import multiprocessing
import os
import re
import shutil
import struct
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

from helpers import course, language
from helpers.language import tr
from helpers.markdown import ANY_DOLLAR

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = Path(__file__).resolve().parent / "handout_template"
DEFAULT_OUT = ROOT / "build" / "handouts"
COURSE = "A Cold Business Deal"  # the English name; course_name() gives it in the language in use
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


def course_name() -> str:
    """The course's name in the language in use ("A Cold Business Deal", "Een kille zakendeal")."""
    return course.load(language=language.language()).title


def widget_note() -> str:
    return tr(
        "Interactive in JupyterLab: open the notebook and move the sliders to redraw this chart."
    )


def widget_missing() -> str:
    return tr(
        "Interactive in JupyterLab: this widget has no stored drawing here. "
        "Open the notebook in JupyterLab and run it to see it."
    )


# kind -> the cell tags its version removes
REMOVED: dict[str, tuple[str, ...]] = {
    "student": ("solution", "teacher-note"),
    "reading": ("solution", "teacher-note"),
    "teacher": (),
    "worksheet": ("solution", "teacher-note"),
    "answers": (),
}


def versions(kind: str) -> tuple[str, str, tuple[str, ...]]:
    """A kind of handout: (label for the banner, sentence about it, cell tags removed), in
    the language in use."""
    words = {
        "student": (
            tr("Student handout"),
            tr(
                "Exercises come without answers: write yours on the answer lines, "
                "or work them out in JupyterLab."
            ),
        ),
        "reading": (
            tr("Reading version"),
            tr(
                "How to read this: the notebook's argument on paper, in words, tables and "
                "charts, without the code that produced them. Read it from top to bottom. The "
                "exercises are questions for you: work them out on paper (a calculator helps) "
                "and write your answer on the line. The live charts and the answer checks are "
                "in the notebook, in JupyterLab."
            ),
        ),
        "teacher": (
            tr("Teacher's version: contains the answers"),
            tr(
                "Worked solutions are marked WORKED SOLUTION, each with its answer, and notes "
                "for the teacher TEACHER NOTE. Do not hand this version to students."
            ),
        ),
        "worksheet": (
            tr("Worksheet"),
            tr(
                "The lesson's exercises on paper: the numbers each one needs, a line for the "
                "answer and room for your working. Use it with the notebook on screen or with "
                "the reading version."
            ),
        ),
        "answers": (
            tr("Answer sheet: for the teacher"),
            tr("The answers to one lesson's exercises on one page. Do not hand it to students."),
        ),
    }
    label, about = words[kind]
    return label, about, REMOVED[kind]


VERSIONS = tuple(REMOVED)  # the kinds of handout
# Where each kind is written: folder, and what follows the notebook's name.
PLACES: dict[str, tuple[str, str]] = {
    "student": ("student", ""),
    "reading": ("reading", ""),
    "teacher": ("teacher", ""),
    "worksheet": ("worksheet", ""),
    "answers": ("teacher", "-answers"),
}
# Printed to PDF: every kind but the teacher's version of a lesson (the guide is printed).
PRINTED = ("student", "reading", "worksheet", "answers")
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

# ---- exercises on paper (student and reading versions)
# The line a student fills in, ``answer_4_2 = ...`` (setup lines above it stay code).
ANSWER_LINE = re.compile(r"^[ \t]*answer_(\d+)_(\d+)[ \t]*=[ \t]*\.\.\.[ \t]*(?:#.*)?$\n?", re.M)
# The cell that checks it: its output is feedback for whoever ran it, meaningless on paper.
CHECK_CELL = re.compile(r"""\s*check\(\s*["'][^"']*["']""")
# Feedback from ``check`` in any output ("✓ **Correct:** ...", "Not yet: ...").
# (and in Dutch: "Goed", "Nog niet", "Nog niet beantwoord").
FEEDBACK = re.compile(
    r"^[\W_]*(?:Correct|Not yet|Not answered yet|Goed|Nog niet|Nog niet beantwoord)\b\s*\**:",
    re.M,
)
EXERCISE_HEADING = re.compile(
    r"^#{1,6}\s*(Exercise|Question|Opdracht|Vraag)\s+\d+\.\d+", re.M | re.I
)
# The notebooks' "*How to use this notebook:* run each grey code cell ..." paragraph (Dutch:
# "*Zo gebruik je dit notebook:*").
HOW_TO_USE = re.compile(
    r"^[ \t]*\*(?:How to use this notebook|Zo gebruik je dit notebook|Zo werk je met dit notebook):?\*:?.*?(?=\n[ \t]*\n|\Z)",
    re.M | re.S,
)


def how_to(kind: str) -> str:
    """What replaces the notebook's "How to use this notebook" paragraph on paper."""
    if kind == "student":
        return tr(
            "*How to use this handout:* read it from top to bottom. The grey boxes are the "
            "notebook's code where it works out a number, each followed by what it printed; "
            "charts, tables and quotations appear without the code that made them. Write your "
            "answer to each exercise on its answer line, with the unit. In JupyterLab you can "
            "type your answers into the notebook and have them checked."
        )
    if kind == "worksheet":
        return tr(
            "*How to use this worksheet:* work each question out on paper or with a "
            "calculator, and write the answer on its answer line, with the unit."
        )
    return ""  # the banner opens the reading version with "How to read this"


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
    # "Check it with `monthly_gap`." (a try-it pointer to a function): dropped.
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
    (r"\bin a code cell or the widget\b", "in the notebook, in JupyterLab"),
]
# The teacher's version: "Try the exercise first. Then click the button below ..." under a
# solution's heading is about JupyterLab's collapsed heading; on paper the heading is enough.
CLICK_NOTE = re.compile(r"^[^\n]*\b(?:click|klik)\b[^\n]*$", re.I | re.M)


# What each notebook gets: a lesson every kind; the quiz (its student version is a worksheet
# already) a student and a teacher version and an answer sheet; the guide a teacher version.
LESSON_KINDS = ("student", "reading", "teacher", "worksheet", "answers")
QUIZ_KINDS = ("student", "teacher", "answers")
GLOSSARY_KINDS = ("student", "reading", "teacher")  # every set links to it
GUIDE_KINDS = ("teacher",)


@dataclass
class Source:
    """One notebook and the handout versions it gets."""

    path: Path
    kinds: tuple[str, ...]
    language: str = "en"  # the edition: its words, and where its handouts go
    title: str = ""
    minutes: int | None = None
    time: str = ""  # for the index: "about 60 min"
    outputs: dict[str, Path] = field(default_factory=dict)
    checks: dict[str, PrintCheck] = field(default_factory=dict)  # kind -> its PDF's check
    seconds: float = 0.0  # executing
    total: float = 0.0  # executing and writing the HTML
    widgets: int = 0
    error: str = ""

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def is_guide(self) -> bool:
        return self.kinds == GUIDE_KINDS

    @property
    def printed(self) -> tuple[str, ...]:
        """The kinds printed to PDF: the guide's teacher version, every other notebook's
        ``PRINTED`` kinds."""
        return self.kinds if self.is_guide else tuple(k for k in self.kinds if k in PRINTED)

    def html(self, out: Path, kind: str) -> Path:
        """Where a kind of handout of this notebook is written under ``out``."""
        folder, suffix = PLACES[kind]
        return out / folder / f"{self.name}{suffix}.html"


# ---------------------------------------------------------------- finding notebooks


def find_sources(
    root: Path = ROOT, only: list[Path] | None = None, language: str = "en"
) -> list[Source]:
    """The lessons, the quiz and the teacher guide of one edition, as ``root/course.toml``
    lists them, each with the versions it gets and its title and time for the index (a
    listed notebook that is not there yet is left out)."""
    listed = course.load(root / "course.toml", language)
    wanted = (
        [(nb, LESSON_KINDS) for nb in listed.lessons]
        + [(listed.quiz, QUIZ_KINDS)]
        + [(listed.glossary, GLOSSARY_KINDS)]
        + [(listed.guide, GUIDE_KINDS)]
    )
    sources = [
        Source(
            root / nb.file,
            kinds,
            language=language,
            title=nb.heading.removeprefix("# "),
            minutes=nb.minutes,
            time=ABOUT[language].format(minutes=nb.minutes, rest=""),
        )
        for nb, kinds in wanted
        if (root / nb.file).exists()
    ]
    if only:
        wanted = {p.resolve() for p in only}
        sources = [s for s in sources if s.path.resolve() in wanted]
    return sources


# "about 60 min" in the index, from the title cell's "**Time:** about 60 minutes" (Dutch:
# "**Tijd:** ongeveer 60 minuten").
ABOUT = {"en": "about {minutes} min{rest}", "nl": "ongeveer {minutes} min{rest}"}
TIME_LINE = re.compile(
    r"\*\*(?:Time|Tijd):?\*\*:?\s*(?:about\s+|ongeveer\s+)?(\d+)\s*min(?:uten|utes|uut|ute)?([^;.\n]*)"
)


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
            time_line = TIME_LINE.search(cell.source)
            if time_line:
                minutes = int(time_line.group(1))
        if title and minutes is not None:
            break
    return title or fallback, minutes


# ---------------------------------------------------------------- executing


def _execute(path: Path, timeout: int) -> nbformat.NotebookNode:
    """Run one notebook with a fresh kernel, in memory (the file is not touched)."""
    from nbclient import NotebookClient

    from helpers.style import CHARTS_ENV

    nb = nbformat.read(path, as_version=4)
    # Charts for print: the kernel draws them as SVG (vector, real text), not PNG.
    os.environ[CHARTS_ENV] = "svg"
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        # Quiet the kernel's start-up notice about local TCP; real errors still show.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return nb


def time_label(nb: nbformat.NotebookNode) -> str:
    """The title cell's time for the index: "about 60 min", "about 20 min to read sections 1-6"."""
    for cell in nb.cells:
        found = TIME_LINE.search(cell.source)
        if cell.cell_type == "markdown" and found:
            return ABOUT[language.language()].format(minutes=found[1], rest=found[2].rstrip())
    return ""


def build_one(
    source: Source,
    out: Path,
    execute: bool,
    names: set[str],
    timeout: int,
    units: dict[str, str] | None = None,
    answers: dict[str, float | str] | None = None,
) -> Source:
    """Execute (or read) one notebook and write its HTML versions; runs in a worker process."""
    start = time.perf_counter()
    language.set_language(source.language)  # a worker process: the edition's words
    try:
        nb = _execute(source.path, timeout) if execute else nbformat.read(source.path, 4)
        source.seconds = time.perf_counter() - start
        if not source.title:  # course.toml gives it; a notebook outside the course its own
            source.title, source.minutes = title_and_minutes(nb, source.name)
        # The title cell's words ("about 20 min to read sections 1-6"); a test keeps its
        # minutes equal to course.toml's.
        source.time = time_label(nb) or source.time
        source.widgets = static_widgets(nb)
        for kind in source.kinds:
            path = source.html(out, kind)
            if kind == "answers":
                page = render_answer_sheet(source)
            elif kind == "worksheet":
                page = render_worksheet(nb, source, units, answers)
            else:
                page = render(nb, source, kind, names, units, answers)
            path.write_text(page, encoding="utf-8")
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
    answers: dict[str, float | str] | None = None,
) -> list[Source]:
    """All notebooks, ``jobs`` at a time, with a progress line for each as it finishes.

    ``units``: exercise id -> unit, printed beside the answer lines (default: none);
    ``answers``: exercise id -> its answer, shown under each worked solution of the
    teacher's version and kept out of the worksheets (default: none).
    """
    names = {s.name for s in sources}
    for kind in {k for s in sources for k in s.kinds}:
        (out / PLACES[kind][0]).mkdir(parents=True, exist_ok=True)
    total = len(sources)
    done: dict[Path, Source] = {}
    # Forking a process that runs threads (a browser driver, say) can deadlock: spawn then.
    context = multiprocessing.get_context("spawn") if threading.active_count() > 1 else None
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, total)), mp_context=context) as pool:
        futures = [
            pool.submit(build_one, s, out, execute, names, timeout, units, answers) for s in sources
        ]
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
                new_outputs.append(_note_output(widget_missing()))
                continue
            note = widget_note()
            if controls:
                note += " Shown here at the default values: " + "; ".join(controls) + "."
            new_outputs.append(_note_output(note))
            new_outputs.extend(nbformat.from_dict(o) for o in stored)
        cell.outputs = new_outputs
    nb.metadata.pop("widgets", None)
    return count


# ---------------------------------------------------------------- HTML


def page_number_css() -> str:
    """The printed page number ("page 1 of 4", "pagina 1 van 4") as a CSS ``content`` value."""
    words = tr("page {page} of {pages}")
    parts = re.split(r"(\{page\}|\{pages\})", words)
    counters = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    return " ".join(counters.get(part) or f'"{_css_string(part)}"' for part in parts if part)


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
    """Exercise id -> its unit ("US dollars"), from ``helpers.checks``, in the language in use;
    {} where it fails."""
    try:
        from helpers.checks import exercises

        return {key: tr(exercise.unit) for key, exercise in exercises().items()}
    except Exception as error:  # an answer line without its unit is still an answer line
        print(f"Answer lines without units: helpers.checks failed ({error})", flush=True)
        return {}


def literal_dollars(markdown: str) -> str:
    """Markdown with every dollar sign outside code a bare ``$`` (see ``ANY_DOLLAR``)."""
    parts, at = [], 0
    for code in CODE_IN_MARKDOWN.finditer(markdown):
        parts += [ANY_DOLLAR.sub("$", markdown[at : code.start()]), code.group(0)]
        at = code.end()
    parts.append(ANY_DOLLAR.sub("$", markdown[at:]))
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
    label = tr("Your answer ({word} {exercise}):").format(word=word, exercise=exercise)
    return (
        f'<div class="handout-answer" data-exercise="{html.escape(exercise)}">'
        f'<span class="handout-answer-label">{html.escape(label)}</span>'
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
    how_to_paper = how_to("worksheet" if worksheet and kind == "student" else kind)
    word = tr("exercise")
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for heading in EXERCISE_HEADING.finditer(cell.source):
                word = heading.group(1).lower()
            source = HOW_TO_USE.sub(how_to_paper, cell.source, count=1)
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


# ---------------------------------------------------------------- charts
# Charts print as the build drew them: SVG (vector, real text) when the notebooks are executed
# (helpers.style.CHARTS_ENV), the stored PNG otherwise. Each becomes a figure whose alt text is
# the chart's description, the closed "Chart description" block under it in the notebook;
# the handouts leave that block out of the visible text (the alt text carries it).
CHART_TYPES = ("image/svg+xml", "image/png")
# In the notebooks the description sits closed under the chart, for a screen reader or a
# curious student: <details><summary>Chart description</summary> ... </details> (Dutch:
# "Beschrijving van de grafiek").
DESCRIPTION = re.compile(
    r"\A\s*(?:<details>\s*<summary>(?:Chart description|Beschrijving van de grafiek)</summary>"
    r"\s*(.*?)\s*</details>[ \t]*"
    r"(?:\n[ \t]*\n|\n?\Z)"
    r"|\*\*Chart description:?\*\*:?[ \t]*(.*?)[ \t]*(?:\n[ \t]*\n|\Z))",
    re.S,
)
PNG_DPI = 100  # helpers.style: figure.dpi of the stored PNG charts
SMALLEST_PT = 9  # helpers.style: the smallest chart text (the source line), for a PNG
PHONE_TEXT_PX = 9  # on a narrow screen a chart is never shrunk below this for its smallest text
PHONE_WIDTH_PX = 340  # the text column of a 390-pixel phone


def plain_text(markdown: str) -> str:
    """Markdown as one line of plain text, for an alt text: no marks, tags or escapes."""
    text = literal_dollars(markdown)
    text = re.sub(r"</?q\b[^>]*>", '"', text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\*\*|__|`|(?<!\w)\*|\*(?!\w)", "", text)
    return " ".join(html.unescape(text).split())


def chart_size(mime: str, data: str) -> tuple[float, float, float]:
    """A chart's natural width and height and its smallest text, all in CSS pixels."""
    if mime == "image/svg+xml":
        head = re.search(r"<svg\b[^>]*>", data)
        attrs = dict(re.findall(r'\b(width|height)="([\d.]+)pt"', head.group(0) if head else ""))
        width, height = (float(attrs.get(a, 0)) * 4 / 3 for a in ("width", "height"))
        # matplotlib's SVG: user units are points, and so are its font sizes
        sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)px", data)]
        return width, height, (min(sizes) if sizes else SMALLEST_PT) * 4 / 3
    header = base64.b64decode("".join(data.split())[:44])
    pixels = struct.unpack(">II", header[16:24])
    width, height = (p * 96 / PNG_DPI for p in pixels)
    return width, height, SMALLEST_PT * 4 / 3


def chart_html(mime: str, data: str, alt: str) -> str:
    """A chart as a figure in a frame that scrolls sideways on a phone, never shrunk so far
    that its smallest text falls under ``PHONE_TEXT_PX``."""
    data = data if isinstance(data, str) else "".join(data)
    width, height, smallest = chart_size(mime, data)
    min_width = min(round(width), round(width * PHONE_TEXT_PX / smallest + 0.5))
    if mime == "image/svg+xml":
        data = base64.b64encode(data.encode("utf-8")).decode("ascii")
    chart_hint = tr("Wider than your screen: swipe sideways to see the whole chart.")
    return (
        f'<figure class="handout-chart handout-frame" style="--chart-min-width: {min_width}px">'
        f'<p class="handout-scroll-hint" aria-hidden="true">{chart_hint}</p>'
        f'<img src="data:{mime};base64,{"".join(data.split())}" alt="{html.escape(alt)}" '
        f'width="{round(width)}" height="{round(height)}" data-smallest-text="{smallest:.2f}">'
        "</figure>"
    )


def describe_charts(nb: nbformat.NotebookNode) -> int:
    """Every chart output becomes a described figure (see ``chart_html``); return how many.

    The description is the paragraph that opens the Markdown cell under the chart; it leaves
    the visible text. A chart without one is described by the question above it.
    """
    count = 0
    cells = nb.cells
    for n, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        charts = [
            o for o in cell.get("outputs", []) if any(m in o.get("data", {}) for m in CHART_TYPES)
        ]
        if not charts:
            continue
        alt = ""
        below = cells[n + 1] if n + 1 < len(cells) else None
        if below is not None and below.cell_type == "markdown":
            found = DESCRIPTION.match(below.source)
            if found:
                alt = plain_text(found.group(1) or found.group(2))
                below.source = below.source[found.end() :].strip("\n")
        if not alt:
            above = cells[n - 1].source if n and cells[n - 1].cell_type == "markdown" else ""
            question = re.search(
                r"\*\*(?:Question|Vraag):?\*\*:?\s*(.+?)(?:\n\s*\n|\Z)", above, re.S
            )
            alt = (
                tr("A chart.")
                + " "
                + plain_text(question.group(1) if question else tr("See the text around it."))
            )
        for output in charts:
            data = output["data"]
            mime = next(m for m in CHART_TYPES if m in data)
            output["data"] = {"text/html": chart_html(mime, data[mime], alt), "text/plain": alt}
            output.setdefault("metadata", {}).pop(mime, None)
            count += 1
    nb.cells = [c for c in cells if c.cell_type != "markdown" or c.source.strip()]
    return count


# ---------------------------------------------------------------- code a reader needs


def is_setup(source: str) -> bool:
    """Whether a cell only imports and sets things up (``import ...``, ``style.use()``)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return bool(tree.body) and all(
        isinstance(node, ast.Import | ast.ImportFrom)
        or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call))
        for node in tree.body
    )


DISPLAYS = ("text/html", "text/markdown", "image/svg+xml", "image/png")


def results_only(nb: nbformat.NotebookNode) -> None:
    """Student version: code stays where it shows how a number comes about; a cell that only
    draws a chart, shows a table or quotes the article keeps its result without its code, and
    a set-up cell (imports) goes."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code" and "handout-answer" not in cell.metadata.get("tags", []):
            outputs = cell.get("outputs", [])
            if not outputs and is_setup(cell.source):
                continue
            if any(m in o.get("data", {}) for o in outputs for m in DISPLAYS):
                cell.metadata["transient"] = {"remove_source": True}
        cells.append(cell)
    nb.cells = cells


def exercise_answers() -> dict[str, tuple[str, float | None]]:
    """Exercise id -> (its answer as the key prints it, with the unit; the number, if any)."""
    try:
        from helpers.checks import exercises
        from helpers.teaching import answer_key

        key = answer_key().set_index("id")
        answers: dict[str, tuple[str, float | None]] = {}
        for qid, exercise in exercises().items():
            text = f"{key.loc[qid, 'answer']} {key.loc[qid, 'unit']}".strip()
            value = float(exercise.expected()) if exercise.kind == "number" else None
            answers[qid] = (text, value)
        return answers
    except Exception as error:  # the handouts still build; the teacher's answers are missing
        print(f"Answers not shown: helpers.teaching failed ({error})", flush=True)
        return {}


SOLUTION_CHECK = re.compile(r"""\bcheck\(\s*["'](\d+\.\d+)["']""")


def show_answers(nb: nbformat.NotebookNode, answers: dict[str, tuple[str, float | None]]) -> None:
    """Teacher's version: the answer itself under each worked solution's code."""
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        if cell.cell_type != "code" or "solution" not in cell.metadata.get("tags", []):
            continue
        for qid in SOLUTION_CHECK.findall(cell.source):
            if qid in answers:
                text = html.escape(answers[qid][0])
                cells.append(
                    nbformat.v4.new_markdown_cell(
                        '<p class="handout-key">'
                        + tr("Answer to {exercise}:").format(exercise=qid)
                        + f" <strong>{text}</strong></p>",
                        metadata={"tags": ["solution"]},
                    )
                )
    nb.cells = cells


# ---------------------------------------------------------------- versions


def version(
    nb: nbformat.NotebookNode,
    kind: str,
    units: dict[str, str] | None = None,
    worksheet: bool = False,
    answers: dict[str, tuple[str, float | None]] | None = None,
) -> nbformat.NotebookNode:
    """A copy of the executed notebook cut down to one version.

    nbconvert's TagRemovePreprocessor drops the tagged cells; charts become described figures;
    ``on_paper`` turns the student and reading versions' exercises into answer lines, and the
    student version keeps code only where it shows a calculation; the teacher's version shows
    each exercise's answer under its worked solution. ``worksheet``: the quiz.
    """
    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    tags = TagRemovePreprocessor(
        enabled=True,
        remove_cell_tags=set(REMOVED[kind]),
        remove_input_tags={"remove-input", "hide-input"} if kind != "teacher" else {"remove-input"},
    )
    copy, _ = tags.preprocess(copy, {})
    dollars_as_written(copy)
    describe_charts(copy)
    if kind == "teacher":
        label_solutions(copy)
        show_answers(copy, answers or {})
    else:
        on_paper(copy, kind if kind != "worksheet" else "reading", units or {}, worksheet)
        if kind == "student":
            results_only(copy)
    return copy


def to_html(
    nb: nbformat.NotebookNode,
    source: Source,
    kind: str,
    names: set[str] | None = None,
    title: str = "",
) -> str:
    """A prepared copy as a self-contained HTML page, with the banner of its kind."""
    label, about, _ = versions(kind)
    title = title or source.title
    name = course_name()
    nb.metadata["title"] = f"{title} · {label}"
    resources = {
        "language_code": language.language(),
        "metadata": {"name": source.name, "path": str(source.path.parent)},
        "handout": {
            "kind": kind,
            "course": name,
            "language": language.language(),
            "label": label,
            "about": about,
            "css_course": _css_string(name),
            "css_page_number": page_number_css(),
            "css_title": _css_string(title),
        },
    }
    html_exporter = exporter()
    html_exporter.exclude_input = kind in ("reading", "worksheet", "answers")
    html_exporter.language_code = language.language()  # <html lang="...">
    body, _ = html_exporter.from_notebook_node(nb, resources=resources)
    for emoji, mark in MARKS.items():
        body = body.replace(emoji, mark)
    names = names or set()
    body = re.sub(
        r'href="(?:\.\.?/)?(?:notebooks/)?([\w.-]+)\.ipynb((?:#[^"]*)?)"',
        lambda m: f'href="{m.group(1)}.html{m.group(2)}"' if m.group(1) in names else m.group(0),
        body,
    )
    return numbers_unbroken(framed_tables(local_links_as_text(body, names)))


LOCAL_LINK = re.compile(r'<a href="(?![a-z][\w+.-]*:|#)([^"]*)"[^>]*>(.*?)</a>', re.S)


def local_links_as_text(page: str, names: set[str]) -> str:
    """A link to a file of the course folder (``../deploy/README.md``) would be broken in a
    handout, which can be opened anywhere: it prints as its text (which names the file)."""

    def unlink(match: re.Match[str]) -> str:
        target = match.group(1).split("#")[0]
        if target.endswith(".html") and Path(target).stem in names:
            return match.group(0)
        return match.group(2)

    return LOCAL_LINK.sub(unlink, page)


def render(
    nb: nbformat.NotebookNode,
    source: Source,
    kind: str,
    names: set[str],
    units: dict[str, str] | None = None,
    answers: dict[str, tuple[str, float | None]] | None = None,
) -> str:
    """One handout version as a self-contained HTML page."""
    copy = version(nb, kind, units, worksheet="reading" not in source.kinds, answers=answers)
    return to_html(copy, source, kind, names)


# ---------------------------------------------------------------- worksheets and answer sheets


def name_line() -> str:
    """The worksheet's line for the student's name, class and date."""
    return (
        f'<div class="handout-name"><span>{tr("Name:")}</span>'
        '<span class="handout-answer-blank"></span>'
        f'<span>{tr("Class:")}</span><span class="handout-answer-blank short"></span>'
        f'<span>{tr("Date:")}</span><span class="handout-answer-blank short"></span></div>'
    )


def working_box() -> str:
    """Room for a student's working under an answer line."""
    room = tr("Room for your working")
    return f'<div class="handout-working" aria-label="{room}">{tr("Working:")}</div>'


NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?")


def _numbers(text: str) -> list[float]:
    found = []
    for token in NUMBER.findall(text):
        try:
            found.append(float(token.replace(",", "")))
        except ValueError:
            continue
    return found


def reveals(text: str, values: list[float]) -> bool:
    """Whether a text shows one of these answers (a number within 0.5% of it)."""
    return any(
        value and abs(number - value) <= 0.005 * abs(value)
        for number in _numbers(text)
        for value in values
    )


def _output_text(output: dict) -> str:
    data = output.get("data", {})
    text = data.get("text/html") or data.get("text/plain") or output.get("text", "")
    return "".join(text) if isinstance(text, list) else str(text)


def is_data(output: dict) -> bool:
    """A table, or a printed fact with words in it (not a bare number, chart or quotation)."""
    data = output.get("data", {})
    if "text/html" in data:
        return "<table" in _output_text(output) and "handout-chart" not in _output_text(output)
    if set(data) - {"text/plain"} or output.get("output_type") == "error":
        return False
    text = data.get("text/plain", "") or output.get("text", "")
    return len(re.findall(r"[A-Za-z]{3,}", "".join(text) if isinstance(text, list) else text)) >= 2


def worksheet_notebook(
    nb: nbformat.NotebookNode,
    source: Source,
    units: dict[str, str] | None = None,
    answers: dict[str, tuple[str, float | None]] | None = None,
) -> nbformat.NotebookNode:
    """A lesson's exercises on paper: for each, the tables and facts printed since the one
    before in its section (what the student needs), the question, an answer line and room
    for working.

    Nothing from a solution is in it; a table or fact that shows the answer to an exercise
    met earlier on the sheet (the notebook computes it again for later use) is left out.
    """
    answers = answers or {}
    copy = version(nb, "worksheet", units)
    cells = [
        nbformat.v4.new_markdown_cell(f"# {source.title}\n\n{name_line()}"),
        nbformat.v4.new_markdown_cell(
            tr(
                "*How to use this worksheet:* each exercise comes with the numbers it needs, "
                "printed above it. Work it out on paper (a calculator helps) and write the "
                "answer on its line, with the unit; show how you got there in the box below it."
            )
        ),
    ]
    data: list[nbformat.NotebookNode] = []
    met: list[float] = []
    for cell in copy.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            kept = [o for o in cell.get("outputs", []) if is_data(o)]
            kept = [o for o in kept if not reveals(_output_text(o), met)]
            if kept:
                cell.outputs = kept
                data.append(cell)
        elif "handout-answer" in tags:
            cell.source += "\n" + working_box()
            cells.append(cell)
            qid = re.search(r'data-exercise="([\d.]+)"', cell.source)
            value = answers.get(qid.group(1), ("", None))[1] if qid else None
            if value is not None:
                met.append(value)
        elif cell.cell_type == "markdown" and not EXERCISE_HEADING.search(cell.source):
            if re.search(r"^##\s", cell.source, re.M):
                data = []  # a new section: what came before is about something else
        elif cell.cell_type == "markdown":
            if data:
                cells.append(
                    nbformat.v4.new_markdown_cell(
                        tr("*The numbers you need:*"), metadata={"tags": ["handout-data-label"]}
                    )
                )
                cells += data
            data = []
            cells.append(cell)
    copy.cells = cells
    return copy


def render_worksheet(
    nb: nbformat.NotebookNode,
    source: Source,
    units: dict[str, str] | None = None,
    answers: dict[str, tuple[str, float | None]] | None = None,
) -> str:
    """A lesson's worksheet as a self-contained HTML page (``worksheet_notebook``)."""
    return to_html(worksheet_notebook(nb, source, units, answers), source, "worksheet")


def lesson_number(source: Source) -> str:
    """ "02" for notebooks/02-incentives.ipynb, "quiz" for the quiz."""
    return source.name[:2] if source.name[:2].isdigit() else source.name


def render_answer_sheet(source: Source) -> str:
    """A lesson's answers on one page (``helpers.teaching.answer_sheet_markdown``)."""
    from helpers.teaching import answer_sheet_markdown

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(answer_sheet_markdown(lesson_number(source)))]
    dollars_as_written(nb)
    return to_html(nb, source, "answers")


# ---------------------------------------------------------------- for a phone
TABLE = re.compile(r"<table\b.*?</table>", re.S)
CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t\1>", re.S)
ROW = re.compile(r"<tr\b.*?</tr>", re.S)
CHAR_PX = 7.2  # an average character of a table's 12-13 px text
COLUMN_CAP_PX = 190  # a text column gets this much before it wraps (about 26 characters)
CELL_PADDING_PX = 16


def table_min_width(table: str) -> int:
    """How wide a table must be to read well: each column as wide as its longest cell up to
    ``COLUMN_CAP_PX``, and never narrower than its longest word or number."""
    widths: dict[int, float] = {}
    for row in ROW.findall(table):
        for n, (_, cell) in enumerate(CELL.findall(row)):
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            longest_word = max((len(w) for w in text.split()), default=0)
            want = max(min(len(text) * CHAR_PX, COLUMN_CAP_PX), longest_word * CHAR_PX)
            widths[n] = max(widths.get(n, 0.0), want + CELL_PADDING_PX)
    return round(sum(widths.values()))


# A table cell of words (not a number or a date) reads left-aligned; pandas aligns all right.
WORDY_CELL = re.compile(r"<td((?:\s[^>]*)?>\s*(?=[^<\d\s-]*[A-Za-z]{2}))")


def framed_tables(page: str) -> str:
    """Every table in a frame that scrolls sideways on a narrow screen, with a hint when it is
    wider than a phone's text column."""

    def frame(match: re.Match[str]) -> str:
        table = WORDY_CELL.sub(r'<td class="handout-text"\1', match.group(0))
        width = table_min_width(table)
        wide = " handout-wide" if width > PHONE_WIDTH_PX else ""
        hint = tr("Wide table: swipe sideways to see every column.")
        return (
            f'<div class="handout-table-frame handout-frame{wide}" role="region" tabindex="0" '
            f'aria-label="{tr("Table")}" style="--table-min-width: {width}px">'
            f'<p class="handout-scroll-hint" aria-hidden="true">{hint}</p>{table}</div>'
        )

    return TABLE.sub(frame, page)


# 1,300,000 and $2,000 and 29.6% stay on one line; code and styles are left alone.
LONG_NUMBER = re.compile(
    r"(?<![\w.,])(?:US)?[$£€]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:%|bn\b|m\b)?"
    r"|(?<![\w.,])[$£€]\d+(?:\.\d+)?(?:bn\b|m\b)?"
)
LEAVE_ALONE = {"style", "script", "pre", "code", "svg", "title", "textarea"}


def numbers_unbroken(page: str) -> str:
    """Wrap long numbers in text in ``<span class="handout-num">`` (never broken inside)."""
    parts = re.split(r"(<[^>]*>)", page)
    inside: list[str] = []
    for n, part in enumerate(parts):
        if part.startswith("<"):
            tag = re.match(r"<(/?)([a-zA-Z][\w-]*)", part)
            if tag and tag.group(2).lower() in LEAVE_ALONE and not part.endswith("/>"):
                if tag.group(1):
                    if inside and inside[-1] == tag.group(2).lower():
                        inside.pop()
                else:
                    inside.append(tag.group(2).lower())
            continue
        if not inside and part:
            parts[n] = LONG_NUMBER.sub(r'<span class="handout-num">\g<0></span>', part)
    return "".join(parts)


# ---------------------------------------------------------------- index


INDEX_CSS = """
body { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; max-width: 920px;
  margin: 2em auto; padding: 0 1em; color: #1a1a1a; line-height: 1.5; }
.frame { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
td:nth-child(2) { min-width: 5.5em; }
td.links a { display: inline-block; margin-right: 0.8em; white-space: nowrap; }
.note { color: #555; font-size: 0.92em; }
.teacher { border-left: 5px solid #7a3e00; padding-left: 10px; }
@media (max-width: 600px) {
  body { margin: 1em auto; padding: 0 10px; }
  /* a phone: each notebook's row becomes a block, its links wrapping under the title */
  table, tbody, tr, td { display: block; }
  tr:first-child { display: none; }
  tr { padding: 6px 0; border-bottom: 1px solid #ddd; }
  td { padding: 2px 0; border: none; }
}
"""


def _links(source: Source, kinds: tuple[str, ...], base: Path) -> list[str]:
    """Links to a notebook's handouts of these kinds (HTML, and PDF where printed), from base."""
    links = []
    for kind in kinds:
        if kind not in source.outputs:
            continue
        word = words()[kind]
        href = source.outputs[kind].relative_to(base).as_posix()
        links.append(f'<a href="{href}">{word} (HTML)</a>')
        if f"{kind}.pdf" in source.outputs:
            links.append(f'<a href="{href[:-5]}.pdf">{word} (PDF)</a>')
    return links


def words() -> dict[str, str]:
    """Each kind of handout as the index's links name it."""
    return {
        "student": tr("Student"),
        "reading": tr("Reading"),
        "worksheet": tr("Worksheet"),
        "teacher": tr("Teacher"),
        "answers": tr("Answer sheet"),
    }


def _row(source: Source, kinds: tuple[str, ...], base: Path) -> str:
    links = _links(source, kinds, base)
    if not links:
        return ""
    if source.is_guide:
        teacher, guide = words()["teacher"], tr("Guide")
        links = [link.replace(f">{teacher} (", f">{guide} (") for link in links]
    return (
        f"<tr><td>{html.escape(source.title)}</td><td>{html.escape(source.time)}</td>"
        f'<td class="links">{" ".join(links)}</td></tr>'
    )


# The other edition's index, from an edition's top folder: (link, its words).
SWITCH = {
    "en": ("nl/index.html", "Nederlands: de hand-outs in het Nederlands"),
    "nl": ("../index.html", "English: the handouts in English"),
}


def _page(title: str, sections: list[tuple[str, str, list[str], bool]], switch: str = "") -> str:
    """An index page; ``switch``: the link to the other edition's index (top page only)."""
    code = language.language()
    lab = "make lab" if code == "en" else f"make lab-{code}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{code}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        f"<title>{html.escape(title)}</title><style>{INDEX_CSS}</style></head><body>",
        switch,
        f"<h1>{html.escape(title)}</h1>",
        '<p class="note">'
        + tr(
            "Handouts of the course, built from the notebooks. They work offline: open any of "
            "them in a browser, or print the PDFs (A4). The live charts and exercises run in "
            "JupyterLab ({command})."
        ).format(command=f"<code>{lab}</code>")
        + "</p>",
    ]
    for heading, note, rows, teacher in sections:
        rows = [r for r in rows if r]
        if not rows:
            continue
        cls = ' class="teacher"' if teacher else ""
        columns = (tr("Notebook"), tr("Time"), tr("Handouts"))
        parts += [
            f"<section{cls}><h2>{html.escape(heading)}</h2>",
            f'<p class="note">{html.escape(note)}</p>',
            '<div class="frame"><table><tr>' + "".join(f"<th>{c}</th>" for c in columns) + "</tr>",
            *rows,
            "</table></div></section>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts)


def write_indexes(sources: list[Source], out: Path, switch: bool = False) -> list[Path]:
    """``index.html`` for everything, and one per folder so a set can be handed out alone.

    ``switch``: the top page links to the other edition's index (both editions were built).
    """
    lessons = [s for s in sources if "reading" in s.kinds]
    quiz = [s for s in sources if s.kinds == QUIZ_KINDS]
    guide = [s for s in sources if s.is_guide]
    code = language.language()
    other = ""
    if switch:
        href, text = SWITCH[code]
        other = f'<p class="switch" lang="{"nl" if code == "en" else "en"}"><a href="{href}">{text}</a></p>'
    top = _page(
        course_name(),
        [
            (
                tr("For students and readers"),
                tr(
                    "Student handouts keep the exercises (no answers) and the code that works "
                    "out a number; reading versions give the argument without code; worksheets "
                    "give each lesson's exercises with the numbers they need and room to write."
                ),
                [_row(s, ("student", "reading", "worksheet"), out) for s in lessons + quiz],
                False,
            ),
            (
                tr("For teachers"),
                tr(
                    "The guide (lesson plans, answer key, rubric, background), each lesson's "
                    "teacher's version with the worked solutions, and a one-page answer sheet. "
                    "Keep them away from students."
                ),
                [_row(s, ("teacher", "answers"), out) for s in guide + lessons + quiz],
                True,
            ),
        ],
        other,
    )
    written = [out / "index.html"]
    written[0].write_text(top, encoding="utf-8")
    folders = {
        "student": (tr("Student handouts"), ("student",), lessons + quiz),
        "reading": (tr("Reading versions"), ("reading",), lessons),
        "worksheet": (tr("Worksheets"), ("worksheet",), lessons),
        "teacher": (tr("Teacher's versions"), ("teacher", "answers"), guide + lessons + quiz),
    }
    for folder, (heading, kinds, members) in folders.items():
        if not (out / folder).is_dir():
            continue
        page = _page(
            f"{course_name()}: {heading.lower()}",
            [
                (
                    heading,
                    versions(kinds[0])[1],
                    [_row(s, kinds, out / folder) for s in members],
                    folder == "teacher",
                )
            ],
        )
        path = out / folder / "index.html"
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


# What a printed page must be: charts sharp, and no page left mostly empty.
MIN_PPI = 200
MAX_EMPTY = 1 / 3
A4_MM = 297
BODY_MM = (16, 15)  # the top and bottom margins of handout.css's @page: headers live there


def page_fill(path: Path, dpi: int = 24) -> list[float]:
    """How full each page is: from the top of the text area to its lowest ink, as a share of
    the text area's height (needs pdftoppm and Pillow; [] without them)."""
    try:
        import numpy as np
        from PIL import Image
    except ImportError:
        return []
    if not shutil.which("pdftoppm"):
        return []
    fills = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", str(path), f"{tmp}/p"],
            check=True,
            capture_output=True,
        )
        for page in sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
            ink = np.asarray(Image.open(page)) < 200
            height = ink.shape[0]
            top = round(height * BODY_MM[0] / A4_MM)
            bottom = round(height * (A4_MM - BODY_MM[1]) / A4_MM)
            rows = np.flatnonzero(ink[top:bottom].any(axis=1))
            fills.append(float(rows[-1] + 1) / (bottom - top) if rows.size else 0.0)
    return fills


def image_ppi(path: Path) -> list[float]:
    """The resolution on the page of every raster image in a PDF (pdfimages -list); [] when
    every chart is vector (or pdfimages is missing)."""
    if not shutil.which("pdfimages"):
        return []
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    ppi = []
    for line in listing.splitlines()[2:]:
        fields = line.split()
        if len(fields) >= 14 and fields[2] == "image":
            ppi.append(min(float(fields[12]), float(fields[13])))
    return ppi


@dataclass
class PrintCheck:
    """What a printed PDF looks like: pages, how full each is, and its raster images' ppi."""

    pages: int
    fill: list[float]
    ppi: list[float]

    @classmethod
    def of(cls, path: Path) -> PrintCheck:
        return cls(pdf_pages(path), page_fill(path), image_ppi(path))

    @property
    def emptiest(self) -> float:
        """The least full page but the last (the last page of a handout may be short)."""
        return min(self.fill[:-1], default=1.0)

    def problems(self) -> list[str]:
        said = []
        if self.ppi and min(self.ppi) < MIN_PPI:
            said.append(f"a chart at {min(self.ppi):.0f} ppi (under {MIN_PPI})")
        if self.emptiest < 1 - MAX_EMPTY:
            said.append(f"a page only {self.emptiest:.0%} full")
        return said

    def summary(self) -> str:
        charts = f"images at {min(self.ppi):.0f} ppi or more" if self.ppi else "vector only"
        fill = ""
        if self.fill and self.pages > 1:
            fill = f", every page but the last {self.emptiest:.0%} full or more"
        return f"{self.pages} page{'s' if self.pages != 1 else ''}, {charts}{fill}"


# ---------------------------------------------------------------- main


def build(
    out: Path = DEFAULT_OUT,
    execute: bool = True,
    pdf: bool = True,
    only: list[Path] | None = None,
    jobs: int | None = None,
    root: Path = ROOT,
) -> list[Source]:
    """Build every handout of both editions: English under ``out``, Dutch under ``out/nl``
    (each with its index, the two linked); return the sources with what was written."""
    editions = []
    for code in course.LANGUAGES:
        found = find_sources(root, only, language=code)
        if found:
            editions.append((code, found))
    if not editions:
        print("No notebooks found.")
        return []
    built: list[Source] = []
    before = language.language()
    try:
        for code, sources in editions:
            language.set_language(code)
            where = out if code == "en" else out / code
            print(f"-- {course.load(root / 'course.toml', code).title} ({code}): {where}")
            built += build_edition(where, sources, execute, pdf, jobs, switch=len(editions) > 1)
    finally:
        language.set_language(before)
    return built


def build_edition(
    out: Path,
    sources: list[Source],
    execute: bool = True,
    pdf: bool = True,
    jobs: int | None = None,
    switch: bool = False,
) -> list[Source]:
    """Build one edition's handouts under ``out``, in the language in use."""
    start = time.perf_counter()
    jobs = jobs or os.cpu_count() or 2
    print(
        f"{'Executing' if execute else 'Reading'} {len(sources)} notebook(s)"
        + ("" if execute else " (stored outputs)")
        + f" and writing their HTML, {min(jobs, len(sources))} at a time",
        flush=True,
    )
    # Remove only what an earlier build wrote, never a whole folder given by mistake.
    for folder in {folder for folder, _ in PLACES.values()}:
        shutil.rmtree(out / folder, ignore_errors=True)
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
    answers = exercise_answers()
    sources = build_html(sources, out, execute, jobs, units=units, answers=answers)
    warnings: list[str] = []
    if printer_wanted := browser is not None:
        print("Printing A4 PDFs with Chromium", flush=True)
    with ExitStack() as stack:
        printer = stack.enter_context(Printer(browser)) if printer_wanted else None

        def print_pdfs(source: Source) -> None:
            """Print a notebook's handouts to A4 PDF, and check the pages."""
            for kind in source.printed:
                if printer is None or kind not in source.outputs:
                    continue
                pdf_path = source.outputs[kind].with_suffix(".pdf")
                try:
                    seconds = printer.print(source.outputs[kind], pdf_path)
                except Exception as error:  # report it, and go on with the others
                    source.error = f"printing {pdf_path.name} failed: {error}"[:400]
                    print(f"  FAILED {source.error}", flush=True)
                    continue
                source.outputs[f"{kind}.pdf"] = pdf_path
                check = source.checks[kind] = PrintCheck.of(pdf_path)
                where = pdf_path.relative_to(out).as_posix()
                print(f"  {where}: {check.summary()} ({seconds:.1f} s)", flush=True)
                if kind in ("student", "reading", "worksheet") or kind == "answers":
                    warnings.extend(f"{where}: {problem}" for problem in check.problems())
                if kind == "answers" and check.pages != 1:
                    warnings.append(f"{where}: {check.pages} pages, not one")

        for source in sources:
            print_pdfs(source)
    write_indexes(sources, out, switch)

    failed = [s for s in sources if s.error]
    print(f"\nWrote to {out}:")
    for folder in sorted({PLACES[k][0] for s in sources for k in s.kinds}):
        files = sorted(
            p.relative_to(out).as_posix()
            for s in sources
            for k, p in s.outputs.items()
            if p.parent == out / folder
        )
        htmls = sum(f.endswith(".html") for f in files)
        pdfs = sum(f.endswith(".pdf") for f in files)
        print(f"  {folder + '/':<11} {htmls:2d} HTML, {pdfs:2d} PDF, with index.html")
    print(
        f"Handouts: {len(sources) - len(failed)} of {len(sources)} notebook(s) "
        f"in {time.perf_counter() - start:.1f} s"
    )
    if pdf_note:
        print(pdf_note)
    for warning in warnings:
        print(f"CHECK {warning}")
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
