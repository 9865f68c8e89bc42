"""How an argmap process ends: always with an exit code and at most a short
message on stderr, never a traceback (docs/robustness.md, "The process").

Exit codes beyond the CLI's 0/1/2 follow the shell's 128 + signal convention:
130 Ctrl-C, 141 a closed pipe, 143 SIGTERM. A bug is reported in one line
with exit code 2; ARGMAP_DEBUG=1 adds the traceback."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from typing import NoReturn

import click

from .lifetime import hold_from_now

EXIT_CLEAN, EXIT_USAGE = 0, 2
EXIT_INTERRUPTED, EXIT_CLOSED_PIPE, EXIT_TERMINATED = 130, 141, 143


class Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C so that cleanup (of temporary files) still runs."""


def guarded(invoke: Callable[[], object]) -> int:
    """Call `invoke` (click in non-standalone mode) and turn whatever happens
    into an exit code."""
    stdout = sys.stdout
    try:
        result = invoke()
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except (click.exceptions.Abort, KeyboardInterrupt):
        tell("argmap: interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        tell("argmap: terminated")
        return EXIT_TERMINATED
    except BrokenPipeError:
        return _closed_pipe(stdout)
    except SystemExit as exc:
        if sys.stdout is not stdout:  # click swapped stdout out after a closed pipe
            return _closed_pipe(stdout)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except MemoryError:
        tell("argmap: out of memory; the input is too large for this machine")
        return EXIT_USAGE
    except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
        _internal_error(exc)
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_CLEAN


def prepare() -> None:
    """Set up the real process (not an in-process `run` in tests): SIGTERM
    becomes an exception, output never fails on an unencodable character, and
    what commands build is kept until end() instead of freed (lifetime.py)."""
    hold_from_now()
    signal.signal(signal.SIGTERM, terminate)
    _tolerant_output()


def end(code: int) -> NoReturn:
    """End the real process with `code` once stdout and stderr are written,
    without the interpreter's teardown: freeing every object and a last full
    collection cost a big map's run a quarter of a second. Nothing waits for
    that teardown: commands close the files they write (atomic.py) before they
    return, and argmap registers no atexit hooks."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away after the command finished
        code = EXIT_CLOSED_PIPE
    except (OSError, ValueError):
        pass  # stdout is gone or closed: the exit code still tells
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def terminate(_signal=None, _frame=None) -> None:
    raise Terminated


def tell(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # if stderr is gone, the exit code says it
        print(message, file=sys.stderr)


def _closed_pipe(stdout) -> int:
    """The reader went away (`argmap ... | head`): stop quietly, with the exit
    status that a process killed by SIGPIPE has, as other Unix tools do."""
    sys.stdout = stdout
    _silence_stdout()
    return EXIT_CLOSED_PIPE


def _silence_stdout() -> None:
    # Point stdout at devnull so that the interpreter's final flush of what
    # is still buffered does not fail (and print a traceback) too.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _internal_error(exc: Exception) -> None:
    if os.environ.get("ARGMAP_DEBUG"):
        import traceback

        traceback.print_exc()
    what = ("the input is nested too deeply" if isinstance(exc, RecursionError)
            else f"{type(exc).__name__}: {exc}")
    tell(f"argmap: internal error ({what[:300]}). This is a bug in argmap: please report "
         "it with the input. ARGMAP_DEBUG=1 shows the traceback.")


def _tolerant_output() -> None:
    """A terminal that cannot show a character gets an escape instead of a crash.
    (In the C locale Python already writes UTF-8: PEP 538 and 540.)"""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf_8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
