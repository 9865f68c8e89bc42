"""Inline suppressions: for one node or line, and for a whole file."""

from __future__ import annotations

from .helpers import lint_snippet

HEAD = "---\ntitle: T\n---\n"


def found(run):
    return [(d.line, d.rule) for d in run.diagnostics]


def test_a_comment_above_a_node_silences_that_rule_there_only(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "[thesis] T.\n"
                       "  // argmap: ignore unsupported-claim\n"
                       "  + [a] A.\n"
                       "  + [b] B.\n")
    assert found(run) == [(7, "unsupported-claim")]
    assert run.suppressed == 1


def test_blank_lines_and_other_comments_may_come_between(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "// argmap: ignore unsupported-claim\n"
                       "// the author takes this as given\n\n"
                       "[thesis] T.\n")
    assert found(run) == []


def test_it_silences_the_node_wherever_the_finding_is_reported(tmp_path):
    # The duplicate relation is reported on the reference line (9), with the
    # node `a`; the suppression above a's definition (line 7) names the node.
    run = lint_snippet(tmp_path, HEAD + "[thesis] T.\n"
                       "  // argmap: ignore duplicate-relation\n"
                       "  + [a] A.\n"
                       "    source: p. 1\n"
                       "  + @a\n")
    assert found(run) == []
    assert run.suppressed == 1


def test_a_suppression_names_several_rules_by_name_or_code(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "// argmap: ignore A101, quote-without-source -- why\n"
                       "[thesis] T.\n  quote: \"words\"\n")
    assert found(run) == []
    assert run.suppressed == 2


def test_ignore_file_silences_a_rule_in_the_whole_file(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "[thesis] T.\n  + [a] A.\n  + [b] B.\n"
                       "// argmap: ignore-file unsupported-claim\n")
    assert found(run) == []
    assert run.suppressed == 2  # a and b; the thesis has their support


def test_ignore_file_does_not_reach_into_other_files(tmp_path):
    (tmp_path / "part.argmap").write_text("[other] O.\n", encoding="utf-8")
    run = lint_snippet(tmp_path, "---\ntitle: T\ninclude: [part.argmap]\n---\n"
                       "// argmap: ignore-file unsupported-claim\n[thesis] T.\n")
    assert [(d.path.rsplit("/", 1)[-1], d.rule) for d in run.diagnostics] == [
        ("part.argmap", "unsupported-claim")]


def test_an_unknown_rule_is_reported_with_the_closest_name(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "// argmap: ignore unsupported-claims\n[thesis] T.\n")
    problem = next(d for d in run.diagnostics if d.rule == "invalid-suppression")
    assert (problem.line, problem.column, problem.code) == (4, 1, "A902")
    assert "unknown rule 'unsupported-claims'" in problem.message
    assert problem.hint == "did you mean 'unsupported-claim'?"
    # The misspelt suppression silences nothing.
    assert "unsupported-claim" in {d.rule for d in run.diagnostics}


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "// argmap: ignore-file duplicate-text\n"
                       "// argmap: ignore unsupported-claim\n[thesis] T.\n  source: p. 1\n")
    assert found(run) == [(4, "unused-suppression"), (5, "unused-suppression")]


def test_suppressions_of_rules_that_do_not_run_are_not_reported(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "// argmap: ignore unsupported-claim\n"
                       "[thesis] T.\n  source: p. 1\n", ignore=["unsupported-claim"])
    assert found(run) == []


def test_the_suppression_rules_can_be_silenced_for_a_file(tmp_path):
    run = lint_snippet(tmp_path, HEAD + "// argmap: ignore-file unused-suppression\n"
                       "// argmap: ignore unsupported-claim\n[thesis] T.\n  source: p. 1\n")
    assert found(run) == []
