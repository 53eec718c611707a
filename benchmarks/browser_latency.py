"""What a student waits for: from a key press on a slider to the new chart in JupyterLab.

``make bench`` times the slider callback inside the kernel. This times the whole loop a
student sees, in real JupyterLab and Debian's Chromium (the set-up of
``tests/test_browser.py``): the browser sends the new value, the kernel redraws, the
server passes the chart back and JupyterLab puts it in the page. A ``floor`` row does the
same with a slider whose callback does almost nothing: the cost of the loop itself.

Run with ``make bench-browser`` (about three minutes); it prints a table and writes
``benchmarks/browser_latency.json``. Not part of ``make test``: timings on a shared
machine are not a pass/fail matter.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_browser import (  # noqa: E402
    NOTEBOOKS,
    _code_cells_to_run,
    _controls,
    _output_of,
    _run_all,
    _wait_for_run_all,
    browser,  # noqa: F401 (a fixture)
    lab,  # noqa: F401 (a fixture)
)

RESULTS = Path(__file__).resolve().parent / "browser_latency.json"
MOVES, WARM_UP = 16, 2
P95_TARGET_MS = 150  # a lesson's slider, key press to new chart (the floor row has none)
LESSONS = [p for p in NOTEBOOKS if p.name[:2].isdigit()]
_found: dict[str, dict] = {}

# Records when the key goes down and when the output first changes, both on the page's
# own clock (performance.now), so Playwright's own delays do not count.
ARM = """([output]) => {
  window.__latency = {down: null, changed: null};
  window.__observer?.disconnect();
  window.__observer = new MutationObserver(() => {
    window.__latency.changed ??= performance.now();
  });
  window.__observer.observe(output, {subtree: true, childList: true, attributes: true});
  document.addEventListener('keydown', () => { window.__latency.down ??= performance.now(); },
                            {capture: true, once: true});
}"""

FLOOR_CELL = """import ipywidgets as w
out = w.Output()
slider = w.IntSlider(value=50, min=0, max=100, continuous_update=False)
def show(change=None):
    text = f'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text y="15">{slider.value}</text></svg>'
    out.outputs = ({"output_type": "display_data", "data": {"image/svg+xml": text}, "metadata": {}},)
slider.observe(show, names="value")
show()
w.VBox([slider, out])"""


def _time_moves(page) -> list[float]:
    control = _controls(page).first
    control.scroll_into_view_if_needed()
    output = _output_of(control).element_handle()
    handle = control.locator(".noUi-handle").first
    times = []
    for move in range(MOVES):
        page.evaluate(ARM, [output])
        handle.focus()
        handle.press("ArrowRight" if (move // 4) % 2 == 0 else "ArrowLeft")
        page.wait_for_function("() => window.__latency.changed !== null", timeout=10_000)
        found = page.evaluate("() => window.__latency")
        times.append(found["changed"] - found["down"])
        page.wait_for_timeout(300)  # one move at a time, as a student makes them
    return times[WARM_UP:]


def _open_and_run(browser, base: str, token: str, name: str, cells: int):  # noqa: F811
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/notebooks/{name}?token={token}")
    page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for()
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=90_000)
    _run_all(page)
    _wait_for_run_all(page, cells)
    page.wait_for_timeout(1000)
    return page


def _record(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    _found[name] = {
        "moves": len(times),
        "p50_ms": round(statistics.median(times)),
        "p95_ms": round(ordered[max(0, int(0.95 * len(ordered)) - 1)]),
        "max_ms": round(ordered[-1]),
    }


def test_floor(lab, browser):  # noqa: F811
    base, token = lab
    nb = new_notebook(cells=[new_code_cell(FLOOR_CELL)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    body = json.dumps({"type": "notebook", "content": json.loads(nbformat.writes(nb))})
    request = urllib.request.Request(
        f"{base}/api/contents/notebooks/floor.ipynb",
        data=body.encode(),
        method="PUT",
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    urllib.request.urlopen(request, timeout=10).read()  # noqa: S310 (local only)
    page = _open_and_run(browser, base, token, "floor.ipynb", 1)
    _record("floor (a slider that only writes its value)", _time_moves(page))
    page.context.close()


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson(lab, browser, path):  # noqa: F811
    base, token = lab
    page = _open_and_run(browser, base, token, path.name, _code_cells_to_run(path))
    _record(f"{path.stem}: first slider", _time_moves(page))
    page.context.close()


def teardown_module() -> None:
    if not _found:
        return
    rows = [f"| slider | p50 | p95 | max | p95 <= {P95_TARGET_MS} ms |", "|---|---|---|---|---|"]
    rows += [
        f"| {name} | {r['p50_ms']} ms | {r['p95_ms']} ms | {r['max_ms']} ms "
        f"| {'-' if name.startswith('floor') else 'yes' if r['p95_ms'] <= P95_TARGET_MS else 'no'} |"
        for name, r in _found.items()
    ]
    print("\n" + "\n".join(rows))
    RESULTS.write_text(
        json.dumps(
            {
                "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
                "what": "key press on a slider -> new output in the page, JupyterLab + Chromium",
                "target_p95_ms": P95_TARGET_MS,
                "load_at_end": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
                "sliders": _found,
            },
            indent=2,
        )
        + "\n"
    )
