"""The lexer for a line-based language: it types each line with the grammar's
terminals, tried in the order that Lark's own lexer tries them (the order is
kept in argmap/tables.py). The usual line (indented by spaces, one token) is
found by one regex search over the whole text; blank and comment lines, other
indentation and the first line are read line by line.

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
        alternatives = "|".join(f"(?P<{name}>{regex})" for name, regex in terminals)
        self.line_pattern = re.compile(alternatives, flags)
        # The usual line: a line break, an indentation of spaces only, then
        # something that is neither blank nor a comment, typed by the same
        # alternatives. One finditer over the text finds these lines without a
        # Python step for splitting, stripping and matching each, which halves
        # the lexer's time; every other line is read one by one by _read_lines.
        self.usual_line = re.compile(r"\n( *)(?=[^ \t\f\v\n/]|/(?!/))(?:" + alternatives + ")",
                                     flags)

    def tokens(self, text: str):
        # `done` is where the lines read so far end (at a line break, or the end
        # of the text); `number` and `length` are the last such line's number
        # and length. Nothing is read yet: line 1 has no line break before it.
        done, number, length = -1, 0, 0
        for found in self.usual_line.finditer(text):
            line_break, end = found.span()
            kind = found.lastgroup
            if line_break == done and (end == len(text) or text[end] == "\n"):
                # The next line, one token to its end: the usual case.
                start = found.end(1)
                number += 1
                yield Token(kind, found.group(kind), start, number, start - line_break)
                done, length = end, end - line_break - 1
                continue
            # Lines in between (blank, comment, other indentation), or a line
            # that is more than one token: read up to the end of this line.
            line_end = text.find("\n", line_break + 1)
            line_end = len(text) if line_end < 0 else line_end
            yield from self._read_lines(text, done + 1, line_end, number + 1, length)
            number += text.count("\n", done + 1, line_end) + 1
            done, length = line_end, line_end - text.rfind("\n", 0, line_end) - 1
        if done < len(text):
            yield from self._read_lines(text, done + 1, len(text), number + 1, length)

    def _read_lines(self, text, begin, end, first_number, previous_length):
        """The tokens of the lines in text[begin:end], line by line: `begin` is
        where line `first_number` starts, and the line before it (if any) ends
        at begin - 1, with `previous_length` characters. At the end of the text
        a pending gap becomes an _NL token."""
        pos = begin  # offset of the current line in `text`
        gap_start = None  # offset of the line break that opens a pending _NL
        gap_line = gap_column = 0
        match = self.line_pattern.match
        for number, line in enumerate(text[begin:end].split("\n"), first_number):
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
        if gap_start is not None and end == len(text) and not _says_nothing(text[gap_start:]):
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

