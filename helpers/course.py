"""The course's one list of notebooks, read from ``course.toml`` at the top of the repository.

Every other list (the README's table, the teacher guide's course map, the handouts, the student
edition, the tests) is made from this one, so adding a notebook is one entry in ``course.toml``.

>>> [lesson.number for lesson in lessons()]
['01', '02', '03', '04', '05', '06']
>>> lesson("03").strand
'manpower'
>>> quiz().file
'notebooks/quiz.ipynb'

The Dutch edition is the same course in other words: each entry's ``[lesson.nl]`` (or
``[quiz.nl]``, ...) table gives its Dutch file, title and question (and a lesson's strand);
numbers, times and exercises are shared.

>>> load(language="nl").lessons[2].file
'notebooks/nl/03-rekenen-met-mankracht.ipynb'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "MANIFEST",
    "Notebook",
    "Course",
    "load",
    "lessons",
    "lesson",
    "quiz",
    "glossary",
    "guide",
    "readme_table",
    "editions",
    "LANGUAGES",
]

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "course.toml"

LESSON_FIELDS = {
    "number": str,
    "file": str,
    "title": str,
    "strand": str,
    "question": str,
    "minutes": int,
    "exercises": int,
}
OTHER_FIELDS = {"file": str, "title": str, "question": str, "minutes": int}
LANGUAGES = ("en", "nl")  # English is the entry itself; every other has a table in each entry
TRANSLATED = ("file", "title", "strand", "question")  # what a language's table gives


@dataclass(frozen=True)
class Notebook:
    """One notebook of the course, as ``course.toml`` describes it."""

    file: str
    title: str
    question: str
    minutes: int
    number: str = ""  # "01" ... for a lesson; "" for the quiz and the guide
    strand: str = ""
    exercises: int = 0  # the least number of checked exercises a lesson must have
    language: str = "en"
    english: str = ""  # the English twin's file (for an English notebook: its own file)

    @property
    def path(self) -> Path:
        return ROOT / self.file

    @property
    def name(self) -> str:
        """The file name without its folder and ``.ipynb``: ``01-reading-the-article``."""
        return Path(self.file).stem

    @property
    def heading(self) -> str:
        """The notebook's first line as it must read: ``# 01 · Reading the article: ...``."""
        return f"# {self.number} · {self.title}" if self.number else f"# {self.title}"


@dataclass(frozen=True)
class Course:
    title: str
    language: str
    lessons: tuple[Notebook, ...]
    quiz: Notebook
    glossary: Notebook
    guide: Notebook

    def notebooks(self) -> list[Notebook]:
        """Every notebook: the lessons in order, the quiz, the glossary, the teacher guide."""
        return [*self.for_students(), self.guide]

    def for_students(self) -> list[Notebook]:
        """What a student gets: the lessons, the quiz and the glossary."""
        return [*self.lessons, self.quiz, self.glossary]


def _entry(where: str, entry: object, fields: dict[str, type], language: str = "en") -> dict:
    if not isinstance(entry, dict):
        raise ValueError(f"course.toml: {where} must be a table of fields, got {entry!r}")
    entry = dict(entry)
    translations = {code: entry.pop(code) for code in LANGUAGES[1:] if code in entry}
    missing = [name for name in fields if name not in entry]
    unknown = [name for name in entry if name not in fields]
    if missing or unknown:
        raise ValueError(
            f"course.toml: {where} is missing {missing} / has unknown {unknown}; "
            f"the fields are {list(fields)}"
        )
    for name, kind in fields.items():
        if not isinstance(entry[name], kind) or isinstance(entry[name], bool):
            raise ValueError(
                f"course.toml: {where}, field {name!r} must be a {kind.__name__}, "
                f"got {entry[name]!r}"
            )
    entry["english"] = entry["file"]
    if language == "en":
        return entry
    wanted = {name: str for name in TRANSLATED if name in fields}
    if language not in translations:
        raise ValueError(f"course.toml: {where} has no [{language}] table (fields {list(wanted)})")
    words = translations[language]
    if not isinstance(words, dict) or set(words) != set(wanted):
        raise ValueError(
            f"course.toml: {where}'s [{language}] table must have exactly the fields "
            f"{list(wanted)}, got {words!r}"
        )
    for name in wanted:
        if not isinstance(words[name], str) or not words[name]:
            raise ValueError(f"course.toml: {where}'s [{language}] {name} must be text")
    return {**entry, **words, "language": language}


