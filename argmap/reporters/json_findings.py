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
    # The brackets go on the first and last objects, so that the report is
    # made in one join: "[\n" + joined + "\n]\n" would copy a big map's
    # report (25 MB for 58,000 findings) twice more.
    objects = list(map(finding, report.diagnostics))
    objects[0] = "[\n" + objects[0]
    objects[-1] += "\n]\n"
    return ",\n".join(objects)


def finding(diagnostic: Diagnostic) -> str:
    end_line, end_column = diagnostic.end
    return _OBJECT % (
        _string(diagnostic.path), diagnostic.line, diagnostic.column, end_line, end_column,
        _string(diagnostic.code), _optional(diagnostic.rule), _SEVERITIES[diagnostic.severity],
        _string(diagnostic.message), _optional(diagnostic.node), _optional(diagnostic.hint))


def _optional(text: str | None) -> str:
    return "null" if text is None else _string(text)
