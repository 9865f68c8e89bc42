"""What `argmap evaluate` does between reading the input and printing: load a
map (argmap source, or an apx/tgf framework), evaluate it, format it."""

from __future__ import annotations

import difflib
import os

from ..diagnostics import Diagnostic
from ..load import STDIN, STDIN_NAME, Workspace, read_bytes, unreadable
from ..model import Map

FORMATS = ("argmap", "apx", "tgf")


def input_format(path: str, chosen: str | None) -> str:
    """The format named with --from, else the one the file's extension says."""
    if chosen:
        return chosen
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    return extension if extension in ("apx", "tgf") else "argmap"


def load(path: str, fmt: str, workspace: Workspace) -> tuple[Map | None, list[Diagnostic]]:
    if fmt == "argmap":
        from ..resolve import resolve

        return resolve(path, workspace)
    from ..importers import IMPORTERS

    shown = STDIN_NAME if path == STDIN else path
    try:
        data = workspace.stdin_bytes() if path == STDIN else read_bytes(path)
    except OSError as exc:  # reported as resolve reports it for a map
        return None, [unreadable(shown, exc)]
    return IMPORTERS[fmt](data, shown)


def unknown_nodes(argmap: Map, wanted: list[str]) -> str | None:
    """A message for the first of `wanted` that is not a node id of the map."""
    for node_id in wanted:
        if node_id not in argmap.index:
            close = difflib.get_close_matches(node_id, list(argmap.index), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return f"no node '{node_id}' in {argmap.path}{hint}"
    return None


def render(argmap: Map, semantics: str, fmt: str, depth: int,
           nodes: list[str] | None = None) -> str:
    from ..gcpause import paused_gc
    from . import evaluate
    from .report import to_json, to_text

    # As `check` and `lint` do: evaluating and reporting build acyclic data in
    # a short-lived process, and with the cyclic collector running they took
    # twice as long on a 100,000-node map.
    with paused_gc():
        evaluation = evaluate(argmap, semantics)
        return to_json(evaluation) if fmt == "json" else to_text(evaluation, depth, nodes)
