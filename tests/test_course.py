"""course.toml is the one list of notebooks: everything that lists them follows it.

The last test adds a made-up lesson 07 to a copy of the manifest and finds it in the README's
table, the teacher guide's course map and the handouts' index.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from helpers import course
from helpers.teaching import course_map, show_course_map

from nbtools import ROOT, markdown, read

sys.path.insert(0, str(ROOT / "tools"))
import handouts  # noqa: E402
import readme  # noqa: E402

import student  # noqa: E402

MANIFEST_TEXT = course.MANIFEST.read_text(encoding="utf-8")
DUMMY = """
[[lesson]]
number = "07"
file = "notebooks/07-a-made-up-lesson.ipynb"
title = "A made-up lesson: does every list follow course.toml?"
strand = "testing"
question = "Does a new entry show up everywhere?"
minutes = 45
exercises = 1
"""


def with_dummy() -> str:
    """The manifest with lesson 07 added after lesson 06 (before [quiz])."""
    return MANIFEST_TEXT.replace("\n[quiz]", DUMMY + "\n[quiz]", 1)


def test_the_readme_table_is_made_from_course_toml() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for edition in course.editions():
        table = course.readme_table(edition)
        assert readme.with_table(text, table, edition.language) == text, "run make readme"


EDITIONS = course.editions()  # English, Dutch


def test_every_notebook_in_the_repository_is_listed_and_every_listed_one_exists() -> None:
    listed = {nb.file for edition in EDITIONS for nb in edition.notebooks()}
    found = {
        path.relative_to(ROOT).as_posix()
        for folder in ("notebooks", "teacher", "notebooks/nl", "teacher/nl")
        for path in (ROOT / folder).glob("*.ipynb")
    }
    assert found == listed, "course.toml and the notebooks on disk differ"
    for_students = [nb.path for edition in EDITIONS for nb in edition.for_students()]
    copies = {path.relative_to(ROOT / "student") for path in (ROOT / "student").rglob("*.ipynb")}
    assert copies == {path.relative_to(ROOT / "notebooks") for path in for_students}
    assert student.course_notebooks() == for_students


# The title cell's time line in each language: "**Time:** about 60 minutes".
TIME_LINE = {
    "en": r"\*\*Time:\*\* about (\d+) minutes",
    "nl": r"\*\*Tijd:\*\* ongeveer (\d+) minuten",
}


@pytest.mark.parametrize(
    "nb", [nb for edition in EDITIONS for nb in edition.notebooks()], ids=lambda nb: nb.file
)
def test_each_notebook_opens_with_its_title_and_time_from_course_toml(nb) -> None:
    text = markdown(read(nb.path))
    assert text.splitlines()[0] == nb.heading
    time = re.search(TIME_LINE[nb.language], text)
    assert time and int(time.group(1)) == nb.minutes, nb.file


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda edition: edition.language)
def test_handouts_and_nbval_cover_exactly_the_listed_notebooks(edition) -> None:
    sources = handouts.find_sources(language=edition.language)
    assert [s.path for s in sources] == [nb.path for nb in edition.notebooks()]
    assert [s.title for s in sources] == [
        nb.heading.removeprefix("# ") for nb in edition.notebooks()
    ]
    assert {s.language for s in sources} == {edition.language}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace('number = "02"', 'number = "03"', 1), "numbered"),
        (lambda t: t.replace("minutes = 60\n", "minutes = 'sixty'\n", 1), "field 'minutes'"),
        (lambda t: t.replace('strand = "costs"\n', "", 1), "missing ['strand']"),
        (lambda t: t.replace("minutes = 60\n", "minutes = 60\ncolour = 'red'\n", 1), "unknown"),
        (lambda t: t.replace("[guide]", "[teacher]", 1), "[guide]"),
        (lambda t: t.replace("[[lesson]]", "[[lesson]", 1), "not valid TOML"),
    ],
)
def test_a_damaged_manifest_gets_an_error_that_names_the_entry(change, message) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        course.parse(change(MANIFEST_TEXT))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: re.sub(r"\n\[lesson\.nl\]\n(\w+ = .*\n)+", "\n", t, count=1), "has no [nl]"),
        (lambda t: t.replace('strand = "prikkels"\n', "", 1), "exactly the fields"),
        (lambda t: t.replace("[quiz.nl]\nfile", "[quiz.nl]\ncolour = 'red'\nfile", 1), "exactly"),
        (lambda t: t.replace('strand = "kosten"', "strand = 4", 1), "strand must be text"),
    ],
)
def test_a_damaged_dutch_table_names_the_entry(change, message) -> None:
    damaged = change(MANIFEST_TEXT)
    assert damaged != MANIFEST_TEXT
    with pytest.raises(ValueError, match=re.escape(message)):
        course.parse(damaged, language="nl")


def test_an_unknown_language_names_the_argument() -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        course.parse(MANIFEST_TEXT, language="de")


def test_a_missing_manifest_says_where_it_should_be(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="course.toml is missing"):
        course.load(tmp_path / "course.toml")


def test_a_new_entry_shows_in_the_readme_the_course_map_and_the_handouts_index(
    tmp_path: Path,
) -> None:
    listed = course.parse(with_dummy())
    title = "A made-up lesson: does every list follow course.toml?"

    assert f"| 07 | [{title}](notebooks/07-a-made-up-lesson.ipynb) |" in course.readme_table(listed)

    table = course_map(listed)
    row = table[table["number"] == "07"].iloc[0]
    assert (row["strand"], row["minutes"], row["status"]) == ("testing", 45, "planned")
    assert f"07 · {title} (being written)" in repr(show_course_map(listed)._repr_markdown_())

    (tmp_path / "course.toml").write_text(with_dummy(), encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "07-a-made-up-lesson.ipynb").write_text("{}", encoding="utf-8")
    sources = handouts.find_sources(tmp_path)
    assert [s.name for s in sources] == ["07-a-made-up-lesson"]
    out = tmp_path / "out"
    for source in sources:
        for kind in source.kinds:
            path = source.html(out, kind)
            path.parent.mkdir(parents=True, exist_ok=True)
            source.outputs[kind] = path
    handouts.write_indexes(sources, out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"07 · {title}" in index and "about 45 min" in index


# ---------------------------------------------------------------- CONTRIBUTING.md's recipes


def test_recipe_change_a_number_one_row_moves_every_answer(tmp_path, monkeypatch) -> None:
    """Recipe 1: the fee changed in seeds/claims.csv alone changes the exercises' answers."""
    import shutil

    from helpers import sources
    from helpers.checks import check, expected_answer

    for path in sources.SEEDS.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    claims = (tmp_path / "claims.csv").read_text(encoding="utf-8")
    row = next(line for line in claims.splitlines() if line.startswith("pay_per_soldier_month,"))
    assert ",2000,,,USD per soldier per month," in row
    changed = row.replace(
        ",2000,,,USD per soldier per month,", ",2500,,,USD per soldier per month,"
    )
    (tmp_path / "claims.csv").write_text(claims.replace(row, changed), encoding="utf-8")
    monkeypatch.setattr(sources, "SEEDS", tmp_path)
    assert expected_answer("1.4") == 10_000 * 2_500 * 12
    assert check("1.4", 10_000 * 2_500 * 12).correct
    assert not check("1.4", 10_000 * 2_000 * 12).correct


def test_recipe_add_an_exercise_one_entry_is_checked(monkeypatch) -> None:
    """Recipe 2: an Exercise added to a module's EXERCISES is what check() answers."""
    from helpers import checks
    from helpers.exercise_types import Exercise
    from helpers.exercises import _gather, nb01

    new = Exercise(
        question="How many soldier-months are 10,000 soldiers for 12 months?",
        expected=lambda: 10_000 * 12,
        unit="soldier-months",
        hint="soldiers x months.",
    )
    monkeypatch.setitem(nb01.EXERCISES, "1.99", new)
    monkeypatch.setattr(checks, "EXERCISES", _gather((nb01,)))
    assert checks.check("1.99", 120_000).correct
    assert not checks.check("1.99", 10_000).correct
