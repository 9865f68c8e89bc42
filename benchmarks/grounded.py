"""Grounded labelling: argmap against formal-argumentation, side by side.

    python benchmarks/grounded.py [--sizes 1000,10000,100000] [--runs 5] [--json]

Builds one random framework per size (a fixed seed; on average 2 attacks per
argument), and times on that same framework, in the same run:
- argmap: argmap.evaluate.grounded_labelling(arguments, attacks), which also
  builds its index from the string ids, and labels every argument;
- formal-argumentation: grounded_extension(framework), its linear algorithm,
  on a framework built beforehand (the build is not timed), which gives only
  the IN set;
- formal-argumentation's grounded_labelling (a fixpoint of the characteristic
  function, then a labelling whose cost grows with arguments times attacks),
  only up to --labelling-max arguments.
Each time is the median of --runs runs. The ratio is theirs / ours (above 1:
argmap is faster). Every run checks that both give the same IN set.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

from argumentation.core.dung import ArgumentationFramework, grounded_extension
from argumentation.core.labelling import grounded_labelling as their_labelling

from argmap.evaluate import grounded_labelling


def random_framework(size: int, attacks_per_argument: float, seed: int):
    rng = random.Random(seed)
    arguments = [f"a{i}" for i in range(size)]
    count = int(size * attacks_per_argument)
    attacks = {(arguments[rng.randrange(size)], arguments[rng.randrange(size)])
               for _ in range(count)}
    return arguments, sorted(attacks)


def median_time(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(size: int, runs: int, density: float, seed: int, labelling_max: int) -> dict:
    arguments, attacks = random_framework(size, density, seed)
    ours, labels = median_time(lambda: grounded_labelling(arguments, attacks), runs)
    framework = ArgumentationFramework(frozenset(arguments), frozenset(attacks))
    theirs, extension = median_time(lambda: grounded_extension(framework), runs)
    in_set = {a for a, status in labels.items() if status == "in"}
    if in_set != set(extension):
        raise SystemExit(f"the two disagree on a framework of {size} arguments")
    row = {"arguments": size, "attacks": len(attacks), "in": len(in_set),
           "out": sum(s == "out" for s in labels.values()),
           "undecided": sum(s == "undecided" for s in labels.values()),
           "argmap_s": ours, "formal_argumentation_extension_s": theirs,
           "ratio_extension": theirs / ours, "formal_argumentation_labelling_s": None,
           "ratio_labelling": None}
    if size <= labelling_max:
        slow, labelling = median_time(lambda: their_labelling(framework), max(1, runs // 2))
        if set(labelling.in_arguments) != in_set:
            raise SystemExit(f"the two labellings disagree on {size} arguments")
        row["formal_argumentation_labelling_s"] = slow
        row["ratio_labelling"] = slow / ours
    return row


def table(rows: list[dict], runs: int) -> str:
    lines = [f"Grounded labelling, median of {runs} runs (seconds); ratio = theirs / argmap",
             "",
             "| arguments | attacks | in / out / undecided | argmap | f-a extension | ratio "
             "| f-a labelling | ratio |",
             "|---:|---:|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        slow = row["formal_argumentation_labelling_s"]
        lines.append(
            f"| {row['arguments']:,} | {row['attacks']:,} | {row['in']:,} / {row['out']:,} / "
            f"{row['undecided']:,} | {row['argmap_s']:.4f} | "
            f"{row['formal_argumentation_extension_s']:.4f} | {row['ratio_extension']:.2f} | "
            + (f"{slow:.4f} | {row['ratio_labelling']:.0f} |" if slow is not None
               else "not run | |"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--density", type=float, default=2.0,
                        help="attacks per argument, on average")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--labelling-max", type=int, default=1000,
                        help="largest size to run formal-argumentation's grounded_labelling on")
    parser.add_argument("--json", action="store_true", help="print JSON for the runner")
    options = parser.parse_args(argv)
    sizes = [int(size) for size in options.sizes.split(",")]
    rows = [measure(size, options.runs, options.density, options.seed + size,
                    options.labelling_max) for size in sizes]
    if options.json:
        json.dump({"benchmark": "grounded", "runs": options.runs, "seed": options.seed,
                   "density": options.density, "python": sys.version.split()[0],
                   "rows": rows}, sys.stdout, indent=2)
        print()
    else:
        print(table(rows, options.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
