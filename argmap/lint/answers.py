"""Whether an attack has been answered.

An attack counts as answered when something attacks it in turn with a full
answer, and that answer stands. An answer stands when every full attack on it
is answered in turn. That is the grounded labelling over the full attacks:
computed once per map with a work queue, linear in the map and without
recursion. A partial answer or a concession that stands does not answer the
attack, but it is reported more mildly, saying what was conceded."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from ..model import Relation, Strength


class Outcome(StrEnum):
    ANSWERED = "answered"
    PARTIAL = "partial"
    CONCEDED = "conceded"
    ANSWER_FAILS = "answer-fails"  # answered, but every answer is itself beaten
    UNANSWERED = "unanswered"


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    # The answer that decided the outcome, and for ANSWER_FAILS what beats it.
    answer: Relation | None = None
    beaten_by: Relation | None = None


class AnswerAnalysis:
    def __init__(self, context):
        self.attacks_on: dict[str, list[Relation]] = context.attacks_on
        self.beaten: set[str] = _beaten_nodes(self.attacks_on)

    def stands(self, node_id: str) -> bool:
        """True unless a full attack that stands beats the node; a node caught
        in an unresolved cycle of attacks does not stand either."""
        return node_id not in self.beaten

    def verdict(self, node_id: str) -> Verdict:
        answers = self.attacks_on.get(node_id, [])
        standing = [a for a in answers if self.stands(a.source)]
        for strength in (None, Strength.FULL):
            found = next((a for a in standing if a.strength is strength), None)
            if found is not None:
                return Verdict(Outcome.ANSWERED, found)
        for strength, outcome in ((Strength.PARTIAL, Outcome.PARTIAL),
                                  (Strength.CONCEDED, Outcome.CONCEDED)):
            found = next((a for a in standing if a.strength is strength), None)
            if found is not None:
                return Verdict(outcome, found)
        if answers:
            return Verdict(Outcome.ANSWER_FAILS, answers[0], self._beater(answers[0].source))
        return Verdict(Outcome.UNANSWERED)

    def _beater(self, node_id: str) -> Relation | None:
        attacks = [a for a in self.attacks_on.get(node_id, []) if _is_full(a)]
        return next((a for a in attacks if self.stands(a.source)), attacks[0] if attacks else None)


def _is_full(relation: Relation) -> bool:
    return relation.strength in (None, Strength.FULL)


def _beaten_nodes(attacks_on: dict[str, list[Relation]]) -> set[str]:
    """Nodes that are OUT or UNDECIDED in the grounded labelling of full attacks."""
    attackers: dict[str, set[str]] = {}
    targets: dict[str, set[str]] = {}
    for target, relations in attacks_on.items():
        for relation in relations:
            if _is_full(relation):
                attackers.setdefault(target, set()).add(relation.source)
                targets.setdefault(relation.source, set()).add(target)
    involved = set(attackers) | set(targets)
    remaining = {node: len(attackers.get(node, ())) for node in involved}
    queue = deque(node for node, count in remaining.items() if count == 0)
    standing: set[str] = set()
    out: set[str] = set()
    while queue:
        node = queue.popleft()
        standing.add(node)
        for target in targets.get(node, ()):
            if target in out:
                continue
            out.add(target)
            # A beaten node no longer counts against the nodes it attacks.
            for next_target in targets.get(target, ()):
                remaining[next_target] -= 1
                if remaining[next_target] == 0 and next_target not in out:
                    queue.append(next_target)
    return involved - standing
