"""Reading argmap's JSON (docs/argmap.schema.json), down to its minimal form:
`{"nodes": [{"id", "text"}], "relations": [{"type", "from", "to"}]}`.

Any graph is accepted (cycles, several parents, isolated nodes), and ids and
texts are kept exactly. What argmap source could not say is refused with a
diagnostic rather than dropped: nothing is lost on the way to the writer."""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic, DiagnosticSink
from ..frontmatter import KNOWN_KEYS
from ..grammar import inner_patterns
from ..model import Kind, Map, Node, Relation, RelationType, Span, Strength

_TEXT_FIELDS = ("source", "at", "quote", "speaker", "qualifier")
_TYPES = {t.value: t for t in RelationType}
_STRENGTHS = {s.value: s for s in Strength}
_KINDS = {k.value: k for k in Kind}
_GROUPED = (RelationType.SUPPORT, RelationType.UNDERCUT)
_TAG = inner_patterns()["TAG"]


def read(data: bytes, path: str) -> tuple[Map | None, list[Diagnostic]]:
    sink = DiagnosticSink(path)
    try:
        raw = data.decode("utf-8-sig")
        document = json.loads(raw)
    except UnicodeDecodeError as exc:
        sink.error("E400", 1, exc.start + 1, "the JSON file is not valid UTF-8")
        return None, sink.finish()
    except json.JSONDecodeError as exc:
        sink.error("E400", exc.lineno, exc.colno, f"invalid JSON: {exc.msg}",
                   hint="check for a missing comma, quote or bracket just before this point")
        return None, sink.finish()
    except RecursionError:
        sink.error("E400", 1, 1, "the JSON is nested too deeply to read",
                   hint="argmap's JSON nests at most three levels")
        return None, sink.finish()
    locate = _Locator(raw)
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        sink.error("E401", 1, 1, "expected an object with a 'nodes' list",
                   hint='minimal form: {"nodes": [{"id": "a", "text": "..."}], "relations": []}')
        return None, sink.finish()
    nodes = _nodes(document["nodes"], path, sink, locate)
    relations = _relations(document.get("relations", []), nodes, path, sink, locate)
    meta = _meta(document.get("meta", {}), sink, locate)
    if sink.items:
        return None, sink.finish()
    return Map(path, tuple(nodes.values()), tuple(relations), (), meta), []


def _meta(meta, sink, locate) -> dict:
    """The front matter to write; `include` is dropped, as the nodes of included
    files are in the JSON already."""
    if not isinstance(meta, dict):
        locate.error(sink, "E401", "meta", "'meta' must be an object")
        return {}
    for key, value in meta.items():
        if key not in KNOWN_KEYS:
            locate.error(sink, "E401", key, f"unknown 'meta' key {key!r}",
                         hint="known keys: " + ", ".join(KNOWN_KEYS))
        elif key not in ("theme", "include") and not isinstance(value, str):
            locate.error(sink, "E401", key, f"'meta' key {key!r} must be a string")
    return {key: value for key, value in meta.items() if key != "include"}


def _nodes(items, path, sink, locate) -> dict[str, Node]:
    nodes: dict[str, Node] = {}
    for index, item in enumerate(items):
        where = f"nodes[{index}]"
        if not isinstance(item, dict):
            locate.error(sink, "E402", "nodes", f"{where} must be an object")
            continue
        node_id, text = item.get("id"), item.get("text")
        if not isinstance(node_id, str) or not node_id:
            locate.error(sink, "E402", text if isinstance(text, str) else "nodes",
                         f"{where} needs an 'id' that is a non-empty string")
            continue
        if not isinstance(text, str) or not text:
            locate.error(sink, "E402", node_id, f"node '{node_id}' needs a non-empty 'text'")
            continue
        if node_id in nodes:
            locate.error(sink, "E402", node_id, f"duplicate node id '{node_id}'", nth=2)
            continue
        problem = _node_problem(item)
        if problem:
            locate.error(sink, "E402", node_id, f"node '{node_id}': {problem}")
            continue
        line = index + 1
        nodes[node_id] = Node(
            node_id, text, path, Span(line, 1, line, 1), tuple(item.get("tags", ())),
            item.get("source"), item.get("quote"), item.get("speaker"), item.get("qualifier"),
            _KINDS[item.get("kind", "claim")], at=item.get("at"))
    return nodes


