"""`argmap fmt PATH...`: format files in place, check them (--check), show the
changes (--diff), or read stdin and write stdout (`-`).

Messages go to stderr; stdout carries only what the command produces (the
formatted text for `-`, the diff, or the list of files --check would change),
so that editors and scripts can use it as it is."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

import click

from ..atomic import write_bytes
from ..config import ConfigError
from ..diagnostics import Diagnostic
from ..load import STDIN, STDIN_NAME, read_bytes, unreadable
from ..report import format_all
from . import MeaningChanged, format_bytes
from .concrete import LayoutMismatch
from .diff import unified_diff
from .settings import WrapSettings
from .wrapping import WrapError, parse_wrap

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL = 0, 1, 2  # 2 also for configuration errors
REFORMATTED, UNCHANGED, WOULD_REFORMAT, BROKEN = ("reformatted", "unchanged",
                                                  "would reformat", "broken")


@dataclass(frozen=True)
class Mode:
    check: bool = False
    diff: bool = False
    quiet: bool = False

    @property
    def writes(self) -> bool:
        return not (self.check or self.diff)


def wrap_option(value: str | None) -> str | int | None:
    """--wrap as given on the command line (None: from the configuration)."""
    if value is None:
        return None
    try:
        return parse_wrap(value)
    except WrapError as exc:
        raise click.BadParameter(str(exc), param_hint="--wrap") from None


def format_files(files: list[str], mode: Mode, wrap: str | int | None = None) -> int:
    """Format each file as `mode` says; return the exit code."""
    settings = WrapSettings(wrap)
    outcomes: Counter = Counter()
    code = EXIT_CLEAN
    for path in files:
        try:
            outcome, exit_code = _format_one(path, mode, settings.for_path(path))
        except ConfigError as exc:
            click.echo(str(exc), err=True)
            return EXIT_INTERNAL
        outcomes[outcome] += 1
        code = max(code, exit_code)
    if not mode.quiet and files != [STDIN]:
        click.echo(summary(outcomes, mode), err=True)
    return code


def _format_one(path: str, mode: Mode, wrap) -> tuple[str, int]:
    shown = STDIN_NAME if path == STDIN else path
    try:
        data = read_bytes(path)
    except OSError as exc:
        _report([unreadable(shown, exc)], b"")
        return BROKEN, EXIT_FINDINGS
    try:
        result = format_bytes(data, shown, wrap)
    except Exception as exc:  # a bug must cost neither the file nor a traceback
        reason = str(exc) if isinstance(exc, MeaningChanged | LayoutMismatch) else repr(exc)
        click.echo(f"argmap fmt: internal error: {reason}; {shown} was left as it is. "
                   "Please report this with the file.", err=True)
        return BROKEN, EXIT_INTERNAL
    if result.data is None:
        _report(result.diagnostics, data)
        if path == STDIN and mode.writes:
            click.echo(data, nl=False)  # an editor's buffer must not come back empty
        return BROKEN, EXIT_FINDINGS
    return _deliver(path, shown, mode, data, result.data)


def _deliver(path: str, shown: str, mode: Mode, data: bytes, formatted: bytes):
    """Check, diff, print or write one file that formatted cleanly."""
    changed = formatted != data
    if mode.diff and changed:
        click.echo(unified_diff(_text(data), _text(formatted), shown), nl=False)
    if not mode.writes:
        if mode.check and changed:
            click.echo(f"would reformat {shown}")
            return WOULD_REFORMAT, EXIT_FINDINGS
        return (WOULD_REFORMAT if changed else UNCHANGED), EXIT_CLEAN
    if path == STDIN:
        click.echo(formatted, nl=False)
        return (REFORMATTED if changed else UNCHANGED), EXIT_CLEAN
    if not changed:
        return UNCHANGED, EXIT_CLEAN
    return _write(path, formatted)


def _write(path: str, data: bytes) -> tuple[str, int]:
    try:
        # Through a symbolic link to the file itself, not over the link.
        write_bytes(os.path.realpath(path), data)
    except OSError as exc:
        _report([Diagnostic(path, 1, 1, "E002", f"cannot write file: {exc.strerror}",
                            hint="check the permissions of the file and its folder")], b"")
        return BROKEN, EXIT_FINDINGS
    click.echo(f"reformatted {path}", err=True)
    return REFORMATTED, EXIT_CLEAN


def _report(diagnostics: list[Diagnostic], data: bytes) -> None:
    lines = _text(data).split("\n") if data else []  # no text: no source line to show

    def line_of(_path: str, line: int) -> str | None:
        return lines[line - 1] if 0 < line <= len(lines) else None

    click.echo(format_all(diagnostics, line_of), err=True)


def _text(data: bytes) -> str:
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def summary(outcomes: Counter, mode: Mode) -> str:
    changed = outcomes[REFORMATTED] + outcomes[WOULD_REFORMAT]
    if mode.writes:
        parts = [_count(changed, "reformatted"), _count(outcomes[UNCHANGED], "left unchanged")]
    else:
        parts = [_count(changed, "would be reformatted"),
                 _count(outcomes[UNCHANGED], "already formatted")]
    if outcomes[BROKEN]:
        parts.append(_count(outcomes[BROKEN], "left untouched because of errors"))
    return ", ".join(parts)


def _count(number: int, what: str) -> str:
    return f"{number} file{'' if number == 1 else 's'} {what}"
