"""The one table of lint rules, in the order that docs/rules.md lists them."""

from __future__ import annotations

from .rule import Rule
from .rules import (
    circular_support,
    duplicate_relation,
    duplicate_text,
    empty_section,
    invalid_suppression,
    long_claim,
    misplaced_answer,
    missing_title,
    node_on_both_sides,
    parse_error,
    quote_without_source,
    resolve_error,
    self_relation,
    unanswered_objection,
    unanswered_rebuttal,
    unanswered_undercut,
    undercut_without_support,
    unsupported_claim,
    unused_suppression,
)

_MODULES = (
    unsupported_claim,
    circular_support,
    self_relation,
    duplicate_relation,
    unanswered_objection,
    unanswered_rebuttal,
    unanswered_undercut,
    node_on_both_sides,
    undercut_without_support,
    misplaced_answer,
    quote_without_source,
    duplicate_text,
    long_claim,
    empty_section,
    missing_title,
    unused_suppression,
    invalid_suppression,
    parse_error,
    resolve_error,
)

RULES: dict[str, Rule] = {rule.name: rule for rule in map(Rule.from_module, _MODULES)}
PARSE_ERROR = RULES[parse_error.NAME]
RESOLVE_ERROR = RULES[resolve_error.NAME]
UNUSED_SUPPRESSION = RULES[unused_suppression.NAME]
INVALID_SUPPRESSION = RULES[invalid_suppression.NAME]


def rule_for_error(code: str) -> Rule:
    """The rule under which `argmap check`'s E-coded errors are reported."""
    return RESOLVE_ERROR if code.startswith("E3") else PARSE_ERROR


def find_rule(name_or_code: str) -> Rule | None:
    """A rule by its name or its code."""
    if name_or_code in RULES:
        return RULES[name_or_code]
    return next((r for r in RULES.values() if r.code == name_or_code.upper()), None)
