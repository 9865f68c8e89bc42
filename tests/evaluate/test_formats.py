"""apx and tgf in, apx out: frameworks from the literature, with exact errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluate import evaluate, grounded_labelling
from argmap.exporters import EXPORTERS
from argmap.importers import IMPORTERS
from argmap.load import Workspace
from argmap.model import RelationType
from argmap.resolve import resolve
from argmap.writer import write

from .helpers import load_snippet


def read(fmt: str, text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return IMPORTERS[fmt](data, "f." + fmt)


def problems(fmt: str, text: str | bytes) -> list[str]:
    argmap, diagnostics = read(fmt, text)
    assert argmap is None
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in diagnostics]


def framework(argmap):
    return ([n.id for n in argmap.nodes],
            {(r.source, r.target) for r in argmap.relations if r.type is RelationType.REBUTTAL})


# ---- apx -------------------------------------------------------------------

def test_apx_reads_arguments_and_attacks():
    argmap, diagnostics = read("apx", "arg(a).\narg(b).\n  att( a , b ) .\n% a comment\n"
                                      'arg("x y"). att("x y",a). % two on a line\n')
    assert diagnostics == []
    assert framework(argmap) == (["a", "b", "x y"], {("a", "b"), ("x y", "a")})
    assert argmap.node("b").span.line == 2 and argmap.relations[0].span.column == 8


def test_apx_empty_file_is_the_empty_framework():
    argmap, diagnostics = read("apx", "")
    assert diagnostics == [] and argmap.nodes == () and argmap.relations == ()


@pytest.mark.parametrize("text, expected", [
    ("arg(a).\natt(a,", "2:7 E411 the line ends inside a statement: expected an argument name"),
    ("arg(a", "1:6 E411 the line ends inside a statement: expected ')'"),
    ("arg(a)", "1:7 E411 the line ends inside a statement: expected '.'"),
    ('arg("a', "1:7 E411 the line ends inside a statement: expected a closing '\"'"),
    ("arg(a).\nhello", "2:1 E410 expected arg(...) or att(...), found 'hello'"),
    ("arg(a);", "1:7 E410 expected '.', found ';'"),
    ("arg(a-b).", "1:6 E410 expected ')', found '-'"),
    ("att(a b).", "1:7 E410 expected ',', found 'b'"),
    ("arg(a).\natt(a,b).", "2:7 E412 attack names 'b', which is not declared as an argument"),
    ("arg(a).\narg(a).", "2:5 E413 argument 'a' is declared twice (first on line 1)"),
    ("arg(a).\natt(a,a).\natt(a,a).",
     "3:5 E414 the attack of 'a' on 'a' is listed twice (first on line 2)"),
    (b"arg(\xff).", "1:5 E410 the file is not valid UTF-8"),
])
def test_apx_errors_point_at_the_problem(text, expected):
    assert problems("apx", text)[0] == expected


def test_apx_reports_every_bad_line_not_just_the_first():
    found = problems("apx", "arg(a\narg(b).\nxyz\natt(b,c).\n")
    assert [p.split()[0] for p in found] == ["1:6", "3:1", "4:7"]


def test_apx_diagnostics_carry_a_hint_and_an_end():
    _, diagnostics = read("apx", "arg(a).\natt(a,zeta).")
    (diagnostic,) = diagnostics
    assert diagnostic.hint and diagnostic.end == (2, 11)


# ---- tgf -------------------------------------------------------------------

def test_tgf_reads_nodes_labels_and_edges():
    argmap, diagnostics = read("tgf", "1 First argument\n2\n\n#\n1 2\n2 2\n")
    assert diagnostics == []
    assert framework(argmap) == (["1", "2"], {("1", "2"), ("2", "2")})
    assert argmap.node("1").text == "First argument" and argmap.node("2").text == "2"


def test_tgf_without_a_hash_line_has_no_attacks():
    argmap, _ = read("tgf", "a\nb\n")
    assert framework(argmap) == (["a", "b"], set())


@pytest.mark.parametrize("text, expected", [
    ("a\n#\na", "3:2 E421 the attack from 'a' has no target"),
    ("a\n#\na b", "3:3 E412 attack names 'b', which is not declared as an argument"),
    ("a\na\n#\n", "2:1 E413 argument 'a' is declared twice (first on line 1)"),
    ("a\nb\n#\na b\n a  b", "5:2 E414 the attack of 'a' on 'b' is listed twice (first on line 4)"),
    ("a\nb\n#\na b label", "4:5 E420 unexpected 'label' after the attack's two names"),
    ("a\n#\n#\n", "3:1 E420 a second '#' line"),
    (b"a\n\xfe\n", "2:1 E420 the file is not valid UTF-8"),
])
def test_tgf_errors_point_at_the_problem(text, expected):
    assert problems("tgf", text)[0] == expected


# ---- apx out, and round trips ----------------------------------------------

def test_apx_export_quotes_ids_that_are_not_atoms(tmp_path):
    argmap = load_snippet(tmp_path, '[plain] P.\n  - [Not-plain "q"] Q.\n  - [007] R.\n')
    assert EXPORTERS["apx"](argmap) == (
        'arg(plain).\narg("Not-plain \\"q\\"").\narg("007").\n'
        'att("Not-plain \\"q\\"",plain).\natt("007",plain).\n')


def test_apx_export_gives_undercut_inferences_their_own_argument(tmp_path):
    text = ("[t] T.\n  + [p] P.\n  & [q] Q.\n  ~ [u] U.\n"
            "  ? [o] O.\n    - [c] C.\n      answer: conceded\n  >< [x] X.\n")
    exported = EXPORTERS["apx"](load_snippet(tmp_path, text))
    assert 'arg("p+q=>t").' in exported and 'att(u,"p+q=>t").' in exported
    assert "att(o,t)." in exported and "att(c,o)." not in exported
    assert "att(x,t)." in exported and "att(t,x)." in exported


def test_apx_export_never_reuses_a_node_id_for_an_inference(tmp_path):
    text = "[t] T.\n  + [p] P.\n  ~ [u] U.\n[p=>t] Taken.\n"
    exported = EXPORTERS["apx"](load_snippet(tmp_path, text))
    assert 'arg("p=>t").' in exported and 'att(u,"p=>t#2").' in exported


def test_grounded_labels_survive_export_to_apx(tmp_path):
    text = ("[t] T.\n  + [p] P.\n  ~ [u] U.\n    - [v] V.\n      - [w] W.\n"
            "  ? [o] O.\n    >< [k] K.\n")
    argmap = load_snippet(tmp_path, text)
    evaluation = evaluate(argmap)
    back, _ = read("apx", EXPORTERS["apx"](argmap))
    labels = grounded_labelling(*framework(back))
    assert {n: labels[n] for n in evaluation.status} == evaluation.status
    assert labels["p=>t"] == evaluation.inferences[("t", "p")]


names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                max_size=8).filter(lambda s: s.strip() == s and "]" not in s)


@settings(max_examples=100, deadline=None)
@given(st.lists(names, min_size=1, max_size=6, unique=True), st.data())
def test_apx_round_trip_through_argmap_source(tmp_path_factory, ids, data):
    pair = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
    attacks = set(data.draw(st.lists(pair, max_size=10)))
    apx = "".join(f"arg({_quote(i)}).\n" for i in ids)
    apx += "".join(f"att({_quote(a)},{_quote(b)}).\n" for a, b in sorted(attacks))
    imported, diagnostics = read("apx", apx)
    assert diagnostics == []
    source, problems_found = write(imported)
    assert problems_found == []
    path = tmp_path_factory.mktemp("rt") / "m.argmap"
    path.write_text(source, encoding="utf-8")
    argmap, diagnostics = resolve(str(path), Workspace())
    assert diagnostics == []
    again, _ = read("apx", EXPORTERS["apx"](argmap))
    assert sorted(framework(again)[0]) == sorted(ids)
    assert framework(again)[1] == attacks


def _quote(name: str) -> str:
    from argmap.exporters.apx import quote

    return quote(name)
