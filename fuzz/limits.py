"""Measure argmap on the limit inputs of docs/robustness.md: wall time, peak
memory (RSS) and exit code of one command, each in a fresh subprocess.

    nice -n 15 .venv/bin/python fuzz/limits.py [CASE ...] [--commands check,lint]

The inputs come from tests/robustness/big.py (the same builders the tests
use, at full size). Results are printed as a Markdown table."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Peak RSS is read from VmHWM, which starts afresh at exec; getrusage's
# ru_maxrss would include the RSS of this (parent) process at fork time.
ARGMAP = [sys.executable, "-c", "import sys; from argmap.cli import run; "
          "code = run(sys.argv[1:]); "
          "peak = [r for r in open('/proc/self/status') if r.startswith('VmHWM:')][0]; "
          "print('peak-rss-kb', peak.split()[1], file=sys.stderr); sys.exit(code)"]
COMMANDS = {"check": ["check", "-q"], "lint": ["lint", "--exit-zero"],
            "export": ["export", "--to", "json", "-o", "{out}"],
            "fmt": ["fmt", "--check"], "render": ["render", "-f", "dot", "-o", "{out}"]}
SIZES = {"deep-nesting": 10_000, "many-lines": 1_000_000, "long-line": 10_000_000,
         "many-claims": 100_000, "reference-chain": 100_000, "attack-chain": 100_000,
         "deep-sections": 2_000, "many-headings": 100_000, "undefined-references": 20_000}


def _builders():
    spec = importlib.util.spec_from_file_location(
        "argmap_big", ROOT / "tests" / "robustness" / "big.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BUILDERS


def measure(command: str, path: Path, folder: Path) -> tuple[float, int, int, str]:
    out = str(folder / f"out-{command}")
    argv = [a.replace("{out}", out) for a in COMMANDS[command]] + [str(path)]
    started = time.monotonic()
    done = subprocess.run(ARGMAP + argv, capture_output=True, text=True, errors="replace",
                          cwd=folder)
    seconds = time.monotonic() - started
    peak = next((int(line.split()[1]) for line in done.stderr.splitlines()
                 if line.startswith("peak-rss-kb")), 0)
    said = [line for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not line.startswith("peak-rss-kb")]
    return seconds, peak // 1024, done.returncode, (said[-1] if said else "")[:90]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", default=list(SIZES))
    parser.add_argument("--commands", default="check,lint,export,fmt,render")
    args = parser.parse_args()
    builders = _builders()
    print("| input | size | command | seconds | peak RSS MB | exit | last line |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="argmap-limits-") as temporary:
        folder = Path(temporary)
        (folder / "argmap.yaml").write_text("", encoding="utf-8")
        for case in args.cases:
            path = folder / f"{case}.argmap"
            path.write_bytes(builders[case](SIZES[case]))
            megabytes = path.stat().st_size / 1e6
            for command in args.commands.split(","):
                seconds, peak, code, last = measure(command, path, folder)
                print(f"| {case} | {megabytes:.1f} MB | {command} | {seconds:.1f} | {peak} | "
                      f"{code} | {last.replace('|', '/')} |", flush=True)


if __name__ == "__main__":
    main()
