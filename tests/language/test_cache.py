"""The compiled parser is cached on disk under a name that covers everything it
depends on, so that a cache written by another use of the grammar (or another
version) can never break parsing; without a usable cache folder, parsing works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from argmap import grammar

PARSE = ("from argmap.load import parse_bytes\n"
         "doc, diags = parse_bytes(b'[a] A.\\n  + [b] B.\\n', 'x.argmap')\n"
         "assert diags == [] and len(doc.edges) == 1, diags\n"
         "print('parsed')\n")
LEX_ONLY = ("from argmap.grammar import build_parser\n"
            "list(build_parser(None, None).lex('[a] A.'))\n")


def _run(code: str, cache: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, ARGMAP_CACHE_DIR=cache)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120)


def test_cache_names_differ_by_use_and_by_what_the_postlexer_keeps(tmp_path, monkeypatch):
    monkeypatch.setenv(grammar.CACHE_ENV, str(tmp_path))

    class KeepsLess:
        always_accept = ("_NL",)

    names = {grammar.cache_file("parser", grammar._KeepInner()),
             grammar.cache_file("parser", KeepsLess()),
             grammar.cache_file("inner", grammar._KeepInner())}
    assert len(names) == 3
    assert all(Path(name).parent == tmp_path for name in names)


def test_a_cache_written_by_the_lexer_alone_does_not_break_parsing(tmp_path):
    assert _run(LEX_ONLY, str(tmp_path)).returncode == 0
    assert list(tmp_path.glob("*.lark-cache"))
    for _ in range(2):  # the second run loads the parser's own cache
        done = _run(PARSE, str(tmp_path))
        assert done.returncode == 0 and "parsed" in done.stdout, done.stderr


def test_a_corrupt_cache_file_is_rebuilt(tmp_path):
    assert _run(PARSE, str(tmp_path)).returncode == 0
    for cached in tmp_path.glob("*.lark-cache"):
        cached.write_bytes(b"not a pickle")
    done = _run(PARSE, str(tmp_path))
    assert done.returncode == 0 and "parsed" in done.stdout, done.stderr
    assert done.stderr == ""


def test_parsing_works_without_a_usable_cache_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    done = _run(PARSE, str(blocker / "cache"))  # cannot be created: a file is in the way
    assert done.returncode == 0 and "parsed" in done.stdout, done.stderr
    assert done.stderr == ""
