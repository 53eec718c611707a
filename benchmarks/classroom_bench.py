"""A simulated class on the real class server: how many students does one server hold?

Run with ``make classroom-bench STUDENTS="5 10 20 30"`` (as root). For each class size N it
starts JupyterHub as ``make classroom`` does (own port, state folder and course repository) with
N students who are system users made for the run, and lets all N do, at the same time and with
a little random think time, what a student does in a lesson:

1. log in through the hub's login page and start their server (timed: **server ready**);
2. pull the course through the nbgitpuller link;
3. open a lesson through the Jupyter server's REST API and kernel websocket and run every cell
   in order (timed: **run all**);
4. move the lesson's slider ten times (each timed from the change to the redrawn chart
   leaving the kernel: **slider round trip**).

Meanwhile it samples the resident memory (RSS) of every student's server and kernel processes.
All traffic goes to 127.0.0.1; every step has a timeout and each class size a time limit. The
students' accounts are deleted at the end. Results go to ``benchmarks/classroom.json`` (merged
by class size); ``--readme`` also writes the sizing table into README.md between
``<!-- classroom:start -->`` and ``<!-- classroom:end -->``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import classroom  # noqa: E402
from classroom_student import Student  # noqa: E402

RESULTS = ROOT / "benchmarks" / "classroom.json"
README = ROOT / "README.md"
START, END = "<!-- classroom:start -->", "<!-- classroom:end -->"
SLIDER_TARGET_MS = 300  # p95 of the slider round trip
RUN_ALL_TARGET_S = 15  # p95 of Run All
MOVES = 10


def percentile(values: list[float], p: float) -> float | None:
    """The p-th percentile (nearest rank), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class MemorySampler(threading.Thread):
    """Every second, the resident memory of each student's server and kernels; keeps the peak."""

    def __init__(self, uids: dict[str, int]):
        super().__init__(daemon=True)
        self.uids = uids
        self.peak = {name: {"server_mb": 0.0, "kernels_mb": 0.0, "total_mb": 0.0} for name in uids}
        self.stopping = threading.Event()
        self.load_peak = list(os.getloadavg())

    def run(self) -> None:
        while not self.stopping.wait(1.0):
            self.load_peak = [
                max(a, b) for a, b in zip(self.load_peak, os.getloadavg(), strict=True)
            ]
            for name, uid in self.uids.items():
                server = kernels = 0.0
                for pid in classroom.processes_of(uid):
                    rss = rss_mb(pid)
                    if b"jupyterhub-singleuser" in cmdline(pid):
                        server += rss
                    else:
                        kernels += rss
                peak = self.peak[name]
                peak["server_mb"] = max(peak["server_mb"], server)
                peak["kernels_mb"] = max(peak["kernels_mb"], kernels)
                peak["total_mb"] = max(peak["total_mb"], server + kernels)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def cpu_busy_seconds() -> float:
    """CPU time the whole machine has spent busy since boot (all processes, all cores)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """CPU time of this process and everything it started and has waited for (the hub, the
    proxy, every student's server and kernel: each parent waits for its children)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def cool_down(limit: float = 90, below: float = 2.5) -> None:
    """Wait (at most `limit` s) for the last run's load to fade, so runs start alike."""
    deadline = time.monotonic() + limit
    while os.getloadavg()[0] > below and time.monotonic() < deadline:
        time.sleep(5)


def hub_memory_mb(hub: classroom.Hub) -> float:
    """The hub, its proxy and the idle culler together."""
    pids = [hub.process.pid]
    proxy = hub.state / "proxy.pid"
    if proxy.exists():
        pids.append(int(proxy.read_text()))
    for status in Path("/proc").glob("[0-9]*/status"):
        if f"PPid:\t{hub.process.pid}\n" in status.read_text(errors="replace"):
            pid = int(status.parent.name)
            if b"jupyterhub_idle_culler" in cmdline(pid):
                pids.append(pid)
    return round(sum(rss_mb(pid) for pid in pids), 1)


def one_student(hub, name, notebook, rng, lesson_over, all_done, deadline: float) -> dict:
    """A student's lesson; returns their timings (or the error that stopped them)."""
    record: dict = {"name": name}
    try:
        lesson(hub, name, notebook, rng, record, lesson_over, all_done, deadline)
    except Exception as error:  # one student's failure is a result, not the end of the bench
        record["error"] = f"{type(error).__name__}: {error}"
        record["trace"] = traceback.format_exc(limit=3)[-800:]
    if "lesson_over" not in record:
        lesson_over.release()
    return record


def lesson(hub, name, notebook, rng, record, lesson_over, all_done, deadline) -> None:
    def think(low: float = 0.3, high: float = 1.5) -> None:
        time.sleep(rng.uniform(low, high))

    think(0, 3)  # students do not all arrive in the same second
    student = Student(hub.url, name, hub.password, timeout=180)
    student.log_in()
    record["server_ready_s"] = round(student.start_server(timeout=600), 2)
    think()
    start = time.monotonic()
    result = student.pull_course(hub.course_repo, hub.branch)
    record["pull_s"] = round(time.monotonic() - start, 2)
    if result.get("phase") != "finished":
        raise RuntimeError(f"pull: {result.get('message')}")
    think()
    path = f"{classroom.COURSE_DIR}/{notebook}"
    cells = student.read_notebook(path)
    start = time.monotonic()
    kernel = student.open_notebook(path)
    try:
        kernel.run_all(cells)
        record["run_all_s"] = round(time.monotonic() - start, 2)
        slider = kernel.sliders()[0]
        record["slider_ms"], record["slider_updated"] = [], []
        for value in kernel.slider_values(slider, MOVES):
            think(0.2, 0.8)
            seconds, updated = kernel.move_slider(slider, value)
            record["slider_ms"].append(round(seconds * 1000, 1))
            record["slider_updated"].append(updated)
        # Keep the kernel open until the whole class is done, as in a lesson.
        record["lesson_over"] = True
        lesson_over.release()
        all_done.wait(timeout=max(0, deadline - time.monotonic()))
    finally:
        kernel.close()


def run_class(n: int, notebook: str, seed: int, time_limit: float) -> dict:
    """One class of n students on a fresh hub; their results and the server's memory."""
    classroom.remove_leftover_test_students(("cbdt", "cbdb"))
    base = Path(tempfile.mkdtemp(prefix="cbd-classroom-bench-"))
    base.chmod(0o755)
    tag = secrets.token_hex(3)
    names = [f"cbdb{tag}{i:02d}" for i in range(1, n + 1)]
    repo = base / "course"
    classroom.publish_course(repo)
    hub = classroom.Hub(
        students=names,
        port=classroom.free_port(),
        state=base / "state",
        course_repo=f"file://{repo}",
        git_settings=classroom.git_config(repo),
    )
    cool_down()
    load_before = os.getloadavg()
    busy_before, own_before = cpu_busy_seconds(), own_cpu_seconds()
    records: list[dict] = []
    sampler = None
    timed_out, hub_mb = n, 0.0
    started = time.monotonic()
    try:
        hub.check()
        classroom.ensure_proxy()
        classroom.ensure_course_env()
        classroom.ensure_students(names)
        hub.start()
        sampler = MemorySampler({name: classroom.pwd.getpwnam(name).pw_uid for name in names})
        sampler.start()
        deadline = time.monotonic() + time_limit
        lesson_over = threading.Semaphore(0)  # one release a student, done or failed
        all_done = threading.Event()  # then everyone closes their notebook
        with ThreadPoolExecutor(max_workers=n) as pool:
            futures = [
                pool.submit(one_student, hub, name, notebook, random.Random(seed * 1000 + i),
                            lesson_over, all_done, deadline)
                for i, name in enumerate(names)
            ]  # fmt: skip
            for _ in names:
                if not lesson_over.acquire(timeout=max(0.1, deadline - time.monotonic())):
                    break
            hub_mb = hub_memory_mb(hub)  # with every student's kernel still open
            all_done.set()
            done, _ = wait(futures, timeout=60)
            records = [f.result() for f in futures if f in done]
            timed_out = n - len(done)
    finally:
        if sampler:
            sampler.stopping.set()
        hub.stop(timeout=120)
        classroom.remove_students(names)
        if hub.log.exists() and (timed_out or any("error" in r for r in records)):
            kept = Path(tempfile.gettempdir()) / f"cbd-classroom-bench-{n}-{tag}.log"
            shutil.copy2(hub.log, kept)  # the hub's log, for finding out what went wrong
            print(f"  hub log kept: {kept}", flush=True)
        shutil.rmtree(base, ignore_errors=True)
    wall = time.monotonic() - started
    busy = cpu_busy_seconds() - busy_before
    own = own_cpu_seconds() - own_before
    # What other work on the machine (other people's tests) used meanwhile, in cores.
    other_cores = round(max(0.0, busy - own) / wall, 2)
    for record in records:
        record["memory"] = {k: round(v, 1) for k, v in sampler.peak[record["name"]].items()}
    summary = summarise(
        n, notebook, records, timed_out, hub_mb, load_before, sampler.load_peak, started
    )
    summary["class_cpu_seconds"] = round(own, 1)
    summary["other_work_cores"] = other_cores
    return summary


def summarise(n, notebook, records, timed_out, hub_mb, load_before, load_peak, started) -> dict:
    ok = [r for r in records if "error" not in r]
    ready = [r["server_ready_s"] for r in ok]
    run_all = [r["run_all_s"] for r in ok]
    slider = [ms for r in ok for ms in r["slider_ms"]]
    memory = [r["memory"]["total_mb"] for r in ok]
    summary = {
        "students": n,
        "finished": len(ok),
        "failed": [
            {"name": r["name"], "error": r["error"]} for r in records if "error" in r
        ] + [{"name": "?", "error": "timed out"}] * timed_out,
        "notebook": notebook,
        "server_ready_s": {"p50": percentile(ready, 50), "p95": percentile(ready, 95)},
        "run_all_s": {"p50": percentile(run_all, 50), "p95": percentile(run_all, 95)},
        "slider_ms": {"p50": percentile(slider, 50), "p95": percentile(slider, 95),
                      "moves": len(slider)},
        "slider_all_redrawn": all(all(r["slider_updated"]) for r in ok),
        "memory_per_student_mb": {
            "mean": round(statistics.mean(memory), 1) if memory else None,
            "max": max(memory) if memory else None,
            "server_mean": round(statistics.mean(r["memory"]["server_mb"] for r in ok), 1) if ok else None,
            "kernel_mean": round(statistics.mean(r["memory"]["kernels_mb"] for r in ok), 1) if ok else None,
        },
        "hub_proxy_culler_mb": hub_mb,
        "load_before": [round(x, 2) for x in load_before],
        "load_peak": [round(x, 2) for x in load_peak],
        "wall_s": round(time.monotonic() - started, 1),
        "per_student": records,
    }  # fmt: skip
    summary["meets_targets"] = bool(
        summary["finished"] == n
        and summary["slider_ms"]["p95"] is not None
        and summary["slider_ms"]["p95"] < SLIDER_TARGET_MS
        and summary["run_all_s"]["p95"] < RUN_ALL_TARGET_S
    )
    return summary


def machine() -> dict:
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python_hub": platform.python_version(),
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def sizing(runs: dict) -> dict:
    """The largest class that met both targets, memory per student, and what 30 and 300 need."""
    sizes = sorted(runs.values(), key=lambda r: r["students"])
    good = [r for r in sizes if r["meets_targets"]]
    largest = max((r["students"] for r in good), default=0)
    memory = [
        r["memory_per_student_mb"]["mean"] for r in sizes if r["memory_per_student_mb"]["mean"]
    ]
    per_student_mb = max(memory) if memory else None
    result = {"largest_class_meeting_targets": largest, "memory_per_student_mb": per_student_mb}
    cores = sizes[0]["cores"] if sizes and "cores" in sizes[0] else os.cpu_count()
    for class_size in (30, 300):
        need = {}
        if largest:
            need["cores"] = math.ceil(class_size / largest * cores)
        if per_student_mb:
            # students' servers and kernels, plus 1 GB for the hub, proxy and system
            need["memory_gb"] = math.ceil(class_size * per_student_mb / 1024 + 1)
        result[f"class_of_{class_size}"] = need
    return result


def table(results: dict) -> str:
    runs = results["runs"]
    lines = [
        "| students | finished | server ready p50 / p95 | Run All p50 / p95 | slider p50 / p95 "
        "| memory per student (server + kernel) | other work on the machine | targets met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key in sorted(runs, key=int):
        r = runs[key]

        def pair(d, unit, fmt="{:.1f}"):
            if d["p50"] is None:
                return "-"
            return f"{fmt.format(d['p50'])} / {fmt.format(d['p95'])} {unit}"

        mem = r["memory_per_student_mb"]
        memory = "-" if mem["mean"] is None else (
            f"{mem['mean']:.0f} MB ({mem['server_mean']:.0f} + {mem['kernel_mean']:.0f})"
        )  # fmt: skip
        lines.append(
            f"| {r['students']} | {r['finished']} | {pair(r['server_ready_s'], 's')} "
            f"| {pair(r['run_all_s'], 's')} | {pair(r['slider_ms'], 'ms', '{:.0f}')} | {memory} "
            f"| {r.get('other_work_cores', '?')} cores (load {r['load_before'][0]:.1f} before) "
            f"| {'yes' if r['meets_targets'] else 'no'} |"
        )
    size = sizing(runs)
    largest = size["largest_class_meeting_targets"]
    largest = f"{largest} students" if largest else "none of the sizes measured"
    lines.append("")
    m = results["machine"]
    lines.append(
        f"Measured {m['when']} on this machine ({m['cores']} cores, {m['memory_gb']} GB), "
        f"lesson `{next(iter(runs.values()))['notebook']}`, targets: slider round trip p95 < "
        f"{SLIDER_TARGET_MS} ms and Run All p95 < {RUN_ALL_TARGET_S} s. "
        f"Largest class meeting both: **{largest}**; "
        f"memory per student (peak, server + kernel): **{size['memory_per_student_mb']:.0f} MB**."
    )
    others = [r["other_work_cores"] for r in runs.values() if "other_work_cores" in r]
    if others and max(others) >= 0.2:
        lines.append(
            f"The machine was not idle: other work (other people's tests) used {min(others):.1f}-"
            f"{max(others):.1f} of its {m['cores']} cores during these runs, so one server of "
            "this size alone holds somewhat more."
        )
    lines.append("")
    for class_size in (30, 300):
        need = size[f"class_of_{class_size}"]
        if need.get("cores"):
            lines.append(
                f"- **A class of {class_size}** all working at once: about "
                f"{need.get('cores', '?')} cores and {need.get('memory_gb', '?')} GB of memory."
            )
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = README.read_text()
    if START not in readme or END not in readme:
        raise SystemExit(f"README.md has no {START} ... {END} section")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{text}\n{END}{tail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, nargs="+", default=[5, 10, 20, 30])
    parser.add_argument("--notebook", default="03-manpower-arithmetic.ipynb")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=900, help="seconds per class size")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("classroom-bench: run as root (it makes a system user per student)", file=sys.stderr)
        return 2
    if any(n < 1 or n > 100 for n in args.students):
        print("classroom-bench: STUDENTS must be between 1 and 100", file=sys.stderr)
        return 2
    results = json.loads(args.out.read_text()) if args.out.exists() else {"runs": {}}
    results["machine"] = machine()
    for n in args.students:
        print(f"{n} students ...", flush=True)
        run = run_class(n, args.notebook, args.seed, args.time_limit)
        run["cores"] = results["machine"]["cores"]
        run["when"] = results["machine"]["when"]
        results["runs"][str(n)] = run
        args.out.write_text(json.dumps(results, indent=1) + "\n")
        print(
            f"  finished {run['finished']}/{n}, server ready p95 {run['server_ready_s']['p95']} s, "
            f"run all p95 {run['run_all_s']['p95']} s, slider p95 {run['slider_ms']['p95']} ms, "
            f"memory {run['memory_per_student_mb']['mean']} MB a student, "
            f"load {run['load_before'][0]:.1f} -> peak {run['load_peak'][0]:.1f}, "
            f"other work {run['other_work_cores']} cores",
            flush=True,
        )
        for failure in run["failed"][:5]:
            print(f"  failed: {failure['name']}: {failure['error']}", flush=True)
    text = table(results)
    print(text)
    if args.readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
