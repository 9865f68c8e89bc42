"""The grounded labelling of an abstract argumentation framework.

An argument is IN when all of its attackers are OUT, OUT when some attacker is
IN, and UNDECIDED otherwise, taking the least such labelling (Dung 1995;
Caminada 2006). It runs on the circuit engine: one ALL gate per argument, one
negated wire per attack, so the time is linear in arguments plus attacks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .circuit import ALL, FALSE, TRUE, UNKNOWN, Circuit, solve

IN, OUT, UNDECIDED = "in", "out", "undecided"
STATUSES = (IN, OUT, UNDECIDED)


# The status of each value a solved gate can have (a Solution holds no other).
STATUS_BY_VALUE = {TRUE: IN, FALSE: OUT, UNKNOWN: UNDECIDED}


def status_of(value: int) -> str:
    return STATUS_BY_VALUE[value]


def grounded_labelling(arguments: Sequence[str],
                       attacks: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each argument to "in", "out" or "undecided". Every attack must name
    two of `arguments`; a KeyError names the first one that does not."""
    number = {argument: index for index, argument in enumerate(arguments)}
    circuit = Circuit()
    circuit.add_gates(ALL, len(number))
    circuit.wire_all([(number[attacker], number[target]) for attacker, target in attacks],
                     negated=True)
    values = solve(circuit).values
    by_value = STATUS_BY_VALUE
    return {argument: by_value[values[index]] for argument, index in number.items()}
