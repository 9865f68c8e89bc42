"""Inline suppressions: `// argmap: ignore RULE` silences RULE for the node (or
relation line) right below the comment, and `// argmap: ignore-file RULE` for
the whole file. Rules are named by name or code, several separated by commas;
text after ` -- ` is the reason, for people. A suppression that names an
unknown rule is reported, and so is one that suppresses nothing."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from ..model import Map, Span
from ..suggest import did_you_mean
from .registry import INVALID_SUPPRESSION, RULES, UNUSED_SUPPRESSION, find_rule
from .rule import Finding, Rule

DIRECTIVE = "argmap:"
VERBS = ("ignore", "ignore-file")
META_RULES = {INVALID_SUPPRESSION.name, UNUSED_SUPPRESSION.name}


class Suppression:
    def __init__(self, path: str, span: Span, rules: tuple[str, ...], whole_file: bool):
        self.path, self.span, self.rules, self.whole_file = path, span, rules, whole_file
        # For `ignore`: the line below, and the nodes defined on it.
        self.target_line: int | None = None
        self.target_nodes: frozenset[str] = frozenset()
        self.used: set[str] = set()  # the rules it did silence


def read_suppressions(argmap: Map) -> tuple[list[Suppression], list[tuple[Rule, Finding]]]:
    """The map's suppression comments, and the problems found in them."""
    targets = None  # built only for a map that has suppressions
    found, problems = [], []
    for comment in argmap.comments:
        if not comment.text.startswith(DIRECTIVE):
            continue
        span = Span(comment.line, comment.column, comment.line,
                    comment.column + len(comment.text) + 3)
        suppression = _parse(comment.text[len(DIRECTIVE):], comment.path, span, problems)
        if suppression is None:
            continue
        if not suppression.whole_file:
            targets = targets or _Targets(argmap)
            line = targets.line_after(comment.path, comment.line)
            suppression.target_line = line
            suppression.target_nodes = targets.nodes_at(comment.path, line)
        found.append(suppression)
    return found, problems


def apply(diagnostics: list, suppressions: list[Suppression]) -> tuple[list, int]:
    """The diagnostics that no suppression covers, and how many were covered."""
    if not suppressions:
        return diagnostics, 0
    index = _Index(suppressions)
    kept, covered = [], 0
    for diagnostic in diagnostics:
        matching = index.covering(diagnostic)
        for suppression in matching:
            suppression.used.add(diagnostic.rule)
        if matching:
            covered += 1
        else:
            kept.append(diagnostic)
    return kept, covered


def unused(suppressions: list[Suppression], runs) -> list[tuple[Rule, Finding]]:
    """Suppressions of running rules that covered nothing. Suppressions of the
    suppression rules themselves are never reported, to keep this finite."""
    problems = []
    for suppression in suppressions:
        for name in suppression.rules:
            if name in suppression.used or name in META_RULES or not runs(RULES[name]):
                continue
            where = "in this file" if suppression.whole_file else "on the line below"
            problems.append((UNUSED_SUPPRESSION, Finding(
                f"the suppression of '{name}' suppresses nothing: there is no {name} "
                f"finding {where}", suppression.path, suppression.span, None,
                "remove it, so that it cannot hide a later problem")))
    return problems


def _parse(body: str, path: str, span: Span, problems) -> Suppression | None:
    def invalid(message, hint=None):
        problems.append((INVALID_SUPPRESSION, Finding(message, path, span, None, hint)))

    body = body.split(" -- ", 1)[0].strip()
    verb, _, rest = body.partition(" ")
    if verb not in VERBS:
        invalid(f"unknown suppression '{DIRECTIVE} {verb}'; valid: " + ", ".join(VERBS),
                did_you_mean(verb, VERBS) or
                "write '// argmap: ignore RULE' or '// argmap: ignore-file RULE'")
        return None
    names = []
    for word in (w for w in re.split(r"[,\s]+", rest) if w):
        rule = find_rule(word)
        if rule is None:
            invalid(f"the suppression names an unknown rule '{word}'",
                    did_you_mean(word, RULES) or "docs/rules.md lists the rules")
        elif rule.fixed:
            invalid(f"'{rule.name}' cannot be suppressed", "fix the error instead")
        else:
            names.append(rule.name)
    if not rest.strip():
        invalid(f"'{DIRECTIVE} {verb}' names no rule",
                f"name the rule to silence, e.g. '// argmap: {verb} unsupported-claim'")
    if not names:
        return None
    return Suppression(path, span, tuple(names), verb == "ignore-file")


class _Index:
    """Suppressions by what they cover: a file, a line or a node, each for one
    rule. A diagnostic looks up its few candidates instead of testing every
    suppression of its rule, which a file with a suppression on each node
    would make quadratic."""

    def __init__(self, suppressions: list[Suppression]):
        self.whole_file: defaultdict[tuple, list[Suppression]] = defaultdict(list)
        self.by_line: defaultdict[tuple, list[Suppression]] = defaultdict(list)
        self.by_node: defaultdict[tuple, list[Suppression]] = defaultdict(list)
        for suppression in suppressions:
            for name in suppression.rules:
                key = (suppression.path, name)
                if suppression.whole_file:
                    self.whole_file[key].append(suppression)
                    continue
                self.by_line[(*key, suppression.target_line)].append(suppression)
                for node in suppression.target_nodes:
                    self.by_node[(*key, node)].append(suppression)

    def covering(self, diagnostic) -> list[Suppression]:
        """The suppressions that cover the diagnostic (one may be listed twice,
        for its line and for its node)."""
        key = (diagnostic.path, diagnostic.rule)
        return [*self.whole_file.get(key, ()), *self.by_line.get((*key, diagnostic.line), ()),
                *self.by_node.get((*key, diagnostic.node), ())]


class _Targets:
    """The lines that hold something a suppression can be about: nodes,
    relation lines and headings."""

    def __init__(self, argmap: Map):
        self.lines: dict[str, list[int]] = {}
        self.defined: dict[tuple[str, int], set[str]] = {}
        for item in (*argmap.nodes, *argmap.relations, *argmap.sections):
            self.lines.setdefault(item.path, []).append(item.span.line)
        for lines in self.lines.values():
            lines.sort()
        for node in argmap.nodes:
            self.defined.setdefault((node.path, node.span.line), set()).add(node.id)

    def line_after(self, path: str, line: int) -> int | None:
        lines = self.lines.get(path, [])
        index = bisect_right(lines, line)
        return lines[index] if index < len(lines) else None

    def nodes_at(self, path: str, line: int | None) -> frozenset[str]:
        return frozenset(self.defined.get((path, line), ()))
