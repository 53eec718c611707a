"""Run the course for a whole class on one server: JupyterHub, one system user per student.

Usage (as root; the Makefile targets call it):
  python tools/classroom.py start [--roster FILE] [--port 8000] [--host 127.0.0.1]
                                  [--auth-config FILE] [--course-repo URL --branch NAME]
                                  [--language en|nl]   (nl: the Dutch edition, Dutch menus)
  python tools/classroom.py publish            put the current student/ into the course repository
  python tools/classroom.py remove-students [--roster FILE]   delete those accounts and homes

`start` does, in order: check the roster, the ports and the login; install the proxy
(deploy/node_modules) and the course environment (/opt/cold-business-deal/env, a venv from
Debian's python3 with a wheel of this repository); publish student/ to the course repository
(/opt/cold-business-deal/course, a git repository that nbgitpuller pulls from); make a system
user for each student; start JupyterHub with deploy/jupyterhub_config.py; print the address and
the class password. Ctrl+C stops the hub and every student's server (their files stay).
The tests and benchmarks/classroom_bench.py use the same functions (`Hub`).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import grp
import hashlib
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
HUB_CONFIG = DEPLOY / "jupyterhub_config.py"
PROXY = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
HOME = Path("/opt/cold-business-deal")  # shared by every student: readable, not writable
COURSE_ENV = HOME / "env"
COURSE_REPO = HOME / "course"
STATE = Path("/var/lib/cold-business-deal")  # the hub's database and secrets: root only
DEMO_ROSTER = DEPLOY / "roster-demo.txt"
STUDENT_GROUP = "cbd-students"  # every account this tool makes; it only ever removes these
COURSE_DIR = "cold-business-deal"  # the folder in each student's home
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, so that every user can run the environment
NAME = re.compile(r"[a-z][a-z0-9-]{0,31}")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class ClassroomError(Exception):
    """Something the teacher can fix; the message says what."""


def run(cmd: list[str], timeout: float = 600, **kwargs) -> subprocess.CompletedProcess:
    """Run a command; on failure raise ClassroomError with its output (no traceback)."""
    try:
        return subprocess.run(
            cmd, check=True, text=True, capture_output=True, timeout=timeout, **kwargs
        )
    except subprocess.CalledProcessError as e:
        output = (e.stderr or e.stdout or "").strip()[-2000:]
        raise ClassroomError(f"`{' '.join(cmd)}` failed:\n{output}") from None
    except subprocess.TimeoutExpired:
        raise ClassroomError(f"`{' '.join(cmd)}` did not finish in {timeout:.0f} s") from None


# ---------------------------------------------------------------- the roster and the accounts


def read_roster(path: Path) -> list[str]:
    """Student names, one a line (lower-case letters, digits, '-'); '#' starts a comment."""
    if not path.is_file():
        raise ClassroomError(f"roster {path} not found: make a file with one student name a line")
    names: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        name = line.split("#")[0].strip()
        if not name:
            continue
        if not NAME.fullmatch(name):
            raise ClassroomError(
                f"{path}, line {number}: {name!r} is not a usable login name. Use lower-case "
                "letters, digits and '-', starting with a letter, at most 32 characters."
            )
        if name in names:
            raise ClassroomError(f"{path}, line {number}: {name!r} is on the roster twice")
        names.append(name)
    if not names:
        raise ClassroomError(f"roster {path} has no student names")
    return names


def is_student(name: str) -> bool:
    """Whether a system account of that name exists and was made by this tool."""
    try:
        pwd.getpwnam(name)
        return name in grp.getgrnam(STUDENT_GROUP).gr_mem
    except KeyError:
        return False


def ensure_students(names: list[str]) -> None:
    """A system user for each student, with a private home (mode 700)."""
    run(["groupadd", "--force", STUDENT_GROUP])
    for name in names:
        if is_student(name):
            continue
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            raise ClassroomError(
                f"a system account {name!r} already exists and is not a student of this course: "
                "give that student another name on the roster"
            )
        run(["useradd", "--create-home", "--shell", "/bin/bash", "--groups", STUDENT_GROUP, name])
        os.chmod(pwd.getpwnam(name).pw_dir, 0o700)


def remove_students(names: list[str]) -> None:
    """Delete the accounts and homes of these students (only accounts this tool made)."""
    for name in names:
        if not is_student(name):
            continue
        for pid in processes_of(pwd.getpwnam(name).pw_uid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        run(["userdel", "--remove", name], timeout=60)


def remove_leftover_test_students(prefixes: tuple[str, ...], older_than_s: float = 7200) -> None:
    """Accounts that an interrupted test or bench run left behind (none of their processes
    running, home untouched for two hours); runs going on now are younger than that."""
    with contextlib.suppress(KeyError):
        for name in grp.getgrnam(STUDENT_GROUP).gr_mem:
            if not name.startswith(prefixes):
                continue
            with contextlib.suppress(KeyError, OSError):
                entry = pwd.getpwnam(name)
                idle = time.time() - Path(entry.pw_dir).stat().st_mtime
                if idle > older_than_s and not processes_of(entry.pw_uid):
                    remove_students([name])


def processes_of(uid: int) -> list[int]:
    """Process ids running as this user id."""
    pids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            for line in status.read_text().splitlines():
                if line.startswith("Uid:"):
                    if int(line.split()[1]) == uid:
                        pids.append(int(status.parent.name))
                    break
    return pids


# ---------------------------------------------------------------- what the class runs


@contextlib.contextmanager
def _locked(path: Path):
    """One installer at a time (two test runs may start together)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def ensure_proxy() -> None:
    """configurable-http-proxy from npm, the version pinned in deploy/package-lock.json."""
    if PROXY.exists():
        return
    if not shutil.which("npm"):
        apt_install("nodejs", "npm", why="npm is needed for JupyterHub's proxy")
    with _locked(DEPLOY / ".npm-install.lock"):
        if not PROXY.exists():
            run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=DEPLOY)


