"""Writing the map's attack framework in the ICCMA apx format, for solvers.

Each node is an argument; rebuttals and objections are attacks, and a
contradiction is an attack each way. An undercut attacks an argument of its
own, the inference it undercuts, named `premise=>conclusion` (a linked group
is named by its premises joined with `+`). Partial and conceded answers are
not attacks, and supports are not part of an abstract framework: both are
left out, so a solver's grounded extension of the output is exactly the set
of nodes that `argmap evaluate --semantics grounded` labels in.

A name that is not a plain atom (a lowercase letter, then letters, digits and
underscores; or a number without leading zeros) is written as a quoted string
with `\\` and `"` escaped, which argmap's apx import reads back unchanged.
"""

from __future__ import annotations

import re

from ..evaluate.compile import group_key
from ..model import Map, RelationType, Strength

_ATOM = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")


def export(argmap: Map) -> str:
    arguments = [node.id for node in argmap.nodes]
    attacks, inferences = _attacks(argmap, set(arguments))
    lines = [f"arg({quote(name)})." for name in arguments + list(inferences.values())]
    lines += [f"att({quote(attacker)},{quote(target)})." for attacker, target in attacks]
    return "".join(line + "\n" for line in lines)


def quote(name: str) -> str:
    if _ATOM.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _attacks(argmap: Map, taken: set[str]) -> tuple[list[tuple[str, str]], dict]:
    attacks: dict[tuple[str, str], None] = {}  # insertion-ordered and without repeats
    inferences: dict[tuple, str] = {}
    premises = _group_premises(argmap)
    for relation in argmap.relations:
        if relation.type is RelationType.SUPPORT or relation.strength in (
                Strength.PARTIAL, Strength.CONCEDED):
            continue
        if relation.type is RelationType.UNDERCUT and relation.conclusion is not None:
            key = group_key(relation)
            if key not in inferences:
                inferences[key] = _fresh(_inference_name(key, premises), taken)
            attacks[(relation.source, inferences[key])] = None
            continue
        attacks[(relation.source, relation.target)] = None
        if relation.type is RelationType.CONTRADICTION:
            attacks[(relation.target, relation.source)] = None
    return list(attacks), inferences


def _group_premises(argmap: Map) -> dict[tuple, list[str]]:
    found: dict[tuple, list[str]] = {}
    for relation in argmap.relations:
        if relation.type is RelationType.SUPPORT and relation.group is not None:
            found.setdefault((relation.target, relation.group), []).append(relation.source)
    return found


def _inference_name(key: tuple, premises: dict[tuple, list[str]]) -> str:
    conclusion, group = key
    return "+".join(premises.get(key, [group])) + "=>" + conclusion


def _fresh(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}#{number}", number + 1
    taken.add(candidate)
    return candidate
