"""Re-run notebooks in place with a fresh kernel, so the stored outputs are current.

Usage: python tools/execute_notebooks.py [notebook ...]   (default: every notebook, both editions)

Running it twice changes nothing: execution is deterministic, and the random ids that
widgets get are replaced by ids derived from their order in the notebook.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from helpers import course  # noqa: E402  (the one list of notebooks: course.toml)


def _stable_widget_ids(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Swap each random widget model id for one derived from the notebook name and order."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json")
    if not state:
        return nb
    text = json.dumps(nb, sort_keys=True, ensure_ascii=False)
    ids = list(state["state"].keys())
    # Order by first appearance in the cells, then by the rest of the state, for stability.
    cells_text = json.dumps(nb.cells, ensure_ascii=False)
    ids.sort(key=lambda i: (cells_text.find(i) if i in cells_text else len(cells_text), i))
    for n, old in enumerate(_topological(state["state"], ids)):
        new = hashlib.sha256(f"{name}:{n}".encode()).hexdigest()[:32]
        text = text.replace(old, new)
    return nbformat.from_dict(json.loads(text))


def _topological(state: dict, ids: list[str]) -> list[str]:
    """Widget ids in a stable order: each widget, then the widgets it refers to."""
    seen: list[str] = []

    def visit(model_id: str) -> None:
        if model_id in seen or model_id not in state:
            return
        seen.append(model_id)
        blob = json.dumps(state[model_id]["state"], sort_keys=True)
        refs = [r for r in state if f"IPY_MODEL_{r}" in blob]
        refs.sort(key=lambda r: blob.find(f"IPY_MODEL_{r}"))
        for ref in refs:
            visit(ref)

    for model_id in ids:
        visit(model_id)
    return seen


def execute(path: Path, timeout: int = 300) -> float:
    """Execute one notebook in place; return the seconds it took."""
    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        record_timing=False,
        # Quiet the kernel's start-up notice about local TCP; real errors still show.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nb = _stable_widget_ids(nb, path.stem)
    nb.metadata.get("language_info", {}).pop("version", None)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [
        nb.path for edition in course.editions() for nb in edition.notebooks()
    ]
    for path in paths:
        seconds = execute(path)
        print(f"executed {path.name} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
