"""Run the atheris harness for a total time, restarting it after each crash,
and add up what libFuzzer reports: inputs tried, crashes, timeouts.

    nice -n 15 .venv/bin/python fuzz/run.py --minutes 30 --work /tmp/argmap-fuzz

libFuzzer stops at the first crash; this keeps fuzzing (from the corpus grown
so far) until the time is used, so that one run finds more than one problem.
Crash inputs are kept in WORK/crashes/; the totals are printed as one line of
JSON at the end and appended to WORK/runs.jsonl."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAT = re.compile(r"^stat::(\w+):\s+(\d+)", re.M)
ARTIFACT = re.compile(r"Test unit written to (\S+)")


def run_once(work: Path, seconds: int, extra: list[str]) -> tuple[dict, list[str], str]:
    command = [sys.executable, str(HERE / "fuzz_argmap.py"), str(work / "corpus"),
               str(HERE / "corpus"), f"-dict={HERE / 'argmap.dict'}",
               f"-max_total_time={seconds}", "-timeout=10", "-rss_limit_mb=2048",
               "-max_len=8192", "-print_final_stats=1",
               f"-artifact_prefix={work / 'crashes'}/", *extra]
    finished = subprocess.run(command, capture_output=True, text=True, errors="replace")
    log = finished.stdout + finished.stderr
    stats = {name: int(value) for name, value in STAT.findall(log)}
    return stats, ARTIFACT.findall(log), log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--work", type=Path, default=Path("/tmp/argmap-fuzz"))
    parser.add_argument("extra", nargs="*", help="more libFuzzer flags")
    args = parser.parse_args()
    for folder in ("corpus", "crashes", "logs"):
        (args.work / folder).mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + args.minutes * 60
    totals = {"runs": 0, "inputs": 0, "crashes": [], "seconds": 0.0}
    while (left := int(deadline - time.monotonic())) > 5:
        started = time.monotonic()
        stats, artifacts, log = run_once(args.work, left, args.extra)
        totals["runs"] += 1
        totals["inputs"] += stats.get("number_of_executed_units", 0)
        totals["crashes"] += artifacts
        totals["seconds"] += round(time.monotonic() - started, 1)
        (args.work / "logs" / f"run-{totals['runs']:03d}.log").write_text(log)
        print(json.dumps({"run": totals["runs"], **stats, "artifacts": artifacts}), flush=True)
    with open(args.work / "runs.jsonl", "a", encoding="utf-8") as record:
        record.write(json.dumps(totals) + "\n")
    print(json.dumps(totals))


if __name__ == "__main__":
    main()
