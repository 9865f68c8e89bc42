"""docs/formatter.md shows the canonical layout: its example must be in it."""

from __future__ import annotations

import re
from pathlib import Path

from .helpers import formatted

DOC = Path(__file__).resolve().parents[2] / "docs" / "formatter.md"


def test_the_layout_example_is_formatted():
    blocks = re.findall(r"```argmap\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert blocks, "docs/formatter.md should show the canonical layout"
    for block in blocks:
        assert formatted(block) == block


def test_the_documented_field_order_is_the_one_used():
    from argmap.fmt.blocks import FIELD_ORDER

    text = DOC.read_text(encoding="utf-8")
    assert ", ".join(f"`{key}`" for key in FIELD_ORDER) in " ".join(text.split())
