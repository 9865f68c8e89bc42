"""The one place where argmap runs Graphviz: DOT in on stdin, the picture out
on stdout, never through a shell. Every way it can fail becomes a
GraphvizError with a message for people, never a traceback."""

from __future__ import annotations

import shutil

ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork")
FORMATS = ("svg", "png", "pdf", "dot")
# What Graphviz's -T calls each format; "dot" is argmap's own source, not dot's.
_OUTPUT_TYPE = {"svg": "svg", "png": "png", "pdf": "pdf"}
_INSTALL_HINT = ("install Graphviz: `apt install graphviz` (Debian, Ubuntu), "
                 "`dnf install graphviz` (Fedora), `brew install graphviz` (macOS), "
                 "`choco install graphviz` (Windows); or put its bin folder on PATH")


class GraphvizError(Exception):
    """Graphviz is missing, failed, or ran out of time; str() says which."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


class GraphvizMissing(GraphvizError):
    pass


class GraphvizTimeout(GraphvizError):
    pass


def executable(engine: str = "dot") -> str:
    """The path of the engine's executable, or GraphvizMissing."""
    if engine not in ENGINES:
        raise GraphvizError(f"unknown layout engine '{engine}'; valid: {', '.join(ENGINES)}")
    found = shutil.which(engine)
    if found is None:
        raise GraphvizMissing(f"the Graphviz program '{engine}' was not found", _INSTALL_HINT)
    return found


def layout(source: str, fmt: str, engine: str = "dot", timeout: float | None = None,
           dpi: int | None = None) -> bytes:
    """The picture of the DOT `source` in `fmt` (svg, png or pdf)."""
    import subprocess  # here: a run that draws nothing need not load it

    command = [executable(engine), "-T" + _OUTPUT_TYPE[fmt]]
    if dpi and fmt == "png":
        command.append(f"-Gdpi={dpi}")
    try:
        finished = subprocess.run(command, input=source.encode("utf-8"), capture_output=True,
                                  timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise GraphvizTimeout(f"{engine} took longer than {timeout:g} s and was stopped",
                              "raise --timeout, or set layout: fast in the theme") from None
    except OSError as exc:
        raise GraphvizError(f"cannot run {engine}: {exc.strerror or exc}", _INSTALL_HINT) from None
    if finished.returncode != 0 or not finished.stdout:
        said = finished.stderr.decode("utf-8", "replace").strip()
        raise GraphvizError(f"{engine} failed (exit code {finished.returncode})"
                            + (f": {said}" if said else ""))
    return finished.stdout

