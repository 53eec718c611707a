"""The two editions: Dutch numbers and answers, the Dutch catalogues, twin notebooks, no leaks.

- numbers, money, months written as each language writes them; a student's typed answer read
  the English or the Dutch way, and asked about where it is ambiguous;
- every text the helpers can show has Dutch (helpers/locale/nl/*.po), with the same
  ``{placeholders}``, one translation per English text, nothing left over;
- every English notebook has a Dutch twin with the same cells, ids, tags and code (apart from
  comments and the words inside strings), so the same exercises, checks, charts and widgets;
- no English in the Dutch edition's outputs, no Dutch in the English edition's (outside the
  article's quotes).
"""

from __future__ import annotations

import html
import io
import re
import sys
import tokenize
from contextlib import contextmanager
from string import Formatter

import pytest

from helpers import language
from helpers.checks import check, exercises, expected_answer
from helpers.language import AmbiguousNumber, parse_number

from badinput import assert_rejects_bad_input
from nbtools import (
    EDITIONS,
    ROOT,
    checked_ids,
    course_paths,
    dutch_words,
    english_words,
    read,
    tags,
    twins,
)

sys.path.insert(0, str(ROOT))
from tools import po  # noqa: E402


@contextmanager
def speaking(code: str):
    before = language.language()
    language.set_language(code)
    try:
        yield
    finally:
        language.set_language(before)


# --- Numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", ["1,200", "8.3", "-6,000", "$2,000", "-$2,500", "45.5%", "Oct 2024", "March 2022"]),
        (
            "nl",
            ["1.200", "8,3", "-6.000", "$ 2.000", "-$ 2.500", "45,5%", "okt 2024", "maart 2022"],
        ),
    ],
)
def test_numbers_months_and_money_as_each_language_writes_them(code, expected):
    with speaking(code):
        shown = [
            language.number(1200),
            language.number(8.333, 1),
            language.number(-6000.4),
            language.money(2000),
            language.money(-2500),
            language.percent(45.5, 1),
            language.month_year("2024-10"),
            language.month_year("2022-03", long=True),
        ]
    assert shown == expected


VALID_CALLS = {
    language.number: {"x": 1200.5, "decimals": 1},
    language.money: {"x": 2000.0, "decimals": 0},
    language.percent: {"x": 8.3, "decimals": 1},
}


@pytest.mark.parametrize("func", list(VALID_CALLS), ids=lambda f: f.__name__)
def test_number_writers_name_a_bad_argument(func):
    assert_rejects_bad_input(func, VALID_CALLS[func], allow_negative=("x",))


@pytest.mark.parametrize(
    ("typed", "whole", "english", "dutch"),
    [
        ("8,3", False, 8.3, 8.3),
        ("8.3", False, 8.3, 8.3),
        (" 12 ", False, 12.0, 12.0),
        ("1.200", True, 1.2, 1200.0),  # a count: twelve hundred in Dutch
        ("1,200", True, 1200.0, 1200.0),
        ("1,200", False, 1200.0, "ask"),
        ("1.200", False, 1.2, "ask"),
        ("0,125", False, 0.125, 0.125),  # nobody writes a thousand as 0.125
        ("1.200.000", False, 1_200_000.0, 1_200_000.0),
        ("1,200,000", False, 1_200_000.0, 1_200_000.0),
        ("1.200,5", False, 1200.5, 1200.5),
        ("1,200.5", False, 1200.5, 1200.5),
        ("$ 2.000", True, 2.0, 2000.0),
        ("€2.000,00", False, 2000.0, 2000.0),
        ("-3,5", False, -3.5, -3.5),
        ("45%", False, 45.0, 45.0),
    ],
)
def test_typed_numbers_read_both_ways(typed, whole, english, dutch):
    for code, wanted in (("en", english), ("nl", dutch)):
        with speaking(code):
            if wanted == "ask":
                with pytest.raises(AmbiguousNumber) as asked:
                    parse_number(typed, whole=whole)
                assert sorted(asked.value.readings) == [1.2, 1200.0]
            else:
                assert parse_number(typed, whole=whole) == pytest.approx(wanted), code


