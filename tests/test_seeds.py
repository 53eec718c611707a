"""The sources in seeds/: verbatim quotes, checksums, unique ids, sane ranges, full citations."""

from __future__ import annotations

import calendar
import hashlib
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import sources

ROOT = Path(__file__).resolve().parent.parent
SHARED_ARTICLE_SHA256 = "562ebc500f99451b1ae7dbb086d8441c7884c58d246fe72fbdb92641d63217e9"
KINDS = {"reported fact", "estimate", "forecast", "opinion"}


def test_article_bytes_match_the_recorded_sha256():
    digest = hashlib.sha256(sources.ARTICLE_FILE.read_bytes()).hexdigest()
    assert digest == sources.article_meta()["sha256"] == SHARED_ARTICLE_SHA256


def test_article_keeps_its_odd_spacing():
    text = sources.article_text()
    assert "Oekraïne ." in text and "Noord-Korea ." in text
    assert text.startswith(" date 2024-10 ")


def test_meta_names_outlet_date_language_people_and_copy():
    meta = sources.article_meta()
    assert meta["outlet"] == "BNR Nieuwsradio"
    assert meta["date"] == "2024-10" and meta["language"] == "nl"
    names = {p["name"] for p in meta["people_quoted"]}
    assert {"Remco Breuker", "Joost Bosman"} <= names
    assert all(p["role"] for p in meta["people_quoted"])
    assert meta["public_copy"].startswith("https://www.welingelichtekringen.nl/")


def test_translation_is_aligned_block_by_block():
    blocks = sources.paragraphs()
    assert len(blocks) == 10
    # Headings stay headings: short blocks translate to short blocks.
    for nl, en in zip(blocks["nl"], blocks["en"], strict=True):
        assert (len(nl) < 40) == (len(en) < 40), (nl, en)
    # Numbers in a block reappear in its translation.
    for nl, en in zip(blocks["nl"], blocks["en"], strict=True):
        en_digits = re.sub(r"(?<=\d)[.,](?=\d)", "", en)
        for number in re.findall(r"\d[\d.]*\d|\d", nl):
            assert number.replace(".", "") in en_digits, (number, en)


def test_claims_quotes_are_verbatim_substrings_of_the_article():
    text = sources.article_text()
    for row in sources.claims().itertuples():
        assert row.quote_nl in text, f"{row.id}: quote not found verbatim"


def test_claims_have_required_columns_and_valid_kinds():
    table = sources.claims()
    required = {"id", "speaker", "on_authority_of", "quote_nl", "claim_en", "value", "low"}
    assert required | {"high", "unit", "kind", "hedge"} <= set(table.columns)
    assert 20 <= len(table) <= 30
    assert set(table["kind"]) <= KINDS
    for row in table.itertuples():
        assert row.speaker and row.on_authority_of and row.claim_en, row.id
        if not math.isnan(row.value) or not math.isnan(row.low):
            assert row.unit, f"{row.id} has a number but no unit"


def test_hedges_occur_in_their_quotes_or_near_them():
    text = sources.article_text()
    for row in sources.claims().itertuples():
        words = f"{row.hedge or ''};{row.booster or ''}"
        for hedge in filter(None, (h.strip() for h in words.split(";"))):
            assert hedge in text, f"{row.id}: hedge {hedge!r} is not in the article"


@pytest.mark.parametrize("name", ["claims", "facts"])
def test_ids_are_unique_and_tidy(name):
    table = getattr(sources, name)()
    assert table["id"].is_unique
    assert table["id"].str.fullmatch(r"[a-z0-9_]+").all()


@pytest.mark.parametrize("name", ["claims", "facts"])
def test_low_value_high_are_ordered(name):
    table = getattr(sources, name)()
    for row in table.itertuples():
        lo = -math.inf if math.isnan(row.low) else row.low
        hi = math.inf if math.isnan(row.high) else row.high
        assert lo <= hi, row.id
        if not math.isnan(row.value):
            assert lo <= row.value <= hi, row.id


