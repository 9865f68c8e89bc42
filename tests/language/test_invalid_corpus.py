"""The invalid corpus (tests/language/invalid/cases.yaml): every case gives
exactly the diagnostics listed, at the listed line and column, each with a hint,
and `argmap check` prints them readably and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from argmap.check import check_files
from argmap.cli import run
from argmap.discover import expand
from argmap.load import Workspace

HERE = Path(__file__).parent / "invalid"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def _check(case: str):
    files = expand([str(HERE / case)])
    return check_files(files, Workspace()).diagnostics


def _found(diagnostics) -> list[str]:
    return sorted(f"{Path(d.path).relative_to(HERE).as_posix()}:{d.line}:{d.column} {d.code}"
                  for d in diagnostics)


def test_every_corpus_file_is_a_case():
    on_disk = {p.name for p in HERE.iterdir() if p.suffix == ".argmap" or p.is_dir()}
    assert on_disk == set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_case_gives_exactly_the_expected_diagnostics(case):
    diagnostics = _check(case)
    assert _found(diagnostics) == sorted(CASES[case]["expect"])
    for diagnostic in diagnostics:
        assert diagnostic.hint, f"{diagnostic.code} has no hint"
        assert diagnostic.message and not diagnostic.message.endswith(".")
        assert diagnostic.end_column is None or diagnostic.end_column > diagnostic.column
    says = CASES[case].get("says")
    if says:
        assert any(says in (d.message + " " + (d.hint or "")) for d in diagnostics)


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_prints_location_line_caret_and_hint(case, capsys):
    assert run(["check", "--color", "never", str(HERE / case)]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    for expected in CASES[case]["expect"]:
        where, code = expected.split()
        assert f"{where}: {code} " in out.replace(str(HERE) + "/", "")
    blocks = out.split("\n" + str(HERE))
    for block in blocks[:-1]:
        lines = block.strip("\n").split("\n")
        assert lines[2].strip().startswith("^") and lines[2].endswith(" error"), block
        assert lines[3].startswith("  hint: "), block


def test_several_errors_in_one_file_are_all_reported():
    diagnostics = _check("several-errors.argmap")
    assert len({d.code for d in diagnostics}) == 5