@pytest.mark.parametrize(
    "typed", ["", "abc", "1.2.3", "1,2,3", "12,", "1.20.000", "8,3,5", "--1", "1 2 3x"]
)
def test_text_that_is_no_number_is_refused(typed):
    for code in language.LANGUAGES:
        with speaking(code), pytest.raises(ValueError, match="is not a number"):
            parse_number(typed)


def test_set_language_names_the_argument():
    with pytest.raises(ValueError, match="language must be one of 'en', 'nl'"):
        language.set_language("de")


# --- check() in Dutch ------------------------------------------------------------------------


def test_a_dutch_student_may_type_a_decimal_comma_and_thousands_points():
    with speaking("nl"):
        assert check("1.7", "8,3").correct  # about eight days
        assert check("1.7", "8").correct
        year = expected_answer("3.1")  # a count: 1.200 people a day for 365 days
        assert float(year).is_integer()
        typed = language.number(year)  # "438.000"
        assert "." in typed and check("3.1", typed).correct
        assert check("1.4", language.number(expected_answer("1.4"))).correct  # 240.000.000


def test_an_ambiguous_number_is_asked_about_not_guessed():
    with speaking("nl"):
        asked = check("1.7", "8.333")  # 8,333 days, or 8333? The answer is not a whole number
    assert not asked.correct
    assert "8.333" in asked.message and "8,333" in asked.message and "8333" in asked.message
    with speaking("en"):
        assert check("1.7", "8.333").correct  # English: a point is a decimal point


def test_a_comma_outside_quotes_is_explained_not_an_error():
    for code, words in (("en", "separate numbers: 8 and 3"), ("nl", "losse getallen: 8 en 3")):
        with speaking(code):
            said = check("1.7", 8, 3)
        assert not said.correct and words in said.message


def test_dutch_feedback_is_dutch():
    with speaking("nl"):
        right = check("1.4", expected_answer("1.4"))
        wrong = check("1.4", 1)
        none = check("1.4", ...)
        typo = check("1.44", 1)
    assert right.message.startswith("Goed: ")
    assert wrong.message.startswith("Nog niet: ")
    assert none.message.startswith("Nog niet beantwoord")
    assert "Bedoel je '1.4'?" in typo.message
    assert right._repr_markdown_().startswith("✓ **Goed:**")


@pytest.mark.parametrize("qid", sorted(exercises()))
def test_every_exercise_answers_in_dutch(qid):
    """Right and wrong answers get Dutch feedback: the exercise's texts are all translated."""
    exercise = exercises()[qid]
    answers = [expected_answer(qid), *(mistake.answer() for mistake in exercise.mistakes)]
    if exercise.kind == "number":
        answers.append(float(expected_answer(qid)) * 7.7 + 1)  # far off: the hint
    with speaking("nl"):
        for answer in answers:
            said = check(qid, answer).message
            english = english_words(said)
            assert not english, f"{qid}: {answer!r} -> {said!r} has English: {english}"


# --- The catalogues --------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_every_catalogue_reads_and_agrees_with_itself():
    assert language.conflicts("nl") == []
    for path in sorted((language.LOCALE / "nl").glob("*.po")):
        for english, dutch in language.read_po(path).items():
            assert _fields(english) == _fields(dutch), f"{path.name}: {english!r} -> {dutch!r}"


def test_every_text_the_helpers_show_has_dutch():
    missing = po.missing()
    assert not missing, f"{len(missing)} texts with no Dutch (tools/po.py missing): {missing[:5]}"


def test_no_catalogue_keeps_texts_the_code_no_longer_uses():
    wanted = po.all_texts()
    for path in sorted((language.LOCALE / "nl").glob("*.po")):
        assert path.stem in wanted, f"{path.name}: no helpers module or exercises of that name"
        old = set(language.read_po(path)) - set(wanted[path.stem])
        assert not old, f"{path.name} holds texts the code no longer uses: {sorted(old)[:3]}"


