"""The course as a package: a wheel that carries the seeds, and runs a lesson outside the repo.

A class server installs the course with `pip install` (not as an editable checkout), so the
wheel must carry everything a notebook reads. This builds the wheel as `make classroom` does,
installs it into an empty folder, and runs a student notebook from another empty folder with
only that install on the path.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import classroom  # noqa: E402


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return classroom.build_wheel(tmp_path_factory.mktemp("dist"))


def test_the_wheel_carries_every_seed_unchanged(wheel):
    with zipfile.ZipFile(wheel) as zipped:
        for seed in sorted((ROOT / "seeds").iterdir()):
            assert zipped.read(f"helpers/seeds/{seed.name}") == seed.read_bytes(), seed.name
        names = zipped.namelist()
    assert "helpers/exercises/nb01.py" in names
    assert not [n for n in names if n.startswith(("tests/", "notebooks/", "teacher/", "tools/"))]


def test_a_student_notebook_runs_from_outside_the_repository_with_the_installed_wheel(
    wheel, tmp_path, monkeypatch
):
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        timeout=300,
    )  # fmt: skip
    elsewhere = tmp_path / "class"
    elsewhere.mkdir()
    notebook = nbformat.read(ROOT / "student" / "01-reading-the-article.ipynb", as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "import helpers.sources as s, os\nprint(s.SEEDS)\nprint(os.getcwd())"
        )
    )
    monkeypatch.setenv("PYTHONPATH", str(site))  # the kernel imports helpers from the install
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(elsewhere)}},
    ).execute()
    seeds, cwd = notebook.cells[-1].outputs[0]["text"].split()
    assert seeds == str(site / "helpers" / "seeds")
    assert cwd == str(elsewhere)
    errors = [
        o for c in notebook.cells for o in c.get("outputs", []) if o["output_type"] == "error"
    ]
    assert not errors
