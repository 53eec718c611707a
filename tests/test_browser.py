"""The notebooks in real JupyterLab, driven by Debian's Chromium through Playwright.

nbval proves the notebooks run in a kernel; this proves a student can run them in
JupyterLab, in both editions:

- ``student/`` (what a class uses), every exercise unanswered: Run All finishes without an
  error, every check says "Not answered yet", and every slider or dropdown redraws its
  output when moved with the keyboard;
- ``notebooks/`` (self-study): Run All finishes without an error and the worked solutions
  stay closed, so no "Correct" shows before the student has tried;
- ``teacher/`` (the guide): Run All finishes without an error.

In both, no Markdown cell is typeset as maths (MathJax output), no request may leave
127.0.0.1 and the browser console must stay free of errors.

JupyterLab starts once, on a random free port with a token, serving a temporary copy of the
course with outputs cleared (the committed notebooks are never touched). News and update
pop-ups are switched off by ``tools/jupyterlab-overrides.json``. On failure a screenshot is
kept in ``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

from helpers import course

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import classroom  # noqa: E402
import handouts  # noqa: E402

EDITIONS = ("student", "notebooks", "teacher")  # the top folders: student/nl/ is in student/


def _notebooks() -> list[Path]:
    """Every notebook course.toml lists, English and Dutch, in each folder where it is: the
    student copy (``student/``, ``student/nl/``), the course notebook (``notebooks/``,
    ``notebooks/nl/``) and the guide (``teacher/``, ``teacher/nl/``)."""
    found = []
    for folder in EDITIONS:
        for edition in course.editions():
            for nb in edition.notebooks():
                path = ROOT / nb.file
                if folder == "student":
                    if nb in edition.for_students():
                        path = ROOT / "student" / path.relative_to(ROOT / "notebooks")
                    else:
                        continue
                elif path.relative_to(ROOT).parts[0] != folder:
                    continue
                elif folder == "notebooks" and edition.language != "en":
                    # notebooks/nl/ is the Dutch twin of notebooks/ (same code, cells, tags and
                    # closed solutions: tests/test_language.py) and its Markdown is student/nl/'s
                    # plus the solutions: its browser run would add minutes and no new check.
                    continue
                if path.exists():
                    found.append(path)
    return found


NOTEBOOKS = _notebooks()
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("CHROMIUM") or handouts.chromium_path() or "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    *handouts.CHROMIUM_FLAGS,  # the flags the handouts print with: one list for the course
    # Nothing resolves but 127.0.0.1: a request meant for the internet fails at once (and
    # the Watcher reports it). Cheaper than routing every request through Playwright.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
LOCAL_HOSTS = {"127.0.0.1"}
LESSON = re.compile(r"\d\d-.+\.ipynb$")  # lessons must show a chart; the quiz need not
# On top of the course's overrides: start the notebook's kernel without asking, and keep
# every cell in the page so the test can read all prompts and outputs.
TEST_SETTINGS = {"autoStartDefaultKernel": True, "windowingMode": "none"}
RUN_ALL_TIMEOUT_S = 180
# Ways a widget or cell shows that it broke, without an error output.
BROKEN_TEXT = ("Error displaying widget", "Traceback (most recent call last)")
# What check() says to an unanswered exercise, and to a right answer (English edition).
UNANSWERED = ("Not answered yet", "Correct:")
# What MathJax leaves in the page where it typeset something.
MATHS = "mjx-container, .MathJax"

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt: chromium)"),
    pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks yet"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(base: str, token: str, path: str, method: str = "GET") -> object:
    request = urllib.request.Request(
        f"{base}{path}", method=method, headers={"Authorization": f"token {token}"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (local only)
        body = response.read()
    return json.loads(body) if body else None


def _copy_course(dest: Path) -> None:
    """The repository's top level as symlinks, with each edition's notebooks as cleared copies."""
    for entry in ROOT.iterdir():
        if entry.name.startswith(".") or entry.name in {*EDITIONS, "test-artifacts", "build"}:
            continue
        (dest / entry.name).symlink_to(entry)
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        nb.metadata.pop("widgets", None)
        target = dest / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the course: yields (base_url, token)."""
    yield from _serve(tmp_path_factory.mktemp("lab"), "en")


@pytest.fixture(scope="module")
def dutch_lab(tmp_path_factory):
    """The same, as ``make lab-nl`` and a Dutch class server start it: menus in Dutch."""
    yield from _serve(tmp_path_factory.mktemp("lab-nl"), "nl")


