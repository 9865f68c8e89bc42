"""A node is reached from both sides of the argument.

Support keeps a node's side and every attack flips it, starting from the
theses (the top-level claims, on the pro side). A node reached both ways both
helps and hurts the same thesis; argmap reports it instead of guessing which
side was meant. Usually a marker is wrong, or one statement is doing two jobs.
Nodes that are on both sides only because they rest on such a node are not
reported separately: fixing the first one fixes them.

Example:

    [thesis] Furr argues that the trials were fair.
      + [open] The trials were held in public.
      - @open

Fix:

    [thesis] Furr argues that the trials were fair.
      + [open] The trials were held in public.
        source: essay, line 300
      - [staged] Critics reply that the public hearings were staged.
        - [rehearsed] Furr replies that nothing shows the testimony was rehearsed.
          source: essay, line 340
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ...sides import Side
from ..rule import Finding

NAME = "node-on-both-sides"
CODE = "A204"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}
SHOWN = 3  # steps of a long route shown in the message

_VERBS = {RelationType.SUPPORT: "supports", RelationType.REBUTTAL: "rebuts",
          RelationType.OBJECTION: "objects to", RelationType.UNDERCUT: "undercuts",
          RelationType.CONTRADICTION: "contradicts"}


def check(context, options):
    sides = context.sides
    both = sides.on_both_sides
    if not both:
        return
    for node in context.own_nodes():
        if node.id not in both or sides.inherits_both(node.id):
            continue
        pro = _route(context, sides, node.id, Side.PRO)
        con = _route(context, sides, node.id, Side.CON)
        yield Finding.at_node(
            node, f"{context.label(node.id)} is on both sides: pro, as it {pro}; "
            f"con, as it {con}",
            "check the markers on these routes; if one statement serves both sides, split "
            "it into two claims (the nodes that rest on it are on both sides too)")


def _route(context, sides, node_id: str, side: Side) -> str:
    """'supports 'a', which rebuts 'thesis'' for the steps up to a thesis."""
    parts = [f"{_VERBS[step.relation.type]} {context.label(step.node)}"
             for _, step in sides.steps(node_id, side, limit=SHOWN)]
    length, thesis = sides.route_end(node_id, side)
    if length > SHOWN:
        parts.append(f"… and so on, {length - SHOWN} more steps up to {context.label(thesis)}")
    return ", which ".join(parts) if parts else "is a thesis"
