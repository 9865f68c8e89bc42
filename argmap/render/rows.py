"""Rows: how argmap keeps a big map from becoming one endless ribbon.

dot puts every thesis on the top rank, so a map with a dozen sections comes
out ten times wider than high, and no page can hold it at a readable size.
argmap cuts the map into blocks (the connected arguments of each section),
estimates each block's size from its labels, and packs the blocks into rows
about as wide as a page of the theme's `aspect` would be. An invisible point
between two rows sits below the deepest node of the upper row and above every
root of the lower one, so dot stacks the rows.

An edge from one row to another would cross whole sections on its way, and dot
would drag a claim of the first row down to its premises in the fifth. So such
an edge starts instead at a ghost: a small dashed copy of its conclusion (a
reference, like "see above" in a book) placed in the premise's own row.
Stacking needs `newrank`, because dot's older ranking ranks each cluster on
its own and then breaks the cycles that cross-cluster edges form.

Everything here is computed from the map alone, so the DOT stays deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .edges import Edge
from .styles import constrains

# Typical advance of a sans-serif character, in ems; good enough to estimate.
_CHAR_EM = 0.55
_LINE_EM = 1.25
_NODESEP, _RANKSEP = 22.0, 32.0  # points, as styles.graph_defaults sets them
_SLACK = 1.3
# A map this wide (in points) or less fits a page as it is: rows would only
# scatter it. About five boxes of the default width side by side.
_ONE_ROW_FITS = 1200.0
_STEP = 1.15  # ratio between the row widths that argmap tries
_PAD, _ROW_GAP = 30.0, 70.0  # a cluster's margins; a section title and the gap below


@dataclass(frozen=True)
class Box:
    """A node's estimated size in points, as dot will draw it."""

    width: float
    height: float


def box_of(lines: Sequence[str], fontsize: float) -> Box:
    chars = max((len(line) for line in lines), default=1)
    return Box(chars * fontsize * _CHAR_EM + 19, len(lines) * fontsize * _LINE_EM + 10)


@dataclass
class RowPlan:
    """Rows of node names, top to bottom, and the constraints that stack them."""

    rows: list[list[str]] = field(default_factory=list)
    # (hub name, nodes above it, nodes below it) for each gap between rows; the
    # nodes below it are the top nodes of the next row, drawn on one rank.
    hubs: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    # Indexes of edges between rows that touch a junction: they bend freely.
    free_edges: set[int] = field(default_factory=set)
    # Any other edge between rows starts at a copy of its conclusion (a ghost)
    # in the premise's row: ghost name -> (conclusion, premise placed beside it).
    ghosts: dict[str, tuple[str, str]] = field(default_factory=dict)
    ghost_names: dict[tuple[str, int], str] = field(default_factory=dict)
    ghosts_below: set[str] = field(default_factory=set)  # the original is further down
    via_ghost: dict[int, str] = field(default_factory=dict)


def plan_rows(groups: Sequence[Sequence[str]], edges: Sequence[Edge], lengths: dict[int, int],
              boxes: dict[str, Box], across: bool, aspect: float, taken: set[str],
              points: set[str] = frozenset()) -> RowPlan:
    """`groups`: node names per top-level section, in order. `across` is True
    when ranks run left to right (then a row's extent is measured in heights).
    `aspect` is the wanted width:height of the whole picture; 0 keeps one row."""
    graph = _Graph(edges, lengths)
    seen: set[str] = set()
    unique = [[n for n in group if not (n in seen or seen.add(n))] for group in groups]
    blocks = [block for group in unique if group for block in graph.blocks(group)]
    one_row = RowPlan(rows=[[name for block in blocks for name in block.names]])
    if aspect <= 0 or len(blocks) < 2:
        return one_row
    measured = [graph.measure(block, boxes, across) for block in blocks]
    if sum(m.across for m in measured) <= _ONE_ROW_FITS:
        return one_row
    rows = _best_packing(blocks, measured, aspect if not across else 1 / aspect)
    return _stack(rows, graph, edges, taken, set(points))


@dataclass
class _Block:
    names: list[str]
    section: int


@dataclass(frozen=True)
class _Extent:
    across: float  # along a rank (the row's width)
    down: float  # along the ranks (the row's height)


