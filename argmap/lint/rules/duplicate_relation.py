"""The same relation between the same two nodes is written twice.

A repeated support or attack adds nothing to the argument, but it makes the
diagram and the counts look stronger than the text is. A linked premise and
an independent support of the same claim are different relations, and so are
undercuts of different inferences.

Example:

    [thesis] Furr argues that Trotsky lied.
      + [denials] Trotsky denied letters that the archive holds.
        source: Getty 1986
      + @denials

Fix:

    [thesis] Furr argues that Trotsky lied.
      + [denials] Trotsky denied letters that the archive holds.
        source: Getty 1986
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import RelationType
from ..rule import Finding

NAME = "duplicate-relation"
CODE = "A104"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}


def check(context, options):
    first_seen: dict[tuple, object] = {}
    for relation in _candidates(context):
        key = _key(relation)
        first = first_seen.setdefault(key, relation)
        if first is relation or relation.path not in context.own_files:
            continue
        verb = "supports" if relation.type is RelationType.SUPPORT else "attacks"
        yield Finding.at_relation(
            relation, f"{context.label(relation.source)} already {verb} "
            f"{context.label(relation.target)} ({relation.type.value}, line {first.span.line})",
            "remove one of the two lines")


def _candidates(context):
    """The relations that can have a twin, each group in file order: those of a
    source with more than one relation, and every contradiction (its twin may be
    written from the other end). A big map has few, so most keys go unbuilt."""
    contradiction, relations = RelationType.CONTRADICTION, context.map.relations
    for indexes in context.relations_out:  # by the number of each source
        if indexes is not None and len(indexes) > 1:
            yield from (relations[i] for i in indexes if relations[i].type is not contradiction)
    yield from (r for r in relations if r.type is contradiction)


def _key(relation) -> tuple:
    ends = (relation.source, relation.target)
    if relation.type is RelationType.CONTRADICTION:
        ends = tuple(sorted(ends))  # symmetric: a >< b is b >< a
    return (relation.type, *ends, relation.group, relation.conclusion)