def test_a_broken_catalogue_names_its_file_and_line(tmp_path):
    broken = tmp_path / "x.po"
    broken.write_text('msgid "a"\nmsgstr b\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.po, line 2"):
        language.read_po(broken)


# --- Twin notebooks --------------------------------------------------------------------------


def _code_shape(source: str) -> list[str]:
    """A code cell's tokens without comments and with every string's words blanked."""
    shape = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
            continue
        shape.append("<text>" if token.type == tokenize.STRING else token.string)
    return shape


def test_the_manifest_pairs_every_notebook_with_a_dutch_twin():
    english, dutch = EDITIONS
    assert len(english.notebooks()) == len(dutch.notebooks())
    for en, nl in twins():
        assert nl.exists(), f"{en.name} has no Dutch twin {nl.relative_to(ROOT)}"
        assert nl.parent.name == "nl" and en.parent == nl.parent.parent


@pytest.mark.parametrize(("en", "nl"), twins(), ids=lambda p: p.name)
def test_dutch_twin_has_the_same_cells_and_code(en, nl):
    a, b = read(en), read(nl)
    assert [c.cell_type for c in a.cells] == [c.cell_type for c in b.cells]
    assert [c.get("id") for c in a.cells] == [c.get("id") for c in b.cells]
    for k, (x, y) in enumerate(zip(a.cells, b.cells, strict=True)):
        assert tags(x) == tags(y), f"cell {k} ({x.get('id')}): tags differ"
        if x.cell_type == "code":
            assert _code_shape(x.source) == _code_shape(y.source), (
                f"cell {k} ({x.get('id')}): the code differs beyond comments and text:\n"
                f"{x.source}\n---\n{y.source}"
            )
    assert checked_ids(a) == checked_ids(b)
    assert 'style.use(language="en")' in "".join(c.source for c in a.cells) or not checked_ids(a)
    assert 'style.use(language="nl")' in "".join(c.source for c in b.cells) or not checked_ids(b)


# --- No leaks --------------------------------------------------------------------------------


def _shown_text(nb) -> str:
    """What a reader sees of a notebook's outputs: text, tables and Markdown (tags left out)."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                parts.append(output.get("text", ""))
            data = output.get("data", {})
            for kind in ("text/markdown", "text/html"):
                if kind in data:
                    text = data[kind]
                    if kind == "text/html":
                        text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
                        text = html.unescape(
                            re.sub(r"<(?!/?(q|blockquote|span|td)\b)[^>]+>", " ", text)
                        )
                    parts.append(text)
                    break
            else:
                if "text/plain" in data and "image/png" not in data:
                    parts.append(data["text/plain"])
    return "\n".join(parts)


@pytest.mark.parametrize("path", course_paths(language="nl"), ids=lambda p: p.name)
def test_no_english_in_the_dutch_edition(path):
    shown = _shown_text(read(path))
    found = english_words(shown)
    assert not found, f"{path.name} shows English words {found}"


@pytest.mark.parametrize("path", course_paths(language="en"), ids=lambda p: p.name)
def test_no_dutch_in_the_english_edition(path):
    """Outside the article's quotes (marked lang="nl"), the English edition shows no Dutch."""
    shown = _shown_text(read(path))
    found = dutch_words(shown)
    assert not found, f"{path.name} shows Dutch words {found}"


def test_dutch_charts_and_numbers_in_the_dutch_edition():
    """A Dutch lesson's printed numbers use Dutch separators: no "1,200"-style thousands."""
    for path in course_paths(language="nl"):
        shown = _shown_text(read(path))
        english_thousands = re.findall(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])", shown)
        assert not english_thousands, (
            f"{path.name}: numbers written the English way {english_thousands[:5]}"
        )


def test_recipe_change_a_dutch_sentence_one_msgstr_moves_the_feedback(tmp_path, monkeypatch):
    """CONTRIBUTING.md, recipe 5: editing one msgstr in helpers/locale/nl/ is all it takes."""
    import shutil

    shutil.copytree(language.LOCALE, tmp_path / "locale")
    path = tmp_path / "locale" / "nl" / "checks.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgstr "Goed: {message}"' in text
    path.write_text(text.replace('msgstr "Goed: {message}"', 'msgstr "Prima: {message}"'))
    monkeypatch.setattr(language, "LOCALE", tmp_path / "locale")
    language.catalogue.cache_clear()
    try:
        with speaking("nl"):
            assert check("1.4", expected_answer("1.4")).message.startswith("Prima: ")
    finally:
        language.catalogue.cache_clear()
