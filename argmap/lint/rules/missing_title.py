"""The map has no title.

The title heads the diagram and names the map in reports and exports. Give
it in the front matter.

Example:

    [thesis] Furr argues that the trials were fair.
      kind: assumption

Fix:

    ---
    title: The Moscow trials as Furr argues them
    ---
    [thesis] Furr argues that the trials were fair.
      kind: assumption
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import Span
from ..rule import Finding

NAME = "missing-title"
CODE = "A402"
SEVERITY = Severity.INFO
OPTIONS: dict = {}


def check(context, options):
    if not str(context.map.meta.get("title") or "").strip():
        yield Finding("the map has no title", context.map.path, Span(1, 1, 1, 2), None,
                      "add front matter at the top: ---, then 'title: ...', then ---")
