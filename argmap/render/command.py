"""`argmap render`: which maps, which outputs, and what to tell the user.

No PATH renders the configured maps folder (maps/) into the output folder
(rendered/); a folder PATH renders its maps the same way; a file PATH renders
one map to -o (a file, a folder, or - for stdout). Exit codes: 0 done, 1 errors
in a map, a failed or timed-out layout, or (with --check) outputs that are not
up to date; 2 usage, configuration, or Graphviz missing."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import click

from ..config import ConfigError, find_config, load_config
from ..diagnostics import has_errors
from . import graphviz
from .batch import find_jobs, render_batch
from .cache import CACHE_FILE, RenderCache
from .settings import Options, RenderSettings, parse_formats, render_settings
from .sizing import FAST_NOTE

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
STDIN = "-"  # as argmap.load has it; imported lazily there, with the parser
_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


@dataclass(frozen=True)
class Request:
    paths: tuple[str, ...]
    output: str | None
    formats: str | None
    check: bool
    jobs: int
    engine: str | None
    timeout: float | None
    options: Options
    config_path: str | None = None


def render_command(request: Request) -> int:
    try:
        settings = _settings(request)
        formats = parse_formats(request.formats) if request.formats else settings.formats
        if not request.paths:
            return _folder(str(settings.maps_folder), request, settings, formats)
        return max(_one_path(path, request, settings, formats) for path in request.paths)
    except ConfigError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except graphviz.GraphvizMissing as exc:
        _say(f"argmap render: {exc.message}\n  hint: {exc.hint}")
        return EXIT_USAGE


def _settings(request: Request) -> RenderSettings:
    # The project's settings (folders, formats, engine) come from the working
    # folder's configuration; each map's theme and lint rules from its own.
    found = Path(request.config_path) if request.config_path else find_config(".")
    settings = render_settings(load_config(found) if found else None)
    if request.config_path:
        settings = replace(settings, forced=True)
    if request.engine:
        settings = replace(settings, engine=request.engine)
    if request.timeout is not None:
        settings = replace(settings, timeout=request.timeout)
    return settings


def _one_path(path: str, request, settings, formats) -> int:
    if path != STDIN and os.path.isdir(path):
        return _folder(path, request, settings, formats)
    if path != STDIN and not os.path.exists(path):
        raise click.ClickException(f"{path}: no such file or folder")  # one line, no usage
    if request.check:
        raise click.UsageError("--check compares a folder of maps with its output folder: "
                               "give a folder, or no PATH for the configured maps/")
    return _file(path, request, settings, formats)


# ---- a folder of maps ---------------------------------------------------------------
def _folder(folder: str, request: Request, settings, formats) -> int:
    shown = _relative(folder)
    if not os.path.isdir(folder):
        raise click.UsageError(f"{shown}: no such folder; give the maps to render as PATHs, "
                               "or set render.maps in argmap.yaml")
    if request.output == "-":
        raise click.UsageError("-o - writes one picture to stdout: give one map file")
    base, output = _mirror(shown, request, settings)
    if request.check:
        return _check(shown, base, output, settings, request, formats)
    cache = RenderCache(settings.folder / CACHE_FILE)
    jobs = find_jobs(shown, output, cache, base)
    result = render_batch(shown, jobs, settings, request.options, formats, request.jobs, cache)
    _report(result.diagnostics)
    for line in result.notes + result.failures:
        _say(line)
    for path in result.removed:
        _say(f"removed {path} (its map is gone)")
    _say(f"rendered {result.drawn} of {len(jobs)} maps into {output}/ "
         f"({result.skipped} unchanged)")
    bad = result.failures or has_errors(result.diagnostics)
    return EXIT_FINDINGS if bad else EXIT_CLEAN


def _mirror(folder: str, request: Request, settings) -> tuple[str, str]:
    """(the folder whose layout the output mirrors, the output folder). A part
    of the project's maps folder goes to its place in the project's output
    folder: `argmap render maps/examples` writes rendered/examples/."""
    if request.output:
        return folder, _relative(request.output)
    maps = os.path.abspath(settings.maps_folder)
    inside = os.path.commonpath([maps, os.path.abspath(folder)]) == maps
    return (_relative(maps) if inside else folder), _relative(settings.output_folder)


def _check(folder: str, base: str, output: str, settings, request: Request, formats) -> int:
    from .stale import check_outputs

    jobs = find_jobs(folder, output, base=base)
    # Only the part of the output folder that mirrors `folder` is compared.
    mirrored = os.path.normpath(os.path.join(output, os.path.relpath(folder, base)))
    found = check_outputs(jobs, mirrored, settings, request.options, formats)
    _report(found.diagnostics)
    for line in found.lines():
        _say(line)
    if found.clean:
        _say(f"{output}/ is up to date ({len(jobs)} maps)")
        return EXIT_CLEAN
    _say(f"{output}/ is not up to date: run `argmap render` and commit the result")
    return EXIT_FINDINGS


# ---- one map file -------------------------------------------------------------------
def _file(path: str, request: Request, settings, formats) -> int:
    from ..load import Workspace
    from .build import build_dot, pictures

    target, formats = _target(path, request, formats)
    workspace = Workspace.for_paths([path])
    built = build_dot(path, settings, request.options, workspace)
    _report(built.diagnostics, workspace.stdin_data)
    if built.dot is None:
        return EXIT_FINDINGS
    if FAST_NOTE in built.dot:
        _say(f"{path}: a big map: laid out with argmap's fast settings (docs/render.md)")
    try:
        found = pictures(built, formats, settings)
    except graphviz.GraphvizMissing:
        raise
    except graphviz.GraphvizError as exc:
        _say(f"{path}: {exc.message}" + (f"\n  hint: {exc.hint}" if exc.hint else ""))
        _say("the previous picture, if any, is unchanged")
        return EXIT_FINDINGS
    _deliver(found, target, path)
    return EXIT_CLEAN


def _target(path: str, request: Request, formats) -> tuple[str, tuple[str, ...]]:
    """Where a single map's pictures go: "-", a file base path, or a folder."""
    output = request.output
    if output == "-":
        if len(formats) != 1:
            raise click.UsageError("-o - writes one format to stdout: choose it with -f")
        return "-", formats
    stem = "stdin" if path == STDIN else os.path.splitext(os.path.basename(path))[0]
    if output is None:
        folder = "." if path == STDIN else os.path.dirname(path)
        return os.path.join(folder, stem), formats
    suffix = os.path.splitext(output)[1].lower()
    if os.path.isdir(output) or output.endswith(("/", os.sep)) or suffix not in _SUFFIXES:
        return os.path.join(output, stem), formats
    if request.formats is None:
        formats = (_SUFFIXES[suffix],)
    elif len(formats) > 1 or formats[0] != _SUFFIXES[suffix]:
        raise click.UsageError(f"-o {output} is a .{_SUFFIXES[suffix]} file, but -f asks for "
                               f"{', '.join(formats)}: give a folder to -o for several formats")
    return output[: -len(suffix)], formats


def _deliver(found: dict[str, bytes], target: str, path: str) -> None:
    from ..atomic import write_bytes

    if target == "-":
        sys.stdout.buffer.write(next(iter(found.values())))
        sys.stdout.buffer.flush()
        return
    for fmt, data in found.items():
        write_bytes(f"{target}.{fmt}", data)
        _say(f"wrote {target}.{fmt}")


# ---- output -------------------------------------------------------------------------
def _report(diagnostics, stdin_data: bytes | None = None) -> None:
    if not diagnostics:
        return
    from ..report import format_all
    from ..reporters.source_lines import SourceLines

    lines = SourceLines(stdin_data)
    _say(format_all(diagnostics, lines))


def _relative(path) -> str:
    """A path as messages show it: relative to the working folder when below it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


def _say(text: str) -> None:
    click.echo(text, err=True)
