"""The experiments of the benchmark run, one function each, registered in EXPERIMENTS.

Each takes the sizes and the number of runs and returns a Section: a table whose
rows were all measured in this run, so that the ratios in it compare like with
like on a noisy machine."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from run import (
    ARGDOWN,
    ARGMAP,
    HERE,
    OUT,
    PYTHON,
    ROOT,
    Sample,
    argdown_installed,
    command,
    commands,
    stage,
    stages_in_turn,
)

MIB = 1024


@dataclass
class Section:
    title: str
    note: str
    header: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"## {self.title}", "", self.note, "",
                 "| " + " | ".join(self.header) + " |",
                 "|" + "---|" * len(self.header)]
        lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in self.rows]
        if self.findings:
            lines += [""] + [f"- {finding}" for finding in self.findings]
        return "\n".join(lines) + "\n"


TIMES = ("median s", "min s", "max s", "peak MiB")


def _row(label: str, sample: Sample, *extra) -> tuple:
    return (label, *sample.cells().split(" | "), *extra)


def _ratio(slow: Sample, fast: Sample) -> str:
    return f"{slow.median / fast.median:.1f}x"


def small_file(sizes, repeat) -> Section:
    """Start-up dominates a small file: what a writer feels on every save."""
    ours, theirs = OUT / "tree-100.argmap", OUT / "tree-100.argdown"
    section = Section("Start-up and a small file (100 nodes)",
                      "Whole commands, as a writer or an editor hook runs them.",
                      ("command", *TIMES))
    argvs = [[ARGMAP, "--version"], [ARGMAP, "check", str(ours)],
             [ARGMAP, "lint", str(ours), "--exit-zero"]]
    if argdown_installed():
        argvs.append([ARGDOWN, str(theirs)])
    version, check, lint, *peer = commands(argvs, repeat)
    section.rows += [_row("argmap --version", version), _row("argmap check", check),
                     _row("argmap lint (check plus lint)", lint)]
    if peer:
        section.rows.append(_row("argdown FILE (validate)", peer[0]))
        section.findings.append(f"argmap lint is {_ratio(peer[0], lint)} faster than "
                                f"`argdown FILE` (target: at least 5x).")
    return section


def big_file(sizes, repeat) -> Section:
    n = max(sizes)
    ours, theirs = OUT / f"tree-{n}.argmap", OUT / f"tree-{n}.argdown"
    section = Section(f"Check plus lint of a {n:,}-node map",
                      "`argmap lint` parses, resolves and lints; `argdown json` parses and "
                      "exports. Peak memory is the process's maximum resident set.",
                      ("command", *TIMES))
    argvs = [[ARGMAP, "lint", str(ours), "--exit-zero", "--format", "json"]]
    if argdown_installed():
        argvs.append([ARGDOWN, "json", str(theirs), str(OUT), "--silent"])
    lint, *peer = commands(argvs, repeat)
    (OUT / f"tree-{n}.json").unlink(missing_ok=True)  # what argdown json wrote
    section.rows.append(_row("argmap lint", lint))
    if peer:
        section.rows.append(_row("argdown json", peer[0]))
        section.findings += [
            f"argmap is {_ratio(peer[0], lint)} faster (target: at least 3x).",
            f"argmap uses {lint.peak_kib / peer[0].peak_kib:.0%} of Argdown's peak memory "
            "(target: at most a third)."]
    return section


def parse_throughput(sizes, repeat) -> Section:
    n = max(sizes)
    section = Section(f"Parse throughput against a hand-written scanner ({n:,} nodes)",
                      "In-process, file already read; the scanner (benchmarks/scanner.py) is "
                      "the pure-Python ceiling for reading the language.",
                      ("shape", "argmap parse median s", "scanner median s", "ratio"))
    for shape in ("tree", "flat", "chain", "refs"):
        path = OUT / f"{shape}-{n}.argmap"
        ours, ceiling = stages_in_turn(["parse", "scanner"], path, repeat)
        section.rows.append((shape, f"{ours.median:.3f}", f"{ceiling.median:.3f}",
                             _ratio(ours, ceiling)))
    section.findings.append("Target: within 4x of the scanner.")
    return section


def stages(sizes, repeat) -> Section:
    grown = [n for n in sizes if n >= 1000]  # below that, start-up costs blur the rate
    largest = f"{sizes[-1]:,}"
    section = Section("Each stage at each size (tree shape)",
                      "In-process medians in seconds, with the garbage collector paused as the "
                      "CLI pauses it; then the cost per node at each size from 1,000 nodes up "
                      "(flat when the cost grows linearly); then, at the largest size, the "
                      "fastest and slowest run and the peak memory of the process that ran "
                      "the stage (it reads the map first).",
                      ("stage", *(f"{n:,}" for n in sizes),
                       "µs per node at " + " / ".join(f"{n:,}" for n in grown),
                       f"min-max s at {largest}", f"peak MiB at {largest}"))
    for name in ("parse", "resolve", "lint", "evaluate", "dot"):
        samples = [stage(name, OUT / f"tree-{n}.argmap", repeat) for n in sizes]
        medians = [sample.median for sample in samples]
        per_node = [m / n * 1e6 for m, n in zip(medians, sizes, strict=True) if n >= 1000]
        last = samples[-1]
        section.rows.append((name, *(f"{m:.4f}" for m in medians),
                             " / ".join(f"{p:.1f}" for p in per_node),
                             f"{min(last.times):.4f}-{max(last.times):.4f}",
                             f"{last.peak_kib / MIB:.0f}"))
    return section


def grounded(sizes, repeat) -> Section:
    section = Section("Grounded evaluation against formal-argumentation",
                      "Random frameworks (2 attacks an argument), the same framework for both, "
                      "from benchmarks/grounded.py; medians in one process each.",
                      ("arguments", "argmap s", "formal-argumentation grounded_extension s",
                       "ratio"))
    sizes = "1000,10000,100000" if max(sizes) >= 100000 else "1000,10000"
    result = subprocess.run([PYTHON, str(HERE / "grounded.py"), "--json", "--sizes", sizes,
                             "--runs", str(repeat)], capture_output=True, text=True)
    if result.returncode != 0:
        section.findings.append("grounded.py failed: " + result.stderr.strip()[-300:])
        return section
    for row in json.loads(result.stdout)["rows"]:
        theirs = row["formal_argumentation_extension_s"]
        section.rows.append((f"{row['arguments']:,}", f"{row['argmap_s']:.4f}", f"{theirs:.4f}",
                             f"{theirs / row['argmap_s']:.1f}x"))
    section.findings.append("Target: argmap faster at 100,000 arguments (ratio above 1x). "
                            "formal-argumentation's own grounded_labelling is far slower still; "
                            "grounded.py reports it up to 1,000 arguments.")
    return section


def render(sizes, repeat) -> Section:
    """Full renders from the CLI, against dot with its default settings on the
    same DOT: argmap's own work (parse to DOT) is included on its side only."""
    from render_sizes import argmap_dot, without_fast_settings

    section = Section("Rendering a map to SVG",
                      "`argmap render FILE -f svg` (parse, lint marks, DOT, layout with the "
                      "settings argmap picks) against `dot -Tsvg` with dot's default settings on "
                      "argmap's DOT for the same map. Wall time: medians, then argmap's "
                      "fastest and slowest run and its peak memory.",
                      ("nodes", "argmap render s", "dot defaults s", "ratio",
                       "argmap min-max s", "argmap peak MiB"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in (100, 1000, 5000):
            slow_dot = folder / f"default-{n}.dot"
            slow_dot.write_text(without_fast_settings(argmap_dot(n, folder)), encoding="utf-8")
            source = folder / f"tree-{n}.argmap"
            ours, theirs = commands([[ARGMAP, "render", str(source), "-f", "svg", "-o",
                                      str(folder / "ours.svg")],
                                     ["dot", "-Tsvg", "-o", str(folder / "theirs.svg"),
                                      str(slow_dot)]], repeat)
            section.rows.append((f"{n:,}", f"{ours.median:.2f}", f"{theirs.median:.2f}",
                                 f"{ours.median / theirs.median:.2f}",
                                 f"{min(ours.times):.2f}-{max(ours.times):.2f}",
                                 f"{ours.peak_kib / MIB:.0f}"))
    section.findings.append("Target at 5,000 nodes: argmap at most half of dot's default time "
                            "(ratio at most 0.5). Past 2,000 nodes argmap lays out with capped "
                            "iterations (docs/render.md shows the picture stays correct).")
    return section


def noop_rerender(sizes, repeat) -> Section:
    section = Section("A no-op re-render of maps/",
                      "`argmap render` with nothing changed since the last render, in a copy "
                      "of the repository's maps/ and rendered/.", ("command", *TIMES))
    with tempfile.TemporaryDirectory() as tmp:
        for folder in ("maps", "rendered"):
            shutil.copytree(ROOT / folder, Path(tmp) / folder)
        # The warm-up run of command() renders the copy once; the timed runs find
        # nothing to do.
        sample = command([ARGMAP, "render"], repeat, cwd=Path(tmp))
    section.rows.append(_row("argmap render (nothing to do)", sample))
    section.findings.append("Target: under 0.3 s.")
    return section


EXPERIMENTS = {
    "small": small_file,
    "big": big_file,
    "parse": parse_throughput,
    "stages": stages,
    "grounded": grounded,
    "render": render,
    "noop": noop_rerender,
}

if __name__ == "__main__":
    sys.exit("run benchmarks/run.py")
