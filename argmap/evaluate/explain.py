"""Why a node has its status, one step at a time.

Each step names the nodes it rests on, so that a caller can follow the chain
(the text report does, to a few levels). The steps follow the
propagation's causes, which were always decided earlier, so a chain of IN and
OUT reasons never goes round in a circle; an undecided chain ends in a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sides import Side, compute_sides
from .circuit import FALSE, TRUE, UNFOUNDED, UNKNOWN
from .gates import Input, Role
from .phrases import WEAK_ANSWER, by, cycle_phrase, name, names, unique, weak_answers


@dataclass(frozen=True, slots=True)
class Reason:
    summary: str
    nodes: tuple[str, ...] = ()  # the nodes the summary rests on, to explain next


class Explainer:
    def __init__(self, evaluation):
        self.evaluation = evaluation
        self.wiring = evaluation.wiring
        self.values = evaluation.solution.values
        self.causes = evaluation.solution.causes
        self.weak_answers = weak_answers(evaluation.map.relations)
        self._sides = None
        self._cycles: dict[str, tuple[list[str], int]] | None = None
        self._needs_support = evaluation.needs_support

    def reason(self, node_id: str) -> Reason:
        gate = self.wiring.node_gate[node_id]
        value = self.values[gate]
        if value == TRUE:
            found = self._stands(node_id, gate)
        elif value == FALSE:
            found = self._falls(gate)
        else:
            found = self._undecided(gate)
        return self._note_weak_answers(node_id, found)

    # ---- in ---------------------------------------------------------------

    def _stands(self, node_id: str, gate: int) -> Reason:
        parts, nodes = [], []
        attacks = [i for i in self.wiring.inputs[gate] if i.negated]
        failed = []
        for attack in attacks:
            answered = self._answered_by_support(attack)
            if answered is None:
                # The wire's own source: a contradiction is one relation, two attacks.
                failed.append((attack.relation, self._attacker(attack)))
                continue
            parts.append(f"the objection {name(attack.relation.source)} is answered by the "
                         f"support {self._group_phrase(answered)}, which stands")
            nodes += self._premises(answered)
        if failed:
            parts.insert(0, "every attacker is out: " + ", ".join(by(*f) for f in failed))
            nodes = [attacker for _, attacker in failed] + nodes
        elif not attacks:
            parts.append("nothing attacks it")
        supported = [i for i in self.wiring.inputs[gate] if not i.negated]
        if supported:
            group = self.causes[supported[0].gate]
            undercuts = self._undercutters(group)
            parts.append("it stands on " + self._group_phrase(group) + (
                f" (the undercut by {names(undercuts)} fails)" if undercuts else ""))
            nodes += self._premises(group) + undercuts
        elif self.evaluation.semantics == "support" and node_id not in self._needs_support:
            parts.append("it needs no support: " + self._why_no_support(node_id))
        return Reason("; ".join(parts), unique(nodes))

    def _attacker(self, attack: Input) -> str:
        part = self.wiring.parts[attack.gate]
        return part.relations[0].source if part.role is Role.CHALLENGE else part.node

    def _answered_by_support(self, attack: Input) -> int | None:
        """The standing support group that answers an objection, if that is
        why the objection does not defeat the node."""
        if self.wiring.parts[attack.gate].role is not Role.CHALLENGE:
            return None
        # The group that decided the challenge, not just any group standing
        # now: a reason must rest on what was decided before it.
        cause = self.causes[attack.gate]
        if cause < 0 or self.wiring.parts[cause].role is not Role.GROUP:
            return None
        return cause

    # ---- out --------------------------------------------------------------

    def _falls(self, gate: int) -> Reason:
        cause = self.causes[gate]
        if cause == UNFOUNDED:
            return self._circular(gate)
        part = self.wiring.parts[cause]
        via = next(i for i in self.wiring.inputs[gate] if i.gate == cause)
        if part.role is Role.NODE:
            return Reason(f"defeated by {by(via.relation, part.node)}, which is in",
                          (part.node,))
        if part.role is Role.CHALLENGE:
            objection = part.relations[0].source
            return Reason(f"defeated by {name(objection)} (objection), which is in, and no "
                          "support written below the objection stands", (objection,))
        return self._unsupported(cause)

    def _unsupported(self, supported: int) -> Reason:
        groups = [i.gate for i in self.wiring.inputs[supported]]
        if not groups:
            return Reason("it needs support and has none (no source, not an assumption)")
        failures, nodes = [], []
        for group in groups:
            text, rests_on = self._group_fails(group)
            failures.append(text)
            nodes += rests_on
        return Reason("it needs support and no support stands: " + "; ".join(failures),
                      unique(nodes))

    def _group_fails(self, group: int) -> tuple[str, list[str]]:
        cause = self.causes[group]
        if cause == UNFOUNDED:
            return (f"the support from {self._group_phrase(group)} is circular",
                    self._premises(group))
        part = self.wiring.parts[cause]
        if part.role is Role.NODE:
            return f"its premise {name(part.node)} is out", [part.node]
        undercut = self.causes[cause]
        attacker = self.wiring.parts[undercut].node
        return (f"the inference from {self._group_phrase(group)} is undercut by "
                f"{name(attacker)}, which is in", [attacker])

    def _circular(self, gate: int) -> Reason:
        supported = [i.gate for i in self.wiring.inputs[gate] if not i.negated]
        premises = [p for s in supported for g in self.wiring.inputs[s]
                    for p in self._premises(g.gate)]
        return Reason("it needs support, and every chain of support under it runs in a "
                      "circle" +
                      (f" ({names(unique(premises))})" if premises else ""), unique(premises))

    # ---- undecided --------------------------------------------------------

    def _undecided(self, gate: int) -> Reason:
        for attack in self.wiring.inputs[gate]:
            if self.values[attack.gate] != UNKNOWN:
                continue
            part = self.wiring.parts[attack.gate]
            if part.role is Role.NODE:
                cycle = self._cycle(self.wiring.parts[gate].node)
                if cycle:
                    # Every member of the cycle has the same reason: no need to expand it.
                    return Reason(cycle_phrase(cycle))
                return Reason(f"{by(attack.relation, part.node)} is undecided", (part.node,))
            if part.role is Role.CHALLENGE:
                objection = part.relations[0].source
                return Reason(f"{name(objection)} (objection) and the supports written below "
                              "it are undecided", (objection,))
            nodes = [p for g in self.wiring.inputs[attack.gate] for p in self._premises(g.gate)
                     if self.evaluation.status[p] == "undecided"]
            return Reason("whether its support stands is undecided" +
                          (f": it rests on {names(nodes)}" if nodes else ""), unique(nodes))
        return Reason("undecided")

    def _cycle(self, start: str) -> list[str]:
        """The cycle of first undecided attackers through `start`, if there is one."""
        if self._cycles is None:
            self._cycles = self._find_cycles()
        found = self._cycles.get(start)
        if found is None:
            return []
        cycle, index = found
        return cycle[index:] + cycle[:index]

    def _find_cycles(self) -> dict[str, tuple[list[str], int]]:
        """Each undecided node points at its first undecided attacker; the
        cycles of these pointers, found for all nodes at once in linear time
        (a path is followed only until it meets a node already visited)."""
        cycles: dict[str, tuple[list[str], int]] = {}
        visited: set[str] = set()
        for node_id, status in self.evaluation.status.items():
            path: dict[str, int] = {}
            node = node_id if status == "undecided" else None
            while node is not None and node not in visited:
                visited.add(node)
                path[node] = len(path)
                node = self._undecided_attacker(node)
            if node is not None and node in path:
                cycle = list(path)[path[node]:]
                for index, member in enumerate(cycle):
                    cycles[member] = (cycle, index)
        return cycles

    def _undecided_attacker(self, node_id: str) -> str | None:
        for attack in self.wiring.inputs[self.wiring.node_gate[node_id]]:
            part = self.wiring.parts[attack.gate]
            if attack.negated and part.role is Role.NODE and self.values[attack.gate] == UNKNOWN:
                return part.node
        return None

    # ---- shared -----------------------------------------------------------

    def _undercutters(self, group: int) -> list[str]:
        inferences = [i.gate for i in self.wiring.inputs[group]
                      if self.wiring.parts[i.gate].role is Role.INFERENCE]
        return [self.wiring.parts[i.gate].node for g in inferences
                for i in self.wiring.inputs[g]]

    def _premises(self, group: int) -> list[str]:
        part = self.wiring.parts[group]
        return [relation.source for relation in part.relations]

    def _group_phrase(self, group: int) -> str:
        premises = self._premises(group)
        linked = " (linked)" if len(premises) > 1 else ""
        return names(premises) + linked

    def _why_no_support(self, node_id: str) -> str:
        node = self.evaluation.map.index[node_id]
        if node.is_evidence:
            return "it is evidence (it has a source)"
        if node.is_assumption:
            return "it is an assumption"
        if self._sides is None:
            self._sides = compute_sides(self.evaluation.map)
        if self._sides.get(node_id) is Side.CON:
            return "it argues against the author's side, and stands until answered"
        own = set(self.evaluation.map.files) or {self.evaluation.map.path}
        if node.path not in own:
            return "it comes from another map, where it is judged"
        if self._sides.get(node_id) is None:
            return "no thesis of the map leads to it"
        return "it only concedes a point"

    def _note_weak_answers(self, node_id: str, found: Reason) -> Reason:
        notes = [f"{name(r.source)} {WEAK_ANSWER[r.strength]} (answer: {r.strength.value})"
                 for r in self.weak_answers.get(node_id, ())]
        if not notes:
            return found
        summary = found.summary.replace("nothing attacks it", "nothing attacks it in full", 1)
        return Reason(f"{summary}; {', '.join(notes)}, which is not an attack", found.nodes)
