"""A short run of the simulated class (3 students): the bench works end to end.

No timing is asserted here (that is what benchmarks/classroom.json is for): only that every
student logged in, got a server, pulled the course, ran the lesson and moved the slider ten
times with the chart redrawn each time, and that memory was measured. Needs root.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("useradd"),
    reason="the class server makes system users: run as root",
)


def test_a_class_of_three_does_a_whole_lesson(tmp_path):
    out = tmp_path / "classroom.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "classroom_bench.py"), "--students", "3",
         "--time-limit", "240", "--out", str(out)],
        capture_output=True, text=True, timeout=420,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    run = json.loads(out.read_text())["runs"]["3"]
    assert run["failed"] == [] and run["finished"] == 3
    for student in run["per_student"]:
        assert len(student["slider_ms"]) == 10 and all(student["slider_updated"])
        assert student["memory"]["server_mb"] > 20 and student["memory"]["kernels_mb"] > 20
        assert set(student) >= {"server_ready_s", "pull_s", "run_all_s"}
    assert run["hub_proxy_culler_mb"] > 20
    assert len(run["load_before"]) == 3
    assert "| 3 | 3 |" in done.stdout  # the sizing table
    # The bench's students are gone again.
    names = [s["name"] for s in run["per_student"]]
    assert not [n for n in names if Path(f"/home/{n}").exists()]
