"""A stated objection to a pro-side claim is not answered.

An objection (`?`) is an attack that the text itself voices. The author owes
it an answer: a rebuttal (`-`) under it that stands. An answer that is itself
attacked, and left unanswered, does not count. A partial answer
(`answer: partial`) or a concession (`answer: conceded`) is reported one
severity level lower, naming what was conceded.

Example:

    [thesis] Furr argues that the confessions were true.
      + [appeals] The defendants' secret appeals repeat their confessions.
        source: fn 37
      ? [torture] Critics say the confessions were obtained by torture.

Fix:

    [thesis] Furr argues that the confessions were true.
      + [appeals] The defendants' secret appeals repeat their confessions.
        source: fn 37
      ? [torture] Critics say the confessions were obtained by torture.
        - [no-trace] Furr replies that the files show no trace of torture.
          source: essay, lines 810-840
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ..unanswered import open_attacks, unanswered

NAME = "unanswered-objection"
CODE = "A201"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}


def check(context, options):
    targets = context.numbering.targets
    for index, verdict in open_attacks(context, {RelationType.OBJECTION}):
        yield unanswered(context, index, verdict, "objection", "to",
                         context.label_at(targets[index]))
