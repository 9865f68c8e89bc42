"""docs/render.md documents every theme key with its real default, every
`render:` key, every command-line option, and the fast layout settings."""

from __future__ import annotations

import re

from argmap.cli import cli
from argmap.render.settings import RENDER_KEYS
from argmap.render.sizing import FAST, FAST_THRESHOLD
from argmap.render.theme import THEME_KEYS, Theme

from .helpers import ROOT

DOC = (ROOT / "docs" / "render.md").read_text(encoding="utf-8")


def table_rows() -> dict[str, str]:
    """`key` -> its default, from the theme table."""
    return dict(re.findall(r"^\| `(\w+)` \| (.*?) \|", DOC, re.M))


def test_every_theme_key_is_documented_with_its_default():
    rows, theme = table_rows(), Theme()
    for key in THEME_KEYS:
        assert key in rows, key
        default = getattr(theme, key)
        if isinstance(default, dict) and default:
            for colour in default.values():
                assert colour in DOC, (key, colour)
        elif isinstance(default, dict):
            assert rows[key] == "`{}`", key
        else:
            shown = {True: "true", False: "false"}.get(default, default) \
                if isinstance(default, bool) else default
            assert rows[key] == f"`{shown}`", key


def test_every_render_key_is_documented():
    block = DOC[DOC.index("## The `render:` section"):]
    for key in RENDER_KEYS:
        assert re.search(rf"^\s+{key}:", block, re.M), key


def test_every_option_is_documented():
    command = cli.commands["render"]
    for parameter in command.params:
        for name in parameter.opts:
            if name.startswith("--"):
                assert f"`{name}" in DOC, name


def test_fast_settings_and_threshold_are_documented():
    for key, value in FAST.items():
        assert f"| `{key}` | {value} |" in DOC, key
    assert f"{FAST_THRESHOLD:,} nodes" in DOC
