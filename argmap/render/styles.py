"""DOT attributes for each role, relation and mark, drawn from the theme.

Colour is never the only signal, so that a diagram survives a black-and-white
printer: attacks end in a bar (tee), stated objections are dashed, undercuts
dotted, contradictions have a bar at both ends, and every node role but the
plain claim carries a caption word in its label."""

from __future__ import annotations

from ..model import Relation, RelationType, Strength
from .escape import attribute
from .theme import Theme

# Marks (lint findings) and how they change a node's border.
UNSUPPORTED, UNANSWERED = "unsupported", "unanswered"
MARK_STYLES = {UNSUPPORTED: "rounded,filled,dashed", UNANSWERED: "rounded,filled"}
MARK_PENWIDTH = "2.6"

_EDGE_SHAPES = {
    RelationType.SUPPORT: {"arrowhead": "normal"},
    RelationType.REBUTTAL: {"arrowhead": "tee"},
    RelationType.OBJECTION: {"arrowhead": "tee", "style": "dashed"},
    RelationType.UNDERCUT: {"arrowhead": "tee", "style": "dotted", "penwidth": "1.8"},
    # Symmetric, so it must not put one side above the other.
    RelationType.CONTRADICTION: {"arrowhead": "tee", "arrowtail": "tee", "dir": "both",
                                 "constraint": "false"},
}
_STRENGTH_LABELS = {Strength.PARTIAL: "partial answer", Strength.CONCEDED: "conceded"}


# Edges are written from conclusion to premise and drawn backwards (see
# `backwards`), so the layout's rank 0 holds the conclusions: every thesis sits
# on the top rank, even one that nothing supports yet. The layout direction is
# therefore the opposite of the direction the arrows point.
LAYOUT_DIRECTION = {"BT": "TB", "TB": "BT", "LR": "RL", "RL": "LR"}


def constrains(kind: RelationType) -> bool:
    """Whether edges of this relation take part in ranking (see rows.py)."""
    return _EDGE_SHAPES[kind].get("constraint") != "false"


def graph_defaults(theme: Theme) -> dict[str, str]:
    return {"rankdir": LAYOUT_DIRECTION[theme.rankdir], "bgcolor": attribute(theme.background),
            "fontname": attribute(theme.font), "nodesep": "0.3", "ranksep": "0.45",
            "pad": "0.25", "outputorder": "edgesfirst"}


def node_defaults(theme: Theme) -> dict[str, str]:
    return {"shape": "box", "style": '"rounded,filled"', "fontname": attribute(theme.font),
            "fontsize": _size(theme.fontsize), "fontcolor": attribute(theme.text_color),
            "margin": '"0.13,0.07"', "penwidth": "1.1"}


def edge_defaults(theme: Theme) -> dict[str, str]:
    return {"fontname": attribute(theme.font), "fontsize": _size(max(theme.fontsize - 2, 4)),
            "penwidth": "1.3", "arrowsize": "0.75"}


def node_style(role: str, theme: Theme, fill: str, marks: tuple[str, ...],
               status: str | None = None) -> dict[str, str]:
    # SVG classes, for a stylesheet or a script: the role, the marks, the status.
    classes = [role, *(marks if theme.marks else ()), *([f"status-{status}"] if status else [])]
    style = {"class": attribute(" ".join(classes)), "fillcolor": attribute(fill),
             "color": attribute(theme.border_colors[role])}
    if role == "thesis":
        style["penwidth"] = "2"
    if marks and theme.marks:
        # An unanswered attack and an unsupported claim never share a node; if
        # they ever do, the dashed border (unsupported) is the one shown.
        mark = UNSUPPORTED if UNSUPPORTED in marks else marks[0]
        style.update({"color": attribute(theme.mark_color), "penwidth": MARK_PENWIDTH,
                      "style": attribute(MARK_STYLES[mark])})
    return style


def node_fill(role: str, tags: tuple[str, ...], theme: Theme, status: str | None) -> str:
    """The fill: the evaluated status when shown, else a configured tag colour,
    else the role's colour."""
    if status is not None:
        return theme.status_colors[status]
    for tag in tags:
        if tag in theme.tag_colors:
            return theme.tag_colors[tag]
    return theme.node_colors[role]


def edge_style(relation: Relation, theme: Theme) -> dict[str, str]:
    kind = relation.type
    style = {"class": attribute(kind.value), "color": attribute(theme.edge_colors[kind.value]),
             **_EDGE_SHAPES[kind]}
    label = _STRENGTH_LABELS.get(relation.strength)
    if label:
        style["label"] = attribute(" " + label)
        style["fontcolor"] = attribute(theme.edge_colors[kind.value])
    return style


def junction_style(theme: Theme) -> dict[str, str]:
    colour = attribute(theme.edge_colors["support"])
    return {"class": '"junction"', "shape": "point", "width": "0.09", "color": colour,
            "fillcolor": colour, "label": '""'}


def ghost_style(role: str, theme: Theme) -> dict[str, str]:
    """A copy of a node shown again in another row: dashed, white, quiet."""
    return {"class": '"ghost"', "style": '"rounded,dashed"',
            "color": attribute(theme.border_colors[role]), "penwidth": "1",
            "fillcolor": attribute(theme.background), "margin": '"0.08,0.04"'}


def hub_style() -> dict[str, str]:
    """The invisible point between two rows of the diagram (see rows.py)."""
    return {"shape": "point", "style": "invis", "width": "0", "height": "0", "label": '""'}


def into_junction(theme: Theme) -> dict[str, str]:
    """A premise's line into the junction of its linked group: no arrowhead,
    because the inference happens only after the junction."""
    return {"class": '"support premise"', "color": attribute(theme.edge_colors["support"]),
            "arrowhead": "none"}


def backwards(style: dict[str, str]) -> dict[str, str]:
    """The attributes of an edge written head to tail, drawn tail to head."""
    turned = {key: value for key, value in style.items() if key not in ("arrowhead", "arrowtail")}
    head, tail = style.get("arrowhead", "normal"), style.get("arrowtail")
    if style.get("dir") != "both":
        turned["dir"] = "none" if head == "none" else "back"
    turned["arrowtail"] = head
    if tail:
        turned["arrowhead"] = tail
    return turned


def _size(value: float) -> str:
    return f"{value:g}"
