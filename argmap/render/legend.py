"""The graph's own label: the map's title, and a small legend of what the
diagram uses (roles, relations, lint marks, statuses). Only what appears in
the map is explained, so a small map gets a small legend."""

from __future__ import annotations

from dataclasses import dataclass

from .escape import html
from .marks import BADGES
from .theme import RELATIONS, ROLES, STATUSES, Theme

# Line samples in box-drawing characters: a bar for an attack, like the edges.
_SAMPLES = {"support": "───▶", "rebuttal": "───┤", "objection": "╌╌╌┤",
            "undercut": "┈┈┈┤", "contradiction": "├──┤"}
_MARK_TEXT = {"unsupported": "dashed border: claim without support or source",
              "unanswered": "thick border: attack that nothing answers"}
_STATUS_TEXT = {"in": "in: stands", "out": "out: defeated", "undecided": "undecided"}


@dataclass(frozen=True)
class Used:
    """What one map's diagram shows, each in canonical order."""

    roles: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    @classmethod
    def of(cls, roles, relations, marks, statuses) -> Used:
        def ordered(found, order):
            return tuple(item for item in order if item in set(found))
        return cls(ordered(roles, ROLES), ordered(relations, RELATIONS),
                   ordered(marks, tuple(BADGES)), ordered(statuses, STATUSES))


def graph_label(title: str | None, used: Used, theme: Theme) -> str | None:
    """The HTML-like graph label, or None when there is nothing to show.

    The legend is one grid: a row per kind (roles, relations, marks,
    statuses), a key cell and a text cell per entry, so that columns line up."""
    rows = [row for row in _legend_rows(used, theme) if row] if theme.legend else []
    columns = 2 * max((len(row) for row in rows), default=1)
    body = ""
    if title and theme.title:
        size = f"{theme.fontsize + 5:g}"
        body += (f'<TR><TD ALIGN="LEFT" COLSPAN="{columns}"><FONT POINT-SIZE="{size}">'
                 f"<B>{html(title)}</B></FONT></TD></TR>")
    small = f"{max(theme.fontsize - 1.5, 4):g}"
    for row in rows:
        cells = "".join(f'{key}<TD ALIGN="LEFT" COLSPAN="{span}"><FONT POINT-SIZE="{small}">'
                        f"{html(text)}</FONT></TD>"
                        for (key, text), span in zip(row, _spans(len(row), columns), strict=True))
        body += f"<TR>{cells}</TR>"
    if not body:
        return None
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="1">{body}</TABLE>'


def _spans(entries: int, columns: int) -> list[int]:
    """Columns for each entry's text in a row of `entries`, so that a short row
    of long texts spreads over the grid instead of widening its first columns."""
    share, extra = divmod(columns, entries)
    return [share - 1 + (1 if index < extra else 0) for index in range(entries)]


def _legend_rows(used: Used, theme: Theme) -> list[list[tuple[str, str]]]:
    roles = [(_swatch(theme.node_colors[r], theme.border_colors[r]), r) for r in used.roles]
    if used.statuses:
        roles = []  # with --status the fill shows the status, not the role
    relations = [(_sample(theme.edge_colors[r], _SAMPLES[r]), r) for r in used.relations]
    marks = [(_mark_key(m, theme), _MARK_TEXT[m]) for m in used.marks if theme.marks]
    statuses = [(_swatch(theme.status_colors[s], "#888888"), _STATUS_TEXT[s])
                for s in used.statuses]
    return [roles, relations, marks, statuses]


def _swatch(fill: str, border: str) -> str:
    return (f'<TD BGCOLOR="{html(fill)}" COLOR="{html(border)}" BORDER="1" STYLE="rounded" '
            'WIDTH="22" HEIGHT="12" FIXEDSIZE="TRUE"></TD>')


def _mark_key(mark: str, theme: Theme) -> str:
    """The badge that marked nodes carry, in the mark colour."""
    size = f"{max(theme.fontsize - 2, 4):g}"
    return (f'<TD ALIGN="RIGHT"><FONT POINT-SIZE="{size}" COLOR="{html(theme.mark_color)}">'
            f"<B>{html(BADGES[mark])}</B></FONT></TD>")


def _sample(colour: str, sample: str) -> str:
    return f'<TD ALIGN="LEFT"><FONT COLOR="{html(colour)}">{html(sample)}</FONT></TD>'
