"""Formatting never changes what a map says, and formatting twice changes
nothing more: checked over every map in tests/ and maps/ and over generated
untidy maps. Broken files are refused with the parser's diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.fmt import format_bytes
from argmap.fmt.meaning import meaning
from argmap.load import parse_bytes

from .strategies import untidy_maps

ROOT = Path(__file__).resolve().parents[2]
MAP_FILES = sorted(p for folder in ("tests", "maps") for p in (ROOT / folder).rglob("*.argmap"))
WRAPS = ["keep", "no", 30]


def check_preserved(data: bytes, wrap, path: str = "t.argmap") -> bytes | None:
    """Format `data`; assert that it means the same and is stable. Returns the
    formatted bytes, or None for input that does not parse."""
    document, diagnostics = parse_bytes(data, path)
    result = format_bytes(data, path, wrap)
    if result.data is None:
        assert diagnostics, "only a file with errors may be refused"
        assert result.diagnostics == diagnostics
        return None
    assert not diagnostics
    again, problems = parse_bytes(result.data, path)
    assert not problems
    assert meaning(again) == meaning(document)
    assert format_bytes(result.data, path, wrap).data == result.data, "not idempotent"
    return result.data


def test_there_are_maps_to_check():
    assert len(MAP_FILES) >= 10


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.parametrize("wrap", WRAPS)
def test_every_map_keeps_its_meaning(path, wrap):
    check_preserved(path.read_bytes(), wrap, str(path))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(untidy_maps(), st.sampled_from(WRAPS))
def test_generated_maps_keep_their_meaning(text, wrap):
    document, diagnostics = parse_bytes(text.encode("utf-8"), "t.argmap")
    assert not diagnostics, "the strategy should only write valid maps"
    assert check_preserved(text.encode("utf-8"), wrap) is not None


_SYNTAX = " +-?~&><[]@#:/\\\tabé中\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SYNTAX, max_size=120), st.sampled_from(WRAPS))
def test_any_text_is_formatted_faithfully_or_refused(text, wrap):
    check_preserved(text.encode("utf-8"), wrap)
