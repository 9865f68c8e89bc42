"""`--format github`: GitHub Actions workflow commands, one annotation per
finding, which show on the changed lines of a pull request."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Severity
from . import Report

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write(report: Report) -> str:
    return "".join(annotation(d) + "\n" for d in report.diagnostics)


def annotation(diagnostic: Diagnostic) -> str:
    end_line, end_column = diagnostic.end
    title = diagnostic.code + (f" {diagnostic.rule}" if diagnostic.rule else "")
    properties = {"file": diagnostic.path, "line": diagnostic.line, "col": diagnostic.column,
                  "endLine": end_line, "endColumn": end_column, "title": title}
    listed = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    message = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
    return f"::{_COMMANDS[diagnostic.severity]} {listed}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # The escapes that the Actions runner decodes; % first, so that it is not doubled.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
