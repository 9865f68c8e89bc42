"""Importers: one module each, registered in IMPORTERS by format name.

Each importer is `read(data: bytes, path: str) -> (Map | None, diagnostics)`;
argmap.writer then writes the map as argmap source."""

from __future__ import annotations

from . import apx, jsonmap, tgf

IMPORTERS = {
    "json": jsonmap.read,
    "apx": apx.read,
    "tgf": tgf.read,
}