def _serve(home: Path, language: str):
    """Start JupyterLab with the course's settings for ``language`` (classroom.lab_settings)
    on a copy of the course; yield (base_url, token); stop it."""
    course = home / "course"
    course.mkdir()
    _copy_course(course)
    settings = home / "app-settings"
    overrides = json.loads(classroom.lab_settings(language, settings).read_text())
    overrides.setdefault("@jupyterlab/notebook-extension:tracker", {}).update(TEST_SETTINGS)
    (settings / "overrides.json").write_text(json.dumps(overrides))
    port, token = _free_port(), secrets.token_hex(16)
    env = os.environ | {
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "user-settings"),
    }
    log = (home / "lab.log").open("w")
    command = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--allow-root",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={course}",
        f"--LabApp.app_settings_dir={settings}",
        f"--LabApp.user_settings_dir={home / 'user-settings'}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    process = subprocess.Popen(
        command, cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyter lab exited:\n{(home / 'lab.log').read_text()[-3000:]}")
            try:
                _api(base, token, "/api/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("jupyter lab did not answer /api/status within 60 s")
                time.sleep(0.3)
        yield base, token
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
        log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


class Watcher:
    """Collects requests that leave 127.0.0.1 and console errors of one page."""

    def __init__(self, page) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self._check(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("websocket", lambda ws: self._check(ws.url))

    def _check(self, url: str) -> bool:
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            return True
        self.outside.append(url)
        return False

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text}")


def _code_cells_to_run(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())


def _count(path: Path, pattern: str) -> int:
    """How many code cells of the notebook start with ``pattern`` (a regex)."""
    nb = nbformat.read(path, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" and re.match(pattern, c.source))


def _closed_solutions(path: Path) -> int:
    """Worked solutions, each under a heading stored collapsed."""
    nb = nbformat.read(path, as_version=4)
    return sum(1 for c in nb.cells if c.metadata.get("jp-MarkdownHeadingCollapsed"))


def _wait_for_run_all(page, expected: int) -> None:
    """Until every non-empty code cell has an execution count and the kernel is idle."""
    page.wait_for_function(
        """expected => {
            const prompts = [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
            const texts = prompts.map(p => p.textContent.trim());
            if (texts.some(t => t.includes('*'))) return false;
            // After an error Run All stops: the cells below never run. Fail fast.
            if (document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) '
                + '[data-mime-type="application/vnd.jupyter.stderr"]')) return true;
            const done = texts.filter(t => /\\[\\d+\\]/.test(t)).length;
            const bar = document.querySelector('#jp-main-statusbar');
            const idle = bar && bar.textContent.includes('Idle');
            return done >= expected && idle;
        }""",
        arg=expected,
        timeout=RUN_ALL_TIMEOUT_S * 1000,
        polling=250,
    )


def _run_all(page) -> None:
    """The Run menu's "Run All Cells", until the first cell is queued or has run."""
    started = page.locator(".jp-CodeCell .jp-InputPrompt").filter(has_text=re.compile(r"\[[*\d]"))
    for _ in range(3):
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        item = page.locator('.lm-Menu-item[data-command="runmenu:run-all"]')
        item.wait_for(state="visible")
        item.click()
        try:
            started.first.wait_for(timeout=10_000)
            return
        except sync_api.TimeoutError:
            page.keyboard.press("Escape")
    pytest.fail("Run > Run All Cells did not start any cell")


def _controls(page):
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    return notebook.locator(".widget-slider, .widget-dropdown")


def _move(page, control) -> tuple[str, str]:
    """Move one slider or dropdown with the keyboard; returns its value before and after."""
    is_slider = "widget-slider" in (control.get_attribute("class") or "")
    if is_slider:
        readout = control.locator(".widget-readout")
        target = control.locator(".noUi-handle").first
        value = lambda: readout.inner_text().strip()  # noqa: E731
        keys = ("ArrowRight", "ArrowLeft")
    else:
        target = control.locator("select")
        value = lambda: target.input_value()  # noqa: E731
        keys = ("ArrowDown", "ArrowUp")
    before = value()
    for key in keys:  # at the end of its range, a control moves the other way
        target.focus()
        target.press(key)
        if is_slider:
            target.press("Enter")  # harmless; some slider versions commit on it
        deadline = time.monotonic() + 3
        while value() == before and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        if value() != before:
            break
    return before, value()


def _output_of(control):
    """The output a control drives: the widget-output in its box, else the cell's outputs."""
    cell = control.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')][1]")
    box_output = control.locator(
        "xpath=ancestor::div[contains(@class, 'widget-box')][1]//div[contains(@class, 'widget-output')]"
    )
    if box_output.count():
        return box_output.first
    return cell.locator(".jp-OutputArea").first


@pytest.mark.parametrize(
    "path", NOTEBOOKS, ids=[p.relative_to(ROOT).with_suffix("").as_posix() for p in NOTEBOOKS]
)
def test_notebook_runs_in_jupyterlab(lab, browser, path):
    base, token = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watcher = Watcher(page)
    page.set_default_timeout(30_000)
    try:
        where = path.relative_to(ROOT).as_posix()
        edition = where.split("/")[0]  # student, notebooks or teacher (either language)
        dutch = "/nl/" in f"/{where}"
        space = where.removesuffix(".ipynb").replace("/", "-")
        page.goto(f"{base}/lab/workspaces/{space}/tree/{where}?token={token}")
        page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for()
        t_open = time.monotonic()
        page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=90_000)
        t_run = time.monotonic()
        if _code_cells_to_run(path):  # the glossary is words only: nothing to run
            _run_all(page)
            t_run = time.monotonic()
            _wait_for_run_all(page, _code_cells_to_run(path))
        print(
            f"{path.stem}: kernel idle {t_run - t_open:.1f} s, run all {time.monotonic() - t_run:.1f} s"
        )
        page.wait_for_timeout(500)  # let widget views finish rendering

        notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
        errors = notebook.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
        )
        assert errors.count() == 0, "error output:\n" + "\n---\n".join(errors.all_inner_texts())
        text = notebook.inner_text()
        for broken in BROKEN_TEXT:
            assert broken not in text, f"{broken!r} in the notebook"
        figures = notebook.locator(".jp-OutputArea-output img, .jp-OutputArea-output svg")
        if LESSON.match(path.name):  # the quiz is questions only, by design: no chart
            assert figures.count() >= 1, "no figure (img or svg) in any output"

        maths = notebook.locator(MATHS)
        assert maths.count() == 0, "typeset as maths:\n" + "\n".join(maths.all_inner_texts())
        checks = _count(path, r"check\(")
        unanswered, correct = ("Nog niet beantwoord", "Goed:") if dutch else UNANSWERED
        if edition == "student":  # every exercise unanswered
            assert text.count(unanswered) == checks, "a check per exercise, unanswered"
        elif edition == "notebooks" and checks:  # the worked solutions ran, but stay closed
            assert correct not in text, "a solution's output is open"
            buttons = notebook.locator(".jp-showHiddenCellsButton")
            assert buttons.count() == _closed_solutions(path) > 0, "closed solutions"
            buttons.first.click()  # one click opens a solution
            opened = notebook.inner_text()
            assert opened.count(correct) == 1, "one click shows one worked solution"

        controls = _controls(page)
        # The same sliders are in both editions: moved in the student's, where classes meet them.
        for i in range(controls.count() if edition == "student" else 0):
            control = controls.nth(i)
            control.scroll_into_view_if_needed()
            output = _output_of(control)
            old = output.inner_html()
            before, after = _move(page, control)
            assert after != before, f"control {i} did not change value with the keyboard"
            deadline = time.monotonic() + 10
            while output.inner_html() == old and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert output.inner_html() != old, f"control {i}: {before} -> {after}, same output"
            assert errors.count() == 0, "error output:\n" + "\n".join(errors.all_inner_texts())

        assert not watcher.outside, f"requests left 127.0.0.1: {watcher.outside}"
        assert not watcher.errors, "browser console errors:\n" + "\n".join(watcher.errors)
    except BaseException:
        ARTIFACTS.mkdir(exist_ok=True)
        with contextlib.suppress(Exception):  # the screenshot must not hide the failure
            shot = (
                ARTIFACTS
                / f"browser-{path.relative_to(ROOT).with_suffix('').as_posix().replace('/', '-')}.png"
            )
            page.screenshot(path=str(shot), full_page=True)
        raise
    finally:
        context.close()
        _shut_down_kernels(base, token)


