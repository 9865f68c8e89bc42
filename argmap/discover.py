"""Turning PATH arguments into the map files to work on."""

from __future__ import annotations

import os

from .source import STDIN

EXTENSION = ".argmap"


class PathError(Exception):
    """A PATH argument that names nothing usable (a usage error, exit 2)."""


def expand(paths: list[str]) -> list[str]:
    """Files as given; folders searched recursively for *.argmap, sorted; `-` is stdin."""
    found: list[str] = []
    for path in paths:
        if path == STDIN:
            found.append(STDIN)
        elif os.path.isdir(path):
            found.extend(maps_under(path))
        elif os.path.exists(path):
            found.append(path)
        else:
            raise PathError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def maps_under(folder: str) -> list[str]:
    """The map files below `folder`, sorted; hidden folders and node_modules skipped."""
    found = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        found.extend(os.path.join(current, name) for name in sorted(files)
                     if name.endswith(EXTENSION))
    return sorted(found)
