"""Layout time of Graphviz dot on generated maps, with dot's default settings
and with the settings argmap picks, on the same DOT, side by side in one run.

    python benchmarks/render_sizes.py [--sizes 100,1000,5000] [--repeat 3]

For each size it writes a tree map with benchmarks/generate.py, turns it into
DOT with argmap (marks on, as `argmap render` does), and times `dot -Tsvg` on
that DOT twice: once with dot's default settings, once with argmap's fast
settings (which `layout: auto` picks above sizing.FAST_THRESHOLD nodes).
Times are the CPU time of the dot process (user + system), the least of
--repeat runs, which a busy machine disturbs less than wall time.

It also checks that the fast picture is still correct, from `dot -Tplain`:
every node is placed, no two nodes overlap, and every edge that constrains
the ranks runs from its conclusion down to its premise.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from argmap.load import Workspace  # noqa: E402
from argmap.render.build import build_dot  # noqa: E402
from argmap.render.settings import Options, RenderSettings  # noqa: E402
from argmap.render.sizing import FAST, FAST_NOTE, FAST_THRESHOLD  # noqa: E402
from argmap.render.theme import Theme  # noqa: E402


def argmap_dot(n: int, folder: Path) -> str:
    """argmap's DOT for a tree map of `n` nodes, with the fast settings forced."""
    path = folder / f"tree-{n}.argmap"
    path.write_text(generate("tree", n)[0], encoding="utf-8")
    settings = RenderSettings(folder=folder, theme=replace(Theme(), layout="fast"))
    return build_dot(str(path), settings, Options(), Workspace()).dot


def without_fast_settings(dot: str) -> str:
    """The same DOT with dot's defaults instead of argmap's fast settings."""
    dot = dot.replace(FAST_NOTE + "\n", "")
    for key, value in FAST.items():
        dot = dot.replace(f", {key}={value}", "", 1)
    return dot


def cpu_seconds(dot: str, fmt: str = "svg") -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([shutil.which("dot"), f"-T{fmt}", "-o", os.devnull], input=dot.encode(),
                   check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def problems(dot: str) -> list[str]:
    """What is wrong with dot's layout of `dot` (an empty list: nothing)."""
    plain = subprocess.run([shutil.which("dot"), "-Tplain"], input=dot.encode(), check=True,
                           capture_output=True).stdout.decode()
    boxes, found = {}, []
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node" and float(parts[4]) > 0:
            x, y, w, h = map(float, parts[2:6])
            boxes[parts[1].strip('"')] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    declared = set(re.findall(r'^\s*"([^"]+)" \[class="(?!ghost)', dot, re.M))
    if declared - set(boxes):
        found.append(f"{len(declared - set(boxes))} nodes not placed")
    found += _overlaps(boxes)
    for head, tail, attrs in re.findall(r'^\s*"([^"]+)" -> "([^"]+)" \[(.*)\];$', dot, re.M):
        if "constraint=false" in attrs or "invis" in attrs:
            continue
        if head in boxes and tail in boxes and boxes[head][1] < boxes[tail][3] - 1e-6:
            found.append(f"edge {head} -> {tail} does not run downwards")
    return found


def _overlaps(boxes: dict) -> list[str]:
    """Overlapping node boxes, found with a sweep over x."""
    found, active = [], []
    for name, box in sorted(boxes.items(), key=lambda item: item[1][0]):
        active = [(n, b) for n, b in active if b[2] > box[0] + 1e-6]
        found += [f"{n} overlaps {name}" for n, b in active
                  if b[1] < box[3] - 1e-6 and box[1] < b[3] - 1e-6]
        active.append((name, box))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'nodes':>6} {'default s':>10} {'fast s':>10} {'ratio':>6}  "
          "auto picks  fast picture")
    with tempfile.TemporaryDirectory() as scratch:
        for n in map(int, args.sizes.split(",")):
            ours = argmap_dot(n, Path(scratch))
            theirs = without_fast_settings(ours)
            default = min(cpu_seconds(theirs) for _ in range(args.repeat))
            chosen = min(cpu_seconds(ours) for _ in range(args.repeat))
            wrong = problems(ours)
            verdict = "correct" if not wrong else f"WRONG: {wrong[:3]}"
            picks = "fast" if n > FAST_THRESHOLD else "default"
            print(f"{n:>6} {default:>10.2f} {chosen:>10.2f} {chosen / default:>6.2f}  "
                  f"{picks:<10}  {verdict}", flush=True)


if __name__ == "__main__":
    main()
