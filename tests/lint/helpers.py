"""Shared by the lint tests: lint a file or a snippet, and show findings as text."""

from __future__ import annotations

from pathlib import Path

from argmap.lint.run import lint_paths

FIXTURES = Path(__file__).parent / "fixtures"


def brief(diagnostic) -> str:
    """A finding as the .expected files write it."""
    return (f"{diagnostic.line}:{diagnostic.column} {diagnostic.severity.value} "
            f"{diagnostic.code} {diagnostic.message}")


def lint_snippet(folder: Path, text: str, name: str = "map.argmap", **options):
    """Lint `text` as a file in `folder` (which has an empty argmap.yaml, so that
    no configuration around the test folder applies)."""
    (folder / "argmap.yaml").touch()
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return lint_paths([str(path)], **options)
