"""Make tests/ importable (for the shared ``badinput`` module) and use a non-GUI backend."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
sys.path.insert(0, str(Path(__file__).parent))
