"""What `argmap lint FILE` and `argmap check FILE` import: imports are most of
a small file's run, so modules needed only now and then must not load on every
start-up: pathlib (~3 ms with urllib.parse and ipaddress), tomllib (~5 ms with
the parse) and difflib (~1 ms, for "did you mean" hints only)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

LEAN = ("pathlib", "tomllib", "difflib")
# A project that depends on argmap mentions it in its pyproject.toml, with no
# [tool.argmap] table: the common case, which must not cost a TOML parse.
PYPROJECT = ('[project]\nname = "maps"\ndependencies = ["argmap>=1"]\n\n'
             '[project.scripts]\nargmap = "argmap.cli:main"\n')
MAP = "---\ntitle: T\n---\n[thesis] A thesis.\n  + [reason] A reason.\n"
SUMMARY = {"lint": "1 file linted: 1 warning", "check": "1 file checked: no problems"}


def run_and_list_imports(command: str, folder, cache) -> list[str]:
    """Run `argmap COMMAND m.argmap` in `folder`; the modules of LEAN it imported."""
    # cli.run, not main: main ends the process without returning (process.end).
    code = ("import sys\nfrom argmap.cli import run\n"
            f"print('exit', run([{command!r}, 'm.argmap']))\n"
            f"print('imported', *[m for m in {LEAN!r} if m in sys.modules])\n")
    env = dict(os.environ, ARGMAP_CACHE_DIR=str(cache))
    done = subprocess.run([sys.executable, "-c", code], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    assert SUMMARY[command] in lines and "exit 0" in lines, done.stdout + done.stderr
    return lines[-1].split()[1:]


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("project")
    (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (folder / "m.argmap").write_text(MAP, encoding="utf-8")
    cache = tmp_path_factory.mktemp("cache")
    # The first run compiles the grammar's tables with Lark, which imports more:
    # what matters is every run after that one.
    run_and_list_imports("check", folder, cache)
    return {command: run_and_list_imports(command, folder, cache) for command in SUMMARY}


@pytest.mark.parametrize("module", LEAN)
@pytest.mark.parametrize("command", SUMMARY)
def test_a_small_file_is_linted_and_checked_without_loading(imported, command, module):
    assert module not in imported[command]
