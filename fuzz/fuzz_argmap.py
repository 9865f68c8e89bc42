"""Coverage-guided fuzzing of argmap with atheris (libFuzzer for Python).

Each input is a map file's bytes. It goes through check (parse + resolve),
lint, the JSON export, the DOT writer, evaluation, fmt, and (for a map without
errors) export-import-write round trips, and must end in a result or in
diagnostics with positions inside the file (tests/robustness/pipeline.py says
exactly what is checked). Any exception is a crash; libFuzzer's -timeout
turns a hang into one too.

    .venv/bin/pip install -e '.[fuzz]'
    nice -n 15 .venv/bin/python fuzz/fuzz_argmap.py WORK_DIR fuzz/corpus \\
        -dict=fuzz/argmap.dict -max_total_time=600 -timeout=10 -rss_limit_mb=2048

WORK_DIR (first) receives the inputs that found new coverage; fuzz/corpus is
the read-only seed. ARGMAP_FUZZ_TARGETS (a comma-separated subset of check,
lint, fmt, export, dot, evaluate, roundtrip; default: all) narrows the run.
See docs/robustness.md and fuzz/run.py."""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
PIPELINE_FILE = HERE.parent / "tests" / "robustness" / "pipeline.py"


def _load_pipeline():
    # The pipeline lives with the tests so that both use one definition of
    # "handled correctly"; it is loaded by path because tests/ is no package.
    spec = importlib.util.spec_from_file_location("argmap_fuzz_pipeline", PIPELINE_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


with atheris.instrument_imports(include=["argmap", "lark", "yaml"]):
    pipeline = _load_pipeline()

TARGETS = tuple(os.environ.get("ARGMAP_FUZZ_TARGETS", ",".join(pipeline.TARGETS)).split(","))


def test_one_input(data: bytes) -> None:
    pipeline.run_all(data, TARGETS)


def _enter_sandbox() -> None:
    """Work in an empty project folder: includes and @file#id references in the
    fuzzed text then resolve inside it, never against real files."""
    folder = tempfile.mkdtemp(prefix="argmap-fuzz-")
    Path(folder, "argmap.yaml").write_text("", encoding="utf-8")
    os.chdir(folder)


def _absolute_paths(argv: list[str]) -> list[str]:
    """The command line with its paths made absolute, for use after the chdir
    into the sandbox: corpus folders, and the values of -dict= and the like."""
    result = [argv[0]]
    for arg in argv[1:]:
        name, equals, value = arg.partition("=")
        if not arg.startswith("-"):
            arg = os.path.abspath(arg)
        elif equals and (os.path.exists(value) or name == "-artifact_prefix"):
            arg = f"{name}={os.path.abspath(value)}" + ("/" if value.endswith("/") else "")
        result.append(arg)
    return result


def main() -> None:
    unknown = set(TARGETS) - set(pipeline.TARGETS)
    if unknown:
        sys.exit(f"unknown ARGMAP_FUZZ_TARGETS {sorted(unknown)}; known: {pipeline.TARGETS}")
    argv = _absolute_paths(sys.argv)
    if not any(a.startswith("-artifact_prefix=") for a in argv):
        # Crash files land where the run was started, not in the sandbox.
        argv.append(f"-artifact_prefix={os.getcwd()}/")
    _enter_sandbox()
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
