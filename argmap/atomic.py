"""Writing files so that a reader sees the old file or the new one, never a mix.

The new bytes go to a temporary file in the same folder, are flushed to disk,
and then renamed over the old file in one step (rename is atomic within a file
system). Killing the process at any moment therefore leaves the old file or
the new one. What a kill can leave behind is the temporary file itself, named
`.NAME.argmap-PID-RANDOM.tmp` next to NAME: hidden, not a map (argmap reads only
*.argmap files), and removed by the next write of NAME once process PID has
gone.

A symbolic link is written through (its target gets the new bytes; the link
stays a link), and the file keeps its permission bits."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile

_SUFFIX = ".tmp"


def write_bytes(path: str, data: bytes) -> None:
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    os.makedirs(folder, exist_ok=True)
    _remove_stale(folder, name)
    mode = _mode_of(target)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f"{_prefix(name)}{os.getpid()}-",
                                         suffix=_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def write_text(path: str, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def temporary_files(folder: str, name: str) -> list[str]:
    """The temporary files that writes of `name` in `folder` have left there."""
    return sorted(entry for entry in os.listdir(folder) if _temporary(name).fullmatch(entry))


def _temporary(name: str) -> re.Pattern:
    return re.compile(re.escape(_prefix(name)) + r"(\d+)-\w+" + re.escape(_SUFFIX))


def _prefix(name: str) -> str:
    return f".{name}.argmap-"


def _remove_stale(folder: str, name: str) -> None:
    """Remove temporary files of `name` whose writing process no longer exists:
    what a killed run left behind. A live process's file is never touched."""
    with contextlib.suppress(OSError):
        for entry in temporary_files(folder, name):
            if not _alive(int(_temporary(name).fullmatch(entry).group(1))):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(folder, entry))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but belongs to someone else
    return True


def _mode_of(path: str) -> int:
    """Keep an existing file's permissions; new files get the usual 0o666 & ~umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Read it where Linux shows it: setting it to read it back (the portable
    # way) would briefly change it for every thread of the process.
    with (contextlib.suppress(OSError, ValueError, StopIteration),
          open("/proc/self/status", encoding="ascii") as status):
        return int(next(row for row in status if row.startswith("Umask:")).split()[1], 8)
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _sync_folder(folder: str) -> None:
    # The rename is durable only once the folder itself is flushed to disk.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
