"""The markdown report of a benchmark run: docs/performance.md."""

from __future__ import annotations

HEAD = """# Performance

Measured by `make bench` (`python benchmarks/run.py --write docs/performance.md`).
Everything in one table was measured side by side in the same run, because these
machines are noisy: read the ratios first, the absolute times for scale. Where a
table compares argmap with a peer, their runs take turns (argmap, peer, argmap,
peer, ...), so that a burst of load on the machine falls on both alike. Each
command is a fresh process, started from a small helper process so that its peak
memory is its own (benchmarks/spawner.py says why); a row gives the median,
minimum and maximum of {repeat} runs unless it says otherwise. The benchmark maps
come from `benchmarks/generate.py`, which writes the same structure in argmap's
language and in Argdown syntax.

Machine: {machine}.
"""


def write_report(sections, machine: str, repeat: int, notes: str = "") -> str:
    parts = [HEAD.format(repeat=repeat, machine=machine)]
    parts += [section.markdown() for section in sections]
    if notes:
        parts.append(notes)
    return "\n".join(parts)
