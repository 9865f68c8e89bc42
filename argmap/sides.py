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

from enum import StrEnum
from typing import NamedTuple

from .model import Map, Relation, RelationType


class Side(StrEnum):
    PRO = "pro"
    CON = "con"
    BOTH = "both"

    @property
    def opposite(self) -> Side:
        return _OPPOSITE.get(self, self)


_OPPOSITE = {Side.PRO: Side.CON, Side.CON: Side.PRO}


class Step(NamedTuple):
    """How the walk first reached a node on one side: from `node` along `relation`."""

    node: str
    relation: Relation


class SideAnalysis:
    """Sides of every reachable node, plus the first route to each (node, side),
    so that a finding can show why a node is on a side."""

    def __init__(self, argmap: Map):
        self.map = argmap
        # Per side: node id -> the relation along which the walk first reached
        # it (None for a thesis). Only the relation: a big map has one per node,
        # and the node it came from is the relation's other end.
        self._routes: dict[Side, dict[str, Relation | None]] = {Side.PRO: {}, Side.CON: {}}
        self._sides: dict[str, Side] | None = None
        self._route_ends: dict[tuple[str, Side], tuple[int, str]] = {}
        self._walk()

    @property
    def sides(self) -> dict[str, Side]:
        """Every reached node's side: the pro side's nodes first, in the order
        the walk reached them, then the nodes only on the con side."""
        if self._sides is None:
            merged = dict.fromkeys(self._routes[Side.PRO], Side.PRO)
            for node in self._routes[Side.CON]:
                merged[node] = Side.BOTH if node in merged else Side.CON
            self._sides = merged
        return self._sides

    @property
    def on_both_sides(self) -> set[str]:
        """The nodes on both sides: usually few, so a quick set to test against."""
        return self._routes[Side.PRO].keys() & self._routes[Side.CON].keys()

    def side(self, node_id: str) -> Side | None:
        return self.sides.get(node_id)

    def steps(self, node_id: str, side: Side,
              limit: int | None = None) -> list[tuple[str, Step]]:
        """How `node_id` came to be on `side`, from the node up to a thesis: pairs
        of a node and the step that led the walk to it; the first `limit` only,
        if given."""
        found = []
        # The limit is checked first: a step past it would be looked up for
        # nothing, once for each of tens of thousands of nodes on both sides.
        while limit is None or len(found) < limit:
            back = self._back(node_id, side)
            if back is None:
                break
            came_from, side, relation = back
            found.append((node_id, Step(came_from, relation)))
            node_id = came_from
        return found

    def route_end(self, node_id: str, side: Side) -> tuple[int, str]:
        """How many steps lead from `node_id` on `side` up to a thesis, and that
        thesis. Remembered per node and side: the routes of many nodes share
        their upper parts, and each part is walked once."""
        start, trail = (node_id, side), []
        state = start
        while state not in self._route_ends:
            back = self._back(*state)
            if back is None:
                self._route_ends[state] = (0, state[0])
                break
            trail.append(state)
            state = back[:2]
        length, thesis = self._route_ends[state]
        for earlier in reversed(trail):
            length += 1
            self._route_ends[earlier] = (length, thesis)
        return self._route_ends[start]

    def _back(self, node_id: str, side: Side) -> tuple[str, Side, Relation] | None:
        """One step back along the route: the node the walk came from, its side
        there (across a flip, unless the relation is a support), and the relation."""
        relation = self._routes[side].get(node_id)
        if relation is None:
            return None
        came_from = relation.source if relation.target == node_id else relation.target
        if relation.type is not RelationType.SUPPORT:
            side = _OPPOSITE[side]  # flipping undoes itself
        return came_from, side, relation

    def inherits_both(self, node_id: str) -> bool:
        """True when one relation from a node that is already on both sides
        brought both sides here: the conflict is that node's, not this one's."""
        pro = self._routes[Side.PRO].get(node_id)
        con = self._routes[Side.CON].get(node_id)
        return pro is not None and con is not None and pro is con

    def _walk(self) -> None:
        neighbours = _neighbours(self.map)
        pro, con = self._routes[Side.PRO], self._routes[Side.CON]
        routes, support = (pro, con), RelationType.SUPPORT
        reached: list[tuple[str, bool]] = []  # (node, on the con side)
        for thesis in theses(self.map):
            if thesis not in pro:
                pro[thesis] = None
                reached.append((thesis, False))
        # Iterating a list while appending to it visits the appended states
        # too, in order: a breadth-first queue without the deque's overhead.
        into = neighbours.get
        for node, is_con in reached:
            relations = into(node)
            if relations is None:  # most nodes: the leaves of the map
                continue
            for relation in relations:
                # The side flows to the relation's other end.
                other = relation.source if relation.target == node else relation.target
                other_is_con = is_con ^ (relation.type is not support)
                found = routes[other_is_con]
                if other not in found:
                    found[other] = relation
                    reached.append((other, other_is_con))


def compute_sides(argmap: Map) -> dict[str, Side]:
    """Per node id: Side.PRO, Side.CON or Side.BOTH; unreachable nodes are absent."""
    return SideAnalysis(argmap).sides


def theses(argmap: Map) -> list[str]:
    """Top-level claims of the map's own files. A node borrowed from another file
    through @path#id keeps that file's marker, but it is not a thesis here."""
    own_files = set(argmap.files) or {argmap.path}
    return [node.id for node in argmap.nodes if node.marker == "" and node.path in own_files]


def _neighbours(argmap: Map) -> dict[str, list[Relation]]:
    """The relations along which a side flows into each node: from a relation's
    target to its source, and for a contradiction, which is symmetric, also
    from its source to its target."""
    found: dict[str, list[Relation]] = {}
    known = found.get
    contradiction = RelationType.CONTRADICTION
    for relation in argmap.relations:
        # Each list made with its first item: cheaper than a defaultdict's
        # empty list and an append, on a big map with a list per node.
        listed = known(relation.target)
        if listed is None:
            found[relation.target] = [relation]
        else:
            listed.append(relation)
        if relation.type is contradiction:
            found.setdefault(relation.source, []).append(relation)
    return found
