"""The command line: a thin click layer over functions that return values.

`run(argv) -> int` is the entry point; exit codes are 0 clean, 1 problems in
the input, 2 usage, configuration or internal error."""

from __future__ import annotations

import os
import sys

import click

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Lines:
    """Source lines for the report, read once per file."""

    def __init__(self, stdin_data: bytes | None = None):
        self.stdin_data = stdin_data
        self.files: dict[str, list[str]] = {}

    def __call__(self, path: str, line: int) -> str | None:
        if path not in self.files:
            self.files[path] = self._read(path)
        lines = self.files[path]
        return lines[line - 1] if 0 < line <= len(lines) else None

    def _read(self, path: str) -> list[str]:
        try:
            if path == "<stdin>":
                data = self.stdin_data or b""
            else:
                with open(path, "rb") as handle:
                    data = handle.read()
        except OSError:
            return []
        text = data.decode("utf-8", "replace").lstrip("\ufeff")
        return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _color(option: str) -> bool:
    if option == "always":
        return True
    if option == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _workspace_for(paths):
    from .load import STDIN, Workspace

    workspace = Workspace()
    if STDIN in paths:
        workspace.stdin_data = sys.stdin.buffer.read()
    return workspace


def _expand(paths) -> list[str]:
    from .discover import PathError, expand

    try:
        return expand(list(paths))
    except PathError as exc:
        raise click.UsageError(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="argmap")
def cli():
    """argmap: argument maps in plain text.

    Write claims, supports, rebuttals and objections in .argmap files; check
    them, export them, and (in later commands) lint and render them.
    The language is described in docs/language.md."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the report.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary line.")
def check(paths, color, quiet):
    """Parse and resolve maps; report every error with file:line:col.

    PATHS are files, folders (searched for *.argmap) or - for stdin. A file
    that another file in the run includes is checked as part of it."""
    from .check import check_files
    from .report import format_all, summary

    files = _expand(paths)
    workspace = _workspace_for(files)
    result = check_files(files, workspace)
    if result.diagnostics:
        click.echo(format_all(result.diagnostics, _Lines(workspace.stdin_data), _color(color)))
    if not quiet:
        click.echo(summary(result.diagnostics, result.files))
    return EXIT_FINDINGS if result.diagnostics else EXIT_CLEAN


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]),
              default="text", show_default=True, help="The report format.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Run only these rules: names, codes or code prefixes, comma-separated. "
              "Replaces the configuration's select and ignore.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Use this argmap.yaml or pyproject.toml instead of searching for one.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit code 1).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even with findings; usage and configuration errors still exit 2.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text report.")
def lint(paths, fmt, select, ignore, config_path, strict, exit_zero, color):
    """Lint maps: unsupported claims, unanswered objections and rebuttals, circles.

    PATHS are files, folders (searched for *.argmap; include/exclude in the
    configuration apply) or - for stdin. Rules and configuration:
    docs/rules.md and docs/configuration.md. Exit codes: 0 no error-level
    findings, 1 findings, 2 usage or configuration error."""
    from .lint.command import lint_command

    outcome = lint_command(paths, fmt, select, ignore, config_path, strict, exit_zero,
                           _color(color))
    if outcome.error:
        click.echo(outcome.error, err=True)
    click.echo(outcome.output, nl=False)
    return outcome.exit_code


@cli.command("fmt")
@click.argument("paths", nargs=-1, required=True)
@click.option("--check", is_flag=True,
              help="Change nothing; list the files that would change, exit 1 if any would.")
@click.option("--diff", is_flag=True, help="Change nothing; print the changes as a unified diff.")
@click.option("--wrap", metavar="keep|no|N",
              help="Text line breaks: keep them as written (the default), no: one line per "
              "paragraph, N: fill lines to N columns. Default: fmt.wrap in argmap.yaml.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
def fmt_command(paths, check, diff, wrap, quiet):
    """Rewrite maps in the canonical layout (docs/formatter.md).

    PATHS are files, folders (searched for *.argmap) or - to read stdin and
    write stdout. Only files that parse without errors are touched, and the
    result must mean exactly what the file meant. Exit codes: 0 done, 1 files
    with errors (or, with --check, files that would change), 2 usage,
    configuration or internal error."""
    from .fmt.command import Mode, format_files, wrap_option

    return format_files(_expand(paths), Mode(check, diff, quiet), wrap_option(wrap))


@cli.command("export")
@click.argument("path")
@click.option("--to", "fmt", type=click.Choice(["json"]), required=True,
              help="The format to write.")
@click.option("-o", "--output", default="-", show_default=True,
              help="The file to write, or - for stdout.")
def export_command(path, fmt, output):
    """Write the map at PATH (a file, or - for stdin) in another format."""
    from .exporters import EXPORTERS
    from .report import format_all
    from .resolve import resolve

    workspace = _workspace_for([path])
    argmap, diagnostics = resolve(path, workspace)
    if diagnostics or argmap is None:
        click.echo(format_all(diagnostics, _Lines(workspace.stdin_data)), err=True)
        return EXIT_FINDINGS
    _write_output(output, EXPORTERS[fmt](argmap))
    return EXIT_CLEAN


@cli.command("import")
@click.argument("path")
@click.option("--from", "fmt", type=click.Choice(["json"]), required=True,
              help="The format of PATH.")
@click.option("-o", "--output", default="-", show_default=True,
              help="The .argmap file to write, or - for stdout.")
def import_command(path, fmt, output):
    """Read PATH (or - for stdin) in another format and write argmap source."""
    from .importers import IMPORTERS
    from .load import STDIN, STDIN_NAME, read_bytes
    from .report import format_all
    from .writer import write

    shown = STDIN_NAME if path == STDIN else path
    try:
        data = read_bytes(path)
    except OSError as exc:
        raise click.FileError(path, exc.strerror) from None
    argmap, diagnostics = IMPORTERS[fmt](data, shown)
    lines = _Lines(data if path == STDIN else None)
    if argmap is None:
        click.echo(format_all(diagnostics, lines), err=True)
        return EXIT_FINDINGS
    text, problems = write(argmap)
    if problems:
        click.echo(format_all(problems, lines), err=True)
        return EXIT_FINDINGS
    _write_output(output, text)
    return EXIT_CLEAN


def _write_output(output: str, text: str) -> None:
    if output == "-":
        click.echo(text, nl=False)
        return
    from .atomic import write_text

    write_text(output, text)


def run(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    try:
        result = cli.main(args=argv, prog_name="argmap", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        return 130
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_CLEAN
    return result if isinstance(result, int) else EXIT_CLEAN


def _silence_stdout() -> None:
    # Output was cut short by a closed pipe (`argmap ... | head`): point stdout
    # at devnull so that the interpreter's final flush does not fail too.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    sys.exit(run())
