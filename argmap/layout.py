"""The layout pass between lexer and parser: indentation becomes _INDENT/_DEDENT
around child nodes, and a line indented under a node that is not itself a node
becomes that node's text continuation (CONT) or field (FIELD_LINE).

It reports every layout error (tabs, bad dedents, misplaced lines) and repairs
the token stream so that the parser never fails on layout: that is what lets
one run report several errors per file. The _NL tokens stop here; the parser
sees one token per line."""

from __future__ import annotations

import unicodedata

from .diagnostics import DiagnosticSink
from .fields import FIELDS
from .lexer import Token
from .model import Comment

TAB_REPORT_LIMIT = 5
# The level changes carry no text or position, and the parser only shifts them,
# so one token of each kind serves every level change of every file.
_INDENT = Token("_INDENT", "")
_DEDENT = Token("_DEDENT", "")
# Line kinds that, at column 1, start a top-level claim or anchor.
_TOP_LEVEL_KINDS = frozenset(("TEXT_LINE", "ID_LINE", "REF_LINE"))
_MARKER_HINT = "start it with a marker (+ - ? ~ & ><) to make it a child node"


class Layout:
    def __init__(self):
        self.reset(DiagnosticSink(""))

    def reset(self, sink: DiagnosticSink) -> None:
        self.sink = sink
        self.comments: list[Comment] = []
        # Lines of text continuations that follow a blank line: new paragraphs.
        self.paragraph_lines: set[int] = set()
        # Marker lines found at the top level, parsed as claims without the marker.
        self.orphan_lines: set[int] = set()
        self.tab_lines = 0
        # (column, line) of each open node line; column 0 is the top-level claim.
        self.stack: list[tuple[int, int]] = []

    def process(self, stream):
        # The line lexer leaves out an _NL that is one line break and spaces
        # (lexer.py): then `indent` stays None and the token's column tells it.
        indent, blank, stack = None, False, self.stack
        for token in stream:
            if token.type == "_NL":
                value = token.value
                if "//" in value:
                    self._collect_comments(token)
                indent = value[value.rfind("\n") + 1:]
                blank = value.count("\n") > 1 and _has_blank_line(value)
                continue
            # The parser is given "\n" + text, so that every line follows an _NL.
            token.line -= 1
            bad_indent = (token.value[0].isspace()
                          or (indent is not None and indent.strip(" ") != ""))
            if bad_indent:
                self._report_indent(" " * (token.column - 1) if indent is None else indent,
                                    token)
            column, after_blank = token.column - 1, blank
            indent, blank = None, False
            if token.type == "NODE_LINE" and column and stack:
                # The usual node line, a first child or a sibling: what _place
                # does for it, without its generators.
                if column > stack[-1][0]:
                    stack.append((column, token.line))
                    yield _INDENT
                    yield token
                    continue
                if column == stack[-1][0]:
                    yield token
                    continue
            elif column == 0 and token.type in _TOP_LEVEL_KINDS:
                # A top-level claim or anchor: what _place does for it.
                for _ in range(len(stack) - 1):
                    yield _DEDENT
                stack[:] = [(0, token.line)]
                yield token
                continue
            yield from self._place(token, column, after_blank, bad_indent)
        for _ in range(len(self.stack) - 1):
            yield _DEDENT

    def _place(self, token, column, blank, quiet):
        kind, stack = token.type, self.stack
        deeper = bool(stack) and column > stack[-1][0]
        if kind == "NODE_LINE":
            if not stack or column == 0:
                self._orphan_marker(token, quiet)
                yield from self._top(token, kind)
            else:
                yield from self._child(token, column, quiet)
        elif kind == "HEADING" and not deeper:
            if column and not quiet:
                self._error("E220", token, "a heading must start at column 1",
                            "remove the spaces before #")
            yield from self._top(token, kind)
        elif deeper:
            yield from self._attachment(token, blank)
        elif column == 0 or not stack:
            yield from self._top_level(token, column, quiet)
        else:
            yield from self._misplaced(token, quiet)

    def _top(self, token, kind):
        """Close every open level: `token` starts a new top-level item."""
        for _ in range(len(self.stack) - 1):
            yield _DEDENT
        self.stack[:] = [] if kind == "HEADING" else [(0, token.line)]
        yield token

    def _child(self, token, column, quiet):
        stack = self.stack
        if column > stack[-1][0]:
            stack.append((column, token.line))
            yield _INDENT
            yield token
            return
        while stack[-1][0] > column:
            if stack[-2][0] < column:
                # Between two open levels: keep it a sibling of the deeper one.
                if not quiet:
                    self._bad_dedent(token, column)
                break
            stack.pop()
            yield _DEDENT
        yield token

    def _attachment(self, token, blank):
        """A line indented deeper than the node above: its text or a field."""
        kind = token.type
        if kind in ("ID_LINE", "REF_LINE", "HEADING"):
            what = {"ID_LINE": "'['", "REF_LINE": "'@'", "HEADING": "'#'"}[kind]
            self._error("E219", token, f"a line inside a node's text starts with {what}",
                        f"{_MARKER_HINT}, or write \\{token.value[0]} to keep "
                        f"{what} as text")
        if kind != "FIELD_LINE":
            token.type = "CONT"
            if blank:
                self.paragraph_lines.add(token.line)
        yield token

    def _top_level(self, token, column, quiet):
        kind = token.type
        if column and not quiet and kind != "FIELD_LINE":
            self._error("E203", token, "unexpected indentation: there is no node above to "
                        "attach this line to", "start a top-level claim at column 1")
        if kind == "FIELD_LINE":
            key = token.value.split(":", 1)[0]
            if self.stack and key in FIELDS:
                self._error("E207", token, f"field '{key}:' must be indented under its node",
                            "indent it deeper than the node's marker, after the node's text")
                yield token
                return
            self._error("E207", token, f"'{key}:' at the start of a line makes a field, but "
                        "there is no node above it", f"to start a claim with '{key}:', write "
                        f"{key}\\: to keep it as text")
            token.type = "TEXT_LINE"
        yield from self._top(token, kind)

    def _orphan_marker(self, token, quiet):
        marker = "><" if token.value.startswith("><") else token.value[0]
        if not quiet:
            where = "at the top level" if token.column == 1 else "under no claim"
            self._error("E204", token, f"'{marker}' relates a node to the one above it, but "
                        f"this line is {where}", "indent it under the claim it relates to, "
                        "or drop the marker to make it a top-level claim")
        self.orphan_lines.add(token.line)
        token.type = "TEXT_LINE"

    def _misplaced(self, token, quiet):
        """A line without a marker that is not deeper than the node above it. It is
        reported and left out: given to a node it was not meant for, it would only
        cause further, misleading errors."""
        column = self.stack[-1][0] + 1
        if quiet:
            return
        if token.type == "FIELD_LINE":
            key = token.value.split(":", 1)[0]
            self._error("E207", token, f"field '{key}:' must be indented deeper than "
                        f"its node's marker (column {column})",
                        "fields follow their node's text, indented under it")
        else:
            self._error("E216", token, "this line has no marker, and is not indented "
                        f"deeper than the node above it (column {column})",
                        f"{_MARKER_HINT}, or indent it further to continue the text above")
        yield from ()

    def _bad_dedent(self, token, column):
        deeper, outer = self.stack[-1], self.stack[-2]
        options = f"column {deeper[0] + 1} (like line {deeper[1]})"
        if outer[0]:
            options += f" or column {outer[0] + 1} (like line {outer[1]})"
        self._error("E202", token, f"this line is indented to column {column + 1}, which "
                    "lines up with no open level above it",
                    f"line its marker up with a sibling: {options}")

    def _report_indent(self, indent: str, token) -> None:
        self.tab_lines += 1
        if self.tab_lines > TAB_REPORT_LIMIT:
            return
        odd = next((c for c in indent + token.value if c != " "), " ")
        column = (indent + token.value).index(odd) + 1
        if odd == "\t":
            code = "E201" if " " in indent else "E200"
            message = "indentation mixes tabs and spaces" if " " in indent else \
                "tab in indentation"
        else:
            code = "E200"
            message = f"indentation contains {_describe(odd)}, not a plain space"
        hint = ("indent with spaces only (2 per level); a tab's width is a guess argmap won't "
                "make" if odd == "\t" else "replace it with plain spaces (2 per level)")
        if self.tab_lines == TAB_REPORT_LIMIT:
            hint += "; further lines like this are not reported one by one"
        self.sink.error(code, token.line, column, message, hint=hint, end_column=column + 1)

    def _collect_comments(self, token) -> None:
        # In the "\n"-prefixed text the _NL starts at the end of file line
        # token.line - 1, so its first part is on file line token.line.
        line = token.line - 1
        for text in token.value.split("\n")[1:]:
            line += 1
            stripped = text.lstrip(" \t\f\v")
            if stripped.startswith("//"):
                self.comments.append(Comment(stripped[2:].strip(), self.sink.path, line,
                                             len(text) - len(stripped) + 1))

    def _error(self, code, token, message, hint):
        self.sink.error(code, token.line, token.column, message, hint=hint,
                        end_column=token.column + len(token.value.rstrip()))


def _has_blank_line(value: str) -> bool:
    """Whether the lines between two text lines include one that is blank, not a comment."""
    return any(not part.strip(" \t\f\v") for part in value.split("\n")[1:-1])


def _describe(char: str) -> str:
    name = unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} {name}"
