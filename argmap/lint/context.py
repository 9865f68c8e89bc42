"""What the rules share about one map: indexes by node, sides and answers,
each computed once and only when a rule asks for it."""

from __future__ import annotations

from functools import cached_property

from ..model import Map, Node, Relation, RelationType
from ..sides import Side, SideAnalysis

EXCERPT = 60


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
    def supports_of(self) -> dict[str, list[Relation]]:
        found: dict[str, list[Relation]] = {}
        for relation in self.map.relations:
            if relation.type is RelationType.SUPPORT:
                found.setdefault(relation.target, []).append(relation)
        return found

    @cached_property
    def attacks_on(self) -> dict[str, list[Relation]]:
        """Attacks aimed at a node itself, as written. An undercut of an inference
        is not aimed at its premise, and a contradiction counts in the direction
        it was written: the line under a node answers that node."""
        found: dict[str, list[Relation]] = {}
        for relation in self.map.relations:
            if relation.type.is_attack and not is_inference_undercut(relation):
                found.setdefault(relation.target, []).append(relation)
        return found

    @cached_property
    def relations_from(self) -> dict[str, list[Relation]]:
        found: dict[str, list[Relation]] = {}
        for relation in self.map.relations:
            found.setdefault(relation.source, []).append(relation)
        return found

    def own_nodes(self) -> list[Node]:
        """Nodes defined in this map's files; a node borrowed from another file
        through @path#id is linted with that file."""
        return [node for node in self.map.nodes if node.path in self.own_files]

    def own_relations(self) -> list[Relation]:
        return [r for r in self.map.relations if r.path in self.own_files]

    def on_side(self, node_id: str, *sides: Side) -> bool:
        side = self.sides.side(node_id)
        return side is not None and (side in sides or side is Side.BOTH)

    def label(self, node_id: str) -> str:
        """A node as messages name it: its id, or the start of its text when the
        file gave it no id."""
        node = self.map.index.get(node_id)
        if node is None or node.explicit_id:
            return f"'{node_id}'"
        return excerpt(node.text)


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return f"“{flat}”" if len(flat) <= EXCERPT else f"“{flat[:EXCERPT - 1].rstrip()}…”"


def is_inference_undercut(relation: Relation) -> bool:
    return relation.type is RelationType.UNDERCUT and relation.conclusion is not None
