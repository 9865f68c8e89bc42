"""Text to Document: the line lexer, the layout pass and the grammar's LALR
tables, with handlers that build the model as each rule is reduced (no parse
tree is ever built)."""

from __future__ import annotations

import re
import threading
from functools import cache
from operator import attrgetter, itemgetter

from . import frontmatter, tables
from .body import BodyReader
from .diagnostics import Diagnostic, DiagnosticSink
from .gcpause import paused_gc
from .lalr import Parser, UnexpectedToken
from .layout import Layout
from .lexer import LineLexer, UnexpectedLine
from .lifetime import keep_until_exit
from .lines import split_head, split_marker, unescape
from .model import Document, Edge, Kind, Node, Ref, Section, Span, record_maker
from .relate import Pending, relate
from .source import SourceText

_KIND_NAMES = {"+": "support", "&": "linked premise", "-": "rebuttal", "?": "objection",
               "~": "undercut", "><": "contradiction", "": "claim"}
_ATTACK_MARKERS = {"-", "?", "~", "><"}
_EXAMPLES = {"": "'[id] The claim.'", "&": "'& [id] The premise.'"}
_HEAD_HINTS = {
    "E209": "an id is written [my-id], closed with ']' on the same line; to start the text "
            "with '[', write \\[",
    "E210": "a reference is @id, @[id with spaces] or @path/file.argmap#id, alone on its "
            "line; to start the text with '@', write \\@",
}


# The usual node line, read in one match: `[id] text` with the id and text
# plain (no escapes, no tags, nothing to report), or `@id` alone. Any other line,
# and a node with text or field lines under it, takes the general path (split_head,
# BodyReader), which gives the same result here and reports every problem.
_PLAIN_REST = (r"(?:@([^\s\[#\\]+)"  # @id
               r"|(?:\[([^\]\\\s](?:[^\]\\\n]*[^\]\\\s])?)\][ \t]*)?"  # [id]
               r"([^\\#\s@\[](?:[^\\#\n]*[^\\#\s])?))"  # text
               r"[ \t]*\Z")
_PLAIN_CHILD = re.compile(r"(><|[+\-?~&])[ \t]+" + _PLAIN_REST)
_PLAIN_CLAIM = re.compile(r"()" + _PLAIN_REST)


