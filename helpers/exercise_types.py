"""What an exercise is: its question, how its answer is computed, and the mistakes it knows.

The exercises themselves are in ``helpers/exercises/`` (one module per notebook, gathered in
``helpers.exercises.EXERCISES``); ``helpers.checks`` judges a student's answer to one. This
module imports neither, so that both can import it.

>>> Exercise(question="2 + 2?", expected=lambda: 4, hint="add them.").kind
'number'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Exercise", "Kind", "Mistake"]

Kind = Literal["number", "choice", "choices"]


@dataclass(frozen=True)
class Mistake:
    """A wrong answer worth recognising, and what to say about it.

    ``answer`` computes the wrong value the mistake produces (e.g. using 30 days for a year).
    """

    answer: Callable[[], object]
    says: str


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer, how close is close enough, and a hint.

    ``kind``: ``"number"`` (a number within a tolerance), ``"choice"`` (one letter or
    word, case ignored), or ``"choices"`` (a set of letters, order ignored). ``working``
    explains the answer in words (no computed figures typed in) for the teacher guide.

    ``sig_figs``: the fewest significant figures a number answer may be rounded to and still
    count as correct. 2 unless the course's own text rounds further (1 for "about eight
    days"), or two figures cannot tell the answer from a known mistake (then 3).
    """

    question: str
    expected: Callable[[], object]
    hint: str
    kind: Kind = "number"
    unit: str = ""
    rel_tol: float = 0.01
    abs_tol: float = 0.0
    sig_figs: int = 2
    mistakes: tuple[Mistake, ...] = ()
    well_done: str = ""
    working: str = ""  # the worked reasoning in words, for the teacher guide's answer key
    notebook: str = field(default="", compare=False)
