"""What the gates of a compiled map stand for (parts) and which wires feed
each one (inputs): what the explanations follow back from a gate to its causes.

Evaluating only needs the circuit; the parts and inputs are read when a status
is explained. On a big map, making a record per node and per wire up front was
a third of the evaluation, so both are kept in a cheap form and each record
is made when it is read."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from ..model import Relation


class Role(StrEnum):
    NODE = "node"
    INFERENCE = "inference"  # from a support group to its conclusion
    GROUP = "group"  # a support group standing: premises and inference
    SUPPORTED = "supported"  # some support group of a claim standing
    CHALLENGE = "challenge"  # an objection standing with no answering support


# Named tuples rather than frozen dataclasses: a big map makes hundreds of
# thousands of them, and a tuple is several times quicker to create.
class Part(NamedTuple):
    """What a gate stands for. `node` is the node itself or the claim the part
    belongs to; `relations` are a group's supports, or the one objection."""

    role: Role
    node: str
    relations: tuple[Relation, ...] = ()


class Input(NamedTuple):
    gate: int
    negated: bool
    relation: Relation | None = None


class GateParts:
    """Per gate, its Part, read as `parts[gate]`. A node's gate keeps only the
    node id, and its Part is made when read."""

    __slots__ = ("_parts",)

    def __init__(self) -> None:
        self._parts: list[Part | str] = []  # a str is the id of a node's gate

    def __len__(self) -> int:
        return len(self._parts)

    def __getitem__(self, gate: int) -> Part:
        part = self._parts[gate]
        return Part(Role.NODE, part) if isinstance(part, str) else part

    def __setitem__(self, gate: int, part: Part) -> None:
        self._parts[gate] = part

    def append(self, part: Part) -> None:
        self._parts.append(part)

    def add_nodes(self, node_ids: list[str]) -> None:
        self._parts += node_ids


class GateInputs:
    """Per gate, the wires into it in the order they were connected, read as
    `inputs[gate]`. The wires are logged as connected, and sorted by gate
    when first read."""

    __slots__ = ("_log", "_by_gate")

    def __init__(self) -> None:
        self._log: list[tuple[int, int, bool, Relation | None]] = []  # source, target, ...
        self._by_gate: dict[int, list[Input]] | None = None

    def __getitem__(self, gate: int) -> list[Input]:
        if self._by_gate is None:
            self._by_gate = _by_target(self._log)
        return self._by_gate.get(gate, [])

    def add(self, source: int, target: int, negated: bool,
            relation: Relation | None = None) -> None:
        self._log.append((source, target, negated, relation))
        self._by_gate = None

    def add_attacks(self, attacks: list[tuple[int, int, Relation]]) -> None:
        """Negated wires: (attacker gate, attacked gate, relation)."""
        self._log += [(source, target, True, relation) for source, target, relation in attacks]
        self._by_gate = None


def _by_target(log: list[tuple[int, int, bool, Relation | None]]) -> dict[int, list[Input]]:
    found: dict[int, list[Input]] = {}
    for source, target, negated, relation in log:
        found.setdefault(target, []).append(Input(source, negated, relation))
    return found
