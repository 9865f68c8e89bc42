"""The evaluation as text (each thesis with the chain that decides it) or JSON."""

from __future__ import annotations

import json

from ..sides import theses
from . import IN, OUT, STATUSES, UNDECIDED, Evaluation
from .explain import Explainer, Reason
from .phrases import name, names

_TITLE = {"grounded": "grounded semantics", "support": "support-aware semantics"}
MAX_BRANCHES = 6  # reasons listed per step before "and N more"


def to_json(evaluation: Evaluation) -> str:
    explainer = Explainer(evaluation)
    nodes = []
    for node in evaluation.map.nodes:
        reason = explainer.reason(node.id)
        entry = {"id": node.id, "status": evaluation.status[node.id],
                 "path": node.path, "line": node.span.line,
                 "reason": reason.summary, "because": list(reason.nodes)}
        if evaluation.semantics == "support":
            entry["needs_support"] = node.id in evaluation.needs_support
        nodes.append(entry)
    data = {
        "semantics": evaluation.semantics,
        "path": evaluation.map.path,
        "theses": theses(evaluation.map),
        "counts": counts(evaluation.status.values()),
        "nodes": nodes,
        "inferences": [{"conclusion": conclusion, "group": group, "status": status}
                       for (conclusion, group), status in evaluation.inferences.items()],
    }
    return _dump(data)


def _dump(data: dict) -> str:
    """JSON with one line per key, and one line per item of a list: as easy
    to read and to diff as indented JSON, and written by the C encoder
    (indenting falls back to a slow one), which matters at 100,000 nodes."""
    def compact(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {compact(item)}" for item in value)
            lines.append(f"  {compact(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def counts(statuses) -> dict[str, int]:
    found = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        found[status] += 1
    return found


def to_text(evaluation: Evaluation, depth: int = 3, nodes: list[str] | None = None) -> str:
    """The summary, then each thesis (or each of `nodes`) with its chain of
    reasons, then the inferences that undercuts attack."""
    argmap = evaluation.map
    roots = theses(argmap)
    thesis_counts = counts(evaluation.status[t] for t in roots)
    lines = [f"{argmap.path}: {_TITLE[evaluation.semantics]}",
             f"{_plural(len(roots), 'thesis', 'theses')}: {_counted(thesis_counts)}. "
             f"All {_plural(len(argmap.nodes), 'node', 'nodes')}: "
             f"{_counted(counts(evaluation.status.values()))}."]
    explainer = Explainer(evaluation)
    for root in roots if nodes is None else nodes:
        lines.append("")
        lines += _explain_tree(evaluation, explainer, root, depth)
    if evaluation.inferences:
        lines += ["", "Inferences that undercuts attack:"] + _inference_lines(evaluation)
    return "\n".join(lines) + "\n"


def _inference_lines(evaluation: Evaluation) -> list[str]:
    wiring, found = evaluation.wiring, []
    for (conclusion, group), gate in wiring.inference_gate.items():
        premises = [relation.source for relation in wiring.parts[gate].relations] or [group]
        undercuts = [wiring.parts[wire.gate].node for wire in wiring.inputs[gate]]
        found.append(f"    {evaluation.gate_status(gate).upper()}  {names(premises)} => "
                     f"{name(conclusion)}, undercut by {names(undercuts)}")
    return found


def _explain_tree(evaluation: Evaluation, explainer: Explainer, root: str,
                  depth: int) -> list[str]:
    """The thesis and the chain of reasons under it, depth-first but without
    recursion; a node explained once in this tree is not explained again."""
    node = evaluation.map.index[root]
    reason = explainer.reason(root)
    lines = [f"{evaluation.status[root].upper()}  {root}  ({_where(node)})",
             f"    {_excerpt(node.text)}",
             f"    why: {reason.summary}"]
    seen = {root}
    stack = [(child, 1) for child in reversed(_shown(reason, lines, 1))] if depth else []
    while stack:
        node_id, level = stack.pop()
        indent = "    " * level + "- "
        node = evaluation.map.index[node_id]
        head = f"{indent}{name_status(evaluation, node_id)} ({_where(node)})"
        if node_id in seen:
            lines.append(f"{head}: see above")
            continue
        seen.add(node_id)
        reason = explainer.reason(node_id)
        lines.append(f"{head}: {reason.summary}")
        if level < depth:
            stack += [(child, level + 1) for child in reversed(_shown(reason, lines, level + 1))]
    return lines


def _shown(reason: Reason, lines: list[str], level: int) -> list[str]:
    """The nodes to explain under a reason; says how many more were left out.
    (The note lands after the parent's line: the children follow it.)"""
    if len(reason.nodes) > MAX_BRANCHES:
        lines.append("    " * level + f"(and {len(reason.nodes) - MAX_BRANCHES} more: "
                     "use --format json for every node)")
    return list(reason.nodes[:MAX_BRANCHES])


def name_status(evaluation: Evaluation, node_id: str) -> str:
    return f"{node_id} is {evaluation.status[node_id]}"


def _where(node) -> str:
    return f"{node.path}:{node.span.line}"


def _excerpt(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1].rstrip() + "…"


def _counted(found: dict[str, int]) -> str:
    return ", ".join(f"{found[status]} {status}" for status in (IN, OUT, UNDECIDED))


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
