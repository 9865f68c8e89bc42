"""What a parsed file means, without where it says it: the formatter's safety
check compares this before and after, and refuses to write if they differ.

Nodes, relations and sections are compared with their source positions taken
out; node lines (the keys that relations use inside one file) become the
node's index, and linked groups are numbered in order; comments count by
their text, in order."""

from __future__ import annotations

from ..model import Document, Node, Ref

# Every field of a node but where it is (new fields count automatically).
_NODE_FIELDS = tuple(name for name in Node._fields if name not in ("span", "path"))


def meaning(document: Document) -> tuple:
    index = {line: number for number, line in enumerate(document.node_lines)}

    def endpoint(value):
        if value is None:
            return None
        if isinstance(value, Ref):
            return ("ref", value.path, value.id)
        return ("node", index[value])

    # A linked group is named by a line too; number groups as they appear.
    groups: dict = {}
    nodes = tuple(tuple(getattr(node, name) for name in _NODE_FIELDS) for node in document.nodes)
    edges = tuple((edge.type, endpoint(edge.source), endpoint(edge.target),
                   edge.group if edge.group is None else groups.setdefault(edge.group, len(groups)),
                   edge.strength, endpoint(edge.conclusion))
                  for edge in document.edges)
    sections = tuple((s.id, s.title, s.level, s.parent) for s in document.sections)
    comments = tuple(comment.text for comment in document.comments)
    front = document.front
    return (front.data, tuple(i.target for i in front.includes), nodes, edges, sections,
            comments)
