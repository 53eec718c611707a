"""Make tests/ importable (for the shared ``badinput`` module) and use a non-GUI backend."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib
from hypothesis import settings

matplotlib.use("Agg")
sys.path.insert(0, str(Path(__file__).parent))

# Property tests check values, never speed: no per-example deadline (a loaded machine is slow).
settings.register_profile("course", deadline=None)
settings.load_profile("course")
