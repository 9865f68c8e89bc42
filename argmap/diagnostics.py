"""The one diagnostic record that parse errors, resolve errors and lint findings share."""

from __future__ import annotations

from enum import Enum
from operator import itemgetter
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


class Diagnostic(NamedTuple):
    """A problem at a place in a file. Lines and columns are 1-based; columns count
    code points, and the end column is exclusive."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = Severity.ERROR
    hint: str | None = None
    end_line: int | None = None
    end_column: int | None = None
    rule: str | None = None
    node: str | None = None

    # (path, line, column, code, message): the first five fields, in order, are
    # the place a report sorts by. An itemgetter makes the key in C: a big map's
    # tens of thousands of findings are sorted twice and deduplicated by it.
    sort_key = property(itemgetter(0, 1, 2, 3, 4))

    @property
    def end(self) -> tuple[int, int]:
        end_line = self.end_line or self.line
        end_column = self.end_column or self.column + 1
        return end_line, end_column


def has_errors(diagnostics) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


class DiagnosticSink:
    """Collects diagnostics for one file, capped so that a badly broken file
    cannot flood the report (or memory)."""

    LIMIT = 200

    def __init__(self, path: str):
        self.path = path
        self.items: list[Diagnostic] = []
        self.dropped = 0

    def error(self, code, line, column, message, hint=None, end_column=None, end_line=None):
        self.add(Diagnostic(self.path, line, column, code, message, Severity.ERROR, hint,
                            end_line or line, end_column or column + 1))

    def add(self, diagnostic: Diagnostic) -> None:
        if len(self.items) < self.LIMIT:
            self.items.append(diagnostic)
        else:
            self.dropped += 1

    def finish(self) -> list[Diagnostic]:
        if self.dropped:
            last = self.items[-1]
            self.items.append(Diagnostic(
                self.path, last.line, last.column, "E999",
                f"{self.dropped} more problems in this file are not shown",
                hint="fix the problems above first: later ones often follow from them"))
            self.dropped = 0
        return self.items
