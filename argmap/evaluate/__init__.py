"""Which claims stand: the grounded and the support-aware semantics (docs/semantics.md).

    from argmap.evaluate import evaluate
    evaluation = evaluate(argmap, semantics="grounded")
    evaluation.status["thesis"]  # "in", "out" or "undecided"
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Map
from .circuit import Solution, solve
from .compile import GROUNDED, SEMANTICS, SUPPORT, Role, Wiring, compile_map
from .grounded import IN, OUT, STATUS_BY_VALUE, STATUSES, UNDECIDED, grounded_labelling, status_of

__all__ = ["GROUNDED", "IN", "OUT", "SEMANTICS", "STATUSES", "SUPPORT", "UNDECIDED",
           "Evaluation", "evaluate", "grounded_labelling"]


@dataclass(frozen=True)
class Evaluation:
    semantics: str
    map: Map
    # Every node id of the map, in the map's order: "in", "out" or "undecided".
    status: dict[str, str]
    # The inferences that undercuts attack, keyed by (conclusion, group): a
    # group is a linked group's name, or the premise of a single support.
    inferences: dict[tuple[str, str], str]
    # The claims that need support (support semantics only; empty otherwise).
    needs_support: frozenset[str]
    wiring: Wiring = field(repr=False)
    solution: Solution = field(repr=False)

    def gate_status(self, gate: int) -> str:
        return status_of(self.solution.values[gate])


def evaluate(argmap: Map, semantics: str = GROUNDED) -> Evaluation:
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}: choose one of {', '.join(SEMANTICS)}")
    wiring = compile_map(argmap, semantics)
    solution = solve(wiring.circuit)
    # The table rather than status_of(): a call fewer for each node of a big map.
    values, names = solution.values, STATUS_BY_VALUE
    status = {node_id: names[values[gate]] for node_id, gate in wiring.node_gate.items()}
    inferences = {key: names[values[gate]] for key, gate in wiring.inference_gate.items()
                  if wiring.parts[gate].role is Role.INFERENCE}
    return Evaluation(semantics, argmap, status, inferences, frozenset(wiring.needs_support),
                      wiring, solution)