class _Builder:
    # Whether node lines may take the one-match path (a test turns it off to
    # check that both paths build the same).
    plain_lines = True

    def reset(self, sink: DiagnosticSink, layout: Layout) -> None:
        self.sink, self.path, self.layout = sink, sink.path, layout
        self.body = BodyReader(sink, layout.paragraph_lines)
        self.nodes: list[tuple[int, Node]] = []
        self.edges: list[Edge] = []
        self.sections: list[Section] = []
        # The sections a new heading can nest in, outermost first, so that
        # finding its parent does not scan every heading before it.
        self.open_sections: list[Section] = []
        self.section_id: str | None = None

    # ---- rules -------------------------------------------------------------
    def heading(self, children):
        token = children[0]
        value = token.value.strip()
        level = len(value) - len(value.lstrip("#"))
        title = unescape(value[level:].strip())
        span = _span(token)
        self.body.check_escapes(token)
        if not title:
            self.sink.error("E215", span.line, span.column, "a heading needs a title",
                            hint="write the section's title after the #, e.g. '# Evidence'")
        while self.open_sections and self.open_sections[-1].level >= level:
            self.open_sections.pop()
        parent = self.open_sections[-1].id if self.open_sections else None
        section = Section(f"s{len(self.sections) + 1}", title, level, self.path, span, parent)
        self.sections.append(section)
        self.open_sections.append(section)
        self.section_id = section.id

    def claim(self, children):
        token = children[0]
        if token.line in self.layout.orphan_lines:  # a marker line at the top (E204)
            return self.child(children, keep_marker=False)
        if self.plain_lines and (len(children) == 1 or isinstance(children[1], Pending)):
            plain = _PLAIN_CLAIM.match(token.value)
            if plain is not None:
                return self._plain(token, plain, children)
        return self._node("", split_head(token.value.rstrip(" \t"), token.column - 1), children)

    anchor = claim

    def child(self, children, keep_marker=True):
        token = children[0]
        if (keep_marker and self.plain_lines
                and (len(children) == 1 or isinstance(children[1], Pending))):
            plain = _PLAIN_CHILD.match(token.value)
            if plain is not None:
                return self._plain(token, plain, children)
        marker, rest, offset = split_marker(token.value.rstrip(" \t"))
        head = split_head(rest, token.column - 1 + offset)
        return self._node(marker if keep_marker else "", head, children)

    def start(self, children):
        return [item for item in children if isinstance(item, Pending)]

    def handlers(self) -> dict:
        """The grammar's named rules, each with the method that builds it."""
        return {"start": self.start, "heading": self.heading, "claim": self.claim,
                "anchor": self.anchor, "child": self.child}

    # ---- building ----------------------------------------------------------
    def _plain(self, token, plain, children):
        """A node line that _PLAIN_CHILD or _PLAIN_CLAIM matched, with no lines
        under it but child nodes: what _node builds for it, in fewer steps."""
        marker, ref, node_id, text = plain.groups()
        line, column = token.line, token.column
        # The match ends with the line's last character that is not blank.
        end = column + plain.end(plain.lastindex)
        span = _new_span((line, column, line, end))
        kids = children[1:]
        if ref is not None:
            # The reference's span starts at its "@".
            ref_span = _new_span((line, column + plain.start(2) - 1, line, end))
            pending = Pending(marker, _new_ref((ref, ref_span, None)), span)
        else:
            node = _new_node((node_id or "", text, self.path, span, (), None, None, None, None,
                              Kind.CLAIM, self.section_id, node_id is not None, marker, None))
            self.nodes.append((line, node))
            pending = Pending(marker, line, span)
        if kids:
            relate(pending, kids, self.edges, self.sink)
        return pending

    def _node(self, marker, head, children):
        token = children[0]
        attachments: list = []
        kids: list = []
        if len(children) > 1:
            for child in children[1:]:
                (kids if isinstance(child, Pending) else attachments).append(child)
        if head.problem:
            self._error(head.code, token, head.problem, _HEAD_HINTS[head.code])
        if head.ref is not None:
            return self._reference(marker, head, token, attachments, kids)
        body = self.body.read(token, head.text, attachments)
        if not body.text and not head.problem:
            what = _KIND_NAMES[marker]
            example = _EXAMPLES.get(marker, f"'{marker} [id] The {what}.'")
            self._error("E205", token, f"this {what} has no text",
                        f"write its text after the {'id' if not marker else 'marker'}, "
                        f"e.g. {example}")
        line = token.line
        span = Span(line, token.column, *body.end)
        fields = body.fields
        if fields:
            strength = self._strength(marker, fields, token)
            node = Node(head.id or "", body.text, self.path, span, body.tags,
                        fields.get("source"), fields.get("quote"), fields.get("speaker"),
                        fields.get("qualifier"), fields.get("kind", Kind.CLAIM),
                        self.section_id, head.id is not None, marker, fields.get("at"))
        else:  # most nodes have no fields
            strength = None
            node = Node(head.id or "", body.text, self.path, span, body.tags, None, None,
                        None, None, Kind.CLAIM, self.section_id, head.id is not None,
                        marker, None)
        self.nodes.append((line, node))
        pending = Pending(marker, line, span, strength)
        if kids:
            relate(pending, kids, self.edges, self.sink)
        return pending

    def _reference(self, marker, head, token, attachments, kids):
        """`+ @id`: a relation to a node defined elsewhere. Only `answer:`, which
        belongs to the relation and not to the node, may follow it."""
        answers, others = [], []
        for item in attachments:
            is_answer = item.type == "FIELD_LINE" and item.value.partition(":")[0] == "answer"
            (answers if is_answer else others).append(item)
        if others:
            self._error("E217", others[0], "a reference line cannot have text or fields "
                        "(except answer:): they belong where the node is defined",
                        f"move them under the line that defines [{head.ref[1]}]")
        body = self.body.read(token, "", answers)
        strength = self._strength(marker, body.fields, token)
        path, target = head.ref
        line, end = token.line, token.column + len(token.value.rstrip())
        endpoint = Ref(target, Span(line, head.text_offset + 1, line, end), path)
        pending = Pending(marker, endpoint, Span(line, token.column, *body.end), strength)
        if kids:
            relate(pending, kids, self.edges, self.sink)
        return pending

    def _strength(self, marker, fields, token):
        strength = fields.pop("answer", None)
        if strength is not None and marker not in _ATTACK_MARKERS:
            what = f"a {_KIND_NAMES[marker]}" if marker else "a top-level claim"
            self._error("E211", token, "'answer:' says how fully an attack answers the node "
                        f"above it, but this is {what}",
                        "use it under - (rebuttal), ? (objection), ~ (undercut) or >< lines")
            return None
        return strength

    def _error(self, code, token, message, hint=None):
        self.sink.error(code, token.line, token.column, message, hint=hint,
                        end_column=token.column + len(token.value.rstrip()))


