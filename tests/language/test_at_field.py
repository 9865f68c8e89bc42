"""`at:` says where in the mapped document a node comes from: provenance that is
kept everywhere (model, JSON, writer, fmt) but, unlike `source:`, not evidence."""

from __future__ import annotations

import json

from argmap.exporters.jsonmap import export
from argmap.fmt import format_text
from argmap.importers.jsonmap import read
from argmap.lint import lint_map
from argmap.resolve import resolve
from argmap.source import SourceText
from argmap.writer import write

from .helpers import parse_text

MAP = ("[thesis] A thesis.\n  + [placed] A premise with only a place.\n"
       "    at: lines 120-134, fn. 17\n")


def _resolved(tmp_path, text):
    path = tmp_path / "m.argmap"
    path.write_text(text)
    argmap, diagnostics = resolve(str(path))
    assert diagnostics == []
    return argmap


def test_at_is_read_into_the_model_and_is_not_evidence(tmp_path):
    argmap = _resolved(tmp_path, MAP)
    node = argmap.node("placed")
    assert node.at == "lines 120-134, fn. 17"
    assert node.source is None and not node.is_evidence
    unsupported = {f.node for f in lint_map(argmap) if f.rule == "unsupported-claim"}
    assert "placed" in unsupported
    cited = _resolved(tmp_path, MAP + "    source: Getty 1986\n")
    assert "placed" not in {f.node for f in lint_map(cited) if f.rule == "unsupported-claim"}


def test_at_goes_through_json_and_the_writer(tmp_path):
    data = export(_resolved(tmp_path, MAP))
    assert json.loads(data)["nodes"][1]["at"] == "lines 120-134, fn. 17"
    argmap, problems = read(data.encode(), "m.json")
    assert problems == []
    text, _ = write(argmap)
    assert "    at: lines 120-134, fn. 17\n" in text
    document, diagnostics = parse_text(text)
    assert diagnostics == [] and document.nodes[1].at == "lines 120-134, fn. 17"


def test_fmt_puts_at_right_after_source():
    text = "[a] A.\n  qualifier: may\n  at: l. 3\n  source: S\n"
    expected = "[a] A.\n  source: S\n  at: l. 3\n  qualifier: may\n"
    assert format_text(SourceText("m", text)) == expected


def test_a_misspelt_at_is_caught_and_at_is_given_once():
    _, diagnostics = parse_text("[a] A.\n  at: 1\n  at: 2\n")
    assert [d.code for d in diagnostics] == ["E213"]
    _, diagnostics = parse_text("[a] A.\n  att: 1\n")
    assert [d.code for d in diagnostics] == ["E206"] and "'at:'" in diagnostics[0].hint
