"""Node lines that the parser reads in one match (parse._PLAIN_CHILD and
_PLAIN_CLAIM) build exactly what the general path builds for them, with the
same diagnostics, on every map in the repository and on arbitrary node lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import parse
from argmap.load import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
_LINE_PIECES = st.sampled_from([
    "+ ", "- ", "? ", "~ ", "& ", ">< ", "", " ", "\t", "[a] ", "[a b]", "[ a]", "[]", "[a",
    "@a", "@a#b", "@[a b]", "@a b", "\\", "\\u{D800}", "#tag", " #t", "text", "é", "\u00a0",
    "\x0b", "]", "@", "[",
])


def _both(data: bytes):
    general = parse._Builder
    try:
        general.plain_lines = False
        slow = parse_bytes(data, "m.argmap")
    finally:
        general.plain_lines = True
    return parse_bytes(data, "m.argmap"), slow


@pytest.mark.parametrize("path", sorted(ROOT.glob("maps/**/*.argmap")), ids=str)
def test_every_bundled_map_parses_the_same_either_way(path):
    fast, slow = _both(path.read_bytes())
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "  ", "    "]),
                          st.lists(_LINE_PIECES | st.text(max_size=2), max_size=6).map("".join)),
                max_size=8))
def test_any_node_lines_parse_the_same_either_way(lines):
    text = "[root] Root.\n" + "".join(f"{indent}{body}\n" for indent, body in lines)
    fast, slow = _both(text.encode("utf-8"))
    assert fast == slow
