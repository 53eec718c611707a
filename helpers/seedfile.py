"""Read a seed file and say exactly what is wrong with it if it is damaged.

Every CSV file in ``seeds/`` is read in the same steps, and the first problem stops the
reading with one ``SeedError`` naming the file, the line (the header is line 1), the column
(by name and number), what is wrong and what is allowed:

1. the bytes must be UTF-8 text, and there must be some;
2. line 1 is the header: column names separated by commas;
3. every later line is one row with as many cells as the header has columns, and no row
   is empty;
4. each column follows the file's ``Schema`` (see ``SCHEMAS`` at the end): which columns
   must be there and filled in, which hold numbers, dates or one of a few categories, which
   column names each row (unique, lower_snake_case), and ``low <= value <= high``.

>>> from helpers.sources import SEEDS
>>> read(SEEDS / "facts.csv")["id"].iloc[0]
'nk_active_rok_2022'
>>> print(SeedError.at("seeds/facts.csv", 14, ("value", 3), "'10,000' is not a number", NUMBER_RULE))
seeds/facts.csv, line 14, column "value" (no. 3): '10,000' is not a number (write digits with no spaces or thousands separators and a decimal point, e.g. 10000 or 8.3)
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = [
    "SeedError",
    "Schema",
    "SCHEMAS",
    "text",
    "rows",
    "check",
    "read",
    "read_json",
    "is_date",
]

NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
NUMBER_RULE = (
    "write digits with no spaces or thousands separators and a decimal point, e.g. 10000 or 8.3"
)
DATE_SHAPES = {"YYYY": r"\d{4}", "YYYY-MM": r"\d{4}-\d{2}", "YYYY-MM-DD": r"\d{4}-\d{2}-\d{2}"}
ANY_DATE = ("YYYY", "YYYY-MM", "YYYY-MM-DD")
ID = re.compile(r"[a-z0-9_]+")
Rows = list[tuple[int, list[str]]]  # each row's cells, with the line the row starts on


class SeedError(ValueError):
    """A problem in a seed file: the message says file, line, column, what and what is allowed."""

    @classmethod
    def at(
        cls,
        file: str | Path,
        line: int,
        column: tuple[str, int | None] | None,
        problem: str,
        allowed: str,
    ) -> SeedError:
        """The error for ``problem`` at ``line`` and ``column`` (its name and 1-based number,
        either of which may be unknown: ``""`` or ``None``)."""
        where = f"{shown(file)}, line {line}"
        if column is not None:
            name, number = column
            where += f', column "{name}"' if name else ""
            if number is not None:
                where += f" (no. {number})" if name else f", column {number}"
        return cls(f"{where}: {problem} ({allowed})")


def shown(file: str | Path) -> str:
    """The file as a message names it: its folder and name, e.g. 'seeds/facts.csv'."""
    path = Path(file)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


@dataclass(frozen=True)
class Schema:
    """What one CSV seed file must hold. Columns the schema does not name may hold any text.

    ``dates`` maps a column to the shapes it allows (``ANY_DATE`` or some of them);
    ``categories`` maps a column to its allowed values; ``references`` maps a column to
    another seed file whose id column its values must come from; ``ordered`` names number
    columns that must not decrease from left to right where filled in (low, value, high).
    """

    columns: tuple[str, ...] = ()
    filled: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    dates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    categories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    id: str | None = None
    unique: tuple[str, ...] = ()
    references: dict[str, str] = field(default_factory=dict)
    ordered: tuple[str, ...] = ()


# --- 1. the bytes -----------------------------------------------------------------------


def text(path: str | Path) -> str:
    """The file's text, or a ``SeedError`` naming the line (and CSV column) that is not UTF-8."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(f"{shown(path)}: the file is missing (looked in {path.parent})") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # a spreadsheet may add a BOM
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        before = data[data.rfind(b"\n", 0, error.start) + 1 : error.start]
        column = None
        if path.suffix == ".csv":
            number = max(1, len(next(csv.reader([before.decode("utf-8", "replace")]), [])))
            header = next(csv.reader([data.split(b"\n")[0].decode("utf-8", "replace")]), [])
            column = (header[number - 1] if line > 1 and number <= len(header) else "", number)
        bad = data[error.start : error.start + 1].hex()
        raise SeedError.at(
            path,
            line,
            column,
            f"byte 0x{bad} is not UTF-8 text: the file was saved in another encoding",
            'save it as UTF-8: in a spreadsheet choose "CSV UTF-8", in an editor "UTF-8"',
        ) from None


def read_json(path: str | Path) -> dict:
    """A JSON file (the ``*.meta.json`` beside a source), with its line and column if broken."""
    try:
        return json.loads(text(path))
    except json.JSONDecodeError as error:
        raise SeedError.at(
            path, error.lineno, ("", error.colno), error.msg, "write valid JSON"
        ) from None


