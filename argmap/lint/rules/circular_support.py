"""A claim supports itself through a chain of other claims.

Circular support begs the question: every claim in the circle rests, in the
end, on itself. The finding shows the circle, and sits on the support line
that starts it.

Example:

    [a] Trotsky's letters were genuine.
      + [b] The letters match his known handwriting.
        + @a

Fix:

    [a] Trotsky's letters were genuine.
      + [b] The letters match his known handwriting.
        + [expert] A handwriting expert compared them with his diaries.
          source: report of 1937, p. 4
"""

from __future__ import annotations

from collections import deque

from ...diagnostics import Severity
from ...model import RelationType
from ..graph import strongly_connected
from ..rule import Finding

NAME = "circular-support"
CODE = "A102"
SEVERITY = Severity.ERROR
OPTIONS: dict = {}
SHOWN = 8  # nodes of a long circle shown in the message


def check(context, options):
    successors: dict[str, list] = {}
    for relation in _supports_on_circles(context):
        successors.setdefault(relation.source, []).append(relation)
    order: dict[str, int] = {}
    for component in strongly_connected(successors):
        if len(component) < 2:
            continue
        order = order or {node.id: index for index, node in enumerate(context.map.nodes)}
        start = min(component, key=lambda n: order.get(n, len(order)))
        cycle = _cycle(start, set(component), successors)
        if cycle[0].path not in context.own_files:
            continue
        names = [context.label(r.source) for r in cycle] + [context.label(start)]
        yield Finding.at_relation(
            cycle[0], "circular support: " + _shorten(names) + " (each supports the next)",
            "break the circle: at least one of these claims needs a reason or a source "
            "that does not lead back to it")


def _supports_on_circles(context) -> list:
    """The relations that a circle of supports can pass through, in map order:
    Kahn's algorithm drops the nodes that nothing supports, again and again,
    with the supports that leave them. On a map without circles none is left,
    which this learns much faster than the strongly connected components. It
    works by node number (context.py)."""
    relations, numbering = context.map.relations, context.numbering
    sources, targets = numbering.sources, numbering.targets
    support = RelationType.SUPPORT
    # The supports that can be on a circle: not those of a node to itself.
    supports = [index for index, relation in enumerate(relations)
                if relation.type is support and sources[index] != targets[index]]
    incoming = [0] * len(numbering.ids)
    for index in supports:
        incoming[targets[index]] += 1
    dropped = [number for number in dict.fromkeys(sources[index] for index in supports)
               if not incoming[number]]
    gone = bytearray(len(numbering.ids))
    out_of = context.relations_out
    for number in dropped:  # grows while it is walked
        gone[number] = 1
        for index in out_of[number] or ():
            if relations[index].type is support and sources[index] != targets[index]:
                target = targets[index]
                incoming[target] -= 1
                if incoming[target] == 0:
                    dropped.append(target)
    if not any(incoming):  # every support was dropped: no circle
        return []
    return [relations[index] for index in supports if not gone[sources[index]]]


def _cycle(start: str, members: set[str], successors) -> list:
    """The support relations of a shortest circle through `start`."""
    came_by: dict[str, object] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for relation in successors.get(node, ()):
            target = relation.target
            if target not in members or target in came_by:
                continue
            came_by[target] = relation
            if target == start:
                return _unwind(start, came_by)
            queue.append(target)
    raise AssertionError("a strongly connected component always has a circle")


def _unwind(start: str, came_by) -> list:
    path = [came_by[start]]
    while path[-1].source != start:
        path.append(came_by[path[-1].source])
    path.reverse()
    return path


def _shorten(names: list[str]) -> str:
    if len(names) > SHOWN:
        hidden = len(names) - SHOWN
        names = [*names[:SHOWN // 2], f"… {hidden} more …", *names[-SHOWN // 2:]]
    return " → ".join(names)
