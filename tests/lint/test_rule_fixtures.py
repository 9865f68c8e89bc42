"""Each rule against its fixture: tests/lint/fixtures/rules/RULE.argmap holds
cases that break the rule and cases that must not, RULE.expected the findings
(`line:col severity code message`; `*` for the message of an E-coded error,
whose wording belongs to the parser). A `// lint-select: ...` comment chooses
the rules to run; by default only the rule itself runs."""

from __future__ import annotations

from itertools import zip_longest

import pytest

from argmap.lint.registry import RULES
from argmap.lint.run import lint_paths

from .helpers import FIXTURES, brief

RULE_FIXTURES = FIXTURES / "rules"
NAMES = sorted(path.stem for path in RULE_FIXTURES.glob("*.argmap"))


def test_every_rule_has_a_fixture():
    assert set(NAMES) == set(RULES)


@pytest.mark.parametrize("name", NAMES)
def test_rule_fixture(name):
    path = RULE_FIXTURES / f"{name}.argmap"
    expected = (RULE_FIXTURES / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    run = lint_paths([str(path)], select=_selected(path) or [name])
    found = [brief(d) for d in run.diagnostics]
    assert [_mask(f, e) for f, e in zip_longest(found, expected, fillvalue="")] == expected


def test_fixture_findings_name_their_rule():
    path = RULE_FIXTURES / "unsupported-claim.argmap"
    run = lint_paths([str(path)], select=["unsupported-claim"])
    assert {d.rule for d in run.diagnostics} == {"unsupported-claim"}
    assert [d.node for d in run.diagnostics] == ["reason", "reply", "second"]


def _selected(path) -> list[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("// lint-select:"):
            return [name.strip() for name in line.split(":", 1)[1].split(",")]
    return []


def _mask(found: str, expected: str) -> str:
    """Keep the parser's own wording out of these tests: `*` matches any message."""
    if expected.endswith(" *") and found.split(" ", 3)[:3] == expected.split(" ", 3)[:3]:
        return expected
    return found
