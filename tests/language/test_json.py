"""The JSON export and import: the schema, the documented examples, the minimal
form, refusals with a place and a code, and the round trip through argmap source."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from argmap.check import check_files
from argmap.discover import expand
from argmap.exporters.jsonmap import export, to_data
from argmap.importers.jsonmap import read
from argmap.load import Workspace

from .helpers import DOCS, MAPS
from .roundtrip import linked_groups_of, nodes_of, relations_of, through_source

SCHEMA = json.loads((DOCS / "argmap.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
MINIMAL = {"nodes": [{"id": "a", "text": "Cities should plant more trees."},
                     {"id": "b", "text": "Trees cool the streets."}],
           "relations": [{"type": "support", "from": "b", "to": "a"}]}


def _errors(data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_is_a_valid_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"].endswith("2020-12/schema")


def _all_maps():
    folders = [MAPS, DOCS.parent / "tests" / "language" / "valid"]
    result = check_files(expand([str(f) for f in folders]), Workspace())
    assert result.diagnostics == []
    return result.maps


def test_every_map_and_example_exports_valid_json():
    maps = _all_maps()
    assert len(maps) > 30
    for argmap in maps:
        data = json.loads(export(argmap))
        assert _errors(data) == [], argmap.path


def test_the_schema_rejects_what_argmap_would_refuse():
    bad = [
        {"nodes": [{"id": "a"}]},
        {"nodes": [{"id": "", "text": "x"}]},
        {"nodes": [], "relations": [{"type": "supports", "from": "a", "to": "b"}]},
        {"nodes": [], "relations": [{"type": "support", "from": "a", "to": "b",
                                     "strength": "full"}]},
        {"nodes": [], "relations": [{"type": "rebuttal", "from": "a", "to": "b",
                                     "group": "g1"}]},
        {"nodes": [{"id": "a", "text": "x", "colour": "red"}]},
        {"nodes": [], "meta": {"titel": "x"}},
    ]
    for data in bad:
        assert _errors(data), data


def _json_blocks():
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(r"^```json\n(.*?)^```$", text, re.M | re.S)]


def test_the_documented_examples_are_valid_and_import():
    blocks = _json_blocks()
    assert len(blocks) == 2
    for data in blocks:
        assert _errors(data) == []
        back, _ = through_source(data)
        assert nodes_of(back) == nodes_of(data)
        assert relations_of(back) == relations_of(data)


def test_the_minimal_form_imports():
    assert _errors(MINIMAL) == []
    argmap, problems = read(json.dumps(MINIMAL).encode(), "min.json")
    assert problems == []
    assert [(n.id, n.text) for n in argmap.nodes] == [("a", MINIMAL["nodes"][0]["text"]),
                                                      ("b", "Trees cool the streets.")]
    assert [(r.type.value, r.source, r.target) for r in argmap.relations] == [
        ("support", "b", "a")]


def test_every_map_survives_export_import_and_writing():
    for argmap in _all_maps():
        data = to_data(argmap)
        back, _ = through_source(data)
        assert nodes_of(back) == nodes_of(data), argmap.path
        assert relations_of(back) == relations_of(data), argmap.path
        assert linked_groups_of(back) == linked_groups_of(data), argmap.path


REFUSED = [
    ("not json", b"{", "E400", (1, 2)),
    ("not utf-8", b'{"nodes": ["\xff"]}', "E400", (1, 13)),
    ("no nodes", b'{"relations": []}', "E401", (1, 1)),
    ("meta key", b'{"nodes": [], "meta": {"titel": "x"}}', "E401", (1, 24)),
    ("no text", b'{"nodes": [{"id": "a"}]}', "E402", (1, 19)),
    ("duplicate", b'{"nodes": [{"id": "a", "text": "x"},\n {"id": "a", "text": "y"}]}',
     "E402", (2, 9)),
    ("bad tag", b'{"nodes": [{"id": "a", "text": "x", "tags": ["1x"]}]}', "E402", (1, 19)),
    ("surrogate", b'{"nodes": [{"id": "a", "text": "\\ud800"}]}', "E402", (1, 19)),
    ("unknown node", b'{"nodes": [{"id": "a", "text": "x"}],\n'
     b' "relations": [{"type": "support", "from": "a", "to": "zz"}]}', "E403", (2, 55)),
    ("strength on support", b'{"nodes": [{"id": "a", "text": "x"}], "relations": '
     b'[{"type": "support", "from": "a", "to": "a", "strength": "full"}]}', "E403", None),
    ("group on rebuttal", b'{"nodes": [{"id": "a", "text": "x"}], "relations": '
     b'[{"type": "rebuttal", "from": "a", "to": "a", "group": "g"}]}', "E403", None),
    ("undercut of nothing", b'{"nodes": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}],'
     b' "relations": [{"type": "undercut", "from": "a", "to": "b", "conclusion": "a"}]}',
     "E403", None),
]


@pytest.mark.parametrize(("name", "data", "code", "where"), REFUSED, ids=[r[0] for r in REFUSED])
def test_import_refuses_with_a_code_and_a_place(name, data, code, where):
    argmap, problems = read(data, "in.json")
    assert argmap is None
    assert [p.code for p in problems] == [code]
    if where:
        assert (problems[0].line, problems[0].column) == where


@pytest.mark.parametrize(("name", "token"), [("meta key", "titel"), ("duplicate", "a"),
                                             ("unknown node", "zz"), ("no text", "a")])
def test_an_import_error_underlines_what_is_written_there(name, token):
    data = next(r[1] for r in REFUSED if r[0] == name)
    problem = read(data, "in.json")[1][0]
    assert problem.end_column - problem.column == len(f'"{token}"')  # the string, quotes and all


# ---- the round trip over generated graphs ----------------------------------

_TRICKY = st.sampled_from([" ", "  ", "#", "#tag", "@", "@x", "[", "]", "[x]", "\\", "\\n",
                           "\n", "\n\n", "\t", "\r", "note: ", "key:", "+ ", "- ", "? ", "~ ",
                           "& ", ">< ", "# ", "## ", "//", "\\u{41}", "\u00a0", "\u3000",
                           "\u2028", "\x85", "é", "хлеб", "漢字", "🍞", "---", "...", "`", "|"])
_TEXT = st.lists(_TRICKY | st.text(min_size=1, max_size=8), min_size=1, max_size=6).map("".join)
_TAG = st.from_regex(r"\A[a-zA-Zé][a-z0-9\-_./:]{0,5}[a-z0-9]\Z|\A[a-zа-я]\Z")
_STRENGTHS = st.sampled_from([None, "full", "partial", "conceded"])
_ATTACKS = ["rebuttal", "objection", "undercut", "contradiction"]


@st.composite
def graphs(draw):
    ids = draw(st.lists(_TEXT, min_size=1, max_size=7, unique=True))
    nodes = []
    for node_id in ids:
        node = {"id": node_id, "text": draw(_TEXT)}
        for key in ("source", "at", "quote", "speaker", "qualifier"):
            if draw(st.integers(0, 4)) == 0:
                node[key] = draw(_TEXT)
        tags = draw(st.lists(_TAG, max_size=3, unique=True))
        if tags:
            node["tags"] = tags
        if draw(st.integers(0, 5)) == 0:
            node["kind"] = "assumption"
        nodes.append(node)
    pick = st.sampled_from(ids)
    relations = []
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["support", "support", *_ATTACKS]))
        relation = {"type": kind, "from": draw(pick), "to": draw(pick)}
        if kind == "support" and draw(st.booleans()):
            relation["group"] = draw(st.sampled_from(["g1", "g2"]))
        if kind != "support":
            strength = draw(_STRENGTHS)
            if strength:
                relation["strength"] = strength
        supports = [r for r in relations if r["type"] == "support"]
        if kind == "undercut" and supports and draw(st.booleans()):
            premise = draw(st.sampled_from(supports))
            relation["to"], relation["conclusion"] = premise["from"], premise["to"]
        relations.append(relation)
    meta = draw(st.dictionaries(st.sampled_from(["title", "description", "source", "author",
                                                 "date"]), _TEXT | st.text(), max_size=3))
    return {"meta": meta, "nodes": nodes, "relations": relations}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_any_graph_survives_import_and_export(data):
    assert _errors(data) == []
    back, text = through_source(data)
    assert nodes_of(back) == nodes_of(data), text
    assert relations_of(back) == relations_of(data), text
    assert linked_groups_of(back) == linked_groups_of(data), text
    assert back.get("meta", {}) == data["meta"], text
