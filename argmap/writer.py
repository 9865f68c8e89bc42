"""Writing a map as argmap source. Any graph can be written: each node is
defined once, under the first node it relates to, and referenced with @id
everywhere else; nodes that relate to nothing are top-level claims."""

from __future__ import annotations

import re

import yaml

from .diagnostics import Diagnostic, DiagnosticSink
from .model import MARKERS, Map, Node, Relation, RelationType

_MARKER_OF = {kind: marker for marker, kind in MARKERS.items() if marker != "&"}
_PLAIN_REF = re.compile(r"[\w.\-/:]+")
_TAG = re.compile(r"[^\W\d_][\w\-./:]*")
_LINE_START_SYNTAX = re.compile(r"(?:[+\-?~&]|><|#+)(?=[ \t]|$)|[\[@]|//|[a-z][a-z0-9_-]*:(?=[ \t]|$)")
_SPECIAL = re.compile(r"[\\\n\t\r\x00-\x1f\x7f\x85\u2028\u2029]|(?<![^ \t])#")
INDENT = "  "


class Writer:
    def __init__(self, argmap: Map):
        self.map = argmap
        self.sink = DiagnosticSink(argmap.path)
        self.lines: list[str] = []
        self.defined: set[str] = set()
        self.incoming: dict[str, list[Relation]] = {n.id: [] for n in argmap.nodes}
        self.outgoing: dict[str, int] = dict.fromkeys(self.incoming, 0)
        self.undercuts: dict[tuple[str, str], list[Relation]] = {}
        self.answer_at: dict[str, Relation] = {}
        for relation in argmap.relations:
            self.outgoing[relation.source] += 1
            if relation.strength is not None:
                self.answer_at.setdefault(relation.source, relation)
            if relation.type is RelationType.UNDERCUT and relation.conclusion is not None:
                self.undercuts.setdefault((relation.target, relation.conclusion), []).append(
                    relation)
            else:
                self.incoming[relation.target].append(relation)

    def write(self) -> tuple[str, list[Diagnostic]]:
        if self.map.meta:
            self.lines += ["---", yaml.safe_dump(self.map.meta, allow_unicode=True,
                                                 sort_keys=False).rstrip("\n"), "---", ""]
        nodes = self.map.nodes
        for node in [n for n in nodes if not self.outgoing[n.id]] + list(nodes):
            if node.id not in self.defined:
                self._tree(node)
        return "\n".join(self.lines) + "\n", self.sink.finish()

    def _tree(self, root: Node) -> None:
        """Write `root` as a top-level claim and its subtree, without recursion."""
        self._define(root, "", 0, None)
        stack = [(root.id, 1, iter(self._children(root.id)))]
        while stack:
            parent, depth, children = stack[-1]
            relation = next(children, None)
            if relation is None:
                stack.pop()
                continue
            marker = self._marker(relation, parent)
            node = self.map.index[relation.source]
            if node.id in self.defined or self.answer_at.get(node.id, relation) is not relation:
                self._reference(marker, node, depth, relation)
                continue
            self._define(node, marker, depth, relation)
            stack.append((node.id, depth + 1, iter(self._children(node.id))))

    def _children(self, node_id: str) -> list[Relation]:
        """Incoming relations, with linked groups together and undercuts after the
        support they attack."""
        ordered, placed = [], set()
        incoming = self.incoming[node_id]
        for relation in incoming:
            if id(relation) in placed:
                continue
            group = [relation] if relation.group is None else [
                r for r in incoming if r.group == relation.group and r.type is relation.type]
            for member in group:
                placed.add(id(member))
                ordered.append(member)
                ordered.extend(self.undercuts.pop((member.source, node_id), []))
        return ordered

    def _marker(self, relation: Relation, parent: str) -> str:
        if relation.type is RelationType.SUPPORT and relation.group is not None:
            first = next(r for r in self.incoming[parent] if r.group == relation.group)
            return "+" if first is relation else "&"
        return _MARKER_OF[relation.type]

    def _define(self, node: Node, marker: str, depth: int, relation: Relation | None) -> None:
        self.defined.add(node.id)
        prefix = INDENT * depth + (marker + " " if marker else "")
        text = escape_text(node.text)
        tags = "".join(f" #{tag}" for tag in node.tags if _TAG.fullmatch(tag))
        self.lines.append(f"{prefix}{_id_def(node.id)} {text}{tags}")
        field_indent = " " * len(INDENT * depth) + INDENT
        for key in ("source", "quote", "speaker", "qualifier"):
            value = getattr(node, key)
            if value is not None:
                self.lines.append(f"{field_indent}{key}: {escape_text(value)}")
        if node.is_assumption:
            self.lines.append(f"{field_indent}kind: assumption")
        if relation is not None and relation.strength is not None:
            self.lines.append(f"{field_indent}answer: {relation.strength.value}")

    def _reference(self, marker, node: Node, depth: int, relation: Relation) -> None:
        self.lines.append(f"{INDENT * depth}{marker} {reference(node.id)}")
        if relation.strength is not None:
            self.sink.error("E410", relation.span.line, 1, f"cannot keep the strength of the "
                            f"answer from '{node.id}' to '{relation.target}'",
                            hint="argmap writes an answer's strength where the node is "
                            "defined, and this node answers more than one attack")


def write(argmap: Map) -> tuple[str, list[Diagnostic]]:
    return Writer(argmap).write()


def _id_def(node_id: str) -> str:
    return "[" + node_id.replace("\\", "\\\\").replace("]", "\\]") + "]"


def reference(node_id: str) -> str:
    if _PLAIN_REF.fullmatch(node_id):
        return "@" + node_id
    return "@" + _id_def(node_id)


def escape_text(text: str) -> str:
    """Text that reads back exactly: backslashes, line breaks, control characters,
    a leading marker or field, trailing tags and edge spaces are escaped."""
    escaped = _SPECIAL.sub(_escape_one, text)
    if _LINE_START_SYNTAX.match(escaped):
        escaped = "\\" + escaped
    if escaped != escaped.lstrip(" \t\f\v"):
        stripped = escaped.lstrip(" \t\f\v")
        escaped = "".join(_code(c) for c in escaped[:len(escaped) - len(stripped)]) + stripped
    if escaped != escaped.rstrip(" \t\f\v"):
        stripped = escaped.rstrip(" \t\f\v")
        escaped = stripped + "".join(_code(c) for c in escaped[len(stripped):])
    return escaped


def _escape_one(match: re.Match) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == "#":
        return "\\#"
    return _code(char)


def _code(char: str) -> str:
    return "\\u{%x}" % ord(char)
