"""The role each node plays in the diagram, which decides its colours and caption.

- thesis: a top-level claim of the map (the author's position);
- answer: attacks a node that is itself an attack (it replies to an objection);
- objection: attacks anything else (rebuttal, stated objection or undercut);
- assumption: marked `kind: assumption`;
- evidence: has a cited source;
- claim: everything else.

The first that applies wins, in that order: an objection that cites a source is
still drawn as an objection, and its source shows in its label. Contradiction
is symmetric, so it makes neither side an objection; its edge says enough.
"""

from __future__ import annotations

from ..model import Map, Relation, RelationType
from ..sides import theses

ATTACKS = frozenset({RelationType.REBUTTAL, RelationType.OBJECTION, RelationType.UNDERCUT})


def attacked_node(relation: Relation) -> str:
    """The node an attack is aimed at: an undercut of an inference aims at the
    inference's conclusion side, which belongs to the same argument."""
    if relation.type is RelationType.UNDERCUT and relation.conclusion is not None:
        return relation.conclusion
    return relation.target


def node_roles(argmap: Map) -> dict[str, str]:
    """Node id -> role name, for every node of the map."""
    attacks = [r for r in argmap.relations if r.type in ATTACKS]
    attackers = {r.source for r in attacks}
    answers = {r.source for r in attacks if attacked_node(r) in attackers}
    top = set(theses(argmap))
    roles = {}
    for node in argmap.nodes:
        if node.id in top:
            roles[node.id] = "thesis"
        elif node.id in answers:
            roles[node.id] = "answer"
        elif node.id in attackers:
            roles[node.id] = "objection"
        elif node.is_assumption:
            roles[node.id] = "assumption"
        elif node.is_evidence:
            roles[node.id] = "evidence"
        else:
            roles[node.id] = "claim"
    return roles
