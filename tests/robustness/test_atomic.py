"""Nothing lost: a write leaves the old file or the new one, never a mix, keeps
the file's permissions, writes through symbolic links, and cleans up after
itself, even when the writing process is killed (argmap/atomic.py)."""

from __future__ import annotations

import io
import os
import random
import signal
import stat
import subprocess
import sys
import time

import pytest

from argmap import atomic
from argmap.fmt import format_bytes

# What a killed writer leaves: the temporary file of a process that is gone.
DEAD_PID = 2**22 + 12_345  # above Linux's pid_max default, so never a live process


def _temporaries(folder, name="map.argmap") -> list[str]:
    return atomic.temporary_files(str(folder), name)


def test_a_write_replaces_the_content_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "map.argmap"
    path.write_bytes(b"old")
    atomic.write_bytes(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert sorted(os.listdir(tmp_path)) == ["map.argmap"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o444])
def test_a_write_keeps_the_permission_bits(tmp_path, mode):
    path = tmp_path / "map.argmap"
    path.write_bytes(b"old")
    path.chmod(mode)
    atomic.write_bytes(str(path), b"new")
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_bytes() == b"new"


def test_a_new_file_gets_the_mode_that_the_umask_allows(tmp_path):
    old = os.umask(0o027)
    try:
        atomic.write_bytes(str(tmp_path / "new.argmap"), b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.argmap").stat().st_mode) == 0o640


@pytest.mark.parametrize("relative", [True, False], ids=["relative-link", "absolute-link"])
def test_a_write_through_a_symbolic_link_changes_the_target_and_keeps_the_link(tmp_path,
                                                                                relative):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "map.argmap"
    target.write_bytes(b"old")
    link = tmp_path / "link.argmap"
    link.symlink_to(os.path.join("real", "map.argmap") if relative else target)
    atomic.write_bytes(str(link), b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert sorted(os.listdir(tmp_path)) == ["link.argmap", "real"]
    assert os.listdir(tmp_path / "real") == ["map.argmap"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt])
def test_a_write_that_fails_before_the_rename_leaves_the_old_file(tmp_path, monkeypatch,
                                                                  failure):
    path = tmp_path / "map.argmap"
    path.write_bytes(b"old")

    def fail(*_args):
        raise failure

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(type(failure) if isinstance(failure, OSError) else failure):
        atomic.write_bytes(str(path), b"new")
    assert path.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["map.argmap"]


def test_a_temporary_file_left_by_a_dead_process_is_removed_by_the_next_write(tmp_path):
    path = tmp_path / "map.argmap"
    path.write_bytes(b"old")
    stale = tmp_path / f".map.argmap.argmap-{DEAD_PID}-abcd1234.tmp"
    stale.write_bytes(b"half")
    live = tmp_path / f".map.argmap.argmap-{os.getpid()}-efgh5678.tmp"
    live.write_bytes(b"in progress")  # a write in progress, as far as anyone can tell
    other = tmp_path / f".other.argmap.argmap-{DEAD_PID}-abcd1234.tmp"
    other.write_bytes(b"another file's")
    longer = tmp_path / f".map.argmap.argmap.argmap-{DEAD_PID}-abcd1234.tmp"
    longer.write_bytes(b"the temporary file of map.argmap.argmap")
    assert _temporaries(tmp_path) == sorted([stale.name, live.name])
    atomic.write_bytes(str(path), b"new")
    assert not stale.exists()
    assert live.exists() and other.exists() and longer.exists()


# ---- killing the writer ------------------------------------------------------------
_SLOW_WRITER = """
import os, sys
from argmap import atomic
real_fsync = os.fsync
def slow_fsync(descriptor):
    real_fsync(descriptor)
    print("written, not yet renamed", flush=True)
    import time; time.sleep(60)
os.fsync = slow_fsync
atomic.write_bytes(sys.argv[1], sys.argv[2].encode())
"""


def test_a_writer_killed_between_write_and_rename_leaves_the_old_file(tmp_path):
    path = tmp_path / "map.argmap"
    path.write_bytes(b"old")
    writer = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(path), "new" * 1000],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline() == "written, not yet renamed\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert path.read_bytes() == b"old"
    (left,) = _temporaries(tmp_path)  # the one file a kill can leave
    assert (tmp_path / left).read_bytes() == b"new" * 1000
    atomic.write_bytes(str(path), b"newer")
    assert path.read_bytes() == b"newer"
    assert _temporaries(tmp_path) == []


