"""A section heading has nothing under it.

A section becomes a cluster in the diagram. One with no nodes or references
under it, in itself or in any subsection, is usually left over from an
outline: fill it in or remove the heading.

Example:

    # Evidence
    # Objections
    [thesis] Furr argues that the trials were fair.
      + [open] The trials were held in public.
        source: essay, line 300

Fix:

    # Objections
    [thesis] Furr argues that the trials were fair.
      + [open] The trials were held in public.
        source: essay, line 300
"""

from __future__ import annotations

from bisect import bisect_right

from ...diagnostics import Severity
from ..rule import Finding

NAME = "empty-section"
CODE = "A401"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}


def check(context, options):
    if not context.map.sections:
        return
    filled = _filled_sections(context)
    for section in context.map.sections:
        if section.id not in filled and section.path in context.own_files:
            title = f"'{section.title}'" if section.title else "without a title"
            yield Finding(f"section {title} is empty", section.path, section.span, None,
                          "add the claims that belong here, or remove the heading")


def _filled_sections(context) -> set[str]:
    """Sections with a node or reference line in them or in a subsection."""
    by_file: dict[str, list] = {}
    for section in context.map.sections:
        by_file.setdefault(section.path, []).append(section)
    content: dict[str, set[int]] = {}
    for items in (context.map.nodes, context.map.relations):
        for item in items:
            if item.path in by_file:
                content.setdefault(item.path, set()).add(item.span.line)
    parent = {s.id: s.parent for s in context.map.sections}
    filled: set[str] = set()
    for path, sections in by_file.items():
        sections.sort(key=lambda s: s.span.line)
        starts = [s.span.line for s in sections]
        for line in content.get(path, ()):
            index = bisect_right(starts, line) - 1
            section_id = sections[index].id if index >= 0 else None
            # Mark the section and its ancestors; stop at one already marked,
            # so that each section is marked once.
            while section_id is not None and section_id not in filled:
                filled.add(section_id)
                section_id = parent.get(section_id)
    return filled
