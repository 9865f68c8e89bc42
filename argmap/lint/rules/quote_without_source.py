"""A node quotes a text but does not say where the quote comes from.

A verbatim quote is only as good as its citation: a reader must be able to
check it. Give the source with `source:`.

Example:

    [confession] Radek confessed in court.
      quote: "I admit my guilt in full."

Fix:

    [confession] Radek confessed in court.
      quote: "I admit my guilt in full."
      source: Report of Court Proceedings, 1937, p. 549
"""

from __future__ import annotations

from ...diagnostics import Severity
from ..rule import Finding

NAME = "quote-without-source"
CODE = "A301"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}


def check(context, options):
    for node in context.own_nodes():
        if node.quote is not None and node.source is None:
            yield Finding.at_node(
                node, f"{context.label(node.id)} has a quote but no source",
                "add 'source:' with where the quote can be found (work, page or lines)")
