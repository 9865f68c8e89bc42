"""The grammar's tables are cached on disk (argmap/tables.py), and a cache is
used only when it was made from the same grammar, format and Python version;
a stale, foreign or corrupt file is rebuilt, and without a usable cache folder
parsing still works. Lark's own cache (for the lexing parser that the formatter
uses) is named by everything it depends on."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

from argmap import grammar, tables

PARSE = ("import sys\n"
         "from argmap.load import parse_bytes\n"
         "doc, diags = parse_bytes(b'[a] A.\\n  + [b] B.\\n', 'x.argmap')\n"
         "assert diags == [] and len(doc.edges) == 1, diags\n"
         "print('parsed', 'lark' in sys.modules)\n")
LEX_ONLY = ("from argmap.grammar import build_parser\n"
            "list(build_parser().lex('[a] A.'))\n")


def _run(code: str, cache: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, ARGMAP_CACHE_DIR=cache)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_cached_run_parses_without_importing_lark(tmp_path):
    first = _run(PARSE, str(tmp_path))
    assert first.returncode == 0 and first.stdout.split() == ["parsed", "True"], first.stderr
    assert len(list(tmp_path.glob("tables-*.marshal"))) == 1
    second = _run(PARSE, str(tmp_path))
    assert second.returncode == 0 and second.stdout.split() == ["parsed", "False"], second.stderr


def test_the_cached_tables_hold_the_grammar_they_were_made_from(tmp_path):
    assert _run(PARSE, str(tmp_path)).returncode == 0
    (cached,) = tmp_path.glob("tables-*.marshal")
    stamp, text, data = marshal.loads(cached.read_bytes())
    assert text == grammar.grammar_text()
    # Lark numbers the states differently from run to run (set order), so
    # compare what does not depend on the numbering.
    fresh = tables.compile_tables(text)
    assert len(data[0]) == len(fresh.actions)
    assert sorted(data[1]) == sorted(tuple(rule) for rule in fresh.rules)
    assert data[4] == fresh.line_terminals and data[6] == fresh.inner


def test_a_cache_made_from_another_grammar_is_not_used(tmp_path):
    assert _run(PARSE, str(tmp_path)).returncode == 0
    (cached,) = tmp_path.glob("tables-*.marshal")
    stamp, text, data = marshal.loads(cached.read_bytes())
    # Same file name, other grammar: e.g. a hash collision, or an edited file.
    broken = ([{} for _ in data[0]], *data[1:])
    cached.write_bytes(marshal.dumps((stamp, text + "// changed\n", broken)))
    done = _run(PARSE, str(tmp_path))
    assert done.returncode == 0 and "parsed" in done.stdout, done.stderr
    assert marshal.loads(cached.read_bytes())[1] == text  # rewritten


def test_a_corrupt_cache_file_is_rebuilt(tmp_path):
    assert _run(PARSE, str(tmp_path)).returncode == 0
    assert _run(LEX_ONLY, str(tmp_path)).returncode == 0
    for cached in [*tmp_path.glob("*.marshal"), *tmp_path.glob("*.lark-cache")]:
        cached.write_bytes(b"not a cache")
    for code in (PARSE, LEX_ONLY):
        done = _run(code, str(tmp_path))
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    assert "parsed" in _run(PARSE, str(tmp_path)).stdout


def test_a_truncated_cache_file_is_rebuilt(tmp_path):
    assert _run(PARSE, str(tmp_path)).returncode == 0
    (cached,) = tmp_path.glob("tables-*.marshal")
    cached.write_bytes(cached.read_bytes()[:100])
    done = _run(PARSE, str(tmp_path))
    assert done.returncode == 0 and done.stdout.split() == ["parsed", "True"], done.stderr


def test_parsing_works_without_a_usable_cache_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    done = _run(PARSE, str(blocker / "cache"))  # cannot be created: a file is in the way
    assert done.returncode == 0 and "parsed" in done.stdout, done.stderr
    assert done.stderr == ""
    assert not list(tmp_path.glob("**/*.tmp"))


def test_lark_cache_names_differ_by_use_and_by_what_the_postlexer_keeps(tmp_path,
                                                                       monkeypatch):
    monkeypatch.setenv(grammar.CACHE_ENV, str(tmp_path))

    class KeepsLess:
        always_accept = ("_NL",)

    names = {grammar.cache_file("parser", grammar.KeepInner()),
             grammar.cache_file("parser", KeepsLess()),
             grammar.cache_file("inner", grammar.KeepInner())}
    assert len(names) == 3
    assert all(Path(name).parent == tmp_path for name in names)
