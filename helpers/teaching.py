"""For the teacher guide: the answer key and the course map, generated so they never go stale.

The answer key is built from ``helpers.checks.exercises()`` (every exercise of every
notebook and of the quiz), so the guide always shows what ``check`` accepts. The course map
reads each notebook's opening cells (title, **Time:**, ``## Learning objectives``).

>>> key = answer_key()
>>> "240,000,000" in set(key["answer"])
True
>>> key.set_index("id").loc["1.1", "notebook"]
'01'
>>> course_map().loc[0, "strand"]
'reading the article'
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from numbers import Real
from pathlib import Path

import pandas as pd

from helpers import course as manifest
from helpers.checks import Exercise, exercises, round_to_figures
from helpers.language import language, number, number_text, tr
from helpers.markdown import escape_dollars

__all__ = [
    "QUIZ",
    "answer_key",
    "answer_sheet_markdown",
    "course_map",
    "discussion_questions",
    "format_answer",
    "headline_numbers",
    "notebook_of",
    "notebook_sections",
    "show_answer_key",
    "show_course_map",
    "show_discussion_questions",
    "worksheet_markdown",
]

QUIZ = "quiz"


def _sort_key(qid: str) -> tuple[int, ...]:
    return tuple(int(p) for p in qid.split("."))


def notebook_of(qid: str) -> str:
    """The notebook an exercise belongs to: ``"01"`` ... ``"06"``, or ``"quiz"`` for ``0.k``.

    >>> notebook_of("3.2"), notebook_of("0.3")
    ('03', 'quiz')
    """
    if not isinstance(qid, str) or not re.fullmatch(r"\d+\.\d+", qid):
        raise ValueError(f"qid must be an exercise id like '3.2', got {qid!r}")
    number = int(qid.split(".")[0])
    return QUIZ if number == 0 else f"{number:02d}"


def _number_text(value: float) -> str:
    """A number as a teacher would write it: 240,000,000; 1,354; 42.7; 8.33; 0.43.

    In the language in use: 240.000.000; 42,7; 0,43 in Dutch.
    """
    if value == int(value) and abs(value) < 1e15:
        return number(int(value))
    if abs(value) >= 100:
        return number(value)
    if abs(value) >= 10:
        return number(value, 1)
    if abs(value) >= 1:
        return number(value, 2)
    return number_text(f"{value:.2g}")


def format_answer(value: object) -> str:
    """An answer formatted sensibly for the key: numbers rounded, choices as written.

    >>> format_answer(240_000_000.0), format_answer(8.333), format_answer(2102.75)
    ('240,000,000', '8.33', '2,103')
    >>> format_answer("c"), format_answer(["c", "a"])
    ('c', 'a, c')
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Real):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            return str(number)
        return _number_text(number)
    if isinstance(value, str):
        return value
    try:
        return ", ".join(sorted(str(v) for v in value))  # type: ignore[union-attr]
    except TypeError:
        return str(value)


def _accepted(exercise: Exercise, value: object) -> str:
    """What ``check`` accepts, in words: 'the check accepts 237,600,000 to 242,400,000'."""
    if exercise.kind == "choice":
        return tr("capitals, stray spaces and brackets like (c) are ignored")
    if exercise.kind == "choices":
        return tr("the letters in any order")
    target = float(value)  # type: ignore[arg-type]
    margin = max(exercise.rel_tol * abs(target), exercise.abs_tol)
    rounded = _number_text(round_to_figures(target, exercise.sig_figs))
    if exercise.sig_figs == 1:
        text = tr(
            "the check accepts {low} to {high}, "
            "and the answer rounded to {figures} significant figure ({rounded})"
        )
    else:
        text = tr(
            "the check accepts {low} to {high}, "
            "and the answer rounded to {figures} significant figures ({rounded})"
        )
    return text.format(
        low=_number_text(target - margin),
        high=_number_text(target + margin),
        figures=number(exercise.sig_figs),
        rounded=rounded,
    )


