"""Mutation testing of the formula and checker modules: ``make mutants``.

Runs mutmut (configured in pyproject.toml, ``[tool.mutmut]``: which files, which fast tests)
over the functions of those modules that compute or check something, never the chart drawing,
then writes tests/mutation/REPORT.md: totals per module and every surviving mutant with the
reason it may stay (``EQUIVALENT`` below) or "UNEXPLAINED" until a test kills it or a reason is
added.

The functions are chosen by module and by name *patterns* (``EXCLUDED``), read from the sources
when the run starts, so a renamed or new formula is tested without editing this file. Mutants
that only change the text of a string (a label, a sentence, a message: "XXlabelXX", "LABEL")
are counted but not run: they test prose, not arithmetic, and would double the run.

    python tools/mutants.py                       # everything, from scratch; writes the report
    python tools/mutants.py --modules checks money  # only these modules (report says so)
    python tools/mutants.py --again 'helpers.costs.x_monthly_gap__mutmut_*'  # rerun some mutants
    python tools/mutants.py --report              # rewrite the report from the last run
    python tools/mutants.py --stop-after 45       # stop after 45 minutes (partial report)

All the chosen modules' mutants go to one ``mutmut run`` (one snapshot of the sources and tests);
one worker by default (``--jobs 1``): the machine has two cores and others use it too.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections import Counter
from datetime import date
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
REPORT = ROOT / "tests" / "mutation" / "REPORT.md"
SEPARATOR = "ǁ"  # how mutmut writes Class.method in a mutant's name: xǁClassǁmethod

# Not mutated: the chart drawing and what only the charts use (their text and layout). The
# charts have their own tests (tests/test_chart_content.py). Shell-style patterns on the name of
# a top-level function or class.
EXCLUDED = (
    "draw_*",  # a chart
    "*Chart",  # a live chart's class (all its methods)
    "_bar_labels",  # value labels on a chart's bars
    "_spread",  # moves a chart's end labels apart
    "_share_text",  # a chart's caption text
    "_widget_constants",  # the fixed numbers of a chart's widget
    "*_source_line",  # a chart's source caption
    "_monte_carlo_source",  # a chart's source caption
    "_label_above",  # a value label above a point of a range chart (money)
    "_open_end",  # the dotted line and arrow of an open-ended range on a chart (uncertainty)
    # gives a chart's category axis its tick names back in Dutch (money): matplotlib layout, no
    # number; tests/test_chart_content.py draws every chart in Dutch and reads those ticks
    "_category_names",
)

# Surviving mutants that may stay: "function: mutated line" (as mutmut shows the line after the
# mutation, stripped) -> why no test can tell it from the original. Keyed by the line, not by the
# mutant's number, which changes whenever the function is edited.
EQUIVALENT: dict[str, str] = {
    'helpers.uncertainty._fmt: return number(x) if abs(x) > 100 else number_text(f"{x:.3g}")': (
        "Equivalent: at exactly 100 both ways print '100', in English and in Dutch."
    ),
    'helpers.uncertainty._fmt: return number(x) if abs(x) >= 101 else number_text(f"{x:.3g}")': (
        "Equivalent: from 100 to 101 both ways print the same whole number (100 or 101), in "
        "English and in Dutch."
    ),
    "helpers.uncertainty.histogram: clipped = np.clip(array, bins[0], bins[-2])": (
        "Equivalent: the last bin runs from bins[-2] to bins[-1], both included, so a result "
        "clipped to either edge is counted in it."
    ),
    "helpers.costs.contract_cost_parts: return pd.Series(_contract_parts(pay, federal, regional, "
    "months, rate), dtype=None)": (
        "Equivalent: every part is already a float (money.rub_to_usd returns one), so the "
        "Series is float64 either way."
    ),
    "helpers.costs.contract_cost_parts: return pd.Series(_contract_parts(pay, federal, regional, "
    "months, rate), )": (
        "Equivalent: every part is already a float (money.rub_to_usd returns one), so the "
        "Series is float64 either way."
    ),
    "helpers.checks._find_exercise: nearest = difflib.get_close_matches(qid[:10], "
    "list(exercises()), cutoff=0.5)": (
        "Equivalent: only nearest[0] is used, and get_close_matches lists the best match first "
        "whatever n is."
    ),
    "helpers.checks._find_exercise: nearest = difflib.get_close_matches(qid[:10], "
    "list(exercises()), n=2, cutoff=0.5)": (
        "Equivalent: only nearest[0] is used, and get_close_matches lists the best match first "
        "whatever n is."
    ),
    "helpers.checks._find_exercise: nearest = difflib.get_close_matches(qid[:11], "
    "list(exercises()), n=1, cutoff=0.5)": (
        "Equivalent while every exercise id has 3 characters: 10 or 11 typed characters match "
        "one at most 2 x 3 / 13 < 0.5, so neither suggests an id."
    ),
    "helpers.checks._as_number: def _as_number(answer: object, whole: bool = True) -> float | "
    "Feedback:": ("Equivalent: the only caller, _check_number, always passes whole."),
    "helpers.checks._is_rounding: math.isclose(value, round_to_figures(target, figures), )": (
        "Equivalent: 1e-9 is math.isclose's default rel_tol."
    ),
    "helpers.checks._is_rounding: for figures in range(fewest_figures, MOST_FIGURES + 2)": (
        "Equivalent for every exercise of the course: a rounding to 7 figures is off by at most "
        "5e-7 times the answer, inside each exercise's tolerance, which accepts it first."
    ),
    "helpers.checks.round_to_figures: step = Decimal(2).scaleb(exact.adjusted() - figures + 1)": (
        "Equivalent: Decimal.quantize uses only the step's exponent, the same for 1 and 2."
    ),
    "helpers.manpower._months_covered: year = fact(id_).as_of[:5]": (
        "Equivalent: a checked as_of is 'YYYY' or 'YYYY-MM...', so [:5] adds at most a '-', "
        "and pandas reads '2025--01' as 2025-01."
    ),
    "helpers.timeline._figure_text: return _money(x, unit.split(None)[0])": (
        "Equivalent for the course's units: words separated by single spaces, where split() "
        "and split(' ') give the same first word."
    ),
    'helpers.manpower.rate_table: tr("period"): [names.get(name, None) for name in RATE_PERIODS],': (
        "Equivalent: names has a translation for every period of RATE_PERIODS, so the default "
        "is never used."
    ),
    'helpers.manpower.rate_table: tr("period"): [names.get(name) for name in RATE_PERIODS],': (
        "Equivalent: names has a translation for every period of RATE_PERIODS, so the default "
        "is never used."
    ),
    'helpers.manpower.rate_table: tr("period"): [names.get(name, ) for name in RATE_PERIODS],': (
        "Equivalent: names has a translation for every period of RATE_PERIODS, so the default "
        "is never used."
    ),
    'helpers.timeline._figure_text: tail = unit[4:] if unit.startswith(("USD", "KRW")) '
    'else f" {unit}"': (
        "Equivalent for the course's money units ('USD', 'USD per year', 'USD per month', "
        "'KRW', ...): _tail strips the space that [3:] keeps, and the one money figure of "
        "exactly 1 ('USD per month') has no plural for the '1 translator' rule either way."
    ),
    'helpers.timeline._figure_text: tail = f" {first[:-1]} {rest}".lstrip()': (
        "Equivalent: tail is only used through _tail, which strips both ends."
    ),
    'helpers.timeline._money: return f"{dollar}{amount} {scale}{_tail(unit[4:])}"': (
        "Equivalent: _figure_text, the only caller, passes the currency code alone "
        "(unit.split(' ')[0]: 'USD' or 'KRW'), so unit[3:] and unit[4:] are both ''."
    ),
    'helpers.timeline._money: return f"{dollar}{amount}{_tail(unit[4:])}"': (
        "Equivalent: _figure_text, the only caller, passes the currency code alone "
        "(unit.split(' ')[0]: 'USD' or 'KRW'), so unit[3:] and unit[4:] are both ''."
    ),
    'helpers.timeline._money: return tr("{amount} trillion won").format(amount=amount) + '
    "_tail(unit[4:])": (
        "Equivalent: _figure_text, the only caller, passes the currency code alone "
        "(unit.split(' ')[0]: 'USD' or 'KRW'), so unit[3:] and unit[4:] are both ''."
    ),
}

# Kinds of mutation that cannot change behaviour wherever they occur: (the line before, the line
# after, as regular expressions) -> why.
EQUIVALENT_KINDS: tuple[tuple[str, str, str], ...] = (
    (
        r"allow_zero=False",
        r"allow_zero=None",
        "Equivalent: `allow_zero` is only read as `not allow_zero`, and None is false like False.",
    ),
    (
        r"zip\(probabilities, outcomes, strict=True\)",
        r"zip\(probabilities, outcomes, (strict=(None|False))?\)",
        "Equivalent: brier_score checks just before that both lists have the same length.",
    ),
    (
        r'zip\(outcomes\["probability"\], outcomes\["outcome"\], strict=True\)',
        r'outcomes\["outcome"\], (strict=(None|False))?\)',
        "Equivalent: two columns of one table always have the same length.",
    ),
    (
        r"zip\(FORECASTS, _outcomes\(\), strict=True\)",
        r"zip\(FORECASTS, _outcomes\(\), (strict=(None|False))?\)",
        "Equivalent: _outcomes() is built from FORECASTS, one entry per forecast.",
    ),
    (
        r"zip\(_forecasts\(\), _outcomes\(\), strict=True\)",
        r"zip\(_forecasts\(\), _outcomes\(\), (strict=(None|False))?\)",
        "Equivalent: _outcomes() is built from FORECASTS = _forecasts(tr=str), one entry per "
        "forecast, and _forecasts() lists the same five forecasts.",
    ),
    (
        r"zip\(names, corner, strict=True\)",
        r"zip\(names, corner, (strict=(None|False))?\)",
        "Equivalent: each corner is built with one end per name, from the same list of names.",
    ),
    (
        r'pd\.Period\((first|last), "M"\)',
        r"pd\.Period\((first|last), (None)?\)",
        "Equivalent: first and last are always written 'YYYY-MM', which pandas reads as a "
        "month anyway.",
    ),
    (
        r'pd\.Period\((start|end)\[:7\], "M"\)',
        r"pd\.Period\((start|end)\[:7\], (None)?\)",
        "Equivalent: pandas reads 'YYYY-MM' (the first 7 characters of a checked date) as a "
        "month anyway.",
    ),
)

STATUS = {  # mutmut's exit codes (mutmut/stats.py)
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    36: "timeout",
    -24: "timeout",
    24: "timeout",
    152: "timeout",
    255: "timeout",
    37: "caught by type check",
    None: "not checked",
}
KEPT_MARKER = "<!-- Below this line tools/mutants.py keeps the text as it is. -->"


def mutmut_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]


def module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def excluded(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in EXCLUDED)


def chosen_functions(path: str) -> list[str]:
    """mutmut's names for the functions of ``path`` to mutate: ``x_name``, ``xǁClassǁmethod``."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not excluded(node.name):
            names.append(f"x_{node.name}")
        elif isinstance(node, ast.ClassDef) and not excluded(node.name):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.append(f"x{SEPARATOR}{node.name}{SEPARATOR}{item.name}")
    return names


