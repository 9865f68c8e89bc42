"""Each rule's documentation is real: its example breaks the rule, its fix does
not, and docs/rules.md is what the docstrings generate."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.lint.docs import parse_doc, rules_markdown
from argmap.lint.registry import RULES

from .helpers import lint_snippet

ROOT = Path(__file__).resolve().parents[2]
CODES = [rule.code for rule in RULES.values()]


def test_names_and_codes_are_unique_and_well_formed():
    assert len(set(CODES)) == len(CODES)
    for name, rule in RULES.items():
        assert name == rule.name and name.replace("-", "").isalpha() and name.islower()
        assert rule.fixed or (rule.code[0] == "A" and rule.code[1:].isdigit())


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda rule: rule.name)
def test_the_example_breaks_the_rule_and_the_fix_does_not(rule, tmp_path):
    doc = parse_doc(rule)
    assert doc.summary and doc.description and doc.example and doc.fix
    broken = lint_snippet(tmp_path, doc.example, "example.argmap")
    assert rule.name in {d.rule for d in broken.diagnostics}
    fixed = lint_snippet(tmp_path, doc.fix, "fix.argmap")
    assert rule.name not in {d.rule for d in fixed.diagnostics}


def test_docs_rules_md_is_generated_from_the_docstrings():
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules_markdown(), (
        "docs/rules.md is out of date: run python -m argmap.lint.docs > docs/rules.md")


def test_rules_md_documents_every_rule_and_option():
    text = rules_markdown()
    for rule in RULES.values():
        assert f"## {rule.name}\n" in text
        assert f"**{rule.code}**" in text
        for option in rule.options:
            assert f"`{option}`" in text
