"""The support-aware semantics: fixed snippets, and random maps against the
independent reference in oracle.py."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluate import evaluate
from argmap.model import Kind, Map, Node, Relation, RelationType, Span, Strength

from .helpers import load_snippet, statuses
from .oracle import SupportOracle


def support(tmp_path, text):
    return statuses(tmp_path, text, "support")


def test_unsupported_thesis_is_out_and_evidence_makes_it_stand(tmp_path):
    assert support(tmp_path, "[t] A thesis.\n")["t"] == "out"
    found = support(tmp_path, "[t] A thesis.\n  + [e] Evidence.\n    source: p. 1\n")
    assert found == {"t": "in", "e": "in"}


def test_assumption_and_sourced_thesis_need_no_support(tmp_path):
    found = support(tmp_path, "[a] Assumed.\n  kind: assumption\n[s] Sourced.\n  source: x\n")
    assert found == {"a": "in", "s": "in"}


def test_linked_group_needs_every_premise(tmp_path):
    text = ("[t] Thesis.\n"
            "  + [p] Premise one.\n    source: a\n"
            "  & [q] Premise two, unsupported.\n")
    assert support(tmp_path, text) == {"t": "out", "p": "in", "q": "out"}
    text += "  + [r] Another reason.\n    source: b\n"
    assert support(tmp_path, text)["t"] == "in"


def test_undercut_that_stands_takes_the_support_away(tmp_path):
    text = ("[t] Thesis.\n"
            "  + [p] Premise.\n    source: a\n"
            "  ~ [u] The premise does not show the thesis.\n")
    found = support(tmp_path, text)
    assert found == {"t": "out", "p": "in", "u": "in"}
    # In the grounded semantics supports do not count, so neither does the undercut.
    assert statuses(tmp_path, text)["t"] == "in"


def test_undercut_answered_gives_the_support_back(tmp_path):
    text = ("[t] Thesis.\n"
            "  + [p] Premise.\n    source: a\n"
            "  ~ [u] The premise does not show the thesis.\n"
            "    - [v] It does.\n      source: b\n")
    assert support(tmp_path, text) == {"t": "in", "p": "in", "u": "out", "v": "in"}


def test_objection_answered_by_support_written_below_it(tmp_path):
    text = ("[t] Thesis.\n"
            "  kind: assumption\n"
            "  ? [o] An objection.\n"
            "  + [s] New evidence for the thesis.\n    source: c\n")
    assert support(tmp_path, text)["t"] == "in"
    assert statuses(tmp_path, text)["t"] == "out"  # grounded: only attacks answer


def test_support_written_above_the_objection_does_not_answer_it(tmp_path):
    text = ("[t] Thesis.\n"
            "  + [s] Evidence.\n    source: c\n"
            "  ? [o] An objection.\n")
    assert support(tmp_path, text)["t"] == "out"


def test_answering_support_that_falls_does_not_answer(tmp_path):
    text = ("[t] Thesis.\n  kind: assumption\n"
            "  ? [o] An objection.\n"
            "  + [s] A reason with nothing under it.\n")
    assert support(tmp_path, text) == {"t": "out", "o": "in", "s": "out"}


def test_a_rebuttal_is_not_answered_by_support(tmp_path):
    text = ("[t] Thesis.\n  kind: assumption\n"
            "  - [r] A rebuttal.\n"
            "  + [s] Evidence.\n    source: c\n")
    assert support(tmp_path, text)["t"] == "out"


def test_partial_and_conceded_answers_are_not_attacks(tmp_path):
    for strength in ("partial", "conceded"):
        text = ("[t] Thesis.\n  source: a\n"
                "  ? [o] Objection.\n"
                f"    - [r] Reply.\n      source: b\n      answer: {strength}\n")
        for semantics in ("grounded", "support"):
            assert statuses(tmp_path, text, semantics) == {"t": "out", "o": "in", "r": "in"}


def test_a_reply_that_only_concedes_needs_no_support(tmp_path):
    text = ("[t] Thesis.\n  source: a\n"
            "  ? [o] Objection.\n"
            "    - [r] The author grants it.\n      answer: conceded\n")
    argmap = load_snippet(tmp_path, text)
    assert "r" not in evaluate(argmap, "support").needs_support


def test_con_side_claims_need_no_support(tmp_path):
    text = "[t] Thesis.\n  source: a\n  - [r] An unsupported rebuttal.\n"
    assert support(tmp_path, text) == {"t": "out", "r": "in"}


def test_contradiction_attacks_both_ways(tmp_path):
    text = "[a] A.\n  source: x\n  >< [b] B.\n    source: y\n"
    for semantics in ("grounded", "support"):
        assert statuses(tmp_path, text, semantics) == {"a": "undecided", "b": "undecided"}


def test_circular_support_is_out_not_undecided(tmp_path):
    text = "[a] A.\n  + [b] B.\n    + @a\n[c] C.\n  + @b\n"
    assert support(tmp_path, text) == {"a": "out", "b": "out", "c": "out"}


def test_support_through_an_undecided_premise_is_undecided(tmp_path):
    text = ("[t] Thesis.\n"
            "  + [p] Premise.\n    source: a\n"
            "    >< [q] Its contrary.\n      source: b\n")
    assert support(tmp_path, text) == {"t": "undecided", "p": "undecided", "q": "undecided"}


def test_needs_support_matches_the_lint(tmp_path):
    from argmap.lint.run import lint_paths

    text = ("---\ntitle: T\n---\n[t] Thesis.\n"
            "  + [p] A premise.\n"
            "  + [e] Evidence.\n    source: a\n"
            "  ? [o] Objection.\n"
            "    - [r] Reply.\n")
    (tmp_path / "argmap.yaml").touch()
    argmap = load_snippet(tmp_path, text)
    result = lint_paths([argmap.path], select=["A101"])
    flagged = {d.node for d in result.diagnostics if d.code == "A101"}
    evaluation = evaluate(argmap, "support")
    unsupported = {n for n in evaluation.needs_support
                   if not any(r.type is RelationType.SUPPORT and r.target == n
                              for r in argmap.relations)}
    assert unsupported == flagged == {"p", "r"}


# ---- random maps against the reference -------------------------------------

KINDS = [RelationType.SUPPORT, RelationType.SUPPORT, RelationType.REBUTTAL,
         RelationType.OBJECTION, RelationType.OBJECTION, RelationType.CONTRADICTION,
         RelationType.UNDERCUT]


@st.composite
def maps(draw):
    count = draw(st.integers(1, 9))
    ids = [f"n{i}" for i in range(count)]
    nodes = []
    for index, node_id in enumerate(ids):
        flavour = draw(st.sampled_from(["claim", "claim", "evidence", "assumption"]))
        nodes.append(Node(node_id, "text", "m.argmap", Span(index + 1, 1, index + 1, 2),
                          source="s" if flavour == "evidence" else None,
                          kind=Kind.ASSUMPTION if flavour == "assumption" else Kind.CLAIM))
    relations: list[Relation] = []
    for _ in range(draw(st.integers(0, 3 * count))):
        kind = draw(st.sampled_from(KINDS))
        source, target = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        line = draw(st.integers(1, 40))
        path = draw(st.sampled_from(["m.argmap", "m.argmap", "part.argmap"]))
        span = Span(line, 3, line, 4)
        strength = draw(st.sampled_from([None, None, None, Strength.FULL, Strength.PARTIAL,
                                         Strength.CONCEDED]))
        group = draw(st.sampled_from([None, None, "g1", "g2"]))
        supports = [r for r in relations if r.type is RelationType.SUPPORT]
        if kind is RelationType.UNDERCUT and supports:
            undercut = draw(st.sampled_from(supports))
            relations.append(Relation(kind, source, undercut.source, path, span, undercut.group,
                                      strength, undercut.target))
        elif kind is RelationType.SUPPORT:
            relations.append(Relation(kind, source, target, path, span, group, strength))
        else:
            relations.append(Relation(kind, source, target, path, span, None, strength))
    return Map("m.argmap", tuple(nodes), tuple(relations), files=("m.argmap", "part.argmap"))


@settings(max_examples=400, deadline=None)
@given(maps())
def test_matches_the_reference(argmap):
    evaluation = evaluate(argmap, "support")
    assert evaluation.status == SupportOracle(argmap, evaluation.needs_support).solve()


@settings(max_examples=200, deadline=None)
@given(maps())
def test_every_node_gets_a_status_and_a_reason(argmap):
    from argmap.evaluate.explain import Explainer

    for semantics in ("grounded", "support"):
        evaluation = evaluate(argmap, semantics)
        assert set(evaluation.status) == {node.id for node in argmap.nodes}
        explainer = Explainer(evaluation)
        for node in argmap.nodes:
            reason = explainer.reason(node.id)
            assert reason.summary and set(reason.nodes) <= set(evaluation.status)


@settings(max_examples=300, deadline=None)
@given(maps())
def test_reasons_of_decided_nodes_never_go_round_in_a_circle(argmap):
    """Following `because` from an in or out node ends: each reason rests on
    nodes decided before it (circular support aside, which says so)."""
    from argmap.evaluate.circuit import UNFOUNDED
    from argmap.evaluate.explain import Explainer

    for semantics in ("grounded", "support"):
        evaluation = evaluate(argmap, semantics)
        if UNFOUNDED in evaluation.solution.causes:
            continue
        explainer = Explainer(evaluation)
        decided = {n for n, s in evaluation.status.items() if s != "undecided"}
        rests_on = {n: [m for m in explainer.reason(n).nodes if m in decided] for n in decided}
        order = _topological(rests_on)
        assert order is not None, "a reason rests on itself"


def _topological(graph: dict[str, list[str]]):
    waiting = {n: len(edges) for n, edges in graph.items()}
    users: dict[str, list[str]] = {n: [] for n in graph}
    for node, edges in graph.items():
        for edge in edges:
            users[edge].append(node)
    ready = [n for n, count in waiting.items() if count == 0]
    for node in ready:
        for user in users[node]:
            waiting[user] -= 1
            if waiting[user] == 0:
                ready.append(user)
    return ready if len(ready) == len(graph) else None


def _support_chain(count: int, closed: bool) -> Map:
    """n0 <- n1 <- ... supports, the last one evidence, or supporting n0 again."""
    span = Span(1, 1, 1, 2)
    nodes = tuple(Node(f"n{i}", "t", "m.argmap", span,
                       source="s" if i == count - 1 and not closed else None)
                  for i in range(count))
    relations = [Relation(RelationType.SUPPORT, f"n{i + 1}", f"n{i}", "m.argmap", span)
                 for i in range(count - 1)]
    if closed:
        relations.append(Relation(RelationType.SUPPORT, "n0", f"n{count - 1}", "m.argmap", span))
    return Map("m.argmap", nodes, tuple(relations), files=("m.argmap",))


def test_deep_support_chains_need_no_recursion():
    standing = evaluate(_support_chain(30_000, closed=False), "support").status
    assert set(standing.values()) == {"in"}
    circular = evaluate(_support_chain(30_000, closed=True), "support").status
    assert set(circular.values()) == {"out"}
