"""The class server (`make classroom`) with two real students: isolation, nothing lost, bad input.

One JupyterHub for the whole module, started as `make classroom` starts it, but on a free port,
with its own state folder and course repository and two students whose system accounts are
made for this run and deleted after it. Needs root (it makes system users); skipped otherwise.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import classroom  # noqa: E402
from classroom_student import Student, StudentError  # noqa: E402

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("useradd"),
    reason="the class server makes system users: run as root",
)

LESSON = f"{classroom.COURSE_DIR}/01-reading-the-article.ipynb"
OTHER_LESSON = f"{classroom.COURSE_DIR}/02-incentives.ipynb"
MINE = "answer_1_1 = 'my own answer, keep it'"


@pytest.fixture(scope="module")
def hub():
    """A running class server with two students, removed again afterwards."""
    classroom.remove_leftover_test_students(("cbdt", "cbdb"))
    base = Path(tempfile.mkdtemp(prefix="cbd-classroom-test-"))
    base.chmod(0o755)  # the students' git reads the course repository in here
    tag = secrets.token_hex(3)
    names = [f"cbdt{tag}a", f"cbdt{tag}b"]
    repo = base / "course"
    classroom.publish_course(repo)
    hub = classroom.Hub(
        students=names,
        port=classroom.free_port(),
        state=base / "state",
        course_repo=f"file://{repo}",
        git_settings=classroom.git_config(repo),
        idle_timeout=3600,
    )
    try:
        hub.check()
        classroom.ensure_proxy()
        classroom.ensure_course_env()
        classroom.ensure_students(names)
        hub.start()
        yield hub
    finally:
        hub.stop()
        classroom.remove_students(names)
        shutil.rmtree(base, ignore_errors=True)


def arrive(hub, name: str) -> Student:
    """A student logs in, starts their server and pulls the course (the link's three steps)."""
    student = Student(hub.url, name, hub.password)
    student.log_in()
    student.start_server()
    assert student.pull_course(hub.course_repo, hub.branch)["phase"] == "finished"
    return student


@pytest.fixture(scope="module")
def anna(hub):
    return arrive(hub, hub.students[0])


@pytest.fixture(scope="module")
def ben(hub):
    return arrive(hub, hub.students[1])


def course_repo(hub) -> Path:
    return Path(hub.course_repo.removeprefix("file://"))


# ------------------------------------------------------------------ the student edition


def test_each_student_finds_the_student_edition_in_their_home(hub, anna, ben):
    expected = sorted(p.name for p in (ROOT / "student").glob("*.ipynb"))
    for student in (anna, ben):
        listing = student.server("GET", f"/api/contents/{classroom.COURSE_DIR}").json()
        names = sorted(f["name"] for f in listing["content"] if f["name"].endswith(".ipynb"))
        assert names == expected
        home = Path(f"/home/{student.name}")
        assert (home / classroom.COURSE_DIR / "01-reading-the-article.ipynb").is_file()
        assert home.stat().st_mode & 0o777 == 0o700


def test_both_editions_are_in_every_home(anna):
    """The Dutch student edition (student/nl/) comes along in nl/, whatever the class's language."""
    listing = anna.server("GET", f"/api/contents/{classroom.COURSE_DIR}/nl").json()
    names = sorted(f["name"] for f in listing["content"] if f["name"].endswith(".ipynb"))
    assert names == sorted(p.name for p in (ROOT / "student" / "nl").glob("*.ipynb"))


def _hub_settings(language: str) -> dict:
    """What deploy/jupyterhub_config.py sets for a class in ``language`` (read, not run)."""
    from traitlets.config import Config

    config = Config()
    env = {
        "CBD_STATE_DIR": "/state", "CBD_COURSE_ENV": "/env", "CBD_STUDENTS": "a b",
        "CBD_HOST": "127.0.0.1", "CBD_PORT": "8000", "CBD_HUB_PORT": "8002",
        "CBD_PROXY_API_PORT": "8001", "CBD_COURSE_REPO": "file:///course",
        "CBD_COURSE_BRANCH": "main", "CBD_CLASS_PASSWORD": "x", "CBD_LANGUAGE": language,
    }  # fmt: skip
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        code = (ROOT / "deploy" / "jupyterhub_config.py").read_text()
        path = str(ROOT / "deploy" / "jupyterhub_config.py")
        exec(compile(code, path, "exec"), {"get_config": lambda: config, "__file__": path})
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return config


def test_a_dutch_class_opens_the_dutch_edition_with_dutch_menus_in_the_config():
    english, dutch = _hub_settings("en"), _hub_settings("nl")
    assert "cold-business-deal%2Fnl" in dutch.Spawner.default_url
    assert "%2Fnl" not in english.Spawner.default_url
    assert "--LabApp.app_settings_dir=/env/share/jupyter/lab/settings-nl" in dutch.Spawner.args
    assert not [a for a in english.Spawner.args if "app_settings_dir" in a]
    assert (
        classroom.Hub(students=["a"], language="nl")
        .course_link()
        .endswith("cold-business-deal%2Fnl")
    )


def test_a_dutch_class_gets_jupyterlabs_menus_in_dutch(hub):
    """A second class server, LANGUAGE=nl: the student's JupyterLab says "nl_NL" as its
    language (the Dutch language pack is in the course environment)."""
    tag = secrets.token_hex(3)
    name = f"cbdt{tag}n"
    dutch = classroom.Hub(
        students=[name],
        port=classroom.free_port(),
        state=Path(tempfile.mkdtemp(prefix="cbd-classroom-nl-")),
        course_repo=hub.course_repo,
        git_settings=hub.git_settings,
        idle_timeout=3600,
        language="nl",
    )
    try:
        dutch.check()
        classroom.ensure_students([name])
        dutch.start()
        student = arrive(dutch, name)
        path = "/lab/api/settings/@jupyterlab/translation-extension:plugin"
        response = student.server("GET", path)
        assert response.status_code == 200, (response.status_code, response.text[:300])
        # The class's settings (overrides.json) come as the schema's default for the locale.
        default = response.json()["schema"]["properties"]["locale"]["default"]
        assert default == "nl_NL", response.text[:300]
        packs = student.server("GET", "/lab/api/translations").json()
        assert "nl_NL" in packs["data"], packs
    finally:
        dutch.stop()
        classroom.remove_students([name])
        shutil.rmtree(dutch.state, ignore_errors=True)


def test_the_course_runs_in_a_students_server_from_the_installed_package(anna):
    kernel = anna.open_notebook(LESSON)
    try:
        where = kernel.output_text("import helpers.sources as s, os; print(s.SEEDS, os.getuid())")
        seeds, uid = where.split()
        assert seeds.startswith("/opt/cold-business-deal/env/") and seeds.endswith("helpers/seeds")
        assert int(uid) == Path(f"/home/{anna.name}").stat().st_uid
        kernel.run_all(anna.read_notebook(LESSON))
        assert kernel.sliders(), "the lesson's widget made no slider"
        slider = kernel.sliders()[0]
        seconds, updated = kernel.move_slider(slider, kernel.slider_values(slider)[0])
        assert updated  # the chart was redrawn
    finally:
        kernel.close()


# ------------------------------------------------------------------ isolation


def test_a_student_cannot_open_list_or_run_code_in_another_students_server(anna, ben):
    for path in ["/lab", "/api/contents", f"/api/contents/{LESSON}", "/api/kernels"]:
        response = anna.server("GET", path, owner=ben.name, allow_redirects=True)
        assert response.status_code == 403, (path, response.status_code)
        assert "01-reading-the-article" not in response.text
    # Starting a kernel (to run code): refused in Ben's server, allowed in Anna's own.
    response = anna.server("POST", "/api/kernels", owner=ben.name, json={"name": "python3"})
    assert response.status_code == 403
    own = anna.server("POST", "/api/kernels", json={"name": "python3"})
    assert own.status_code == 201
    anna.server("DELETE", f"/api/kernels/{own.json()['id']}")


def test_a_student_cannot_reach_the_hubs_admin_pages_or_api(hub, anna, ben):
    assert anna.http.get(f"{hub.url}/hub/admin", timeout=30).status_code == 403
    assert anna.hub_api("GET", "/users").status_code == 403
    assert anna.hub_api("GET", f"/users/{ben.name}").status_code == 404
    assert anna.hub_api("POST", f"/users/{ben.name}/server").status_code in (403, 404)
    assert anna.hub_api("DELETE", f"/users/{ben.name}/server").status_code in (403, 404)
    assert anna.hub_api("POST", "/users/intruder").status_code == 403
    assert anna.hub_api("GET", "/proxy").status_code == 403


def test_code_in_a_students_notebook_cannot_read_or_change_another_students_files(hub, anna, ben):
    other = f"/home/{ben.name}"
    probe = f"""
import os
def attempt(what, action):
    try:
        action()
        print(what, "ALLOWED")
    except PermissionError:
        print(what, "refused")
attempt("list", lambda: os.listdir({other!r}))
attempt("read", lambda: open({other + "/" + LESSON!r}).read())
attempt("write", lambda: open({other + "/" + LESSON!r}, "a").write("x"))
attempt("create", lambda: open({other + "/planted.txt"!r}, "w").write("x"))
attempt("hub-state", lambda: os.listdir({str(hub.state)!r}))
attempt("course-env", lambda: open("/opt/cold-business-deal/env/pyvenv.cfg", "a").write("x"))
from ipykernel.connect import get_connection_info
print("transport", get_connection_info(unpack=True)["transport"])
"""
    kernel = anna.open_notebook(LESSON)
    try:
        lines = kernel.output_text(probe).split("\n")
    finally:
        kernel.close()
    assert "ALLOWED" not in "\n".join(lines), lines
    assert {line.split()[0] for line in lines if line.endswith("refused")} == {
        "list", "read", "write", "create", "hub-state", "course-env"
    }  # fmt: skip
    assert "transport ipc" in lines  # no kernel port on 127.0.0.1 for others to connect to
    assert not Path(f"{other}/planted.txt").exists()


# ------------------------------------------------------------------ nothing lost


def add_my_answer(student: Student, path: str) -> None:
    notebook = student.read_notebook(path)
    notebook["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": MINE,
            "outputs": [],
            "execution_count": None,
        }
    )
    student.save_notebook(path, notebook)


