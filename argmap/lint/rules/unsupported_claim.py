"""A pro-side claim has no support, no cited source, and is not an assumption.

A claim on the author's side of the map must rest on something: a reason
(`+`), a cited source (a node with `source:` is evidence), or an explicit
`kind: assumption` that admits it is taken as given. A node that only concedes
a point (`answer: conceded`) needs no support: the author is admitting it.
With the option `include-con`, the opposing side's claims are checked too.

Example:

    [thesis] Furr argues that Trotsky lied about his contacts.

Fix:

    [thesis] Furr argues that Trotsky lied about his contacts.
      + [getty] Getty found receipts for letters that Trotsky denied writing.
        source: Getty 1986, fn 29
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import Strength
from ...sides import Side
from ..rule import Finding, Option

NAME = "unsupported-claim"
CODE = "A101"
SEVERITY = Severity.WARNING
OPTIONS = {
    "include-con": Option(False, "also check claims on the opposing (con) side"),
}


def check(context, options):
    sides = (Side.PRO, Side.CON) if options["include-con"] else (Side.PRO,)
    for node in context.own_nodes():
        if node.is_evidence or node.is_assumption or node.id in context.supports_of:
            continue
        if not context.on_side(node.id, *sides) or _only_concedes(context, node.id):
            continue
        side = context.sides.side(node.id)
        what = "claim" if side is Side.BOTH else f"{side.value}-side claim"
        yield Finding.at_node(
            node, f"{what} {context.label(node.id)} has no support, no source, "
            "and is not marked as an assumption",
            "add a reason with '+', cite it with 'source:', or mark it 'kind: assumption'")


def _only_concedes(context, node_id: str) -> bool:
    relations = context.relations_from.get(node_id, [])
    return bool(relations) and all(r.strength is Strength.CONCEDED for r in relations)
