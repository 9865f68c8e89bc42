"""`argmap evaluate` from the command line, and apx/tgf through import/export."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import jsonschema
import pytest

from argmap.cli import run

MAP = ("[thesis] The thesis.\n"
       "  + [reason] A reason.\n    source: p. 1\n"
       "  ? [objection] An objection.\n"
       "    - [reply] The author's reply.\n")


def write(tmp_path, text, name="m.argmap"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_text_explains_each_thesis_with_locations(tmp_path, capsys):
    path = write(tmp_path, MAP)
    assert run(["evaluate", path]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: grounded semantics\n1 thesis: 1 in, 0 out, 0 undecided.")
    assert f"IN  thesis  ({path}:1)" in out
    assert "why: every attacker is out: 'objection' (objection)" in out
    assert f"- objection is out ({path}:4): defeated by 'reply' (rebuttal), which is in" in out


def test_support_semantics_changes_the_verdict_and_says_why(tmp_path, capsys):
    path = write(tmp_path, MAP)
    assert run(["evaluate", path, "--semantics", "support"]) == 0
    out = capsys.readouterr().out
    assert f"OUT  thesis  ({path}:1)" in out
    assert "defeated by 'objection' (objection), which is in" in out
    assert "reply is out" in out and "it needs support and has none" in out


def test_json_lists_every_node(tmp_path, capsys):
    path = write(tmp_path, MAP)
    assert run(["evaluate", path, "--format", "json", "--semantics", "support"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == "support" and data["theses"] == ["thesis"]
    assert [(n["id"], n["status"]) for n in data["nodes"]] == [
        ("thesis", "out"), ("reason", "in"), ("objection", "in"), ("reply", "out")]
    reply = data["nodes"][3]
    assert reply["line"] == 5 and reply["needs_support"] is True and reply["because"] == []
    assert data["counts"] == {"in": 2, "out": 2, "undecided": 0}


def test_depth_limits_the_chain(tmp_path, capsys):
    chain = "[a] A.\n" + "".join("  " * i + f"- [n{i}] N.\n" for i in range(1, 8))
    path = write(tmp_path, chain)
    assert run(["evaluate", path, "--depth", "2"]) == 0
    out = capsys.readouterr().out
    assert "- n2 is" in out and "- n3 is" not in out
    assert run(["evaluate", path, "--depth", "0"]) == 0
    out = capsys.readouterr().out
    assert "why: defeated by 'n1' (rebuttal), which is in" in out and "- n1" not in out
    assert run(["evaluate", path, "--depth", "8"]) == 0
    assert "- n7 is in" in capsys.readouterr().out


def test_errors_in_the_map_exit_one_with_diagnostics(tmp_path, capsys):
    path = write(tmp_path, "[a] A.\n  + [b B.\n")
    assert run(["evaluate", path, "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    # The parser owns the exact column; evaluate must pass its diagnostic on.
    assert re.search(rf"{re.escape(path)}:2:\d+: E209 ", captured.err)
    assert "hint:" in captured.err


def test_missing_file_exits_one(tmp_path, capsys):
    for name in ("none.argmap", "none.apx"):
        assert run(["evaluate", str(tmp_path / name)]) == 1
        assert "E001 cannot read file" in capsys.readouterr().err


def test_usage_errors_exit_two(tmp_path):
    path = write(tmp_path, MAP)
    assert run(["evaluate", path, "--semantics", "preferred"]) == 2
    assert run(["evaluate"]) == 2


def test_apx_and_tgf_are_evaluated_by_extension(tmp_path, capsys):
    apx = write(tmp_path, "arg(a).\narg(b).\natt(a,b).\n", "f.apx")
    assert run(["evaluate", apx, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [n["status"] for n in data["nodes"]] == ["in", "out"]
    tgf = write(tmp_path, "a\nb\n#\na b\nb a\n", "f.tgf")
    assert run(["evaluate", tgf, "--format", "json"]) == 0
    assert {n["status"] for n in json.loads(capsys.readouterr().out)["nodes"]} == {"undecided"}


def test_bad_apx_exits_one_with_line_and_column(tmp_path, capsys):
    apx = write(tmp_path, "arg(a).\natt(a,\n", "f.apx")
    assert run(["evaluate", apx]) == 1
    err = capsys.readouterr().err
    assert f"{apx}:2:7: E411 the line ends inside a statement" in err
    assert "att(a," in err  # the source line is shown under the message


def test_apx_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"arg(x).\natt(x,x).\n")))
    assert run(["evaluate", "-", "--from", "apx", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["nodes"][0]["status"] == "undecided"


def test_import_apx_then_export_apx(tmp_path, capsys):
    apx = write(tmp_path, 'arg(a).\narg("b c").\natt("b c",a).\n', "f.apx")
    out = str(tmp_path / "f.argmap")
    assert run(["import", apx, "--from", "apx", "-o", out]) == 0
    assert run(["export", out, "--to", "apx"]) == 0
    exported = capsys.readouterr().out
    assert sorted(exported.splitlines()) == ['arg("b c").', "arg(a).", 'att("b c",a).']


def test_import_bad_tgf_writes_nothing(tmp_path, capsys):
    tgf = write(tmp_path, "a\n#\na zz\n", "f.tgf")
    out = tmp_path / "f.argmap"
    assert run(["import", tgf, "--from", "tgf", "-o", str(out)]) == 1
    assert "3:3: E412" in capsys.readouterr().err and not out.exists()


ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("path", [str(ROOT / "maps/furr-trotsky/essay.argmap"),
                                  str(ROOT / "maps/krivitsky/krivitsky.argmap")])
@pytest.mark.parametrize("semantics", ["grounded", "support"])
def test_seed_maps_evaluate_and_explain_every_thesis(path, semantics, capsys):
    assert run(["evaluate", path, "--semantics", semantics]) == 0
    out = capsys.readouterr().out
    assert run(["evaluate", path, "--semantics", semantics, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for thesis in data["theses"]:
        node = next(n for n in data["nodes"] if n["id"] == thesis)
        assert f"{node['status'].upper()}  {thesis}  ({node['path']}:{node['line']})" in out
    assert sum(data["counts"].values()) == len(data["nodes"])
    assert all(n["reason"] for n in data["nodes"])


SCHEMA = json.loads((Path(__file__).parent / "evaluation.schema.json").read_text())
EXAMPLES = sorted(str(p) for p in (ROOT / "maps/examples").glob("*.argmap")
                  if "include-part" not in p.name)


@pytest.mark.parametrize("path", EXAMPLES + [str(ROOT / "maps/furr-trotsky/essay.argmap")])
def test_json_follows_the_schema(path, capsys):
    for semantics in ("grounded", "support"):
        assert run(["evaluate", path, "--semantics", semantics, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        jsonschema.validate(data, SCHEMA)
        ids = {n["id"] for n in data["nodes"]}
        assert all(set(n["because"]) <= ids for n in data["nodes"])
        assert ("needs_support" in data["nodes"][0]) == (semantics == "support")


def test_node_option_explains_chosen_nodes(tmp_path, capsys):
    path = write(tmp_path, MAP)
    assert run(["evaluate", path, "--node", "reply", "--node", "objection"]) == 0
    out = capsys.readouterr().out
    assert f"IN  reply  ({path}:5)" in out and f"OUT  objection  ({path}:4)" in out
    assert "IN  thesis" not in out
    assert run(["evaluate", path, "--node", "objectoin"]) == 2
    err = capsys.readouterr().err
    assert "no node 'objectoin'" in err and "(did you mean 'objection'?)" in err


def test_text_lists_undercut_inferences(tmp_path, capsys):
    text = "[t] T.\n  + [p] P.\n  & [q] Q.\n  ~ [u] U.\n    source: s\n"
    path = write(tmp_path, text)
    assert run(["evaluate", path]) == 0
    out = capsys.readouterr().out
    assert out.endswith("Inferences that undercuts attack:\n"
                        "    OUT  'p' and 'q' => 't', undercut by 'u'\n")
