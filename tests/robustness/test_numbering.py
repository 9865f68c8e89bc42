"""Node numbers (argmap/numbering.py): the resolver numbers a map as it
builds it, any other map is numbered on first use, and the two must agree;
the lint's analyses, which run on numbers, must find what they find by id."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.lint import lint_map
from argmap.load import Workspace
from argmap.model import Map, Node, Relation, RelationType, Span
from argmap.numbering import number_map
from argmap.resolve import resolve
from argmap.sides import Side, SideAnalysis

from .generators import FUZZ, untidy_maps

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted({*ROOT.glob("tests/**/*.argmap"), *ROOT.glob("maps/**/*.argmap")})


def assert_consistent(argmap: Map) -> None:
    """The map's numbering says what its ids say."""
    numbering = argmap.numbering
    first: dict[str, int] = {}
    assert len(numbering.of_node) == len(argmap.nodes)
    for position, node in enumerate(argmap.nodes):
        number = numbering.of_node[position]
        assert numbering.ids[number] == node.id
        assert number == first.setdefault(node.id, position)  # a duplicate shares the first's
    for index, relation in enumerate(argmap.relations):
        assert numbering.ids[numbering.sources[index]] == relation.source
        assert numbering.ids[numbering.targets[index]] == relation.target
        conclusion = numbering.conclusions[index]
        assert (None if conclusion is None else numbering.ids[conclusion]) == relation.conclusion


def shuffled(argmap: Map, rng: random.Random) -> Map:
    """The same map with its numbers shuffled: the analyses may rely on a
    number standing for one node, never on which number it is."""
    numbering = argmap.numbering
    order = list(range(len(numbering.ids)))
    rng.shuffle(order)  # old number -> new number
    ids = [""] * len(order)
    for old, new in enumerate(order):
        ids[new] = numbering.ids[old]
    renumbered = numbering._replace(
        ids=ids, of_node=[order[n] for n in numbering.of_node],
        sources=[order[n] for n in numbering.sources],
        targets=[order[n] for n in numbering.targets],
        conclusions=[None if n is None else order[n] for n in numbering.conclusions])
    return Map(*argmap, numbering=renumbered)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_resolvers_numbering_is_the_one_any_map_gets(path, monkeypatch):
    monkeypatch.chdir(path.parent)
    argmap, _ = resolve(path.name)
    if argmap is None:
        return  # a file of the invalid corpus that cannot be read at all
    assert argmap.numbering == number_map(argmap)
    assert_consistent(argmap)


def test_duplicates_share_a_number_and_borrowed_nodes_come_after_the_maps_own(tmp_path,
                                                                                  monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.yaml").write_text("")
    (tmp_path / "other.argmap").write_text("[far] A node of another map.\n")
    (tmp_path / "part.argmap").write_text("# Part\n[p] A node of an included file.\n"
                                          "  + @a\n  + Another without an id.\n")
    (tmp_path / "main.argmap").write_text(
        "---\ninclude: [part.argmap]\n---\n# Main\n"
        "[a] A thesis.\n  + A reason without an id.\n  - [a] A duplicate of a.\n"
        "    - @other.argmap#far\n  + @p\n  + @missing\n")
    argmap, diagnostics = resolve("main.argmap")
    assert sorted(d.code for d in diagnostics) == ["E300", "E301"]
    assert [n.id for n in argmap.nodes] == ["a", "_1", "a", "p", "_2", "other.argmap#far"]
    # Sections are numbered per file; an included file's get its prefix.
    assert [n.section for n in argmap.nodes] == ["s1", "s1", "s1", "f2.s1", "f2.s1", None]
    numbering = argmap.numbering
    assert numbering.of_node == [0, 1, 0, 3, 4, 5]
    assert numbering == number_map(argmap)
    assert_consistent(argmap)


def test_a_map_built_by_hand_numbers_ends_that_no_node_defines_after_the_nodes():
    span = Span(1, 1, 1, 5)
    argmap = Map("m.argmap", (Node("t", "A thesis.", "m.argmap", span),),
                 (Relation(RelationType.REBUTTAL, "ghost", "t", "m.argmap", span),),
                 files=("m.argmap",))
    assert argmap.numbering.ids == ["t", "ghost"]
    assert (argmap.numbering.sources, argmap.numbering.targets) == ([1], [0])
    sides = SideAnalysis(argmap)
    assert sides.sides == {"t": Side.PRO, "ghost": Side.CON}
    assert sides.side_numbers == [Side.PRO, Side.CON]


@FUZZ
@given(untidy_maps(), st.randoms(use_true_random=False))
def test_lint_and_sides_do_not_depend_on_which_number_a_node_has(tmp_path_factory, text, rng):
    folder = tmp_path_factory.mktemp("numbered")
    (folder / "argmap.yaml").write_text("")
    path = folder / "map.argmap"
    path.write_bytes(text.encode("utf-8"))
    argmap, _ = resolve(str(path), Workspace())
    assert argmap is not None
    assert_consistent(argmap)
    other = shuffled(argmap, rng)
    assert lint_map(other) == lint_map(argmap)
    sides, other_sides = SideAnalysis(argmap), SideAnalysis(other)
    assert other_sides.sides == sides.sides
    assert other_sides.on_both_sides == sides.on_both_sides
    by_number = other_sides.side_numbers
    assert {other.numbering.ids[n]: side for n, side in enumerate(by_number)
            if side is not None} == sides.sides
    for node in sides.on_both_sides:
        for side in (Side.PRO, Side.CON):
            assert other_sides.steps(node, side) == sides.steps(node, side)
            assert other_sides.route_end(node, side) == sides.route_end(node, side)
