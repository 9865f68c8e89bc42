"""Runs the benchmark's commands for run.py, from a process that stays small.

On Linux a child's peak RSS (ru_maxrss) starts from its parent's own high-water
mark: exec keeps the largest RSS the process had before it. The runner grows as
it works (it generates the 100,000-node maps, for one), and from then on every
command it started would seem to need at least that much memory. This process is
started first, while the runner is small, and imports next to nothing; the
commands are started from it.

Protocol, one JSON object per line: run.py writes {"argv", "cwd", "env",
"capture"}; this process answers {"elapsed", "peak_kib", "output"} (output is
"" unless capture is true; the runner captures only small outputs)."""

import json
import os
import subprocess
import sys
import time


def run(request: dict) -> dict:
    start = time.perf_counter()
    process = subprocess.Popen(
        request["argv"], cwd=request["cwd"], env=request["env"],
        stdout=subprocess.PIPE if request["capture"] else subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    output = process.stdout.read().decode("utf-8", "replace") if request["capture"] else ""
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return {"elapsed": elapsed, "peak_kib": usage.ru_maxrss, "output": output}


def main() -> None:
    for line in sys.stdin:
        print(json.dumps(run(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
