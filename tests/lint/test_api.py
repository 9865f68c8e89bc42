"""The public API that other parts of argmap build on."""

from __future__ import annotations

from argmap.config import load_config
from argmap.diagnostics import Severity
from argmap.lint import lint_map
from argmap.resolve import resolve


def test_lint_map_takes_a_loaded_configuration(tmp_path):
    (tmp_path / "argmap.yaml").write_text(
        "lint:\n  rules:\n    unsupported-claim: error\n  ignore: [missing-title]\n",
        encoding="utf-8")
    path = tmp_path / "m.argmap"
    path.write_text("[thesis] T.\n  ? [o] An objection.\n", encoding="utf-8")
    argmap, problems = resolve(str(path))
    assert problems == []
    default = lint_map(argmap)
    configured = lint_map(argmap, load_config(tmp_path / "argmap.yaml"))
    assert [(d.rule, d.node, d.severity) for d in default] == [
        ("unsupported-claim", "thesis", Severity.WARNING),  # 1:1, and A101 sorts first
        ("missing-title", None, Severity.INFO),
        ("unanswered-objection", "o", Severity.WARNING)]
    assert [(d.rule, d.node, d.severity) for d in configured] == [
        ("unsupported-claim", "thesis", Severity.ERROR),
        ("unanswered-objection", "o", Severity.WARNING)]
