"""Every public helper that takes numbers must have a bad-input test (see badinput.py)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import helpers

NOT_NUMERIC_MODULES = {"sources", "checks", "style", "widgets", "exercises", "_validate"}
NUMERIC = ("float", "int", "Real")


def _tested() -> set[object]:
    found: set[object] = set()
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        found |= set(getattr(module, "VALID_CALLS", {}))
    return found


def _numeric_public_functions() -> list[object]:
    funcs = []
    for info in pkgutil.iter_modules(helpers.__path__):
        if info.name in NOT_NUMERIC_MODULES:
            continue
        module = importlib.import_module(f"helpers.{info.name}")
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if not inspect.isfunction(obj):
                continue
            params = inspect.signature(obj).parameters.values()
            if any(any(t in str(p.annotation) for t in NUMERIC) for p in params):
                funcs.append(obj)
    return funcs


def test_every_numeric_helper_has_a_bad_input_test():
    tested = _tested()
    missing = [
        f"{f.__module__}.{f.__name__}" for f in _numeric_public_functions() if f not in tested
    ]
    assert not missing, f"no VALID_CALLS entry (bad-input test) for: {missing}"
