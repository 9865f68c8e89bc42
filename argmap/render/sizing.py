"""Layout settings by map size: dot's defaults for maps a person reads, faster
settings past the size where the default layout gets slow (measured by
benchmarks/render_sizes.py; the numbers are in docs/render.md)."""

from __future__ import annotations

from .theme import Theme

# Nodes (junction points included) above which `layout: auto` picks FAST.
# Below it dot's defaults take well under a second; above it the time goes
# into the network simplex that places nodes across each rank.
FAST_THRESHOLD = 2000
# nslimit caps that network simplex at 0.1 x nodes iterations (dot's default is
# unbounded); stopping early leaves a valid but less balanced placement: no
# overlaps, every rank kept. nslimit1 caps the ranking, mclimit and searchsize
# shorten crossing reduction, and remincross skips its second pass.
FAST = {"newrank": "true", "nslimit": "0.1", "nslimit1": "2", "mclimit": "0.3",
        "searchsize": "20", "remincross": "false"}
# Written into the DOT when FAST applies, so that the CLI can say so.
FAST_NOTE = "// A big map: laid out with argmap's fast settings (docs/render.md)."


def layout_settings(node_count: int, theme: Theme) -> dict[str, str]:
    if uses_fast(node_count, theme):
        return dict(FAST)
    return {}


def uses_fast(node_count: int, theme: Theme) -> bool:
    return theme.layout == "fast" or (theme.layout == "auto" and node_count > FAST_THRESHOLD)
