"""Reading the ICCMA apx format: `arg(a).` declares an argument, `att(a,b).`
says that a attacks b. Each argument becomes a claim, each attack a rebuttal.

A name is a run of letters, digits and underscores, or a double-quoted string
with `\\"`, `\\\\` and `\\n` escapes (how argmap's apx export writes ids that
are not plain atoms). `%` starts a comment. A statement must fit on one line;
a line may hold several. The grammar is small enough that a cursor over each
line gives better errors (the exact column, and what was expected) than a
parser generator would.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, DiagnosticSink
from ..model import Map
from .framework import FrameworkBuilder, Name, decode_lines

_PLAIN = re.compile(r"[A-Za-z0-9_]+")
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_UNQUOTE = re.compile(r"\\(.)")
_SPACE = re.compile(r"[ \t\f\v]*")
_KEYWORD = re.compile(r"[A-Za-z_]+")
_SIMPLE_ARG = re.compile(r"[ \t]*arg\(([A-Za-z0-9_]+)\)\.[ \t]*")
_SIMPLE_ATT = re.compile(r"[ \t]*att\(([A-Za-z0-9_]+),([A-Za-z0-9_]+)\)\.[ \t]*")
_HINT = "each statement is arg(NAME). or att(NAME,NAME). on one line"


class _Truncated(Exception):
    pass


class _Garbage(Exception):
    pass


def read(data: bytes, path: str) -> tuple[Map | None, list[Diagnostic]]:
    sink = DiagnosticSink(path)
    lines = decode_lines(data, sink, "E410")
    if lines is None:
        return None, sink.finish()
    builder = FrameworkBuilder(path, sink, "declare it with arg(NAME). (anywhere in the file)")
    for number, line in enumerate(lines, 1):
        if not _read_simple_line(line, number, builder):
            _read_line(_Cursor(line, number), builder, sink)
    return builder.finish()


def _read_simple_line(line: str, number: int, builder: FrameworkBuilder) -> bool:
    """The common case, one plain statement on a line, at regex speed; any
    other line goes to the cursor, which also explains what is wrong."""
    match = _SIMPLE_ARG.fullmatch(line)
    if match is not None:
        builder.argument(Name(match[1], number, match.start(1) + 1, match.end(1) + 1))
        return True
    match = _SIMPLE_ATT.fullmatch(line)
    if match is not None:
        builder.attack(Name(match[1], number, match.start(1) + 1, match.end(1) + 1),
                       Name(match[2], number, match.start(2) + 1, match.end(2) + 1))
        return True
    return False


def _read_line(cursor: _Cursor, builder: FrameworkBuilder, sink: DiagnosticSink) -> None:
    while not cursor.at_end():
        start = cursor.position
        try:
            _statement(cursor, builder)
        except _Truncated as exc:
            sink.error("E411", cursor.number, cursor.position + 1,
                       f"the line ends inside a statement: expected {exc}",
                       hint=_HINT, end_column=cursor.position + 1)
            return
        except _Garbage as exc:
            sink.error("E410", cursor.number, cursor.position + 1, str(exc), hint=_HINT,
                       end_column=max(cursor.end_of_token(), cursor.position + 2))
            return
        if cursor.position == start:  # cannot happen; guards against a silent loop
            return


def _statement(cursor: _Cursor, builder: FrameworkBuilder) -> None:
    keyword = cursor.keyword()
    if keyword == "arg":
        cursor.expect("(")
        name = cursor.name()
        cursor.expect(")")
        cursor.expect(".")
        builder.argument(name)
    else:
        cursor.expect("(")
        attacker = cursor.name()
        cursor.expect(",")
        target = cursor.name()
        cursor.expect(")")
        cursor.expect(".")
        builder.attack(attacker, target)


class _Cursor:
    """A position in one line; skips blanks and comments before each token."""

    def __init__(self, line: str, number: int):
        self.line, self.number, self.position = line, number, 0

    def at_end(self) -> bool:
        self._skip()
        return self.position >= len(self.line)

    def keyword(self) -> str:
        self._skip()
        match = _KEYWORD.match(self.line, self.position)
        if match is None or match.group() not in ("arg", "att"):
            found = match.group() if match else self.line[self.position]
            raise _Garbage(f"expected arg(...) or att(...), found {found!r}")
        self.position = match.end()
        return match.group()

    def expect(self, token: str) -> None:
        if self.at_end():
            raise _Truncated(f"{token!r}")
        if not self.line.startswith(token, self.position):
            raise _Garbage(f"expected {token!r}, found {self.line[self.position]!r}")
        self.position += len(token)

    def name(self) -> Name:
        if self.at_end():
            raise _Truncated("an argument name")
        start = self.position
        quoted = _QUOTED.match(self.line, start)
        if quoted is not None:
            text = _UNQUOTE.sub(_unescape, quoted.group(1))
            end = quoted.end()
        elif (plain := _PLAIN.match(self.line, start)) is not None:
            text, end = plain.group(), plain.end()
        elif self.line[start] == '"':
            self.position = len(self.line)
            raise _Truncated('a closing \'"\'')
        else:
            raise _Garbage(f"expected an argument name, found {self.line[start]!r}")
        self.position = end
        return Name(text, self.number, start + 1, end + 1)

    def end_of_token(self) -> int:
        match = re.compile(r"\S+").match(self.line, self.position)
        return match.end() + 1 if match else self.position + 1

    def _skip(self) -> None:
        self.position = _SPACE.match(self.line, self.position).end()
        if self.line.startswith("%", self.position):
            self.position = len(self.line)


def _unescape(match: re.Match) -> str:
    return "\n" if match.group(1) == "n" else match.group(1)
