"""Sections as a tree of clusters: which to draw, what each holds, and the
order to write them in.

Sections can nest thousands deep in a generated map, so nothing here
recurses: each walk keeps its own stack. A section is drawn when it or one of
its subsections holds something to draw; an empty one would be an empty box."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Section

# Deeper clusters are written at this indentation, so the DOT stays linear in size.
MAX_INDENT = 12


class SectionTree:
    def __init__(self, sections: Sequence[Section], members: dict[str | None, list[str]]):
        known = {s.id for s in sections}
        self.children: dict[str, list[Section]] = {}
        self.top: list[Section] = []
        for section in sections:
            if section.parent is None or section.parent not in known:
                self.top.append(section)
            else:
                self.children.setdefault(section.parent, []).append(section)
        self.members = members
        self.shown = self._shown()

    def _preorder(self, roots: Sequence[Section]) -> list[Section]:
        order, seen, stack = [], set(), list(reversed(roots))
        while stack:
            section = stack.pop()
            if section.id in seen:
                continue
            seen.add(section.id)
            order.append(section)
            stack.extend(reversed(self.children.get(section.id, ())))
        return order

    def _shown(self) -> set[str]:
        shown: set[str] = set()
        for section in reversed(self._preorder(self.top)):
            if self.members.get(section.id) or any(
                    child.id in shown for child in self.children.get(section.id, ())):
                shown.add(section.id)
        return shown

    def drawn_top(self) -> list[Section]:
        return [s for s in self.top if s.id in self.shown]

    def names_in(self, section: Section) -> list[str]:
        """The DOT names in a section and all its subsections, in order."""
        return [name for s in self._preorder([section]) for name in self.members.get(s.id, ())]

    def write(self, open_cluster: Callable[[Section, int], None],
              place: Callable[[Sequence[str], int], None], close: Callable[[int], None]) -> None:
        """Every drawn cluster: opened, then its subclusters, then its own
        nodes, then closed; depth 1 for a top-level section."""
        stack = [(False, s, 1) for s in reversed(self.drawn_top())]
        while stack:
            closing, section, depth = stack.pop()
            if closing:
                place(self.members.get(section.id, ()), depth + 1)
                close(depth)
                continue
            open_cluster(section, depth)
            stack.append((True, section, depth))
            children = [c for c in self.children.get(section.id, ()) if c.id in self.shown]
            stack.extend((False, child, depth + 1) for child in reversed(children))


def indent(depth: int) -> str:
    return "  " * min(depth, MAX_INDENT)