def has_my_answer(student: Student, path: str) -> bool:
    return any(MINE in "".join(c["source"]) for c in student.read_notebook(path)["cells"])


def server_pid(student: Student) -> int:
    uid = Path(f"/home/{student.name}").stat().st_uid
    for pid in classroom.processes_of(uid):
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"jupyterhub-singleuser" in cmdline:
            return pid
    raise AssertionError(f"no server running for {student.name}")


def test_edits_survive_the_server_being_killed_mid_lesson(hub, anna):
    add_my_answer(anna, LESSON)
    os.kill(server_pid(anna), signal.SIGKILL)
    again = arrive(hub, anna.name)
    assert has_my_answer(again, LESSON)


def test_edits_survive_the_hub_restarting(hub):
    anna = arrive(hub, hub.students[0])
    add_my_answer(anna, OTHER_LESSON)
    hub.stop()
    hub.start()
    again = arrive(hub, anna.name)
    assert has_my_answer(again, OTHER_LESSON)


def test_a_new_version_of_the_course_is_merged_without_losing_the_students_edits(hub):
    """The teacher changes lesson 02 (and adds a file); the student had edited 01 and 02."""
    student = arrive(hub, hub.students[0])
    add_my_answer(student, LESSON)
    add_my_answer(student, OTHER_LESSON)
    source = Path(tempfile.mkdtemp(prefix="cbd-new-course-"))
    try:
        for path in (ROOT / "student").glob("*.ipynb"):
            shutil.copy2(path, source / path.name)
        notebook = json.loads((source / "02-incentives.ipynb").read_text())
        notebook["cells"][0]["source"] = ["# Incentives (second edition)\n", "\n"] + notebook[
            "cells"
        ][0]["source"][1:]
        (source / "02-incentives.ipynb").write_text(json.dumps(notebook, indent=1) + "\n")
        shutil.copy2(source / "quiz.ipynb", source / "extra-practice.ipynb")
        classroom.publish_course(course_repo(hub), source=source)
    finally:
        shutil.rmtree(source)
    assert student.pull_course(hub.course_repo, hub.branch)["phase"] == "finished"
    assert has_my_answer(student, LESSON)
    assert has_my_answer(student, OTHER_LESSON)
    lesson = student.read_notebook(OTHER_LESSON)
    assert "second edition" in "".join(lesson["cells"][0]["source"])
    student.read_notebook(f"{classroom.COURSE_DIR}/extra-practice.ipynb")


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("who", ["wrong password", "unknown user"])
def test_a_wrong_password_or_unknown_user_gets_a_clear_message(hub, who):
    name, password = (hub.students[0], "not-the-password") if who == "wrong password" else (
        "nobody-on-the-roster", hub.password
    )  # fmt: skip
    with pytest.raises(StudentError, match="Invalid username or password"):
        Student(hub.url, name, password).log_in()


