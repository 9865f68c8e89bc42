"""The concrete view of a parsed file: every line with its kind and nesting depth,
and the blank and comment lines between them.

The semantic model forgets how a file was laid out, so the formatter reads the
lines again with the grammar's own lexer and layout pass (never a second
parser): the layout pass says which lines are nodes, text continuations or
fields, and its _INDENT/_DEDENT tokens give each node line its depth. It is
only used on files that parsed without errors."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import DiagnosticSink
from ..grammar import build_parser
from ..layout import Layout

HEADING, CLAIM, ANCHOR, CHILD, TEXT, FIELD = "heading", "claim", "anchor", "child", "text", "field"
_KINDS = {"HEADING": HEADING, "TEXT_LINE": CLAIM, "ID_LINE": CLAIM, "REF_LINE": ANCHOR,
          "NODE_LINE": CHILD, "CONT": TEXT, "FIELD_LINE": FIELD}
BLANK = ""  # a blank line in a gap; any other gap entry is a `//` comment line


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line in the file
    kind: str
    depth: int  # nesting of the node line this line belongs to; 0 at the top level
    value: str  # the line from its indentation on, trailing whitespace removed
    gap: tuple[str, ...]  # blank lines and comments between the previous line and this one


class LayoutMismatch(Exception):
    """The lexer saw a line that is neither content nor blank nor comment: a bug,
    since only files that parsed cleanly come here."""


def read_lines(body: str, skip: int) -> tuple[list[Line], tuple[str, ...]]:
    """The content lines of `body` (the text after front matter, with the front
    matter's `skip` lines blanked), and the gap after the last one."""
    source_lines = body.split("\n")
    lines: list[Line] = []
    previous = skip
    for number, kind, depth, value in _tokens(body):
        lines.append(Line(number, kind, depth, value,
                          _gap(source_lines, previous, number)))
        previous = number
    return lines, _gap(source_lines, previous, len(source_lines) + 1)


def _tokens(body: str):
    text = "\n" + body  # what the parser reads: every line follows a line break
    layout = Layout()
    layout.reset(DiagnosticSink("<fmt>"))
    depth, line, counted = 0, 0, 0
    for token in layout.process(build_parser().lex(text)):
        if token.type == "_INDENT":
            depth += 1
        elif token.type == "_DEDENT":
            depth -= 1
        elif token.type in _KINDS:
            # The line from the token's offset: the layout pass may renumber
            # token.line, but never moves a token.
            line += text.count("\n", counted, token.start_pos)
            counted = token.start_pos
            # Only spaces and tabs: other Unicode white space (U+001F, U+00A0)
            # can be what keeps a line text, e.g. "~\x1f" is a claim, "~" a marker.
            yield line, _KINDS[token.type], depth, token.value.rstrip(" \t")


def _gap(source_lines: list[str], after: int, before: int) -> tuple[str, ...]:
    """Lines strictly between file lines `after` and `before`."""
    gap = []
    for text in source_lines[after:before - 1]:
        stripped = text.strip(" \t\f\v")
        if not stripped:
            gap.append(BLANK)
        elif stripped.startswith("//"):
            gap.append(stripped.rstrip())
        else:
            raise LayoutMismatch(f"line {text!r} is neither content, blank nor a comment")
    return tuple(gap)
