"""Running the rules over one resolved map: findings to diagnostics, with the
configured severities, then inline suppressions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..config import ConfigFile
from ..diagnostics import Diagnostic
from ..model import Map, record_maker
from . import suppression
from .context import LintContext
from .registry import RULES
from .rule import Finding, Rule, milder
from .settings import LintSettings, lint_settings

# The getter itself (an itemgetter): sorting many diagnostics, a lambda around
# the property would add a Python call per item.
BY_PLACE = Diagnostic.sort_key.fget
# A diagnostic per finding, made from all its fields (model.record_maker).
_new_diagnostic = record_maker(Diagnostic)


class MapFindings(NamedTuple):
    diagnostics: list[Diagnostic]
    suppressed: int


def lint_map(argmap: Map, config: LintSettings | ConfigFile | None = None) -> list[Diagnostic]:
    """Lint findings for a resolved map, sorted by path, line and column. Each
    carries its rule name in `.rule` and, where there is one, the node id in
    `.node`. `config` is LintSettings, a loaded ConfigFile, or None for the
    defaults."""
    return find_problems(argmap, _settings(config)).diagnostics


def find_problems(argmap: Map, settings: LintSettings) -> MapFindings:
    context = LintContext(argmap)
    found, own_files = [], context.own_files
    for rule in RULES.values():
        if rule.check is None or not settings.runs(rule):
            continue
        findings = rule.check(context, settings.options_for(rule))
        found += to_diagnostics(rule, findings, settings, own_files)
    suppressions, problems = suppression.read_suppressions(argmap)
    kept, covered = suppression.apply(found, suppressions)
    problems += suppression.unused(suppressions, settings.runs)
    meta = [to_diagnostic(rule, finding, settings) for rule, finding in problems
            if settings.runs(rule)]
    meta_kept, meta_covered = suppression.apply(meta, suppressions)
    diagnostics = kept + meta_kept
    diagnostics.sort(key=BY_PLACE)
    return MapFindings(diagnostics, covered + meta_covered)


def to_diagnostic(rule: Rule, finding: Finding, settings: LintSettings) -> Diagnostic:
    return to_diagnostics(rule, [finding], settings)[0]


def to_diagnostics(rule: Rule, findings: Iterable[Finding], settings: LintSettings,
                   files: frozenset[str] | None = None) -> list[Diagnostic]:
    """The findings as diagnostics; only those in `files`, if given (filtered
    here rather than by a generator around the rule's: tens of thousands)."""
    severity = settings.severity(rule)
    severities = (severity, milder(severity))
    code, name = rule.code, rule.name
    return [_new_diagnostic((path, span.line, span.column, code, message, severities[is_milder],
                            hint, span.end_line, span.end_column, name, node))
            for message, path, span, node, hint, is_milder in findings
            if files is None or path in files]


def _settings(config) -> LintSettings:
    if isinstance(config, LintSettings):
        return config
    return lint_settings(config)
