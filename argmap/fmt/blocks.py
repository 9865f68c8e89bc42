"""Concrete lines grouped into blocks: a heading, or one node line with its text
and fields. Text is kept as written (escapes and all) but split the way the
parser splits it: trailing tags come off each text line, and lines that hold
nothing but tags drop out, so that the formatter can put the text back
together with the same meaning."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..fields import CHOICES
from ..lines import split_marker, split_tags
from .concrete import BLANK, CHILD, FIELD, HEADING, TEXT, Line
from .syntax import ID_DEF, REFERENCE

FIELD_ORDER = ("source", "at", "quote", "speaker", "qualifier", "kind", "answer")
CHOICE_FIELDS = frozenset(CHOICES)  # fields whose value is one of a few words


@dataclass
class Piece:
    """One written line of text or of a field value, without its tags."""

    text: str
    paragraph: bool = False  # a blank line came before it: it starts a new paragraph
    gap: list[str] = field(default_factory=list)  # blank and comment lines just before it

    @property
    def comments(self) -> list[str]:
        return [entry for entry in self.gap if entry != BLANK]


@dataclass
class Field:
    key: str
    pieces: list[Piece]
    comments: list[str]  # comment lines just before the `key:` line


@dataclass
class Block:
    kind: str  # concrete.HEADING, CLAIM, ANCHOR or CHILD
    depth: int
    gap: tuple[str, ...]  # blank lines and comments before the block
    marker: str = ""
    label: str = ""  # `[id]` or `@reference`, as written
    head_text: str = ""  # text on the node line itself, "" when there is none
    pieces: list[Piece] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    trailing_comments: list[str] = field(default_factory=list)  # after the last kept line


def read_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    attachments: list[Line] = []
    for line in lines:
        if line.kind in (TEXT, FIELD):
            attachments.append(line)
            continue
        if blocks:
            _attach(blocks[-1], attachments)
        attachments = []
        blocks.append(_head(line))
    if blocks:
        _attach(blocks[-1], attachments)
    return blocks


def _head(line: Line) -> Block:
    block = Block(line.kind, line.depth, line.gap)
    value = line.value
    if line.kind == HEADING:
        level = len(value) - len(value.lstrip("#"))
        block.label = "#" * level
        block.head_text = value[level:].strip(" \t")
        return block
    if line.kind == CHILD:
        block.marker, value, _ = split_marker(value)
    if value.startswith("["):
        block.label = ID_DEF.match(value).group()
        value = value[len(block.label):].lstrip(" \t")
    elif value.startswith("@"):
        block.label = REFERENCE.match(value).group()
        value = ""
    text, tags = split_tags(value) if value else ("", ())
    block.head_text = text
    block.tags.extend(tags)
    return block


def _attach(block: Block, lines: list[Line]) -> None:
    """Split a node's attachment lines into text pieces and fields."""
    carried: list[str] = []  # comments of dropped lines, kept for the next line
    current: Field | None = None
    for line in lines:
        gap = carried + list(line.gap)
        carried = []
        if line.kind == FIELD:
            key, _, value = line.value.partition(":")
            current = Field(key, [], [entry for entry in gap if entry != BLANK])
            block.fields.append(current)
            _add_piece(current.pieces, value.strip(" \t"), [])
        elif current is not None:
            carried = _add_piece(current.pieces, line.value.strip(" \t"), gap)
        else:
            text, tags = split_tags(line.value.strip(" \t"))
            block.tags.extend(tags)
            carried = _add_piece(block.pieces, text, gap)
    block.trailing_comments = carried
    block.tags = list(dict.fromkeys(block.tags))
    _put_fields_in_order(block)


def _add_piece(pieces: list[Piece], text: str, gap: list[str]) -> list[str]:
    """Add a piece; a line without text is dropped (the parser skips it too, with
    its paragraph break), and its comments move on to the next line."""
    if not text:
        return [entry for entry in gap if entry != BLANK]
    pieces.append(Piece(text, BLANK in gap, gap))
    return []


def _put_fields_in_order(block: Block) -> None:
    ordered = sorted(block.fields, key=_rank)
    # A comment moves with the field it stands above, but comments never swap
    # places with each other: if sorting would do that, the order stays as written.
    if _comments(ordered) == _comments(block.fields):
        block.fields = ordered


def _rank(item: Field) -> int:
    return FIELD_ORDER.index(item.key) if item.key in FIELD_ORDER else len(FIELD_ORDER)


def _comments(fields: list[Field]) -> list[str]:
    return [c for f in fields for c in [*f.comments, *(c for p in f.pieces for c in p.comments)]]


def field_value(pieces: list[Piece]) -> str:
    """A choice field's value in its canonical spelling (`answer: Partial` is partial)."""
    return " ".join(piece.text for piece in pieces).strip().lower()
