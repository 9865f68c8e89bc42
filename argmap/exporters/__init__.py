"""Exporters: one module each, registered in EXPORTERS by format name.

Each exporter is `export(map) -> str`."""

from __future__ import annotations

from . import apx, jsonmap

EXPORTERS = {
    "json": jsonmap.export,
    "apx": apx.export,
}
