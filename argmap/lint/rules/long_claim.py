"""A node's text is longer than the configured limit.

A node should hold one claim. A long text usually packs several claims, with
their reasons, into one box: the map then cannot show which part is attacked
or supported, and the diagram grows hard to read. Split it, or raise
`max-length` for maps of long quotations.

Example:

    [thesis] Furr argues that Trotsky conspired with Germany and Japan, that the
        defendants of the Moscow trials confessed because they were guilty, that
        their secret appeals repeat the confessions, that the Getty receipts show
        that Trotsky lied about his letters, and that the archives opened after
        1991 confirm all of it.

Fix:

    [thesis] Furr argues that Trotsky conspired with Germany and Japan.
      + [guilty] The defendants confessed because they were guilty.
        + [appeals] Their secret appeals repeat the confessions.
          source: fn 37
"""

from __future__ import annotations

from ...diagnostics import Severity
from ..rule import Finding, Option

NAME = "long-claim"
CODE = "A303"
SEVERITY = Severity.INFO
OPTIONS = {
    "max-length": Option(300, "the longest text, in characters, that a node may have"),
}


def check(context, options):
    limit = options["max-length"]
    for node in context.own_nodes():
        if len(node.text) > limit:
            yield Finding.at_node(
                node, f"{context.label(node.id)} is {len(node.text)} characters long "
                f"(the limit is {limit})",
                "split it into a claim and its reasons, each on its own line")
