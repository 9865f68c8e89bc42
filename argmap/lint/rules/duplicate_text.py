"""Two nodes have the same text.

When one statement appears twice, the map treats it as two claims: support
for one does not reach the other, and the diagram shows it twice. Define it
once and refer to it with `@id`. Case and spacing are ignored when comparing.

Example:

    [thesis] Furr argues that Trotsky lied.
      + [a] Trotsky denied writing the letters.
      - [b] Critics say the receipts prove nothing.
        - [c] Trotsky denied writing the letters.

Fix:

    [thesis] Furr argues that Trotsky lied.
      + [a] Trotsky denied writing the letters.
      - [b] Critics say the receipts prove nothing.
        - @a
"""

from __future__ import annotations

from ...diagnostics import Severity
from ..rule import Finding

NAME = "duplicate-text"
CODE = "A302"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}


def check(context, options):
    first_seen: dict[str, object] = {}
    for node in context.own_nodes():
        key = " ".join(node.text.casefold().split())
        if not key:
            continue
        first = first_seen.setdefault(key, node)
        if first is node:
            continue
        hint = (f"if it is the same statement, refer to it with @{first.id}"
                if first.explicit_id else
                "if it is the same statement, give the first an [id] and refer to it with @id")
        where = (f"line {first.span.line}" if first.path == node.path
                 else f"{first.path}:{first.span.line}")
        yield Finding.at_node(
            node, f"{context.label(node.id)} has the same text as {context.label(first.id)} "
            f"({where})", hint)
