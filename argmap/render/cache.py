"""What the last batch render saw, so that a re-render skips unchanged maps.

A map is fresh when the fingerprint of everything its picture depends on is
the one recorded when it was last drawn, and its outputs are still the files
argmap wrote: the contents of the map's files, the configuration, the render
options, and argmap's own code. A file's content hash is reused while its size
and modification time are unchanged, so a no-op run reads no map at all.

The cache is a convenience: a missing or broken cache file means "render
everything", never an error."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from ..atomic import write_text

CACHE_FILE = Path(".argmap_cache") / "render.json"
_VERSION = 1


def file_digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def code_fingerprint() -> str:
    """Sizes and times of argmap's own modules: a new version draws anew."""
    package = Path(__file__).resolve().parent.parent
    stamps = []
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".py", ".lark")):
                stat = os.stat(os.path.join(folder, name))
                stamps.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()


class RenderCache:
    def __init__(self, path: Path):
        self.path = path
        self.data = self._load()
        self.files: dict = self.data.setdefault("files", {})
        self.maps: dict = self.data.setdefault("maps", {})

    def _load(self) -> dict:
        self.original = ""
        try:
            self.original = self.path.read_text(encoding="utf-8")
            data = json.loads(self.original)
        except (OSError, ValueError):
            return {"version": _VERSION}
        return data if isinstance(data, dict) and data.get("version") == _VERSION \
            else {"version": _VERSION}

    # ---- input files -------------------------------------------------------------
    def digest(self, path: str) -> str | None:
        """The content hash of a file, from the cache while it looks unchanged."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        stamp = [stat.st_size, stat.st_mtime_ns]
        entry = self.files.get(path)
        if entry and entry.get("stamp") == stamp:
            return entry["sha"]
        try:
            sha = file_digest(path)
        except OSError:
            return None
        self.files[path] = {"stamp": stamp, "sha": sha}
        return sha

    def includes(self, path: str) -> list[str] | None:
        """The include targets recorded for the file's current content."""
        entry = self.files.get(path)
        return entry.get("includes") if entry and self.digest(path) == entry["sha"] else None

    def remember_includes(self, path: str, includes: list[str]) -> None:
        if self.digest(path) is not None:
            self.files[path]["includes"] = includes

    # ---- maps ------------------------------------------------------------------
    def key(self, settings_key: str, files) -> str | None:
        parts = [settings_key]
        for path in files:
            sha = self.digest(path)
            if sha is None:
                return None
            parts.append(f"{path}:{sha}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def fresh(self, root: str, settings_key: str, outputs) -> bool:
        """Whether `outputs` are what argmap last wrote for `root`, from the
        same inputs and settings."""
        entry = self.maps.get(root)
        if not entry or self.key(settings_key, entry["files"]) != entry["key"]:
            return False
        if set(entry["outputs"]) != set(outputs):
            return False
        return all(_stamp(out) == stamp for out, stamp in entry["outputs"].items())

    def record(self, root: str, settings_key: str, files, outputs) -> None:
        self.maps[root] = {"files": list(files), "key": self.key(settings_key, files),
                           "outputs": {out: _stamp(out) for out in outputs}}

    def outputs_of_removed(self, folder: str) -> list[str]:
        """Outputs that argmap wrote for maps under `folder` whose root file is
        gone; forgets those maps. Maps elsewhere are none of this run's business."""
        inside = os.path.join(os.path.normpath(folder), "")
        gone = [root for root in self.maps
                if os.path.normpath(root).startswith(inside) and not os.path.exists(root)]
        return [out for root in gone for out in self.maps.pop(root)["outputs"]]

    def save(self) -> None:
        text = json.dumps(self.data, indent=1, sort_keys=True)
        if text == self.original:
            return  # nothing new: a no-op run writes nothing
        # A read-only tree still renders; it just cannot skip work next time.
        with contextlib.suppress(OSError):
            write_text(str(self.path), text)


def _stamp(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]
