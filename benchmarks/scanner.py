"""A hand-written line scanner for argmap's language: the pure-Python ceiling
for parsing, used only to measure how close the Lark parser comes to it.

It does the same work as the real parser on well-formed input (indentation
levels, markers, ids, references, continuation text, fields, trailing tags,
relations to the parent) and builds plain tuples instead of the frozen model.
It reports no errors: it is a yardstick, not a parser argmap uses."""

from __future__ import annotations

_MARKERS = {"+": "support", "&": "support", "-": "rebuttal", "?": "objection",
            "~": "undercut", "><": "contradiction"}


def scan(text: str):
    nodes, relations = [], []
    stack: list[tuple[int, str]] = []  # (column, node id) of open node lines
    current = None  # [id, text parts, fields] of the node being read
    auto = 0
    lines = text.split("\n")
    start = 0
    if lines and lines[0].rstrip() == "---":
        start = lines.index("---", 1) + 1
    for number in range(start, len(lines)):
        line = lines[number]
        body = line.lstrip(" ")
        if not body or body.startswith("//"):
            continue
        column = len(line) - len(body)
        first = body[0]
        marker = ""
        if first in "+-?~&" and body[1:2] in (" ", ""):
            marker, body = first, body[2:]
        elif body.startswith(">< "):
            marker, body = "><", body[3:]
        elif stack and column > stack[-1][0] and current is not None:
            key, colon, value = body.partition(": ")
            if colon and key.isidentifier() and key.islower():
                current[2][key] = value
            else:
                current[1].append(body)
            continue
        elif first == "#" and column == 0:
            stack.clear()
            continue
        while stack and stack[-1][0] >= column:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if body.startswith("@"):
            node_id = body[1:].strip()
            current = None
        else:
            if body.startswith("["):
                close = body.index("]")
                node_id, body = body[1:close], body[close + 1:].lstrip()
            else:
                auto += 1
                node_id = f"_{auto}"
            tags = ()
            if " #" in body:
                body, _, tag_text = body.partition(" #")
                tags = tuple(tag_text.replace("#", " ").split())
            current = [node_id, [body], {}, number + 1, marker, tags]
            nodes.append(current)
        if parent is not None and marker:
            relations.append((_MARKERS[marker], node_id, parent))
        stack.append((column, node_id))
    return [(n[0], " ".join(n[1]), n[3], n[4], n[5], n[2]) for n in nodes], relations
