"""The shortcuts that keep a big map's lint fast give the answers that the
plain way would: the JSON template, the removal of repeats, the pruned
search for circles, the sides walk and the collector pause."""

from __future__ import annotations

import gc
import json

from argmap.cli import run
from argmap.diagnostics import Diagnostic, Severity
from argmap.lint import lint_map
from argmap.lint.run import first_of_each
from argmap.model import Map, Node, Relation, RelationType, Span
from argmap.reporters import Report, write_report
from argmap.sides import Side, SideAnalysis

from .helpers import lint_snippet

PATH = "map.argmap"
SUP, REB, CTR = RelationType.SUPPORT, RelationType.REBUTTAL, RelationType.CONTRADICTION


def plain_finding(d: Diagnostic) -> dict:
    end_line, end_column = d.end
    return {"path": d.path, "line": d.line, "column": d.column, "end_line": end_line,
            "end_column": end_column, "code": d.code, "rule": d.rule,
            "severity": d.severity.value, "message": d.message, "node": d.node, "hint": d.hint}


def test_the_json_report_is_what_json_dumps_writes():
    awkward = Diagnostic("dir/ä \"q\".argmap", 3, 5, "A101",
                         "“quoted” 100% %s %d \\ back\tslash\x01 and\nnewline 中文",
                         Severity.WARNING, "hint: {x}", 4, 9, "unsupported-claim", "n-1")
    bare = Diagnostic("m.argmap", 1, 1, "E101", "no rule, node or hint", Severity.INFO)
    for diagnostics in ([], [awkward], [awkward, bare], [bare, awkward, bare]):
        expected = json.dumps([plain_finding(d) for d in diagnostics], indent=2,
                              ensure_ascii=False) + "\n"
        assert write_report("json", Report(diagnostics, 1)) == expected


def diagnostic(line: int, rule: str, hint: str) -> Diagnostic:
    return Diagnostic(PATH, line, 1, "A101", "same message", Severity.WARNING, hint, rule=rule)


def test_repeats_are_dropped_keeping_the_first_of_each_place_and_rule():
    first, other_rule, repeat, later = (diagnostic(1, "a", "first"), diagnostic(1, "b", "b"),
                                        diagnostic(1, "a", "repeat"), diagnostic(2, "a", "later"))
    assert first_of_each([first, other_rule, repeat, later]) == [first, other_rule, later]


def make_map(theses: list[str], relations: list[tuple]) -> Map:
    """`relations`: (type, source, target); nodes are made for every name, in order."""
    names = list(dict.fromkeys([*theses, *(name for _, s, t in relations for name in (s, t))]))
    nodes = tuple(Node(n, f"text {n}", PATH, Span(i + 1, 1, i + 1, 5),
                       marker="" if n in theses else "+", source="cited")
                  for i, n in enumerate(names))
    edges = tuple(Relation(kind, s, t, PATH, Span(len(names) + i + 1, 3, len(names) + i + 1, 9))
                  for i, (kind, s, t) in enumerate(relations))
    return Map(PATH, nodes, edges, files=(PATH,), meta={"title": "t"})


def test_a_circle_is_found_behind_a_chain_that_leads_into_it_and_out_of_it():
    # feed -> a -> b -> a is a circle with a chain into it; b -> out leads out of it.
    argmap = make_map(["out"], [(SUP, "feed", "a"), (SUP, "a", "b"), (SUP, "b", "a"),
                                (SUP, "b", "out")])
    circles = [d for d in lint_map(argmap) if d.rule == "circular-support"]
    assert [d.message for d in circles] == [
        "circular support: 'a' → 'b' → 'a' (each supports the next)"]


def test_a_long_chain_without_a_circle_has_no_circular_support(tmp_path):
    lines = ["[n0] Claim 0.\n"] + [f"{'  ' * i}+ [n{i}] Claim {i}.\n" for i in range(1, 300)]
    run_result = lint_snippet(tmp_path, "".join(lines), select=["circular-support"])
    assert run_result.diagnostics == []


def test_a_contradiction_carries_a_side_back_to_the_node_it_was_written_from():
    argmap = make_map(["t", "t2"], [(SUP, "c", "t"), (CTR, "t2", "c")])
    sides = SideAnalysis(argmap)
    assert sides.on_both_sides == {"c", "t2"}
    steps = sides.steps("t2", Side.CON)
    assert [(node, step.node, step.relation.type) for node, step in steps] == [
        ("t2", "c", CTR), ("c", "t", SUP)]
    assert [(node, step.node) for node, step in sides.steps("c", Side.CON)] == [("c", "t2")]


def test_a_node_on_one_side_only_is_not_on_both_sides():
    sides = SideAnalysis(make_map(["t"], [(SUP, "a", "t"), (REB, "b", "a")]))
    assert sides.on_both_sides == set()
    assert sides.sides == {"t": Side.PRO, "a": Side.PRO, "b": Side.CON}


def test_the_cli_pauses_the_collector_only_while_a_command_runs(tmp_path, capsys):
    path = tmp_path / "m.argmap"
    path.write_text("[thesis] T.\n", encoding="utf-8")
    assert gc.isenabled()
    assert run(["check", str(path)]) == 0
    assert run(["lint", str(path), "--exit-zero"]) == 0
    assert gc.isenabled()
    assert "1 file linted" in capsys.readouterr().out


def test_each_of_many_suppressions_silences_its_own_node_only(tmp_path):
    blocks = [f"// argmap: ignore {'unsupported-claim' if i % 2 else 'long-claim'}\n"
              f"[t{i}] Thesis {i}.\n" for i in range(200)]
    result = lint_snippet(tmp_path, "---\ntitle: t\n---\n" + "".join(blocks))
    assert result.suppressed == 100
    unsupported = {d.node for d in result.diagnostics if d.rule == "unsupported-claim"}
    assert unsupported == {f"t{i}" for i in range(0, 200, 2)}
    unused = [d for d in result.diagnostics if d.rule == "unused-suppression"]
    assert len(unused) == 100
