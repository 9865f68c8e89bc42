"""The report for people: `path:line:col: CODE [rule] message`, the source
line with a caret, the hint, and a summary line at the end."""

from __future__ import annotations

from ..diagnostics import Severity
from ..report import format_diagnostic
from . import Report

_NOUNS = {Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings"),
          Severity.INFO: ("info", "info")}


def write(report: Report) -> str:
    blocks = [format_diagnostic(d, report.line_of(d.path, d.line), report.color)
              for d in report.diagnostics]
    blocks.append(summary(report))
    return "\n".join(blocks) + "\n"


def summary(report: Report) -> str:
    files = f"{report.files} file{'' if report.files == 1 else 's'} linted"
    counts = {severity: 0 for severity in Severity}
    for diagnostic in report.diagnostics:
        counts[diagnostic.severity] += 1
    parts = [f"{count} {_NOUNS[severity][count != 1]}"
             for severity, count in counts.items() if count]
    line = f"{files}: " + (", ".join(parts) if parts else "no problems")
    if report.suppressed:
        line += f" ({report.suppressed} suppressed)"
    return line
