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
    def __init__(self, argmap: Map):
        self.map = argmap
        self.own_files = frozenset(argmap.files) or frozenset({argmap.path})

    @cached_property
    def sides(self) -> SideAnalysis:
        return SideAnalysis(self.map)

    @cached_property
    def answers(self):
        from .answers import AnswerAnalysis

        return AnswerAnalysis(self)

    @cached_property
    def supported(self) -> set[str]:
        """Nodes that something supports."""
        support = RelationType.SUPPORT
        return {r.target for r in self.map.relations if r.type is support}

    # The indexes below are built for every node of a big map: each list is
    # made with its first item ([relation]), which costs a third less than a
    # defaultdict's empty list and an append. Rules read them with .get() and `in`.
    @cached_property
    def attacks_on(self) -> dict[str, list[Relation]]:
        """Attacks aimed at a node itself, as written. An undercut of an inference
        is not aimed at its premise, and a contradiction counts in the direction
        it was written: the line under a node answers that node."""
        found: dict[str, list[Relation]] = {}
        known = found.get
        support, undercut = RelationType.SUPPORT, RelationType.UNDERCUT
        for relation in self.map.relations:
            kind = relation.type
            # Every kind but support attacks; is_inference_undercut, inlined.
            if kind is support or (kind is undercut and relation.conclusion is not None):
                continue
            listed = known(relation.target)
            if listed is None:
                found[relation.target] = [relation]
            else:
                listed.append(relation)
        return found

    @cached_property
    def relations_from(self) -> dict[str, list[Relation]]:
        found: dict[str, list[Relation]] = {}
        known = found.get
        for relation in self.map.relations:
            listed = known(relation.source)
            if listed is None:
                found[relation.source] = [relation]
            else:
                listed.append(relation)
        return found

    @cached_property
    def pro_side_attacks(self) -> list[Relation]:
        """The map's own attacks on pro-side nodes (or nodes on both sides), in file order."""
        side_of = self.sides.sides
        return [r for r in self.own_relations()
                if r.type in _ATTACKS and side_of.get(r.target) in _PRO_SIDES]

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

    @staticmethod
    def label_of(node: Node) -> str:
        """label(), for a node at hand: a big map asks for tens of thousands."""
        return f"'{node.id}'" if node.explicit_id else excerpt(node.text)


def _in_files(items: tuple, files: frozenset[str]) -> list:
    return [item for item in items if item.path in files]


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return f"“{flat}”" if len(flat) <= EXCERPT else f"“{flat[:EXCERPT - 1].rstrip()}…”"


def is_inference_undercut(relation: Relation) -> bool:
    return relation.type is RelationType.UNDERCUT and relation.conclusion is not None
