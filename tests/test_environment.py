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
    """What environment.yml installs: conda packages, and PyPI-only ones in its pip section."""
    deps = {}
    for spec in _conda()["dependencies"]:
        if isinstance(spec, str) and spec not in ("pip",):
            name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)=([\d.]+)(?:\.\*)?", spec).groups()
            deps[name.lower()] = version
    for spec in _pip_section()[1:]:
        name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)==([\d.]+)(?:\.\*)?", spec).groups()
        deps[name.lower()] = version
    return deps


def _pip_section() -> list[str]:
    sections = [d["pip"] for d in _conda()["dependencies"] if isinstance(d, dict)]
    assert len(sections) == 1, "environment.yml should have one pip section"
    return sections[0]


def test_same_dependencies_and_versions():
    conda = _conda_deps()
    python = conda.pop("python")
    assert conda == _pip_deps()
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == f">={python}"


def test_conda_installs_the_project_itself_with_pip():
    assert _pip_section()[0] == "-e ."
    assert _conda()["channels"] == ["conda-forge"]


def test_course_packages_are_the_ones_the_user_asked_for():
    # The four the user asked for, and JupyterLab's Dutch menus for the Dutch edition.
    assert set(_pip_deps()) == {
        "jupyterlab",
        "pandas",
        "matplotlib",
        "ipywidgets",
        "jupyterlab-language-pack-nl-nl",
    }
    assert _pip_deps()["jupyterlab"] == "4" and _pip_deps()["ipywidgets"] == "8"
