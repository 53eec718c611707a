"""Keep the Dutch message catalogues (helpers/locale/nl/*.po) in step with the English in the code.

    python tools/po.py update              # add every new English text to its catalogue
    python tools/po.py update nb03 lesson03   # only these catalogues
    python tools/po.py missing             # list the texts with no Dutch yet

Which texts go in which file:
- ``helpers/<module>.py``: every ``tr("...")`` with a written-out text goes to
  ``helpers/locale/nl/<module>.po``;
- ``helpers/exercises/<nbNN|quiz>.py``: every exercise's question, hint, unit, mistakes,
  well-done line and worked answer goes to ``helpers/locale/nl/<nbNN|quiz>.po``.

A new text gets an empty ``msgstr ""``: write its Dutch there. Texts the code no longer uses
stay at the end of their file under a comment, so no translation is lost; delete them when
you are sure.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers.language import LOCALE, read_po  # noqa: E402

LANGUAGE = "nl"
OBSOLETE = "# Below: texts the code no longer uses (kept so that no translation is lost)."


def module_texts(path: Path) -> list[str]:
    """The written-out texts of a module's ``tr("...")`` calls, in order."""
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "tr"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.col_offset, node.args[0].value))
    texts = [text for _, _, text in sorted(found)]
    return sorted(set(texts), key=texts.index)


def exercise_texts(module: str) -> list[str]:
    """Every text a student or teacher can see of one exercise module's exercises."""
    from importlib import import_module

    exercises = import_module(f"helpers.exercises.{module}").EXERCISES
    texts: list[str] = []
    for exercise in exercises.values():
        texts += [exercise.question, exercise.hint, exercise.unit, exercise.well_done]
        texts += [mistake.says for mistake in exercise.mistakes]
        texts.append(exercise.working)
    texts = [t for t in texts if t]
    return sorted(set(texts), key=texts.index)


def seed_texts() -> list[str]:
    """The English texts of ``seeds/`` that the helpers show in tables and charts.

    Chosen columns: timeline.csv ``event_en``, ``category``, ``kind``; claims.csv and
    facts.csv ``kind`` and ``unit``; claims.csv ``on_authority_of`` and ``claim_en`` (our
    English for the article's words: its Dutch is the article's own words, ``quote_nl``,
    verbatim); facts.csv ``claim_en``, ``source`` and ``caveat`` of the facts that the
    timeline, ``reading``, ``uncertainty`` and the tables of lessons 01 and 02 show; the short source names under charts
    (``style.short_citation``, of every claim and fact); the words after a currency code
    (``USD per year``: ``per year``) and one-of units (``1 translator per 30 soldiers``).
    """
    from helpers import lesson01, lesson02, money, reading, sources, style, uncertainty

    claims, facts = sources.claims(), sources.facts()
    timeline = sources.table("timeline")
    texts: list[str] = []
    texts += list(timeline["event_en"]) + list(timeline["category"]) + list(timeline["kind"])
    texts += list(claims["kind"]) + list(facts["kind"])
    units = list(claims["unit"]) + list(facts["unit"])
    for unit in units:
        texts.append(unit)
        if unit.startswith(("USD ", "KRW ")):
            texts.append(unit[4:])
        first, _, rest = unit.partition(" ")
        if rest and first.endswith("s") and not first.endswith("ies"):
            texts.append(f"{first[:-1]} {rest}")
    # Facts: those the timeline, the reading tables and the uncertainty charts show.
    shown = set(timeline["fact_id"]) | {i for ids in reading.CHECKS.values() for i in ids}
    shown |= {i for ids in uncertainty.HEADLINE_SOURCES.values() for i in ids} | set(
        uncertainty.LABELS
    )
    shown |= set(lesson01.BACKGROUND_FACTS) | set(lesson02.SHOWN_FACTS)  # the lessons' tables
    shown |= set(money.gain_facts())
    facts = facts[facts["id"].isin(shown)]
    texts += list(claims["on_authority_of"]) + list(facts["claim_en"]) + list(facts["source"])
    texts += list(facts["caveat"])
    texts += list(claims["claim_en"])  # its Dutch: the article's own words, quote_nl
    for id_ in list(claims["id"]) + list(sources.facts()["id"]):  # every chart's footer
        name, who = style.short_citation(id_)
        texts += name.split("; ")
        speaker, citing, authority = who.partition(", citing ")
        texts.append(authority if citing else who)
    texts = [t for t in texts if isinstance(t, str) and t.strip()]
    return sorted(set(texts), key=texts.index)


def all_texts() -> dict[str, list[str]]:
    """Catalogue name -> the English texts it must hold."""
    wanted: dict[str, list[str]] = {}
    for path in sorted((ROOT / "helpers").glob("*.py")) + [ROOT / "tools" / "handouts.py"]:
        texts = module_texts(path)
        if texts:
            wanted[path.stem] = texts
    for path in sorted((ROOT / "helpers" / "exercises").glob("*.py")):
        if path.stem != "__init__":
            wanted[path.stem] = exercise_texts(path.stem)
    wanted["seeds"] = seed_texts()
    return wanted


def quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"'


def source_of(name: str) -> str:
    if (ROOT / "helpers" / "exercises" / f"{name}.py").exists():
        return f"the exercises in helpers/exercises/{name}.py"
    if (ROOT / "tools" / f"{name}.py").exists():
        return f"tools/{name}.py"
    return f"helpers/{name}.py"


def write_po(path: Path, texts: list[str], known: dict[str, str]) -> None:
    lines = [
        f"# Dutch for the English texts of {source_of(path.stem)}.",
        "# Edit a msgstr to change the Dutch; the msgid is the English in the code.",
        "# tools/po.py update adds new texts; see CONTRIBUTING.md.",
        "",
    ]
    for text in texts:
        lines += [f"msgid {quote(text)}", f"msgstr {quote(known.get(text, ''))}", ""]
    old = [t for t in known if t not in texts]
    if old:
        lines += [OBSOLETE, ""]
        for text in old:
            lines += [f"msgid {quote(text)}", f"msgstr {quote(known[text])}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def update(names: list[str]) -> None:
    folder = LOCALE / LANGUAGE
    folder.mkdir(parents=True, exist_ok=True)
    for name, texts in all_texts().items():
        if names and name not in names:
            continue
        path = folder / f"{name}.po"
        known = read_po(path) if path.exists() else {}
        write_po(path, texts, known)


def missing() -> list[tuple[str, str]]:
    """(catalogue, English) for every text with no Dutch yet."""
    gaps = []
    for name, texts in all_texts().items():
        path = LOCALE / LANGUAGE / f"{name}.po"
        known = read_po(path) if path.exists() else {}
        gaps += [(name, t) for t in texts if not known.get(t)]
    return gaps


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update(argv[1:])
        return 0
    if argv == ["missing"]:
        gaps = missing()
        for name, text in gaps:
            print(f"{name}.po: {text[:100]!r}")
        print(f"{len(gaps)} texts with no Dutch yet")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
