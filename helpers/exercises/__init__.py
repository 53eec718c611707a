"""Exercise definitions, one module per notebook, gathered in ``EXERCISES`` by question id.

Each module defines its own ``EXERCISES`` with ``helpers.exercise_types``; ``helpers.checks``
imports the gathered ``EXERCISES`` (and nothing here imports ``helpers.checks``).

>>> EXERCISES["1.1"] is nb01.EXERCISES["1.1"]
True
"""

from __future__ import annotations

from types import ModuleType

from helpers.exercise_types import Exercise
from helpers.exercises import nb01, nb02, nb03, nb04, nb05, nb06, quiz

__all__ = ["EXERCISES", "MODULES"]

MODULES: tuple[ModuleType, ...] = (nb01, nb02, nb03, nb04, nb05, nb06, quiz)


def _gather(modules: tuple[ModuleType, ...]) -> dict[str, Exercise]:
    """Every module's exercises in one table, refusing an id defined twice."""
    found: dict[str, Exercise] = {}
    for module in modules:
        for qid, exercise in module.EXERCISES.items():
            if qid in found:
                raise ValueError(f"exercise {qid!r} is defined twice")
            found[qid] = exercise
    return found


EXERCISES: dict[str, Exercise] = _gather(MODULES)
