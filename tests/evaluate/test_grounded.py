"""The grounded labelling, against its definition and against an established
implementation (formal-argumentation), on fixed cases and random frameworks."""

from __future__ import annotations

from argumentation.core.dung import ArgumentationFramework, grounded_extension
from argumentation.core.labelling import grounded_labelling as their_labelling
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluate import evaluate, grounded_labelling
from argmap.model import Kind

from .helpers import framework_map, reference_grounded


@st.composite
def frameworks(draw, max_arguments=12):
    count = draw(st.integers(0, max_arguments))
    arguments = [f"a{i}" for i in range(count)]
    if not arguments:
        return arguments, []
    pair = st.tuples(st.sampled_from(arguments), st.sampled_from(arguments))
    return arguments, draw(st.lists(pair, max_size=3 * count))


def theirs(arguments, attacks) -> dict[str, str]:
    framework = ArgumentationFramework(frozenset(arguments), frozenset(attacks))
    labelling = their_labelling(framework)
    return {a: {"in": "in", "out": "out", "undec": "undecided"}[labelling.statuses[a].value]
            for a in arguments}


def test_empty_framework():
    assert grounded_labelling([], []) == {}
    assert evaluate(framework_map([], [])).status == {}


def test_unattacked_argument_is_in():
    assert grounded_labelling(["a"], []) == {"a": "in"}


def test_chain_alternates_and_reinstates():
    labels = grounded_labelling("abcd", [("a", "b"), ("b", "c"), ("c", "d")])
    assert labels == {"a": "in", "b": "out", "c": "in", "d": "out"}


def test_self_attack_is_undecided_and_so_is_what_it_alone_attacks():
    labels = grounded_labelling("abc", [("a", "a"), ("a", "b"), ("c", "c"), ("b", "c")])
    assert labels == {"a": "undecided", "b": "undecided", "c": "undecided"}


def test_self_attacker_defeated_from_outside():
    assert grounded_labelling("ab", [("a", "a"), ("b", "a")]) == {"a": "out", "b": "in"}


def test_even_loop_is_undecided():
    assert grounded_labelling("ab", [("a", "b"), ("b", "a")]) == {"a": "undecided",
                                                                 "b": "undecided"}


def test_odd_loop_is_undecided():
    labels = grounded_labelling("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    assert set(labels.values()) == {"undecided"}


def test_loop_broken_from_outside():
    # d defeats a, so the even loop a <-> b resolves: b in, and c (attacked by b) out.
    labels = grounded_labelling("abcd", [("a", "b"), ("b", "a"), ("d", "a"), ("b", "c")])
    assert labels == {"a": "out", "b": "in", "c": "out", "d": "in"}


def test_repeated_attack_counts_once():
    labels = grounded_labelling("abc", [("a", "b"), ("a", "b"), ("c", "a")])
    assert labels == {"a": "out", "b": "in", "c": "in"}


def test_chain_of_100000_needs_no_recursion():
    count = 100_000
    arguments = [str(i) for i in range(count)]
    attacks = [(str(i), str(i + 1)) for i in range(count - 1)]
    labels = grounded_labelling(arguments, attacks)
    assert labels["0"] == "in" and labels["1"] == "out"
    assert labels[str(count - 1)] == ("in" if (count - 1) % 2 == 0 else "out")
    assert sum(status == "in" for status in labels.values()) == count // 2


def test_map_evaluation_of_a_long_chain(tmp_path):
    count = 100_000
    attacks = [(i + 1, i) for i in range(count - 1)]  # each argument attacks the one before
    status = evaluate(framework_map(range(count), attacks)).status
    assert status[str(count - 1)] == "in" and status[str(count - 2)] == "out"
    assert status["0"] == ("in" if (count - 1) % 2 == 0 else "out")


def test_matches_formal_argumentation_on_fixed_cases():
    cases = [
        ([], []),
        (["a"], [("a", "a")]),
        (["a", "b"], [("a", "b"), ("b", "a")]),
        (["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")]),
        (["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")]),
        (["a", "b", "c", "d", "e"], [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"),
                                     ("d", "e"), ("e", "c")]),
    ]
    for arguments, attacks in cases:
        assert grounded_labelling(arguments, attacks) == theirs(arguments, attacks)


@settings(max_examples=300, deadline=None)
@given(frameworks())
def test_matches_formal_argumentation(framework):
    arguments, attacks = framework
    ours = grounded_labelling(arguments, attacks)
    assert ours == theirs(arguments, attacks)
    extension = grounded_extension(ArgumentationFramework(frozenset(arguments),
                                                          frozenset(attacks)))
    assert {a for a, status in ours.items() if status == "in"} == extension


@settings(max_examples=200, deadline=None)
@given(frameworks(max_arguments=25))
def test_matches_the_definition_and_the_map_evaluation(framework):
    arguments, attacks = framework
    ours = grounded_labelling(arguments, attacks)
    assert ours == reference_grounded(arguments, attacks)
    assert evaluate(framework_map(arguments, attacks)).status == ours
    # With no supports, the support-aware mode agrees when nothing needs support.
    assumptions = framework_map(arguments, attacks, Kind.ASSUMPTION)
    assert evaluate(assumptions, "support").status == ours


@settings(max_examples=100, deadline=None)
@given(frameworks(max_arguments=30))
def test_labelling_is_a_complete_labelling(framework):
    """In is exactly 'every attacker out', out exactly 'some attacker in'."""
    arguments, attacks = framework
    labels = grounded_labelling(arguments, attacks)
    for argument in arguments:
        mine = [labels[x] for x, y in attacks if y == argument]
        assert (labels[argument] == "in") == all(s == "out" for s in mine)
        assert (labels[argument] == "out") == ("in" in mine)
