"""The worked examples in docs/semantics.md: each `argmap` block followed by
`labels SEMANTICS` blocks is evaluated, and every label stated must hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.evaluate import evaluate

from .helpers import load_snippet

DOC = Path(__file__).parents[2] / "docs" / "semantics.md"
FENCE = re.compile(r"^```(\w+)(?: (\w+))?\n(.*?)^```$", re.S | re.M)


def examples():
    found, current = [], None
    for match in FENCE.finditer(DOC.read_text(encoding="utf-8")):
        kind, semantics, body = match.groups()
        if kind == "argmap":
            current = body
        elif kind == "labels":
            assert current is not None, "a labels block must follow an argmap block"
            labels = dict(line.split(": ") for line in body.strip().splitlines())
            found.append(pytest.param(current, semantics, labels,
                                      id=f"line{DOC.read_text()[:match.start()].count(chr(10))}"))
    return found


def test_the_doc_has_examples_of_both_semantics():
    semantics = {param.values[1] for param in examples()}
    assert semantics == {"grounded", "support"} and len(examples()) >= 12


@pytest.mark.parametrize("text, semantics, labels", examples())
def test_example_labels(tmp_path, text, semantics, labels):
    argmap = load_snippet(tmp_path, text)
    status = evaluate(argmap, semantics).status
    assert status == labels  # every node is labelled in the doc, and correctly


def test_every_import_error_code_is_documented():
    source = "".join((DOC.parents[1] / "argmap" / "importers" / name).read_text()
                     for name in ("apx.py", "tgf.py", "framework.py"))
    codes = set(re.findall(r'"(E4\d\d)"', source))
    assert codes == {"E410", "E411", "E412", "E413", "E414", "E420", "E421"}
    table = DOC.read_text(encoding="utf-8").split("### Errors")[1]
    assert all(f"| {code} |" in table for code in codes)
