"""Reading map files from disk (or stdin) into parsed Documents, once each."""

from __future__ import annotations

import errno
import os
import stat
import sys

from .diagnostics import Diagnostic, DiagnosticSink
from .model import Document
from .parse import parse_source
from .source import STDIN, STDIN_NAME, decode

ROOT_MARKERS = ("argmap.yaml", "pyproject.toml", ".git")
# The most argmap reads of one input. A map takes about 35 times its size in
# memory once parsed (docs/robustness.md), so a bigger file would not fit on
# most machines anyway; and a file that never ends (/dev/zero, an endless
# pipe) is refused here instead of being read until memory runs out.
MAX_INPUT_BYTES = 512 * 1024 * 1024


class InputTooLarge(OSError):
    """An input of more than MAX_INPUT_BYTES (reported as E001, like other read errors)."""

    hint = ("split the map into files that include one another (front matter "
            "`include:`), or check that this is the file you meant")

    def __init__(self):
        most = (f"{MAX_INPUT_BYTES // 2**20} MiB" if MAX_INPUT_BYTES % 2**20 == 0
                else f"{MAX_INPUT_BYTES:,} bytes")
        super().__init__(errno.EFBIG, f"it is larger than {most}, the most argmap reads")

    def __str__(self) -> str:
        return self.strerror


def read_bytes(path: str) -> bytes:
    """The bytes of `path` (or of stdin for "-"); InputTooLarge past MAX_INPUT_BYTES."""
    if path == STDIN:
        return _bounded(sys.stdin.buffer)
    with open(path, "rb") as handle:
        status = os.fstat(handle.fileno())
        if status.st_size > MAX_INPUT_BYTES:  # known without reading it
            raise InputTooLarge
        if stat.S_ISREG(status.st_mode) and status.st_size:
            # Its size is known: read as much, not into a buffer of the limit's
            # size (that costs 50 µs a file, for memory never touched).
            data = handle.read()
            if len(data) > MAX_INPUT_BYTES:  # it grew while it was read
                raise InputTooLarge
            return data
        return _bounded(handle)  # a device, a pipe, or a file that says it is empty


def _bounded(stream) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)  # one byte more tells a file that is too big
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge
    return data


def unreadable(shown: str, error: OSError) -> Diagnostic:
    """The E001 diagnostic for a file that could not be read."""
    return Diagnostic(shown, 1, 1, "E001", f"cannot read file: {error.strerror}",
                      hint=getattr(error, "hint", "check the path and its permissions"))


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
        self._stdin_error: OSError | None = None

    @classmethod
    def for_paths(cls, paths) -> Workspace:
        """A workspace for a run over `paths`; stdin is read now if "-" is one."""
        workspace = cls()
        if STDIN in paths:
            workspace.take_stdin()
        return workspace

    def take_stdin(self) -> None:
        """Read stdin now, once (reports show its lines too). A read that fails is
        reported where the map is read, as for a file."""
        try:
            self.stdin_data = read_bytes(STDIN)
        except OSError as exc:
            self._stdin_error = exc

    def stdin_bytes(self) -> bytes:
        """What take_stdin() read (raising its error, if it failed)."""
        if self._stdin_error is not None:
            raise self._stdin_error
        return self.stdin_data if self.stdin_data is not None else read_bytes(STDIN)

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
            return None, [unreadable(shown, exc)]
        if source is None:
            return None, sink.finish()
        return parse_source(source)

    def _bytes(self, path: str) -> bytes:
        return self.stdin_bytes() if path == STDIN else read_bytes(path)
