"""What the apx and tgf importers share: building a map of claims and
rebuttals from an abstract framework, and reporting its problems."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic, DiagnosticSink
from ..model import Map, Node, Relation, RelationType, Span


@dataclass(frozen=True, slots=True)
class Name:
    """An argument's name as written, with where it was written (1-based)."""

    text: str
    line: int
    column: int
    end_column: int

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.end_column)


class FrameworkBuilder:
    """Arguments and attacks in the order the file gives them. Problems go to
    the sink; the map is only built when there are none."""

    def __init__(self, path: str, sink: DiagnosticSink, what: str):
        self.path, self.sink, self.what = path, sink, what
        self.arguments: dict[str, tuple[Name, str]] = {}
        self.attacks: dict[tuple[str, str], tuple[Name, Name]] = {}

    def argument(self, name: Name, text: str | None = None) -> None:
        first = self.arguments.get(name.text)
        if first is not None:
            self._error("E413", name, f"argument {name.text!r} is declared twice "
                        f"(first on line {first[0].line})",
                        "declare each argument once")
            return
        self.arguments[name.text] = (name, text or name.text)

    def attack(self, attacker: Name, target: Name) -> None:
        key = (attacker.text, target.text)
        first = self.attacks.get(key)
        if first is not None:
            self._error("E414", attacker, f"the attack of {attacker.text!r} on {target.text!r} "
                        f"is listed twice (first on line {first[0].line})",
                        "list each attack once")
            return
        self.attacks[key] = (attacker, target)

    def finish(self) -> tuple[Map | None, list[Diagnostic]]:
        for attacker, target in self.attacks.values():
            for name in (attacker, target):
                if name.text not in self.arguments:
                    self._error("E412", name, f"attack names {name.text!r}, which is not "
                                f"declared as an argument", self.what)
        if self.sink.items:
            return None, self.sink.finish()
        nodes = tuple(Node(key, text, self.path, name.span)
                      for key, (name, text) in self.arguments.items())
        relations = tuple(
            Relation(RelationType.REBUTTAL, attacker.text, target.text, self.path,
                     Span(attacker.line, attacker.column, target.line, target.end_column))
            for attacker, target in self.attacks.values())
        return Map(self.path, nodes, relations, files=(self.path,)), []

    def _error(self, code: str, name: Name, message: str, hint: str) -> None:
        self.sink.error(code, name.line, name.column, message, hint=hint,
                        end_column=name.end_column)


def decode_lines(data: bytes, sink: DiagnosticSink, code: str) -> list[str] | None:
    """The file's lines, or None (with a diagnostic) when it is not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start:exc.start].decode("utf-8", "replace")) + 1
        sink.error(code, line, column, "the file is not valid UTF-8",
                   hint="save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
