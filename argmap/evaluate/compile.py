"""A map as a circuit (see circuit.py), for either semantics.

Every node is an ALL gate: it is IN when all of its inputs hold. An attack is a
negated wire from the attacker. An undercut attacks the inference of the
support group above it, which is a gate of its own: the inference holds when
every undercut of it is OUT. A partial or conceded answer is not an attack.

The support-aware semantics adds, for each claim that needs support, an ANY
gate over its support groups; a group is an ALL gate over its premises and its
inference. A stated objection (`?`) can also be answered by support: the
supports of the same claim written below the objection in the same file. The
objection then defeats the claim only while none of those groups stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Map, Relation, RelationType, Strength
from .circuit import ALL, ANY, Circuit
from .gates import GateInputs, GateParts, Part, Role
from .needs import needing_support

GROUNDED, SUPPORT = "grounded", "support"
SEMANTICS = (GROUNDED, SUPPORT)


@dataclass
class Wiring:
    circuit: Circuit = field(default_factory=Circuit)
    parts: GateParts = field(default_factory=GateParts)
    inputs: GateInputs = field(default_factory=GateInputs)
    node_gate: dict[str, int] = field(default_factory=dict)
    inference_gate: dict[tuple, int] = field(default_factory=dict)
    needs_support: set[str] = field(default_factory=set)

    def add(self, kind: int, part: Part) -> int:
        self.parts.append(part)
        return self.circuit.add_gate(kind)

    def add_nodes(self, node_ids: list[str]) -> range:
        """One ALL gate per node, in one step: the loop of add() calls cost
        more than the gates on a big map. Returns the gates, in order."""
        gates = self.circuit.add_gates(ALL, len(node_ids))
        self.parts.add_nodes(node_ids)
        # As assigning one by one would: a repeated id keeps its last gate.
        self.node_gate.update(zip(node_ids, gates, strict=True))
        return gates

    def connect(self, source: int, target: int, negated: bool, relation=None) -> None:
        self.circuit.wire(source, target, negated)
        self.inputs.add(source, target, negated, relation)

    def connect_attacks(self, attacks: list[tuple[int, int, Relation]]) -> None:
        """Negated wires (attacker gate, attacked gate, relation), in order: as
        connect() one by one, without three calls per attack of a big map."""
        self.circuit.wire_all([(source, target) for source, target, _ in attacks], negated=True)
        self.inputs.add_attacks(attacks)


def group_key(relation: Relation) -> tuple:
    """The support group a support or an undercut belongs to: its conclusion
    plus the linked group, or the single premise when it is not linked."""
    if relation.type is RelationType.UNDERCUT:
        return relation.conclusion, relation.group or relation.target
    return relation.target, relation.group or relation.source


def compile_map(argmap: Map, semantics: str) -> Wiring:
    wiring = Wiring()
    # The attacks find their ends' gates by node number (numbering.py), not by
    # id: on a big map, a list indexed by number costs a fraction of a dict.
    numbering = argmap.numbering
    gate_of = _gates_by_number(wiring, argmap)
    sources, targets = numbering.sources, numbering.targets
    supports: list[Relation] = []
    objections: list[Relation] = []
    attacks: list[tuple[int, int, Relation]] = []
    support, objection, weak = RelationType.SUPPORT, RelationType.OBJECTION, _WEAK_ANSWERS
    objections_apart = semantics == SUPPORT
    for index, relation in enumerate(argmap.relations):
        kind = relation.type
        if kind is support:
            supports.append(relation)
        elif relation.strength in weak:
            continue  # an answer that the author says does not (fully) answer
        elif kind is objection and objections_apart:
            objections.append(relation)
        else:
            _attack(wiring, relation, attacks, gate_of[sources[index]], gate_of[targets[index]])
    # Before any support gate is wired, as if each attack were wired in turn.
    wiring.connect_attacks(attacks)
    if semantics == SUPPORT:
        groups = _support_groups(supports)
        _name_inferences(wiring, groups)
        _add_support(wiring, argmap, groups, objections)
    elif wiring.inference_gate:
        # Grounded needs the groups only to name the inferences that undercuts
        # attack; a map without undercuts skips grouping every support.
        _name_inferences(wiring, _support_groups(supports, wiring.inference_gate))
    return wiring


_WEAK_ANSWERS = (Strength.PARTIAL, Strength.CONCEDED)


def _support_groups(supports: list[Relation], only=None) -> dict[tuple, list[Relation]]:
    """The supports by group_key(), in map order; only the keys in `only`, if given."""
    groups: dict[tuple, list[Relation]] = {}
    for relation in supports:
        key = group_key(relation)
        if only is None or key in only:
            groups.setdefault(key, []).append(relation)
    return groups


def _name_inferences(wiring: Wiring, groups: dict[tuple, list[Relation]]) -> None:
    for key, supports in groups.items():
        _name_inference(wiring, key, supports)


def _gates_by_number(wiring: Wiring, argmap: Map) -> list[int | None]:
    """A gate per node of the map, and each node number's gate: as node_gate
    has it, the last node's gate for a repeated id."""
    numbering = argmap.numbering
    # The map's ids in node order, without visiting every node.
    gates = wiring.add_nodes(numbering.ids[:len(argmap.nodes)])
    gate_of: list[int | None] = [None] * len(numbering.ids)
    for gate, number in zip(gates, numbering.of_node, strict=True):
        gate_of[number] = gate
    return gate_of


