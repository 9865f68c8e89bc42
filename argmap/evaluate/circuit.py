"""Three-valued propagation over a circuit of ALL and ANY gates.

Both semantics compile to such a circuit: an argument is IN when ALL of its
attackers are OUT, a claim that needs support has ANY of its support groups
standing, and so on. A gate's value is TRUE, FALSE or unknown, starting from
"everything unknown". For attack graphs the least fixed point is exactly the
grounded labelling (what stays unknown is undecided). With supports (plain
wires), a claim could hold only through a circle of supports; the
well-founded semantics sets such gates FALSE, so solve() alternates
propagation with a search for them until nothing changes.

Each wire is looked at once per propagation, when its source gets a value,
and each gate keeps a counter of the inputs that have not yet given it the
value it waits for, so one propagation is linear in gates plus wires. The
queue is a plain list that grows as it is walked: no recursion, so chains of
any depth work.
"""

from __future__ import annotations

from dataclasses import dataclass

FALSE, TRUE, UNKNOWN = 0, 1, -1
ALL, ANY = 0, 1
NO_CAUSE = -1  # the gate was decided by all of its inputs together
UNFOUNDED = -2  # the gate could only hold through a circle of plain wires


class Circuit:
    """Gates are numbered from 0. A wire may be negated: it then carries the
    opposite of its source's value (an attack carries "not IN")."""

    __slots__ = ("deciding", "pending", "outputs", "has_plain_wires")

    def __init__(self) -> None:
        # Per gate: the input value that decides it at once: FALSE for ALL, TRUE for ANY.
        self.deciding: list[int] = []
        self.pending: list[int] = []  # per gate: its number of input wires
        # Per gate: target * 2 + negated. A gate's list is made with its first
        # wire (until then the shared empty tuple): an empty list per gate and
        # its first append cost a big map more than the wiring itself.
        self.outputs: list[list[int] | tuple[()]] = []
        self.has_plain_wires = False

    def __len__(self) -> int:
        return len(self.deciding)

    def add_gate(self, kind: int) -> int:
        self.deciding.append(FALSE if kind == ALL else TRUE)
        self.pending.append(0)
        self.outputs.append(())
        return len(self.deciding) - 1

    def add_gates(self, kind: int, count: int) -> range:
        start = len(self.deciding)
        self.deciding.extend([FALSE if kind == ALL else TRUE] * count)
        self.pending.extend([0] * count)
        self.outputs += [()] * count
        return range(start, start + count)

    def wire_all(self, pairs, negated: bool) -> None:
        """Many wires at once, (source, target) pairs: the same as wire(), in
        a loop kept tight because large frameworks have many attacks."""
        outputs, pending, flag = self.outputs, self.pending, int(negated)
        for source, target in pairs:
            wires = outputs[source]
            if wires:
                wires.append(target * 2 + flag)
            else:
                outputs[source] = [target * 2 + flag]
            pending[target] += 1
        self.has_plain_wires |= not negated and bool(pairs)

    def wire(self, source: int, target: int, negated: bool = False) -> None:
        self.wire_all([(source, target)], negated)


@dataclass(frozen=True, slots=True)
class Solution:
    values: list[int]  # per gate: TRUE, FALSE or UNKNOWN
    # Per gate: the input gate whose value decided it on its own; NO_CAUSE when
    # all inputs together decided it (or it stayed unknown); UNFOUNDED when it
    # could only hold through a circle of plain wires. A cause was always
    # decided earlier, so following causes never goes round in a circle.
    causes: list[int]


def solve(circuit: Circuit) -> Solution:
    """The well-founded value of every gate: propagate, then set FALSE what
    could only hold through a circle of plain wires (a claim that supports
    itself), and propagate again, until nothing changes. With only negated
    wires (an attack graph) nothing can be circular: one propagation does."""
    solver = _Solver(circuit)
    solver.propagate(solver.start())
    while circuit.has_plain_wires:
        unfounded = solver.unfounded()
        if not unfounded:
            break
        for gate in unfounded:
            solver.values[gate] = FALSE
            solver.causes[gate] = UNFOUNDED
        solver.propagate(unfounded)
    return Solution(solver.values, solver.causes)


class _Solver:
    def __init__(self, circuit: Circuit):
        self.circuit = circuit
        self.pending = list(circuit.pending)
        self.values = [UNKNOWN] * len(circuit)
        self.causes = [NO_CAUSE] * len(circuit)

    def start(self) -> list[int]:
        # A gate without inputs holds: an empty ALL is TRUE, an empty ANY is FALSE.
        deciding, pending, values = self.circuit.deciding, self.pending, self.values
        queue = [gate for gate in range(len(deciding)) if pending[gate] == 0]
        for gate in queue:
            values[gate] = 1 - deciding[gate]
        return queue

    def propagate(self, queue: list[int]) -> None:
        deciding, outputs = self.circuit.deciding, self.circuit.outputs
        pending, values, causes = self.pending, self.values, self.causes
        for source in queue:  # the list grows while it is walked
            value = values[source]
            for code in outputs[source]:
                target = code >> 1
                if values[target] != UNKNOWN:
                    continue
                carried = value ^ (code & 1)
                if carried == deciding[target]:
                    values[target] = carried
                    causes[target] = source
                    queue.append(target)
                else:
                    pending[target] -= 1
                    if pending[target] == 0:
                        values[target] = carried
                        queue.append(target)

    def unfounded(self) -> list[int]:
        """Unknown gates that could not hold even if every unknown attack
        failed: what is left outside the least set of gates that can hold,
        where a negated wire from a source that is not TRUE carries TRUE, and
        a plain wire from an unknown source only once that source can hold.
        (The alternating fixpoint of the well-founded semantics.) Linear."""
        deciding, outputs, values = self.circuit.deciding, self.circuit.outputs, self.values
        open_inputs = [0] * len(values)  # plain wires from unknown sources
        freed = [False] * len(values)  # has an input that carries TRUE already
        for source, targets in enumerate(outputs):
            value = values[source]
            for code in targets:
                if code & 1:
                    freed[code >> 1] |= value != TRUE
                elif value == UNKNOWN:
                    open_inputs[code >> 1] += 1
        queue = [gate for gate, value in enumerate(values) if value == UNKNOWN and (
            freed[gate] if deciding[gate] == TRUE else open_inputs[gate] == 0)]
        can_hold = [False] * len(values)
        for gate in queue:
            can_hold[gate] = True
        for source in queue:
            for code in outputs[source]:
                target = code >> 1
                if code & 1 or can_hold[target] or values[target] != UNKNOWN:
                    continue
                open_inputs[target] -= 1
                if deciding[target] == TRUE or open_inputs[target] == 0:
                    can_hold[target] = True
                    queue.append(target)
        return [gate for gate, value in enumerate(values)
                if value == UNKNOWN and not can_hold[gate]]
