"""The model's records are NamedTuples (cheap to define and to make): they must
still behave as the immutable values the rest of argmap takes them for."""

from __future__ import annotations

import pytest

from argmap.diagnostics import Diagnostic, Severity
from argmap.frontmatter import empty
from argmap.model import (
    Edge,
    Kind,
    Map,
    Node,
    Ref,
    Relation,
    RelationType,
    Span,
    Strength,
    record_maker,
)

SPAN = Span(1, 1, 1, 5)


def _node(node_id: str, text: str = "text") -> Node:
    return Node(node_id, text, "m.argmap", SPAN)


@pytest.mark.parametrize("record, name", [
    (_node("a"), "text"),
    (Relation(RelationType.SUPPORT, "a", "b", "m.argmap", SPAN), "target"),
    (Diagnostic("m.argmap", 1, 1, "E100", "message"), "line"),
    (Map("m.argmap", (_node("a"),), ()), "nodes"),
])
def test_records_refuse_changes(record, name):
    with pytest.raises(AttributeError):
        setattr(record, name, None)


def test_records_compare_by_value():
    assert _node("a") == _node("a")
    assert _node("a") != _node("a", "other text")
    assert hash(_node("a")) == hash(_node("a"))
    assert Map("m", (_node("a"),), ()) == Map("m", (_node("a"),), ())


def test_each_map_and_front_matter_gets_its_own_dicts():
    first, second = Map("m", (), ()), Map("n", (), ())
    assert first.meta == {} and first.meta is not second.meta
    assert empty().data is not empty().data
    assert empty().key_lines is not empty().key_lines


def test_map_index_finds_nodes_and_follows_a_replaced_map():
    nodes = (_node("a"), _node("b", "bee"))
    argmap = Map("m", nodes, (), meta={"title": "T"})
    assert argmap.node("b").text == "bee" and argmap.title == "T"
    fewer = argmap._replace(nodes=nodes[:1])
    assert isinstance(fewer, Map)
    assert set(fewer.index) == {"a"} and set(argmap.index) == {"a", "b"}


def test_a_diagnostics_sort_key_is_its_place_and_what_it_says():
    diagnostic = Diagnostic("m.argmap", 3, 7, "A101", "message", hint="h", end_line=3,
                            end_column=9, rule="unsupported-claim", node="n1")
    assert diagnostic.sort_key == ("m.argmap", 3, 7, "A101", "message")


@pytest.mark.parametrize("record", [
    SPAN,
    Ref("a", SPAN, "other.argmap"),
    Node("a", "text", "m.argmap", SPAN, ("tag",), "src", None, "Furr", None, Kind.ASSUMPTION,
         "s1", True, "+", "p. 3"),
    Edge(RelationType.REBUTTAL, 3, Ref("b", SPAN), SPAN, 2, Strength.PARTIAL, 1),
    Relation(RelationType.UNDERCUT, "a", "b", "m.argmap", SPAN, "g1", Strength.FULL, "c"),
    Diagnostic("m.argmap", 3, 7, "A101", "message", Severity.WARNING, "h", 3, 9,
               "unsupported-claim", "n1"),
])
def test_record_maker_makes_what_the_constructor_makes(record):
    made = record_maker(type(record))(tuple(record))
    assert made == record and type(made) is type(record)
    assert made._asdict() == record._asdict()
