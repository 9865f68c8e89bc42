"""What a piece of text would turn into at the start of a line, asked of the
grammar's own terminals: the formatter moves text between lines only where it
keeps meaning the same thing."""

from __future__ import annotations

import re
from functools import cache

from ..grammar import build_parser, inner_patterns

ID_DEF = inner_patterns()["ID_DEF"]
REFERENCE = inner_patterns()["REFERENCE"]
PLAIN_LINE = "TEXT_LINE"  # the terminal for a line that no other line kind claims


@cache
def _line_kinds() -> tuple[re.Pattern, ...]:
    """The line terminals that win over plain text: a line they match is not text."""
    terminals = build_parser().terminals
    plain = next(t for t in terminals if t.name == PLAIN_LINE)
    return tuple(re.compile(t.pattern.to_regexp()) for t in terminals
                 if t.priority > plain.priority and not t.name.startswith("_"))


def reads_as_text(text: str, start: int = 0) -> bool:
    """A line holding `text[start:]` (after its indentation) is read as plain
    text: as a claim at the top level, as more text under a node. Not as a
    heading, node, field, id or reference line, not as a comment, and not with
    whitespace that the line's indentation would swallow."""
    if start >= len(text) or text[start].isspace() or text.startswith("//", start):
        return False
    return not any(pattern.match(text, start) for pattern in _line_kinds())
