"""Front matter: values as written, block scalars with their final line break,
includes that agree with the metadata, errors at the right line of the file."""

from __future__ import annotations

import pytest

from .helpers import codes, parse_text


def _front(text):
    document, diagnostics = parse_text(text)
    return document.front, diagnostics


def test_a_block_scalar_at_the_end_keeps_its_final_line_break():
    front, diagnostics = _front("---\ntitle: T\ndescription: |\n  one\n  two\n---\n[a] A.\n")
    assert diagnostics == []
    assert front.data["description"] == "one\ntwo\n"
    front, _ = _front("---\ndescription: >-\n  one\n  two\n---\n")
    assert front.data["description"] == "one two"


def test_values_are_kept_as_written():
    front, diagnostics = _front("---\ntitle: 1984\ndate: 2024-03-14\nauthor: yes\n---\n")
    assert diagnostics == []
    assert front.data == {"title": "1984", "date": "2024-03-14", "author": "yes"}


@pytest.mark.parametrize(("value", "targets"), [
    ("a.argmap", ["a.argmap"]),
    ("[a.argmap, ' b.argmap ']", ["a.argmap", "b.argmap"]),
    ("\n  - 1\n  - c.argmap", ["1", "c.argmap"]),
])
def test_includes_and_metadata_agree(value, targets):
    front, diagnostics = _front(f"---\ninclude: {value}\n---\n")
    assert diagnostics == []
    assert [include.target for include in front.includes] == targets
    assert front.data["include"] == targets


@pytest.mark.parametrize("value", ["~", "", "[a.argmap, ~]", "[[x]]", "{a: b}"])
def test_an_include_that_is_not_a_path_is_an_error(value):
    front, diagnostics = _front(f"---\ninclude: {value}\n---\n")
    assert codes(diagnostics) and set(codes(diagnostics)) == {"E114"}
    assert all(d.line == 2 for d in diagnostics)
    assert all(include.target not in ("~", "None", "") for include in front.includes)


@pytest.mark.parametrize(("text", "code", "line", "column"), [
    ("---\ntitle: x\n\n[a] A.\n", "E110", 1, 1),
    ("---\ntitle: ok\ndescription: [x\n---\n", "E111", 3, 14),
    ("---\ntitle: \"open\n---\n", "E111", 2, 8),
    ("---\n\n\ntitle: a\n  b: c\n---\n", "E111", 5, 4),
    ("---\ntitle: &a x\n---\n", "E111", 2, 8),
    ("---\ntitle: a\x1fb\n---\n", "E111", 2, 9),
    ("---\n- a\n---\n", "E112", 2, 1),
    ("---\ntitle: a\nauthr: b\n---\n", "E113", 3, 1),
    ("---\ntitle: [a]\n---\n", "E114", 2, 1),
    ("---\ntitle: a\ntitle: b\n---\n", "E115", 3, 1),
])
def test_front_matter_errors_point_at_the_line_in_the_file(text, code, line, column):
    _, diagnostics = parse_text(text)
    assert [(d.code, d.line, d.column) for d in diagnostics] == [(code, line, column)]
    assert diagnostics[0].hint


def test_the_map_after_the_front_matter_keeps_its_line_numbers():
    document, diagnostics = parse_text("---\ntitle: T\n...\n\n[a] A.\n")
    assert diagnostics == []
    assert document.nodes[0].span.line == 5
