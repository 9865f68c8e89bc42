"""Writing a map as argmap source. Any graph can be written: each node is
defined once, under the first node it relates to, and referenced with @id
everywhere else; nodes that relate to nothing are top-level claims."""

from __future__ import annotations

import json
import re

import yaml

from .diagnostics import Diagnostic, DiagnosticSink
from .grammar import inner_patterns
from .model import MARKERS, Map, Node, Relation, RelationType

_MARKER_OF = {kind: marker for marker, kind in MARKERS.items() if marker != "&"}
_PLAIN_REF = re.compile(r"[\w.\-/:]+")
_TAG = inner_patterns()["TAG"]
# What text may not start with to read as plain text; a backslash before the
# punctuation makes it literal. For a field key it is the colon that is escaped.
_LINE_START_SYNTAX = re.compile(r"(?:[+\-?~&]|><|#+)(?=[ \t]|$)|[\[@]|//")
_FIELD_KEY = re.compile(r"[a-z][a-z0-9_-]*(?=:(?:[ \t]|$))")
# Never written raw: backslashes, line breaks (the reader takes \r for one too),
# other control characters, and a `#` that could start a trailing tag.
_SPECIAL = re.compile(r"[\\\n\t\r\x00-\x1f\x7f-\x9f\u2028\u2029]|(?<![^ \t])#")
_ID_SPECIAL = re.compile(r"[\\\]\n\t\r\x00-\x1f\x7f-\x9f\u2028\u2029]")
_YAML_BREAKS = re.compile("[\x85\u2028\u2029]")
INDENT = "  "
# How deep a subtree is nested before its children continue under a top-level
# `@id` anchor: a long chain nested all the way would cost the square of its
# length in indentation (100,000 nodes: gigabytes).
MAX_DEPTH = 12


class Writer:
    def __init__(self, argmap: Map):
        self.map = argmap
        self.sink = DiagnosticSink(argmap.path)
        self.lines: list[str] = []
        self.defined: set[str] = set()
        self.deferred: list[str] = []  # nodes whose children go under an anchor
        self.incoming: dict[str, list[Relation]] = {n.id: [] for n in argmap.nodes}
        self.outgoing: dict[str, int] = dict.fromkeys(self.incoming, 0)
        self.undercuts: dict[tuple[str, str], list[Relation]] = {}
        for relation in argmap.relations:
            self.outgoing[relation.source] += 1
            if relation.type is RelationType.UNDERCUT and relation.conclusion is not None:
                self.undercuts.setdefault((relation.target, relation.conclusion), []).append(
                    relation)
            else:
                self.incoming[relation.target].append(relation)

    def write(self) -> tuple[str, list[Diagnostic]]:
        if self.map.meta:
            self.lines += ["---", *map(_front_matter_entry, self.map.meta.items()), "---", ""]
        nodes = self.map.nodes
        for node in [n for n in nodes if not self.outgoing[n.id]] + list(nodes):
            if node.id not in self.defined:
                self._tree(node)
            while self.deferred:
                self._anchor(self.deferred.pop())
        return "\n".join(self.lines) + "\n", self.sink.finish()

    def _tree(self, root: Node) -> None:
        """Write `root` as a top-level claim and its subtree, without recursion."""
        self._define(root, "", 0, None)
        self._subtree(root.id)

    def _anchor(self, node_id: str) -> None:
        """Continue a deep subtree: `@id` at the top level takes the node's children."""
        self.lines += ["", reference(node_id)]
        self._subtree(node_id)

    def _subtree(self, root_id: str) -> None:
        stack = [(root_id, 1, iter(self._children(root_id)))]
        while stack:
            parent, depth, children = stack[-1]
            relation = next(children, None)
            if relation is None:
                stack.pop()
                continue
            marker = self._marker(relation, parent)
            node = self.map.index[relation.source]
            if node.id in self.defined:
                self._reference(marker, node, depth, relation)
                continue
            self._define(node, marker, depth, relation)
            if depth < MAX_DEPTH:
                stack.append((node.id, depth + 1, iter(self._children(node.id))))
            elif self.incoming[node.id]:
                self.deferred.append(node.id)

    def _children(self, node_id: str) -> list[Relation]:
        """Incoming relations, with linked groups together and undercuts after the
        support they attack."""
        incoming = self.incoming[node_id]
        # An undercut with no support to attack comes first: below a support
        # sibling it would attack that support's inference.
        ordered = [r for r in incoming if r.type is RelationType.UNDERCUT]
        placed = {id(r) for r in ordered}
        for relation in incoming:
            if id(relation) in placed:
                continue
            group = [relation] if relation.group is None else [
                r for r in incoming if r.group == relation.group and r.type is relation.type]
            for member in group:
                placed.add(id(member))
                ordered.append(member)
                if member.type is RelationType.SUPPORT:
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
        tags = "".join(f" #{tag}" for tag in node.tags if _TAG.fullmatch("#" + tag))
        self.lines.append(f"{prefix}{_id_def(node.id)} {escape_text(node.text)}{tags}")
        field_indent = INDENT * (depth + 1)
        for key in ("source", "at", "quote", "speaker", "qualifier"):
            value = getattr(node, key)
            if value is not None:
                self.lines.append(f"{field_indent}{key}: {escape_text(value)}")
        if node.is_assumption:
            self.lines.append(f"{field_indent}kind: assumption")
        self._answer(relation, field_indent)

    def _reference(self, marker, node: Node, depth: int, relation: Relation) -> None:
        self.lines.append(f"{INDENT * depth}{marker} {reference(node.id)}")
        self._answer(relation, INDENT * (depth + 1))

    def _answer(self, relation: Relation | None, indent: str) -> None:
        # The strength belongs to the relation, so a reference line carries it too.
        if relation is not None and relation.strength is not None:
            self.lines.append(f"{indent}answer: {relation.strength.value}")


