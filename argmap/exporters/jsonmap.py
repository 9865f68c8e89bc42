"""The JSON export: argmap's stable machine interface (docs/argmap.schema.json)."""

from __future__ import annotations

import json

from ..model import Map, Node, Relation

FORMAT_VERSION = 1


def to_data(argmap: Map) -> dict:
    data: dict = {"argmap": FORMAT_VERSION}
    if argmap.meta:
        data["meta"] = argmap.meta
    data["nodes"] = [_node(node) for node in argmap.nodes]
    data["relations"] = [_relation(relation) for relation in argmap.relations]
    if argmap.sections:
        data["sections"] = [_drop_none({"id": s.id, "title": s.title, "level": s.level,
                                        "parent": s.parent}) for s in argmap.sections]
    return data


def export(argmap: Map) -> str:
    return json.dumps(to_data(argmap), ensure_ascii=False, indent=2) + "\n"


def _node(node: Node) -> dict:
    return _drop_none({
        "id": node.id,
        "text": node.text,
        "path": node.path,
        "line": node.span.line,
        "column": node.span.column,
        "tags": list(node.tags) or None,
        "source": node.source,
        "at": node.at,
        "quote": node.quote,
        "speaker": node.speaker,
        "qualifier": node.qualifier,
        "kind": node.kind.value if node.is_assumption else None,
        "section": node.section,
    })


def _relation(relation: Relation) -> dict:
    return _drop_none({
        "type": relation.type.value,
        "from": relation.source,
        "to": relation.target,
        "line": relation.span.line,
        "group": relation.group,
        "strength": relation.strength.value if relation.strength else None,
        "conclusion": relation.conclusion,
    })


def _drop_none(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None}
