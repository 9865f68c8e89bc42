"""Diagnostics as text: `path:line:col: CODE message`, the source line, a caret, a hint."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .diagnostics import Diagnostic, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def format_diagnostic(diagnostic: Diagnostic, source_line: str | None, color: bool = False) -> str:
    location = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"
    code = diagnostic.code + (f" [{diagnostic.rule}]" if diagnostic.rule else "")
    if color:
        location = _paint("1", location)
        code = _paint(_COLORS[diagnostic.severity], code)
    lines = [f"{location} {code} {diagnostic.message}"]
    if source_line is not None:
        text = source_line.rstrip("\n").expandtabs(1)
        lines.append(f"  {text}")
        lines.append("  " + _caret(diagnostic, text))
    if diagnostic.hint:
        hint = f"hint: {diagnostic.hint}"
        lines.append("  " + (_paint("2", hint) if color else hint))
    return "\n".join(lines)


def _caret(diagnostic: Diagnostic, text: str) -> str:
    start = max(diagnostic.column - 1, 0)
    end_line, end_column = diagnostic.end
    width = 1
    if end_line == diagnostic.line and end_column > diagnostic.column:
        width = min(end_column - diagnostic.column, max(len(text) - start, 1))
    return " " * min(start, len(text)) + "^" + "~" * (width - 1)


def _paint(code: str, text: str) -> str:
    return f"\033[{code}m{text}\033[0m"


def format_all(diagnostics: Iterable[Diagnostic], line_of: Callable[[str, int], str | None],
               color: bool = False) -> str:
    return "\n".join(format_diagnostic(d, line_of(d.path, d.line), color) for d in diagnostics)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    counts = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    noun = "file" if files == 1 else "files"
    if not diagnostics:
        return f"{files} {noun} checked: no problems"
    parts = [f"{count} {severity.value}{'s' if count != 1 else ''}"
             for severity, count in counts.items() if count]
    return f"{files} {noun} checked: " + ", ".join(parts)
