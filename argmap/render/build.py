"""One map, from its root file to DOT source and pictures: resolve it, read
its theme, mark its lint findings (and, if asked, its evaluated status), write
the DOT, and have Graphviz lay it out."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from ..diagnostics import Diagnostic, has_errors
from ..load import STDIN, Workspace
from ..resolve import resolve
from . import graphviz
from .dot import Overlay, map_to_dot
from .marks import lint_marks
from .settings import Options, RenderSettings, map_theme


@dataclass(frozen=True)
class Built:
    """A map's DOT source, or the diagnostics that stopped it."""

    dot: str | None
    diagnostics: list[Diagnostic]
    files: tuple[str, ...] = ()
    dpi: int = 150


def build_dot(path: str, settings: RenderSettings, options: Options,
              workspace: Workspace | None = None) -> Built:
    argmap, diagnostics = resolve(path, workspace or Workspace())
    if argmap is None or has_errors(diagnostics):
        return Built(None, diagnostics)
    config = settings.config_for(path)
    theme, problems = map_theme(settings.theme_for(config), argmap)
    if problems:
        return Built(None, diagnostics + problems)
    if options.marks is not None:
        theme = replace(theme, marks=options.marks)
    marks = lint_marks(argmap, config) if theme.marks else {}
    status = _status(argmap, options.status) if options.status else None
    source = shown_source(path, settings)
    dot = map_to_dot(argmap, theme, Overlay(marks, status), source)
    # The map's configuration is an input too: a change to it redraws the map.
    inputs = argmap.files + ((str(config.path),) if config is not None else ())
    return Built(dot, diagnostics, inputs, theme.dpi)


def pictures(built: Built, formats, settings: RenderSettings) -> dict[str, bytes]:
    """Format -> bytes for each of `formats`; GraphvizError if a layout fails."""
    found = {}
    for fmt in formats:
        if fmt == "dot":
            found[fmt] = built.dot.encode("utf-8")
        else:
            found[fmt] = graphviz.layout(built.dot, fmt, settings.engine, settings.timeout,
                                         built.dpi)
    return found


def shown_source(path: str, settings: RenderSettings) -> str:
    """The map's path as the DOT header names it: relative to the project, with
    forward slashes, so that the DOT is the same on every machine."""
    if path == STDIN:
        return "<stdin>"
    relative = os.path.relpath(os.path.abspath(path), settings.folder)
    return relative.replace(os.sep, "/")


def _status(argmap, semantics: str) -> dict[str, str]:
    from ..evaluate import evaluate

    return dict(evaluate(argmap, semantics=semantics).status)
