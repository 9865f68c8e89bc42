"""Where grammar/argmap.lark is, and Lark's own parser for it, which lexes only.

Parsing does not go through Lark at run time: Lark compiles the grammar into
tables once (argmap/tables.py), and argmap/lalr.py runs them. The Lark parser
built here serves the formatter and the tests, which need Lark's lexer itself."""

from __future__ import annotations

import os
import re
import sys
from functools import cache

GRAMMAR_NAME = "argmap.lark"
# Terminals that only describe the inside of a line; kept so that the code and
# the highlighting can compile them from the grammar.
INNER_TERMINALS = ("MARKER", "ID_DEF", "REFERENCE", "TAG", "FIELD_KEY", "COMMENT", "ESCAPE")
# What every postlexer given to Lark keeps. The inner terminals never match in
# the lexer: TEXT_LINE, with a higher priority, matches any line first.
NEWLINE = "_NL"
ALWAYS_ACCEPT = (NEWLINE, *INNER_TERMINALS)
CACHE_ENV = "ARGMAP_CACHE_DIR"


# Paths in this module are str handled by os.path, not pathlib: importing pathlib
# costs every start-up ~3 ms, and parsing needs the grammar's cache folder.
def grammar_path() -> str:
    """The grammar inside the installed package, or grammar/ in a source checkout."""
    packaged = os.path.join(os.path.dirname(__file__), "grammar", GRAMMAR_NAME)
    if os.path.isfile(packaged):
        return packaged
    checkout = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    return os.path.join(checkout, "grammar", GRAMMAR_NAME)


def grammar_text() -> str:
    with open(grammar_path(), encoding="utf-8") as stream:
        return stream.read()


@cache
def build_parser():
    """Lark's LALR parser for the grammar, with Lark's own lexer (every line and
    _NL token), for lexing. Its compiled tables are cached on disk by Lark."""
    from lark import Lark

    postlex = KeepInner()
    return Lark(grammar_text(), parser="lalr", lexer="basic", postlex=postlex,
                propagate_positions=False, maybe_placeholders=False,
                cache=cache_file("parser", postlex))


def cache_file(use: str, postlex) -> str | bool:
    """A cache file for one `use` of the grammar (Lark options differ per use),
    named by everything the compiled parser depends on: the grammar, the terminals
    the postlexer keeps (Lark's own key leaves them out), and the Lark and Python
    versions. Without a writable cache folder, no cache: Lark then builds the
    tables in memory."""
    import hashlib

    import lark

    kept = ",".join(getattr(postlex, "always_accept", ()))
    key = "\0".join((use, grammar_text(), kept, lark.__version__,
                     "{}.{}".format(*sys.version_info[:2])))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    folder = cache_folder()
    if folder is None:
        return False
    return os.path.join(folder, f"{use}-{digest}.lark-cache")


def cache_folder() -> str | None:
    if os.environ.get(CACHE_ENV):
        folder = os.environ[CACHE_ENV]
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        folder = os.path.join(os.environ["LOCALAPPDATA"], "argmap", "cache")
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        if not base:
            home = os.path.expanduser("~")
            if home.startswith("~"):  # no home folder
                return None
            base = os.path.join(home, ".cache")
        folder = os.path.join(base, "argmap")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


@cache
def inner_patterns() -> dict[str, re.Pattern]:
    """The line-internal terminals of the grammar, compiled."""
    from .tables import load

    return {name: re.compile(regex) for name, regex in load().inner.items()}


class KeepInner:
    """A postlexer that changes nothing; it makes Lark keep the terminals its
    lexer never produces (_NL, and the inner terminals)."""

    always_accept = ALWAYS_ACCEPT

    def process(self, stream):
        return stream
