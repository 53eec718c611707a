"""A damaged seed file fails loudly as it loads: file, line, column, what is wrong, what is allowed.

Each test writes a copy of the real seed files into a temporary folder, damages one of them
the way a hand edit or a spreadsheet might, points ``sources.SEEDS`` there and loads it.
The bad inputs found next to them (dates, sizes, NaN scores, ids, Monte Carlo) follow.
"""

from __future__ import annotations

import csv
import io
import math
import shutil

import numpy as np
import pytest

from helpers import costs, manpower, reading, seedfile, sources, timeline, uncertainty
from helpers.seedfile import SeedError
from helpers.uncertainty import Interval

FACTS = "facts.csv"
CLAIMS = "claims.csv"
TIMELINE = "timeline.csv"
LOSSES = "russian_personnel_losses_monthly_ua_genstaff.csv"
REAL_SEEDS = sources.SEEDS
LOADERS = {
    CLAIMS: sources.claims,
    FACTS: sources.facts,
    TIMELINE: lambda: sources.table("timeline"),
    LOSSES: sources.losses_monthly,
}


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    """A copy of the seed files in a temporary folder, which ``sources`` then reads."""
    for name in seedfile.SCHEMAS:
        shutil.copy(REAL_SEEDS / name, tmp_path / name)
    monkeypatch.setattr(sources, "SEEDS", tmp_path)
    return tmp_path


def lines_of(folder, name: str) -> list[str]:
    return (folder / name).read_text(encoding="utf-8").split("\n")


def write(folder, name: str, lines: list[str]) -> None:
    (folder / name).write_text("\n".join(lines), encoding="utf-8")


