"""Sides (GUIDE §4), on maps built directly from the model."""

from __future__ import annotations

from argmap.lint import lint_map
from argmap.model import Map, Node, Relation, RelationType, Span
from argmap.sides import Side, SideAnalysis, compute_sides

PATH = "map.argmap"
SUP, REB, OBJ, UND, CTR = (RelationType.SUPPORT, RelationType.REBUTTAL, RelationType.OBJECTION,
                 RelationType.UNDERCUT, RelationType.CONTRADICTION)


def make_map(theses, children, external=()):
    """`children`: (type, source, target[, conclusion]) in file order."""
    nodes = [Node(n, f"text {n}", PATH, Span(i + 1, 1, i + 1, 5)) for i, n in enumerate(theses)]
    line = len(nodes)
    for kind, source, *_ in children:
        if source not in {n.id for n in nodes}:
            line += 1
            nodes.append(Node(source, f"text {source}", PATH, Span(line, 3, line, 9),
                              marker="+" if kind is SUP else "-"))
    nodes += [Node(n, f"text {n}", "other.argmap", Span(1, 1, 1, 5)) for n in external]
    relations = [Relation(kind, source, target, PATH, Span(i + 1, 3, i + 1, 9),
                          conclusion=rest[0] if rest else None)
                 for i, (kind, source, target, *rest) in enumerate(children)]
    return Map(PATH, tuple(nodes), tuple(relations), files=(PATH,))


def test_support_keeps_the_side_and_attacks_flip_it():
    argmap = make_map(["t"], [(SUP, "a", "t"), (REB, "b", "a"), (OBJ, "c", "b"), (SUP, "d", "c")])
    assert compute_sides(argmap) == {"t": Side.PRO, "a": Side.PRO, "b": Side.CON,
                                     "c": Side.PRO, "d": Side.PRO}


def test_an_undercut_takes_the_side_against_the_premise():
    argmap = make_map(["t"], [(SUP, "p", "t"), (UND, "u", "p", "t"), (REB, "v", "u")])
    assert compute_sides(argmap) == {"t": Side.PRO, "p": Side.PRO, "u": Side.CON,
                                     "v": Side.PRO}


def test_a_contradiction_flips_the_side_in_both_directions():
    # `c` is defined under `t`; `t2` is a thesis that contradicts `c` from the other end.
    argmap = make_map(["t", "t2"], [(SUP, "c", "t"), (CTR, "t2", "c")])
    sides = compute_sides(argmap)
    assert sides["c"] is Side.BOTH  # pro under t, con as t2's contradiction partner
    assert sides["t2"] is Side.BOTH


def test_a_node_reached_from_both_sides_is_both():
    argmap = make_map(["t"], [(SUP, "a", "t"), (REB, "a", "t")])
    assert compute_sides(argmap)["a"] is Side.BOTH


def test_unreachable_and_borrowed_nodes_have_no_side():
    # A node from another file is not a thesis of this map, even if it is top-level there.
    argmap = make_map(["t"], [(SUP, "a", "t")], external=["other.argmap#x"])
    assert "other.argmap#x" not in compute_sides(argmap)


def test_steps_lead_from_a_node_up_to_its_thesis():
    argmap = make_map(["t"], [(SUP, "a", "t"), (REB, "b", "a")])
    steps = SideAnalysis(argmap).steps("b", Side.CON)
    assert [(node, step.node, step.relation.type) for node, step in steps] == [
        ("b", "a", REB), ("a", "t", SUP)]


def test_a_chain_ten_thousand_deep_is_walked_without_recursion():
    depth = 10_000
    children = [(SUP if i % 2 else REB, f"n{i + 1}", f"n{i}") for i in range(depth)]
    argmap = make_map(["n0"], children)
    sides = compute_sides(argmap)
    # Rebuttals at every even step: the side flips every second level.
    expected = Side.PRO
    for i in range(1, depth + 1):
        if (i - 1) % 2 == 0:
            expected = expected.opposite
        assert sides[f"n{i}"] is expected
    lint_map(argmap)  # every rule, on the same depth: must finish without RecursionError


def test_a_deep_circle_of_support_is_found_without_recursion():
    depth = 10_000
    children = [(SUP, f"n{i + 1}", f"n{i}") for i in range(depth)] + [(SUP, "n0", f"n{depth}")]
    findings = lint_map(make_map(["n0"], children))
    circles = [d for d in findings if d.rule == "circular-support"]
    assert len(circles) == 1
    # depth + 1 supports make a circle of depth + 2 names, 8 of them shown.
    message = circles[0].message
    assert message.startswith("circular support: 'n0' → 'n10000' → 'n9999'")
    assert f"… {depth + 2 - 8} more …" in message
    assert message.endswith("'n1' → 'n0' (each supports the next)")
