"""Reading a file's bytes into text: UTF-8 only, BOM and CRLF tolerated, NUL refused."""

from __future__ import annotations

from typing import NamedTuple

from .diagnostics import DiagnosticSink

# A PATH argument of `-` is stdin; diagnostics name it <stdin>. Defined here, at
# the bottom of the layers, so that modules which only need the names (path
# discovery, a no-op re-render) do not import the parser.
STDIN = "-"
STDIN_NAME = "<stdin>"

BOM = "\ufeff"


class SourceText(NamedTuple):
    """Decoded text with line breaks normalised to `\\n`; `newline` remembers the
    file's own convention so that rewriting tools can keep it."""

    path: str
    text: str
    newline: str = "\n"
    had_bom: bool = False


def decode(data: bytes, path: str, sink: DiagnosticSink) -> SourceText | None:
    """Decode `data`, or report why it cannot be read as a map and return None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _report_invalid_utf8(data, sink)
        return None
    had_bom = text.startswith(BOM)
    if had_bom:
        text = text[1:]
    newline = "\n"
    if "\r" in text:
        if "\r\n" in text:
            newline = "\r\n"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:  # after the line breaks are normalised, so that positions are true
        _report_nul(text, sink)
        return None
    return SourceText(path, text, newline, had_bom)


def _report_invalid_utf8(data: bytes, sink: DiagnosticSink) -> None:
    start = 0
    while start < len(data):
        try:
            data[start:].decode("utf-8")
            return
        except UnicodeDecodeError as exc:
            bad = start + exc.start
            line, column = _place_of(data, bad)
            sink.error("E100", line, column,
                       f"invalid UTF-8: byte 0x{data[bad]:02x} cannot start or continue a "
                       "character",
                       hint="save the file as UTF-8 (in most editors: 'Save with encoding')")
            start = start + exc.end
            if len(sink.items) >= 20:
                return


def _place_of(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte, counted as the reports count them:
    after the BOM, with CRLF, LF and a lone CR each ending a line."""
    before = data[:offset].decode("utf-8", "replace").removeprefix(BOM)
    before = before.replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _report_nul(text: str, sink: DiagnosticSink) -> None:
    position = text.find("\0")
    while position != -1 and len(sink.items) < 20:
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        sink.error("E101", line, column, "NUL byte in the file",
                   hint="a map is plain text; this file may be binary or corrupted")
        position = text.find("\0", position + 1)
