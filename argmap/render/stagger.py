"""Staggered leaves, so that a claim with many reasons does not become one
endless row of boxes.

Argument maps are wide and shallow: a thesis with a dozen pieces of evidence
puts all twelve on one rank, and the diagram comes out five times wider than
high. Like Graphviz's `unflatten -l`, argmap lengthens every second (or second
and third) edge from a leaf, so that the leaves under one node share two or
three ranks. The choice depends only on the map, so the DOT stays
deterministic; a node with few leaves keeps them on one rank."""

from __future__ import annotations

from collections.abc import Sequence

from .edges import Edge

# More leaves than this under one node get a second rank; twice as many, a third.
ONE_ROW = 4
MAX_ROWS = 3


def edge_lengths(edges: Sequence[Edge]) -> dict[int, int]:
    """Index in `edges` -> minlen, for the edges that need more than 1."""
    has_incoming = {edge.head for edge in edges}
    leaves_by_head: dict[str, list[int]] = {}
    for index, edge in enumerate(edges):
        if edge.tail not in has_incoming and edge.part != "inference":
            leaves_by_head.setdefault(edge.head, []).append(index)
    lengths = {}
    for indexes in leaves_by_head.values():
        rows = min(MAX_ROWS, -(-len(indexes) // ONE_ROW))  # ceiling division
        for position, index in enumerate(indexes):
            if position % rows:
                lengths[index] = 1 + position % rows
    return lengths
