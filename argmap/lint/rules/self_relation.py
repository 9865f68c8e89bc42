"""A node supports or attacks itself.

A claim that is its own reason proves nothing, and a claim that attacks itself
is incoherent. This usually comes from a reference (`@id`) to the wrong node.

Example:

    [thesis] Furr argues that the archive settles the question.
      + @thesis

Fix:

    [thesis] Furr argues that the archive settles the question.
      + [files] The opened archive holds the investigation files.
        source: essay, line 90
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ..rule import Finding

NAME = "self-relation"
CODE = "A103"
SEVERITY = Severity.ERROR
OPTIONS: dict = {}


def check(context, options):
    for relation in context.own_relations():
        if relation.source != relation.target:
            continue
        verb = "supports" if relation.type is RelationType.SUPPORT else "attacks"
        yield Finding.at_relation(
            relation, f"{context.label(relation.source)} {verb} itself",
            "refer to the node that was meant, or remove this line")
