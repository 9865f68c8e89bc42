"""Every stage of argmap run over one input, with the robustness invariant
checked after each: the input ends in a result or in diagnostics whose
positions lie inside the file. An uncaught exception fails on its own.

Shared by the hypothesis tests (tests/robustness/) and the atheris harness
(fuzz/), so it imports nothing from the test suite: the harness loads it by
path."""

from __future__ import annotations

import json

from argmap.diagnostics import Diagnostic, has_errors
from argmap.evaluate import SEMANTICS, STATUSES, evaluate
from argmap.exporters import EXPORTERS
from argmap.fmt import format_bytes
from argmap.importers import IMPORTERS
from argmap.lint import lint_map
from argmap.load import STDIN, STDIN_NAME, Workspace, parse_bytes
from argmap.render.dot import map_to_dot
from argmap.resolve import resolve
from argmap.writer import write

PATH = "fuzzed.argmap"
TARGETS = ("check", "lint", "fmt", "export", "dot", "evaluate", "roundtrip")


class InvariantBroken(AssertionError):
    """An input that argmap handled wrongly (not an input error: a bug)."""


def source_lines(data: bytes) -> list[str]:
    """The file's lines as reports count them: decoded leniently, BOM dropped,
    CRLF and lone CR as line breaks."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_positions(diagnostics: list[Diagnostic], data: bytes, path: str) -> None:
    """Every diagnostic names `path` and a 1-based place inside the file."""
    lines = source_lines(data)
    for item in diagnostics:
        where = f"{item.code} at {item.line}:{item.column}: {item.message}"
        if item.path != path:
            raise InvariantBroken(f"{where}: path {item.path!r}, expected {path!r}")
        if not 1 <= item.line <= len(lines):
            raise InvariantBroken(f"{where}: line outside the file ({len(lines)} lines)")
        width = len(lines[item.line - 1])
        if not 1 <= item.column <= width + 1:
            raise InvariantBroken(f"{where}: column outside line {item.line} ({width} wide)")
        if not item.message or not item.code:
            raise InvariantBroken(f"{where}: a diagnostic without code or message")


def run_check(data: bytes):
    """Parse and resolve as `argmap check -` does; return the map (or None)
    and whether it came without errors."""
    document, diagnostics = parse_bytes(data, PATH)
    check_positions(diagnostics, data, PATH)
    if document is None and not has_errors(diagnostics):
        raise InvariantBroken("no document and no error")
    workspace = Workspace()
    workspace.stdin_data = data
    argmap, diagnostics = resolve(STDIN, workspace)
    check_positions(diagnostics, data, STDIN_NAME)
    if argmap is None and not has_errors(diagnostics):
        raise InvariantBroken("no map and no error")
    return argmap, not has_errors(diagnostics)


def run_lint(argmap, data: bytes) -> None:
    check_positions(lint_map(argmap), data, STDIN_NAME)


def run_export(argmap) -> None:
    exported = json.loads(EXPORTERS["json"](argmap))
    if len(exported["nodes"]) != len(argmap.nodes):
        raise InvariantBroken("the JSON export lost nodes")


def run_roundtrip(argmap) -> None:
    """A map without errors survives export, import and the argmap writer: the
    JSON export keeps every text, the APX export every argument."""
    for fmt in ("json", "apx"):
        back, problems = IMPORTERS[fmt](EXPORTERS[fmt](argmap).encode("utf-8"), f"map.{fmt}")
        if back is None or has_errors(problems):
            raise InvariantBroken(f"the {fmt} export does not import: {problems[:1]}")
        text, problems = write(back)
        document, diagnostics = parse_bytes(text.encode("utf-8"), "written.argmap")
        if problems or has_errors(diagnostics):
            raise InvariantBroken(f"the {fmt} import is written as a broken map")
        if fmt == "json" and sorted(n.text for n in document.nodes) != sorted(
                n.text for n in argmap.nodes):
            raise InvariantBroken("export, import and write changed a node's text")


def run_dot(argmap) -> None:
    dot = map_to_dot(argmap)
    if not dot.rstrip().endswith("}"):
        raise InvariantBroken("the DOT source is not closed")


def run_evaluate(argmap) -> None:
    """Both semantics give every node one of the three statuses."""
    for semantics in SEMANTICS:
        status = evaluate(argmap, semantics).status
        if set(status) != {node.id for node in argmap.nodes}:
            raise InvariantBroken(f"{semantics}: not every node has a status")
        if not set(status.values()) <= set(STATUSES):
            raise InvariantBroken(f"{semantics}: a status outside {STATUSES}")


def run_fmt(data: bytes) -> None:
    """fmt formats what parses, refuses what does not, and is idempotent."""
    result = format_bytes(data, PATH)
    check_positions(result.diagnostics, data, PATH)
    if result.data is None:
        if not has_errors(result.diagnostics):
            raise InvariantBroken("fmt refused a file without errors")
        return
    again = format_bytes(result.data, PATH)
    if again.data != result.data:
        raise InvariantBroken("formatting the formatted text changed it again")


def run_all(data: bytes, targets=TARGETS) -> None:
    """Run `targets` over `data`; raise InvariantBroken (or let a crash escape)."""
    argmap, clean = run_check(data) if set(targets) - {"fmt"} else (None, False)
    if argmap is not None:
        if "lint" in targets:
            run_lint(argmap, data)
        if "export" in targets:
            run_export(argmap)
        if "dot" in targets:
            run_dot(argmap)
        if "evaluate" in targets:
            run_evaluate(argmap)
        if "roundtrip" in targets and clean:
            run_roundtrip(argmap)
    if "fmt" in targets:
        run_fmt(data)
