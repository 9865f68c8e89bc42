"""Which claims need support to stand, in the support-aware semantics.

The same notion as the lint rule unsupported-claim (A101): a claim on the
author's side of the map (pro, or both sides) needs support unless it is
evidence (it has a `source:`), an assumption (`kind: assumption`), or a reply
that only concedes a point. The opposing side's claims, and claims borrowed
from another map with `@file#id`, are taken as stated: an objection has force
until it is answered, and a borrowed claim is judged in its own map.
"""

from __future__ import annotations

from ..model import Map, Strength
from ..sides import Side, compute_sides


def needing_support(argmap: Map) -> set[str]:
    sides = compute_sides(argmap)
    own_files = set(argmap.files) or {argmap.path}
    concedes_only = _concedes_only(argmap)
    return {
        node.id for node in argmap.nodes
        if sides.get(node.id) in (Side.PRO, Side.BOTH)
        and node.path in own_files
        and not node.is_evidence
        and not node.is_assumption
        and node.id not in concedes_only
    }


def _concedes_only(argmap: Map) -> set[str]:
    """Nodes whose every outgoing relation is a concession: the author admits them."""
    conceding: dict[str, bool] = {}
    for relation in argmap.relations:
        conceded = relation.strength is Strength.CONCEDED
        conceding[relation.source] = conceding.get(relation.source, True) and conceded
    return {node for node, only in conceding.items() if only}
