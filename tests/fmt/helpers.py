"""Shared by the formatter tests: formatting text, and what a file means."""

from __future__ import annotations

from argmap.fmt import format_bytes
from argmap.fmt.meaning import meaning
from argmap.load import parse_bytes


def formatted(text: str, wrap="keep", path: str = "t.argmap") -> str:
    """The formatted text; fails the test if the input does not parse."""
    result = format_bytes(text.encode("utf-8"), path, wrap)
    assert result.data is not None, [f"{d.line}:{d.column} {d.code} {d.message}"
                                     for d in result.diagnostics]
    return result.data.decode("utf-8")


def meaning_of(text: str, path: str = "t.argmap") -> tuple:
    document, diagnostics = parse_bytes(text.encode("utf-8"), path)
    assert not diagnostics, [f"{d.line}:{d.column} {d.code} {d.message}" for d in diagnostics]
    return meaning(document)


def read_fixtures(path) -> list[tuple[str, str, str]]:
    """mdformat-style fixture cases: a title line, then the input and the
    expected output, each followed by a line holding only `.`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, index = [], 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == ".", f"{path.name}:{index + 2}: expected '.'"
        parts, index = [], index + 2
        for _ in range(2):
            end = lines.index(".", index)
            parts.append("\n".join(lines[index:end]) + "\n")
            index = end + 1
        cases.append((title, *parts))
    return cases
