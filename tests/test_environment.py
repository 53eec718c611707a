"""environment.yml (conda, Binder) and pyproject.toml (pip) must name the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _pip_deps() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = {}
    for spec in project["dependencies"]:
        name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)==([\d.]+)(?:\.\*)?", spec).groups()
        deps[name.lower()] = version
    return deps


def _conda() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _conda_deps() -> dict[str, str]:
    deps = {}
    for spec in _conda()["dependencies"]:
        if isinstance(spec, str) and spec not in ("pip",):
            name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)=([\d.]+)(?:\.\*)?", spec).groups()
            deps[name.lower()] = version
    return deps


def test_same_dependencies_and_versions():
    conda = _conda_deps()
    python = conda.pop("python")
    assert conda == _pip_deps()
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == f">={python}"


def test_conda_installs_the_project_itself_with_pip():
    pip_sections = [d["pip"] for d in _conda()["dependencies"] if isinstance(d, dict)]
    assert pip_sections == [["-e ."]]
    assert _conda()["channels"] == ["conda-forge"]


def test_course_packages_are_the_ones_the_user_asked_for():
    assert set(_pip_deps()) == {"jupyterlab", "pandas", "matplotlib", "ipywidgets"}
    assert _pip_deps()["jupyterlab"] == "4" and _pip_deps()["ipywidgets"] == "8"
