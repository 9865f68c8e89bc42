"""Shared by the render tests: DOT from a snippet, and the CLI in a project folder."""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path

from argmap.load import Workspace
from argmap.render.build import build_dot
from argmap.render.settings import Options, RenderSettings
from argmap.render.theme import build_theme
from argmap.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "maps" / "examples"


def snippet_map(folder: Path, text: str, name: str = "map.argmap"):
    """The resolved map of `text`, written to `folder/name`; fails on errors."""
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    argmap, diagnostics = resolve(str(path), Workspace())
    assert argmap is not None and not diagnostics, diagnostics
    return argmap


def dot_of(folder: Path, text: str, theme: dict | None = None, options: Options | None = None,
           name: str = "map.argmap") -> str:
    """The DOT that `argmap render` writes for the map `text` (lint marks on)."""
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    settings = RenderSettings(folder=folder, theme=build_theme(theme))
    built = build_dot(str(path), settings, options or Options())
    assert built.dot is not None, built.diagnostics
    return built.dot


def project(folder: Path, maps: dict[str, str], config: str = "") -> Path:
    """A project folder: argmap.yaml and maps/ with the given files."""
    (folder / "argmap.yaml").write_text(textwrap.dedent(config), encoding="utf-8")
    for name, text in maps.items():
        path = folder / "maps" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


def fake_graphviz(folder: Path, script: str) -> str:
    """A folder holding a `dot` program that runs the shell `script`; put it
    first on PATH to see how argmap copes with a failing or slow Graphviz."""
    bin_folder = folder / "fake-bin"
    bin_folder.mkdir(exist_ok=True)
    program = bin_folder / "dot"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(bin_folder) + os.pathsep + os.environ.get("PATH", "")
