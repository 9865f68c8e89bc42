"""Relations as DOT edges, with junction points where an inference is a thing
of its own: linked premises meet at one junction before their conclusion, and
an undercut is aimed at the junction of the support it attacks, not at a node.

A support that nothing undercuts and that has no linked partner stays a plain
edge from premise to conclusion, so simple maps stay simple."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Map, Relation, RelationType

SUPPORT, UNDERCUT = RelationType.SUPPORT, RelationType.UNDERCUT


@dataclass(frozen=True)
class Edge:
    tail: str
    head: str
    relation: Relation
    # "premise": into a junction; "inference": out of a junction; "": as written.
    part: str = ""


@dataclass
class EdgePlan:
    """Junction name -> the node whose section it belongs to, and every edge, in
    the order of the map's relations (which is the order of the files)."""

    junctions: dict[str, str] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


def inference_key(relation: Relation) -> tuple:
    """What identifies the inference a support makes: its linked group, or the
    premise and conclusion of a lone support."""
    if relation.group is not None:
        return ("group", relation.group)
    return ("single", relation.source, relation.target)


def plan_edges(argmap: Map) -> EdgePlan:
    supports = {}
    for relation in argmap.relations:
        if relation.type is SUPPORT:
            supports.setdefault((relation.source, relation.target), relation)
    undercut = {_undercut_key(r, supports) for r in argmap.relations if r.type is UNDERCUT}
    needs_junction = {inference_key(r) for r in argmap.relations
                      if r.type is SUPPORT and r.group is not None} | (undercut - {None})
    plan = EdgePlan()
    names = _JunctionNames(set(argmap.index))
    for relation in argmap.relations:
        key = _key_of(relation, supports)
        if key is None or key not in needs_junction:
            plan.edges.append(Edge(relation.source, relation.target, relation))
            continue
        junction = names.name_for(key)
        if relation.type is UNDERCUT:
            plan.edges.append(Edge(relation.source, junction, relation))
            continue
        first = junction not in plan.junctions
        if first:
            plan.junctions[junction] = relation.target
        plan.edges.append(Edge(relation.source, junction, relation, "premise"))
        if first:
            plan.edges.append(Edge(junction, relation.target, relation, "inference"))
    return plan


def _key_of(relation: Relation, supports: dict) -> tuple | None:
    if relation.type is SUPPORT:
        return inference_key(relation)
    if relation.type is UNDERCUT:
        return _undercut_key(relation, supports)
    return None


def _undercut_key(relation: Relation, supports: dict) -> tuple | None:
    """The inference an undercut attacks, or None when there is no such support
    (then the undercut is drawn at its target, like a rebuttal)."""
    if relation.conclusion is None:
        return None
    support = supports.get((relation.target, relation.conclusion))
    return inference_key(support) if support is not None else None


class _JunctionNames:
    """Junction names j1, j2, ... in order of first use; never a node's id."""

    def __init__(self, taken: set[str]):
        self.taken = taken
        self.assigned: dict[tuple, str] = {}

    def name_for(self, key: tuple) -> str:
        if key not in self.assigned:
            name = f"j{len(self.assigned) + 1}"
            while name in self.taken:
                name = "_" + name
            self.assigned[key] = name
        return self.assigned[key]