def parse(text: str, language: str = "en") -> Course:
    """A course from the text of a manifest, in one language; a clear error names any wrong
    entry.

    >>> parse('title = "x"\\n[[lesson]]\\nnumber = "1"').lessons
    Traceback (most recent call last):
    ...
    ValueError: course.toml: lesson 1 is missing ['file', 'title', 'strand', 'question', 'minutes', 'exercises'] / has unknown []; the fields are ['number', 'file', 'title', 'strand', 'question', 'minutes', 'exercises']
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {list(LANGUAGES)}, got {language!r}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"course.toml is not valid TOML: {error}") from None
    if not isinstance(data.get("lesson"), list) or not data["lesson"]:
        raise ValueError("course.toml needs at least one [[lesson]] entry")
    found = []
    for k, entry in enumerate(data["lesson"], start=1):
        found.append(Notebook(**_entry(f"lesson {k}", entry, LESSON_FIELDS, language)))
    numbers = [lesson.number for lesson in found]
    expected = [f"{k:02d}" for k in range(1, len(found) + 1)]
    if numbers != expected:
        raise ValueError(
            f"course.toml: lessons must be numbered {expected} in order, got {numbers}"
        )
    files = [lesson.file for lesson in found]
    if len(set(files)) != len(files):
        raise ValueError(f"course.toml: two lessons share a file: {files}")
    for part in ("quiz", "glossary", "guide"):
        if part not in data:
            raise ValueError(f"course.toml needs a [{part}] entry")
    titles = {"en": data.get("title", ""), **data.get("titles", {})}
    return Course(
        title=str(titles.get(language, titles["en"])),
        language=language,
        lessons=tuple(found),
        quiz=Notebook(**_entry("[quiz]", data["quiz"], OTHER_FIELDS, language)),
        glossary=Notebook(**_entry("[glossary]", data["glossary"], OTHER_FIELDS, language)),
        guide=Notebook(**_entry("[guide]", data["guide"], OTHER_FIELDS, language)),
    )


@cache
def load(path: Path = MANIFEST, language: str = "en") -> Course:
    """The course as ``course.toml`` lists it, in ``language`` ("en" or "nl")."""
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing: the course's list of notebooks lives there (see CONTRIBUTING.md)"
        )
    return parse(path.read_text(encoding="utf-8"), language)


def editions(path: Path = MANIFEST) -> list[Course]:
    """The course in each of its languages: English first."""
    return [load(path, code) for code in LANGUAGES]


def lessons() -> list[Notebook]:
    """The lessons, in order."""
    return list(load().lessons)


def lesson(number: str) -> Notebook:
    """One lesson by its number, ``"01"`` ... (a clear error for any other)."""
    for found in load().lessons:
        if found.number == number:
            return found
    known = [found.number for found in load().lessons]
    raise ValueError(f"number must be one of {known}, got {number!r}")


def quiz() -> Notebook:
    return load().quiz


def glossary() -> Notebook:
    return load().glossary


def guide() -> Notebook:
    return load().guide


README_WORDS = {
    "en": ("| # | notebook | the question it answers | time |", "Quiz", "words", "Glossary"),
    "nl": (
        "| # | notebook | de vraag die het beantwoordt | tijd |",
        "Quiz",
        "woorden",
        "Begrippenlijst",
    ),
}


def readme_table(course: Course | None = None) -> str:
    """The README's table of notebooks (between its ``notebooks:start``/``end`` markers; the
    Dutch edition's between ``notebooks-nl:start``/``end``).

    >>> readme_table().splitlines()[2].startswith("| 01 | [Reading the article: who claims")
    True
    """
    course = course or load()
    header, quiz_word, glossary_short, glossary_word = README_WORDS[course.language]
    lines = [header, "|---|---|---|---|"]
    for nb in course.lessons:
        lines.append(
            f"| {nb.number} | [{nb.title}]({nb.file}) | {nb.question} | {nb.minutes} min |"
        )
    quiz = course.quiz
    lines.append(f"| quiz | [{quiz_word}]({quiz.file}) | {quiz.question} | {quiz.minutes} min |")
    words = course.glossary
    lines.append(
        f"| {glossary_short} | [{glossary_word}]({words.file}) | {words.question} "
        f"| {words.minutes} min |"
    )
    return "\n".join(lines)
