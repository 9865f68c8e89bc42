"""The writer spells any text so that the parser reads it back exactly, and the
hints tell users the escapes that really work."""

from __future__ import annotations

import pytest

from argmap.model import Map, Node, Span
from argmap.writer import escape_text, write

from .helpers import parse_text

TRICKY = [
    "source: looks like a field",
    "note: also a field key",
    "key:",
    "+ starts like a support",
    "- a rebuttal marker",
    "? a question",
    "~ tilde",
    "& ampersand",
    ">< contradiction",
    "# a heading",
    "### a deep heading",
    "#tag at the start",
    "ends in a tag #tag",
    "[not an id] at the start",
    "@not-a-reference",
    "// not a comment",
    "back\\slash and \\n and \\u{41} written out",
    "  leading and trailing spaces  ",
    "\u00a0no-break spaces\u00a0",
    "a line\nbreak and a\ttab and a \r return",
    "---",
    "Заметка: ключ на кириллице",
]


@pytest.mark.parametrize("text", TRICKY)
def test_texts_and_field_values_read_back_exactly(text):
    node = Node("n", text, "m", Span(1, 1, 1, 1), quote=text, at=text)
    source, problems = write(Map("m", (node,), ()))
    assert problems == []
    document, diagnostics = parse_text(source)
    assert diagnostics == [], source
    (back,) = document.nodes
    assert (back.text, back.quote, back.at) == (text, text, text), source


def test_a_field_key_is_escaped_at_its_colon():
    assert escape_text("note: x") == "note\\: x"
    assert escape_text("+ x") == "\\+ x"


@pytest.mark.parametrize(("text", "hint"), [
    ("[a] A.\n  note: x\n", "write note\\: to keep it as text"),
    ("note: x\n", "write note\\: to keep it as text"),
    ("[a] A.\n  [b] x\n", "write \\[ to keep '[' as text"),
])
def test_hints_give_escapes_that_work(text, hint):
    _, diagnostics = parse_text(text)
    assert any(hint in (d.hint or "") for d in diagnostics), diagnostics
    fixed = text.replace("note:", "note\\:").replace("  [b]", "  \\[b]")
    document, diagnostics = parse_text(fixed)
    assert diagnostics == []
    assert any("note: x" in n.text or "[b] x" in n.text for n in document.nodes)