def _node_problem(item: dict) -> str | None:
    """Why a node cannot be written as argmap source exactly, if it cannot."""
    for key in _TEXT_FIELDS:
        if key in item and (not isinstance(item[key], str) or not item[key]):
            return f"'{key}' must be a non-empty string"
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return "'tags' must be a list of strings"
    bad = next((t for t in tags if not _TAG.fullmatch("#" + t)), None)
    if bad is not None:
        return (f"tag {bad!r} is not a tag: a letter, then letters, digits or -_./:, "
                "ending with a letter or digit")
    if item.get("kind", "claim") not in _KINDS:
        return "'kind' must be " + " or ".join(_KINDS)
    strings = [item["id"], item["text"], *(item.get(k) or "" for k in _TEXT_FIELDS)]
    if any(_has_surrogate(s) for s in strings):
        return "a lone surrogate (\\ud800-\\udfff) is not a character a text file can hold"
    return None


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _relations(items, nodes, path, sink, locate) -> list[Relation]:
    relations = []
    if not isinstance(items, list):
        locate.error(sink, "E403", "relations", "'relations' must be a list")
        return relations
    supports = {(r.get("from"), r.get("to")) for r in items
                if isinstance(r, dict) and r.get("type") == "support"}
    for index, item in enumerate(items):
        where = f"relations[{index}]"
        if not isinstance(item, dict):
            locate.error(sink, "E403", "relations", f"{where} must be an object")
            continue
        problem, hint, anchor = _relation_problem(item, nodes, supports)
        if problem:
            locate.error(sink, "E403", anchor if isinstance(anchor, str) else "relations",
                         f"{where} {problem}", hint=hint)
            continue
        group = item.get("group")
        line = index + 1
        relations.append(Relation(_TYPES[item["type"]], item["from"], item["to"], path,
                                  Span(line, 1, line, 1), group,
                                  _STRENGTHS.get(item.get("strength")), item.get("conclusion")))
    return relations


def _relation_problem(item, nodes, supports) -> tuple[str | None, str | None, object]:
    """(problem, hint, value to point at), or Nones when the relation is fine."""
    kind = _TYPES.get(item.get("type"))
    if kind is None:
        return (f"has type {item.get('type')!r}", "type is one of " + ", ".join(_TYPES),
                item.get("type"))
    ends = [item.get("from"), item.get("to")]
    conclusion = item.get("conclusion")
    if conclusion is not None:
        ends.append(conclusion)
    missing = [end for end in ends if not isinstance(end, str) or end not in nodes]
    if missing:
        return (f"refers to unknown node {missing[0]!r}",
                "'from', 'to' and 'conclusion' must be ids from 'nodes'", missing[0])
    strength = item.get("strength")
    if strength is not None and (strength not in _STRENGTHS or not kind.is_attack):
        return (f"has strength {strength!r}", "strength is one of " + ", ".join(_STRENGTHS) +
                ", and only an attack (not a support) has one", strength)
    group = item.get("group")
    if group is not None and (not isinstance(group, str) or kind not in _GROUPED):
        return ("has a 'group', which only a support (or an undercut of one) has, as a string",
                "linked premises are supports that share a group", group)
    if conclusion is not None and (kind is not RelationType.UNDERCUT
                                   or (item["to"], conclusion) not in supports):
        return ("has a 'conclusion' with no support from its 'to' to that conclusion",
                "an undercut attacks the inference of a support: 'to' is the premise and "
                "'conclusion' the claim it supports", conclusion)
    return None, None, None


class _Locator:
    """Finds where a value is written in the raw JSON, for diagnostics."""

    def __init__(self, raw: str):
        self.raw = raw

    def at(self, value, nth: int = 1) -> tuple[int, int, int | None]:
        """Line, column and end column of the `nth` place that `value` is
        written (as JSON writes it, so a key or a string with its quotes); the
        start of the file when it is not found."""
        needle = json.dumps(value, ensure_ascii=False)
        position = -1
        for _ in range(nth):
            found = self.raw.find(needle, position + 1)
            if found == -1:
                break
            position = found
        if position == -1:
            return 1, 1, None
        line = self.raw.count("\n", 0, position) + 1
        column = position - (self.raw.rfind("\n", 0, position) + 1) + 1
        return line, column, column + len(needle)

    def error(self, sink: DiagnosticSink, code: str, value, message: str,
              hint: str | None = None, nth: int = 1) -> None:
        """An error at the `nth` place `value` is written (at()), underlining it."""
        line, column, end_column = self.at(value, nth)
        sink.error(code, line, column, message, hint=hint, end_column=end_column)
