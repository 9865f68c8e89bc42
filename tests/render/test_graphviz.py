"""The subprocess boundary: Graphviz runs in argmap/render/graphviz.py only,
with an argument list (never a shell), DOT on stdin, the picture on stdout."""

from __future__ import annotations

import re
import subprocess

import pytest

from argmap.render import graphviz

from .helpers import ROOT, fake_graphviz


def test_only_one_module_runs_graphviz():
    starters = re.compile(r"\b(subprocess|Popen|os\.system|os\.exec|shutil\.which)\b")
    in_render = sorted(p.name for p in (ROOT / "argmap" / "render").glob("*.py")
                       if starters.search(p.read_text(encoding="utf-8")))
    assert in_render == ["graphviz.py"]
    engine = re.compile(r"""(which|run|Popen|call)\(\s*\[?\s*["'](dot|neato|sfdp)["']""")
    elsewhere = [p for p in (ROOT / "argmap").rglob("*.py")
                 if p.parent.name != "render" and engine.search(p.read_text(encoding="utf-8"))]
    assert elsewhere == []


def test_dot_gets_an_argument_list_and_the_source_on_stdin(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", fake_graphviz(tmp_path, "cat"))  # echoes stdin back
    calls = []
    real_run = subprocess.run

    def spy(command, **options):
        calls.append((command, options))
        return real_run(command, **options)

    monkeypatch.setattr(subprocess, "run", spy)
    assert graphviz.layout("digraph { a -> b }", "png", dpi=200) == b"digraph { a -> b }"
    (command, options), = calls
    assert isinstance(command, list) and command[1:] == ["-Tpng", "-Gdpi=200"]
    assert not options.get("shell")
    assert options["input"] == b"digraph { a -> b }"


def test_an_empty_picture_is_a_failure(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", fake_graphviz(tmp_path, "exit 0"))
    with pytest.raises(graphviz.GraphvizError, match="dot failed"):
        graphviz.layout("digraph {}", "svg")


def test_unknown_engine_is_refused():
    with pytest.raises(graphviz.GraphvizError, match="unknown layout engine"):
        graphviz.executable("rm")
