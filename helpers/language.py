"""The course's two languages: English (the words in the code) and Dutch (``helpers/locale/nl/``).

Every sentence, label and heading the helpers show is written in English in the code and
passed through ``tr()`` where it is shown. In the Dutch edition ``tr()`` looks the English up in
the Dutch message catalogues, ``helpers/locale/nl/*.po`` (gettext's format: a ``msgid`` line
with the English, a ``msgstr`` line with the Dutch). To fix a Dutch sentence, find it in those
files and edit its ``msgstr``; the English stays where it is, in the code.

A notebook chooses its language in its setup cell, ``style.use(language="nl")``; numbers,
months and money are then written as a Dutch reader writes them:

>>> set_language("nl")
>>> number(1200), number(8.333, 1), money(2000), month_year("2024-10")
('1.200', '8,3', '$ 2.000', 'okt 2024')
>>> set_language("en")
>>> number(1200), number(8.333, 1), money(2000), month_year("2024-10")
('1,200', '8.3', '$2,000', 'Oct 2024')
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd

from helpers._validate import require_count, require_number

__all__ = [
    "LANGUAGES",
    "AmbiguousNumber",
    "catalogue",
    "conflicts",
    "language",
    "money",
    "month_year",
    "number",
    "number_text",
    "parse_number",
    "percent",
    "set_language",
    "tr",
]

LANGUAGES = {"en": "English", "nl": "Nederlands"}
LOCALE = Path(__file__).resolve().parent / "locale"

_current = "en"

MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}
MONTHS_LONG = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),  # fmt: skip
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),  # fmt: skip
}


def set_language(code: str) -> None:
    """Show everything from now on in this language: ``"en"`` or ``"nl"``.

    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: language must be one of 'en', 'nl' (English, Nederlands), got 'fr'
    """
    global _current
    if code not in LANGUAGES:
        names = ", ".join(LANGUAGES.values())
        codes = ", ".join(repr(c) for c in LANGUAGES)
        raise ValueError(f"language must be one of {codes} ({names}), got {code!r}")
    _current = code


def language() -> str:
    """The language now in use, ``"en"`` or ``"nl"``."""
    return _current


def _unquote(text: str, path: Path, line: int) -> str:
    text = text.strip()
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"{path.name}, line {line}: a quoted text was expected, got {text!r}")
    body = text[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), body)


def read_po(path: Path) -> dict[str, str]:
    """The messages of one ``.po`` file, English to translation (untranslated ones left out).

    Only what the course's files use: ``msgid``/``msgstr`` with continued lines, comments.
    """
    messages: dict[str, str] = {}
    entry: dict[str, str] = {}
    field = ""

    def finish() -> None:
        if entry.get("msgid") and entry.get("msgstr"):
            messages[entry["msgid"]] = entry["msgstr"]

    for number_, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            finish()
            entry = {"msgid": _unquote(line[6:], path, number_)}
            field = "msgid"
        elif line.startswith("msgstr "):
            entry["msgstr"] = _unquote(line[7:], path, number_)
            field = "msgstr"
        elif line.startswith('"') and field:
            entry[field] += _unquote(line, path, number_)
        else:
            raise ValueError(f"{path.name}, line {number_}: cannot read {raw!r}")
    finish()
    return messages


@cache
def catalogue(code: str) -> dict[str, str]:
    """Every message of a language's catalogue files, English to that language.

    The same English in two files should have the same translation (``conflicts`` lists
    where it has not; a test keeps that list empty); if not, the first file by name wins.
    A file that cannot be read raises ``ValueError`` naming the file and line.
    """
    merged: dict[str, str] = {}
    for path in sorted((LOCALE / code).glob("*.po")):
        for english, translated in read_po(path).items():
            merged.setdefault(english, translated)
    return merged


def conflicts(code: str) -> list[str]:
    """Where two catalogue files translate the same English differently."""
    seen: dict[str, tuple[str, str]] = {}
    found = []
    for path in sorted((LOCALE / code).glob("*.po")):
        for english, translated in read_po(path).items():
            if english in seen and seen[english][1] != translated:
                found.append(
                    f"{seen[english][0]} and {path.name} translate {english!r} differently"
                )
            seen.setdefault(english, (path.name, translated))
    return found


def tr(text: str) -> str:
    """The text in the language in use (English text is its own translation).

    A text with no translation yet is shown in English; tests/test_language.py lists them.
    """
    if _current == "en" or not text:
        return text
    return catalogue(_current).get(text, text)


def number_text(text: str) -> str:
    """A number already written the English way (``1,200.5``), written the way of the
    language in use (``1.200,5`` in Dutch)."""
    if _current == "nl":
        return text.translate(str.maketrans(",.", ".,"))
    return text


def number(x: float, decimals: int = 0) -> str:
    """A number as a reader of the language in use writes it: ``1,200.5`` or ``1.200,5``.

    >>> number(-6000.4)
    '-6,000'
    >>> number("12")
    Traceback (most recent call last):
    ...
    TypeError: x must be a number, got the text '12'
    """
    x = require_number("x", x, minimum=None)
    decimals = require_count("decimals", decimals, maximum=10)
    return number_text(f"{x:,.{decimals}f}")


def percent(x: float, decimals: int = 0) -> str:
    """A percentage: ``8.3%`` or ``8,3%``.

    >>> percent(12.5, 1)
    '12.5%'
    """
    return number(x, decimals) + "%"


def money(x: float, decimals: int = 0) -> str:
    """US dollars: ``$2,000`` in English, ``$ 2.000`` in Dutch (the sign apart, as Dutch writes it).

    >>> money(-2500)
    '-$2,500'
    """
    x = require_number("x", x, minimum=None)
    sign = "-" if x < 0 else ""
    gap = " " if _current == "nl" else ""
    return f"{sign}${gap}{number(abs(x), decimals)}"


def month_year(when: object, long: bool = False) -> str:
    """A month as ``Oct 2024`` / ``okt 2024`` (``long``: ``October 2024`` / ``oktober 2024``).

    ``when``: anything pandas reads as a date ("2024-10", a Timestamp, a Period).
    """
    period = pd.Period(when, "M")
    names = MONTHS_LONG if long else MONTHS
    return f"{names[_current][period.month - 1]} {period.year}"


class AmbiguousNumber(ValueError):
    """A typed number that can be read two ways, e.g. ``1.200``: twelve hundred, or 1.2."""

    def __init__(self, text: str, readings: tuple[float, float]) -> None:
        super().__init__(f"{text!r} can be read as {readings[0]:g} or as {readings[1]:g}")
        self.text = text
        self.readings = readings


_NUMBER = re.compile(r"[+-]?[0-9][0-9.,]*")


def parse_number(text: str, whole: bool = False) -> float:
    """The number a student typed as text, written the English or the Dutch way.

    ``8,3`` and ``8.3`` are both 8.3; ``1.200.000``, ``1,200,000`` and ``1.200.000,5`` are
    unambiguous. One separator followed by exactly three digits (``1.200``, ``1,200``) is
    read the English way in the English edition (1.2 and 1200). In the Dutch edition it is
    ambiguous, since a Dutch student may write either way: if ``whole`` (the answer is a
    count of people or days, so 1.2 makes no sense) it is read as twelve hundred; otherwise
    ``AmbiguousNumber`` is raised, so the checker can ask instead of guessing. Spaces, a
    ``$`` or ``€`` sign and a trailing ``%`` are ignored. Anything else raises ``ValueError``.

    >>> set_language("nl")
    >>> parse_number("8,3"), parse_number("1.200", whole=True), parse_number("$ 2.000.000")
    (8.3, 1200.0, 2000000.0)
    >>> parse_number("1.200")
    Traceback (most recent call last):
    ...
    helpers.language.AmbiguousNumber: '1.200' can be read as 1200 or as 1.2
    >>> set_language("en")
    >>> parse_number("1.200"), parse_number("1,200"), parse_number("8,3")
    (1.2, 1200.0, 8.3)
    """
    cleaned = re.sub(r"[\s\u00a0\u202f$€%]", "", text)
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a number")
    sign = -1.0 if cleaned.startswith("-") else 1.0
    digits = cleaned.lstrip("+-")
    if digits[-1] in ".,":
        raise ValueError(f"{text!r} is not a number")
    marks = [c for c in digits if c in ".,"]
    if not marks:
        return sign * float(digits)
    decimal = ""
    if len(set(marks)) == 2:
        decimal = marks[-1]  # 1.200,5 or 1,200.5: the last one is the decimal mark
        if marks.count(decimal) > 1:
            raise ValueError(f"{text!r} is not a number")
    elif len(marks) == 1:
        head, tail = re.split(r"[.,]", digits)
        if len(tail) != 3 or head.strip("0") == "":
            decimal = marks[0]  # 8,3 or 0.125: a decimal mark
        elif _current == "en":
            decimal = "." if marks[0] == "." else ""  # English: 1.200 is 1.2, 1,200 is 1200
        elif not whole:
            as_thousands = float(head + tail)
            as_decimal = float(f"{head}.{tail}")
            raise AmbiguousNumber(text.strip(), (sign * as_thousands, sign * as_decimal))
    grouping = {".": ",", ",": "."}.get(decimal, marks[0])
    whole_part, _, fraction = digits.partition(decimal) if decimal else (digits, "", "")
    groups = whole_part.split(grouping)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        raise ValueError(f"{text!r} is not a number")
    return sign * float("".join(groups) + ("." + fraction if fraction else ""))
