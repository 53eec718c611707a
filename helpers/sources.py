"""Load the course's sources from ``seeds/``: the article, its claims and the outside facts.

Every number a notebook shows comes from here (or is computed from it by another helper),
so a reader can always ask "says who?" and get an answer.

>>> claim("pay_per_soldier_month").value
2000.0
>>> fact("rub_per_usd_2024_10_16").unit
'RUB per USD'
>>> source_line("russia_losses_per_day")
'Source: BNR Nieuwsradio, Oct 2024 (Joost Bosman, citing the British Ministry of Defence).'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from helpers import seedfile
from helpers.language import language, number_text, tr
from helpers.markdown import escape_dollars

__all__ = [
    "SEEDS",
    "ARTICLE_FILE",
    "Sourced",
    "article_text",
    "article_meta",
    "paragraphs",
    "claims",
    "facts",
    "claim",
    "fact",
    "quote",
    "source_line",
    "table",
    "losses_monthly",
    "Passage",
    "passage",
]

# In the repository the data is the top-level seeds/; an installed package (pip install, a class
# server) carries a copy as helpers/seeds/ (see pyproject.toml).
SEEDS = Path(__file__).resolve().parent / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE_FILE = SEEDS / "bnr-2024-10-north-korean-soldiers.nl.txt"
TRANSLATION_FILE = SEEDS / "bnr-2024-10-north-korean-soldiers.en.txt"
META_FILE = SEEDS / "bnr-2024-10-north-korean-soldiers.meta.json"
ARTICLE_CITATION = "BNR Nieuwsradio, Oct 2024"
SCRAPED_PREFIX = " date 2024-10 "  # not the article's words: see paragraphs()


@dataclass(frozen=True)
class Sourced:
    """A number (or statement) together with where it comes from.

    ``value``, ``low`` and ``high`` are floats, or ``None`` where the source gives none.
    """

    id: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    text: str
    citation: str
    quote_nl: str = ""
    caveat: str = ""
    as_of: str = ""
    kind: str = ""

    @property
    def shown_citation(self) -> str:
        """Where it comes from, as a reader of the language in use reads it (the article's
        outlet and who it cites, or a fact's source, translated; dates as they are).

        >>> claim("russia_losses_per_day").shown_citation
        'BNR Nieuwsradio, Oct 2024 (Joost Bosman, citing the British Ministry of Defence)'
        """
        return _citation_text(self.id, self.citation)

    def __repr__(self) -> str:
        shown = "-" if self.value is None else number_text(f"{self.value:,.10g}")
        return f"{self.id}: {shown} {tr(self.unit)} ({self.shown_citation})".replace(" ()", "")


def _read_text(path: Path) -> str:
    text = seedfile.text(path)  # a SeedError names the line if the file is not UTF-8
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as Path.read_text does


def article_text() -> str:
    """The article exactly as published (Dutch), odd spacing and all.

    >>> article_text().startswith(" date 2024-10 Er zijn nu tienduizend")
    True
    """
    return _read_text(ARTICLE_FILE)


def article_meta() -> dict:
    """Outlet, date, language, the people quoted, a public copy's address and the sha256.

    >>> article_meta()["outlet"]
    'BNR Nieuwsradio'
    """
    return seedfile.read_json(META_FILE)


def paragraphs() -> pd.DataFrame:
    """The article block by block: Dutch text beside our English translation.

    Headings count as blocks too, so the numbering matches the printed article.

    >>> p = paragraphs()
    >>> list(p.columns)
    ['block', 'nl', 'en']
    >>> p.loc[2, "en"]
    'A cold business deal'
    >>> p.loc[0, "nl"][:25]
    'Er zijn nu tienduizend No'
    """
    nl = article_text().split("\n\n")
    # The saved file starts with " date 2024-10 ", added by the tool that saved the page, not
    # by BNR: the file stays byte for byte as saved, the passages leave those words out.
    nl[0] = nl[0].removeprefix(SCRAPED_PREFIX)
    en = _read_text(TRANSLATION_FILE).rstrip("\n").split("\n\n")
    if len(nl) != len(en):
        raise ValueError(f"translation has {len(en)} blocks but the article has {len(nl)}")
    return pd.DataFrame({"block": range(1, len(nl) + 1), "nl": nl, "en": en})


@cache
def _read(path: Path, blanks_as_text: bool = False) -> pd.DataFrame:
    """A seed file checked against its schema (``helpers/seedfile.py``), read once per session.

    Any damage stops here with a ``SeedError`` naming the file, line and column. Empty cells
    stay ``""`` with ``blanks_as_text`` (claims, facts) and become NaN otherwise. Cached by
    path, so a test may point ``SEEDS`` at a damaged copy.
    """
    if blanks_as_text:
        return seedfile.read(path, dtype={"hedge": "string"}, keep_default_na=False)
    return seedfile.read(path)


def _claims() -> pd.DataFrame:
    return _read(SEEDS / "claims.csv", blanks_as_text=True)


def _facts() -> pd.DataFrame:
    return _read(SEEDS / "facts.csv", blanks_as_text=True)


def _numeric(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for col in ("value", "low", "high"):
        frame[col] = pd.to_numeric(frame[col].replace("", None), errors="raise").astype(float)
    return frame


@cache
def _by_id(path: Path) -> pd.DataFrame:
    return _numeric(_read(path, blanks_as_text=True)).set_index("id", drop=False)


def _claims_by_id() -> pd.DataFrame:
    return _by_id(SEEDS / "claims.csv")


def _facts_by_id() -> pd.DataFrame:
    return _by_id(SEEDS / "facts.csv")


def claims() -> pd.DataFrame:
    """Every checkable statement of the article, one row each (see ``seeds/claims.csv``).

    >>> len(claims()) >= 20
    True
    """
    return _numeric(_claims())


def facts() -> pd.DataFrame:
    """The outside figures the course uses, each with a source, a date and a caveat.

    >>> set(["source", "as_of", "caveat"]) <= set(facts().columns)
    True
    """
    return _numeric(_facts())


def _number(x: float) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def _require_id(kind: str, id_: object, known: pd.Index) -> str:
    if not isinstance(id_, str):
        raise TypeError(f"{kind} id must be text, got {id_!r}")
    if id_ not in known:
        raise KeyError(f"no {kind} with id {id_!r} in seeds/{kind}s.csv")
    return id_


def _claim_citation(row: pd.Series) -> str:
    """'Joost Bosman, citing the British Ministry of Defence' or just 'Remco Breuker'."""
    speaker = row["speaker"].split(" (")[0]
    authority = row["on_authority_of"]
    if authority == "own judgement" or authority.startswith("no source named"):
        return speaker
    return f"{speaker}, citing {authority}"


def _sourced(id_: str, row: pd.Series, **details: str) -> Sourced:
    """A row of claims.csv or facts.csv as a ``Sourced``: its numbers, unit and words."""
    return Sourced(
        id=id_,
        value=_number(row["value"]),
        low=_number(row["low"]),
        high=_number(row["high"]),
        unit=row["unit"],
        text=row["claim_en"],
        **details,
    )


def claim(id: str) -> Sourced:
    """One claim of the article, with its Dutch words and who said it on whose authority.

    >>> c = claim("russia_losses_per_day")
    >>> c.value, c.low, c.high, c.unit
    (1200.0, 1200.0, None, 'people per day')
    >>> c.quote_nl.endswith("minstens twaalfhonderd mensen aan het front")
    True
    """
    table_ = _claims_by_id()
    _require_id("claim", id, table_.index)
    row = table_.loc[id]
    return _sourced(
        id,
        row,
        citation=_short_citation(id),
        quote_nl=row["quote_nl"],
        kind=row["kind"],
        as_of="2024-10",
    )


def fact(id: str) -> Sourced:
    """One outside figure with its source, date and caveat.

    >>> f = fact("ukdi_losses_per_day_2024_10")
    >>> f.value, f.as_of
    (1354.0, '2024-11')
    """
    table_ = _facts_by_id()
    _require_id("fact", id, table_.index)
    row = table_.loc[id]
    return _sourced(
        id,
        row,
        citation=f"{row['source']}, {row['as_of']}",
        caveat=row["caveat"],
        as_of=row["as_of"],
        kind=row["kind"],
    )


def quote(id: str) -> str:
    """The verbatim Dutch words of a claim.

    >>> quote("cold_business")
    'Het is vooral heel nuchter en kil zakendoen'
    """
    return claim(id).quote_nl


def _short_citation(id_: str) -> str:
    """'BNR Nieuwsradio, Oct 2024 (Joost Bosman, citing ...)' or 'Source name, date'."""
    if not isinstance(id_, str):
        raise TypeError(f"source id must be text, got {id_!r}")
    if id_ in _claims_by_id().index:
        who = _claim_citation(_claims_by_id().loc[id_])
        who = who.replace("BNR Nieuwsradio, citing", "citing")
        return ARTICLE_CITATION if who == "BNR Nieuwsradio" else f"{ARTICLE_CITATION} ({who})"
    if id_ in _facts_by_id().index:
        row = _facts_by_id().loc[id_]
        return f"{row['source']}, {row['as_of']}"
    raise KeyError(f"no claim or fact with id {id_!r}")


def _citation_text(id_: str, citation: str) -> str:
    """A citation from ``_short_citation`` in the language in use."""
    if language() == "en":
        return citation
    if citation.startswith(ARTICLE_CITATION):
        who = citation[len(ARTICLE_CITATION) :].strip()[1:-1]
        return _article_citation(who)
    if id_ in _facts_by_id().index:
        row = _facts_by_id().loc[id_]
        return f"{tr(row['source'])}, {row['as_of']}"
    return citation


def _article_citation(who: str) -> str:
    """'BNR Nieuwsradio, Oct 2024 (who)' in the language in use; ``who`` in English."""
    outlet = tr("BNR Nieuwsradio, Oct 2024")
    return f"{outlet} ({_who_text(who)})" if who else outlet


def _who_text(who: str) -> str:
    """'Joost Bosman, citing the British Ministry of Defence' in the language in use."""
    parts = []
    for one in who.split("; "):
        speaker, citing, authority = one.partition("citing ")
        if citing and speaker:
            text = tr("{speaker}, citing {authority}").format(
                speaker=speaker.removesuffix(", "), authority=tr(authority)
            )
        elif citing:
            text = tr("citing {authority}").format(authority=tr(authority))
        else:
            text = one
        parts.append(text)
    return "; ".join(parts)


def source_line(*ids: str) -> str:
    """The short source note printed under a chart, for any mix of claim and fact ids.

    Repeated sources are listed once; the article's speakers are grouped together.

    >>> source_line("russia_losses_per_day", "nk_soldiers_left")
    'Source: BNR Nieuwsradio, Oct 2024 (Joost Bosman, citing the British Ministry of Defence; citing South Korean intelligence (NIS)).'
    >>> line = source_line("ukdi_losses_per_day_2024_10", "radakin_losses_per_day_2024_10")
    >>> line.startswith("Sources: UK Defence Intelligence, quoted by John Healey")
    True
    """
    if not ids:
        raise ValueError("source_line needs at least one claim or fact id")
    article: list[str] = []
    parts: list[str] = []
    part_ids: dict[str, str] = {}  # a source's citation -> the id that gave it
    for id_ in ids:
        text = _short_citation(id_)
        part_ids.setdefault(text, id_)
        if text.startswith(ARTICLE_CITATION):
            who = text[len(ARTICLE_CITATION) :].strip()[1:-1]  # drop the outer brackets
            if ARTICLE_CITATION not in parts:
                parts.append(ARTICLE_CITATION)
            if who and who not in article:
                article.append(who)
        elif text not in parts:
            parts.append(text)
    shown = [
        _article_citation("; ".join(article))
        if part == ARTICLE_CITATION
        else _citation_text(part_ids[part], part)
        for part in parts
    ]
    label = tr("Source") if len(parts) == 1 else tr("Sources")
    return f"{label}: " + "; ".join(shown) + "."


def _table(name: str) -> pd.DataFrame:
    return _read(SEEDS / f"{name}.csv")


def table(name: str) -> pd.DataFrame:
    """Any other small table in ``seeds/`` by file name without ``.csv``.

    >>> table("russian_personnel_losses_monthly_ua_genstaff").columns[0]
    'month'
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be text, got {name!r}")
    if not (SEEDS / f"{name}.csv").is_file():
        raise KeyError(f"no table seeds/{name}.csv")
    return _table(name).copy()


def losses_monthly() -> pd.DataFrame:
    """Russian personnel losses month by month, as claimed by Ukraine's General Staff.

    Columns: ``month`` (a pandas Period), ``month_increase``, ``avg_per_day``,
    ``cumulative_end``. One side's claims: see ``seeds/russian_personnel_losses.meta.json``.

    >>> m = losses_monthly()
    >>> m.loc[m["month"] == pd.Period("2024-10", "M"), "avg_per_day"].item()
    1351.3
    """
    frame = table("russian_personnel_losses_monthly_ua_genstaff")
    frame["month"] = pd.PeriodIndex(frame["month"], freq="M")
    return frame


@dataclass(frozen=True)
class Passage:
    """Blocks of the article in Dutch, each followed by our English translation.

    Shows as Markdown in a notebook: the Dutch in a ``<blockquote lang="nl">`` (so screen
    readers switch language), the English below it.
    """

    blocks: tuple[int, ...]
    nl: tuple[str, ...]
    en: tuple[str, ...]

    def _repr_markdown_(self) -> str:
        parts = []
        for n, nl, en in zip(self.blocks, self.nl, self.en, strict=True):
            if language() == "en":
                parts.append(
                    f'<blockquote lang="nl">{nl}</blockquote>\n\n*In English (block {n}):* {en}'
                )
            else:  # the article's own words; no translation under them
                block = tr("Block {n}").format(n=n)
                parts.append(f'*{block}:*\n\n<blockquote lang="nl">{nl}</blockquote>')
        return escape_dollars("\n\n".join(parts))

    def __repr__(self) -> str:
        return "\n\n".join(
            f"[{n}] NL: {nl}\n    EN: {en}"
            for n, nl, en in zip(self.blocks, self.nl, self.en, strict=True)
        )


def passage(*blocks: int) -> Passage:
    """The article's blocks (numbered from 1, headings included), Dutch beside English.

    >>> print(repr(passage(3)))
    [3] NL: Kille zakendeal
        EN: A cold business deal
    >>> passage(11)
    Traceback (most recent call last):
    ...
    ValueError: blocks must be numbers from 1 to 10, got 11
    """
    table_ = paragraphs()
    if not blocks:
        raise ValueError("passage needs at least one block number")
    for n in blocks:
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"blocks must be whole numbers, got {n!r}")
        if not 1 <= n <= len(table_):
            raise ValueError(f"blocks must be numbers from 1 to {len(table_)}, got {n}")
    rows = table_.set_index("block").loc[list(blocks)]
    return Passage(tuple(blocks), tuple(rows["nl"]), tuple(rows["en"]))
