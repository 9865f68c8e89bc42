"""Text to Document: Lark LALR with the layout pass, and an inline transformer
that builds the model in the same pass (no parse tree is ever built)."""

from __future__ import annotations

import difflib
import threading

from lark import Token, Transformer
from lark.exceptions import LarkError, UnexpectedInput

from . import frontmatter
from .diagnostics import Diagnostic, DiagnosticSink
from .fields import CHOICES, FIELDS
from .grammar import build_parser
from .layout import Layout
from .lines import split_head, split_marker, split_tags, unescape
from .model import MARKERS, Document, Edge, Kind, Node, RelationType, Ref, Section, Span
from .source import SourceText

_KIND_NAMES = {"+": "support", "&": "linked premise", "-": "rebuttal", "?": "objection",
               "~": "undercut", "><": "contradiction", "": "claim"}
_ATTACK_MARKERS = {"-", "?", "~", "><"}


class _Pending:
    """A node line (or reference line) whose children have been built."""

    __slots__ = ("marker", "endpoint", "children", "line", "span", "strength")

    def __init__(self, marker, endpoint, children, span, strength=None):
        self.marker, self.endpoint, self.children = marker, endpoint, children
        self.line, self.span, self.strength = span.line, span, strength


class _Builder(Transformer):
    def reset(self, sink: DiagnosticSink, layout: Layout) -> None:
        self.sink, self.path, self.layout = sink, sink.path, layout
        self.nodes: list[tuple[int, Node]] = []
        self.edges: list[Edge] = []
        self.sections: list[Section] = []
        self.section_id: str | None = None

    # ---- rules -------------------------------------------------------------
    def heading(self, children):
        token = children[0]
        level = len(token.value) - len(token.value.lstrip("#"))
        title = unescape(token.value[level:].strip())
        span = _span(token)
        if not title:
            self.sink.error("E215", span.line, span.column, "a heading needs a title",
                            hint="write the section's title after the #, e.g. '# Evidence'")
        parent = next((s.id for s in reversed(self.sections) if s.level < level), None)
        section = Section(f"s{len(self.sections) + 1}", title, level, self.path, span, parent)
        self.sections.append(section)
        self.section_id = section.id

    def claim(self, children):
        token = children[0]
        head = split_head(token.value.rstrip(), token.column - 1)
        return self._node("", head, token, children)

    def anchor(self, children):
        token = children[0]
        head = split_head(token.value.rstrip(), token.column - 1)
        return self._node("", head, token, children)

    def child(self, children):
        token = children[0]
        marker, rest, offset = split_marker(token.value.rstrip())
        head = split_head(rest, token.column - 1 + offset)
        return self._node(marker, head, token, children)

    def start(self, children):
        roots = [item for item in children if isinstance(item, _Pending)]
        return roots

    # ---- building ----------------------------------------------------------
    def _node(self, marker, head, token, children):
        line = token.line - 1
        attachments = [c for c in children[1:] if isinstance(c, Token)]
        kids = [c for c in children[1:] if isinstance(c, _Pending)]
        if head.problem:
            self._error("E209" if head.ref is None else "E210", token, head.problem,
                        "write [id] with a closing bracket" if head.ref is None else
                        "a reference is @id or @path/file.argmap#id on a line of its own")
        if head.ref is not None:
            if attachments:
                self._error("E217", attachments[0], "a reference line cannot have text or "
                            "fields: they belong where the node is defined",
                            f"move them under the line that defines [{head.ref[1]}]")
            path, target = head.ref
            column = head.text_offset + 1
            ref_span = Span(line, column, line, token.column + len(token.value.rstrip()))
            endpoint = Ref(target, ref_span, path)
            pending = _Pending(marker, endpoint, kids, endpoint.span)
            self._link(pending)
            return pending
        text_lines, fields, end = self._attachments(head, token, attachments)
        text, tags = self._text(text_lines)
        if not text:
            what = _KIND_NAMES[marker]
            self._error("E205", token, f"this {what} has no text" if marker else
                        "this claim has no text",
                        "write the claim after the marker, e.g. '+ [id] The reason.'")
        strength = fields.pop("answer", None)
        if strength is not None and marker not in _ATTACK_MARKERS:
            self._error("E214", token, f"'answer:' says how an attack answers the node above, "
                        f"but this is a {_KIND_NAMES[marker]}",
                        "use - (rebuttal) or ~ (undercut) for an answer to an objection")
            strength = None
        span = Span(line, token.column, end[0], end[1])
        node = Node(head.id or "", text, self.path, span,
                    tags, fields.get("source"), fields.get("quote"), fields.get("speaker"),
                    fields.get("qualifier"), fields.get("kind", Kind.CLAIM), self.section_id,
                    head.id is not None, marker)
        self.nodes.append((line, node))
        pending = _Pending(marker, line, kids, span, strength)
        self._link(pending)
        return pending

    def _attachments(self, head, token, attachments):
        """Collect continuation text and fields; fields come after the text."""
        text_lines = [(token.line, head.text)] if head.text else []
        fields: dict = {}
        field_key, field_parts, field_token = None, [], None
        end = (token.line - 1, token.column + len(token.value.rstrip()))
        for item in attachments:
            end = (item.line - 1, item.column + len(item.value.rstrip()))
            if item.type == "FIELD_LINE":
                self._finish_field(fields, field_key, field_parts, field_token)
                key, _, value = item.value.partition(":")
                field_key, field_parts, field_token = key, [(item.line, value.strip())], item
            elif field_key is not None:
                if item.column <= field_token.column:
                    self._error("E208", item, "text after a field: a node's text must come "
                                "before its fields", "move this line above the first field, or "
                                "indent it deeper to continue the field's value")
                field_parts.append((item.line, item.value.strip()))
            else:
                text_lines.append((item.line, item.value.strip()))
        self._finish_field(fields, field_key, field_parts, field_token)
        return text_lines, fields, end

    def _finish_field(self, fields, key, parts, token):
        if key is None:
            return
        value = self._join([p for p in parts if p[1]])
        if key not in FIELDS:
            close = difflib.get_close_matches(key, FIELDS, n=1, cutoff=0.6)
            hint = (f"did you mean '{close[0]}:'?" if close else
                    "known fields: " + ", ".join(FIELDS))
            hint += f" (if this line is text, write \\{key}: to keep it as text)"
            self._error("E206", token, f"unknown field '{key}:'", hint,
                        end=token.column + len(key))
            return
        if key in fields:
            self._error("E213", token, f"field '{key}:' is given twice for this node",
                        "keep one; continue a long value on deeper-indented lines")
            return
        if not value:
            self._error("E218", token, f"field '{key}:' has no value",
                        f"write the value after '{key}:', or remove the line")
            return
        if key in CHOICES:
            choice = CHOICES[key].get(value.strip().lower())
            if choice is None:
                self._error("E214", token, f"'{key}:' must be one of " +
                            ", ".join(CHOICES[key]) + f", not '{value}'",
                            f"e.g. '{key}: {next(iter(CHOICES[key]))}'")
                return
            value = choice
        fields[key] = value

    def _text(self, lines):
        tags: list[str] = []
        parts = []
        for line, raw in lines:
            text, line_tags = split_tags(raw)
            tags.extend(line_tags)
            if text:
                parts.append((line, text))
        return self._join(parts), tuple(dict.fromkeys(tags))

    def _join(self, parts) -> str:
        """Lines join with a space; a blank line between them starts a paragraph."""
        if len(parts) == 1:
            return unescape(parts[0][1])
        out = []
        for line, text in parts:
            if out:
                out.append("\n\n" if line in self.layout.paragraph_lines else " ")
            out.append(unescape(text))
        return "".join(out)

    def _link(self, parent: _Pending) -> None:
        """Relate each child to `parent`: linked groups and undercut targets
        depend on the siblings before a child."""
        group = None
        last_support = None  # (child, group) of the nearest support sibling
        previous = None
        for child in parent.children:
            marker = child.marker
            kind = MARKERS[marker]
            span = child.span
            if marker == "&":
                if previous is None or previous.marker not in ("+", "&"):
                    self.sink.error("E212", span.line, span.column, "'&' joins a linked premise "
                                    "to the support just before it, but there is none",
                                    hint="start a linked group with '+', then add '&' premises")
                    group = None
                elif group is None:
                    group = previous.line
                    self._regroup(previous.line, group)
            elif marker == "+":
                group = None
            if marker == "~":
                if last_support is not None:
                    self.edges.append(Edge(kind, child.endpoint, last_support[0].endpoint, span,
                                           last_support[1], child.strength, parent.endpoint))
                else:
                    self.edges.append(Edge(kind, child.endpoint, parent.endpoint, span,
                                           None, child.strength, None))
            else:
                self.edges.append(Edge(kind, child.endpoint, parent.endpoint, span,
                                       group if marker in ("+", "&") else None, child.strength))
                previous = child
                last_support = (child, group) if kind is RelationType.SUPPORT else None

    def _regroup(self, line: int, group: int) -> None:
        # The first premise's edge was made before we knew it starts a group.
        for index in range(len(self.edges) - 1, -1, -1):
            edge = self.edges[index]
            if edge.span.line == line and edge.type is RelationType.SUPPORT:
                self.edges[index] = Edge(edge.type, edge.source, edge.target, edge.span, group,
                                         edge.strength, edge.conclusion)
                return

    def _error(self, code, token, message, hint=None, end=None):
        self.sink.error(code, token.line - 1, token.column, message, hint=hint,
                        end_column=end or token.column + len(token.value.rstrip()))


