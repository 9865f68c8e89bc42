"""Lint reports in the formats CI and people read, registered in one table.

Each reporter is `write(report: Report) -> str`."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import NamedTuple

from ..diagnostics import Diagnostic


class Report(NamedTuple):
    diagnostics: list[Diagnostic]
    files: int
    suppressed: int = 0
    color: bool = False
    # The text of a source line, for the text report's excerpt and caret.
    line_of: Callable[[str, int], str | None] = lambda path, line: None


# Format -> module. Only the chosen one is imported: SARIF's rule help, for
# one, would cost every other start-up.
_MODULES = {"text": "text", "json": "json_findings", "sarif": "sarif", "github": "github"}
FORMATS = tuple(_MODULES)


def write_report(fmt: str, report: Report) -> str:
    return import_module(f"{__name__}.{_MODULES[fmt]}").write(report)
