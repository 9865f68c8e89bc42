"""Shared by the evaluation tests: maps from snippets or from abstract frameworks,
and a slow, obviously correct reference for the labellings."""

from __future__ import annotations

from pathlib import Path

from argmap.evaluate import evaluate
from argmap.load import Workspace
from argmap.model import Kind, Map, Node, Relation, RelationType, Span
from argmap.resolve import resolve


def load_snippet(folder: Path, text: str, name: str = "map.argmap") -> Map:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    argmap, diagnostics = resolve(str(path), Workspace())
    assert diagnostics == [], diagnostics
    return argmap


def statuses(folder: Path, text: str, semantics: str = "grounded") -> dict[str, str]:
    return evaluate(load_snippet(folder, text), semantics).status


def framework_map(arguments, attacks, kind: Kind = Kind.CLAIM) -> Map:
    """An abstract framework as a map: claims and rebuttals."""
    span = Span(1, 1, 1, 2)
    nodes = tuple(Node(str(a), f"argument {a}", "f.apx", span, kind=kind) for a in arguments)
    relations = tuple(Relation(RelationType.REBUTTAL, str(a), str(b), "f.apx", span)
                      for a, b in attacks)
    return Map("f.apx", nodes, relations, files=("f.apx",))


def reference_grounded(arguments, attacks) -> dict:
    """The grounded labelling by its definition: start with nothing decided,
    and sweep until nothing changes (quadratic, but plainly right)."""
    attackers = {a: [x for x, y in attacks if y == a] for a in arguments}
    label = dict.fromkeys(arguments, "undecided")
    changed = True
    while changed:
        changed = False
        for argument in arguments:
            if label[argument] != "undecided":
                continue
            mine = [label[x] for x in attackers[argument]]
            if all(status == "out" for status in mine):
                label[argument], changed = "in", True
            elif "in" in mine:
                label[argument], changed = "out", True
    return label
