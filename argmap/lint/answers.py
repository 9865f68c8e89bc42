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
    # The answer that decided the outcome, and for ANSWER_FAILS what beats it:
    # relation indexes in map.relations.
    answer: int | None = None
    beaten_by: int | None = None


class AnswerAnalysis:
    """Works by node number, as the context's indexes do (context.py)."""

    def __init__(self, context):
        self.relations = context.map.relations
        self.sources = context.numbering.sources
        self.attacks_into: list[list[int] | None] = context.attacks_into
        self.beaten: bytearray = _beaten_nodes(self.attacks_into, self.sources, self.relations)

    def stands(self, number: int) -> bool:
        """True unless a full attack that stands beats the node; a node caught
        in an unresolved cycle of attacks does not stand either."""
        return not self.beaten[number]

    def verdict(self, number: int) -> Verdict:
        answers = self.attacks_into[number]
        if answers is None:  # the most common verdict on a big map, made once
            return _UNANSWERED
        relations, sources, beaten = self.relations, self.sources, self.beaten
        standing = [index for index in answers if not beaten[sources[index]]]
        # The first standing answer of the strongest kind decides: a full
        # answer, then a partial one, then a concession.
        for strength, outcome in _OUTCOMES:
            for answer in standing:
                if relations[answer].strength is strength:
                    return Verdict(outcome, answer)
        first = answers[0]
        return Verdict(Outcome.ANSWER_FAILS, first, self._beater(sources[first]))

    def _beater(self, number: int) -> int | None:
        attacks = [index for index in self.attacks_into[number] or () if
                   _is_full(self.relations[index])]
        return next((index for index in attacks if self.stands(self.sources[index])),
                    attacks[0] if attacks else None)


_UNANSWERED = Verdict(Outcome.UNANSWERED)
_OUTCOMES = ((None, Outcome.ANSWERED), (Strength.FULL, Outcome.ANSWERED),
             (Strength.PARTIAL, Outcome.PARTIAL), (Strength.CONCEDED, Outcome.CONCEDED))


def _is_full(relation: Relation) -> bool:
    return relation.strength is None or relation.strength is Strength.FULL


def _beaten_nodes(attacks_into: list[list[int] | None], sources: list[int],
                  relations) -> bytearray:
    """By node number: 1 for the nodes that are OUT or UNDECIDED in the
    grounded labelling of full attacks."""
    count = len(attacks_into)
    attacked_by = [0] * count  # distinct full attackers per node
    targets: list[list[int] | None] = [None] * count  # what each attacker attacks
    attackers_in_order: list[int] = []
    for target, indexes in enumerate(attacks_into):
        if indexes is None:
            continue
        if len(indexes) == 1:  # most often: no set needed to count them once
            index = indexes[0]
            attackers = (sources[index],) if _is_full(relations[index]) else ()
        else:
            attackers = {sources[i] for i in indexes if _is_full(relations[i])}
        if not attackers:
            continue
        attacked_by[target] = len(attackers)
        for attacker in attackers:
            # A list made with its first item costs less than an empty one.
            listed = targets[attacker]
            if listed is None:
                targets[attacker] = [target]
                attackers_in_order.append(attacker)
            else:
                listed.append(target)
    # Unattacked attackers stand; the queue grows while it is walked, with each
    # attacked node that comes to stand because all its attackers are out.
    queue = [node for node in attackers_in_order if not attacked_by[node]]
    beaten = bytearray(count)
    for number, attackers in enumerate(attacked_by):
        if attackers:
            beaten[number] = 1
    out = bytearray(count)
    for node in queue:
        for target in targets[node] or ():
            if out[target]:
                continue
            out[target] = 1
            # A beaten node no longer counts against the nodes it attacks.
            for next_target in targets[target] or ():
                attacked_by[next_target] -= 1
                if attacked_by[next_target] == 0 and not out[next_target]:
                    queue.append(next_target)
                    beaten[next_target] = 0  # it came to stand
    return beaten
