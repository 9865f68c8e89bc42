"""What the rules share about one map: indexes by node, sides and answers,
each computed once and only when a rule asks for it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from ..model import Map, Node, Relation, RelationType
from ..sides import Side, SideAnalysis

EXCERPT = 60
_PRO_SIDES = frozenset({Side.PRO, Side.BOTH})
_ATTACKS = frozenset(kind for kind in RelationType if kind.is_attack)


class LintContext:
    """The map, and what its rules share about it.

    The graph indexes come in two kinds. Those the rules walk for every node
    of a big map are by node number (numbering.py): lists indexed by number,
    each holding the indexes in map.relations of the relations concerned. Those
    only a few lookups need are by id, built from the numbered ones on first
    use."""

    def __init__(self, argmap: Map):
        self.map = argmap
        self.own_files = frozenset(argmap.files) or frozenset({argmap.path})
        self.numbering = argmap.numbering

    @cached_property
    def sides(self) -> SideAnalysis:
        return SideAnalysis(self.map)

    @cached_property
    def answers(self):
        from .answers import AnswerAnalysis

        return AnswerAnalysis(self)

    @cached_property
    def supported(self) -> bytearray:
        """By node number: 1 for the nodes that something supports."""
        found = bytearray(len(self.numbering.ids))
        support, targets = RelationType.SUPPORT, self.numbering.targets
        for index, relation in enumerate(self.map.relations):
            if relation.type is support:
                found[targets[index]] = 1
        return found

    # The lists below are built for every node of a big map: each is made with
    # its first item ([index]), which costs a third less than an empty list and
    # an append.
    @cached_property
    def attacks_into(self) -> list[list[int] | None]:
        """By node number: the attacks aimed at the node itself, as written (as
        relation indexes). An undercut of an inference is not aimed at its
        premise, and a contradiction counts in the direction it was written:
        the line under a node answers that node."""
        found: list[list[int] | None] = [None] * len(self.numbering.ids)
        targets = self.numbering.targets
        support, undercut = RelationType.SUPPORT, RelationType.UNDERCUT
        for index, relation in enumerate(self.map.relations):
            kind = relation.type
            # Every kind but support attacks; is_inference_undercut, inlined.
            if kind is support or (kind is undercut and relation.conclusion is not None):
                continue
            target = targets[index]
            listed = found[target]
            if listed is None:
                found[target] = [index]
            else:
                listed.append(index)
        return found

    @cached_property
    def relations_out(self) -> list[list[int] | None]:
        """By node number: the relations that start at the node (as relation indexes)."""
        found: list[list[int] | None] = [None] * len(self.numbering.ids)
        for index, source in enumerate(self.numbering.sources):
            listed = found[source]
            if listed is None:
                found[source] = [index]
            else:
                listed.append(index)
        return found

    @cached_property
    def attacks_on(self) -> dict[str, list[Relation]]:
        """attacks_into, by node id, with the relations themselves."""
        return self._by_id(self.attacks_into)

    @cached_property
    def relations_from(self) -> dict[str, list[Relation]]:
        """relations_out, by node id, with the relations themselves."""
        return self._by_id(self.relations_out)

    @cached_property
    def pro_side_attacks(self) -> list[int]:
        """The map's own attacks on pro-side nodes (or nodes on both sides), in
        file order, as relation indexes."""
        side_of, targets = self.sides.side_numbers, self.numbering.targets
        own = self.own_files
        return [index for index, r in enumerate(self.map.relations)
                if r.type in _ATTACKS and side_of[targets[index]] in _PRO_SIDES
                and r.path in own]

    def own_nodes(self) -> Sequence[Node]:
        """Nodes defined in this map's files; a node borrowed from another file
        through @path#id is linted with that file."""
        return self._own_nodes

    def own_relations(self) -> Sequence[Relation]:
        return self._own_relations

    # Computed once: most rules walk them.
    @cached_property
    def _own_nodes(self) -> Sequence[Node]:
        return _in_files(self.map.nodes, self.own_files)

    @cached_property
    def _own_relations(self) -> Sequence[Relation]:
        return _in_files(self.map.relations, self.own_files)

    def label(self, node_id: str) -> str:
        """A node as messages name it: its id, or the start of its text when the
        file gave it no id."""
        node = self.map.index.get(node_id)
        return f"'{node_id}'" if node is None else self.label_of(node)

    def label_at(self, number: int) -> str:
        """label(), for a node by number (numbering.py): a big map's findings
        name tens of thousands of nodes, and a lookup by id would first build
        the map's index of every node."""
        node = self.node_at(number)
        return f"'{self.numbering.ids[number]}'" if node is None else self.label_of(node)

    def node_at(self, number: int) -> Node | None:
        """The node with number `number`; None for an end that no node defines."""
        return self._node_by_number[number]

    @cached_property
    def _node_by_number(self) -> list[Node | None]:
        # The last node with each id, as map.index keeps: they differ only for
        # a duplicated id, and then both have it written, so label the same.
        found: list[Node | None] = [None] * len(self.numbering.ids)
        for node, number in zip(self.map.nodes, self.numbering.of_node, strict=True):
            found[number] = node
        return found

    @staticmethod
    def label_of(node: Node) -> str:
        """label(), for a node at hand: a big map asks for tens of thousands."""
        return f"'{node.id}'" if node.explicit_id else excerpt(node.text)


    def _by_id(self, numbered: list[list[int] | None]) -> dict[str, list[Relation]]:
        ids, relations = self.numbering.ids, self.map.relations
        return {ids[number]: [relations[index] for index in indexes]
                for number, indexes in enumerate(numbered) if indexes is not None}


def _in_files(items: tuple, files: frozenset[str]) -> list:
    return [item for item in items if item.path in files]


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return f"“{flat}”" if len(flat) <= EXCERPT else f"“{flat[:EXCERPT - 1].rstrip()}…”"


def is_inference_undercut(relation: Relation) -> bool:
    return relation.type is RelationType.UNDERCUT and relation.conclusion is not None
