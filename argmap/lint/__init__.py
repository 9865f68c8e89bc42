"""Lint rules for argument maps: `lint_map(map, config=None) -> list[Diagnostic]`.

The rules live one per module in argmap/lint/rules/ and are listed in
argmap/lint/registry.py; docs/rules.md documents them."""

from .engine import lint_map

__all__ = ["lint_map"]