def _package_files() -> list[Path]:
    files = [ROOT / "pyproject.toml", ROOT / "README.md"]
    files += sorted((ROOT / "helpers").rglob("*.py")) + sorted((ROOT / "seeds").iterdir())
    files += sorted((ROOT / "helpers" / "locale").rglob("*.po"))  # the Dutch words
    return files


def course_version() -> str:
    """A fingerprint of what goes into the wheel: a changed helper or seed changes it."""
    digest = hashlib.sha256()
    # README.md only goes into the wheel's description: leave it out.
    files = [p for p in _package_files() if p.name != "README.md"]
    settings = [
        ROOT / "tools" / "jupyterlab-overrides.json",
        ROOT / "tools" / "jupyterlab-dutch.json",
    ]
    for path in [*files, *settings]:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build_wheel(out_dir: Path) -> Path:
    """A wheel of the course package, built from a copy (no build files left in the tree)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        for path in _package_files():
            target = src / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out_dir), str(src)])
    (wheel,) = out_dir.glob("cold_business_deal-*.whl")
    return wheel


def ensure_course_env(env: Path = COURSE_ENV) -> Path:
    """The students' Python: a venv from Debian's python3 with the course wheel installed.

    It lives outside root's home so that every student can run it; only root can change it.
    Reinstalled only when the course package changes.
    """
    stamp = env / "cold-business-deal.version"
    with _locked(env.parent / ".install.lock"):
        version = course_version()
        if stamp.exists() and stamp.read_text() == version:
            return env
        if not Path(SYSTEM_PYTHON).exists():
            raise ClassroomError(f"{SYSTEM_PYTHON} not found: apt-get install python3 python3-venv")
        if not (env / "bin" / "python").exists():
            _ensure_debian_venv()
            run([SYSTEM_PYTHON, "-m", "venv", str(env)])
        with tempfile.TemporaryDirectory() as tmp:
            wheel = build_wheel(Path(tmp))
            print(f"Installing the course into {env} (the first time takes a minute or two) ...")
            run(
                [str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-input",
                 "--disable-pip-version-check", f"{wheel}[classroom]"],
                timeout=900,
            )  # fmt: skip
            run(
                [str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-input",
                 "--disable-pip-version-check", "--force-reinstall", "--no-deps", str(wheel)],
                timeout=300,
            )  # fmt: skip
        # JupyterLab without its news pop-up (the same settings as `make lab`); for a Dutch
        # class (LANGUAGE=nl) the same in a second folder with the menus in Dutch, which the
        # hub passes to each student's server (deploy/jupyterhub_config.py).
        lab = env / "share" / "jupyter" / "lab"
        lab_settings("en", lab / "settings")
        lab_settings("nl", lab / "settings-nl")
        run(["chmod", "-R", "a+rX,go-w", str(env)])
        stamp.write_text(version)
    return env


def lab_settings(language: str, folder: Path) -> Path:
    """Write JupyterLab's settings for the course into ``folder``/overrides.json: no news
    pop-up, and for Dutch ("nl") the menus in Dutch (jupyterlab-language-pack-nl-NL)."""
    overrides = json.loads((ROOT / "tools" / "jupyterlab-overrides.json").read_text())
    if language == "nl":
        locale = json.loads((ROOT / "tools" / "jupyterlab-dutch.json").read_text())
        overrides["@jupyterlab/translation-extension:plugin"] = locale
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "overrides.json"
    path.write_text(json.dumps(overrides, indent=2) + "\n", encoding="utf-8")
    return path


def _ensure_debian_venv() -> None:
    """Debian splits venv off python3; install it where missing."""
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import ensurepip, venv"], capture_output=True)
    if probe.returncode != 0:
        apt_install(
            "python3-venv", why="Debian's python3-venv is needed for the course environment"
        )


def apt_install(*packages: str, why: str) -> None:
    """Install Debian packages (as root, with apt-get), or say what to install."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise ClassroomError(f"{why}: install {' '.join(packages)} (e.g. with apt-get, as root)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)