def patterns(modules: list[str]) -> list[str]:
    """One glob per chosen function: ``helpers.costs.x_monthly_gap__mutmut_*``."""
    return [
        f"{module_name(path)}.{function}__mutmut_*"
        for path in modules
        for function in chosen_functions(path)
    ]


ORDER = ("checks", "money", "manpower", "costs", "uncertainty", "timeline", "_validate")


def selected_modules(wanted: list[str] | None) -> list[str]:
    every = sorted(
        mutmut_config()["only_mutate"],
        key=lambda p: ORDER.index(Path(p).stem) if Path(p).stem in ORDER else len(ORDER),
    )
    if not wanted:
        return every
    chosen = [
        path for path in every if Path(path).stem.lstrip("_") in {w.lstrip("_") for w in wanted}
    ]
    unknown = (
        set(wanted) - {Path(p).stem for p in chosen} - {Path(p).stem.lstrip("_") for p in chosen}
    )
    if unknown:
        sys.exit(f"no such module in [tool.mutmut] only_mutate: {sorted(unknown)}")
    return chosen


def generate() -> None:
    """Let mutmut copy the sources to mutants/ and write every mutant (no tests run yet)."""
    code = (
        "import mutmut.__main__ as m; from mutmut.utils import file_utils as f; "
        "m.makedirs('mutants', exist_ok=True); f.copy_src_dir(); f.copy_also_copy_files(); "
        "m.create_mutants(1)"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def _shape(function: ast.FunctionDef, *, blank_text: bool) -> str:
    copy = ast.parse(ast.unparse(function)).body[0]
    copy.name = "f"
    if blank_text:
        for node in ast.walk(copy):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                node.value = ""
    return ast.dump(copy)


def text_only_mutants(path: str) -> set[str]:
    """The mutants of ``path`` (as written in mutants/) that change nothing but a string's text."""
    tree = ast.parse((MUTANTS / path).read_text(encoding="utf-8"))
    functions = {
        node.name: node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and "__mutmut_" in node.name
    }
    found = set()
    for name, function in functions.items():
        base, _, number = name.rpartition("__mutmut_")
        original = functions.get(base + "__mutmut_orig")
        if (
            number != "orig"
            and original is not None
            and _shape(function, blank_text=True) == _shape(original, blank_text=True)
        ):
            found.add(f"{module_name(path)}.{name}")
    return found


def mutants_to_run(path: str) -> list[str]:
    """The chosen mutants of ``path`` that change more than a string's text."""
    meta = json.loads((MUTANTS / (path + ".meta")).read_text(encoding="utf-8"))
    chosen = set(chosen_functions(path))
    text_only = text_only_mutants(path)
    return sorted(
        name
        for name in meta["exit_code_by_key"]
        if name.partition("__mutmut_")[0].rpartition(".")[2] in chosen and name not in text_only
    )


def run_mutmut(names: list[str], jobs: int, minutes: float | None = None) -> bool:
    """One ``mutmut run`` over ``names``; interrupted (Ctrl-C) after ``minutes``.

    Returns False if it was stopped for time. mutmut saves each mutant's result as it comes, so
    a stopped run keeps what it checked; the rest stays "not checked".
    """
    command = [str(Path(sys.executable).parent / "mutmut"), "run", "--max-children", str(jobs)]
    process = subprocess.Popen([*command, *names], cwd=ROOT, start_new_session=True)
    try:
        returncode = process.wait(timeout=None if minutes is None else max(minutes, 0) * 60)
    except subprocess.TimeoutExpired:
        print("out of time: stopping mutmut", flush=True)
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:  # mutmut 3.8.1 goes on after Ctrl-C: stop it
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        return False
    if returncode:
        sys.exit(f"mutmut stopped with exit code {returncode}")
    return True


def results(modules: list[str]) -> dict[str, str]:
    """Each chosen mutant's status after the last run: name -> "killed", "survived", ..."""
    chosen = {module_name(p): set(chosen_functions(p)) for p in modules}
    found = {}
    for path in modules:
        meta = MUTANTS / (path + ".meta")
        if not meta.exists():
            continue
        exit_codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        text_only = text_only_mutants(path)
        for name, code in exit_codes.items():
            function = name.partition("__mutmut_")[0].rpartition(".")[2]
            if function in chosen[module_name(path)]:
                found[name] = "text only" if name in text_only else STATUS.get(code, "suspicious")
    return found


def mutated_line(name: str) -> tuple[str, str]:
    """The line a mutant changes, before and after: from ``mutmut show``."""
    shown = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "show", name],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    removed = [line[1:].strip() for line in shown.splitlines() if re.match(r"-(?!--)", line)]
    added = [line[1:].strip() for line in shown.splitlines() if re.match(r"\+(?!\+\+)", line)]
    return " / ".join(removed), " / ".join(added)


