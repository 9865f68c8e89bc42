"""Lint findings, as the diagram shows them.

The lint decides what is wrong (argmap.lint.lint_map, with the project's
configuration, so that ignored rules and suppressed findings leave no mark);
this module only maps its rule names to the two marks a reader needs to see."""

from __future__ import annotations

from ..model import Map
from .styles import UNANSWERED, UNSUPPORTED

MARK_OF_RULE = {
    "unsupported-claim": UNSUPPORTED,
    "unanswered-objection": UNANSWERED,
    "unanswered-rebuttal": UNANSWERED,
    "unanswered-undercut": UNANSWERED,
}
BADGES = {UNSUPPORTED: "UNSUPPORTED", UNANSWERED: "UNANSWERED"}
MARK_ORDER = (UNSUPPORTED, UNANSWERED)


def lint_marks(argmap: Map, config=None) -> dict[str, tuple[str, ...]]:
    """Node id -> its marks, in MARK_ORDER. `config` is the ConfigFile that
    applies to the map, or None for the default rules."""
    from ..lint import lint_map

    found: dict[str, set[str]] = {}
    for diagnostic in lint_map(argmap, config):
        mark = MARK_OF_RULE.get(diagnostic.rule or "")
        if mark and diagnostic.node in argmap.index:
            found.setdefault(diagnostic.node, set()).add(mark)
    return {node: tuple(m for m in MARK_ORDER if m in marks) for node, marks in found.items()}

