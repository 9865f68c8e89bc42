"""The process as a whole: a closed pipe, Ctrl-C and SIGTERM end quietly with
the conventional exit codes; a missing or unreadable file is a short error; a
bug is one line, not a traceback; output works in the C locale."""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from argmap import lifetime, process
from argmap.cli import run

from . import big

ARGMAP = [sys.executable, "-m", "argmap"]
PRINTABLE = "Троцкий “quoted” 中文 évidence"
TEXT = PRINTABLE + " \u200fעברית\u200e"  # with right-to-left and left-to-right marks


def _argmap(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


def _environment(**changes: str) -> dict:
    """This process's environment without any locale or Python I/O setting, plus `changes`."""
    unset = {"LC_ALL", "LANG", "LC_CTYPE", "LANGUAGE", "PYTHONIOENCODING", "PYTHONUTF8"}
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update(changes)
    return environment


@pytest.fixture
def wide_map(tmp_path):
    path = tmp_path / "wide.argmap"
    path.write_bytes(big.many_claims(20_000))  # 20,000 lint findings: megabytes of report
    return path


# ---- pipes ---------------------------------------------------------------------------
def test_piping_into_head_ends_quietly(wide_map):
    producer = subprocess.Popen([*ARGMAP, "lint", str(wide_map)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-n", "1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()  # head alone holds the pipe's reading end now
    first, _ = head.communicate(timeout=120)
    errors = producer.stderr.read().decode()
    status = producer.wait(timeout=120)
    assert first.decode().startswith(f"{wide_map}:1:1: A101")
    assert errors == ""
    assert status in (0, 141)  # 141 when the closed pipe was noticed, as for any Unix tool


@pytest.mark.parametrize("command", [["lint"], ["export", "--to", "json"], ["fmt", "-"]])
def test_writing_into_a_closed_pipe_exits_141_without_a_word(wide_map, command):
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read: the first write fails
    with open(wide_map, "rb") as stdin:
        done = subprocess.run([*ARGMAP, *command, *([] if "-" in command else [str(wide_map)])],
                              stdin=stdin, stdout=writer, stderr=subprocess.PIPE, timeout=120)
    os.close(writer)
    assert done.stderr.decode() == ""
    assert done.returncode == 141


# ---- the end of the process ----------------------------------------------------------
def test_the_real_process_writes_all_of_a_long_report_before_it_ends(wide_map):
    # It ends with os._exit (process.end): nothing still buffered may be lost.
    done = subprocess.run([*ARGMAP, "lint", str(wide_map)], capture_output=True, timeout=120)
    code, out, _ = _argmap("lint", str(wide_map))
    assert (done.returncode, done.stdout.decode()) == (code, out)
    assert out.endswith("\n1 file linted: 20000 warnings, 1 info\n")


def test_an_in_process_run_keeps_nothing_until_exit(wide_map):
    assert _argmap("lint", str(wide_map))[0] == 0
    assert _argmap("check", str(wide_map))[0] == 0
    assert lifetime._kept == []  # only the real process (prepare()) holds its maps


def test_the_real_process_keeps_what_parsing_and_resolving_leave_behind(monkeypatch, tmp_path):
    from argmap.parse import _builder
    from argmap.resolve import resolve

    monkeypatch.setattr(lifetime, "_holding", True)  # as prepare() sets it
    monkeypatch.setattr(lifetime, "_kept", [])
    path = tmp_path / "m.argmap"
    path.write_text("[a] A claim.\n  + [b] A reason.\n  - A rebuttal.\n")
    argmap, diagnostics = resolve(str(path))
    assert diagnostics == [] and len(argmap.nodes) == 3
    top_level, line_and_node, ids, line_numbers = lifetime._kept
    assert [p.endpoint for p in top_level] == [1]  # the pending top-level line
    assert [node.id for _, node in line_and_node] == ["a", "b", ""]
    assert set(ids) == {"a", "b"} and list(line_numbers[str(path)].values()) == [0, 1, 2]
    assert _builder.nodes == []  # the parser's own state still lets go of the map


@pytest.mark.parametrize(("flushed", "code", "ends_with"), [
    (None, 1, 1), (BrokenPipeError(), 1, 141), (ValueError("closed"), 2, 2)])
def test_end_writes_the_output_then_exits_with_the_code(monkeypatch, flushed, code, ends_with):
    class Stream:
        written = False

        def flush(self):
            Stream.written = True
            if flushed is not None:
                raise flushed

    monkeypatch.setattr(sys, "stdout", Stream())
    monkeypatch.setattr(os, "_exit", lambda status: (_ for _ in ()).throw(SystemExit(status)))
    with pytest.raises(SystemExit) as ended:
        process.end(code)
    assert ended.value.code == ends_with and Stream.written


# ---- signals -------------------------------------------------------------------------
@pytest.mark.parametrize(("sent", "code", "said"), [(signal.SIGINT, 130, "argmap: interrupted"),
                                                     (signal.SIGTERM, 143, "argmap: terminated")])
def test_a_signal_during_work_exits_with_its_code_and_no_traceback(tmp_path, sent, code, said):
    path = tmp_path / "big.argmap"
    path.write_bytes(big.many_lines(400_000))  # seconds of work
    worker = subprocess.Popen([*ARGMAP, "lint", str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # past start-up, into the parsing
    assert worker.poll() is None, "the input was too small to interrupt"
    worker.send_signal(sent)
    out, err = worker.communicate(timeout=120)
    assert worker.returncode == code
    assert "Traceback" not in err
    assert err.strip().endswith(said)
    assert out == ""


def test_fmt_terminated_while_writing_leaves_no_temporary_file(tmp_path, monkeypatch):
    # SIGTERM becomes an exception, so the atomic write's cleanup runs.
    path = tmp_path / "map.argmap"
    path.write_bytes(b"[a] A.\n    + B.\n")
    real_fsync = os.fsync

    def terminated_while_syncing(descriptor):
        real_fsync(descriptor)
        process.terminate(signal.SIGTERM, None)

    monkeypatch.setattr(os, "fsync", terminated_while_syncing)
    code, _, err = _argmap("fmt", str(path))
    assert code == 143 and err.strip() == "argmap: terminated"
    assert path.read_bytes() == b"[a] A.\n    + B.\n"
    assert os.listdir(tmp_path) == ["map.argmap"]


# ---- files that cannot be read -------------------------------------------------------
@pytest.mark.parametrize("command", [["check"], ["lint"], ["fmt"], ["export", "--to", "json"],
                                     ["evaluate"], ["render", "-f", "dot"],
                                     ["import", "--from", "json"]])
def test_a_missing_file_is_a_short_error(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    code, out, err = _argmap(*command, "missing.argmap")
    lines = (out + err).strip().splitlines()
    assert code in (1, 2)
    assert "missing.argmap" in lines[0]
    assert any(word in lines[0].lower() for word in ("no such file", "not found"))
    assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith("  hint:"))


@pytest.fixture
def unreadable(tmp_path, monkeypatch):
    path = tmp_path / "locked.argmap"
    path.write_text("A claim.\n", encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
        return path
    # root reads any file: make exactly this one refuse, as the kernel would.
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if isinstance(file, str | os.PathLike) and os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    monkeypatch.setattr(io, "open", refusing_open)
    return path


@pytest.mark.parametrize("command", [["check"], ["lint"], ["fmt"], ["export", "--to", "json"]])
def test_an_unreadable_file_is_a_short_error(unreadable, command):
    code, out, err = _argmap(*command, str(unreadable))
    lines = [line for line in (out + err).strip().splitlines() if "checked" not in line
             and "linted" not in line and not line.startswith(("0 files", "1 file"))]
    assert code in (1, 2)
    assert str(unreadable) in lines[0] and "Permission denied" in lines[0]
    assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith("  hint:"))


# ---- bugs ----------------------------------------------------------------------------
def _broken_command(*_args, **_kwargs):
    raise ValueError("a bug in argmap")


def test_a_bug_is_one_line_with_exit_code_2_and_no_traceback(tmp_path, monkeypatch):
    path = tmp_path / "map.argmap"
    path.write_text("A claim.\n", encoding="utf-8")
    monkeypatch.setattr("argmap.check.check_files", _broken_command)
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    code, out, err = _argmap("check", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("argmap: internal error (ValueError: a bug in argmap)")


def test_argmap_debug_shows_the_traceback_of_a_bug(tmp_path, monkeypatch, capsys):
    path = tmp_path / "map.argmap"
    path.write_text("A claim.\n", encoding="utf-8")
    monkeypatch.setattr("argmap.check.check_files", _broken_command)
    monkeypatch.setenv("ARGMAP_DEBUG", "1")
    assert run(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "_broken_command" in err


# ---- encodings -----------------------------------------------------------------------
@pytest.mark.parametrize("locale", [{"LC_ALL": "C"}, {"LC_ALL": "POSIX"}, {"LANG": "C"}])
def test_non_ascii_map_text_comes_out_intact_in_the_c_locale(tmp_path, locale):
    path = tmp_path / "map.argmap"
    path.write_text(f"[t] {TEXT}\n    + [r] A reason.\n", encoding="utf-8")
    environment = _environment(**locale)

    def argmap(*argv, stdin=None):
        return subprocess.run([*ARGMAP, *argv], capture_output=True, env=environment,
                              input=stdin, timeout=120)

    exported = argmap("export", str(path), "--to", "json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout.decode("utf-8"))["nodes"][0]["text"] == TEXT
    linted = argmap("lint", str(path))
    # The report shows the source line; invisible marks in it become visible symbols.
    assert linted.returncode == 0 and PRINTABLE in linted.stdout.decode("utf-8")
    formatted = argmap("fmt", "-", stdin=path.read_bytes())
    assert formatted.stdout.decode("utf-8") == f"[t] {TEXT}\n  + [r] A reason.\n"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("ascii", PRINTABLE.encode("utf-8")),  # an impossible setting: click writes UTF-8
    ("latin-1", b"\\u0422\\u0440\\u043e\\u0446\\u043a\\u0438\\u0439"),  # escapes
])
def test_a_terminal_that_cannot_show_the_text_gets_it_or_escapes_never_a_crash(tmp_path,
                                                                               encoding,
                                                                               expected):
    path = tmp_path / "map.argmap"
    path.write_text(f"[t] {TEXT}\n", encoding="utf-8")
    done = subprocess.run([*ARGMAP, "lint", str(path)], capture_output=True, timeout=120,
                          env=_environment(PYTHONIOENCODING=encoding))
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
    assert done.stderr == b""
