"""Generated and damaged input through every stage: each ends in a result or in
diagnostics with positions inside the file, never in an exception or a hang.
The stages and the invariant are in pipeline.py, shared with fuzz/."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from argmap.cli import run
from argmap.diagnostics import has_errors
from argmap.load import parse_bytes

from .generators import FUZZ, FUZZ_CLI, damaged_maps, map_like_text, untidy_maps
from .pipeline import run_all

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "fuzz" / "corpus").glob("*.argmap"))
# Inputs that once crashed argmap or broke the invariant (found by fuzzing).
REGRESSIONS = sorted((ROOT / "fuzz" / "regressions").glob("*"))
REPORT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): [A-Z]\d{3}\b")


@pytest.fixture(autouse=True)
def _inside_a_project(tmp_path, monkeypatch):
    # Includes and @file#id references in generated text resolve against an
    # empty project folder, never against the repository.
    (tmp_path / "argmap.yaml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


@FUZZ
@given(untidy_maps())
def test_generated_valid_maps_pass_every_stage_without_errors(text):
    data = text.encode("utf-8")
    _, diagnostics = parse_bytes(data, "valid.argmap")
    assert not has_errors(diagnostics), [f"{d.line}:{d.column} {d.code}" for d in diagnostics]
    run_all(data)


@FUZZ
@given(damaged_maps())
@example(b"[a] A.\r\n  + [b] B.\r\xab\n    source: s\r\n")  # invalid UTF-8 after a lone CR
@example(b"---\ndate: 2024-13-05\n---\nA claim.\n")  # a date that YAML cannot build
@example(b"A claim.\n\x00\r+ x\n")  # NUL after a lone CR
@example(b"\n\xef\xbb\xbf[n1]   (fn #v1.2 \r")  # U+FEFF that fmt would move to the start
def test_damaged_maps_end_in_a_result_or_placed_diagnostics(data):
    run_all(data)


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes_end_in_a_result_or_placed_diagnostics(data):
    run_all(data)


@FUZZ
@given(map_like_text)
def test_text_of_special_characters_ends_in_a_result_or_placed_diagnostics(text):
    run_all(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_the_fuzzing_seed_corpus_holds_valid_maps(seed):
    data = seed.read_bytes()
    _, diagnostics = parse_bytes(data, seed.name)
    assert not has_errors(diagnostics)
    run_all(data)


def test_the_seed_corpus_is_there():
    assert len(SEEDS) >= 3


@pytest.mark.parametrize("found", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_inputs_that_fuzzing_found_stay_fixed(found):
    run_all(found.read_bytes())


@FUZZ_CLI
@given(damaged_maps())
def test_the_check_command_reports_damage_as_path_line_col(data):
    path = Path("damaged.argmap")
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["check", "--color", "never", str(path)])
    assert code in (0, 1), err.getvalue()
    assert "Traceback" not in out.getvalue() + err.getvalue()
    reported = [REPORT_LINE.match(line) for line in out.getvalue().splitlines()]
    places = [m for m in reported if m]
    assert (code == 1) == bool(places)
    line_count = len(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"))
    for match in places:
        assert match["path"] == str(path)
        assert 1 <= int(match["line"]) <= line_count
        assert int(match["column"]) >= 1
