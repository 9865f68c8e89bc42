"""The layout pass between lexer and parser: indentation becomes _INDENT/_DEDENT
around child nodes, and a line indented under a node that is not itself a node
becomes that node's text continuation (CONT) or field (FIELD_LINE).

It also reports every layout error (tabs, bad dedents, misplaced lines) and
repairs the token stream so that the parser never fails on layout: that is
what lets one run report several errors per file."""

from __future__ import annotations

import re

from lark import Token

from .diagnostics import DiagnosticSink
from .model import Comment

_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
TAB_REPORT_LIMIT = 5


class Layout:
    always_accept = ()

    def __init__(self):
        self.sink: DiagnosticSink | None = None
        self.path = ""
        self.comments: list[Comment] = []
        self.paragraph_lines: set[int] = set()
        self.tab_lines = 0

    def reset(self, sink: DiagnosticSink) -> None:
        self.sink = sink
        self.path = sink.path
        self.comments = []
        self.paragraph_lines = set()
        self.tab_lines = 0

    def process(self, stream):
        stack: list[int] = []  # columns of the open node lines
        newline = None
        # The parser gets "\n" + text, so the first _NL only carries the first
        # line's indentation (and any leading comments); it ends no line.
        first = True
        line_open = False
        for token in stream:
            if token.type == "_NL":
                if "//" in token.value:
                    self._collect_comments(token)
                newline = token
                if not first:
                    yield token
                first = line_open = False
                continue
            first = False
            line_open = True
            column = token.column - 1
            if newline is not None and column and "\t" in newline.value.rsplit("\n", 1)[1]:
                self._report_tab(newline.value.rsplit("\n", 1)[1], token)
            yield from self._place(token, column, stack, newline)
        if line_open:  # the file does not end with a line break
            yield Token("_NL", "\n")
        for _ in range(len(stack) - 1):
            yield Token("_DEDENT", "")

    def _place(self, token, column, stack, newline):
        kind = token.type
        current = stack[-1] if stack else None
        if kind != "NODE_LINE" and current is not None and column > current:
            if kind != "FIELD_LINE":
                token.type = "CONT"
                if newline is not None and _BLANK_LINE.search(newline.value):
                    self.paragraph_lines.add(token.line)
            yield token
            return
        if column == 0 or current is None:
            if column:
                self._error("E203", token, "unexpected indentation: there is no node above to "
                            "attach this line to", "start a top-level claim at column 1")
            yield from self._top_level(token, stack)
            return
        if kind != "NODE_LINE":
            yield from self._misplaced(token, stack)
            return
        if column > current:
            stack.append(column)
            yield Token("_INDENT", "")
        else:
            while stack[-1] > column:
                stack.pop()
                yield Token("_DEDENT", "")
            if stack[-1] != column:
                open_columns = ", ".join(str(c + 1) for c in stack if c)
                self._error("E202", token,
                            f"this line's indentation (column {column + 1}) matches no open "
                            "level", f"indent it to one of the columns above: {open_columns}"
                            if open_columns else "indent it under the node it belongs to")
                stack.append(column)
                yield Token("_INDENT", "")
        yield token

    def _top_level(self, token, stack):
        kind = token.type
        if kind == "NODE_LINE":
            self._error("E204", token, f"'{_marker(token)}' relates a node to the one above it, "
                        "but this line is at the top level",
                        "indent it under the claim it relates to, or drop the marker to make "
                        "it a top-level claim")
            token.type = "TEXT_LINE"
        elif kind == "FIELD_LINE":
            key = token.value.split(":", 1)[0]
            self._error("E207", token, f"field '{key}:' is not indented under a node",
                        f"indent it under its node; if this is a claim, write \\{key}: to "
                        "keep the colon as text")
            if stack:
                yield token
                return
            token.type = "TEXT_LINE"
        for _ in range(len(stack) - 1):
            yield Token("_DEDENT", "")
        stack[:] = [] if kind == "HEADING" else [0]
        yield token

    def _misplaced(self, token, stack):
        """A text or field line that is not deeper than the node above it."""
        if token.type == "FIELD_LINE":
            key = token.value.split(":", 1)[0]
            self._error("E207", token, f"field '{key}:' must be indented deeper than its "
                        f"node's marker (column {stack[-1] + 1})",
                        "fields follow their node's text, indented under it")
        else:
            self._error("E216", token, "this line has no marker, and is not indented deeper "
                        "than the node above it",
                        "start it with a marker (+ - ? ~ & ><) to make it a child node, or "
                        "indent it further to continue the text above")
            token.type = "CONT"
        yield token

    def _report_tab(self, indent: str, token) -> None:
        self.tab_lines += 1
        if self.tab_lines > TAB_REPORT_LIMIT:
            return
        column = indent.index("\t") + 1
        if " " in indent:
            message = "indentation mixes tabs and spaces"
        else:
            message = "tab in indentation"
        hint = "indent with spaces only (2 per level); a tab's width is a guess argmap won't make"
        if self.tab_lines == TAB_REPORT_LIMIT:
            hint += "; further lines with tabs are not reported one by one"
        code = "E201" if " " in indent else "E200"
        self.sink.error(code, token.line - 1, column, message, hint=hint,
                        end_column=len(indent) + 1)

    def _collect_comments(self, token) -> None:
        line = token.line - 1
        for text in token.value.split("\n")[1:]:
            line += 1
            stripped = text.lstrip(" \t\f\v")
            if stripped.startswith("//"):
                self.comments.append(Comment(stripped[2:].strip(), self.path, line,
                                             len(text) - len(stripped) + 1))

    def _error(self, code, token, message, hint):
        self.sink.error(code, token.line - 1, token.column, message, hint=hint,
                        end_column=token.column + len(token.value.rstrip()))


def _marker(token) -> str:
    return "><" if token.value.startswith("><") else token.value[0]
