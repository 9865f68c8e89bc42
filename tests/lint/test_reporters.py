"""The four report formats, checked against their schemas and by example."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from argmap.diagnostics import Diagnostic, Severity
from argmap.lint.registry import RULES
from argmap.reporters import FORMATS, Report, write_report

HERE = Path(__file__).parent
FINDINGS_SCHEMA = json.loads((HERE / "findings.schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((HERE / "sarif-github.schema.json").read_text(encoding="utf-8"))

DIAGNOSTICS = [
    Diagnostic("maps/a b.argmap", 3, 1, "E209", "unclosed '['", Severity.ERROR,
               "write [id] with a closing bracket", 3, 8, "parse-error"),
    Diagnostic("maps/b.argmap", 4, 3, "A101", "pro-side claim 'x' has no support",
               Severity.WARNING, "add a reason", 4, 20, "unsupported-claim", "x"),
    Diagnostic("maps/b.argmap", 9, 5, "A201", "100% conceded, by 'y':\nsee below",
               Severity.INFO, None, 10, 2, "unanswered-objection", "o"),
]
LINES = {("maps/b.argmap", 4): "  + [x] The claim, with words.\n"}


def report(**changes) -> Report:
    values = {"diagnostics": DIAGNOSTICS, "files": 2, "suppressed": 1,
              "line_of": lambda path, line: LINES.get((path, line))}
    return Report(**{**values, **changes})


def validate(instance, schema):
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(instance)


def test_every_format_is_registered():
    assert FORMATS == ("text", "json", "sarif", "github")
    for fmt in FORMATS:
        assert write_report(fmt, report()).endswith("\n")


def test_json_is_a_list_of_findings_with_the_listed_keys():
    findings = json.loads(write_report("json", report()))
    validate(findings, FINDINGS_SCHEMA)
    assert findings[1] == {
        "path": "maps/b.argmap", "line": 4, "column": 3, "end_line": 4, "end_column": 20,
        "code": "A101", "rule": "unsupported-claim", "severity": "warning",
        "message": "pro-side claim 'x' has no support", "node": "x", "hint": "add a reason"}
    assert findings[0]["node"] is None


def test_an_empty_report_is_valid_json_and_sarif():
    assert json.loads(write_report("json", report(diagnostics=[]))) == []
    validate(json.loads(write_report("sarif", report(diagnostics=[]))), SARIF_SCHEMA)


def test_sarif_lists_every_rule_with_help_and_locates_every_result():
    sarif = json.loads(write_report("sarif", report()))
    validate(sarif, SARIF_SCHEMA)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert set(ids) >= {rule.code for rule in RULES.values() if not rule.fixed}
    assert "E209" in ids  # the E-codes that the run reported get an entry too
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    unsupported = rules[ids.index("A101")]
    assert unsupported["name"] == "unsupported-claim"
    assert "Breaks the rule:" in unsupported["help"]["text"]
    assert "```argmap" in unsupported["help"]["markdown"]
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "maps/a%20b.argmap"},
        "region": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 8}}
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert [r["ruleId"] for r in run["results"]] == ["E209", "A101", "A201"]
    assert run["results"][1]["properties"] == {"node": "x"}


def test_github_annotations_escape_what_the_runner_decodes():
    lines = write_report("github", report()).splitlines()
    assert lines[1] == ("::warning file=maps/b.argmap,line=4,col=3,endLine=4,endColumn=20,"
                        "title=A101 unsupported-claim::pro-side claim 'x' has no support"
                        "%0Ahint: add a reason")
    assert lines[2].startswith("::notice file=maps/b.argmap,line=9,")
    assert lines[2].endswith("::100%25 conceded, by 'y':%0Asee below")
    assert len(lines) == 3


def test_github_properties_escape_commas_and_colons():
    odd = Diagnostic("C:/maps/a,b.argmap", 1, 1, "A402", "no title", Severity.INFO)
    line = write_report("github", report(diagnostics=[odd]))
    assert line.startswith("::notice file=C%3A/maps/a%2Cb.argmap,line=1,")


def test_text_shows_the_line_a_caret_the_hint_and_a_summary():
    text = write_report("text", report()).splitlines()
    assert text[0] == "maps/a b.argmap:3:1: E209 [parse-error] unclosed '['"
    assert text[2:6] == [
        "maps/b.argmap:4:3: A101 [unsupported-claim] pro-side claim 'x' has no support",
        "    + [x] The claim, with words.",
        "    ^~~~~~~~~~~~~~~~~ warning",
        "  hint: add a reason"]
    assert text[-1] == "2 files linted: 1 error, 1 warning, 1 info (1 suppressed)"
    assert "\033[" not in "\n".join(text)


def test_text_is_coloured_on_request_and_says_when_all_is_clean():
    coloured = write_report("text", report(color=True))
    assert "\033[33mA101 [unsupported-claim]\033[0m" in coloured
    clean = write_report("text", report(diagnostics=[], files=1, suppressed=0))
    assert clean == "1 file linted: no problems\n"


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_reports_keep_the_order_they_are_given(fmt):
    # The runner sorts by path, line and column; reporters must not reorder.
    out = write_report(fmt, report())
    positions = [out.index(code) for code in ("E209", "A101", "A201")]
    assert positions == sorted(positions)
