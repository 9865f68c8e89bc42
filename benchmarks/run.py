"""The benchmark runner: every stage, argmap and its peers side by side in one run.

    python benchmarks/run.py [--quick] [--repeat N] [--write docs/performance.md]

The experiments live in experiments.py; report.py writes the markdown.

Machines here are noisy, so the report leads with ratios measured in the same
run; absolute times are there for scale. Each measurement runs in a fresh
process, started from a small helper process (spawner.py), so peak memory (max
RSS) is that process's own."""

from __future__ import annotations

import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PYTHON = sys.executable
ARGMAP = str(Path(PYTHON).with_name("argmap"))
ARGDOWN = str(HERE / "node_modules" / ".bin" / "argdown")
SHAPES = ("tree", "flat", "chain", "refs")


@dataclass
class Sample:
    times: list[float]
    peak_kib: int

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def cells(self) -> str:
        return (f"{self.median:.3f} | {min(self.times):.3f} | {max(self.times):.3f} | "
                f"{self.peak_kib / 1024:.0f}")


# As a user runs it: with Python's bytecode cache (some sandboxes turn it off,
# which would add the compiling of every module to every start-up).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


class _Spawner:
    """The small process that starts the measured commands (benchmarks/spawner.py
    says why), started at first use, before the runner grows."""

    def __init__(self):
        self.process = subprocess.Popen([PYTHON, "-I", "-S", str(HERE / "spawner.py")],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)

    def run(self, argv: list[str], cwd: Path, capture: bool) -> dict:
        request = {"argv": argv, "cwd": str(cwd), "env": ENV, "capture": capture}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())


_spawner: _Spawner | None = None


def start_spawner() -> None:
    global _spawner
    if _spawner is None:
        _spawner = _Spawner()


def _measure(argv: list[str], cwd: Path = ROOT, capture: bool = False) -> tuple[float, int, str]:
    """Run argv once; return (wall seconds, peak RSS in KiB, stdout if captured)."""
    start_spawner()
    result = _spawner.run(argv, cwd, capture)
    return result["elapsed"], result["peak_kib"], result["output"]


def command(argv: list[str], repeat: int, cwd: Path = ROOT) -> Sample:
    return commands([argv], repeat, cwd)[0]


def commands(argvs: list[list[str]], repeat: int, cwd: Path = ROOT) -> list[Sample]:
    """Each command `repeat` times, in turn round by round (A B A B ...), so that a
    burst of load on a noisy machine falls on all of them alike."""
    for argv in argvs:
        _measure(argv, cwd)  # warm-up: bytecode, grammar and render caches, the OS file cache
    runs: list[list[tuple[float, int, str]]] = [[] for _ in argvs]
    for _ in range(repeat):
        for argv, found in zip(argvs, runs, strict=True):
            found.append(_measure(argv, cwd))
    return [Sample([r[0] for r in found], max(r[1] for r in found)) for found in runs]


def stage(name: str, path: Path, repeat: int) -> Sample:
    return stages_in_turn([name], path, repeat)[0]


def stages_in_turn(names: list[str], path: Path, repeat: int) -> list[Sample]:
    """In-process times of stages (benchmarks/stages.py), run in turn in one process."""
    elapsed, peak, output = _measure([PYTHON, str(HERE / "stages.py"), ",".join(names),
                                      str(path), str(repeat)], capture=True)
    times = json.loads(output)["times"]
    return [Sample(times[name], peak) for name in names]


def generate(sizes: list[int]) -> None:
    sys.path.insert(0, str(HERE))
    from generate import write_all

    missing = [n for n in sizes if not (OUT / f"chain-{n}.argdown").exists()]
    if missing:
        write_all(OUT, missing)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    argdown = ""
    if argdown_installed():
        argdown = subprocess.run([ARGDOWN, "--version"], capture_output=True,
                                 text=True).stdout.strip()
    return (f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, Argdown CLI {argdown or 'not installed'}")


def argdown_installed() -> bool:
    return Path(ARGDOWN).exists()


def main(argv: list[str] | None = None) -> None:
    import argparse

    from experiments import EXPERIMENTS
    from report import write_report

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="sizes up to 10,000 and 3 runs each: a smoke run, not the record")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    parser.add_argument("--only", default="", help="comma-separated experiment names")
    parser.add_argument("--write", type=Path, default=None,
                        help="write the markdown report here (e.g. docs/performance.md)")
    args = parser.parse_args(argv)
    start_spawner()  # first, while this process is small
    sizes = [100, 1000, 10000] if args.quick else [100, 1000, 10000, 100000]
    repeat = 3 if args.quick else args.repeat
    generate(sizes + [5000])
    chosen = [name for name in EXPERIMENTS if not args.only or name in args.only.split(",")]
    sections = []
    for name in chosen:
        print(f"== {name}", file=sys.stderr, flush=True)
        sections.append(EXPERIMENTS[name](sizes, repeat))
        print(sections[-1].markdown(), file=sys.stderr, flush=True)
    findings = HERE / "findings.md"  # what profiling showed, kept by hand
    notes = findings.read_text(encoding="utf-8") if findings.exists() else ""
    text = write_report(sections, machine(), repeat, notes)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    else:
        print(text)


if __name__ == "__main__":
    main()
