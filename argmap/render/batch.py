"""Rendering a folder of maps into a folder of pictures that mirrors it.

Only root maps are drawn (a file that another file includes is part of that
map). Each map's DOT source is written beside its pictures, so that
`argmap render --check` can compare it. Maps whose inputs have not changed are
skipped (cache.py), layouts run in parallel, and every file is written
atomically; a map whose layout fails keeps its previous pictures."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field

import click

from ..atomic import write_bytes
from ..diagnostics import Diagnostic
from ..discover import maps_under
from . import graphviz
from .cache import RenderCache, code_fingerprint, file_digest
from .settings import Options, RenderSettings
from .sizing import FAST_NOTE


@dataclass(frozen=True)
class Job:
    root: str  # the map's root file
    base: str  # its outputs without the extension: rendered/krivitsky/krivitsky


@dataclass
class BatchResult:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: int = 0
    drawn: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # "path: message" lines
    notes: list[str] = field(default_factory=list)


def find_jobs(folder: str, output: str, cache: RenderCache | None = None,
              base: str | None = None) -> list[Job]:
    """One job per root map under `folder`; its outputs go under `output`, in
    the map's place relative to `base` (default: `folder`)."""
    files = maps_under(folder)
    included: set[str] = set()
    workspace = None
    for path in files:
        known = cache.includes(path) if cache else None
        if known is None:
            # Imported on a cache miss only: a no-op re-render loads no parser.
            from ..check import included_files

            workspace = workspace or _workspace()
            known = included_files(path, workspace)
            if cache:
                cache.remember_includes(path, known)
        included.update(known)
    roots = [p for p in files if os.path.realpath(p) not in included]
    base = base or folder
    return [Job(root, os.path.join(output, os.path.splitext(os.path.relpath(root, base))[0]))
            for root in roots]


def _workspace():
    from ..load import Workspace

    return Workspace()


def settings_key(settings: RenderSettings, options: Options, formats) -> str:
    """Everything besides the map's own files that its outputs depend on."""
    config = settings.config
    parts = [code_fingerprint(), repr(settings.theme), ",".join(formats), settings.engine,
             options.key, file_digest(str(config.path)) if config else "-"]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def render_batch(folder: str, jobs: list[Job], settings: RenderSettings, options: Options,
                 formats, workers: int, cache: RenderCache | None = None) -> BatchResult:
    """Render the stale jobs of the maps in `folder`; with a cache, skip fresh
    ones, record the rest, and remove the outputs of maps that are gone."""
    formats = tuple(dict.fromkeys((*formats, "dot")))
    key = settings_key(settings, options, formats) if cache else ""
    result = BatchResult()
    todo = [job for job in jobs
            if cache is None or not cache.fresh(job.root, key, _outputs(job, formats))]
    result.skipped = len(jobs) - len(todo)
    if any(fmt != "dot" for fmt in formats) and todo:
        graphviz.executable(settings.engine)  # GraphvizMissing now, not once per map
    built = {}
    if todo:
        built = _build(todo, settings, options, result)
    for job, outcome in _layouts(built, formats, settings, workers):
        if isinstance(outcome, graphviz.GraphvizError):
            result.failures.append(f"{job.root}: {outcome.message}")
            continue
        paths = _write(job, outcome)
        result.written += paths
        result.drawn += 1
        if cache:
            cache.record(job.root, key, built[job].files, paths)
    if cache:
        result.removed = _remove(cache.outputs_of_removed(folder))
        cache.save()
    return result


def _build(todo: list[Job], settings, options, result: BatchResult) -> dict:
    """Job -> Built, for the maps whose DOT could be written."""
    from .build import build_dot

    workspace = _workspace()
    built = {}
    for job in todo:
        found = build_dot(job.root, settings, options, workspace)
        result.diagnostics += found.diagnostics
        if found.dot is not None:
            built[job] = found
            if FAST_NOTE in found.dot:
                result.notes.append(f"{job.root}: a big map: laid out with argmap's "
                                    "fast settings (docs/render.md)")
    return built


def _layouts(built: dict, formats, settings: RenderSettings, workers: int):
    """(job, {format: bytes} or the GraphvizError), as the layouts finish."""
    if not built:
        return
    from concurrent.futures import ThreadPoolExecutor

    from .build import pictures

    def one(job):
        try:
            return job, pictures(built[job], formats, settings)
        except graphviz.GraphvizError as exc:
            return job, exc

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = pool.map(one, list(built))
        if not sys.stderr.isatty() or len(built) < 2:
            yield from results
            return
        with click.progressbar(results, length=len(built), label="rendering",
                               file=sys.stderr) as bar:
            yield from bar


def _outputs(job: Job, formats) -> list[str]:
    return [f"{job.base}.{fmt}" for fmt in formats]


def _write(job: Job, outputs: dict[str, bytes]) -> list[str]:
    paths = []
    for fmt, data in outputs.items():
        path = f"{job.base}.{fmt}"
        write_bytes(path, data)
        paths.append(path)
    return paths


def _remove(paths: list[str]) -> list[str]:
    removed = []
    for path in paths:
        try:
            os.unlink(path)
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed
