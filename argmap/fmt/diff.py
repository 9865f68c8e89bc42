"""A unified diff between a file and its formatted text, for `argmap fmt --diff`."""

from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(before: str, after: str, path: str) -> str:
    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=path,
                                 tofile=f"{path} (formatted)")
    return "".join(lines)


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        # Mark it as diff(1) does, so that the line still ends the hunk cleanly.
        lines[-1] += "\n" + NO_NEWLINE
    return lines
