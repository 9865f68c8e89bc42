"""`include:` and `exclude:` in the lint configuration: glob patterns, relative
to the folder of the configuration file, that choose the files found in folders.

In a pattern, `*` matches within one path segment, `**` matches any number of
segments, and `?` one character. A pattern that names a folder also matches
everything below it, so `maps/drafts` is the same as `maps/drafts/**`."""

from __future__ import annotations

import os
import re


class PathFilter:
    def __init__(self, include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
                 folder: str | None = None):
        self.include, self.exclude = include, exclude
        # A str, and os.path below: importing pathlib costs every start-up ~3 ms.
        self.folder = os.getcwd() if folder is None else folder
        self._include = [glob_pattern(p) for p in include]
        self._exclude = [glob_pattern(p) for p in exclude]

    def selects(self, path: str) -> bool:
        relative = os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")
        if self.include and not any(p.fullmatch(relative) for p in self._include):
            return False
        return not any(p.fullmatch(relative) for p in self._exclude)


def glob_pattern(pattern: str) -> re.Pattern:
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern)
    regex = "".join(_TRANSLATIONS.get(part, re.escape(part)) for part in parts)
    return re.compile(f"{regex}(?:/.*)?")


_TRANSLATIONS = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