class _Graph:
    """The DOT edges (conclusion to premise) as adjacency, with edge lengths."""

    def __init__(self, edges: Sequence[Edge], lengths: dict[int, int]):
        self.below: dict[str, list[tuple[str, int]]] = {}
        self.above: dict[str, list[str]] = {}
        for index, edge in enumerate(edges):
            self.below.setdefault(edge.head, []).append((edge.tail, lengths.get(index, 1)))
            self.above.setdefault(edge.tail, []).append(edge.head)
        self.section_of: dict[str, int] = {}

    def blocks(self, names: Sequence[str]) -> list[_Block]:
        """The connected parts of one section, in the order of their first node."""
        section = len({*self.section_of.values()})
        members = set(names)
        for name in names:
            self.section_of[name] = section
        parent = {name: name for name in names}

        def find(name):
            while parent[name] != name:
                parent[name] = parent[parent[name]]
                name = parent[name]
            return name

        for name in names:
            for other, _ in self.below.get(name, ()):
                if other in members:
                    parent[find(other)] = find(name)
        grouped: dict[str, list[str]] = {}
        for name in names:
            grouped.setdefault(find(name), []).append(name)
        return [_Block(block, section) for block in grouped.values()]

    def depths(self, names: Sequence[str]) -> dict[str, int]:
        """Longest-path depth of each node within `names`. A cycle is cut at its
        earliest node in the order of `names`, as if nothing pointed at it."""
        members = set(names)
        waiting = {n: sum(1 for a in self.above.get(n, ()) if a in members) for n in names}
        depth = dict.fromkeys(names, 0)
        done: set[str] = set()
        ready = [n for n in reversed(names) if waiting[n] == 0]
        unvisited = iter(names)
        while len(done) < len(names):
            if not ready:
                ready = [next(n for n in unvisited if n not in done)]
            name = ready.pop()
            if name in done:
                continue
            done.add(name)
            for child, length in self.below.get(name, ()):
                if child in members and child not in done:
                    depth[child] = max(depth[child], depth[name] + length)
                    waiting[child] -= 1
                    if waiting[child] == 0:
                        ready.append(child)
        return depth

    def measure(self, block: _Block, boxes: dict[str, Box], across: bool) -> _Extent:
        ranks: dict[int, list[Box]] = {}
        for name, rank in self.depths(block.names).items():
            ranks.setdefault(rank, []).append(boxes.get(name, Box(6, 6)))
        if across:
            wide = max(sum(b.height + _NODESEP for b in row) for row in ranks.values())
            deep = sum(max(b.width for b in row) + _RANKSEP for row in ranks.values())
        else:
            wide = max(sum(b.width + _NODESEP for b in row) for row in ranks.values())
            deep = sum(max(b.height for b in row) + _RANKSEP for row in ranks.values())
        return _Extent(wide, deep)


def _best_packing(blocks: list[_Block], measured: list[_Extent],
                  aspect: float) -> list[list[_Block]]:
    """The packing whose estimated shape comes closest to `aspect`, among row
    widths from the widest block to all blocks side by side."""
    index = {id(block): m for block, m in zip(blocks, measured, strict=True)}
    width = max(m.across for m in measured)
    widest = sum(m.across for m in measured)
    best, best_error = None, math.inf
    while True:
        rows = _pack(blocks, measured, width)
        error = abs(math.log(_ratio(rows, index) / aspect))
        if error < best_error:
            best, best_error = rows, error
        if width >= widest:
            return best
        width *= _STEP


def _ratio(rows: list[list[_Block]], index: dict) -> float:
    """Estimated width:height of the picture: rows share their ranks, so a row
    is as deep as its deepest block; sections add their margins."""
    wide = max(sum(index[id(b)].across for b in row) + _PAD * len({b.section for b in row})
               for row in rows)
    deep = sum(max(index[id(b)].down for b in row) + _ROW_GAP for row in rows)
    return wide / deep


def _pack(blocks: list[_Block], measured: list[_Extent], target: float) -> list[list[_Block]]:
    """Rows of blocks. Whole sections share a row while they fit side by side.
    A section too wide for a row gets rows of its own, as many as it needs,
    filled evenly, so that every section stays one rectangle on the page."""
    rows: list[list[_Block]] = [[]]
    used = 0.0
    by_section: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        by_section.setdefault(block.section, []).append(index)
    for indexes in by_section.values():
        whole = sum(measured[i].across for i in indexes)
        if whole <= target or (whole <= target * _SLACK and not rows[-1]):
            if rows[-1] and used + whole > target:
                rows.append([])
                used = 0.0
            rows[-1] += [blocks[i] for i in indexes]
            used += whole
            continue
        if rows[-1]:
            rows.append([])
        # A little too wide is better than a lone block on a row of its own.
        even = whole / math.ceil(whole / (target * _SLACK))
        used = 0.0
        for index in indexes:
            if rows[-1] and used + measured[index].across / 2 > even:
                rows.append([])
                used = 0.0
            rows[-1].append(blocks[index])
            used += measured[index].across
        rows.append([])
        used = 0.0
    return [row for row in rows if row]


def _stack(rows: list[list[_Block]], graph: _Graph, edges: Sequence[Edge],
           taken: set[str], points: set[str]) -> RowPlan:
    plan = RowPlan(rows=[[n for block in row for n in block.names] for row in rows])
    row_of = {name: index for index, row in enumerate(plan.rows) for name in row}
    below_in_row: set[str] = set()  # nodes that an edge inside their own row points at
    for index, edge in enumerate(edges):
        upper, lower = row_of.get(edge.head, 0), row_of.get(edge.tail, 0)
        pins = constrains(edge.relation.type)  # else it holds nothing in place
        if upper == lower:
            if pins:
                below_in_row.add(edge.tail)
        elif edge.head in points or edge.tail in points:
            plan.free_edges.add(index)  # a junction has no text to repeat
        else:
            ghost = plan.ghost_names.get((edge.head, lower))
            if ghost is None:
                ghost = _free_name(f"{edge.head}~{lower + 1}", taken)
                plan.ghost_names[(edge.head, lower)] = ghost
                plan.ghosts[ghost] = (edge.head, edge.tail)
                plan.rows[lower].append(ghost)
                if upper > lower:
                    plan.ghosts_below.add(ghost)
            plan.via_ghost[index] = ghost
            below_in_row.add(edge.tail)  # under its ghost, even for a contradiction
    for index in range(len(plan.rows) - 1):
        upper, lower = plan.rows[index], plan.rows[index + 1]
        depth = graph.depths(upper)
        deepest = max(upper, key=lambda name: depth.get(name, 0))
        roots = [n for n in lower if n not in below_in_row]
        name = _free_name(f"row{index + 1}", taken)
        plan.hubs.append((name, [deepest], roots or lower[:1]))
    return plan


def _free_name(name: str, taken: set[str]) -> str:
    while name in taken:
        name = "_" + name
    return name
