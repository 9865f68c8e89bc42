"""`argmap lint` from the command line: formats, flags and exit codes."""

from __future__ import annotations

import io
import json
import sys

from argmap.cli import run

HEAD = "---\ntitle: T\n---\n"
WARNING_ONLY = HEAD + "[thesis] An unsupported thesis.\n"
WITH_ERROR = HEAD + "[thesis] T.\n  source: p. 1\n  + @thesis\n"


def project(tmp_path, text, name="m.argmap"):
    (tmp_path / "argmap.yaml").touch()
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_warnings_exit_zero_and_errors_exit_one(tmp_path, capsys):
    assert run(["lint", project(tmp_path, WARNING_ONLY)]) == 0
    out = capsys.readouterr().out
    assert ":4:1: A101 [unsupported-claim] pro-side claim 'thesis' has no support" in out
    assert out.endswith("1 file linted: 1 warning\n")
    assert run(["lint", project(tmp_path, WITH_ERROR, "e.argmap")]) == 1


def test_strict_makes_warnings_fail(tmp_path):
    assert run(["lint", "--strict", project(tmp_path, WARNING_ONLY)]) == 1


def test_info_findings_do_not_fail_even_when_strict(tmp_path):
    path = project(tmp_path, "[thesis] T.\n  source: p. 1\n")  # only missing-title (info)
    assert run(["lint", "--strict", path]) == 0


def test_exit_zero_always_exits_zero(tmp_path, capsys):
    assert run(["lint", "--exit-zero", project(tmp_path, WITH_ERROR)]) == 0
    assert "A103 [self-relation]" in capsys.readouterr().out


def test_a_folder_is_linted_as_the_readme_job_does_it(tmp_path, capsys):
    maps = tmp_path / "maps"
    maps.mkdir()
    assert run(["lint", str(maps), "--exit-zero"]) == 0
    assert capsys.readouterr().out == "0 files linted: no problems\n"
    project(maps, WITH_ERROR)
    (maps / "broken.argmap").write_text("[thesis T.\n", encoding="utf-8")
    assert run(["lint", str(maps), "--exit-zero"]) == 0
    out = capsys.readouterr().out
    assert "E209 [parse-error]" in out and "A103 [self-relation]" in out
    assert out.endswith("2 files linted: 2 errors\n")


def test_json_output_and_select_with_a_comma_list(tmp_path, capsys):
    path = project(tmp_path, "[thesis] T.\n  + @thesis\n  + [a] A.\n")
    assert run(["lint", "--format", "json", "--select", "A103,missing-title", path]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["line"], f["rule"]) for f in findings] == [(1, "missing-title"),
                                                          (2, "self-relation")]


def test_ignore_on_the_command_line(tmp_path, capsys):
    assert run(["lint", "--ignore", "self-relation", project(tmp_path, WITH_ERROR)]) == 0
    assert "A103" not in capsys.readouterr().out


def test_stdin_is_linted_as_a_dash(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.yaml").touch()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WARNING_ONLY.encode())))
    assert run(["lint", "-", "--format", "github"]) == 0
    assert capsys.readouterr().out.startswith("::warning file=<stdin>,line=4,col=1,")


def test_invalid_configuration_exits_two_naming_key_and_values(tmp_path, capsys):
    path = project(tmp_path, WARNING_ONLY)
    (tmp_path / "argmap.yaml").write_text("lint:\n  rules:\n    A101: {severity: loud}\n",
                                          encoding="utf-8")
    assert run(["lint", path]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "argmap.yaml:3:12: 'lint.rules.A101.severity' is 'loud'; valid values: error, " \
           "warning, info, off" in captured.err
    assert "Traceback" not in captured.err


def test_an_explicit_config_file_is_used(tmp_path, capsys):
    path = project(tmp_path, WARNING_ONLY)
    other = tmp_path / "strict.yaml"
    other.write_text("lint:\n  rules:\n    unsupported-claim: error\n", encoding="utf-8")
    assert run(["lint", "--config", str(other), path]) == 1


def test_usage_errors_exit_two(tmp_path, capsys):
    assert run(["lint", str(tmp_path / "missing.argmap")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert run(["lint", "--select", "nonsense", project(tmp_path, WARNING_ONLY)]) == 2
    assert "unknown rule 'nonsense'" in capsys.readouterr().err
    assert run(["lint", "--format", "xml", project(tmp_path, WARNING_ONLY)]) == 2
