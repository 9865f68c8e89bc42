"""`argmap render --check`: exit 1 and list the stale, missing and extra files
when rendered/ is not what rendering would write now; compare the DOT."""

from __future__ import annotations

import pytest

from argmap.cli import run

from .helpers import project

MAPS = {"a.argmap": "[a] A thesis.\n  source: s\n", "sub/b.argmap": "[b] B thesis.\n  source: s\n"}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project(tmp_path, MAPS, "render:\n  formats: [dot]\n")
    assert run(["render"]) == 0
    return tmp_path


def check(capfd) -> tuple[int, str]:
    capfd.readouterr()
    code = run(["render", "--check"])
    return code, capfd.readouterr().err


def test_fresh_output_passes(folder, capfd):
    code, err = check(capfd)
    assert code == 0 and "rendered/ is up to date (2 maps)" in err


def test_a_changed_map_is_stale(folder, capfd):
    (folder / "maps" / "a.argmap").write_text("[a] A changed thesis.\n  source: s\n")
    code, err = check(capfd)
    assert code == 1 and "stale: rendered/a.dot" in err and "sub/b.dot" not in err


def test_a_hand_edited_dot_is_stale(folder, capfd):
    with open(folder / "rendered" / "sub" / "b.dot", "a") as handle:
        handle.write("// edited\n")
    code, err = check(capfd)
    assert code == 1 and "stale: rendered/sub/b.dot" in err


def test_a_new_map_is_missing(folder, capfd):
    (folder / "maps" / "c.argmap").write_text("[c] New.\n  source: s\n")
    code, err = check(capfd)
    assert code == 1 and "missing: rendered/c.dot" in err


def test_a_removed_map_leaves_extra_files(folder, capfd):
    (folder / "maps" / "sub" / "b.argmap").unlink()
    code, err = check(capfd)
    assert code == 1 and "extra: rendered/sub/b.dot" in err


def test_a_missing_picture_is_reported_but_svg_bytes_are_not_compared(folder, capfd):
    (folder / "argmap.yaml").write_text("render:\n  formats: [svg]\n")
    code, err = check(capfd)
    assert code == 1 and "missing: rendered/a.svg" in err and "stale" not in err
    (folder / "rendered" / "a.svg").write_text("<svg>any Graphviz version</svg>")
    (folder / "rendered" / "sub" / "b.svg").write_text("<svg/>")
    code, err = check(capfd)
    assert code == 0


def test_check_writes_nothing(folder, capfd):
    (folder / "maps" / "a.argmap").write_text("[a] Changed.\n  source: s\n")
    before = (folder / "rendered" / "a.dot").read_text()
    check(capfd)
    assert (folder / "rendered" / "a.dot").read_text() == before


def test_errors_in_a_map_fail_the_check(folder, capfd):
    (folder / "maps" / "a.argmap").write_text("[a] Broken.\n  + \n")
    code, err = check(capfd)
    assert code == 1 and "maps/a.argmap:2:" in err


def test_render_then_check_passes_again(folder, capfd):
    (folder / "maps" / "a.argmap").write_text("[a] Changed.\n  source: s\n")
    (folder / "maps" / "c.argmap").write_text("[c] New.\n  source: s\n")
    (folder / "maps" / "sub" / "b.argmap").unlink()
    assert run(["render"]) == 0
    code, err = check(capfd)
    assert code == 0, err


def test_a_subfolder_is_checked_against_its_own_part_of_the_output(folder, capfd):
    capfd.readouterr()
    assert run(["render", "maps/sub", "--check"]) == 0
    assert "up to date (1 maps)" in capfd.readouterr().err
    (folder / "maps" / "sub" / "b.argmap").write_text("[b] Changed.\n  source: s\n")
    assert run(["render", "maps/sub", "--check"]) == 1
    err = capfd.readouterr().err
    assert "stale: rendered/sub/b.dot" in err and "a.dot" not in err
