"""`argmap lint PATH...`: choose the files, find each one's configuration,
check and resolve the maps, and run the rules. Returns values; the CLI prints."""

from __future__ import annotations

import os

from ..check import roots
from ..config import find_config, load_config
from ..diagnostics import Diagnostic, has_errors
from ..discover import expand
from ..load import STDIN, Workspace
from ..resolve import resolve
from .engine import BY_PLACE, find_problems
from .registry import rule_for_error
from .settings import LintSettings, lint_settings


class LintRun:
    def __init__(self, files: int = 0):
        self.diagnostics: list[Diagnostic] = []
        self.files = files
        self.suppressed = 0


def lint_paths(paths: list[str], select: list[str] | None = None,
               ignore: list[str] | None = None, config_path: str | None = None,
               workspace: Workspace | None = None) -> LintRun:
    """Lint the maps at `paths` (files, folders or - for stdin).

    Raises ConfigError for invalid configuration or flags, and PathError for a
    path that does not exist: both are exit code 2."""
    workspace = workspace or Workspace()
    configs = _Configs(config_path, select, ignore)
    files = _files(paths, configs)
    run = LintRun(files=len(files))
    found: list[Diagnostic] = []
    for path in roots(files, workspace):
        # Loaded first, so that an invalid configuration is reported (exit 2)
        # whether or not this map has errors of its own.
        settings = configs.settings_for(path)
        argmap, problems = resolve(path, workspace)
        found += [d._replace(rule=rule_for_error(d.code).name) for d in problems]
        if argmap is not None and not has_errors(problems):
            result = find_problems(argmap, settings)
            found += result.diagnostics
            run.suppressed += result.suppressed
    found.sort(key=BY_PLACE)  # stable: the same place keeps the order found
    run.diagnostics = first_of_each(found)
    return run


def first_of_each(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Sorted diagnostics without repeats (a file included by two maps is
    linted twice): the first of each place and rule. Repeats sit side by side
    once sorted, so no set of every finding is needed."""
    kept: list[Diagnostic] = []
    place, start = None, 0  # the current place, and where its diagnostics start in `kept`
    for diagnostic in diagnostics:
        here = BY_PLACE(diagnostic)
        if here != place:
            place, start = here, len(kept)
        elif any(other.rule == diagnostic.rule for other in kept[start:]):
            continue
        kept.append(diagnostic)
    return kept


def _files(paths: list[str], configs: _Configs) -> list[str]:
    """Files as named, and the maps in named folders that the include and
    exclude settings select; a file named on the command line is always linted."""
    files: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            files += [f for f in expand([path]) if configs.settings_for(f).paths.selects(f)]
        else:
            files += expand([path])
    return list(dict.fromkeys(files))


class _Configs:
    """Settings per configuration file, each loaded and validated once."""

    def __init__(self, forced: str | None, select, ignore):
        self.select, self.ignore = select, ignore
        # Paths are str and os.path, not pathlib: importing it costs a start-up ~3 ms.
        self.forced = forced or None
        self.by_folder: dict[str, str | None] = {}
        self.settings: dict[str | None, LintSettings] = {}
        # Check the flags (and a forced file) now, even if no file is linted.
        self._load(self.forced)

    def settings_for(self, path: str) -> LintSettings:
        if self.forced is not None:
            return self._load(self.forced)
        folder = os.getcwd() if path == STDIN else os.path.dirname(os.path.realpath(path))
        if folder not in self.by_folder:
            self.by_folder[folder] = find_config(folder)
        return self._load(self.by_folder[folder])

    def _load(self, config_path: str | None) -> LintSettings:
        if config_path not in self.settings:
            config = load_config(config_path) if config_path else None
            self.settings[config_path] = lint_settings(config, self.select, self.ignore)
        return self.settings[config_path]
