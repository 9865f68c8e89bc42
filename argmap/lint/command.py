"""The work behind `argmap lint`: run the lint, write the report, choose the
exit code. The click command in argmap/cli.py only passes its options here."""

from __future__ import annotations

from typing import NamedTuple

from ..config import ConfigError
from ..diagnostics import Diagnostic, Severity
from ..discover import PathError
from ..lifetime import keep_until_exit
from ..load import Workspace
from .run import lint_paths

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CommandResult(NamedTuple):
    output: str
    exit_code: int
    error: str | None = None  # a usage or configuration error, for stderr


def lint_command(paths: list[str], fmt: str = "text", select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = (), config_path: str | None = None,
                 strict: bool = False, exit_zero: bool = False,
                 color: bool = False) -> CommandResult:
    from ..reporters import Report, write_report
    from ..reporters.source_lines import SourceLines

    workspace = Workspace.for_paths(paths)
    try:
        run = lint_paths(list(paths), split_codes(select), split_codes(ignore), config_path,
                         workspace)
    except (ConfigError, PathError) as exc:
        return CommandResult("", EXIT_USAGE, f"argmap lint: {exc}")
    # The parsed files, not the resolved maps: those were freed as each map
    # was linted, and keeping them would hold them alongside the report.
    keep_until_exit(workspace)
    report = Report(run.diagnostics, run.files, run.suppressed, color and fmt == "text",
                    SourceLines(workspace.stdin_data))
    return CommandResult(write_report(fmt, report), exit_code(run.diagnostics, strict, exit_zero))


def exit_code(diagnostics: list[Diagnostic], strict: bool, exit_zero: bool) -> int:
    if exit_zero:
        return EXIT_CLEAN
    failing = Severity.WARNING if strict else Severity.ERROR
    failed = any(d.severity.rank >= failing.rank for d in diagnostics)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def split_codes(values: tuple[str, ...]) -> list[str] | None:
    """`--select a,b --select c` as ['a', 'b', 'c']; None when not given."""
    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    return codes or None
