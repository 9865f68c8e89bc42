"""One benchmark stage, run in a fresh process so that its peak memory is its own.

    python benchmarks/stages.py STAGE[,STAGE...] FILE REPEAT

prints a JSON object: {"times": {stage: [seconds, ...]}}. Several stages are
run in turn, round by round, so that a burst of load on a noisy machine falls
on all of them alike: their ratio is the figure that counts. The runner
(run.py) reads the process's peak RSS itself."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _parse(path):
    from argmap.load import parse_bytes

    data = Path(path).read_bytes()
    return lambda: parse_bytes(data, path)


def _scanner(path):
    from scanner import scan

    text = Path(path).read_text(encoding="utf-8")
    return lambda: scan(text)


def _resolve(path):
    from argmap.load import Workspace
    from argmap.resolve import resolve

    workspace = Workspace()
    resolve(path, workspace)  # parse once; the timed runs measure resolving only
    return lambda: resolve(path, workspace)


def _loaded(path):
    from argmap.resolve import resolve

    loaded, diagnostics = resolve(path)
    assert loaded is not None and not diagnostics, diagnostics[:3]
    return loaded


def _lint(path):
    from argmap.lint import lint_map

    loaded = _loaded(path)
    return lambda: lint_map(loaded)


def _evaluate(path):
    from argmap.evaluate import evaluate

    loaded = _loaded(path)
    return lambda: evaluate(loaded, semantics="grounded")


def _dot(path):
    from argmap.render.dot import map_to_dot

    loaded = _loaded(path)
    return lambda: map_to_dot(loaded)


STAGES = {
    "parse": _parse,
    "scanner": _scanner,
    "resolve": _resolve,
    "lint": _lint,
    "evaluate": _evaluate,
    "dot": _dot,
}


def main() -> None:
    names, path, repeat = sys.argv[1].split(","), sys.argv[2], int(sys.argv[3])
    from argmap.gcpause import paused_gc

    runs = {name: STAGES[name](path) for name in names}
    times: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(repeat):
        for name, run in runs.items():
            # As the CLI runs them: with the cyclic collector paused (argmap.gcpause).
            with paused_gc():
                start = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - start)
    print(json.dumps({"times": times}))


if __name__ == "__main__":
    main()
