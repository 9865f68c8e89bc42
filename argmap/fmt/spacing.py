"""The last pass: blank lines and comment indentation, then the text.

Blank lines collapse to one and never start or end the file; a heading gets
exactly one blank line before it (before the comments right above it) and one
after it. A comment takes the indentation of the line that follows it."""

from __future__ import annotations

from .emit import BLANK_LINE, COMMENT, HEADING_LINE, Out


def render(out: list[Out]) -> list[str]:
    items = _with_blanks(out)
    return ["" if item.kind == BLANK_LINE else " " * indent + item.text
            for item, indent in zip(items, _indents(items), strict=True)]


def _with_blanks(out: list[Out]) -> list[Out]:
    spaced: list[Out] = []
    for item in out:
        if item.kind == HEADING_LINE:
            _blank_before_comments(spaced)
            spaced.append(item)
            spaced.append(Out(BLANK_LINE))
        elif item.kind != BLANK_LINE or (spaced and spaced[-1].kind != BLANK_LINE):
            spaced.append(item)
    while spaced and spaced[-1].kind == BLANK_LINE:
        spaced.pop()
    return spaced


def _blank_before_comments(spaced: list[Out]) -> None:
    """Put a blank line above the comments that stand right above a heading."""
    start = len(spaced)
    while start and spaced[start - 1].kind == COMMENT:
        start -= 1
    if start and spaced[start - 1].kind != BLANK_LINE:
        spaced.insert(start, Out(BLANK_LINE))


def _indents(items: list[Out]) -> list[int]:
    """Each line's indentation; a comment's is that of the next content line."""
    indents, following = [], 0
    for item in reversed(items):
        if item.kind in (COMMENT, BLANK_LINE):
            indents.append(following if item.kind == COMMENT else 0)
        else:
            following = item.indent
            indents.append(item.indent)
    return indents[::-1]