def test_every_fact_has_source_date_url_and_caveat():
    for row in sources.facts().itertuples():
        assert row.source.strip(), row.id
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row.as_of), (row.id, row.as_of)
        assert row.url.startswith("https://"), row.id
        assert row.caveat.strip(), row.id
        assert row.kind.strip(), row.id


def test_disagreeing_sources_for_october_2024_are_both_kept():
    assert sources.fact("ukdi_losses_per_day_2024_10").value == 1354
    assert sources.fact("radakin_losses_per_day_2024_10").value == 1500


SHARED_NOTES = ROOT.parent / "shared" / "facts" / "NOTES.md"
# Hashes of every run of nine words in the shared fact notes: the notes' prose stays out of the
# repository, and the test below runs without them. Rewrite after the notes change with
# `python tests/test_seeds.py`.
NOTES_HASHES = Path(__file__).parent / "data" / "fact_notes_9_word_runs.sha256"


def _nine_word_runs(text: str) -> set[str]:
    """Hashes of each run of nine words (lower case, letters and apostrophes only)."""
    words = re.findall(r"[a-z']+", text.lower())
    runs = {" ".join(words[i : i + 9]) for i in range(len(words) - 8)}
    return {hashlib.sha256(run.encode()).hexdigest()[:16] for run in runs}


def test_facts_copy_no_prose_from_the_fact_sheet():
    """Our facts table reuses figures, not sentences: no run of nine words from the notes."""
    notes = set(NOTES_HASHES.read_text(encoding="utf-8").split())
    assert len(notes) > 1000, "the hashes of the notes are missing"
    for row in sources.facts().itertuples():
        copied = _nine_word_runs(f"{row.claim_en} {row.caveat}") & notes
        assert not copied, f"{row.id}: words copied from the fact notes"


def test_a_copied_sentence_would_be_found():
    notes = set(NOTES_HASHES.read_text(encoding="utf-8").split())
    some_notes = SHARED_NOTES.read_text(encoding="utf-8") if SHARED_NOTES.exists() else ""
    if not some_notes:
        pytest.skip("the shared notes are not beside this clone (the hashes are)")
    assert _nine_word_runs(" ".join(some_notes.split()[:300])) <= notes  # a copied passage
    assert notes == _nine_word_runs(some_notes), f"stale: run python {Path(__file__).name}"


def test_losses_series_is_internally_consistent():
    m = sources.losses_monthly()
    assert m["month"].is_monotonic_increasing
    steps = m["cumulative_end"].diff().dropna()
    assert (steps == m["month_increase"].iloc[1:].to_numpy()).all()
    days = [calendar.monthrange(p.year, p.month)[1] for p in m["month"]]
    assert (m["month_increase"] / pd.Series(days) - m["avg_per_day"]).abs().max() < 0.1


def test_losses_series_has_a_source_file():
    meta = json.loads(
        (sources.SEEDS / "russian_personnel_losses_monthly_ua_genstaff.meta.json").read_text()
    )
    assert "General Staff" in meta["source"] and meta["caveat"]


def test_claim_and_fact_lookups_reject_unknown_and_wrong_ids():
    with pytest.raises(KeyError):
        sources.claim("no_such_claim")
    with pytest.raises(TypeError):
        sources.fact(42)
    with pytest.raises(ValueError):
        sources.source_line()
    with pytest.raises(KeyError):
        sources.source_line("no_such_id")


if __name__ == "__main__":
    NOTES_HASHES.parent.mkdir(exist_ok=True)
    hashes = sorted(_nine_word_runs(SHARED_NOTES.read_text(encoding="utf-8")))
    NOTES_HASHES.write_text("\n".join(hashes) + "\n", encoding="utf-8")
    print(f"wrote {len(hashes)} hashes to {NOTES_HASHES}")
