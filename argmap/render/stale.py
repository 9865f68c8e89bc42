"""`argmap render --check`: is the output folder what rendering would write now?

The DOT source is compared byte for byte: argmap writes it deterministically.
The pictures are only required to exist, because their bytes change with the
installed Graphviz version, while the DOT that they are drawn from does not."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..load import Workspace
from .batch import Job
from .build import build_dot
from .settings import Options, RenderSettings


@dataclass
class Staleness:
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra or self.diagnostics)

    def lines(self) -> list[str]:
        return ([f"stale: {p}" for p in self.stale] + [f"missing: {p}" for p in self.missing]
                + [f"extra: {p} (its map is gone)" for p in self.extra])


def check_outputs(jobs: list[Job], output: str, settings: RenderSettings, options: Options,
                  formats) -> Staleness:
    found = Staleness()
    expected: dict[str, str | None] = {}  # path -> DOT to compare, or None: must exist
    workspace = Workspace()
    for job in jobs:
        built = build_dot(job.root, settings, options, workspace)
        found.diagnostics += built.diagnostics
        expected[f"{job.base}.dot"] = built.dot
        expected.update({f"{job.base}.{fmt}": None for fmt in formats if fmt != "dot"})
    for path, dot in expected.items():
        if not os.path.isfile(path):
            found.missing.append(path)
        elif dot is not None and _read(path) != dot:
            found.stale.append(path)
    found.extra = [p for p in _files_under(output) if p not in expected]
    return found


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _files_under(folder: str) -> list[str]:
    """Every file below `folder`, hidden ones (and hidden folders) excepted."""
    found = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(current, name) for name in sorted(files)
                  if not name.startswith(".")]
    return found