# --- 2 and 3. the header and the rows ---------------------------------------------------


def rows(path: str | Path, content: str | None = None) -> tuple[list[str], Rows]:
    """The header and each row with the line it starts on, checked for shape (steps 1-3).

    ``content`` is the file's text if already read.
    """
    path = Path(path)
    content = text(path) if content is None else content
    if not content.strip():
        raise SeedError.at(path, 1, None, "the file is empty", "line 1 must name the columns")
    reader = csv.reader(io.StringIO(content, newline=""))
    found: list[tuple[int, int, list[str]]] = []  # (first line, last line, cells)
    try:
        for cells in reader:
            first = found[-1][1] + 1 if found else 1
            found.append((first, reader.line_num, cells))
    except csv.Error as error:
        raise SeedError.at(
            path, reader.line_num, None, str(error), "write plain comma-separated text"
        ) from None
    while found and not found[-1][2]:  # blank lines at the very end do no harm
        found.pop()
    header = found[0][2]
    _check_header(path, header)
    if len(found) == 1:
        raise SeedError.at(path, 2, None, "no rows below the header", "add at least one row")
    for first, last, cells in found[1:]:
        if not any(cell.strip() for cell in cells):
            raise SeedError.at(path, first, None, "the row is empty", "delete the line")
        if len(cells) != len(header):
            _wrong_length(path, header, first, last, cells)
    return header, [(first, cells) for first, _, cells in found[1:]]


def _check_header(path: Path, header: list[str]) -> None:
    if not any(name.strip() for name in header):
        raise SeedError.at(path, 1, None, "line 1 is empty", "line 1 must name the columns")
    if len(header) == 1 and (other := [s for s in ";\t|" if s in header[0]]):
        raise SeedError.at(
            path,
            1,
            ("", 1),
            f"the header has one column: the file seems to use {other[0]!r} between columns",
            "separate the columns with commas",
        )
    for number, name in enumerate(header, start=1):
        if not name.strip():
            raise SeedError.at(path, 1, ("", number), "the column has no name", "name it")
        if header.index(name) < number - 1:
            raise SeedError.at(
                path, 1, (name, number), "the name is used twice", "each column once"
            )


def _wrong_length(path: Path, header: list[str], first: int, last: int, cells: list[str]) -> None:
    if last > first:
        raise SeedError.at(
            path,
            first,
            None,
            f"lines {first} to {last} were read as one row",
            'a cell that starts with a double quote (") must end with one',
        )
    if len(cells) > len(header):
        raise SeedError.at(
            path,
            first,
            ("", len(header) + 1),
            f"the row has {len(cells)} cell{'s' * (len(cells) != 1)} "
            f"but the header has {len(header)} columns",
            "a comma inside a cell needs the cell in double quotes; numbers need no commas",
        )
    raise SeedError.at(
        path,
        first,
        (header[len(cells)], len(cells) + 1),
        f"the row has {len(cells)} cell{'s' * (len(cells) != 1)} "
        f"but the header has {len(header)} columns",
        "give every row a cell for every column, empty if need be",
    )


# --- 4. the columns ---------------------------------------------------------------------


def check(path: str | Path, header: list[str], found: Rows, schema: Schema):
    """Check every row against ``schema`` (step 4); raise ``SeedError`` at the first problem."""
    path = Path(path)
    for name in schema.columns:
        if name not in header:
            raise SeedError.at(
                path,
                1,
                (name, None),
                "the column is missing from the header",
                "the header must name: " + ", ".join(schema.columns),
            )
    where = {name: (name, number) for number, name in enumerate(header, start=1)}
    seen: dict[str, dict[str, int]] = {name: {} for name in (schema.id, *schema.unique) if name}
    known = {name: _ids(path.with_name(file)) for name, file in schema.references.items()}
    for line, cells in found:
        row = dict(zip(header, cells, strict=True))
        for name, cell in row.items():
            problem = _problem(name, cell, schema, known, seen, line)
            if problem:
                raise SeedError.at(path, line, where[name], *problem)
        numbers = [(name, float(row[name])) for name in schema.ordered if row[name]]
        for (low_name, low), (high_name, high) in itertools.pairwise(numbers):
            if low > high:
                raise SeedError.at(
                    path,
                    line,
                    where[low_name],
                    f"{low_name} ({row[low_name]}) is more than {high_name} ({row[high_name]})",
                    " <= ".join(schema.ordered) + " where given",
                )


