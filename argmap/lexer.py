"""A Lark lexer for a line-based language: it splits the text into lines with
str.split and types each line with the grammar's terminals, tried in the order
that Lark's own lexer tries them.

It yields the tokens that Lark's basic lexer yields, at the same positions,
except for the _NL tokens that carry nothing: one line break followed by an
indentation of spaces. The layout pass reads such an indentation from the next
line token's column. An _NL that spans blank or comment lines, or whose
indentation holds a tab or another blank, is kept. So a typical line costs one
regex match and one token, where Lark's lexer makes two tokens and counts the
line breaks in each."""

from __future__ import annotations

import re

from lark.exceptions import UnexpectedCharacters
from lark.lexer import Lexer, Token
from lark.utils import TextSlice

NEWLINE = "_NL"
# What _NL skips before a line, besides the line break (see the grammar).
BLANKS = " \t\f\v"
COMMENT = "//"


class LineLexer(Lexer):
    __future_interface__ = 2  # lex() receives Lark's lexer state

    def __init__(self, lexer_conf):
        terminals = [t for t in lexer_conf.terminals
                     if t.name != NEWLINE and t.name not in lexer_conf.ignore]
        # The order of Lark's BasicLexer: the first terminal that matches wins.
        terminals.sort(key=lambda t: (-t.priority, -t.pattern.max_width,
                                      -len(t.pattern.value), t.name))
        self.kinds = {t.name for t in terminals}
        self.line_pattern = re.compile(
            "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals),
            lexer_conf.g_regex_flags)

    def lex(self, lexer_state, parser_state):
        return self.tokens(_whole_text(lexer_state.text))

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
                    yield _token(NEWLINE, text[gap_start:pos + column], gap_start, gap_line,
                                 gap_column, number, column + 1)
                    gap_start = None
            else:
                column = 0  # the first line follows no line break: nothing is skipped
            found = match(line, column) if column < len(line) else None
            if found is not None and found.end() == len(line):  # one token: the usual case
                yield _token(found.lastgroup, found.group(), pos + column, number, column + 1,
                             number, len(line) + 1)
            else:
                yield from self._line_tokens(text, line, pos, number, column)
            previous_length = len(line)
            pos += len(line) + 1
        if gap_start is not None and not _says_nothing(text[gap_start:]):
            yield _token(NEWLINE, text[gap_start:], gap_start, gap_line, gap_column,
                         number, previous_length + 1)

    def _line_tokens(self, text, line, pos, number, column):
        # Every line terminal runs to the end of the line, so tokens() rarely
        # comes here; looping keeps the lexer true to the grammar whatever it says.
        length, match = len(line), self.line_pattern.match
        while column < length:
            found = match(line, column)
            if found is None:
                raise UnexpectedCharacters(text, pos + column, number, column + 1,
                                           allowed=self.kinds)
            end = found.end()
            yield _token(found.lastgroup, found.group(), pos + column, number, column + 1,
                         number, end + 1)
            column = end


def _token(kind, value, start, line, column, end_line, end_column) -> Token:
    # Token() goes through two Python calls to check for a deprecated keyword;
    # this fills the same slots directly.
    token = str.__new__(Token, value)
    token.type, token.value, token.start_pos = kind, value, start
    token.line, token.column = line, column
    token.end_line, token.end_column, token.end_pos = end_line, end_column, start + len(value)
    return token


def _says_nothing(gap: str) -> bool:
    """Whether an _NL is one line break and spaces, which the lexer leaves out."""
    return gap.count("\n") == 1 and not gap[1:].strip(" ")


def _whole_text(text) -> str:
    if isinstance(text, TextSlice):
        if not text.is_complete_text():
            raise TypeError("the line lexer reads whole texts only")
        return text.text
    return text