def _span(token) -> Span:
    return Span(token.line, token.column, token.line, token.column + len(token.value.rstrip()))


_FIRST = itemgetter(0)
# The usual node line's records, made from all their fields (model.record_maker).
_new_span, _new_ref, _new_node = record_maker(Span), record_maker(Ref), record_maker(Node)
_EDGE_LINE = attrgetter("span.line")
_lock = threading.Lock()
_layout = Layout()
_builder = _Builder()


@cache
def _machinery() -> tuple[LineLexer, Parser]:
    found = tables.load()
    return (LineLexer(found.line_terminals, found.regex_flags),
            Parser(found, _builder.handlers()))


def parse_source(source: SourceText) -> tuple[Document, list[Diagnostic]]:
    """Parse decoded text into a Document, with every problem found as diagnostics."""
    sink = DiagnosticSink(source.path)
    # The parser is given "\n" + text, so that every line follows an _NL.
    front, body = frontmatter.split(source.text, sink, lead="\n")
    with _lock, paused_gc():
        _layout.reset(sink)
        _builder.reset(sink, _layout)
        lexer, parser = _machinery()
        built = None
        try:
            built = parser.parse(_layout.process(lexer.tokens(body)))
        except (UnexpectedToken, UnexpectedLine) as exc:  # the layout pass makes these unreachable
            line, column = _position(exc)
            sink.error("E299", line, column, "cannot parse this line",
                       hint="please report this with the file: the layout pass should have "
                       "caught it with a clearer message")
        # Built children first; a Document lists them in file order. (The key
        # functions are operator's, in C: a big map has a node per line.)
        _builder.nodes.sort(key=_FIRST)
        _builder.edges.sort(key=_EDGE_LINE)
        node_lines, nodes = zip(*_builder.nodes, strict=True) if _builder.nodes else ((), ())
        document = Document(source.path, front, nodes, node_lines, tuple(_builder.edges),
                            tuple(_builder.sections), tuple(_layout.comments))
        # The builder and layout are module-level: left filled, they would keep
        # this map alive until the next parse, or until the interpreter's exit
        # walks it (a second for a 100,000-node map). The real process keeps
        # the scaffolding (the top-level pending lines, the (line, node) pairs)
        # instead of freeing it here, object by object.
        keep_until_exit(built, _builder.nodes)
        _layout.reset(sink)
        _builder.reset(sink, _layout)
    return document, sink.finish()


def _position(exc: Exception) -> tuple[int, int]:
    token = getattr(exc, "token", None)
    line = getattr(token, "line", None) or getattr(exc, "line", None)
    column = getattr(token, "column", None) or getattr(exc, "column", None)
    return (line if isinstance(line, int) and line > 0 else 1,
            column if isinstance(column, int) and column > 0 else 1)
