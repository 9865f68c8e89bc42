"""Why the per-node cost of lint and evaluate grows from 10,000 to 100,000
nodes: the same dict lookup costs more once the dict outgrows the CPU caches.

    python benchmarks/dict_scale.py

It looks up every key of a dict of N string keys (as argmap's indexes are
keyed by node id), once in the order the keys were made and once shuffled, as
a walk over the argument graph visits them. Nothing argmap-specific runs: a
rise here is the machine's memory hierarchy, not an algorithm growing faster
than linearly."""

from __future__ import annotations

import gc
import random
import time


def per_lookup_ns(keys: list[str], table: dict, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for key in keys:
            table.get(key)
        best = min(best, time.perf_counter() - start)
    return best / len(keys) * 1e9


def main() -> None:
    gc.disable()
    print(f"{'keys':>9}  {'made order ns':>13}  {'shuffled ns':>11}")
    for n in (10_000, 100_000, 1_000_000):
        keys = [f"n{i}" for i in range(n)]
        table = {key: [key] for key in keys}
        shuffled = keys[:]
        random.Random(1).shuffle(shuffled)
        print(f"{n:>9,}  {per_lookup_ns(keys, table):>13.0f}  "
              f"{per_lookup_ns(shuffled, table):>11.0f}")


if __name__ == "__main__":
    main()
