"""An undercut of a pro-side support is not answered.

An undercut (`~`) grants the reason but denies that it supports the claim.
Left unanswered, it cuts the support off, however well the reason itself is
backed. An undercut with no support to attack is reported by
`undercut-without-support` instead.

Example:

    [thesis] Furr argues that Stalin believed the charges.
      + [private] Stalin repeated the charges in private letters.
        source: fn 52
      ~ [for-show] Private letters were also written for the record.

Fix:

    [thesis] Furr argues that Stalin believed the charges.
      + [private] Stalin repeated the charges in private letters.
        source: fn 52
      ~ [for-show] Private letters were also written for the record.
        - [diary] Furr replies that Stalin wrote the same in notes never meant to be kept.
          source: essay, lines 1500-1512
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ..context import is_inference_undercut
from ..unanswered import open_attacks, unanswered

NAME = "unanswered-undercut"
CODE = "A203"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}


def check(context, options):
    relations, numbering = context.map.relations, context.numbering
    for index, verdict in open_attacks(context, {RelationType.UNDERCUT}):
        if not is_inference_undercut(relations[index]):
            continue
        support = (f"the support {context.label_at(numbering.targets[index])} → "
                   f"{context.label_at(numbering.conclusions[index])}")
        yield unanswered(context, index, verdict, "undercut", "of", support)
