"""argmap's LALR loop (argmap/lalr.py) builds, from the tables Lark computed,
exactly the values that Lark's own LALR parser builds for the same tokens:
the same rules reduced, with the same children (tokens named _X left out,
rules named _x spliced in), for every map in the repository and for arbitrary
text; and a grammar using a form of rule the loop does not build is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Tree
from lark.lexer import Lexer
from lark.lexer import Token as LarkToken

from argmap import tables
from argmap.diagnostics import DiagnosticSink
from argmap.grammar import grammar_text
from argmap.lalr import Parser, UnexpectedToken
from argmap.layout import Layout
from argmap.lexer import LineLexer

ROOT = Path(__file__).resolve().parents[2]
RULES = ("start", "heading", "claim", "anchor", "child")
_PIECES = st.sampled_from([
    "\n", "\n", "\n", " ", "  ", "    ", "\t", "//", "# ", "## ", "+ ", "- ", "? ", "~ ",
    "& ", ">< ", "@a", "[a] ", "source: x", "answer: full", "Key: ", "\\", "text", "é",
])


def _tokens(text: str) -> list:
    found = tables.load()
    layout = Layout()
    layout.reset(DiagnosticSink("t.argmap"))
    return list(layout.process(LineLexer(found.line_terminals,
                                         found.regex_flags).tokens("\n" + text)))


def _ours(tokens) -> tuple:
    handlers = {name: (lambda children, name=name: (name, tuple(map(_plain, children))))
                for name in RULES}
    return Parser(tables.load(), handlers).parse(tokens)


class _Replay(Lexer):
    """Gives Lark's parser a token stream made beforehand."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, data, *_):
        for token in data:
            yield LarkToken(token.type, token.value, token.start_pos, token.line, token.column)


def _larks(tokens) -> tuple:
    parser = Lark(grammar_text(), parser="lalr", lexer=_Replay, maybe_placeholders=False)
    return _plain(parser.parse(tokens))


def _plain(value):
    if isinstance(value, tuple):
        return value
    if isinstance(value, Tree):
        return (str(value.data), tuple(map(_plain, value.children)))
    return (value.type, value.value, value.line, value.column)


def test_every_map_in_the_repository_builds_as_in_lark():
    files = [*ROOT.glob("maps/**/*.argmap"), *ROOT.glob("tests/**/*.argmap")]
    assert files
    for path in files:
        tokens = _tokens(path.read_text(encoding="utf-8", errors="replace"))
        assert _ours(tokens) == _larks(tokens), path


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=3), max_size=40).map("".join))
def test_any_text_builds_as_in_lark(text):
    tokens = _tokens(text)
    assert _ours(tokens) == _larks(tokens)


def test_a_token_the_grammar_does_not_allow_is_reported_with_its_position():
    tokens = _tokens("[a] A.\n  + B.\n")
    tokens.insert(1, tokens[-1])  # a _DEDENT before any _INDENT
    with pytest.raises(UnexpectedToken) as raised:
        _ours(tokens)
    assert raised.value.token is tokens[1]
    assert "NODE_LINE" not in raised.value.expected and "TEXT_LINE" in raised.value.expected


@pytest.mark.parametrize("rule", ["?claim: TEXT_LINE", "claim: TEXT_LINE -> other",
                                  "!claim: TEXT_LINE", 'claim: TEXT_LINE "x"'])
def test_a_rule_form_the_loop_does_not_build_is_refused(rule):
    claim = "claim: (TEXT_LINE | ID_LINE) _attachment* (_INDENT child+ _DEDENT)?"
    grammar = grammar_text().replace(claim, rule, 1)
    assert grammar != grammar_text()
    with pytest.raises(ValueError, match="does not build"):
        tables.compile_tables(grammar)
