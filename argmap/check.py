"""`argmap check`: parse and resolve every map, collecting diagnostics."""

from __future__ import annotations

import os
from typing import NamedTuple

from .diagnostics import Diagnostic
from .load import STDIN, STDIN_NAME, Workspace
from .model import Map
from .resolve import resolve


class CheckResult(NamedTuple):
    maps: list[Map]
    diagnostics: list[Diagnostic]
    files: int


def roots(files: list[str], workspace: Workspace) -> list[str]:
    """The files that are maps in their own right: a file that another file in the
    run includes is checked as part of that file instead."""
    included: set[str] = set()
    for path in files:
        if path != STDIN:
            included.update(included_files(path, workspace))
    return [p for p in files if p == STDIN or os.path.realpath(p) not in included]


def included_files(path: str, workspace: Workspace) -> list[str]:
    """Real paths of the files that the map at `path` includes."""
    document, _ = workspace.document(path)
    if document is None:
        return []
    folder = os.path.dirname(path)
    return [os.path.realpath(os.path.join(folder, include.target))
            for include in document.front.includes]


def check_files(files: list[str], workspace: Workspace | None = None) -> CheckResult:
    workspace = workspace or Workspace()
    result = CheckResult([], [], len(files))
    seen: set[tuple] = set()
    covered: set[str] = set()
    first = roots(files, workspace)
    # Files that only include each other have no root among them: each file not
    # yet covered by a map is checked as a root in its own right.
    for path in first + [p for p in files if p not in first]:
        if path != STDIN and os.path.realpath(path) in covered:
            continue
        loaded, diagnostics = resolve(path, workspace)
        if loaded is not None:
            result.maps.append(loaded)
            covered.update(os.path.realpath(f) for f in loaded.files if f != STDIN_NAME)
        for diagnostic in diagnostics:
            key = diagnostic.sort_key
            if key not in seen:
                seen.add(key)
                result.diagnostics.append(diagnostic)
    result.diagnostics.sort(key=Diagnostic.sort_key.fget)
    return result
