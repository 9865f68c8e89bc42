"""How the reasons name nodes, attacks and cycles."""

from __future__ import annotations

from ..model import Relation, Strength

WEAK_ANSWER = {Strength.PARTIAL: "only partly answers it", Strength.CONCEDED: "concedes it"}


def name(node_id: str) -> str:
    return f"'{node_id}'"


def names(node_ids) -> str:
    listed = [name(n) for n in node_ids]
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def cycle_phrase(cycle: list[str]) -> str:
    if len(cycle) == 1:
        return "it attacks itself"
    if len(cycle) == 2:
        return (f"{names(cycle)} attack each other, and nothing outside the pair decides "
                "between them")
    links = [f"{name(cycle[0])} is attacked by {name(cycle[1])}"]
    following = zip(cycle[1:], cycle[2:] + cycle[:1], strict=True)
    links += [f"{name(a)} by {name(b)}" for a, b in following]
    return "it is caught in a cycle of attacks that nothing outside breaks: " + ", ".join(links)


def by(relation: Relation, attacker: str | None = None) -> str:
    """An attack as the reasons name it: its source and its kind."""
    return f"{name(attacker or relation.source)} ({relation.type.value})"


def weak_answers(relations) -> dict[str, list[Relation]]:
    found: dict[str, list[Relation]] = {}
    for relation in relations:
        if relation.strength in WEAK_ANSWER:
            found.setdefault(relation.target, []).append(relation)
    return found


def unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))

