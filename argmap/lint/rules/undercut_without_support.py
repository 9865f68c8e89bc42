"""An undercut has no support to attack.

An undercut (`~`) attacks the inference of the support just before it among
its siblings: it says that the reason, even if true, does not support the
claim. With no support before it there is no inference to attack. To deny the
claim itself, use a rebuttal (`-`).

Example:

    [thesis] Furr argues that the letters were genuine.
      ~ [forged] Letters can be forged.

Fix:

    [thesis] Furr argues that the letters were genuine.
      + [receipts] The archive holds receipts for the letters.
        source: Getty 1986, fn 30
      ~ [forged] Receipts can be forged as easily as letters.
        - [seals] Furr replies that the receipts bear registry seals.
          source: essay, line 2150
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ..rule import Finding

NAME = "undercut-without-support"
CODE = "A205"
SEVERITY = Severity.ERROR
OPTIONS: dict = {}


def check(context, options):
    for relation in context.own_relations():
        if relation.type is RelationType.UNDERCUT and relation.conclusion is None:
            yield Finding.at_relation(
                relation, f"undercut {context.label(relation.source)} has no support to "
                f"attack: nothing above it supports {context.label(relation.target)}",
                "put the '~' line right after the '+' line whose inference it attacks, "
                "or use '-' to rebut the claim itself")
