"""A rebuttal of a pro-side claim is not answered.

A rebuttal (`-`) or a contradiction (`><`) aimed at a claim on the author's
side stands until something answers it in turn. As with objections, an answer
that is itself attacked and left unanswered does not count, and a partial
answer or a concession is reported one severity level lower. A contradiction
counts in the direction it is written: the `><` line under a claim attacks it.

Example:

    [thesis] Furr argues that Trotsky met German officials in 1930s Norway.
      + [visit] A witness saw Trotsky with Hess.
        source: trial transcript, p. 12
      - [no-flight] No plane landed in Oslo that winter.
        source: airport records

Fix:

    [thesis] Furr argues that Trotsky met German officials in 1930s Norway.
      + [visit] A witness saw Trotsky with Hess.
        source: trial transcript, p. 12
      - [no-flight] No plane landed in Oslo that winter.
        source: airport records
        - [other-field] Furr replies that the witness named another airfield.
          source: essay, lines 1210-1222
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ..unanswered import open_attacks, unanswered

NAME = "unanswered-rebuttal"
CODE = "A202"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}

_WHAT = {RelationType.REBUTTAL: "rebuttal", RelationType.CONTRADICTION: "contradiction"}


def check(context, options):
    relations, targets = context.map.relations, context.numbering.targets
    for index, verdict in open_attacks(context, set(_WHAT)):
        yield unanswered(context, index, verdict, _WHAT[relations[index].type], "of",
                         context.label_at(targets[index]))
