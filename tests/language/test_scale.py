"""Depth and size: 10,000 levels of nesting and 100,000 lines go through every
stage without recursion errors. (Speed lives in benchmarks/, not here: these
tests only need to finish.)"""

from __future__ import annotations

import json

import pytest

from argmap.evaluate import evaluate
from argmap.exporters.jsonmap import export
from argmap.fmt import format_text
from argmap.importers.jsonmap import read
from argmap.lint import lint_map
from argmap.load import parse_bytes
from argmap.resolve import resolve
from argmap.sides import compute_sides
from argmap.source import SourceText
from argmap.writer import write

DEPTH = 10_000
MARKERS = "+-?~"


def _deep_chain(step: str = " ") -> str:
    """A chain DEPTH levels deep. The file grows with the square of the depth
    (50 MB at one space per level), which is why this is the only deep file."""
    lines = ["[n0] The root claim."]
    for level in range(1, DEPTH + 1):
        marker = MARKERS[level % len(MARKERS)]
        lines.append(f"{step * level}{marker} [n{level}] Level {level}.")
        if level % 1000 == 0:
            lines.append(f"{step * (level + 1)}source: page {level}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def deep(tmp_path_factory):
    path = tmp_path_factory.mktemp("deep") / "deep.argmap"
    text = _deep_chain()
    path.write_text(text, encoding="utf-8")
    argmap, diagnostics = resolve(str(path))
    assert diagnostics == []
    return text, argmap


def test_deep_nesting_parses_into_a_chain(deep):
    _, argmap = deep
    assert len(argmap.nodes) == DEPTH + 1
    assert len(argmap.relations) == DEPTH
    last = argmap.relations[-1]
    assert (last.source, last.target) == (f"n{DEPTH}", f"n{DEPTH - 1}")
    assert argmap.node(f"n{DEPTH}").span.column == DEPTH + 1
    assert argmap.node(f"n{DEPTH}").source == f"page {DEPTH}"


def test_deep_nesting_goes_through_sides_lint_and_evaluation(deep):
    _, argmap = deep
    sides = compute_sides(argmap)
    assert len(sides) == DEPTH + 1
    findings = lint_map(argmap)
    assert all(1 <= f.line <= 2 * DEPTH for f in findings)
    assert findings
    assert evaluate(argmap) is not None


def test_deep_nesting_formats_exports_and_writes_back(deep):
    text, argmap = deep
    formatted = format_text(SourceText("deep.argmap", text))
    deepest = f"\n{'  ' * DEPTH}{MARKERS[DEPTH % len(MARKERS)]} [n{DEPTH}] Level {DEPTH}.\n"
    assert deepest in formatted
    data = export(argmap)
    imported, problems = read(data.encode(), "deep.json")
    assert problems == []
    written, problems = write(imported)
    assert problems == []
    document, diagnostics = parse_bytes(written.encode(), "back.argmap")
    assert diagnostics == []
    assert len(document.edges) == DEPTH
    assert len(json.loads(data)["nodes"]) == DEPTH + 1


def test_a_file_of_100000_lines_parses():
    lines = []
    for index in range(25_000):
        lines += [f"[c{index}] Claim {index} #t",
                  f"  + [s{index}] Support {index}, with text that goes on",
                  "      over a second line.",
                  f"    source: page {index}"]
    document, diagnostics = parse_bytes(("\n".join(lines) + "\n").encode(), "big.argmap")
    assert diagnostics == []
    assert len(document.nodes) == 50_000
    assert len(document.edges) == 25_000
    assert document.nodes[-1].source == "page 24999"
