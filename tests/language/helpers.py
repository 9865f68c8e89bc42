"""Shared helpers for the language tests: parse text, check files, dump models."""

from __future__ import annotations

from pathlib import Path

from argmap.check import check_files
from argmap.diagnostics import Diagnostic
from argmap.exporters.jsonmap import to_data
from argmap.load import Workspace, parse_bytes
from argmap.model import Map

REPO = Path(__file__).resolve().parents[2]
MAPS = REPO / "maps"
DOCS = REPO / "docs"


def parse_text(text: str, path: str = "t.argmap"):
    """Parse `text` as one file (no resolving): (Document | None, diagnostics)."""
    return parse_bytes(text.encode("utf-8"), path)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def check_folder(folder: Path) -> tuple[list[Map], list[Diagnostic]]:
    files = sorted(str(p) for p in folder.rglob("*.argmap"))
    result = check_files(files, Workspace())
    return result.maps, result.diagnostics


def portable(data: dict, folder: Path) -> dict:
    """The JSON export with absolute paths made relative to `folder`, so that
    snapshots do not depend on where the test runs."""
    prefix = str(folder) + "/"
    for node in data["nodes"]:
        if "path" in node:
            node["path"] = node["path"].removeprefix(prefix)
    return data


def export_data(argmap: Map, folder: Path) -> dict:
    return portable(to_data(argmap), folder)