def _span(token) -> Span:
    line = token.line - 1
    return Span(line, token.column, line, token.column + len(token.value.rstrip()))


_lock = threading.Lock()
_layout = Layout()
_builder = _Builder()


def parse_source(source: SourceText) -> tuple[Document, list[Diagnostic]]:
    """Parse decoded text into a Document, with every problem found as diagnostics."""
    sink = DiagnosticSink(source.path)
    front, body = frontmatter.split(source.text, sink)
    with _lock:
        _layout.reset(sink)
        _builder.reset(sink, _layout)
        try:
            build_parser(_builder, _layout).parse("\n" + body)
        except UnexpectedInput as exc:
            line = max(getattr(exc, "line", 2) - 1, 1)
            column = max(getattr(exc, "column", 1), 1)
            sink.error("E299", line, column, "cannot parse this line",
                       hint="please report this with the file: the layout pass should have "
                       "caught it with a clearer message")
        except LarkError as exc:  # pragma: no cover - defensive
            sink.error("E299", 1, 1, f"cannot parse this file: {exc}")
        nodes = sorted(_builder.nodes, key=lambda item: item[0])
        edges = sorted(_builder.edges, key=lambda edge: edge.span.line)
        document = Document(source.path, front, tuple(n for _, n in nodes),
                            tuple(line for line, _ in nodes), tuple(edges),
                            tuple(_builder.sections), tuple(_layout.comments))
    return document, sink.finish()
