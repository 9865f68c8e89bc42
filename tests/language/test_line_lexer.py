"""The line lexer yields exactly the tokens of Lark's own lexer for the grammar,
at the same positions, except the _NL tokens that are one line break and
spaces, which it leaves out."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import tables
from argmap.grammar import build_parser
from argmap.lexer import LineLexer

ROOT = Path(__file__).resolve().parents[2]
_FIELDS = ("type", "value", "start_pos", "line", "column", "end_line", "end_column", "end_pos")
_PIECES = st.sampled_from([
    "\n", "\n", "\n", " ", "  ", "    ", "\t", "\f", "\v", "\u00a0", "\x1f", "//", "// c", "/",
    "# ", "#", "##", "+ ", "+", "- ", "?", "~ ", "& ", ">< ", ">", "@", "@a", "[", "[a] ", "]",
    "source: ", "key:", "Key: ", "\\", "text", "é",
])


def _lark_tokens(text: str) -> list[tuple]:
    tokens = build_parser().lex(text)
    return [_fields(t) for t in tokens if not _says_nothing(t)]


def _line_tokens(text: str) -> list[tuple]:
    found = tables.load()
    lexer = LineLexer(found.line_terminals, found.regex_flags)
    return [_fields(t) for t in lexer.tokens(text)]


def _says_nothing(token) -> bool:
    value = token.value
    return token.type == "_NL" and value.count("\n") == 1 and not value[1:].strip(" ")


def _fields(token) -> tuple:
    return tuple(getattr(token, name) for name in _FIELDS)


def test_the_tokens_of_every_map_in_the_repository_match_larks():
    files = [*ROOT.glob("maps/**/*.argmap"), *ROOT.glob("tests/**/*.argmap")]
    assert files
    for path in files:
        text = "\n" + path.read_text(encoding="utf-8", errors="replace")
        assert _line_tokens(text) == _lark_tokens(text), path


def test_blank_lines_comments_and_odd_indentation_keep_their_newline_token():
    text = "\n[a] A.\n\n  + B.\n  // note\n\t- C.\n    D\n"
    kinds = [(t[0], t[1]) for t in _line_tokens(text)]
    assert kinds == [("ID_LINE", "[a] A."), ("_NL", "\n\n  "), ("NODE_LINE", "+ B."),
                     ("_NL", "\n  // note\n\t"), ("NODE_LINE", "- C."),
                     ("TEXT_LINE", "D")]
    assert _line_tokens(text) == _lark_tokens(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=3), max_size=40).map("".join))
def test_any_text_lexes_as_larks_lexer_lexes_it(text):
    assert _line_tokens(text) == _lark_tokens(text)
