"""`argmap fmt`: rewrite a map file in the canonical layout (docs/formatter.md).

The formatter only touches files that parse without errors, and it checks its
own work: the formatted text is parsed again and must mean exactly what the
original meant (see meaning.py), or nothing is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, DiagnosticSink, has_errors
from ..frontmatter import FENCE
from ..frontmatter import split as split_front_matter
from ..parse import parse_source
from ..source import BOM, SourceText, decode
from .blocks import read_blocks
from .concrete import read_lines
from .emit import emit
from .front import format_front
from .meaning import meaning
from .spacing import render
from .wrapping import KEEP

__all__ = ["Formatted", "MeaningChanged", "format_bytes", "format_text"]


class MeaningChanged(Exception):
    """The formatter produced text that means something else: a bug in argmap,
    caught before anything was written."""


@dataclass
class Formatted:
    """The result for one file: `data` is None when the file has errors."""

    original: bytes
    data: bytes | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.data is not None and self.data != self.original


def format_bytes(data: bytes, path: str, wrap=KEEP) -> Formatted:
    """Format a file's bytes, keeping its line breaks (LF or CRLF) and its BOM."""
    sink = DiagnosticSink(path)
    source = decode(data, path, sink)
    if source is None:
        return Formatted(data, None, sink.finish())
    document, diagnostics = parse_source(source)
    if has_errors(diagnostics):
        return Formatted(data, None, diagnostics)
    text = format_text(source, wrap)
    formatted, problems = parse_source(SourceText(path, text))
    if has_errors(problems) or meaning(formatted) != meaning(document):
        raise MeaningChanged(f"{path}: formatting would change what the map says")
    # Text that starts with U+FEFF (blank lines above it removed) needs a BOM in
    # front, or the next read would take that character for the BOM and drop it.
    bom = BOM if source.had_bom or text.startswith(BOM) else ""
    encoded = bom + text.replace("\n", source.newline)
    return Formatted(data, encoded.encode("utf-8"), diagnostics)


def format_text(source: SourceText, wrap=KEEP) -> str:
    """The canonical text of a file that parses without errors."""
    front, body = split_front_matter(source.text, DiagnosticSink(source.path))
    lines, final_gap = read_lines(body, front.line_count)
    out = render(emit(read_blocks(lines), final_gap, wrap))
    head = format_front(source.text.split("\n"), front.line_count, wrap)
    if head and out:
        head.append("")
    elif out and out[0].rstrip() == FENCE:
        # A claim `---` that is no longer below a blank line would open front
        # matter; the escaped dash keeps it a claim with the same text.
        out[0] = "\\" + out[0]
    result = head + out
    return "\n".join(result) + "\n" if result else ""
