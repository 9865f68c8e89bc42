"""Diagnostics as text: `path:line:col: CODE message`, the source line, a caret, a hint."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from .diagnostics import Diagnostic, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# The words, looked up: an enum's .value is a descriptor call, once per finding.
_WORDS = {severity: severity.value for severity in Severity}
EXCERPT_WIDTH = 200


def format_diagnostic(diagnostic: Diagnostic, source_line: str | None, color: bool = False) -> str:
    """`path:line:col: CODE message` (exactly, for editors and CI to match), then
    the source line with a caret under the span and the severity word, then the hint."""
    location = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"
    code = diagnostic.code + (f" [{diagnostic.rule}]" if diagnostic.rule else "")
    severity = _WORDS[diagnostic.severity]
    if color:
        location = _paint("1", location)
        code = _paint(_COLORS[diagnostic.severity], code)
        severity = _paint(_COLORS[diagnostic.severity], severity)
    lines = [f"{location} {code} {diagnostic.message}"]
    if source_line is not None:
        text, shift = _excerpt(source_line.rstrip("\n"), diagnostic.column)
        lines.append("  " + _visible(text))
        lines.append("  " + _caret(diagnostic, text, shift) + " " + severity)
    if diagnostic.hint:
        hint = f"hint: {diagnostic.hint}"
        lines.append("  " + (_paint("2", hint) if color else hint))
    return "\n".join(lines)


def _excerpt(text: str, column: int) -> tuple[str, int]:
    """At most EXCERPT_WIDTH characters of a long line, around `column`, with …
    where it was cut; and how many columns the excerpt starts to the right of
    the line (a 10 MB line is not printed whole, once per diagnostic)."""
    if len(text) <= EXCERPT_WIDTH:
        return text, 0
    start = max(0, min(column - 1 - EXCERPT_WIDTH // 4, len(text) - EXCERPT_WIDTH))
    excerpt = text[start:start + EXCERPT_WIDTH]
    if start + EXCERPT_WIDTH < len(text):
        excerpt += "…"
    return ("…" + excerpt, start - 1) if start else (excerpt, 0)


def _caret(diagnostic: Diagnostic, text: str, shift: int = 0) -> str:
    """`^~~~` under the span's columns on this line; a span that goes on to later
    lines is underlined to the end of this one."""
    start = min(max(diagnostic.column - 1 - shift, 0), len(text))
    end_line, end_column = diagnostic.end
    end = start + 1
    if end_line > diagnostic.line:
        end = len(text)
    elif end_column > diagnostic.column:
        end = end_column - 1 - shift
    end = max(start + 1, min(end, len(text)))
    if text.isascii():  # a column per character: nothing to slice and measure
        return " " * start + "^" + "~" * (end - start - 1)
    lead = _width(text[:start])
    return " " * lead + "^" + "~" * max(_width(text[start:end]) - 1, 0)


def _visible(text: str) -> str:
    """The line as it can be printed: a tab as one space (so columns line up with
    the caret), other control characters as their visible symbols (NUL as ␀)."""
    text = text.replace("\t", " ")
    if text.isprintable():
        return text
    return "".join(chr(0x2400 + ord(c)) if ord(c) < 0x20 else
                   "\u2421" if c == "\x7f" else c if c.isprintable() or c == " " else "\ufffd"
                   for c in text)


def _width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none,
    and a tab is shown as one space."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


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
