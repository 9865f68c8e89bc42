"""The support-aware semantics straight from its definition in
docs/semantics.md, written independently of argmap's circuit: each node's
condition is a formula, evaluated in three-valued logic by sweeping until
nothing changes, alternated with the unfounded-set step of the well-founded
semantics. Slow (quadratic or worse), and plainly right."""

from __future__ import annotations

from argmap.model import RelationType, Strength

WEAK = (Strength.PARTIAL, Strength.CONCEDED)


def _all(values):
    values = list(values)
    if False in values:
        return False
    return True if all(v is True for v in values) else None


def _any(values):
    values = list(values)
    if True in values:
        return True
    return False if all(v is False for v in values) else None


def _not(value):
    return None if value is None else not value


class SupportOracle:
    def __init__(self, argmap, needs_support):
        self.ids = [node.id for node in argmap.nodes]
        self.needs = needs_support
        self.attacks = {n: [] for n in self.ids}  # node -> attackers
        self.objections = {n: [] for n in self.ids}  # node -> objection relations
        self.groups = {}  # (conclusion, group) -> [relations]
        self.undercuts = {}  # (conclusion, group) -> [attackers]
        for r in argmap.relations:
            if r.type is RelationType.SUPPORT:
                self.groups.setdefault((r.target, r.group or r.source), []).append(r)
            elif r.strength in WEAK:
                continue
            elif r.type is RelationType.OBJECTION:
                self.objections[r.target].append(r)
            elif r.type is RelationType.UNDERCUT and r.conclusion is not None:
                key = (r.conclusion, r.group or r.target)
                self.undercuts.setdefault(key, []).append(r.source)
            else:
                self.attacks[r.target].append(r.source)
                if r.type is RelationType.CONTRADICTION:
                    self.attacks[r.source].append(r.target)

    def solve(self) -> dict[str, str]:
        value = dict.fromkeys(self.ids)
        while True:
            self._sweep(value)
            possible = self._possible(value)
            unfounded = [n for n in self.ids if value[n] is None and not possible[n]]
            if not unfounded:
                break
            for node in unfounded:
                value[node] = False
        return {n: {True: "in", False: "out", None: "undecided"}[v] for n, v in value.items()}

    def _condition(self, node, holds, negated, value, optimistic=False):
        """The node's formula; `holds(m)` gives a node's value, `negated(m)`
        the value of "m is not in". An objection's challenge is an atom of
        its own, used negated: so it is judged on the current values."""
        parts = [negated(a) for a in self.attacks[node]]
        for objection in self.objections[node]:
            answers = [k for k in self._groups_of(node) if self._answers(k, objection)]
            now = value.get
            challenge = _all([now(objection.source)] +
                             [_not(self._group(k, now, lambda m: _not(value[m])))
                              for k in answers])
            parts.append(challenge is not True if optimistic else _not(challenge))
        if node in self.needs:
            parts.append(_any(self._group(k, holds, negated) for k in self._groups_of(node)))
        return _all(parts)

    def _group(self, key, holds, negated):
        premises = [holds(r.source) for r in self.groups[key]]
        inference = _all(negated(u) for u in self.undercuts.get(key, ()))
        return _all(premises + [inference])

    def _groups_of(self, node):
        return [key for key in self.groups if key[0] == node]

    def _answers(self, key, objection):
        first = min(self.groups[key], key=lambda r: (r.span.line, r.span.column))
        return first.path == objection.path and first.span.line > objection.span.line

    def _sweep(self, value):
        changed = True
        while changed:
            changed = False
            for node in self.ids:
                if value[node] is None:
                    found = self._condition(node, value.get, lambda m: _not(value[m]), value)
                    if found is not None:
                        value[node], changed = found, True

    def _possible(self, value):
        """Least set of nodes that can hold when every "not in" is as true as
        the current values allow."""
        possible = {n: value[n] is True for n in self.ids}
        changed = True
        while changed:
            changed = False
            for node in self.ids:
                if value[node] is None and not possible[node]:
                    found = self._condition(node, lambda m: possible[m],
                                            lambda m: value[m] is not True, value, True)
                    if found:
                        possible[node], changed = True, True
        return possible
