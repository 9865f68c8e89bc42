"""The command line: a thin click layer over functions that return values.

`run(argv) -> int` is the entry point; exit codes are 0 clean, 1 problems in
the input, 2 usage, configuration or internal error."""

from __future__ import annotations

import os
import sys

import click

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _lines(stdin_data: bytes | None = None):
    """Source lines for a report; imported here, not at start-up, because it
    loads the parser's modules."""
    from .reporters.source_lines import SourceLines

    return SourceLines(stdin_data)


def _color(option: str) -> bool:
    if option == "always":
        return True
    if option == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _workspace_for(paths):
    from .load import Workspace

    return Workspace.for_paths(paths)


def _expand(paths) -> list[str]:
    from .discover import PathError, expand

    try:
        return expand(list(paths))
    except PathError as exc:
        raise click.ClickException(str(exc)) from None  # one line, not the usage text


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="argmap")
def cli():
    """argmap: argument maps in plain text.

    Write claims, supports, rebuttals and objections in .argmap files; check
    and lint them, draw them with Graphviz, evaluate which claims stand,
    format them, and convert them. The language is described in
    docs/language.md; every command takes -h."""


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
    from .gcpause import paused_gc
    from .lifetime import keep_until_exit
    from .report import format_all, summary

    files = _expand(paths)
    workspace = _workspace_for(files)
    # A batch run builds acyclic data and then exits, so the cyclic collector
    # would only rescan it and free nothing: it costs a large map half its time.
    with paused_gc():
        result = check_files(files, workspace)
        report = format_all(result.diagnostics, _lines(workspace.stdin_data), _color(color))
    keep_until_exit(workspace, result)
    if result.diagnostics:
        click.echo(report)
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
    from .gcpause import paused_gc
    from .lint.command import lint_command

    with paused_gc():  # as in `check`: acyclic data in a short-lived process
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


@cli.command("evaluate")
@click.argument("path")
@click.option("--semantics", type=click.Choice(["grounded", "support"]), default="grounded",
              show_default=True, help="grounded: attacks only; support: a claim that needs "
              "support stands only on a support group that stands.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="The report format.")
@click.option("--from", "input_fmt", type=click.Choice(["argmap", "apx", "tgf"]),
              help="The format of PATH. Default: apx or tgf by the file's extension, "
              "else argmap.")
@click.option("--depth", type=click.IntRange(0, 100), default=3, show_default=True,
              help="Levels of reasons shown under each thesis in the text report.")
@click.option("--node", "nodes", multiple=True, metavar="ID",
              help="Explain this node instead of the theses (repeatable; text report).")
def evaluate_command(path, semantics, fmt, input_fmt, depth, nodes):
    """Say which claims stand: in, out or undecided (docs/semantics.md).

    PATH is a map, an apx or tgf framework, or - for stdin. The text report
    explains each thesis; --format json lists every node. Exit codes: 0
    evaluated (whatever the statuses), 1 errors in the input, 2 usage."""
    from .diagnostics import has_errors
    from .evaluate.command import input_format, load, render, unknown_nodes
    from .report import format_all

    workspace = _workspace_for([path])
    argmap, diagnostics = load(path, input_format(path, input_fmt), workspace)
    if diagnostics:
        click.echo(format_all(diagnostics, _lines(workspace.stdin_data)), err=True)
    if argmap is None or has_errors(diagnostics):
        return EXIT_FINDINGS
    problem = unknown_nodes(argmap, list(nodes))
    if problem:
        raise click.BadParameter(problem, param_hint="'--node'")
    click.echo(render(argmap, semantics, fmt, depth, list(nodes) or None), nl=False)
    return EXIT_CLEAN


@cli.command("render")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", metavar="FILE|DIR|-",
              help="Where to write: a file or folder, or - for stdout (one map, one format). "
              "Default: beside a map FILE; rendered/ (render.output) for folders.")
@click.option("-f", "--format", "formats", metavar="svg,png,pdf,dot",
              help="Formats to write, comma-separated. Default: render.formats, or svg.")
@click.option("--check", is_flag=True,
              help="Change nothing; exit 1 if the output folder is stale, incomplete, or "
              "holds files of removed maps.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1,
              show_default="number of CPUs", help="Layouts to run at once.")
@click.option("--status", type=click.Choice(["grounded", "support"]), is_flag=False,
              flag_value="grounded", default=None,
              help="Colour nodes by their evaluated status (default semantics: grounded).")
@click.option("--marks/--no-marks", default=None,
              help="Show lint findings on the diagram. Default: theme.marks (on).")
@click.option("--engine", type=click.Choice(["dot", "neato", "fdp", "sfdp", "circo", "twopi",
                                             "osage", "patchwork"]),
              help="Graphviz layout program. Default: render.engine, or dot.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Stop a layout that takes longer; the previous picture stays.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Use this argmap.yaml or pyproject.toml instead of searching for one.")
def render_command(paths, output, formats, check, jobs, status, marks, engine, timeout,
                   config_path):
    """Draw maps as diagrams with Graphviz (docs/render.md).

    With no PATH, every map under maps/ (render.maps) is drawn into rendered/
    (render.output), mirroring the folders, with each map's DOT source beside
    its picture; unchanged maps are skipped. A folder PATH is drawn the same
    way; a file PATH (or - for stdin) draws one map. Exit codes: 0 done, 1 errors
    in a map, a failed layout, or (--check) stale output, 2 usage, configuration,
    or Graphviz missing."""
    from .render.command import Request
    from .render.command import render_command as run_render
    from .render.settings import Options

    request = Request(tuple(paths), output, formats, check, jobs, engine, timeout,
                      Options(marks, status), config_path)
    return run_render(request)


@cli.command("export")
@click.argument("path")
@click.option("--to", "fmt", type=click.Choice(["json", "apx"]), required=True,
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
        click.echo(format_all(diagnostics, _lines(workspace.stdin_data)), err=True)
        return EXIT_FINDINGS
    _write_output(output, EXPORTERS[fmt](argmap))
    return EXIT_CLEAN


@cli.command("import")
@click.argument("path")
@click.option("--from", "fmt", type=click.Choice(["json", "apx", "tgf"]), required=True,
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
    lines = _lines(data if path == STDIN else None)
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
    """Run the command line; return the exit code instead of exiting. Whatever
    happens, the caller gets an exit code and at most a short message, never a
    traceback (argmap/process.py, docs/robustness.md)."""
    from .process import guarded

    return guarded(lambda: cli.main(args=argv, prog_name="argmap", standalone_mode=False))


def main() -> None:
    from .process import end, prepare

    prepare()
    end(run())
