"""Reading argmap's JSON (docs/argmap.schema.json), down to its minimal form:
`{"nodes": [{"id", "text"}], "relations": [{"type", "from", "to"}]}`."""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic, DiagnosticSink
from ..model import Kind, Map, Node, Relation, RelationType, Span, Strength

_TEXT_FIELDS = ("source", "quote", "speaker", "qualifier")
_TYPES = {t.value: t for t in RelationType}
_STRENGTHS = {s.value: s for s in Strength}


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
    locate = _Locator(raw)
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        sink.error("E401", 1, 1, "expected an object with a 'nodes' list",
                   hint='minimal form: {"nodes": [{"id": "a", "text": "..."}], "relations": []}')
        return None, sink.finish()
    nodes = _nodes(document["nodes"], path, sink, locate)
    relations = _relations(document.get("relations", []), nodes, path, sink, locate)
    meta = document.get("meta") if isinstance(document.get("meta"), dict) else {}
    if sink.items:
        return None, sink.finish()
    return Map(path, tuple(nodes.values()), tuple(relations), (), meta), []


def _nodes(items, path, sink, locate) -> dict[str, Node]:
    nodes: dict[str, Node] = {}
    for index, item in enumerate(items):
        where = f"nodes[{index}]"
        if not isinstance(item, dict):
            sink.error("E402", *locate.at("nodes"), f"{where} must be an object")
            continue
        node_id, text = item.get("id"), item.get("text")
        if not isinstance(node_id, str) or not node_id:
            sink.error("E402", *locate.at(text if isinstance(text, str) else "nodes"),
                       f"{where} needs an 'id' that is a non-empty string")
            continue
        if not isinstance(text, str) or not text:
            sink.error("E402", *locate.at(node_id), f"node '{node_id}' needs a non-empty 'text'")
            continue
        if node_id in nodes:
            sink.error("E402", *locate.at(node_id, nth=2), f"duplicate node id '{node_id}'")
            continue
        fields = {key: item[key] for key in _TEXT_FIELDS if isinstance(item.get(key), str)}
        tags = tuple(t for t in item.get("tags", ()) if isinstance(t, str))
        kind = Kind.ASSUMPTION if item.get("kind") == "assumption" else Kind.CLAIM
        line = index + 1
        nodes[node_id] = Node(node_id, text, path, Span(line, 1, line, 1), tags,
                              fields.get("source"), fields.get("quote"), fields.get("speaker"),
                              fields.get("qualifier"), kind)
    return nodes


def _relations(items, nodes, path, sink, locate) -> list[Relation]:
    relations = []
    if not isinstance(items, list):
        sink.error("E403", *locate.at("relations"), "'relations' must be a list")
        return relations
    for index, item in enumerate(items):
        where = f"relations[{index}]"
        if not isinstance(item, dict):
            sink.error("E403", *locate.at("relations"), f"{where} must be an object")
            continue
        kind = _TYPES.get(item.get("type"))
        if kind is None:
            sink.error("E403", *locate.at(item.get("type") or "relations"),
                       f"{where} has type {item.get('type')!r}",
                       hint="type is one of " + ", ".join(_TYPES))
            continue
        ends = [item.get("from"), item.get("to")]
        conclusion = item.get("conclusion")
        if conclusion is not None:
            ends.append(conclusion)
        missing = [end for end in ends if not isinstance(end, str) or end not in nodes]
        if missing:
            sink.error("E403", *locate.at(missing[0] if isinstance(missing[0], str)
                                          else "relations"),
                       f"{where} refers to unknown node {missing[0]!r}",
                       hint="'from', 'to' and 'conclusion' must be ids from 'nodes'")
            continue
        strength = item.get("strength")
        if strength is not None and strength not in _STRENGTHS:
            sink.error("E403", *locate.at(strength if isinstance(strength, str) else "strength"),
                       f"{where} has strength {strength!r}",
                       hint="strength is one of " + ", ".join(_STRENGTHS))
            continue
        group = item.get("group")
        line = index + 1
        relations.append(Relation(kind, item["from"], item["to"], path, Span(line, 1, line, 1),
                                  group if isinstance(group, str) else None,
                                  _STRENGTHS.get(strength), conclusion))
    return relations


class _Locator:
    """Finds where a value is written in the raw JSON, for diagnostics."""

    def __init__(self, raw: str):
        self.raw = raw

    def at(self, value, nth: int = 1) -> tuple[int, int]:
        needle = json.dumps(value, ensure_ascii=False)
        position = -1
        for _ in range(nth):
            found = self.raw.find(needle, position + 1)
            if found == -1:
                break
            position = found
        if position == -1:
            return 1, 1
        line = self.raw.count("\n", 0, position) + 1
        return line, position - (self.raw.rfind("\n", 0, position) + 1) + 1
