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
    so that a finding can show why a node is on a side.

    The walk runs on node numbers (numbering.py): at 100,000 nodes, lists
    indexed by number cost a fraction of dicts keyed by id. Results are
    offered both ways: by id (`sides`, `steps`, ...) and by number
    (`side_numbers`), for the rules that walk the map by number."""

    def __init__(self, argmap: Map):
        self.map = argmap
        self.numbering = argmap.numbering
        # Per side, per node number: the index in map.relations of the relation
        # along which the walk first reached it; THESIS for a thesis, None if
        # never reached. Only the relation: a big map has one per node, and the
        # node it came from is the relation's other end.
        count = len(self.numbering.ids)
        self._routes: dict[Side, list[int | None]] = {Side.PRO: [None] * count,
                                                      Side.CON: [None] * count}
        self._reached: list[tuple[int, int]] = []  # (number, on the con side), in walk order
        self._sides: dict[str, Side] | None = None
        self._side_numbers: list[Side | None] | None = None
        self._number_of: dict[str, int] | None = None
        self._route_ends: dict[tuple[int, Side], tuple[int, int]] = {}
        self._walk()

    @property
    def sides(self) -> dict[str, Side]:
        """Every reached node's side: the pro side's nodes first, in the order
        the walk reached them, then the nodes only on the con side."""
        if self._sides is None:
            ids, reached = self.numbering.ids, self._reached
            merged = {ids[number]: Side.PRO for number, is_con in reached if not is_con}
            for number, is_con in reached:
                if is_con:
                    node = ids[number]
                    merged[node] = Side.BOTH if node in merged else Side.CON
            self._sides = merged
        return self._sides

    @property
    def side_numbers(self) -> list[Side | None]:
        """`sides` by node number: None for a node that no thesis reaches."""
        if self._side_numbers is None:
            pro, con, both = Side.PRO, Side.CON, Side.BOTH
            self._side_numbers = [
                (both if on_con is not None else pro) if on_pro is not None
                else (con if on_con is not None else None)
                for on_pro, on_con in zip(self._routes[Side.PRO], self._routes[Side.CON],
                                          strict=True)]
        return self._side_numbers

    @property
    def on_both_sides(self) -> set[str]:
        """The nodes on both sides: usually few, so a quick set to test against."""
        both, ids = Side.BOTH, self.numbering.ids
        return {ids[number] for number, side in enumerate(self.side_numbers) if side is both}

    def side(self, node_id: str) -> Side | None:
        return self.sides.get(node_id)

    def steps(self, node_id: str, side: Side,
              limit: int | None = None) -> list[tuple[str, Step]]:
        """How `node_id` came to be on `side`, from the node up to a thesis: pairs
        of a node and the step that led the walk to it; the first `limit` only,
        if given."""
        ids, relations = self.numbering.ids, self.map.relations
        number, found = self._number(node_id), []
        # The limit is checked first: a step past it would be looked up for
        # nothing, once for each of tens of thousands of nodes on both sides.
        while number is not None and (limit is None or len(found) < limit):
            back = self._back(number, side)
            if back is None:
                break
            came_from, side, index = back
            found.append((ids[number], Step(ids[came_from], relations[index])))
            number = came_from
        return found

    def route_end(self, node_id: str, side: Side) -> tuple[int, str]:
        """How many steps lead from `node_id` on `side` up to a thesis, and that
        thesis. Remembered per node and side: the routes of many nodes share
        their upper parts, and each part is walked once."""
        number = self._number(node_id)
        if number is None:
            return 0, node_id
        start, trail = (number, side), []
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
        length, thesis = self._route_ends[start]
        return length, self.numbering.ids[thesis]

    def inherits_both(self, node_id: str) -> bool:
        """True when one relation from a node that is already on both sides
        brought both sides here: the conflict is that node's, not this one's."""
        number = self._number(node_id)
        if number is None:
            return False
        pro = self._routes[Side.PRO][number]
        return pro is not None and pro != THESIS and pro == self._routes[Side.CON][number]

    def _number(self, node_id: str) -> int | None:
        if self._number_of is None:  # only for the few nodes asked about by id
            self._number_of = self.numbering.number_of()
        return self._number_of.get(node_id)

    def _back(self, number: int, side: Side) -> tuple[int, Side, int] | None:
        """One step back along the route: the node the walk came from, its side
        there (across a flip, unless the relation is a support), and the index
        of the relation."""
        index = self._routes[side][number]
        if index is None or index == THESIS:
            return None
        numbering = self.numbering
        source, target = numbering.sources[index], numbering.targets[index]
        came_from = source if target == number else target
        if self.map.relations[index].type is not RelationType.SUPPORT:
            side = _OPPOSITE[side]  # flipping undoes itself
        return came_from, side, index

    def _walk(self) -> None:
        numbering, relations = self.numbering, self.map.relations
        into, flips = _neighbours(relations, numbering)
        sources, targets = numbering.sources, numbering.targets
        pro, con = self._routes[Side.PRO], self._routes[Side.CON]
        routes = (pro, con)
        reached = self._reached
        for thesis in _thesis_numbers(self.map):
            if pro[thesis] is None:
                pro[thesis] = THESIS
                reached.append((thesis, 0))
        # Iterating a list while appending to it visits the appended states
        # too, in order: a breadth-first queue without the deque's overhead.
        for node, is_con in reached:
            indexes = into[node]
            if indexes is None:  # most nodes: the leaves of the map
                continue
            for index in indexes:
                # The side flows to the relation's other end.
                other = sources[index] if targets[index] == node else targets[index]
                other_is_con = is_con ^ flips[index]
                found = routes[other_is_con]
                if found[other] is None:
                    found[other] = index
                    reached.append((other, other_is_con))


# A thesis's route: it starts there (relation indexes are never negative).
THESIS = -1


def compute_sides(argmap: Map) -> dict[str, Side]:
    """Per node id: Side.PRO, Side.CON or Side.BOTH; unreachable nodes are absent."""
    return SideAnalysis(argmap).sides


def theses(argmap: Map) -> list[str]:
    """Top-level claims of the map's own files. A node borrowed from another file
    through @path#id keeps that file's marker, but it is not a thesis here."""
    own_files = set(argmap.files) or {argmap.path}
    return [node.id for node in argmap.nodes if node.marker == "" and node.path in own_files]


def _thesis_numbers(argmap: Map) -> list[int]:
    """theses(), by node number."""
    own_files = set(argmap.files) or {argmap.path}
    of_node = argmap.numbering.of_node
    return [of_node[position] for position, node in enumerate(argmap.nodes)
            if node.marker == "" and node.path in own_files]


def _neighbours(relations, numbering) -> tuple[list[list[int] | None], bytearray]:
    """Per node number, the indexes of the relations along which a side flows
    into it: from a relation's target to its source, and for a contradiction,
    which is symmetric, also from its source to its target. And per relation,
    whether it flips the side (every kind but a support)."""
    found: list[list[int] | None] = [None] * len(numbering.ids)
    flips = bytearray(len(relations))
    sources, targets = numbering.sources, numbering.targets
    support, contradiction = RelationType.SUPPORT, RelationType.CONTRADICTION
    for index, relation in enumerate(relations):
        # Each list made with its first item: cheaper than an empty list and
        # an append, on a big map with a list per node.
        target = targets[index]
        listed = found[target]
        if listed is None:
            found[target] = [index]
        else:
            listed.append(index)
        kind = relation.type
        if kind is not support:
            flips[index] = 1
            if kind is contradiction:
                source = sources[index]
                if found[source] is None:
                    found[source] = [index]
                else:
                    found[source].append(index)
    return found, flips