def _front_matter_entry(item) -> str:
    # YAML reads NEL and the Unicode line and paragraph separators as line
    # breaks even inside quotes, so a value with one is written ASCII-escaped.
    plain = not _YAML_BREAKS.search(json.dumps(item[1], ensure_ascii=False))
    return yaml.safe_dump(dict([item]), allow_unicode=plain, sort_keys=False).rstrip("\n")


def write(argmap: Map) -> tuple[str, list[Diagnostic]]:
    return Writer(argmap).write()


def _id_def(node_id: str) -> str:
    return "[" + _blanks_as_codes(_ID_SPECIAL.sub(_escape_one, node_id)) + "]"


def reference(node_id: str) -> str:
    if _PLAIN_REF.fullmatch(node_id):
        return "@" + node_id
    return "@" + _id_def(node_id)


def escape_text(text: str) -> str:
    """Text that reads back exactly: backslashes, line breaks, control characters,
    a leading marker or field key, trailing tags and edge blanks are escaped."""
    escaped = _SPECIAL.sub(_escape_one, text)
    key = _FIELD_KEY.match(escaped)
    if key:
        escaped = f"{key.group()}\\{escaped[key.end():]}"
    elif _LINE_START_SYNTAX.match(escaped):
        escaped = "\\" + escaped
    return _blanks_as_codes(escaped)


def _blanks_as_codes(text: str) -> str:
    """Leading and trailing whitespace (any Unicode space) as code escapes: the
    reader strips raw whitespace at the ends of a line."""
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == 0 and end == len(text):
        return text
    return ("".join(map(_code, text[:start])) + text[start:end]
            + "".join(map(_code, text[end:])))


def _escape_one(match: re.Match) -> str:
    char = match.group()
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char in "\\#]":
        return "\\" + char
    return _code(char)


def _code(char: str) -> str:
    return f"\\u{{{ord(char):x}}}"
