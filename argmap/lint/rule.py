"""What a lint rule is, and what it reports.

A rule is one module under argmap/lint/rules/ with NAME, CODE, SEVERITY,
OPTIONS, a module docstring (its documentation, with an example that breaks
the rule and the fix) and `check(context, options)`, which yields Findings.
The engine turns Findings into Diagnostics with the configured severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType
from typing import NamedTuple

from ..diagnostics import Severity
from ..model import Node, Relation, Span

# Records here are NamedTuples, not dataclasses: a dataclass costs about a
# millisecond to define at every start-up, and a frozen one is slow to create,
# while a big map yields tens of thousands of findings.


class Option(NamedTuple):
    default: object
    description: str


class Finding(NamedTuple):
    message: str
    path: str
    span: Span
    node: str | None = None
    hint: str | None = None
    # A partial answer or a concession: reported one severity level lower.
    milder: bool = False

    @classmethod
    def at_node(cls, node: Node, message: str, hint: str | None = None) -> Finding:
        return cls(message, node.path, node.span, node.id, hint)

    @classmethod
    def at_relation(cls, relation: Relation, message: str, hint: str | None = None,
                    milder: bool = False) -> Finding:
        return cls(message, relation.path, relation.span, relation.source, hint, milder)


Check = Callable[[object, dict], Iterable[Finding]]


class Rule(NamedTuple):
    name: str
    code: str
    severity: Severity
    doc: str
    options: dict[str, Option]
    # None for the rules that the engine reports itself (parse and resolve
    # errors, suppression problems): they are documented and configured like
    # the others but have no check of their own.
    check: Check | None = None
    # Parse and resolve errors cannot be turned off or made milder.
    fixed: bool = False

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(module.NAME, module.CODE, module.SEVERITY, module.__doc__ or "",
                   dict(getattr(module, "OPTIONS", {})), getattr(module, "check", None),
                   getattr(module, "FIXED", False))

    @property
    def summary(self) -> str:
        return self.doc.strip().split("\n", 1)[0]

    def default_options(self) -> dict:
        return {name: option.default for name, option in self.options.items()}


def milder(severity: Severity) -> Severity:
    return {Severity.ERROR: Severity.WARNING}.get(severity, Severity.INFO)
