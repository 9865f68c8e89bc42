"""Fixture pairs (tests/fmt/fixtures/*.txt): each input formats to exactly its
expected output, the output is already formatted, and both mean the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import formatted, meaning_of, read_fixtures

FIXTURES = Path(__file__).parent / "fixtures"
# The --wrap setting each fixture file is formatted with.
WRAP = {"layout.txt": "keep", "front-matter.txt": "keep", "wrap-40.txt": 40, "wrap-no.txt": "no"}
CASES = [pytest.param(name, expected_in, expected_out, id=f"{name}: {title}")
         for name in sorted(WRAP)
         for title, expected_in, expected_out in read_fixtures(FIXTURES / name)]


def test_every_fixture_file_is_run():
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(WRAP)


@pytest.mark.parametrize(("name", "source", "expected"), CASES)
def test_formats_to_the_expected_layout(name, source, expected):
    assert formatted(source, WRAP[name]) == expected


@pytest.mark.parametrize(("name", "source", "expected"), CASES)
def test_expected_layout_is_stable_and_means_the_same(name, source, expected):
    assert formatted(expected, WRAP[name]) == expected
    assert meaning_of(expected) == meaning_of(source)
