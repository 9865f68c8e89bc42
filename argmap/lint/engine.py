"""Running the rules over one resolved map: findings to diagnostics, with the
configured severities, then inline suppressions."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import ConfigFile
from ..diagnostics import Diagnostic
from ..model import Map
from . import suppression
from .context import LintContext
from .registry import RULES
from .rule import Finding, Rule, milder
from .settings import LintSettings, lint_settings


@dataclass(frozen=True)
class MapFindings:
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
    found = []
    for rule in RULES.values():
        if rule.check is None or not settings.runs(rule):
            continue
        for finding in rule.check(context, settings.options_for(rule)):
            if finding.path in context.own_files:
                found.append(to_diagnostic(rule, finding, settings))
    suppressions, problems = suppression.read_suppressions(argmap)
    kept, covered = suppression.apply(found, suppressions)
    problems += suppression.unused(suppressions, settings.runs)
    meta = [to_diagnostic(rule, finding, settings) for rule, finding in problems
            if settings.runs(rule)]
    meta_kept, meta_covered = suppression.apply(meta, suppressions)
    diagnostics = sorted(kept + meta_kept, key=lambda d: d.sort_key)
    return MapFindings(diagnostics, covered + meta_covered)


def to_diagnostic(rule: Rule, finding: Finding, settings: LintSettings) -> Diagnostic:
    severity = settings.severity(rule)
    if finding.milder:
        severity = milder(severity)
    span = finding.span
    return Diagnostic(finding.path, span.line, span.column, rule.code, finding.message,
                      severity, finding.hint, span.end_line, span.end_column, rule.name,
                      finding.node)


def _settings(config) -> LintSettings:
    if isinstance(config, LintSettings):
        return config
    return lint_settings(config)