@pytest.mark.parametrize(
    "link, code, message",
    [
        ("missing repository", "ls_remote", "Remote content unavailable"),
        ("missing branch", "branch_exist", "Branch does not exist"),
    ],
)
def test_a_link_to_a_missing_repository_or_branch_gets_a_clear_message(hub, link, code, message):
    ben = arrive(hub, hub.students[1])
    repo, branch = hub.course_repo, hub.branch
    if link == "missing repository":
        repo = "file:///nowhere/course"
    else:
        branch = "no-such-branch"
    result = ben.pull_course(repo, branch, targetpath="elsewhere")
    assert result["phase"] == "error"
    assert result["error"]["code"] == code and result["message"] == message


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "classroom.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_second_class_server_on_a_busy_port_gets_a_clear_message(hub):
    done = run_tool("start", "--port", str(hub.port))
    assert done.returncode == 2
    assert f"port {hub.port} on 127.0.0.1 (the class) is already in use" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--roster", "/nowhere/roster.txt"], "roster /nowhere/roster.txt not found"),
        (["--host", "0.0.0.0"], "needs a real login"),
        (["--course-repo", "file:///nowhere/course"], "cannot be read"),
    ],
)
def test_bad_class_server_settings_get_a_clear_message(hub, args, message):
    done = run_tool("start", "--port", str(classroom.free_port()), *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_a_bad_roster_line_says_which_line(tmp_path):
    roster = tmp_path / "roster.txt"
    roster.write_text("anna\nBen Smith\n")
    with pytest.raises(classroom.ClassroomError, match=r"line 2: 'Ben Smith' is not a usable"):
        classroom.read_roster(roster)


def test_an_existing_account_that_is_not_a_student_is_refused():
    with pytest.raises(
        classroom.ClassroomError, match="'root' already exists and is not a student"
    ):
        classroom.ensure_students(["root"])


# ------------------------------------------------------------------ secrets


def test_secrets_stay_out_of_the_repository_and_the_log(hub):
    anna = arrive(hub, hub.students[0])
    log = hub.log.read_text()
    assert hub.password not in log
    cookie_secret = (hub.state / "jupyterhub_cookie_secret").read_text().strip()
    assert len(cookie_secret) >= 64 and cookie_secret not in log
    assert (hub.state / "jupyterhub_cookie_secret").stat().st_mode & 0o777 == 0o600
    assert hub.state.stat().st_mode & 0o777 == 0o700
    proxy_pid = int((hub.state / "proxy.pid").read_text())
    environ = Path(f"/proc/{proxy_pid}/environ").read_bytes().split(b"\0")
    (token,) = [v.split(b"=", 1)[1] for v in environ if v.startswith(b"CONFIGPROXY_AUTH_TOKEN=")]
    assert token and token.decode() not in log
    ignored = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert "cookie_secret" not in ignored and ".sqlite" not in ignored
    # The password never reaches a student's server.
    kernel = anna.open_notebook(LESSON)
    try:
        seen = kernel.output_text("import os; print(sorted(os.environ.items()))")
    finally:
        kernel.close()
    assert hub.password not in seen and "CBD_" not in seen


# ------------------------------------------------------------------ a real login


def sign_up(hub, name: str, password: str) -> None:
    """NativeAuthenticator's sign-up page, as a student fills it in."""
    student = Student(hub.url, name, password)
    page = student.http.get(f"{hub.url}/hub/signup", timeout=30)
    xsrf = page.text.split('name="_xsrf" value="', 1)[1].split('"', 1)[0]
    form = {"username": name, "signup_password": password, "_xsrf": xsrf}
    form["signup_password_confirmation"] = password
    assert student.http.post(f"{hub.url}/hub/signup", data=form, timeout=30).status_code == 200


def test_a_real_login_replaces_the_demo_password(tmp_path):
    """AUTH_CONFIG with NativeAuthenticator, as deploy/README.md shows it."""
    auth = tmp_path / "class-login.py"
    teacher, pupil = f"cbdt{secrets.token_hex(3)}t", f"cbdt{secrets.token_hex(3)}s"
    auth.write_text(
        'c.JupyterHub.authenticator_class = "native"\n'
        f"c.Authenticator.admin_users = {{{teacher!r}}}\n"
    )
    hub = classroom.Hub(
        students=[teacher, pupil], port=classroom.free_port(), state=tmp_path / "state",
        auth_config=auth,
    )  # fmt: skip
    hub.check()
    classroom.ensure_proxy()
    hub.start()
    try:
        with pytest.raises(StudentError, match="Invalid username or password"):
            Student(hub.url, pupil, hub.password).log_in()  # the demo password is off
        sign_up(hub, pupil, "a-long-own-password")
        Student(hub.url, pupil, "a-long-own-password").log_in()
        sign_up(hub, "not-on-roster", "a-long-own-password")
        with pytest.raises(StudentError, match="not been authorized|Invalid username"):
            Student(hub.url, "not-on-roster", "a-long-own-password").log_in()
        sign_up(hub, teacher, "the-teachers-password")
        boss = Student(hub.url, teacher, "the-teachers-password")
        boss.log_in()
        assert boss.http.get(f"{hub.url}/hub/authorize", timeout=30).status_code == 200
        student = Student(hub.url, pupil, "a-long-own-password")
        student.log_in()
        assert student.http.get(f"{hub.url}/hub/authorize", timeout=30).status_code == 403
    finally:
        hub.stop()


# ------------------------------------------------------------------ idle servers


def test_an_idle_server_is_stopped_and_the_work_stays():
    """The idle culler, with a 15-second timeout instead of an hour."""
    base = Path(tempfile.mkdtemp(prefix="cbd-classroom-idle-"))
    base.chmod(0o755)
    name = f"cbdt{secrets.token_hex(3)}i"
    repo = base / "course"
    classroom.publish_course(repo)
    hub = classroom.Hub(
        students=[name], port=classroom.free_port(), state=base / "state",
        course_repo=f"file://{repo}", git_settings=classroom.git_config(repo),
        idle_timeout=15, cull_every=2,
    )  # fmt: skip
    try:
        hub.check()
        classroom.ensure_students([name])
        hub.start()
        student = arrive(hub, name)
        add_my_answer(student, LESSON)
        for _ in range(60):  # at most a minute
            if not student.hub_api("GET", f"/users/{name}").json()["servers"]:
                break
            time.sleep(1)
        assert not student.hub_api("GET", f"/users/{name}").json()["servers"], "not culled"
        assert "idle-culler" in hub.log.read_text()
        assert has_my_answer(arrive(hub, name), LESSON)
    finally:
        hub.stop()
        classroom.remove_students([name])
        shutil.rmtree(base, ignore_errors=True)
