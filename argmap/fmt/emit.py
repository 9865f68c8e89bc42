"""Blocks to output lines in the canonical layout: 2 spaces per level, one space
after the marker and after `[id]`, text continuations 4 columns past the
marker, fields 2 past it in a fixed order, tags at the end of the text."""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import CHOICE_FIELDS, Block, Field, Piece, field_value
from .concrete import BLANK, HEADING
from .wrapping import KEEP, NO_LIMIT, fill

LEVEL = 2  # columns per level of nesting
TEXT_INDENT = 4  # text continuations, past the marker column
FIELD_INDENT = 2  # fields, past the marker column; their continuations 2 more

LINE, COMMENT, BLANK_LINE, HEADING_LINE = "line", "comment", "blank", "heading"


@dataclass(frozen=True, slots=True)
class Out:
    kind: str
    text: str = ""
    indent: int = 0  # comments take theirs from the line that follows


def emit(blocks: list[Block], final_gap: tuple[str, ...], wrap) -> list[Out]:
    out: list[Out] = []
    for block in blocks:
        out.extend(_gap(block.gap))
        if block.kind == HEADING:
            out.append(Out(HEADING_LINE, f"{block.label} {block.head_text}"))
        else:
            _NodeWriter(block, wrap, out).write()
    out.extend(_gap(final_gap))
    return out


def _gap(gap) -> list[Out]:
    return [Out(BLANK_LINE) if entry == BLANK else Out(COMMENT, entry) for entry in gap]


def _comments(comments) -> list[Out]:
    return [Out(COMMENT, text) for text in comments]


class _NodeWriter:
    def __init__(self, block: Block, wrap, out: list[Out]):
        self.block, self.out = block, out
        self.width = None if wrap == KEEP else float("inf") if wrap == NO_LIMIT else wrap
        self.indent = block.depth * LEVEL
        self.head = " ".join(part for part in (block.marker, block.label) if part)

    def write(self) -> None:
        block = self.block
        pieces = list(block.pieces)
        head_text = block.head_text
        if not head_text and pieces:
            # A node's text starts on its node line; comments that stood between
            # the two go above the node.
            # (A continuation line never starts with what would read as an id,
            # a reference or a line of another kind, so it can move up as it is.)
            first = pieces.pop(0)
            self.out.extend(_comments(first.comments))
            head_text = first.text
        if not head_text:  # a reference: no text of its own
            self._line(self.indent, self.head)
        else:
            suffix = "".join(f" #{tag}" for tag in block.tags)
            lead = self.head + " " if self.head else ""
            self._flow([Piece(head_text), *pieces], lead, self.indent,
                       self.indent + TEXT_INDENT, tags=True, suffix=suffix)
        for item in block.fields:
            self._field(item)
        self.out.extend(_comments(block.trailing_comments))

    def _field(self, item: Field) -> None:
        self.out.extend(_comments(item.comments))
        lead, indent = f"{item.key}: ", self.indent + FIELD_INDENT
        if item.key in CHOICE_FIELDS:
            self.out.extend(_comments(c for piece in item.pieces for c in piece.comments))
            self._line(indent, lead + field_value(item.pieces))
            return
        first, *rest = item.pieces
        self.out.extend(_comments(first.comments))
        self._flow([Piece(first.text), *rest], lead, indent, indent + FIELD_INDENT,
                   tags=False, suffix="")

    def _flow(self, pieces, lead, lead_indent, indent, tags, suffix) -> None:
        """Write `pieces`, the first after `lead` on the lead line, the rest on
        continuation lines at `indent`; paragraphs keep their blank line."""
        runs = _runs(pieces)
        for number, run in enumerate(runs):
            on_lead = number == 0
            if not on_lead:
                gap = run[0].gap if run[0].paragraph else run[0].comments
                self.out.extend(_gap(gap))
            texts = self._lines(run, lead if on_lead else "", lead_indent if on_lead else indent,
                                indent, tags, suffix if number == len(runs) - 1 else "")
            for index, text in enumerate(texts):
                if on_lead and index == 0:
                    self._line(lead_indent, lead + text)
                else:
                    self._line(indent, text)

    def _lines(self, run: list[Piece], lead, lead_indent, indent, tags, suffix) -> list[str]:
        if self.width is None:
            texts = [piece.text for piece in run]
            texts[-1] += suffix
            return texts
        first_width = self.width - lead_indent - len(lead)
        return fill(" ".join(piece.text for piece in run), first_width, self.width - indent,
                    tags, suffix)

    def _line(self, indent: int, text: str) -> None:
        self.out.append(Out(LINE, text, indent))


def _runs(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces that may flow together: a comment or a blank line starts a new run."""
    runs: list[list[Piece]] = []
    for piece in pieces:
        if not runs or piece.gap:
            runs.append([piece])
        else:
            runs[-1].append(piece)
    return runs
