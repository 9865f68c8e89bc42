"""`--format json`: a list of findings, one object each, in report order.

The text is exactly what `json.dumps(findings, indent=2, ensure_ascii=False)`
would write, but filled into a template: with an indent, json.dumps falls back
to its pure-Python encoder, which takes seconds for a big map's findings."""

from __future__ import annotations

from json.encoder import encode_basestring as _string  # C, as json.dumps uses

from ..diagnostics import Diagnostic, Severity
from . import Report

_OBJECT = """  {
    "path": %s,
    "line": %d,
    "column": %d,
    "end_line": %d,
    "end_column": %d,
    "code": %s,
    "rule": %s,
    "severity": %s,
    "message": %s,
    "node": %s,
    "hint": %s
  }"""
_SEVERITIES = {severity: _string(severity.value) for severity in Severity}


def write(report: Report) -> str:
    if not report.diagnostics:
        return "[]\n"
    return "[\n" + ",\n".join(map(finding, report.diagnostics)) + "\n]\n"


def finding(diagnostic: Diagnostic) -> str:
    end_line, end_column = diagnostic.end
    return _OBJECT % (
        _string(diagnostic.path), diagnostic.line, diagnostic.column, end_line, end_column,
        _string(diagnostic.code), _optional(diagnostic.rule), _SEVERITIES[diagnostic.severity],
        _string(diagnostic.message), _optional(diagnostic.node), _optional(diagnostic.hint))


def _optional(text: str | None) -> str:
    return "null" if text is None else _string(text)
