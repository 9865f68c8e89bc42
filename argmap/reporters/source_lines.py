"""Source lines for reports, read once per file, decoded as the parser does."""

from __future__ import annotations

from ..load import STDIN_NAME, read_bytes


class SourceLines:
    def __init__(self, stdin_data: bytes | None = None):
        self.stdin_data = stdin_data
        self.files: dict[str, list[str]] = {}

    def __call__(self, path: str, line: int) -> str | None:
        if path not in self.files:
            self.files[path] = self._read(path)
        lines = self.files[path]
        return lines[line - 1] if 0 < line <= len(lines) else None

    def _read(self, path: str) -> list[str]:
        try:
            # A file that cannot be read, or is too big to (load.MAX_INPUT_BYTES),
            # was reported already: it shows no excerpt.
            if path != STDIN_NAME:
                data = read_bytes(path)
            elif self.stdin_data is None:  # stdin could not be read either
                return []
            else:
                data = self.stdin_data
        except OSError:
            return []
        # Undecodable bytes were reported by the parser already; show the rest.
        text = data.decode("utf-8", "replace").removeprefix("\ufeff")
        return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