def _problem(name, cell, schema, known, seen, line) -> tuple[str, str] | None:
    """What is wrong with one cell, and what is allowed; ``None`` if nothing."""
    if not cell.strip():
        return ("the cell is empty", f"every row needs a {name}") if name in schema.filled else None
    if name in schema.numbers and not NUMBER.fullmatch(cell):
        return f"{cell!r} is not a number", NUMBER_RULE
    if name in schema.dates and not is_date(cell, schema.dates[name]):
        *others, last = schema.dates[name]
        example = {"YYYY": "2024", "YYYY-MM": "2024-10", "YYYY-MM-DD": "2024-10-16"}[last]
        shapes = f"{', '.join(others)} or {last}" if others else last
        return f"{cell!r} is not a date", f"write {shapes}, e.g. {example}"
    allowed = schema.categories.get(name) or known.get(name)
    if allowed is not None and cell not in allowed:
        close = difflib.get_close_matches(cell, allowed, n=1) or [
            a for a in allowed if a.lower() == cell.lower()
        ]
        hint = f"; did you mean {close[0]!r}?" if close else ""
        if name in known:
            file = schema.references[name]
            return f"{cell!r} is not an id in {file}", f"the id of a row of {file}{hint}"
        return f"{cell!r} is not an allowed {name}", f"one of: {', '.join(allowed)}{hint}"
    if name == schema.id and not ID.fullmatch(cell):
        return f"{cell!r} is not a tidy id", "lower-case letters, digits and _, e.g. nk_army_size"
    if name in seen:
        if cell in seen[name]:
            return f"{cell!r} is already on line {seen[name][cell]}", f"each {name} only once"
        seen[name][cell] = line
    return None


def is_date(cell: str, shapes: tuple[str, ...] = ANY_DATE) -> bool:
    """Whether ``cell`` is a real date in one of ``shapes`` (YYYY, YYYY-MM, YYYY-MM-DD).

    >>> is_date("2024-10"), is_date("2024-02-30"), is_date("Oct 2024")
    (True, False, False)
    """
    if not any(re.fullmatch(DATE_SHAPES[shape], cell) for shape in shapes):
        return False
    year, month, day = (cell.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _ids(path: Path) -> set[str]:
    """The ids of another seed file, read and checked by its own schema."""
    schema = SCHEMAS[path.name]
    header, found = rows(path)
    check(path, header, found, schema)
    return {cells[header.index(schema.id)] for _, cells in found}


def read(path: str | Path, schema: Schema | None = None, **read_csv_options) -> pd.DataFrame:
    """A checked CSV seed file as pandas reads it (``read_csv_options`` go to ``pd.read_csv``).

    ``schema`` defaults to the file's entry in ``SCHEMAS`` (by file name), or just the
    checks of steps 1-3 for a file without one.
    """
    path = Path(path)
    content = text(path)
    header, found = rows(path, content)
    check(path, header, found, schema or SCHEMAS.get(path.name, Schema()))
    return pd.read_csv(io.StringIO(content), **read_csv_options)


# --- the schema of each seed file -------------------------------------------------------

_LOW_VALUE_HIGH = {"numbers": ("value", "low", "high"), "ordered": ("low", "value", "high")}

SCHEMAS: dict[str, Schema] = {
    "claims.csv": Schema(
        columns=("id", "speaker", "on_authority_of", "quote_nl", "claim_en")
        + ("value", "low", "high", "unit", "kind", "hedge", "booster"),
        filled=("id", "speaker", "on_authority_of", "quote_nl", "claim_en", "kind"),
        categories={"kind": ("reported fact", "estimate", "forecast", "opinion")},
        id="id",
        **_LOW_VALUE_HIGH,
    ),
    "facts.csv": Schema(
        columns=("id", "claim_en", "value", "low", "high", "unit")
        + ("as_of", "source", "url", "caveat", "kind"),
        filled=("id", "claim_en", "as_of", "source", "url", "caveat", "kind"),
        dates={"as_of": ANY_DATE},
        categories={
            "kind": ("official", "official claim", "official estimate")
            + ("estimate", "report", "one side's claim", "derived")
        },
        id="id",
        **_LOW_VALUE_HIGH,
    ),
    "timeline.csv": Schema(
        columns=("fact_id", "category", "measure", "kind", "event_en"),
        filled=("fact_id", "category", "measure", "kind", "event_en"),
        categories={
            "category": ("deployment", "casualties", "confirmation", "payments", "other"),
            "kind": ("reported fact", "estimate", "official claim", "one side's claim"),
        },
        id="fact_id",
        references={"fact_id": "facts.csv"},
    ),
    "russian_personnel_losses_monthly_ua_genstaff.csv": Schema(
        columns=("month", "month_increase", "avg_per_day", "cumulative_end"),
        filled=("month", "month_increase", "avg_per_day", "cumulative_end"),
        numbers=("month_increase", "avg_per_day", "cumulative_end"),
        dates={"month": ("YYYY-MM",)},
        unique=("month",),
    ),
}