def _attack(wiring: Wiring, relation: Relation, attacks: list, attacker: int,
            target: int) -> None:
    """Adds the wires of one attack to `attacks`, to be connected later; the
    gates of its source (`attacker`) and its target are given."""
    if relation.type is RelationType.UNDERCUT and relation.conclusion is not None:
        attacks.append((attacker, _inference(wiring, group_key(relation)), relation))
        return
    # An undercut with no support above it has no inference to attack; like
    # the lint (undercut-without-support), read it as attacking its parent.
    attacks.append((attacker, target, relation))
    if relation.type is RelationType.CONTRADICTION:
        attacks.append((target, attacker, relation))


def _inference(wiring: Wiring, key: tuple) -> int:
    gate = wiring.inference_gate.get(key)
    if gate is None:
        gate = wiring.add(ALL, Part(Role.INFERENCE, key[0]))
        wiring.inference_gate[key] = gate
    return gate


def _name_inference(wiring: Wiring, key: tuple, supports: list[Relation]) -> None:
    gate = wiring.inference_gate.get(key)
    if gate is not None:
        wiring.parts[gate] = Part(Role.INFERENCE, key[0], tuple(supports))


def _add_support(wiring: Wiring, argmap: Map, groups, objections) -> None:
    wiring.needs_support = needing_support(argmap)
    support = _SupportGates(wiring, groups)
    for node in argmap.nodes:
        if node.id in wiring.needs_support:
            support.require(node.id)
    for objection in objections:
        support.object(objection)


class _SupportGates:
    """The support-aware gates: one per support group (made when first
    needed), one per claim that needs support, one per objection that
    support written below it can answer."""

    def __init__(self, wiring: Wiring, groups: dict[tuple, list[Relation]]):
        self.wiring, self.groups = wiring, groups
        self.group_gates: dict[tuple, int] = {}
        self.keys_of: dict[str, list[tuple]] = {}
        for key in groups:
            self.keys_of.setdefault(key[0], []).append(key)

    def require(self, node_id: str) -> None:
        wiring = self.wiring
        supported = wiring.add(ANY, Part(Role.SUPPORTED, node_id))
        for key in self.keys_of.get(node_id, ()):
            wiring.connect(self.group(key), supported, False)
        wiring.connect(supported, wiring.node_gate[node_id], False)

    def object(self, objection: Relation) -> None:
        wiring = self.wiring
        answers = [key for key in self.keys_of.get(objection.target, ())
                   if _answers(self.groups[key], objection)]
        attacker = wiring.node_gate[objection.source]
        if answers:
            challenge = wiring.add(ALL, Part(Role.CHALLENGE, objection.target, (objection,)))
            wiring.connect(attacker, challenge, False, objection)
            for key in answers:
                wiring.connect(self.group(key), challenge, True)
            attacker = challenge
        wiring.connect(attacker, wiring.node_gate[objection.target], True, objection)

    def group(self, key: tuple) -> int:
        gate = self.group_gates.get(key)
        if gate is None:
            wiring, supports = self.wiring, self.groups[key]
            gate = wiring.add(ALL, Part(Role.GROUP, key[0], tuple(supports)))
            for support in supports:
                wiring.connect(wiring.node_gate[support.source], gate, False, support)
            if key in wiring.inference_gate:
                wiring.connect(wiring.inference_gate[key], gate, False)
            self.group_gates[key] = gate
        return gate


def _answers(supports: list[Relation], objection: Relation) -> bool:
    """A support group answers an objection when it is written below the
    objection, in the same file, under the same claim."""
    first = min(supports, key=lambda r: (r.span.line, r.span.column))
    return first.path == objection.path and first.span.line > objection.span.line