def _computed(qid: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """An exercise's answer, accepted range and wrong answers as text, in the language in use."""
    return _computed_in(qid, language())


@cache
def _computed_in(qid: str, code: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """``_computed`` for one language (computed once per language; ``code`` keys the cache)."""
    exercise = exercises()[qid]
    value = exercise.expected()
    wrong = tuple((format_answer(m.answer()), tr(m.says)) for m in exercise.mistakes)
    return format_answer(value), _accepted(exercise, value), wrong


def answer_key(notebook: str | None = None) -> pd.DataFrame:
    """Every exercise with its computed answer, working and usual wrong answers.

    ``notebook`` picks one: ``"01"`` ... ``"06"`` or ``"quiz"``; ``None`` gives all.
    Columns: id, notebook, question, answer, unit, accepted, working, hint,
    usual wrong answers (one per line: the wrong value, then what ``check`` says).

    >>> list(answer_key("01")["id"])[:3]
    ['1.1', '1.2', '1.3']
    >>> answer_key("99")
    Traceback (most recent call last):
    ...
    ValueError: notebook must be one of ['01', '02', '03', '04', '05', '06', 'quiz'] or None, got '99'
    """
    allowed = [lesson.number for lesson in manifest.lessons()] + [QUIZ]
    if notebook is not None and notebook not in allowed:
        raise ValueError(f"notebook must be one of {allowed} or None, got {notebook!r}")
    rows = []
    for qid in sorted(exercises(), key=_sort_key):
        if notebook is not None and notebook_of(qid) != notebook:
            continue
        exercise = exercises()[qid]
        answer, accepted, wrong = _computed(qid)
        rows.append(
            {
                "id": qid,
                "notebook": notebook_of(qid),
                "question": tr(exercise.question),
                "answer": answer,
                "unit": tr(exercise.unit),
                "accepted": accepted,
                "working": tr(exercise.working),
                "hint": tr(exercise.hint),
                "usual wrong answers": "\n".join(f"{w}: {says}" for w, says in wrong),
            }
        )
    columns = [
        "id",
        "notebook",
        "question",
        "answer",
        "unit",
        "accepted",
        "working",
        "hint",
        "usual wrong answers",
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class _Markdown:
    """Shows as Markdown in a notebook and in the handouts; a one-line summary as text."""

    markdown: str
    summary: str

    def _repr_markdown_(self) -> str:
        return escape_dollars(self.markdown)

    def __repr__(self) -> str:
        return self.summary


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _exercise_markdown(row: pd.Series) -> str:
    unit = f" {row['unit']}" if row["unit"] else ""
    lines = [
        f"**{row['id']}** {row['question']}",
        "",
        tr("- **Answer:** {answer}{unit} ({accepted}).").format(
            answer=row["answer"], unit=unit, accepted=row["accepted"]
        ),
    ]
    if row["working"]:
        lines.append(tr("- **Working:** {working}").format(working=row["working"]))
    for wrong, says in _computed(row["id"])[2]:
        lines.append(
            tr("- **Usual wrong answer:** {wrong}. *The check says:* {says}").format(
                wrong=wrong, says=says
            )
        )
    lines.append(tr("- **Hint the check gives otherwise:** {hint}").format(hint=row["hint"]))
    return "\n".join(lines)


def _heading(notebook: str, titles: dict[str, str]) -> str:
    """A notebook's title for a heading: the lesson's title, "The quiz" or "Notebook NN"."""
    if notebook == QUIZ:
        return tr("The quiz")
    return titles.get(notebook) or tr("Notebook {number}").format(number=notebook)


def show_answer_key(notebook: str | None = None) -> _Markdown:
    """The answer key as Markdown, grouped by notebook (see ``answer_key``).

    >>> show_answer_key("01")
    Answer key: 7 exercises (1.1 to 1.7).
    >>> "**Answer:** 240,000,000 US dollars" in show_answer_key("01")._repr_markdown_()
    True
    """
    key = answer_key(notebook)
    parts = []
    titles = {row["number"]: row["title"] for _, row in course_map().iterrows()}
    for nb, group in key.groupby("notebook", sort=False):
        parts.append(f"### {_heading(str(nb), titles)}")
        for _, row in group.iterrows():
            parts.append(_exercise_markdown(row))
    if key.empty:
        return _Markdown(tr("*No exercises yet.*"), tr("Answer key: no exercises yet."))
    summary = tr("Answer key: {count} exercises ({first} to {last}).").format(
        count=number(len(key)), first=key["id"].iloc[0], last=key["id"].iloc[-1]
    )
    return _Markdown("\n\n".join(parts), summary)


def _first_sentence(text: str) -> str:
    """'that is a month. The question asks ...' -> 'that is a month'."""
    found = re.match(r"(.+?)[.;:!?](?:\s|$)", text.strip())
    return (found.group(1) if found else text.strip()).strip()


def answer_sheet_markdown(notebook: str) -> str:
    """One notebook's answers on one printed page: the answer key cut to what a teacher marks with.

    A table: each exercise with its question, the answer (with its unit, and the rounded value
    the check also accepts), and the usual wrong answers with the slip each one reveals.
    ``tools/handouts.py`` prints it as the lesson's answer sheet.

    >>> sheet = answer_sheet_markdown("01")
    >>> sheet.splitlines()[0]
    '# Answer sheet · 01 · Reading the article: who claims what, and on whose authority?'
    >>> "**240,000,000 US dollars**" in sheet
    True
    """
    key = answer_key(notebook)
    titles = {row["number"]: row["title"] for _, row in course_map().iterrows()}
    lines = [
        tr("# Answer sheet · {title}").format(title=_heading(notebook, titles)),
        "",
        tr(
            "For the teacher: keep it away from students. Every answer is computed from the "
            "course's sources; the check also accepts the answer rounded as shown. The full "
            "working and the hints are in the teacher guide's answer key."
        ),
        "",
        tr("| # | question | answer | usual wrong answers, and the slip behind each |"),
        "|---|---|---|---|",
    ]
    decimal = number_text(".")  # the decimal mark of the language in use
    for _, row in key.iterrows():
        exercise = exercises()[row["id"]]
        answer = f"**{row['answer']}{' ' + row['unit'] if row['unit'] else ''}**"
        if exercise.kind == "number":
            rounded = _number_text(
                round_to_figures(float(exercise.expected()), exercise.sig_figs)  # type: ignore[arg-type]
            )
            if decimal in rounded:  # 7.40 -> 7.4, 30.0 -> 30
                rounded = rounded.rstrip("0").rstrip(decimal)
            if rounded != row["answer"]:
                answer += tr(" (or {rounded})").format(rounded=rounded)
        wrong = "; ".join(
            f"{value}: {_first_sentence(says)}" for value, says in _computed(row["id"])[2]
        )
        lines.append(
            f"| {row['id']} | {_escape(row['question'])} | {_escape(answer)} | "
            f"{_escape(wrong) or '-'} |"
        )
    return escape_dollars("\n".join(lines)) + "\n"


def _read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _markdown_of(path: Path) -> str:
    cells = _read_notebook(path)["cells"]
    return "\n\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in cells
        if c["cell_type"] == "markdown"
    )


def _section(text: str, heading: str) -> str:
    """The text under ``## heading``: the heading in the language in use, else in English.

    (A lesson not translated yet still shows its English objectives and questions.)
    """
    for name in dict.fromkeys((tr(heading), heading)):
        found = re.search(rf"^## {re.escape(name)}\n(.*?)(?=^#{{1,2}} |\Z)", text, re.M | re.S)
        if found:
            return found.group(1)
    return ""


def _course(course: manifest.Course | None = None) -> manifest.Course:
    """The course as ``course.toml`` lists it, in the language in use: the Dutch edition's
    titles, strands, questions and notebooks come from its ``[lesson.nl]`` tables."""
    return course or manifest.load(language=language())


def _bullets(block: str, pattern: str = r"^\s*[-*] (.+)$") -> list[str]:
    return [b.strip() for b in re.findall(pattern, block, flags=re.M)]


def _notebook_paths(course: manifest.Course | None = None) -> dict[str, Path]:
    """The lessons that are in the repository, by number (``course.toml`` lists them)."""
    course = _course(course)
    return {nb.number: nb.path for nb in course.lessons if nb.path.is_file()}


def notebook_sections(number: str) -> pd.DataFrame:
    """A notebook's ``## `` sections in order, with the exercises each one checks.

    >>> sections = notebook_sections("01")
    >>> sections.columns.tolist()
    ['notebook', 'section', 'exercises']
    >>> sorted(q for ids in sections["exercises"] for q in ids) == sorted(
    ...     answer_key("01")["id"], key=_sort_key)
    True
    """
    paths = _notebook_paths()
    if number not in paths:
        return pd.DataFrame(columns=["notebook", "section", "exercises"])
    rows: list[dict] = []
    for cell in _read_notebook(paths[number])["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            for heading in re.findall(r"^## (.+)$", source, flags=re.M):
                rows.append({"notebook": number, "section": heading.strip(), "exercises": []})
        elif "solution" not in cell.get("metadata", {}).get("tags", []) and rows:
            for qid in re.findall(r"""check\(\s*["'](\d+\.\d+)["']""", source):
                if qid not in rows[-1]["exercises"]:
                    rows[-1]["exercises"].append(qid)
    return pd.DataFrame(rows, columns=["notebook", "section", "exercises"])


_SKIPPED_SECTIONS = ("Learning objectives", "Summary", "Discussion questions")


def _skipped_sections() -> set[str]:
    """The sections the course map does not list, in English and in the language in use."""
    translated = (tr("Learning objectives"), tr("Summary"), tr("Discussion questions"))
    return {*_SKIPPED_SECTIONS, *translated}


def course_map(course: manifest.Course | None = None) -> pd.DataFrame:
    """The lessons: number, strand, title, time, objectives, exercises, status.

    The list, titles, questions and times come from ``course.toml``; the objectives from each
    notebook's ``## Learning objectives``. A lesson listed there whose notebook is not in the
    repository yet shows as "planned".

    >>> row = course_map().iloc[0]
    >>> row["number"], int(row["minutes"]), row["status"]
    ('01', 60, 'ready')
    >>> len(row["objectives"]) >= 3
    True
    """
    course = _course(course)
    paths = _notebook_paths(course)
    counts = pd.Series([notebook_of(q) for q in exercises()]).value_counts()
    rows = []
    for lesson in course.lessons:
        ready = lesson.number in paths
        text = _markdown_of(paths[lesson.number]) if ready else ""
        rows.append(
            {
                "number": lesson.number,
                "strand": lesson.strand,
                "question": lesson.question,
                "title": lesson.heading.removeprefix("# "),
                "file": lesson.file,
                "time": tr("about {minutes} minutes").format(minutes=number(lesson.minutes)),
                "minutes": lesson.minutes,
                "objectives": _bullets(_section(text, "Learning objectives")) if ready else [],
                "exercises": int(counts.get(lesson.number, 0)),
                "status": "ready" if ready else "planned",
            }
        )
    return pd.DataFrame(rows)


def show_course_map(course: manifest.Course | None = None) -> _Markdown:
    """The course map as Markdown: a table, then each notebook's objectives.

    >>> show_course_map()._repr_markdown_().startswith("| # | strand |")
    True
    """
    table = course_map(course)
    lines = [tr("| # | strand | notebook | time | exercises |"), "|---|---|---|---|---|"]
    for _, row in table.iterrows():
        name = row["title"]
        if row["status"] != "ready":
            name = tr("{title} (being written)").format(title=row["title"])
        time = row["time"] or "-"
        lines.append(
            f"| {row['number']} | {row['strand']} | {_escape(name)} | {time} | {row['exercises']} |"
        )
    parts = ["\n".join(lines)]
    total = int(table["minutes"].sum())
    parts.append(
        tr(
            "Notebooks in the repository: {ready} of {count}; "
            "their times add up to about {minutes} minutes."
        ).format(
            ready=number(int((table["status"] == "ready").sum())),
            count=number(len(table)),
            minutes=number(total),
        )
    )
    skipped = _skipped_sections()
    for _, row in table.iterrows():
        if row["status"] != "ready":
            parts.append(
                tr(
                    "**{number} ({strand}):** {question} "
                    "*Not in the repository yet: its objectives will show here.*"
                ).format(number=row["number"], strand=row["strand"], question=row["question"])
            )
            continue
        bullets = "\n".join(f"- {o}" for o in row["objectives"])
        sections = []
        for _, sec in notebook_sections(row["number"]).iterrows():
            ids = sec["exercises"]
            if sec["section"] in skipped:
                continue
            tail = ""
            if len(ids) == 1:
                tail = tr(" (exercise {ids})").format(ids=ids[0])
            elif ids:
                tail = tr(" (exercises {ids})").format(ids=", ".join(ids))
            sections.append(f"{_escape(sec['section'])}{tail}")
        bullets += "\n\n" + tr("*Sections:* {sections}.").format(sections="; ".join(sections))
        parts.append(
            tr(
                "**{title}** ({strand}). *The question:* {question} "
                "*Students will be able to:*\n\n{objectives}"
            ).format(
                title=_escape(row["title"]),
                strand=row["strand"],
                question=row["question"],
                objectives=bullets,
            )
        )
    summary = tr("Course map: {count} notebooks.").format(count=number(len(table)))
    return _Markdown("\n\n".join(parts), summary)


def discussion_questions() -> pd.DataFrame:
    """Each notebook's discussion questions (its ``## Discussion questions`` section).

    >>> q = discussion_questions()
    >>> q.loc[0, "notebook"], len(q[q["notebook"] == "01"]) >= 3
    ('01', True)
    """
    rows = []
    for lesson, path in _notebook_paths().items():
        block = _section(_markdown_of(path), "Discussion questions")
        for n, text in enumerate(_bullets(block, r"^\s*(?:\d+\.|[-*]) (.+)$"), start=1):
            rows.append({"notebook": lesson, "n": n, "question": text})
    return pd.DataFrame(rows, columns=["notebook", "n", "question"])


def show_discussion_questions(notebook: str) -> _Markdown:
    """One notebook's discussion questions as a numbered Markdown list.

    >>> print(repr(show_discussion_questions("01")).split(":")[0])
    Discussion questions of notebook 01
    """
    q = discussion_questions()
    q = q[q["notebook"] == notebook]
    if q.empty:
        return _Markdown(
            tr("*Notebook {number} is not in the repository yet.*").format(number=notebook),
            tr("Discussion questions of notebook {number}: none yet.").format(number=notebook),
        )
    text = "\n".join(f"{row['n']}. {row['question']}" for _, row in q.iterrows())
    summary = tr("Discussion questions of notebook {number}: {count}.").format(
        number=notebook, count=number(len(q))
    )
    return _Markdown(text, summary)


def worksheet_markdown() -> str:
    """A printable worksheet of the quiz: questions with a line for each answer, no answers.

    ``teacher/worksheet.md`` is this text (a test keeps them the same).

    >>> worksheet_markdown().startswith("# A Cold Business Deal: quiz worksheet")
    True
    """
    lines = [
        tr("# A Cold Business Deal: quiz worksheet"),
        "",
        tr("Name: ______________________  Date: ____________"),
        "",
        tr(
            "Work with pen, paper and a calculator. Write the unit with every number. "
            "If a question gives options, circle one letter. Then check your answers in "
            "`notebooks/quiz.ipynb`, or hand the sheet in."
        ),
        "",
        tr("<!-- Generated by helpers.teaching.worksheet_markdown(); do not edit by hand. -->"),
        "",
    ]
    for _, row in answer_key(QUIZ).iterrows():
        unit = f" ({row['unit']})" if row["unit"] else ""
        lines += [
            f"**{row['id']}.** {row['question']}",
            "",
            tr("Answer{unit}: ______________________").format(unit=unit),
            "",
            tr("How I worked it out: ____________________________________________"),
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def headline_numbers() -> pd.DataFrame:
    """The handful of numbers a teacher should know by heart, computed from ``seeds/``.

    >>> headline_numbers().set_index("what").loc["10,000 soldiers for a year", "value"]
    '240,000,000'
    """
    from helpers.manpower import per_period, periods_sustained
    from helpers.money import payment_usd, rub_to_usd
    from helpers.sources import claim, fact

    soldiers = claim("nk_soldiers_left").value
    pay = claim("pay_per_soldier_month").value
    losses = claim("russia_losses_per_day").value
    october = fact("ukdi_losses_per_day_2024_10").value
    dollars = tr("US dollars")
    rows = [
        (tr("10,000 soldiers for a month"), payment_usd(soldiers, pay, 1), dollars),
        (tr("10,000 soldiers for a year"), payment_usd(soldiers, pay, 12), dollars),
        (tr("North Korea's recorded exports, 2023"), fact("nk_exports_2023_usd").value, dollars),
        (
            tr("Russian casualties (killed and wounded) in a 30-day month at 1,200 a day"),
            per_period(losses, 30),
            tr("casualties"),
        ),
        (
            tr("days of reported casualties that 10,000 arrivals equal, at 1,200 a day"),
            periods_sustained(soldiers, losses),
            tr("days"),
        ),
        (
            tr("the same at the UK's October 2024 figure (based on Ukraine's count)"),
            periods_sustained(soldiers, october),
            tr("days"),
        ),
        (
            tr("Russian contract soldier's minimum pay, in dollars"),
            rub_to_usd(fact("ru_min_pay_rub_reuters").value, fact("rub_per_usd_2024_10_16").value),
            tr("US dollars a month"),
        ),
    ]
    # The column names are shown as the table's header, so they are in the language in use
    # too (the Dutch guide writes ``headline_numbers().set_index("wat")``).
    return pd.DataFrame(
        [(what, format_answer(value), unit) for what, value, unit in rows],
        columns=[tr("what"), tr("value"), tr("unit")],
    )
