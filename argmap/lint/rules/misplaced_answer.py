"""`answer:` is given on a node that answers no objection or rebuttal.

`answer: full|partial|conceded` says how fully a node answers the attack it is
placed under (for an undercut: the claim whose support it cuts). Under a claim
that attacks nothing, there is nothing to answer, so the field says nothing;
usually the node sits one level too high or low.

Example:

    [thesis] Furr argues that the confessions were true.
      - [torture] Critics say they were obtained by torture.
        answer: partial

Fix:

    [thesis] Furr argues that the confessions were true.
      - [torture] Critics say they were obtained by torture.
        - [appeals] Furr replies that the secret appeals repeat them.
          answer: partial
          source: fn 37
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ..context import is_inference_undercut
from ..rule import Finding

NAME = "misplaced-answer"
CODE = "A206"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}


def check(context, options):
    for relation in context.own_relations():
        if relation.strength is None:
            continue
        # An undercut answers the claim whose inference it cuts.
        answered = relation.conclusion if is_inference_undercut(relation) else relation.target
        if _attacks_something(context, answered):
            continue
        yield Finding.at_relation(
            relation, f"'answer: {relation.strength.value}' on {context.label(relation.source)}, "
            f"but {context.label(answered)} is not an objection or a rebuttal: "
            "there is nothing to answer",
            "move the node under the objection or rebuttal that it answers, or remove "
            "the 'answer:' line")


def _attacks_something(context, node_id: str) -> bool:
    if any(r.type.is_attack for r in context.relations_from.get(node_id, [])):
        return True
    # A contradiction is symmetric: its target attacks its source as well.
    return any(r.type is RelationType.CONTRADICTION and r.target == node_id
               for r in context.attacks_on.get(node_id, []))
