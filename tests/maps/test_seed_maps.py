"""The maps of the seed documents are the project's showcase: they must stay
clean, and their lint findings are what a reader learns from them, so any
change to the findings (through the rules or the maps) shows up in review."""

from __future__ import annotations

import os
import re
from pathlib import Path

from argmap.check import check_files
from argmap.lint.run import lint_paths
from argmap.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "maps"


def _in_repo(monkeypatch):
    # Paths in the findings are relative, as a user at the repository root sees them.
    monkeypatch.chdir(ROOT)


def test_every_map_checks_clean(monkeypatch):
    _in_repo(monkeypatch)
    result = check_files([str(p) for p in sorted(MAPS.rglob("*.argmap"))])
    assert [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
            for d in result.diagnostics] == []
    assert {Path(m.path).name for m in result.maps} >= {"essay.argmap", "krivitsky.argmap"}


def test_lint_findings_on_the_maps(monkeypatch, data_regression):
    _in_repo(monkeypatch)
    run = lint_paths(["maps"])
    findings = [{"at": f"{Path(d.path).as_posix()}:{d.line}:{d.column}", "code": d.code,
                 "rule": d.rule, "message": d.message} for d in run.diagnostics]
    # The essay's findings are the point of the showcase: there must be some.
    assert any(f["at"].startswith("maps/furr-trotsky/") for f in findings)
    data_regression.check({"findings": findings})


def test_findings_point_into_the_maps(monkeypatch):
    _in_repo(monkeypatch)
    for diagnostic in lint_paths(["maps"]).diagnostics:
        lines = Path(diagnostic.path).read_text(encoding="utf-8").splitlines()
        assert 1 <= diagnostic.line <= len(lines), diagnostic
        assert os.path.commonpath([ROOT / diagnostic.path, MAPS]) == str(MAPS)


# Every node of the two seed maps says where in its seed document it comes from
# (`at:`), and the lines it names exist there.
SEED_LINES = {"essay": 10_292, "article": 434}
SEED_ROOTS = {"furr-trotsky/essay.argmap": "essay", "krivitsky/krivitsky.argmap": "article"}
AT = re.compile(r"^(essay|article) lines? (\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)(?:, fn \d+(?:-\d+)?"
                r"(?:, \d+(?:-\d+)?)*)?$")


def _line_ranges(at: str) -> tuple[str, list[tuple[int, int]]]:
    match = AT.match(at)
    assert match, f"unexpected at: {at!r}"
    ranges = []
    for part in match.group(2).split(", "):
        first, _, last = part.partition("-")
        ranges.append((int(first), int(last or first)))
    return match.group(1), ranges


def test_every_seed_map_node_says_where_it_comes_from(monkeypatch):
    _in_repo(monkeypatch)
    for root, document in SEED_ROOTS.items():
        resolved, diagnostics = resolve(str(Path("maps") / root))
        assert diagnostics == [] and resolved is not None
        assert resolved.nodes
        for node in resolved.nodes:
            # A node of the other map, referenced across files, is checked against its own
            # document (the Krivitsky map refers to four nodes of the essay map).
            expected = "essay" if "furr-trotsky" in Path(node.path).as_posix() else document
            assert node.at, f"{node.path}:{node.span.line} {node.id} has no at:"
            named, ranges = _line_ranges(node.at)
            assert named == expected, (node.id, node.at)
            for first, last in ranges:
                assert 1 <= first <= last <= SEED_LINES[named], (node.id, node.at)
