"""Whether an attack has been answered.

An attack counts as answered when something attacks it in turn with a full
answer, and that answer stands. An answer stands when every full attack on it
is answered in turn. That is the grounded labelling over the full attacks:
computed once per map with a work queue, linear in the map and without
recursion. A partial answer or a concession that stands does not answer the
attack, but it is reported more mildly, saying what was conceded."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from ..model import Relation, Strength


class Outcome(StrEnum):
    ANSWERED = "answered"
    PARTIAL = "partial"
    CONCEDED = "conceded"
    ANSWER_FAILS = "answer-fails"  # answered, but every answer is itself beaten
    UNANSWERED = "unanswered"


class Verdict(NamedTuple):
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
        answers = self.attacks_on.get(node_id)
        if answers is None:  # the most common verdict on a big map, made once
            return _UNANSWERED
        standing = [a for a in answers if a.source not in self.beaten]
        # The first standing answer of the strongest kind decides: a full
        # answer, then a partial one, then a concession.
        for strength, outcome in _OUTCOMES:
            for answer in standing:
                if answer.strength is strength:
                    return Verdict(outcome, answer)
        if answers:
            return Verdict(Outcome.ANSWER_FAILS, answers[0], self._beater(answers[0].source))
        return _UNANSWERED

    def _beater(self, node_id: str) -> Relation | None:
        attacks = [a for a in self.attacks_on.get(node_id, []) if _is_full(a)]
        return next((a for a in attacks if self.stands(a.source)), attacks[0] if attacks else None)


_UNANSWERED = Verdict(Outcome.UNANSWERED)
_OUTCOMES = ((None, Outcome.ANSWERED), (Strength.FULL, Outcome.ANSWERED),
             (Strength.PARTIAL, Outcome.PARTIAL), (Strength.CONCEDED, Outcome.CONCEDED))


def _is_full(relation: Relation) -> bool:
    return relation.strength is None or relation.strength is Strength.FULL


def _beaten_nodes(attacks_on: dict[str, list[Relation]]) -> set[str]:
    """Nodes that are OUT or UNDECIDED in the grounded labelling of full attacks."""
    attacked_by: dict[str, int] = {}  # distinct full attackers per node
    targets: dict[str, list[str]] = {}  # what each attacker attacks
    attacked = targets.get
    for target, relations in attacks_on.items():
        if len(relations) == 1:  # most often: no set needed to count them once
            attackers = (relations[0].source,) if _is_full(relations[0]) else ()
        else:
            attackers = {r.source for r in relations if _is_full(r)}
        if not attackers:
            continue
        attacked_by[target] = len(attackers)
        for attacker in attackers:
            # A list made with its first item costs less than a defaultdict's.
            listed = attacked(attacker)
            if listed is None:
                targets[attacker] = [target]
            else:
                listed.append(target)
    # Unattacked attackers stand; the queue grows while it is walked, with each
    # attacked node that comes to stand because all its attackers are out.
    queue = [node for node in targets if node not in attacked_by]
    came_to_stand: set[str] = set()
    out: set[str] = set()
    for node in queue:
        for target in targets.get(node, ()):
            if target in out:
                continue
            out.add(target)
            # A beaten node no longer counts against the nodes it attacks.
            for next_target in targets.get(target, ()):
                attacked_by[next_target] -= 1
                if attacked_by[next_target] == 0 and next_target not in out:
                    queue.append(next_target)
                    came_to_stand.add(next_target)
    return attacked_by.keys() - came_to_stand
