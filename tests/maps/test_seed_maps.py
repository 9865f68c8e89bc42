"""The maps of the seed documents are the project's showcase: they must stay
clean, and their lint findings are what a reader learns from them, so any
change to the findings (through the rules or the maps) shows up in review."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.check import check_files
from argmap.lint.run import lint_paths

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
