"""JSON -> import -> writer -> parse -> export, and what must survive it."""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter

from argmap.exporters.jsonmap import to_data
from argmap.importers.jsonmap import read
from argmap.resolve import resolve
from argmap.writer import write

NODE_KEYS = ("id", "text", "tags", "source", "at", "quote", "speaker", "qualifier", "kind")


def through_source(data: dict) -> tuple[dict, str]:
    """Import `data`, write it as argmap source, read that back; the export and the source."""
    argmap, problems = read(json.dumps(data).encode("utf-8"), "in.json")
    assert problems == [], problems
    text, problems = write(argmap)
    assert problems == []
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "map.argmap")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        back, diagnostics = resolve(path)
    assert diagnostics == [], (text, diagnostics)
    return to_data(back), text


def nodes_of(data: dict) -> dict:
    return {node["id"]: {key: node.get(key) for key in NODE_KEYS if node.get(key)}
            for node in data["nodes"]}


def relations_of(data: dict) -> Counter:
    keys = ("type", "from", "to", "strength", "conclusion")
    return Counter(tuple(r.get(key) for key in keys) for r in data.get("relations", []))


def linked_groups_of(data: dict) -> set[frozenset]:
    """Linked supports, as sets of (from, to), ignoring the groups' names."""
    groups: dict = {}
    for relation in data.get("relations", []):
        if relation["type"] == "support" and relation.get("group") is not None:
            groups.setdefault((relation["to"], relation["group"]), set()).add(relation["from"])
    return {frozenset((member, to) for member in members)
            for (to, _), members in groups.items() if len(members) > 1}