def set_cell(folder, name: str, line: int, column: str, value: str) -> None:
    """Put ``value`` in one cell (``line`` as an editor counts, the header is line 1)."""
    lines = lines_of(folder, name)
    header = next(csv.reader([lines[0]]))
    cells = next(csv.reader([lines[line - 1]]))
    cells[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    lines[line - 1] = out.getvalue()
    write(folder, name, lines)


def load_error(name: str) -> str:
    with pytest.raises(SeedError) as caught:
        LOADERS[name]()
    return str(caught.value)


def assert_names(message: str, name: str, line: int, column: str | None, *allowed: str):
    assert message.startswith(f"{sources.SEEDS.name}/{name}, line {line}"), message
    if column is not None:
        assert f'column "{column}"' in message, message
    for words in allowed:
        assert words in message, message


# --- the real files load unchanged --------------------------------------------------------


@pytest.mark.parametrize("name", list(seedfile.SCHEMAS))
def test_every_real_seed_file_passes_its_schema(name):
    frame = seedfile.read(REAL_SEEDS / name)
    assert len(frame) > 0


def test_schemas_allow_the_kinds_and_categories_the_helpers_know():
    schemas = seedfile.SCHEMAS
    assert schemas[CLAIMS].categories["kind"] == reading.KINDS
    assert schemas[TIMELINE].categories["category"] == timeline.CATEGORIES
    assert schemas[TIMELINE].categories["kind"] == timeline.KINDS


def test_seed_error_is_a_value_error():
    assert issubclass(SeedError, ValueError)


# --- one test per kind of damage ----------------------------------------------------------


@pytest.mark.parametrize("number", ["10,000", "1.280.000", "1 280 000", "nan", "ten"])
def test_bad_number_with_thousands_separators(seeds, number):
    set_cell(seeds, FACTS, 14, "value", number)
    message = load_error(FACTS)
    assert_names(message, FACTS, 14, "value", repr(number), "not a number", "e.g. 10000 or 8.3")


def test_bad_number_with_a_decimal_comma(seeds):
    set_cell(seeds, LOSSES, 3, "avg_per_day", "393,5")
    message = load_error(LOSSES)
    assert_names(message, LOSSES, 3, "avg_per_day", "'393,5' is not a number", "decimal point")


def test_unquoted_thousands_separator_splits_the_row(seeds):
    lines = lines_of(seeds, FACTS)
    lines[1] = lines[1].replace("1280000", "1,280,000")
    write(seeds, FACTS, lines)
    message = load_error(FACTS)
    assert_names(message, FACTS, 2, None, "column 12", "13 cells", "11 columns", "double quotes")


def test_missing_column(seeds):
    lines = lines_of(seeds, FACTS)
    lines[0] = lines[0].replace("value", "valeu")
    write(seeds, FACTS, lines)
    message = load_error(FACTS)
    assert_names(message, FACTS, 1, "value", "missing", "the header must name: id, claim_en")


@pytest.mark.parametrize("separator", [";", "\t"])
def test_wrong_delimiter(seeds, separator):
    write(seeds, LOSSES, [line.replace(",", separator) for line in lines_of(seeds, LOSSES)])
    message = load_error(LOSSES)
    assert_names(message, LOSSES, 1, None, "column 1", repr(separator), "with commas")


def test_wrong_encoding(seeds):
    text = (seeds / CLAIMS).read_text(encoding="utf-8")
    (seeds / CLAIMS).write_bytes(text.encode("cp1252"))  # the Dutch ï becomes one byte
    line = next(n for n, words in enumerate(text.split("\n"), start=1) if not words.isascii())
    message = load_error(CLAIMS)
    assert_names(message, CLAIMS, line, "quote_nl", "not UTF-8", "save it as UTF-8")


def test_a_spreadsheet_byte_order_mark_is_fine(seeds):
    text = (seeds / FACTS).read_text(encoding="utf-8")
    (seeds / FACTS).write_text(text, encoding="utf-8-sig")
    assert list(sources.facts().columns)[0] == "id"


@pytest.mark.parametrize("content", ["", "\n\n", "   "])
def test_empty_file(seeds, content):
    (seeds / CLAIMS).write_text(content, encoding="utf-8")
    message = load_error(CLAIMS)
    assert_names(message, CLAIMS, 1, None, "empty", "line 1 must name the columns")


def test_header_without_rows(seeds):
    write(seeds, FACTS, lines_of(seeds, FACTS)[:1])
    assert_names(load_error(FACTS), FACTS, 2, None, "no rows below the header")


def test_duplicate_id(seeds):
    lines = lines_of(seeds, CLAIMS)
    write(seeds, CLAIMS, [*lines[:-1], lines[1], ""])  # the first claim again, at the end
    last = len(lines)
    message = load_error(CLAIMS)
    assert_names(message, CLAIMS, last, "id", "'nk_soldiers_left' is already on line 2", "once")
    with pytest.raises(SeedError, match="already on line 2"):
        sources.claim("nk_soldiers_left")  # not float() of a Series


def test_unknown_category(seeds):
    set_cell(seeds, CLAIMS, 6, "kind", "Opinion")
    message = load_error(CLAIMS)
    assert_names(
        message, CLAIMS, 6, "kind", "'Opinion'", "reported fact, estimate, forecast, opinion"
    )
    assert "did you mean 'opinion'" in message


def test_unknown_category_in_the_timeline(seeds):
    set_cell(seeds, TIMELINE, 4, "category", "rumours")
    message = load_error(TIMELINE)
    assert_names(message, TIMELINE, 4, "category", "'rumours'", "deployment, casualties")


def test_timeline_naming_a_fact_that_does_not_exist(seeds):
    set_cell(seeds, TIMELINE, 4, "fact_id", "nis_decided_1200")
    message = load_error(TIMELINE)
    assert_names(message, TIMELINE, 4, "fact_id", "not an id in facts.csv", "nis_decided_12000")


def test_low_more_than_high(seeds):
    set_cell(seeds, FACTS, 8, "value", "")
    set_cell(seeds, FACTS, 8, "low", "5000")
    set_cell(seeds, FACTS, 8, "high", "1000")
    message = load_error(FACTS)
    assert_names(message, FACTS, 8, "low", "low (5000) is more than high (1000)", "low <= value")


def test_value_outside_its_range(seeds):
    set_cell(seeds, CLAIMS, 2, "high", "9000")  # value 10000
    message = load_error(CLAIMS)
    assert_names(message, CLAIMS, 2, "value", "value (10000) is more than high (9000)")


@pytest.mark.parametrize("row", [",,,,,,,,,,", "", " , ,"])
def test_empty_row(seeds, row):
    lines = lines_of(seeds, FACTS)
    write(seeds, FACTS, [*lines[:6], row, *lines[6:]])
    assert_names(load_error(FACTS), FACTS, 7, None, "the row is empty", "delete the line")


def test_blank_lines_at_the_end_do_no_harm(seeds):
    (seeds / FACTS).write_text((seeds / FACTS).read_text() + "\n\n", encoding="utf-8")
    assert len(sources.facts()) == len(seedfile.read(REAL_SEEDS / FACTS))


@pytest.mark.parametrize("date", ["Oct 2024", "2024-13", "2024-02-30", "24-10", "2024/10/16"])
def test_bad_date(seeds, date):
    set_cell(seeds, FACTS, 10, "as_of", date)
    message = load_error(FACTS)
    assert_names(message, FACTS, 10, "as_of", repr(date), "YYYY, YYYY-MM or YYYY-MM-DD")


def test_bad_month_in_the_losses_table(seeds):
    set_cell(seeds, LOSSES, 5, "month", "2022-06-01")
    assert_names(load_error(LOSSES), LOSSES, 5, "month", "write YYYY-MM, e.g. 2024-10")


def test_empty_cell_that_must_be_filled(seeds):
    set_cell(seeds, FACTS, 10, "source", "")
    assert_names(load_error(FACTS), FACTS, 10, "source", "empty", "every row needs a source")


def test_untidy_id(seeds):
    set_cell(seeds, FACTS, 10, "id", "NK soldiers")
    assert_names(load_error(FACTS), FACTS, 10, "id", "not a tidy id", "lower-case letters")


def test_row_with_too_few_cells(seeds):
    lines = lines_of(seeds, LOSSES)
    lines[4] = lines[4].rsplit(",", 1)[0]
    write(seeds, LOSSES, lines)
    message = load_error(LOSSES)
    assert_names(message, LOSSES, 5, "cumulative_end", "3 cells", "4 columns")


def test_unclosed_quote(seeds):
    lines = lines_of(seeds, LOSSES)
    lines[4] = lines[4].replace(",", ',"', 1)  # a cell opens a double quote, none closes it
    write(seeds, LOSSES, lines)
    message = load_error(LOSSES)
    assert_names(message, LOSSES, 5, None, "lines 5 to", "read as one row", "double quote")


def test_duplicate_column_name(seeds):
    lines = lines_of(seeds, LOSSES)
    lines[0] = lines[0].replace("avg_per_day", "month_increase")
    write(seeds, LOSSES, lines)
    assert_names(load_error(LOSSES), LOSSES, 1, "month_increase", "used twice")


def test_missing_file(seeds):
    (seeds / FACTS).unlink()
    with pytest.raises(SeedError, match="facts.csv: the file is missing"):
        seedfile.read(seeds / FACTS)


def test_broken_article_text_and_meta_name_their_line(tmp_path):
    text = tmp_path / "article.txt"
    text.write_bytes("eerste regel\nOekraïne\n".encode("cp1252"))
    with pytest.raises(SeedError, match=r"article\.txt, line 2: byte 0xef is not UTF-8"):
        seedfile.text(text)
    meta = tmp_path / "x.meta.json"
    meta.write_text('{\n  "outlet": "BNR",\n  "date" "2024-10"\n}\n', encoding="utf-8")
    with pytest.raises(SeedError, match=r"x\.meta\.json, line 3, column 10"):
        seedfile.read_json(meta)


# --- bad input found next to the seed files -----------------------------------------------


def test_months_between_refuses_a_date_it_cannot_read():
    with pytest.raises(ValueError, match="start must be a date written YYYY-MM"):
        timeline.months_between("Oct 2024", "2025-09")
    with pytest.raises(ValueError, match="end"):
        timeline.months_between("2024-10", "2025-13")
    assert timeline.months_between("2024-10", "2025-09") == 11


def test_sizes_have_an_upper_bound():
    """Each size is refused before any work is done (so nothing hangs on a huge number)."""
    with pytest.raises(ValueError, match="periods must be at most 10,000"):
        manpower.simulate_force(600_000, 10**12, 1, 1)
    with pytest.raises(ValueError, match="months must be at most 600"):
        manpower.draw_force_path(1_200, 1_000, 0, months=10**7)
    with pytest.raises(ValueError, match="draws must be at most 1,000,000"):
        uncertainty.monte_carlo(lambda a: a, draws=10**12, a=Interval(0, 1))
    assert len(manpower.simulate_force(600_000, 10_000, 1, 1)) == 10_001


def test_weighted_scores_refuses_a_missing_score():
    scores = costs.DEFAULT_SCORES.copy().astype(float)
    option, criterion = scores.index[1], scores.columns[0]
    scores.loc[option, criterion] = math.nan
    with pytest.raises(ValueError) as caught:
        costs.weighted_scores(scores, {criterion: 1, scores.columns[1]: 1})
    assert repr(option) in str(caught.value) and repr(criterion) in str(caught.value)
    assert "NaN" in str(caught.value)


ONE_ID = "russia_losses_per_day"
BARE_STRING_CALLS = {
    "source_ids": [
        lambda ids: manpower.DaysCoveredChart(source_ids=ids),
        lambda ids: manpower.ForcePathChart(source_ids=ids),
        lambda ids: manpower.draw_force_path(1_200, 1_000, 0, source_ids=ids),
        lambda ids: manpower.draw_days_by_source(10_000, {"a": 1_000}, source_ids=ids),
    ],
    "ids": [
        lambda ids: manpower.recruitment_per_day(ids),
        lambda ids: uncertainty.draw_estimates(ids, "people per day"),
    ],
    "recruit_ids": [lambda ids: manpower.draw_losses_series(recruit_ids=ids)],
}


@pytest.mark.parametrize(
    ("name", "call"),
    [(name, call) for name, calls in BARE_STRING_CALLS.items() for call in calls],
)
def test_a_bare_string_is_not_taken_for_a_list_of_ids(name, call):
    with pytest.raises(TypeError) as caught:
        call(ONE_ID)
    message = str(caught.value)
    assert message.startswith(f"{name} must be a list of ids"), message
    assert '["a", "b"]' in message and "no claim with id 'r'" not in message


def test_source_line_takes_ids_one_by_one():
    assert sources.source_line(ONE_ID) == sources.source_line(*[ONE_ID])


def test_monte_carlo_refuses_a_function_that_returns_nothing_or_not_numbers():
    ranges = {"a": Interval(0, 1), "b": Interval(1, 2)}
    with pytest.raises(TypeError, match="func returned nothing"):
        uncertainty.monte_carlo(lambda a, b: None, draws=10, **ranges)
    with pytest.raises(TypeError, match="func must return numbers"):
        uncertainty.monte_carlo(lambda a, b: "a - b", draws=10, **ranges)
    with pytest.raises(ValueError, match="one number per draw"):
        uncertainty.monte_carlo(lambda a, b: [1.0, 2.0], draws=10, **ranges)
    with pytest.raises(ValueError, match="NaN"):
        uncertainty.monte_carlo(lambda a, b: np.where(a > 0.5, np.nan, b), draws=10, **ranges)
    same = uncertainty.monte_carlo(lambda a, b: 3, draws=10, **ranges)
    assert same.tolist() == [3.0] * 10
    assert np.allclose(uncertainty.monte_carlo(lambda a, b: b - a, draws=10, **ranges), 1, atol=1)


def test_check_with_damaged_seeds_says_so_and_does_not_raise(seeds):
    from helpers.checks import check

    set_cell(seeds, CLAIMS, 2, "value", "10,000")  # nk_soldiers_left, used by exercise 1.4
    feedback = check("1.4", 240_000_000)
    assert not feedback.correct
    assert "course's data could not be read" in feedback.message, feedback.message
    assert 'claims.csv, line 2, column "value"' in feedback.message, feedback.message
