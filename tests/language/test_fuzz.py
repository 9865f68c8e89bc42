"""Arbitrary text and bytes never make the parser raise: they give a document,
or diagnostics whose positions are real places in the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Severity
from argmap.load import parse_bytes
from argmap.resolve import resolve

_PIECES = st.sampled_from([
    "\n", "\n", "\n", "  ", "  ", "    ", " ", "\t", "\r\n", "\r", "\ufeff", "\x00", "\u00a0",
    "+ ", "- ", "? ", "~ ", "& ", ">< ", "+", "[a] ", "[b] ", "[", "]", "[a", "@a", "@[a b]",
    "@f.argmap#a", "@", "# ", "## T", "#tag", " #t", "//", "// c", "source: ", "answer: ",
    "answer: partial", "kind: assumption", "kind: x", "sorce: ", "at: l. 3", "---\n", "---",
    "title: x\n", "include: [x]\n", "\\", "\\u{110000}", "\\u{41}", "\\[", "text", "é", "漢",
])
_ARGMAP_LIKE = st.lists(_PIECES | st.text(max_size=4), max_size=60).map("".join)


def _lines(text: str) -> list[str]:
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _assert_sound(data: bytes, resolving: bool = False) -> None:
    document, diagnostics = parse_bytes(data, "fuzz.argmap")
    if resolving:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.argmap"
            path.write_bytes(data)
            (Path(folder) / "argmap.yaml").write_text("")
            _, diagnostics = resolve(str(path))
    try:
        lines = _lines(data.decode("utf-8"))
    except UnicodeDecodeError:
        assert document is None
        assert diagnostics and {d.code for d in diagnostics} == {"E100"}
        lines = _lines(data.decode("utf-8", "replace"))
    if document is None:
        assert any(d.severity is Severity.ERROR for d in diagnostics)
    for diagnostic in diagnostics:
        assert diagnostic.path.endswith("fuzz.argmap"), diagnostic
        assert 1 <= diagnostic.line <= len(lines), diagnostic
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1, diagnostic
        assert diagnostic.code[0] == "E" and diagnostic.message
        assert diagnostic.code == "E999" or diagnostic.hint, diagnostic


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARGMAP_LIKE)
def test_argmap_like_text_gives_diagnostics_never_an_exception(text):
    _assert_sound(text.encode("utf-8"), resolving=True)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_diagnostics_never_an_exception(text):
    _assert_sound(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_any_bytes_give_diagnostics_never_an_exception(data):
    _assert_sound(data)