def _untidy_map(blocks: int) -> bytes:
    """A map that fmt changes throughout: every child indented four spaces."""
    return "".join(f"[c{i}] Claim {i}.\n    + Reason {i}.\n        source: page {i}\n"
                   for i in range(blocks)).encode("utf-8")


def test_fmt_killed_at_random_moments_leaves_the_old_or_the_new_file(tmp_path):
    old = _untidy_map(2_500)
    new = format_bytes(old, "map.argmap").data
    assert new is not None and new != old
    path = tmp_path / "map.argmap"
    command = [sys.executable, "-m", "argmap", "fmt", "-q", str(path)]
    path.write_bytes(old)
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    full_run = time.monotonic() - started
    assert path.read_bytes() == new
    seed = random.randrange(2**32)
    # Most moments fall while the file is read and formatted, some during the
    # write, a few after the end; the kill between write and rename is certain
    # in the test above.
    moments = random.Random(seed).sample(range(5, 120), 5)
    for percent in moments:
        path.write_bytes(old)
        formatter = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        time.sleep(full_run * percent / 100)
        formatter.send_signal(signal.SIGKILL)
        formatter.wait()
        content = path.read_bytes()
        assert content in (old, new), f"a mix after a kill at {percent}% (seed {seed})"
        assert len(_temporaries(tmp_path)) <= 1, f"seed {seed}"
    path.write_bytes(old)
    subprocess.run(command, check=True, capture_output=True)
    assert path.read_bytes() == new
    assert _temporaries(tmp_path) == [], "the next run removes what a killed run left"


# ---- fmt on the command line ---------------------------------------------------------
def _fmt(*argv: str) -> int:
    from argmap.cli import run

    return run(["fmt", "-q", *argv])


@pytest.mark.parametrize("broken", [
    b"[a] A claim.\n\t+ A tab-indented reason.\n",  # a parse error
    b"[a] A claim.\n  + \xff\xfe not UTF-8\n",  # undecodable bytes
    b"[a] A claim.\n  + A NUL \x00 byte.\n",
    b"---\ntitle: [unclosed\n---\n[a] A claim.\n",  # broken front matter
])
def test_fmt_refuses_to_write_a_file_that_it_cannot_parse(tmp_path, broken, capsys):
    path = tmp_path / "map.argmap"
    path.write_bytes(broken)
    before = path.stat()
    assert _fmt(str(path)) == 1
    assert path.read_bytes() == broken
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert os.listdir(tmp_path) == ["map.argmap"]
    assert "map.argmap:" in capsys.readouterr().err


def test_fmt_of_stdin_that_it_cannot_parse_gives_the_input_back(monkeypatch, capfdbinary):
    broken = b"[a] A claim.\n\t+ tab\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(broken)))
    assert _fmt("-") == 1
    assert capfdbinary.readouterr().out == broken


def test_fmt_through_a_symbolic_link_keeps_the_link_and_the_mode(tmp_path):
    target = tmp_path / "real.argmap"
    target.write_bytes(b"[a] A claim.\n      + A reason.\n")
    target.chmod(0o640)
    link = tmp_path / "link.argmap"
    link.symlink_to("real.argmap")
    assert _fmt(str(link)) == 0
    assert link.is_symlink()
    assert target.read_bytes() == b"[a] A claim.\n  + A reason.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
