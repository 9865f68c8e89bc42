"""A failed render leaves the previous diagram in place: a map with errors, a
Graphviz that fails, and a Graphviz that hangs past --timeout each leave the
old SVG and DOT byte for byte, with no temporary file beside them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARGMAP = [sys.executable, "-m", "argmap"]
GOOD = "[a] A claim.\n  + [b] A reason.\n    source: page 1\n"
# Stand-ins for Graphviz's dot: one fails after writing half a picture, one hangs.
FAILING_DOT = "import sys\nsys.stdout.write('<svg half')\nsys.stderr.write('Error: syntax')\n" \
              "sys.exit(1)\n"
HANGING_DOT = "import sys, time\nsys.stdout.write('<svg half')\nsys.stdout.flush()\n" \
              "time.sleep(60)\n"


@pytest.fixture
def rendered(tmp_path):
    """A project whose map has been rendered once: (folder, {output: bytes})."""
    (tmp_path / "argmap.yaml").write_text("", encoding="utf-8")
    (tmp_path / "map.argmap").write_text(GOOD, encoding="utf-8")
    done = _render(tmp_path)
    assert done.returncode == 0, done.stderr
    outputs = {name: (tmp_path / "out" / name).read_bytes() for name in ("map.svg", "map.dot")}
    assert outputs["map.svg"].lstrip().startswith((b"<?xml", b"<svg"))
    return tmp_path, outputs


def _render(folder: Path, *extra: str, path: str | None = None):
    environment = dict(os.environ)
    if path is not None:
        environment["PATH"] = path
    return subprocess.run([*ARGMAP, "render", "map.argmap", "-o", "out", "-f", "svg,dot",
                           *extra], cwd=folder, capture_output=True, text=True, timeout=120,
                          env=environment)


def _fake_dot(folder: Path, program: str) -> str:
    """A PATH on which `dot` is `program`; the rest of PATH stays reachable."""
    bin_folder = folder / "fake-bin"
    bin_folder.mkdir()
    dot = bin_folder / "dot"
    dot.write_text(f"#!{sys.executable}\n{program}", encoding="utf-8")
    dot.chmod(0o755)
    return f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}"


def _assert_untouched(folder: Path, outputs: dict[str, bytes]) -> None:
    for name, data in outputs.items():
        assert (folder / "out" / name).read_bytes() == data, name
    assert sorted(os.listdir(folder / "out")) == sorted(outputs)


@pytest.mark.needs_dot
def test_a_map_with_errors_leaves_the_previous_diagram(rendered):
    folder, outputs = rendered
    (folder / "map.argmap").write_text("[a] A claim changed.\n\t+ tab-indented\n",
                                       encoding="utf-8")
    done = _render(folder)
    assert done.returncode == 1
    assert "map.argmap:2:1: E200" in done.stdout + done.stderr
    _assert_untouched(folder, outputs)


@pytest.mark.needs_dot
def test_a_failing_graphviz_leaves_the_previous_diagram(rendered):
    folder, outputs = rendered
    (folder / "map.argmap").write_text("[a] A claim changed.\n", encoding="utf-8")
    done = _render(folder, path=_fake_dot(folder, FAILING_DOT))
    assert done.returncode == 1
    assert "dot failed (exit code 1): Error: syntax" in done.stderr
    assert "Traceback" not in done.stderr
    _assert_untouched(folder, outputs)


@pytest.mark.needs_dot
def test_a_graphviz_that_hangs_is_stopped_and_leaves_the_previous_diagram(rendered):
    folder, outputs = rendered
    (folder / "map.argmap").write_text("[a] A claim changed.\n", encoding="utf-8")
    done = _render(folder, "--timeout", "1", path=_fake_dot(folder, HANGING_DOT))
    assert done.returncode == 1
    assert "took longer than 1 s" in done.stderr
    _assert_untouched(folder, outputs)


@pytest.mark.needs_dot
def test_a_successful_render_replaces_the_diagram_whole(rendered):
    folder, outputs = rendered
    (folder / "map.argmap").write_text(GOOD.replace("A reason.", "A new reason."),
                                       encoding="utf-8")
    done = _render(folder)
    assert done.returncode == 0, done.stderr
    svg = (folder / "out" / "map.svg").read_bytes()
    assert svg != outputs["map.svg"] and b"A new reason." in svg
    assert svg.rstrip().endswith(b"</svg>")
    assert sorted(os.listdir(folder / "out")) == ["map.dot", "map.svg"]
