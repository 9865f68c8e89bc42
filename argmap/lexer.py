"""The lexer for a line-based language: it splits the text into lines with
str.split and types each line with the grammar's terminals, tried in the order
that Lark's own lexer tries them (the order is kept in argmap/tables.py).

It yields the tokens that Lark's basic lexer yields, at the same positions,
except for the _NL tokens that carry nothing: one line break followed by an
indentation of spaces. The layout pass reads such an indentation from the next
line token's column. An _NL that spans blank or comment lines, or whose
indentation holds a tab or another blank, is kept. So a typical line costs one
regex match and one token, where Lark's lexer makes two tokens and counts the
line breaks in each."""

from __future__ import annotations

import re

from .grammar import NEWLINE

# What _NL skips before a line, besides the line break (see the grammar).
BLANKS = " \t\f\v"
COMMENT = "//"


class Token:
    """A token as Lark makes one (the same attributes, so that the layout pass
    takes either), but not a str: making one copies no text. Where it ends is
    worked out from its text when asked: argmap asks only to compare with Lark,
    and a big map makes a token per line."""

    __slots__ = ("type", "value", "start_pos", "line", "column")

    def __init__(self, kind, value, start=None, line=None, column=None):
        self.type, self.value, self.start_pos = kind, value, start
        self.line, self.column = line, column

    @property
    def end_pos(self):
        return None if self.start_pos is None else self.start_pos + len(self.value)

    @property
    def end_line(self):
        return None if self.line is None else self.line + self.value.count("\n")

    @property
    def end_column(self):
        if self.column is None:
            return None
        last_break = self.value.rfind("\n")
        return self.column + len(self.value) if last_break < 0 else len(self.value) - last_break

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r}, line {self.line}, column {self.column})"


class UnexpectedLine(Exception):
    """A line that no line terminal matches (TEXT_LINE matches any, so this
    means the grammar was changed without the lexer in mind)."""

    def __init__(self, line: int, column: int):
        super().__init__(f"no line terminal matches line {line}, column {column}")
        self.line, self.column = line, column


class LineLexer:
    def __init__(self, terminals: list[tuple[str, str]], flags: int = 0):
        """`terminals`: (name, regex) of the line terminals, first match wins."""
        self.kinds = {name for name, _ in terminals}
        self.line_pattern = re.compile(
            "|".join(f"(?P<{name}>{regex})" for name, regex in terminals), flags)

    def tokens(self, text: str):
        pos = 0  # offset of the current line in `text`
        gap_start = None  # offset of the line break that opens a pending _NL
        gap_line = gap_column = previous_length = 0
        match = self.line_pattern.match
        for number, line in enumerate(text.split("\n"), 1):
            if number > 1:
                body = line.lstrip(" ")
                plain_indent = not body or body[0] not in BLANKS
                if not plain_indent:
                    body = body.lstrip(BLANKS)
                if not body or body.startswith(COMMENT):  # part of the gap
                    if gap_start is None:
                        gap_start, gap_line, gap_column = pos - 1, number - 1, previous_length + 1
                    previous_length = len(line)
                    pos += len(line) + 1
                    continue
                column = len(line) - len(body)
                if gap_start is not None or not plain_indent:
                    if gap_start is None:
                        gap_start, gap_line, gap_column = pos - 1, number - 1, previous_length + 1
                    yield Token(NEWLINE, text[gap_start:pos + column], gap_start, gap_line,
                                gap_column)
                    gap_start = None
            else:
                column = 0  # the first line follows no line break: nothing is skipped
            found = match(line, column) if column < len(line) else None
            if found is not None and found.end() == len(line):  # one token: the usual case
                yield Token(found.lastgroup, found.group(), pos + column, number, column + 1)
            else:
                yield from self._line_tokens(text, line, pos, number, column)
            previous_length = len(line)
            pos += len(line) + 1
        if gap_start is not None and not _says_nothing(text[gap_start:]):
            yield Token(NEWLINE, text[gap_start:], gap_start, gap_line, gap_column)

    def _line_tokens(self, text, line, pos, number, column):
        # Every line terminal runs to the end of the line, so tokens() rarely
        # comes here; looping keeps the lexer true to the grammar whatever it says.
        length, match = len(line), self.line_pattern.match
        while column < length:
            found = match(line, column)
            if found is None:
                raise UnexpectedLine(number, column + 1)
            end = found.end()
            yield Token(found.lastgroup, found.group(), pos + column, number, column + 1)
            column = end


def _says_nothing(gap: str) -> bool:
    """Whether an _NL is one line break and spaces, which the lexer leaves out."""
    return gap.count("\n") == 1 and not gap[1:].strip(" ")

