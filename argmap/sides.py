"""Which side each node argues for (GUIDE §4).

A top-level claim of the map is a thesis: the pro side. A support keeps its
target's side; every attack (rebuttal, objection, undercut, contradiction)
flips it. A contradiction is symmetric, so it flips in both directions. A node
reached from both sides is BOTH: reported by the lint, never guessed away.
Nodes that no thesis reaches have no side and are absent from the result.

The walk is a breadth-first search over (node, side) states, so it is linear
in the size of the map and never recurses: maps can nest 10,000 deep.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from .model import Map, Relation, RelationType


class Side(StrEnum):
    PRO = "pro"
    CON = "con"
    BOTH = "both"

    @property
    def opposite(self) -> Side:
        return {Side.PRO: Side.CON, Side.CON: Side.PRO}.get(self, self)


@dataclass(frozen=True, slots=True)
class Step:
    """How the walk first reached a node on one side: from `node` along `relation`."""

    node: str
    relation: Relation


class SideAnalysis:
    """Sides of every reachable node, plus the first route to each (node, side),
    so that a finding can show why a node is on a side."""

    def __init__(self, argmap: Map):
        self.map = argmap
        self.reached: dict[str, set[Side]] = {}
        self.came_from: dict[tuple[str, Side], Step | None] = {}
        self._walk()

    @property
    def sides(self) -> dict[str, Side]:
        return {node: _merge(found) for node, found in self.reached.items()}

    def side(self, node_id: str) -> Side | None:
        found = self.reached.get(node_id)
        return _merge(found) if found else None

    def steps(self, node_id: str, side: Side) -> list[tuple[str, Step]]:
        """How `node_id` came to be on `side`, from the node up to a thesis: pairs
        of a node and the step that led the walk to it."""
        found = []
        step = self.came_from.get((node_id, side))
        while step is not None:
            found.append((node_id, step))
            node_id, side = step.node, _across(step.relation, side)  # flipping undoes itself
            step = self.came_from.get((node_id, side))
        return found

    def inherits_both(self, node_id: str) -> bool:
        """True when one relation from a node that is already on both sides
        brought both sides here: the conflict is that node's, not this one's."""
        pro = self.came_from.get((node_id, Side.PRO))
        con = self.came_from.get((node_id, Side.CON))
        return pro is not None and con is not None and pro.relation is con.relation

    def _walk(self) -> None:
        neighbours = _neighbours(self.map)
        queue: deque[tuple[str, Side]] = deque()
        for thesis in theses(self.map):
            self._reach(thesis, Side.PRO, None, queue)
        while queue:
            node, side = queue.popleft()
            for relation, other in neighbours.get(node, ()):
                self._reach(other, _across(relation, side), Step(node, relation), queue)

    def _reach(self, node: str, side: Side, step: Step | None, queue) -> None:
        if (node, side) in self.came_from:
            return
        self.came_from[(node, side)] = step
        self.reached.setdefault(node, set()).add(side)
        queue.append((node, side))


def compute_sides(argmap: Map) -> dict[str, Side]:
    """Per node id: Side.PRO, Side.CON or Side.BOTH; unreachable nodes are absent."""
    return SideAnalysis(argmap).sides


def theses(argmap: Map) -> list[str]:
    """Top-level claims of the map's own files. A node borrowed from another file
    through @path#id keeps that file's marker, but it is not a thesis here."""
    own_files = set(argmap.files) or {argmap.path}
    return [node.id for node in argmap.nodes if node.marker == "" and node.path in own_files]


def _neighbours(argmap: Map) -> dict[str, list[tuple[Relation, str]]]:
    """Side flows from a relation's target to its source; a contradiction is
    symmetric, so it also flows from source to target."""
    found: dict[str, list[tuple[Relation, str]]] = {}
    for relation in argmap.relations:
        found.setdefault(relation.target, []).append((relation, relation.source))
        if relation.type is RelationType.CONTRADICTION:
            found.setdefault(relation.source, []).append((relation, relation.target))
    return found


def _across(relation: Relation, side: Side) -> Side:
    return side if relation.type is RelationType.SUPPORT else side.opposite


def _merge(found: set[Side]) -> Side:
    return next(iter(found)) if len(found) == 1 else Side.BOTH
