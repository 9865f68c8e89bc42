"""Objects that the real argmap process never frees.

A command run from the shell ends with os._exit (process.end), so whatever it
built is handed back to the operating system at once. Freeing a big map's
objects one by one before that is pure cost: a 100,000-node map is about a
million objects, and a tenth of a second to free. So the layers that build
such data hand what they are done with to keep_until_exit instead of dropping
it. Only the real process holds anything (process.prepare turns it on); a
library caller or an in-process run (tests) frees as usual.

A module of its own, importing nothing, so that the parser and the resolver
can use it without importing the command line."""

from __future__ import annotations

_kept: list = []
_holding = False


def hold_from_now() -> None:
    """Called once by the real process, before any command runs."""
    global _holding
    _holding = True


def keep_until_exit(*objects) -> None:
    """Hold `objects` until the real process ends; in any other caller, do nothing."""
    if _holding:
        _kept.extend(objects)
