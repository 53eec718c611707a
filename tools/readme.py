"""Write the README's table of notebooks from ``course.toml`` (between its markers).

Usage: python tools/readme.py [--check]

``--check`` writes nothing and exits 1 if the README's table differs from ``course.toml``
(``tests/test_course.py`` checks the same).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from helpers import course  # noqa: E402

README = ROOT / "README.md"
START, END = "<!-- notebooks:start -->", "<!-- notebooks:end -->"
MARKERS = {"en": (START, END), "nl": ("<!-- notebooks-nl:start -->", "<!-- notebooks-nl:end -->")}


def with_table(text: str, table: str, language: str = "en") -> str:
    """The README text with the part between a language's markers replaced by ``table``."""
    START, END = MARKERS[language]  # noqa: N806 (the markers, as above)
    if START not in text or END not in text:
        raise ValueError(f"README.md needs the markers {START} and {END} around the table")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    wanted = text
    for edition in course.editions():
        wanted = with_table(wanted, course.readme_table(edition), edition.language)
    if "--check" in argv:
        if wanted != text:
            print("README.md's table of notebooks is stale: run make readme")
            return 1
        return 0
    if wanted != text:
        README.write_text(wanted, encoding="utf-8")
        print("README.md: table of notebooks updated from course.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
