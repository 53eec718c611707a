"""deploy/z2jh/values.yaml: valid for the Zero to JupyterHub chart, and sized from the bench.

Helm validates the chart's defaults merged with our values against the chart's schema; so does
this test (the schema and defaults are copied in deploy/z2jh/chart/). The memory and CPU a
student is guaranteed must cover what benchmarks/classroom.json measured.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
Z2JH = ROOT / "deploy" / "z2jh"
UNITS = {"K": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}


def merged(defaults: dict, ours: dict) -> dict:
    """Helm's merge: dictionaries key by key, anything else replaced."""
    result = copy.deepcopy(defaults)
    for key, value in ours.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def load(name: str) -> dict:
    return yaml.safe_load((Z2JH / name).read_text())


def values() -> dict:
    return merged(load("chart/values.default.yaml"), load("values.yaml"))


def validate(data: dict) -> None:
    jsonschema.validate(data, load("chart/values.schema.yaml"))


def mebibytes(quantity: str) -> float:
    """A Kubernetes quantity ('512Mi', '1G') in MiB, the unit the bench records."""
    number = quantity.rstrip("KMGTi")
    return float(number) * UNITS[quantity[len(number) :]] / 2**20


def test_values_validate_against_the_charts_schema():
    validate(values())


@pytest.mark.parametrize(
    "path, bad",
    [
        (["singleuser", "memry"], {"guarantee": "1G"}),  # a misspelt key
        (["singleuser", "cpu", "limit"], "one core"),  # not a number
        (["cull", "timeout"], "an hour"),
    ],
)
def test_the_schema_check_catches_mistakes(path, bad):
    data = values()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_students_get_the_course_by_nbgitpuller_and_idle_servers_are_stopped():
    ours = load("values.yaml")
    command = ours["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert "gitpuller" in " ".join(command)
    assert "cold-business-deal" in command[-1]
    assert ours["cull"]["enabled"] is True and ours["cull"]["timeout"] <= 3600


def test_guarantees_cover_what_the_bench_measured():
    results = json.loads((ROOT / "benchmarks" / "classroom.json").read_text())
    measured = [r["memory_per_student_mb"] for r in results["runs"].values() if r["finished"]]
    user = values()["singleuser"]
    guarantee = mebibytes(user["memory"]["guarantee"])
    limit = mebibytes(user["memory"]["limit"])
    assert guarantee >= max(m["mean"] for m in measured)
    assert limit >= guarantee and limit >= max(m["max"] for m in measured)
    largest = max(
        (r["students"] for r in results["runs"].values() if r["meets_targets"]), default=1
    )
    cores = results["machine"]["cores"]
    assert user["cpu"]["guarantee"] == pytest.approx(cores / largest, abs=0.05)
    assert user["cpu"]["limit"] >= user["cpu"]["guarantee"]