def function_of(name: str) -> str:
    """``helpers.costs.x_monthly_gap__mutmut_3`` -> ``helpers.costs.monthly_gap``."""
    module, _, mangled = name.partition("__mutmut_")[0].rpartition(".")
    return f"{module}.{mangled.removeprefix('x_').strip(SEPARATOR).replace(SEPARATOR, '.')}"


def reason(name: str, before: str, after: str) -> str:
    for was, now, why in EQUIVALENT_KINDS:
        if re.search(was, before) and re.search(now, after):
            return why
    return EQUIVALENT.get(f"{function_of(name)}: {after}", "UNEXPLAINED")


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


RUN_INFO = MUTANTS / "run-info.json"  # what the last run did, for --report


def write_report(modules: list[str]) -> float:
    info = json.loads(RUN_INFO.read_text(encoding="utf-8")) if RUN_INFO.exists() else {}
    status = results(modules)  # a module stopped part way counts what it checked
    done = [
        p
        for p in modules
        if any(
            n.startswith(module_name(p) + ".") and s not in ("not checked", "text only")
            for n, s in status.items()
        )
    ]
    rows = []
    totals: Counter = Counter()
    for path in modules:
        counts = Counter(s for n, s in status.items() if n.startswith(module_name(path) + "."))
        run = sum(counts.values()) - counts["text only"] - counts["not checked"]
        if path in done:
            totals.update(counts)
            totals["run"] += run
        rows.append((f"`{path}`", run, counts, path in done))
    totals["not checked"] = sum(1 for s in status.values() if s == "not checked")
    rows.append(("**all run**", totals["run"], totals, True))

    minutes = info.get("minutes")
    lines = [
        "# Mutation report",
        "",
        "Written by `tools/mutants.py` (`make mutants`); CONTRIBUTING.md says when to rerun it.",
        "",
        f"- Date: {info.get('date', date.today().isoformat())}",
        f"- mutmut {version('mutmut')}, Python {sys.version.split()[0]}, "
        f"{info.get('jobs', 1)} worker(s) (`--max-children`)",
        f"- Command: `{info.get('command', 'make mutants')}`"
        + (f" ({minutes:.0f} minutes)" if minutes else "")
        + (", stopped for time" if info.get("complete") is False else ""),
        *(
            f"- Then `python tools/mutants.py --again <{again['mutants']} mutants>` "
            f"({again['minutes']:.0f} minutes{'' if again['complete'] else ', stopped for time'})"
            for again in info.get("again", [])
        ),
        f"- Modules: {', '.join(f'`{p}`' for p in modules)}",
        "- Not mutated (the chart drawing, tested by tests/test_chart_content.py): "
        + ", ".join(f"`{p}`" for p in EXCLUDED),
        "- Not run (counted as *text only*): mutants that change only the text of a string "
        "(labels, sentences, messages), not a number, an operator, a comparison or a call",
        "- Tests: "
        + ", ".join(f"`{t}`" for t in mutmut_config()["pytest_add_cli_args_test_selection"]),
        "- *Killed %* counts a timeout (a mutant that loops) as killed.",
        "",
        "| module | mutants run | killed | survived | timeout | other | killed % | text only "
        "| not run (stopped) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, run, c, was_run in rows:
        if not was_run:
            lines.append(f"| {label} | not run yet | | | | | | | |")
            continue
        other = run - c["killed"] - c["survived"] - c["timeout"]
        lines.append(
            f"| {label} | {run} | {c['killed']} | {c['survived']} | {c['timeout']} | {other} "
            f"| {percent(c['killed'] + c['timeout'], run)} | {c['text only']} | {c['not checked']} |"
        )
    survivors = sorted(
        n for n, s in status.items() if s not in ("killed", "timeout", "text only", "not checked")
    )
    lines += ["", f"## Surviving mutants ({len(survivors)})", ""]
    if not survivors:
        lines.append("None.")
    for name in survivors:
        before, after = mutated_line(name)
        lines.append(
            f"- `{name}` ({status[name]}): `{before}` → `{after}`. {reason(name, before, after)}"
        )
    kept = ""
    if REPORT.exists() and KEPT_MARKER in REPORT.read_text(encoding="utf-8"):
        kept = REPORT.read_text(encoding="utf-8").partition(KEPT_MARKER)[2].strip("\n")
    lines += ["", KEPT_MARKER, "", kept] if kept else ["", KEPT_MARKER]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return 100 * (totals["killed"] + totals["timeout"]) / max(totals["run"], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", nargs="+", help="e.g. checks money (default: all)")
    parser.add_argument("--again", nargs="+", help="rerun only these mutants (names or globs)")
    parser.add_argument("--report", action="store_true", help="only rewrite the report")
    parser.add_argument("--keep", action="store_true", help="keep mutants/ from the last run")
    parser.add_argument("--jobs", type=int, default=1, help="mutmut workers (default 1)")
    parser.add_argument(
        "--stop-after", type=float, help="stop the run after this many minutes (partial report)"
    )
    args = parser.parse_args()

    modules = selected_modules(args.modules)
    if args.again:
        start = time.monotonic()
        complete = run_mutmut(args.again, args.jobs, args.stop_after)
        if RUN_INFO.exists():  # the report lists the reruns after the first run
            info = json.loads(RUN_INFO.read_text(encoding="utf-8"))
            info.setdefault("again", []).append(
                {
                    "mutants": len(args.again),
                    "minutes": (time.monotonic() - start) / 60,
                    "complete": complete,
                }
            )
            RUN_INFO.write_text(json.dumps(info, indent=1), encoding="utf-8")
    elif not args.report:
        if not args.keep:
            shutil.rmtree(MUTANTS, ignore_errors=True)  # a fresh copy of sources and tests
        start = time.monotonic()
        generate()
        info = {
            "date": date.today().isoformat(),
            "command": " ".join(["python tools/mutants.py", *sys.argv[1:]])
            if sys.argv[1:]
            else "make mutants",
            "modules": [],
        }
        # One mutmut run over every chosen module: mutmut copies the sources and tests into
        # mutants/ when a run starts, so one run tests one snapshot of the working tree even if
        # others edit it meanwhile (a run per module would copy it again each time).
        names = []
        for path in modules:
            names += mutants_to_run(path)
            info["modules"].append(path)
        info["jobs"] = args.jobs
        print(f"--- {len(names)} mutants in {len(modules)} modules", flush=True)
        minutes = (
            None if args.stop_after is None else args.stop_after - (time.monotonic() - start) / 60
        )
        info["complete"] = run_mutmut(names, args.jobs, minutes) if names else True
        info["minutes"] = (time.monotonic() - start) / 60
        RUN_INFO.write_text(json.dumps(info, indent=1), encoding="utf-8")
    score = write_report(modules)
    print(f"{score:.1f} % of the mutants run were killed; report: {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
