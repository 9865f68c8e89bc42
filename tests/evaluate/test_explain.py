"""The reasons: each names what decides the node, and the nodes it rests on."""

from __future__ import annotations

from argmap.evaluate import evaluate
from argmap.evaluate.explain import Explainer
from argmap.evaluate.report import to_text

from .helpers import framework_map, load_snippet


def reasons(tmp_path, text, semantics="grounded"):
    evaluation = evaluate(load_snippet(tmp_path, text), semantics)
    explainer = Explainer(evaluation)
    return {node: explainer.reason(node) for node in evaluation.status}


def test_unattacked_and_defeated(tmp_path):
    found = reasons(tmp_path, "[t] T.\n  - [r] R.\n")
    assert found["r"].summary == "nothing attacks it" and found["r"].nodes == ()
    assert found["t"].summary == "defeated by 'r' (rebuttal), which is in"
    assert found["t"].nodes == ("r",)


def test_defended_lists_the_attackers_that_are_out(tmp_path):
    found = reasons(tmp_path, "[t] T.\n  ? [o] O.\n    - [r] R.\n  - [s] S.\n    - [u] U.\n")
    assert found["t"].summary == "every attacker is out: 'o' (objection), 's' (rebuttal)"
    assert found["t"].nodes == ("o", "s")


def test_partial_and_conceded_replies_are_named(tmp_path):
    text = ("[t] T.\n  ? [o] O.\n    - [p] P.\n      answer: partial\n"
            "    - [c] C.\n      answer: conceded\n")
    found = reasons(tmp_path, text)
    assert found["o"].summary == (
        "nothing attacks it in full; 'p' only partly answers it (answer: partial), "
        "'c' concedes it (answer: conceded), which is not an attack")


def test_cycles_are_named(tmp_path):
    found = reasons(tmp_path, "[a] A.\n  >< [b] B.\n")
    assert found["a"].summary == ("'a' and 'b' attack each other, and nothing outside the "
                                  "pair decides between them")
    evaluation = evaluate(framework_map("abcd", [("a", "b"), ("b", "c"), ("c", "a"),
                                                 ("d", "d"), ("a", "d")]))
    explainer = Explainer(evaluation)
    assert explainer.reason("a").summary == (
        "it is caught in a cycle of attacks that nothing outside breaks: 'a' is attacked by "
        "'c', 'c' by 'b', 'b' by 'a'")
    assert explainer.reason("d").summary == "it attacks itself"


def test_undecided_because_of_an_undecided_attacker(tmp_path):
    found = reasons(tmp_path, "[t] T.\n  - [a] A.\n    >< [b] B.\n")
    assert found["t"].summary == "'a' (rebuttal) is undecided" and found["t"].nodes == ("a",)


def test_support_reasons(tmp_path):
    text = ("[t] T.\n  + [p] P.\n    source: s\n  ~ [u] U.\n  + [q] Q.\n"
            "  ? [o] O.\n  + [e] E.\n    source: s\n")
    found = reasons(tmp_path, text, "support")
    assert found["t"].summary == ("the objection 'o' is answered by the support 'e', which "
                                  "stands; it stands on 'e'")
    assert found["q"].summary == "it needs support and has none (no source, not an assumption)"
    assert found["p"].summary == "nothing attacks it; it needs no support: it is evidence " \
                                 "(it has a source)"
    assert found["u"].summary == ("nothing attacks it; it needs no support: it argues against "
                                  "the author's side, and stands until answered")


def test_failing_support_names_each_group(tmp_path):
    text = "[t] T.\n  + [p] P.\n    source: s\n  ~ [u] U.\n  + [q] Q.\n  & [r] R.\n"
    found = reasons(tmp_path, text, "support")
    assert found["t"].summary == (
        "it needs support and no support stands: the inference from 'p' is undercut by 'u', "
        "which is in; its premise 'q' is out")
    assert found["t"].nodes == ("u", "q")


def test_circular_support_reason(tmp_path):
    found = reasons(tmp_path, "[a] A.\n  + [b] B.\n    + @a\n", "support")
    assert found["a"].summary == ("it needs support, and every chain of support under it "
                                  "runs in a circle ('b')")


def test_text_report_explains_a_chain_once(tmp_path):
    text = "[t] T.\n  ? [o] O.\n    - [r] R.\n[s] S.\n  - @o\n"
    evaluation = evaluate(load_snippet(tmp_path, text))
    report = to_text(evaluation)
    path = evaluation.map.path
    assert f"IN  t  ({path}:1)\n    T.\n    why: every attacker is out: 'o' (objection)\n" \
           f"    - o is out ({path}:2): defeated by 'r' (rebuttal), which is in\n" \
           f"        - r is in ({path}:3): nothing attacks it\n" in report
    # Each thesis gets its whole chain, even where another thesis's chain shows it.
    assert f"IN  s  ({path}:4)\n    S.\n    why: every attacker is out: 'o' (rebuttal)" \
           in report
    assert report.count(f"- o is out ({path}:2)") == 2


def test_text_report_says_see_above_for_a_node_met_twice(tmp_path):
    text = "[t] T.\n  - [a] A.\n    - [c] C.\n  - [b] B.\n    - @c\n"
    report = to_text(evaluate(load_snippet(tmp_path, text)))
    assert report.count("- c is in") == 2 and report.count(": see above") == 1


def test_text_report_caps_long_lists(tmp_path):
    text = "[t] T.\n" + "".join(f"  - [r{i}] R.\n    - [a{i}] A.\n" for i in range(9))
    report = to_text(evaluate(load_snippet(tmp_path, text)))
    assert "(and 3 more: use --format json for every node)" in report
    assert report.count("- r") == 6


def test_reports_of_a_deep_undecided_chain_need_no_recursion():
    count = 20_000  # far beyond Python's recursion limit
    attacks = [(0, 0)] + [(i, i + 1) for i in range(count - 1)]
    evaluation = evaluate(framework_map(range(count), attacks))
    assert set(evaluation.status.values()) == {"undecided"}
    explainer = Explainer(evaluation)
    assert explainer.reason("0").summary == "it attacks itself"
    assert explainer.reason(str(count - 1)).summary == f"'{count - 2}' (rebuttal) is undecided"
    report = to_text(evaluation)
    # Every argument is a thesis here: each is explained, three levels deep.
    assert report.count("UNDECIDED  ") == count and report.count("\n") > 4 * count
