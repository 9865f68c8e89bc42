"""The grammar compiled by Lark into LALR tables, kept in a small cache file.

Lark reads grammar/argmap.lark and computes its LALR(1) tables; argmap keeps
those tables (and the line terminals' regular expressions) in plain Python data,
which `marshal` stores and loads in well under a millisecond. A run that finds
the cache therefore parses without importing Lark at all: importing Lark and
loading its own cache took about a fifth of the start-up of `argmap lint` on a
small file. argmap/lalr.py runs the tables.

The cache file holds the grammar text it was made from, and is used only when
that text (and the format and Python version) match; anything else (a missing,
stale, foreign or corrupt file) is recompiled and rewritten, never trusted."""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from functools import cache
from typing import NamedTuple

from .grammar import INNER_TERMINALS, NEWLINE, KeepInner, cache_folder, grammar_text

# Bumped whenever the layout of the cached data changes.
FORMAT = 1
# How each symbol on a rule's right-hand side becomes part of the rule's value,
# as in a Lark tree: terminals named _X are dropped, rules named _x are spliced
# into the rule above (Lark's inlining), anything else is kept.
KEEP, DROP, SPLICE = 0, 1, 2


class Rule(NamedTuple):
    origin: str  # the rule's name, e.g. "child" or "__start_star_0"
    plan: tuple[int, ...]  # KEEP, DROP or SPLICE per symbol of the expansion


class Tables(NamedTuple):
    # actions[state][symbol]: a shift (or goto) to state n is n; a reduction by
    # rule r is -1 - r.
    actions: list[dict[str, int]]
    rules: list[Rule]
    start: int
    end: int
    # (name, regex) of the line terminals, in the order that Lark's lexer tries them.
    line_terminals: list[tuple[str, str]]
    regex_flags: int
    inner: dict[str, str]  # name -> regex of the terminals inside a line


@cache
def load() -> Tables:
    """The tables for the installed grammar: from the cache, else compiled (and cached)."""
    text = grammar_text()
    folder = cache_folder()
    path = None
    if folder is not None:
        digest = zlib.crc32(text.encode("utf-8")) & 0xFFFFFFFF
        path = os.path.join(folder, f"tables-{FORMAT}-{digest:08x}.marshal")
        found = _read(path, text)
        if found is not None:
            return found
    tables = compile_tables(text)
    if path is not None:
        _write(path, text, tables)
    return tables


def _stamp() -> str:
    return f"{FORMAT} {sys.version_info[0]}.{sys.version_info[1]}"


def _read(path: str, text: str) -> Tables | None:
    try:
        with open(path, "rb") as stream:
            stamp, grammar, data = marshal.loads(stream.read())
        if stamp != _stamp() or grammar != text:
            return None
        actions, rules, start, end, lines, flags, inner = data
        return Tables(actions, [Rule(origin, plan) for origin, plan in rules], start, end,
                      lines, flags, inner)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # missing, unreadable or not ours: compile again


def _write(path: str, text: str, tables: Tables) -> None:
    data = (tables.actions, [tuple(rule) for rule in tables.rules], tables.start, tables.end,
            tables.line_terminals, tables.regex_flags, tables.inner)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as stream:
            stream.write(marshal.dumps((_stamp(), text, data)))
        os.replace(temporary, path)  # a reader sees the whole file or none
    except (OSError, ValueError):  # ValueError: data marshal cannot store
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def compile_tables(text: str) -> Tables:
    """Let Lark analyse the grammar, and take its tables out as plain data."""
    from lark import Lark
    from lark.parsers.lalr_analysis import Shift

    parser = Lark(text, parser="lalr", lexer="basic", postlex=KeepInner(),
                  maybe_placeholders=False)
    table = parser.parser.parser.parser.parse_table
    rules = list(parser.rules)
    number = {id(rule): index for index, rule in enumerate(rules)}
    states = sorted(table.states)
    if states != list(range(len(states))):
        raise ValueError("Lark numbered the LALR states in a way argmap does not expect")
    actions = []
    for state in states:
        row = {}
        for symbol, (action, argument) in table.states[state].items():
            # str() and int(): Lark's names can be str subclasses, which marshal refuses.
            row[str(symbol)] = int(argument) if action is Shift else -1 - number[id(argument)]
        actions.append(row)
    terminals = {t.name: t for t in parser.terminals}
    lines = [t for t in parser.terminals
             if t.name != NEWLINE and t.name not in INNER_TERMINALS]
    # The order of Lark's basic lexer: the first terminal that matches wins.
    lines.sort(key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    return Tables(
        actions, [Rule(str(rule.origin.name), _plan(rule)) for rule in rules],
        int(table.start_states["start"]), int(table.end_states["start"]),
        [(str(t.name), str(t.pattern.to_regexp())) for t in lines],
        int(parser.lexer_conf.g_regex_flags),
        {name: str(terminals[name].pattern.to_regexp()) for name in INNER_TERMINALS})


def _plan(rule) -> tuple[int, ...]:
    options = rule.options
    if rule.alias or options.expand1 or options.keep_all_tokens or options.empty_indices:
        # argmap/lalr.py builds values as Lark would for the forms the grammar
        # uses; a new form must be taught to it first, not silently mis-built.
        raise ValueError(f"the rule {rule.origin.name} uses a form of Lark rule "
                         "(alias, ?rule, !rule or [optional]) that argmap/lalr.py does not build")
    plan = []
    for symbol in rule.expansion:
        if symbol.is_term:
            if symbol.filter_out != symbol.name.startswith("_"):
                raise ValueError(f"the rule {rule.origin.name} uses an anonymous token, "
                                 "which argmap/lalr.py does not build")
            plan.append(DROP if symbol.filter_out else KEEP)
        else:
            plan.append(SPLICE if symbol.name.startswith("_") else KEEP)
    return tuple(plan)

