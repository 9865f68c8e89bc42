"""The look of a diagram: argmap's defaults, then argmap.yaml's `render.theme`,
then the map's own front matter `theme:`. Each layer is validated strictly: an
unknown key or a bad value is a ThemeError naming the key and what is valid.
docs/render.md lists every key; THEME_KEYS below is the single source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..suggest import did_you_mean

ROLES = ("thesis", "claim", "evidence", "assumption", "objection", "answer")
RELATIONS = ("support", "rebuttal", "objection", "undercut", "contradiction")
STATUSES = ("in", "out", "undecided")
RANKDIRS = ("BT", "TB", "LR", "RL")
LAYOUTS = ("auto", "quality", "fast")


@dataclass(frozen=True)
class Theme:
    rankdir: str = "BT"
    width: int = 36
    font: str = "Helvetica,Arial,sans-serif"
    fontsize: float = 10.5
    background: str = "white"
    text_color: str = "#1b1b1b"
    node_colors: dict = field(default_factory=lambda: {
        "thesis": "#dce8f5", "claim": "#ffffff", "evidence": "#e9f3e4",
        "assumption": "#f6f1e4", "objection": "#fbe7e5", "answer": "#e3f1ef"})
    border_colors: dict = field(default_factory=lambda: {
        "thesis": "#1f4e79", "claim": "#5f7380", "evidence": "#4b7d2b",
        "assumption": "#8a7443", "objection": "#b3261e", "answer": "#00695c"})
    edge_colors: dict = field(default_factory=lambda: {
        "support": "#3d7a2a", "rebuttal": "#b3261e", "objection": "#d0601a",
        "undercut": "#7b3fa0", "contradiction": "#b0256a"})
    status_colors: dict = field(default_factory=lambda: {
        "in": "#cfe8c4", "out": "#e6e6e6", "undecided": "#fbefc2"})
    tag_colors: dict = field(default_factory=dict)
    mark_color: str = "#e0115f"
    marks: bool = True
    legend: bool = True
    clusters: bool = True
    title: bool = True
    ids: bool = False
    quotes: bool = True
    tags: bool = False
    layout: str = "auto"
    aspect: float = 1.4
    dpi: int = 150


class ThemeError(Exception):
    """A bad theme setting. `keys` is its place, e.g. ("node_colors", "thesis")."""

    def __init__(self, keys: tuple, message: str, hint: str | None = None):
        super().__init__(message)
        self.keys, self.message, self.hint = keys, message, hint


# ---- value checks: each returns the clean value or raises ThemeError ---------
_HEX = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?\Z")
_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9]*\Z")
_FONT = re.compile(r"[\w ,.\-]+\Z")


def _colour(keys, value):
    if isinstance(value, str) and (_HEX.match(value) or _NAME.match(value)):
        return value
    raise ThemeError(keys, f"'{_dotted(keys)}' must be a colour, not {value!r}",
                     "write #rrggbb (quoted in YAML: '#1f4e79') or a colour name like navy")


def _flag(keys, value):
    if isinstance(value, bool):
        return value
    raise ThemeError(keys, f"'{_dotted(keys)}' must be true or false, not {value!r}")


def _font(keys, value):
    if isinstance(value, str) and _FONT.match(value):
        return value
    raise ThemeError(keys, f"'{_dotted(keys)}' must be a font name, not {value!r}",
                     "e.g. font: 'Helvetica,Arial,sans-serif' (letters, digits, spaces, commas)")


def _choice(options):
    def check(keys, value):
        if value in options:
            return value
        raise ThemeError(keys, f"'{_dotted(keys)}' must be one of {', '.join(options)}, "
                         f"not {value!r}", did_you_mean(str(value), options))
    return check


def _number(low, high, integer=False):
    kinds = (int,) if integer else (int, float)

    def check(keys, value):
        if isinstance(value, kinds) and not isinstance(value, bool) and low <= value <= high:
            return value
        what = "a whole number" if integer else "a number"
        raise ThemeError(keys, f"'{_dotted(keys)}' must be {what} from {low} to {high}, "
                         f"not {value!r}")
    return check


def _colours(names):
    """A mapping of colours; `names` are its valid keys (None: any text, e.g. tags)."""
    def check(keys, value):
        if not isinstance(value, dict):
            raise ThemeError(keys, f"'{_dotted(keys)}' must be a mapping of colours",
                             f"e.g. {keys[-1]}: {{{(names or ('tag',))[0]}: '#1f4e79'}}")
        for key, colour in value.items():
            if names is not None and key not in names:
                raise ThemeError((*keys, key), f"unknown key '{_dotted((*keys, key))}'; "
                                 f"valid keys: {', '.join(names)}",
                                 did_you_mean(str(key), names))
            _colour((*keys, key), colour)
        return {str(key): colour for key, colour in value.items()}
    return check


THEME_KEYS = {
    "rankdir": (_choice(RANKDIRS), "direction of the arrows: BT puts the thesis on top"),
    "width": (_number(10, 200, integer=True), "characters per line of node text"),
    "font": (_font, "font family list, as fontconfig and SVG viewers understand it"),
    "fontsize": (_number(4, 72), "size of node text in points"),
    "background": (_colour, "page colour"),
    "text_color": (_colour, "colour of node text"),
    "node_colors": (_colours(ROLES), "fill per role"),
    "border_colors": (_colours(ROLES), "border and caption colour per role"),
    "edge_colors": (_colours(RELATIONS), "colour per relation"),
    "status_colors": (_colours(STATUSES), "fill per evaluated status (--status)"),
    "tag_colors": (_colours(None), "fill for nodes with a tag, first matching tag wins"),
    "mark_color": (_colour, "colour of lint marks"),
    "marks": (_flag, "show lint findings on the diagram"),
    "legend": (_flag, "show a legend of roles, relations and marks"),
    "clusters": (_flag, "draw sections as clusters"),
    "title": (_flag, "show the map's title"),
    "ids": (_flag, "show node ids"),
    "quotes": (_flag, "show verbatim quotes (the first lines)"),
    "tags": (_flag, "show node tags"),
    "aspect": (_number(0, 10), "wanted width:height of the picture; argmap packs the "
               "sections into rows to get near it (0: one row, as dot would)"),
    "layout": (_choice(LAYOUTS), "auto switches big maps to fast layout settings"),
    "dpi": (_number(36, 600, integer=True), "resolution of PNG output"),
}


def apply_layer(theme: Theme, layer: dict | None) -> Theme:
    """`theme` with the settings of one layer (a config section or front matter)."""
    if not layer:
        return theme
    if not isinstance(layer, dict):
        raise ThemeError((), "the theme must be a mapping of settings", "e.g. rankdir: LR")
    changes = {}
    for key, value in layer.items():
        if key not in THEME_KEYS:
            raise ThemeError((key,), f"unknown theme key '{key}'; valid keys: "
                             f"{', '.join(THEME_KEYS)}", did_you_mean(str(key), THEME_KEYS))
        clean = THEME_KEYS[key][0]((key,), value)
        if isinstance(clean, dict):
            clean = {**getattr(theme, key), **clean}
        changes[key] = clean
    return replace(theme, **changes)


def build_theme(*layers: dict | None) -> Theme:
    theme = Theme()
    for layer in layers:
        theme = apply_layer(theme, layer)
    return theme


def _dotted(keys) -> str:
    return ".".join(str(key) for key in keys)
