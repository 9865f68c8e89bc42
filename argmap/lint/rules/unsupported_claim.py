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
_WHAT = {Side.PRO: "pro-side claim", Side.CON: "con-side claim", Side.BOTH: "claim"}


def check(context, options):
    checked = set(_WHAT) if options["include-con"] else {Side.PRO, Side.BOTH}
    side_of, supported = context.sides.side_numbers, context.supported
    of_node = context.numbering.of_node
    # By position in map.nodes, so that each node's number is at hand.
    own_files, nodes = context.own_files, context.map.nodes
    for position, node in enumerate(nodes):
        number = of_node[position]
        side = side_of[number]
        if side not in checked or supported[number] or node.path not in own_files:
            continue
        if node.is_evidence or node.is_assumption or _only_concedes(context, number):
            continue
        yield Finding.at_node(
            node, f"{_WHAT[side]} {context.label_of(node)} has no support, no source, "
            "and is not marked as an assumption",
            "add a reason with '+', cite it with 'source:', or mark it 'kind: assumption'")


def _only_concedes(context, number: int) -> bool:
    indexes = context.relations_out[number]
    if indexes is None:
        return False
    relations = context.map.relations
    # The first relation decides for most nodes, without a generator for all().
    return (relations[indexes[0]].strength is Strength.CONCEDED
            and all(relations[index].strength is Strength.CONCEDED for index in indexes))
