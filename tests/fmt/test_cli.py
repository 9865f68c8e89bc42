"""`argmap fmt` on files, folders and stdin: writing, --check, --diff, broken
input, permissions, line endings, configuration and exit codes."""

from __future__ import annotations

import io
import os
import stat
import sys

import pytest

import argmap.fmt
from argmap.cli import run

UNTIDY = "[a]   A claim.  #thesis\n    +   [b] A reason.\n"
TIDY = "[a] A claim. #thesis\n  + [b] A reason.\n"
BROKEN = "[a] A claim.\n  sorce: somewhere\n"


@pytest.fixture
def untidy(tmp_path):
    path = tmp_path / "map.argmap"
    path.write_text(UNTIDY, encoding="utf-8")
    return path


def set_stdin(monkeypatch, data: bytes, folder) -> None:
    """Feed `data` to stdin, from `folder` (whose configuration applies to stdin)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    monkeypatch.chdir(folder)


def test_rewrites_the_file_and_says_so(untidy, capsys):
    assert run(["fmt", str(untidy)]) == 0
    assert untidy.read_text(encoding="utf-8") == TIDY
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"reformatted {untidy}" in captured.err
    assert "1 file reformatted, 0 files left unchanged" in captured.err


def test_a_formatted_file_is_not_written_again(tmp_path, capsys):
    path = tmp_path / "map.argmap"
    path.write_text(TIDY, encoding="utf-8")
    before = os.stat(path)
    assert run(["fmt", str(path)]) == 0
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert "0 files reformatted, 1 file left unchanged" in capsys.readouterr().err


def test_writes_atomically_and_keeps_permissions(untidy):
    os.chmod(untidy, 0o640)
    inode = os.stat(untidy).st_ino
    assert run(["fmt", "-q", str(untidy)]) == 0
    assert stat.S_IMODE(os.stat(untidy).st_mode) == 0o640
    assert os.stat(untidy).st_ino != inode  # a new file renamed over the old one
    assert sorted(p.name for p in untidy.parent.iterdir()) == ["map.argmap"]  # no temp left


def test_writes_through_a_symbolic_link(untidy, tmp_path):
    link = tmp_path / "link.argmap"
    link.symlink_to(untidy)
    assert run(["fmt", "-q", str(link)]) == 0
    assert link.is_symlink()
    assert untidy.read_text(encoding="utf-8") == TIDY


def test_broken_file_is_left_untouched_with_its_diagnostics(tmp_path, untidy, capsys):
    broken = tmp_path / "broken.argmap"
    broken.write_text(BROKEN, encoding="utf-8")
    assert run(["fmt", str(broken), str(untidy)]) == 1
    assert broken.read_text(encoding="utf-8") == BROKEN
    assert untidy.read_text(encoding="utf-8") == TIDY  # the other file is still formatted
    err = capsys.readouterr().err
    assert f"{broken}:2:3: E206 unknown field 'sorce:'" in err
    assert "hint: did you mean 'source:'?" in err
    assert "1 file left untouched because of errors" in err


def test_undecodable_file_is_left_untouched(tmp_path, capsys):
    path = tmp_path / "latin1.argmap"
    path.write_bytes("[a] caf\xe9\n".encode("latin-1"))
    assert run(["fmt", str(path)]) == 1
    assert path.read_bytes() == "[a] caf\xe9\n".encode("latin-1")
    assert f"{path}:1:8: E100 invalid UTF-8" in capsys.readouterr().err


def test_check_lists_files_that_would_change_and_changes_nothing(untidy, tmp_path, capsys):
    tidy = tmp_path / "tidy.argmap"
    tidy.write_text(TIDY, encoding="utf-8")
    assert run(["fmt", "--check", str(tmp_path)]) == 1
    assert untidy.read_text(encoding="utf-8") == UNTIDY
    captured = capsys.readouterr()
    assert captured.out == f"would reformat {untidy}\n"
    assert "1 file would be reformatted, 1 file already formatted" in captured.err


def test_check_passes_when_everything_is_formatted(tmp_path, capsys):
    (tmp_path / "tidy.argmap").write_text(TIDY, encoding="utf-8")
    assert run(["fmt", "--check", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_diff_prints_a_unified_diff_and_changes_nothing(untidy, capsys):
    assert run(["fmt", "--diff", str(untidy)]) == 0
    assert untidy.read_text(encoding="utf-8") == UNTIDY
    out = capsys.readouterr().out
    assert out.startswith(f"--- {untidy}\n+++ {untidy} (formatted)\n@@ -1,2 +1,2 @@\n")
    assert "-[a]   A claim.  #thesis\n" in out
    assert "+[a] A claim. #thesis\n" in out


def test_check_with_diff_exits_1(untidy, capsys):
    assert run(["fmt", "--check", "--diff", str(untidy)]) == 1
    assert "+  + [b] A reason.\n" in capsys.readouterr().out


def test_diff_marks_a_missing_final_line_break(tmp_path, capsys):
    path = tmp_path / "map.argmap"
    path.write_text("[a] A claim.", encoding="utf-8")
    assert run(["fmt", "--diff", str(path)]) == 0
    out = capsys.readouterr().out
    assert "-[a] A claim.\n\\ No newline at end of file\n+[a] A claim.\n" in out


def test_stdin_to_stdout(monkeypatch, capsysbinary, tmp_path):
    set_stdin(monkeypatch, UNTIDY.encode("utf-8"), tmp_path)
    assert run(["fmt", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == TIDY.encode("utf-8")
    assert captured.err == b""


def test_broken_stdin_comes_back_unchanged_with_diagnostics(monkeypatch, capsysbinary, tmp_path):
    set_stdin(monkeypatch, BROKEN.encode("utf-8"), tmp_path)
    assert run(["fmt", "-"]) == 1
    captured = capsysbinary.readouterr()
    assert captured.out == BROKEN.encode("utf-8")  # an editor's buffer is not emptied
    assert b"<stdin>:2:3: E206 unknown field 'sorce:'" in captured.err


def test_check_on_stdin(monkeypatch, capsys, tmp_path):
    set_stdin(monkeypatch, UNTIDY.encode("utf-8"), tmp_path)
    assert run(["fmt", "--check", "-"]) == 1
    assert capsys.readouterr().out == "would reformat <stdin>\n"


def test_crlf_and_bom_are_kept(tmp_path):
    path = tmp_path / "windows.argmap"
    path.write_bytes(b"\xef\xbb\xbf" + UNTIDY.replace("\n", "\r\n").encode("utf-8"))
    assert run(["fmt", "-q", str(path)]) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + TIDY.replace("\n", "\r\n").encode("utf-8")


def test_unicode_survives_byte_for_byte(tmp_path):
    text = "[é] Троцкий’s “Red Book”, 中文, emoji \U0001f600, e\u0301 #тег\n"
    path = tmp_path / "unicode.argmap"
    path.write_text(text, encoding="utf-8")
    assert run(["fmt", "--check", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == text


def test_wrap_option(untidy):
    untidy.write_text("[a] " + "word " * 30 + "end.\n", encoding="utf-8")
    assert run(["fmt", "-q", "--wrap", "40", str(untidy)]) == 0
    lines = untidy.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 3 and max(len(line) for line in lines) <= 40


@pytest.mark.parametrize("value", ["0", "-3", "wide"])
def test_bad_wrap_option_is_a_usage_error(untidy, value, capsys):
    assert run(["fmt", "--wrap", value, str(untidy)]) == 2
    assert "--wrap" in capsys.readouterr().err
    assert untidy.read_text(encoding="utf-8") == UNTIDY


@pytest.mark.parametrize(("setting", "line_count"), [("30", 7), ("no", 1)])
def test_wrap_from_the_configuration(tmp_path, setting, line_count):
    (tmp_path / "argmap.yaml").write_text(f"fmt:\n  wrap: {setting}\n", encoding="utf-8")
    path = tmp_path / "map.argmap"
    path.write_text("[a] " + "word\n    " * 30 + "end.\n", encoding="utf-8")
    assert run(["fmt", "-q", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == line_count
    assert " ".join(lines).split() == ["[a]", *["word"] * 30, "end."]


def test_command_line_wins_over_the_configuration(tmp_path):
    (tmp_path / "argmap.yaml").write_text("fmt:\n  wrap: 30\n", encoding="utf-8")
    path = tmp_path / "map.argmap"
    original = "[a] " + "word " * 10 + "end.\n"
    path.write_text(original, encoding="utf-8")
    assert run(["fmt", "-q", "--wrap", "keep", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == original


@pytest.mark.parametrize(("config", "message"), [
    ("fmt:\n  wrapp: 80\n", "unknown key 'fmt.wrapp'"),
    ("fmt:\n  wrap: wide\n", "'fmt.wrap': 'wide' is not keep, no, or a positive number"),
])
def test_bad_configuration_is_exit_2(tmp_path, untidy, config, message, capsys):
    (tmp_path / "argmap.yaml").write_text(config, encoding="utf-8")
    assert run(["fmt", str(untidy)]) == 2
    assert message in capsys.readouterr().err
    assert untidy.read_text(encoding="utf-8") == UNTIDY


def test_missing_path_is_a_usage_error(tmp_path, capsys):
    assert run(["fmt", str(tmp_path / "nope.argmap")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def wrong_text(source, wrap):
    return "[a] Another claim.\n"


def crash(source, wrap):
    raise RuntimeError("boom")


@pytest.mark.parametrize(("bug", "message"), [
    (wrong_text, "formatting would change what the map says"),
    (crash, "RuntimeError('boom')"),
])
def test_a_formatter_bug_is_caught_before_writing(untidy, monkeypatch, capsys, bug, message):
    monkeypatch.setattr(argmap.fmt, "format_text", bug)
    assert run(["fmt", str(untidy)]) == 2
    assert untidy.read_text(encoding="utf-8") == UNTIDY
    err = capsys.readouterr().err
    assert "argmap fmt: internal error:" in err and message in err
    assert f"{untidy} was left as it is" in err
    assert "Traceback" not in err


def test_a_file_that_cannot_be_written_is_reported(untidy, monkeypatch, capsys):
    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("argmap.fmt.command.write_bytes", refuse)
    assert run(["fmt", str(untidy)]) == 1
    assert f"{untidy}:1:1: E002 cannot write file: Permission denied" in capsys.readouterr().err


def test_stdin_follows_the_configuration_of_the_working_folder(monkeypatch, capsys, tmp_path):
    (tmp_path / "argmap.yaml").write_text("fmt:\n  wrap: no\n", encoding="utf-8")
    set_stdin(monkeypatch, b"[a] One\n    line.\n", tmp_path)
    assert run(["fmt", "-"]) == 0
    assert capsys.readouterr().out == "[a] One line.\n"
