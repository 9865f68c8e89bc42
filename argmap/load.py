"""Reading map files from disk (or stdin) into parsed Documents, once each."""

from __future__ import annotations

import os
import sys

from .diagnostics import Diagnostic, DiagnosticSink
from .model import Document
from .parse import parse_source
from .source import STDIN, STDIN_NAME, decode

ROOT_MARKERS = ("argmap.yaml", "pyproject.toml", ".git")


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def parse_bytes(data: bytes, path: str) -> tuple[Document | None, list[Diagnostic]]:
    sink = DiagnosticSink(path)
    source = decode(data, path, sink)
    if source is None:
        return None, sink.finish()
    return parse_source(source)


def project_root(start: str) -> str:
    """The nearest folder above `start` that holds argmap.yaml, pyproject.toml or
    .git; includes and references may not leave it. (os.path, not pathlib:
    pathlib and what it imports are a few ms of every start-up.)"""
    folder = os.path.realpath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    candidate = folder
    while not any(os.path.exists(os.path.join(candidate, marker)) for marker in ROOT_MARKERS):
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return folder
        candidate = parent
    return candidate


class Workspace:
    """Parses each file at most once per run, however many maps use it."""

    def __init__(self):
        self._documents: dict[str, tuple[Document | None, list[Diagnostic]]] = {}
        self.stdin_data: bytes | None = None

    def document(self, path: str) -> tuple[Document | None, list[Diagnostic]]:
        key = STDIN if path == STDIN else os.path.realpath(path)
        if key not in self._documents:
            self._documents[key] = self._read(path)
        return self._documents[key]

    def _read(self, path: str):
        shown = STDIN_NAME if path == STDIN else path
        sink = DiagnosticSink(shown)
        try:
            # The bytes are not kept in a variable: they can go once decoded,
            # which matters for a file of a hundred megabytes.
            source = decode(self._bytes(path), shown, sink)
        except OSError as exc:
            return None, [Diagnostic(shown, 1, 1, "E001", f"cannot read file: {exc.strerror}",
                                     hint="check the path and its permissions")]
        if source is None:
            return None, sink.finish()
        return parse_source(source)

    def _bytes(self, path: str) -> bytes:
        if path == STDIN and self.stdin_data is not None:
            return self.stdin_data
        return read_bytes(path)
