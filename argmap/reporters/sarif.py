"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it: the rules
with their help in tool.driver.rules, and one result per finding with a
physicalLocation region. Columns count code points, as argmap's do."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Diagnostic, Severity
from ..lint.docs import parse_doc
from ..lint.registry import RULES, rule_for_error
from ..lint.rule import Rule
from ..load import STDIN_NAME
from . import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def write(report: Report) -> str:
    descriptors, index = _rules(report.diagnostics)
    run = {
        "tool": {"driver": {"name": "argmap", "version": __version__,
                            "semanticVersion": __version__, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index[d.code]) for d in report.diagnostics],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2,
                      ensure_ascii=False) + "\n"


def _rules(diagnostics: list[Diagnostic]) -> tuple[list[dict], dict[str, int]]:
    """Every lint rule, plus one entry per E-code that the run reported: a
    result's ruleId must name an entry."""
    listed = [(rule.code, rule) for rule in RULES.values() if not rule.fixed]
    errors = sorted({d.code for d in diagnostics if d.code.startswith("E")})
    listed += [(code, rule_for_error(code)) for code in errors]
    descriptors = [_descriptor(code, rule) for code, rule in listed]
    return descriptors, {code: position for position, (code, _) in enumerate(listed)}


def _descriptor(code: str, rule: Rule) -> dict:
    doc = parse_doc(rule)
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.description or doc.summary},
        "help": {"text": doc.plain_text(), "markdown": doc.markdown()},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": ["argument-map"]},
    }


def _result(diagnostic: Diagnostic, rule_index: int) -> dict:
    end_line, end_column = diagnostic.end
    text = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
    region = {"startLine": diagnostic.line, "startColumn": diagnostic.column,
              "endLine": end_line, "endColumn": max(end_column, 1)}
    result = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
            "region": region}}],
    }
    if diagnostic.node:
        result["properties"] = {"node": diagnostic.node}
    return result


def artifact_uri(path: str) -> str:
    """Relative paths stay relative (GitHub resolves them against the
    repository root); absolute paths become file: URIs."""
    if path == STDIN_NAME:
        return "stdin"
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(Path(path).as_posix())
