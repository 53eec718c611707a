"""Markdown that renders as written in JupyterLab, in nbconvert and in the handouts.

JupyterLab typesets the text between two ``$`` signs as maths ("$2,000 or $240 million"
becomes an italic formula). A single backslash (``\\$``) does not stop it there (JupyterLab
issue 8645: the backslash is spent by the Markdown parser before MathJax looks), so the
course writes every literal dollar sign in Markdown as two backslashes and a dollar:
``\\\\$2,000``. JupyterLab shows ``$2,000``; the handouts (``tools/handouts.py``) render
Markdown without maths and print a plain ``$``.
"""

from __future__ import annotations

import re

__all__ = ["ANY_DOLLAR", "DOLLAR", "escape_dollars"]

DOLLAR = "\\\\$"  # a literal dollar sign in the course's Markdown
ANY_DOLLAR = re.compile(r"\\*\$")  # a dollar sign, however many backslashes before it


def escape_dollars(text: str) -> str:
    """``text`` with every dollar sign written as ``\\\\$`` (however it was escaped before).

    >>> print(escape_dollars("$2,000 a month, \\\\$240 million a year, \\\\\\\\$5 as it should be"))
    \\\\$2,000 a month, \\\\$240 million a year, \\\\$5 as it should be
    """
    return ANY_DOLLAR.sub(lambda _: DOLLAR, text)