def _shut_down_kernels(base: str, token: str) -> None:
    """One kernel at a time: shut the notebook's kernel down."""
    try:
        for session in _api(base, token, "/api/sessions") or []:
            _api(base, token, f"/api/sessions/{session['id']}", method="DELETE")
    except OSError as error:
        print(f"could not shut the kernel down: {error}")


def test_the_dutch_edition_opens_with_dutch_menus(dutch_lab, browser):
    """``make lab-nl`` and a Dutch class: JupyterLab's own menus and status bar in Dutch
    (jupyterlab-language-pack-nl-NL), the first Dutch lesson open."""
    base, token = dutch_lab
    first = course.load(language="nl").lessons[0]
    where = (Path("student") / Path(first.file).relative_to("notebooks")).as_posix()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/lab/workspaces/dutch/tree/{where}?token={token}")
        page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
        menus = page.locator(".lm-MenuBar-item").all_inner_texts()
        assert {"Bestand", "Bewerk", "Uitvoeren"} <= set(menus), menus
        assert "File" not in menus and "Run" not in menus
        page.locator("#jp-main-statusbar", has_text="Inactief").wait_for(timeout=90_000)
        heading = page.locator(".jp-NotebookPanel .jp-MarkdownCell h1").first.inner_text()
        assert first.title in heading
    finally:
        page.close()
