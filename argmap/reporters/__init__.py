"""Lint reports in the formats CI and people read, registered in one table.

Each reporter is `write(report: Report) -> str`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic


@dataclass(frozen=True)
class Report:
    diagnostics: list[Diagnostic]
    files: int
    suppressed: int = 0
    color: bool = False
    # The text of a source line, for the text report's excerpt and caret.
    line_of: Callable[[str, int], str | None] = field(default=lambda path, line: None)


def _reporters() -> dict[str, Callable[[Report], str]]:
    from . import github, json_findings, sarif, text

    return {"text": text.write, "json": json_findings.write, "sarif": sarif.write,
            "github": github.write}


FORMATS = ("text", "json", "sarif", "github")


def write_report(fmt: str, report: Report) -> str:
    return _reporters()[fmt](report)
