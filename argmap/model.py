"""The argument map as immutable data: nodes, relations and sections, each with its span."""

from __future__ import annotations

from enum import Enum
from functools import cached_property, partial
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .numbering import Numbering

# The records are NamedTuples, not frozen dataclasses: @dataclass writes and
# compiles half a dozen methods per class at import, a sizeable share of a small
# file's start-up, and a tuple is made in less than half the time of a frozen
# dataclass instance, which counts when parsing makes a node, a span and an
# edge per line. They stay immutable and compare by value, as before.


class RelationType(str, Enum):
    SUPPORT = "support"
    REBUTTAL = "rebuttal"
    OBJECTION = "objection"
    UNDERCUT = "undercut"
    CONTRADICTION = "contradiction"

    @property
    def is_attack(self) -> bool:
        return self is not RelationType.SUPPORT


class Strength(str, Enum):
    """How fully an attack answers the objection or rebuttal it is aimed at."""

    FULL = "full"
    PARTIAL = "partial"
    CONCEDED = "conceded"


class Kind(str, Enum):
    CLAIM = "claim"
    ASSUMPTION = "assumption"


MARKERS = {
    "+": RelationType.SUPPORT,
    "&": RelationType.SUPPORT,
    "-": RelationType.REBUTTAL,
    "?": RelationType.OBJECTION,
    "~": RelationType.UNDERCUT,
    "><": RelationType.CONTRADICTION,
}


class Span(NamedTuple):
    """1-based lines and columns; the end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


class Node(NamedTuple):
    """A claim, premise or objection: its text, where it is, and its fields."""

    id: str
    text: str
    path: str
    span: Span
    tags: tuple[str, ...] = ()
    source: str | None = None
    quote: str | None = None
    speaker: str | None = None
    qualifier: str | None = None
    kind: Kind = Kind.CLAIM
    section: str | None = None
    # False when argmap made the id up because the file gave none.
    explicit_id: bool = True
    # The marker the node was defined with; "" for a top-level claim.
    marker: str = ""
    # Where in the mapped document the node comes from (provenance, not evidence).
    at: str | None = None

    @property
    def is_evidence(self) -> bool:
        return self.source is not None

    @property
    def is_assumption(self) -> bool:
        return self.kind is Kind.ASSUMPTION


class Relation(NamedTuple):
    """`source` supports or attacks `target` (both node ids).

    Linked premises share a `group`. An undercut attacks the inference from its
    `target` (a premise) to `conclusion`; it has no conclusion when there was no
    support above it to attack."""

    type: RelationType
    source: str
    target: str
    path: str
    span: Span
    group: str | None = None
    strength: Strength | None = None
    conclusion: str | None = None


class Section(NamedTuple):
    """A `#` heading of a file; its nodes are drawn in one cluster."""

    id: str
    title: str
    level: int
    path: str
    span: Span
    parent: str | None = None


class Comment(NamedTuple):
    """A `//` comment line (lint reads suppressions from them)."""

    text: str
    path: str
    line: int
    column: int


class _MapFields(NamedTuple):
    path: str
    nodes: tuple[Node, ...]
    relations: tuple[Relation, ...]
    sections: tuple[Section, ...]
    meta: dict
    files: tuple[str, ...]
    comments: tuple[Comment, ...]


class Map(_MapFields):
    """A resolved map: one root file plus what it includes and references."""

    # A subclass, so that it can give each map its own empty `meta` and keep
    # the node index and numbering it builds on first use. The resolver passes
    # the numbering it made on the way (`numbering`, keyword only).
    def __new__(cls, path: str, nodes: tuple[Node, ...], relations: tuple[Relation, ...],
                sections: tuple[Section, ...] = (), meta: dict | None = None,
                files: tuple[str, ...] = (), comments: tuple[Comment, ...] = (), *,
                numbering: Numbering | None = None):
        made = super().__new__(cls, path, nodes, relations, sections,
                               {} if meta is None else meta, files, comments)
        if numbering is not None:
            made.__dict__["numbering"] = numbering  # where cached_property keeps its value
        return made

    @property
    def title(self) -> str | None:
        return self.meta.get("title")

    def node(self, node_id: str) -> Node:
        return self.index[node_id]

    @cached_property
    def index(self) -> dict[str, Node]:
        return {node.id: node for node in self.nodes}

    @cached_property
    def numbering(self) -> Numbering:
        """Node numbers for the graph analyses (numbering.py)."""
        from .numbering import number_map

        return number_map(self)


def record_maker(cls):
    """A constructor of `cls` for hot paths: it takes all of the record's
    fields as one tuple, in order. It is tuple.__new__, in C; a NamedTuple's own
    constructor is a Python function that binds each argument and its default.
    Parsing makes a node, a span and an edge per line (7% fewer instructions
    this way), resolving a relation per edge and linting a diagnostic per
    finding (4% fewer). Nothing is checked, so only code whose records tests
    compare with the ordinary constructor's uses it."""
    return partial(tuple.__new__, cls)


# ---- One file, parsed but not yet resolved -------------------------------
# Nodes are keyed by the line they are defined on; an endpoint is such a line,
# or a Ref to a node defined elsewhere.


class Ref(NamedTuple):
    """A reference to a node defined elsewhere (`@id`, `@path#id`)."""

    id: str
    span: Span
    # The file named in `@path#id`, as written; None for a plain `@id`.
    path: str | None = None


class Edge(NamedTuple):
    """A relation of one file, before resolving: its ends are node lines or Refs."""

    type: RelationType
    source: int | Ref
    target: int | Ref
    span: Span
    group: int | None = None
    strength: Strength | None = None
    conclusion: int | Ref | None = None


class Document(NamedTuple):
    """One parsed file, before its references and includes are resolved."""

    path: str
    front: object  # frontmatter.FrontMatter
    nodes: tuple[Node, ...]  # ids are "" where the file gave none
    node_lines: tuple[int, ...]  # the key of each node above
    edges: tuple[Edge, ...]
    sections: tuple[Section, ...]
    comments: tuple[Comment, ...]

