"""Reading the trivial graph format (TGF), as ICCMA uses it for frameworks.

Node lines come first: an argument's name, then optionally a label, which
becomes the claim's text. A line holding only `#` ends them. Each line after
it is an attack: two names, attacker first. Names are any characters but
blanks; blank lines are skipped. Each node becomes a claim, each edge a
rebuttal.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, DiagnosticSink
from ..model import Map
from .framework import FrameworkBuilder, Name, decode_lines

_WORD = re.compile(r"\S+")
_EDGE_HINT = "an attack line is two argument names: ATTACKER TARGET"


def read(data: bytes, path: str) -> tuple[Map | None, list[Diagnostic]]:
    sink = DiagnosticSink(path)
    lines = decode_lines(data, sink, "E420")
    if lines is None:
        return None, sink.finish()
    builder = FrameworkBuilder(path, sink, "add a node line for it before the '#' line")
    in_edges = False
    for number, line in enumerate(lines, 1):
        words = list(_WORD.finditer(line))
        if not words:
            continue
        if words[0].group() == "#" and len(words) == 1:
            if in_edges:
                sink.error("E420", number, words[0].start() + 1, "a second '#' line",
                           hint="one '#' line separates the nodes from the attacks")
            in_edges = True
        elif in_edges:
            _edge(words, number, builder, sink)
        else:
            label = line[words[1].start():].strip() if len(words) > 1 else None
            builder.argument(_name(words[0], number), label)
    return builder.finish()


def _edge(words, number: int, builder: FrameworkBuilder, sink: DiagnosticSink) -> None:
    if len(words) == 1:
        end = words[0].end() + 1
        sink.error("E421", number, end, f"the attack from {words[0].group()!r} has no target",
                   hint=_EDGE_HINT, end_column=end + 1)
    elif len(words) > 2:
        sink.error("E420", number, words[2].start() + 1,
                   f"unexpected {words[2].group()!r} after the attack's two names",
                   hint=_EDGE_HINT + "; argmap does not read edge labels",
                   end_column=words[-1].end() + 1)
    else:
        builder.attack(_name(words[0], number), _name(words[1], number))


def _name(word: re.Match, number: int) -> Name:
    return Name(word.group(), number, word.start() + 1, word.end() + 1)
