"""Reading the course's notebooks for tests: cells, tags, sources and outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from helpers import course

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
COURSE = course.load()  # course.toml: the one list of notebooks (the English edition)
EDITIONS = course.editions()  # the same course in English and in Dutch

# The lessons, in story order (both editions), with the least number of exercises each must have.
SERIES: dict[str, int] = {
    lesson.name: lesson.exercises for edition in EDITIONS for lesson in edition.lessons
}

# What every lesson says in its own language: the words the structure tests look for.
WORDS = {
    "en": {
        "for": "**For:**",
        "time": r"\*\*Time:\*\*.*\d+\s*minutes",
        "objectives": "## Learning objectives",
        "wrong": "What could be wrong with this number?",
        "summary": "## Summary",
        "discussion": "## Discussion questions",
        "takeaway": "**Takeaway:**",
        "question": "**Question:**",
        "description": "<details><summary>Chart description</summary>\n\n",
        "correct": "Correct: ",
    },
    "nl": {
        "for": "**Voor:**",
        "time": r"\*\*Tijd:\*\*.*\d+\s*minuten",
        "objectives": "## Leerdoelen",
        "wrong": "Wat kan er mis zijn met dit getal?",
        "summary": "## Samenvatting",
        "discussion": "## Vragen om te bespreken",
        "takeaway": "**Kern:**",
        "question": "**Vraag:**",
        "description": "<details><summary>Beschrijving van de grafiek</summary>\n\n",
        "correct": "Goed: ",
    },
}


def notebook_paths(language: str | None = None) -> list[Path]:
    """The lessons that exist, in the order ``course.toml`` lists them: English, then Dutch
    (``language``: only that edition)."""
    return [
        lesson.path
        for edition in EDITIONS
        if language in (None, edition.language)
        for lesson in edition.lessons
        if lesson.path.exists()
    ]


def course_paths(*, for_students: bool = False, language: str | None = None) -> list[Path]:
    """Every notebook ``course.toml`` lists that exists: lessons, quiz, glossary, teacher guide,
    in both editions (``language``: only that one).

    ``for_students=True``: only what a student gets (the lessons, the quiz and the glossary).
    """
    paths = []
    for edition in EDITIONS:
        if language in (None, edition.language):
            notebooks = edition.for_students() if for_students else edition.notebooks()
            paths += [nb.path for nb in notebooks if nb.path.exists()]
    return paths


def language_of(path: Path) -> str:
    """The edition a notebook belongs to: "nl" for ``notebooks/nl/...``, else "en"."""
    return "nl" if path.parent.name == "nl" else "en"


def twins() -> list[tuple[Path, Path]]:
    """Each English notebook with its Dutch twin, as ``course.toml`` pairs them."""
    english, dutch = EDITIONS
    return [
        (en.path, nl.path) for en, nl in zip(english.notebooks(), dutch.notebooks(), strict=True)
    ]


def student_paths(language: str | None = None) -> list[Path]:
    """The student edition: ``student/`` (and ``student/nl/``) copies of what students get."""
    return [
        ROOT / "student" / path.relative_to(NOTEBOOK_DIR)
        for path in course_paths(for_students=True, language=language)
    ]


def series_complete() -> bool:
    return all(lesson.path.exists() for edition in EDITIONS for lesson in edition.lessons)


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


# Common words of one language that the other does not use. Names (UK Defence Intelligence,
# Institute for the Study of War, ...) are taken out first: they stay as they are.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|from|which|this|that|soldiers|month|months|year|years|days|"
    r"people|losses|Source|Sources|million|billion|Russia|Ukraine|North|per day|Not yet|"
    r"Correct|about|between|each|would|could|should|what|when|where)\b"
)
DUTCH_WORDS = re.compile(
    r"\b(het|een|niet|zijn|worden|wordt|soldaten|maand|maanden|jaar|verliezen|Bron|Bronnen|"
    r"miljoen|miljard|Rusland|Oekraïne|Noord-Korea|ongeveer|tussen|elke|wat|wanneer|Nog niet|"
    r"Goed|ook|naar|voor de|van de)\b"
)
NAMES = re.compile(
    r"(UK )?Defence Intelligence|Ministry of Defence|Institute for the Study of War|"
    r"Mediazona|BBC( News)?( Russian)?|Kiel Institute|Reuters|Associated Press|Forbes Russia|"
    r"The (Economist|New York Times|Guardian|Washington Post)|Wall Street Journal|"
    r"Financial Times|Correlates of War|Center for Strategic and International Studies|"
    r"International Institute for Strategic Studies|The Military Balance|World Bank|"
    r"Office of the Director of National Intelligence|Royal United Services Institute|"
    r"Statistical Yearbook|Federal State Statistics Service|Bank of Russia|"
    r"<[^>]*lang=\"nl\"[^>]*>.*?</(q|blockquote|span|td)>",
    re.S,
)


def english_words(text: str) -> list[str]:
    """Common English words in a text meant to be Dutch (names and Dutch quotes left out)."""
    return sorted(set(ENGLISH_WORDS.findall(NAMES.sub(" ", text))))


def without_the_article(text: str) -> str:
    """The text without the article's own Dutch words: table cells and quoted words that are
    verbatim from the article (the English edition quotes it as it stands)."""
    from helpers import sources

    article = " ".join(sources.article_text().split())

    def verbatim(match: re.Match[str]) -> str:
        inner = " ".join(match.group(2).split())
        return " " if inner and inner in article else match.group(0)

    text = re.sub(r"(<td[^>]*>)(.*?)</td>", verbatim, text, flags=re.S)
    return re.sub(r"""(['"“‘])([^'"”’\n]{3,}?)['"”’]""", verbatim, text)


def dutch_words(text: str) -> list[str]:
    """Common Dutch words in a text meant to be English (the article's own words left out)."""
    return sorted(set(DUTCH_WORDS.findall(NAMES.sub(" ", without_the_article(text)))))
