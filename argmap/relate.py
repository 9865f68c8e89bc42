"""How a node's children relate to it. Each marker makes one relation to the
parent, except that `&` joins the support before it into a linked group, and
`~` attacks the inference of the nearest support sibling above it."""

from __future__ import annotations

from .diagnostics import DiagnosticSink
from .model import MARKERS, Edge, RelationType, record_maker

# An edge per child node: made from all its fields (model.record_maker).
_new_edge = record_maker(Edge)


class Pending:
    """A node line (or reference line), built: what its parent needs to relate
    to it. It does not keep its own children: once they are related, they are
    freed while the parser goes on (on a big map, a tree of them kept to the
    end was a tenth of a second to free, or memory that later work could not
    reuse)."""

    __slots__ = ("marker", "endpoint", "line", "span", "strength")

    def __init__(self, marker, endpoint, span, strength=None):
        self.marker, self.endpoint = marker, endpoint
        self.line, self.span, self.strength = span.line, span, strength


def relate(parent: Pending, children: list[Pending], edges: list[Edge],
           sink: DiagnosticSink) -> None:
    """Append an edge for each of `children`, the child nodes of `parent`."""
    if not children:
        return
    if len(children) == 1 and children[0].marker not in ("&", "~"):
        # An only child that neither links nor undercuts, as in a chain of
        # nodes: the loop below would make the same edge, with more steps.
        child = children[0]
        edges.append(_new_edge((MARKERS[child.marker], child.endpoint, parent.endpoint,
                                child.span, None, child.strength, None)))
        return
    # Linked groups need `&`; most nodes have none, so skip the bookkeeping.
    # (A plain loop: any() over a generator costs more than the search, once
    # per node with children.)
    groups = [None] * len(children)
    for child in children:
        if child.marker == "&":
            groups = _linked_groups(children, sink)
            break
    last_support = None  # index of the nearest support sibling above
    for index, child in enumerate(children):
        kind = MARKERS[child.marker]
        if kind is RelationType.UNDERCUT:
            if last_support is None:
                edges.append(Edge(kind, child.endpoint, parent.endpoint, child.span,
                                  None, child.strength, None))
            else:
                premise = children[last_support]
                edges.append(Edge(kind, child.endpoint, premise.endpoint, child.span,
                                  groups[last_support], child.strength, parent.endpoint))
            continue
        edges.append(_new_edge((kind, child.endpoint, parent.endpoint, child.span,
                                groups[index], child.strength, None)))
        if kind is RelationType.SUPPORT:
            last_support = index


def _linked_groups(children, sink: DiagnosticSink) -> list[int | None]:
    """The linked group of each child: the line of the group's first premise.
    `&` joins the `+` or `&` just before it (undercuts in between are skipped)."""
    groups: list[int | None] = [None] * len(children)
    previous = None  # index of the nearest sibling above that is not an undercut
    for index, child in enumerate(children):
        marker = child.marker
        if marker == "&":
            if previous is None or children[previous].marker not in ("+", "&"):
                span = child.span
                sink.error("E212", span.line, span.column, "'&' joins a linked premise to the "
                           "support just before it, but there is none",
                           hint="start a linked group with '+', then add '&' premises")
            else:
                group = groups[previous]
                if group is None:
                    group = groups[previous] = children[previous].line
                groups[index] = group
        if marker != "~":
            previous = index
    return groups