def publish_course(repo: Path = COURSE_REPO, source: Path = ROOT / "student") -> str:
    """Put the student edition into the class's course repository; return its commit.

    A plain git repository that only root can change and every student can read. Each call
    that finds a changed student/ adds a commit on top: students get it the next time their
    server starts (nbgitpuller merges it with their own changes).
    """
    notebooks = sorted(source.rglob("*.ipynb"))  # both editions: English, and Dutch in nl/
    if not notebooks:
        raise ClassroomError(f"no notebooks in {source}: run `make student` first")
    git = ["git", "-C", str(repo), "-c", "user.name=Teacher", "-c", "user.email=teacher@localhost"]
    with _locked(repo.parent / ".publish.lock"):
        if not (repo / ".git").is_dir():
            repo.mkdir(parents=True, exist_ok=True)
            run(["git", "init", "--quiet", "--initial-branch=main", str(repo)])
        for old in repo.rglob("*.ipynb"):
            if ".git" not in old.parts:
                old.unlink()
        for path in notebooks:
            target = repo / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        (repo / "README.md").write_text(STUDENT_README, encoding="utf-8")
        run([*git, "add", "--all"])
        if run([*git, "status", "--porcelain"]).stdout.strip():
            run(
                [*git, "commit", "--quiet", "-m", f"Course as of {time.strftime('%Y-%m-%d %H:%M')}"]
            )
        # Git refuses to read a repository that belongs to someone else unless the system's
        # settings say it is safe: the hub points the students' git at this file.
        git_config(repo).write_text(f"[safe]\n\tdirectory = {repo}\n\tdirectory = {repo}/.git\n")
        run(["chmod", "-R", "a+rX,go-w", str(repo), str(git_config(repo))])
        return run([*git, "rev-parse", "HEAD"]).stdout.strip()


def git_config(repo: Path) -> Path:
    """The git settings for students' servers that let them read the course repository."""
    return repo.parent / f"{repo.name}.gitconfig"


STUDENT_README = """# A Cold Business Deal

Open the lessons in order, starting with `01-reading-the-article.ipynb`, and run each one from
the top (Run > Run All Cells). Your changes are yours: when your teacher adds a new version of
the course, it is merged in without overwriting what you wrote.

## Nederlands: Een kille zakendeal

De Nederlandse lessen staan in de map `nl/`. Begin met `nl/01-het-artikel-lezen.ipynb` en voer
elke les van boven naar beneden uit (Run > Run All Cells). Je wijzigingen blijven van jou.
"""

# The class's language (make classroom LANGUAGE=nl): where JupyterLab opens, and its menus.
LANGUAGES = {"en": "", "nl": "nl"}  # language -> the edition's folder in the course


def check_course_repo(url: str, branch: str) -> None:
    """A clear message if the repository or the branch is not there."""
    try:
        heads = run(["git", "ls-remote", "--heads", url], timeout=60).stdout
    except ClassroomError:
        raise ClassroomError(
            f"the course repository {url} cannot be read (not there, private, or no network)"
        ) from None
    if f"refs/heads/{branch}" not in heads.split():
        found = [line.split("refs/heads/")[-1] for line in heads.splitlines()]
        raise ClassroomError(
            f"the course repository {url} has no branch {branch!r} (it has: {', '.join(found)})"
        )


# ---------------------------------------------------------------- the hub


def port_is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # As the servers do: a port that only has closed connections waiting out is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    """A free port with the two above it free too (the proxy's API and the hub's)."""
    for _ in range(100):
        with socket.socket() as sock:
            sock.bind((host, 0))
            port = sock.getsockname()[1]
        if port < 65000 and all(port_is_free(host, port + i) for i in range(3)):
            return port
    raise ClassroomError("no free port found")


