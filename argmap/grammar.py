"""Loading grammar/argmap.lark into an LALR parser (cached across runs)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lark import Lark

GRAMMAR_NAME = "argmap.lark"
# Terminals that only describe the inside of a line; kept so that the code and
# the highlighting can compile them from the grammar.
INNER_TERMINALS = ("MARKER", "ID_DEF", "REFERENCE", "TAG", "FIELD_KEY", "COMMENT", "ESCAPE")
# What every postlexer given to Lark keeps. Lark's cache key ignores the
# postlexer, so the layout pass and _KeepInner must keep the same terminals,
# or one would load the other's cached lexer. The inner terminals never match
# in the lexer: TEXT_LINE, with a higher priority, matches any line first.
ALWAYS_ACCEPT = ("_NL", *INNER_TERMINALS)


def grammar_path() -> Path:
    """The grammar inside the installed package, or grammar/ in a source checkout."""
    packaged = Path(__file__).with_name("grammar") / GRAMMAR_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "grammar" / GRAMMAR_NAME


def grammar_text() -> str:
    return grammar_path().read_text(encoding="utf-8")


@cache
def build_parser(transformer, postlex) -> Lark:
    # cache=True stores the compiled LALR tables in the temp dir, keyed by the
    # grammar's hash: start-up matters because writers run argmap on every save.
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="basic",
        postlex=postlex,
        transformer=transformer,
        propagate_positions=False,
        maybe_placeholders=False,
        cache=True,
    )


@cache
def inner_patterns() -> dict[str, re.Pattern]:
    """The line-internal terminals of the grammar, compiled."""
    parser = Lark(grammar_text(), parser="lalr", lexer="basic", postlex=_KeepInner(), cache=True)
    found = {}
    for name in INNER_TERMINALS:
        terminal = parser.get_terminal(name)
        found[name] = re.compile(terminal.pattern.to_regexp())
    return found


class _KeepInner:
    always_accept = ALWAYS_ACCEPT

    def process(self, stream):
        return stream
