"""`--format json`: a list of findings, one object each, in report order."""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic
from . import Report


def write(report: Report) -> str:
    return json.dumps([finding(d) for d in report.diagnostics], indent=2,
                      ensure_ascii=False) + "\n"


def finding(diagnostic: Diagnostic) -> dict:
    end_line, end_column = diagnostic.end
    return {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": end_line,
        "end_column": end_column,
        "code": diagnostic.code,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "node": diagnostic.node,
        "hint": diagnostic.hint,
    }