def class_password() -> str:
    """Three groups of four letters and digits that are easy to read out: 'k7pq-m2xd-9fha'."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


@dataclass
class Hub:
    """One JupyterHub for one class (started with `start`, stopped with `stop`)."""

    students: list[str]
    port: int = 8000
    host: str = "127.0.0.1"
    state: Path = STATE
    course_repo: str = f"file://{COURSE_REPO}"
    git_settings: Path | None = git_config(COURSE_REPO)
    branch: str = "main"
    env: Path = COURSE_ENV
    auth_config: Path | None = None
    idle_timeout: int = 3600  # seconds before an unused server is stopped
    cull_every: int = 60  # how often the idle culler looks
    language: str = "en"  # the class's edition and JupyterLab's menus: "en" or "nl"
    password: str = field(default_factory=class_password, repr=False)
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def log(self) -> Path:
        return self.state / "jupyterhub.log"

    def course_link(self, urlpath: str = "") -> str:
        """The nbgitpuller link: log in, start the server, pull the course, open JupyterLab
        (in the class's edition: ``nl/`` for a Dutch class)."""
        urlpath = urlpath or "/".join(
            filter(None, ["lab/tree", COURSE_DIR, LANGUAGES[self.language]])
        )
        query = urlencode(
            {
                "repo": self.course_repo,
                "branch": self.branch,
                "targetpath": COURSE_DIR,
                "urlpath": urlpath,
            }
        )
        return f"{self.url}/hub/user-redirect/git-pull?{query}"

    def check(self) -> None:
        """Everything that can be wrong before starting, each with a clear message."""
        if os.geteuid() != 0:
            raise ClassroomError(
                "the class server must run as root: it makes a system user for each student "
                "and starts their servers as them. Try: sudo make classroom"
            )
        if self.host not in LOOPBACK and self.auth_config is None:
            raise ClassroomError(
                f"--host {self.host} opens the class to the network: that needs a real login "
                "(--auth-config FILE, see deploy/README.md), not the demo class password"
            )
        if self.language not in LANGUAGES:
            raise ClassroomError(
                f"LANGUAGE={self.language}: the course has {', '.join(LANGUAGES)} (en: English, "
                "nl: Dutch)"
            )
        if self.auth_config is not None and not self.auth_config.is_file():
            raise ClassroomError(f"--auth-config {self.auth_config}: no such file")
        for port, what in [(self.port, "the class"), (self.port + 1, "the proxy's API"),
                           (self.port + 2, "the hub")]:  # fmt: skip
            where = self.host if port == self.port else "127.0.0.1"
            if not port_is_free(where, port):
                raise ClassroomError(
                    f"port {port} on {where} ({what}) is already in use: is a class server "
                    f"already running? Stop it (Ctrl+C in its terminal) or choose another port, "
                    f"e.g. make classroom PORT={self.port + 10}"
                )
        if not self.course_repo.startswith(f"file://{COURSE_REPO}"):
            check_course_repo(self.course_repo, self.branch)

    def start(self, timeout: float = 120) -> None:
        """Start JupyterHub (and its proxy and idle culler) and wait until it answers."""
        self.state.mkdir(parents=True, exist_ok=True)
        os.chmod(self.state, 0o700)
        env = dict(
            os.environ,
            CBD_STATE_DIR=str(self.state),
            CBD_COURSE_ENV=str(self.env),
            CBD_STUDENTS=" ".join(self.students),
            CBD_HOST=self.host,
            CBD_PORT=str(self.port),
            CBD_PROXY_API_PORT=str(self.port + 1),
            CBD_HUB_PORT=str(self.port + 2),
            CBD_COURSE_REPO=self.course_repo,
            CBD_COURSE_BRANCH=self.branch,
            CBD_GIT_CONFIG=str(self.git_settings or ""),
            CBD_AUTH_CONFIG=str(self.auth_config or ""),
            CBD_CLASS_PASSWORD=self.password,
            CBD_IDLE_TIMEOUT=str(self.idle_timeout),
            CBD_CULL_EVERY=str(self.cull_every),
            CBD_LANGUAGE=self.language,
        )
        env.pop("CONFIGPROXY_AUTH_TOKEN", None)  # JupyterHub makes a new one each start
        jupyterhub = Path(sys.executable).parent / "jupyterhub"
        self._log_start = self.log.stat().st_size if self.log.exists() else 0
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [str(jupyterhub), "-f", str(HUB_CONFIG)],
                cwd=self.state,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl+C in the terminal reaches us, not the hub
                # A higher priority for the hub and its proxy, so that a busy class cannot
                # starve them (deploy/jupyterhub_config.py puts students' servers back).
                preexec_fn=lambda: os.nice(-5),
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ClassroomError(
                    f"JupyterHub stopped while starting; its log:\n{self.log_tail()}"
                )
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.url}/hub/health", timeout=5) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.5)
        self.stop()
        raise ClassroomError(
            f"JupyterHub did not answer within {timeout:.0f} s; its log:\n{self.log_tail()}"
        )

    def stop(self, timeout: float = 60) -> None:
        """Stop the hub; it stops the proxy and every student's server first."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def log_tail(self, lines: int = 30) -> str:
        """The last lines the hub wrote since it was last started."""
        if not self.log.exists():
            return "(no log)"
        with open(self.log, "rb") as log:
            log.seek(getattr(self, "_log_start", 0))
            text = log.read().decode(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def prepare(hub: Hub, publish: bool = True) -> None:
    """Install what the class needs and make the students' accounts."""
    hub.check()
    ensure_proxy()
    ensure_course_env(hub.env)
    if publish:
        publish_course()
    ensure_students(hub.students)


# ---------------------------------------------------------------- the command line


BANNER = """
  A Cold Business Deal: the class server is running.

  Students open   {url}/
  and log in with their name from the roster ({roster})
  and the class password: {password}

  (DEMO login: one password for the whole class. For a real class on a network, see
  deploy/README.md.) Their server starts, the course is pulled into ~/{course_dir} and
  JupyterLab opens it. The same as a link to hand out:
  {link}

  Log: {log}
  Stop: Ctrl+C (students' files stay in their homes).
"""


def cmd_start(args: argparse.Namespace) -> None:
    roster = Path(args.roster)
    hub = Hub(
        students=read_roster(roster),
        port=args.port,
        host=args.host,
        auth_config=Path(args.auth_config) if args.auth_config else None,
        course_repo=args.course_repo or f"file://{COURSE_REPO}",
        git_settings=None if args.course_repo else git_config(COURSE_REPO),
        branch=args.branch,
        language=args.language,
    )
    prepare(hub, publish=args.course_repo is None)
    hub.start()
    password = hub.password if hub.auth_config is None else "(your own login, see AUTH_CONFIG)"
    print(
        BANNER.format(
            url=hub.url, roster=roster, password=password, course_dir=COURSE_DIR,
            link=hub.course_link(), log=hub.log,
        ),
        flush=True,
    )  # fmt: skip
    # Closing the terminal or `kill` stops the class as Ctrl+C does.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.default_int_handler)
    try:
        while hub.process.poll() is None:
            time.sleep(1)
        raise ClassroomError(f"JupyterHub stopped; its log:\n{hub.log_tail()}")
    except KeyboardInterrupt:
        print("Stopping the class server ...", flush=True)
    finally:
        hub.stop()


def cmd_publish(args: argparse.Namespace) -> None:
    commit = publish_course()
    print(f"Course repository {COURSE_REPO} is at {commit[:10]}: students get it next time.")


def cmd_remove_students(args: argparse.Namespace) -> None:
    names = read_roster(Path(args.roster))
    remove_students(names)
    print(f"Removed the accounts and homes of {len(names)} students on {args.roster}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("start", help="start the class server")
    start.add_argument("--roster", default=str(DEMO_ROSTER))
    start.add_argument("--port", type=int, default=8000)
    start.add_argument("--host", default="127.0.0.1")
    start.add_argument("--auth-config", default=None)
    start.add_argument("--course-repo", default=None, help="default: the course published here")
    start.add_argument("--branch", default="main")
    start.add_argument("--language", default="en", help="en (English) or nl (Dutch)")
    start.set_defaults(func=cmd_start)
    settings = sub.add_parser("lab-settings", help="write JupyterLab's settings for a language")
    settings.add_argument("language", choices=sorted(LANGUAGES))
    settings.add_argument("folder", type=Path)
    settings.set_defaults(func=lambda args: lab_settings(args.language, args.folder))
    sub.add_parser("publish", help="publish student/ to the course repository").set_defaults(
        func=cmd_publish
    )
    remove = sub.add_parser("remove-students", help="delete the roster's accounts and homes")
    remove.add_argument("--roster", default=str(DEMO_ROSTER))
    remove.set_defaults(func=cmd_remove_students)
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except ClassroomError as e:
        print(f"make classroom: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
