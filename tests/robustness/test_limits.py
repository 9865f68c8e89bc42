"""Very large and very deep input: each either works or is refused with a clear
message, and never overflows the stack. Nothing here is timed; fuzz/limits.py
measures time and memory of the full sizes (recorded in docs/robustness.md).
Nesting 10,000 levels deep by indentation is tested in
tests/language/test_scale.py; the graph-depth cases below exceed Python's
recursion limit (1,000) several times over, so any recursive walk fails them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from argmap.diagnostics import has_errors
from argmap.evaluate import SEMANTICS, evaluate
from argmap.exporters import EXPORTERS
from argmap.fmt import format_bytes
from argmap.lint import lint_map
from argmap.load import STDIN, Workspace
from argmap.render.dot import map_to_dot
from argmap.resolve import MAX_INCLUDE_DEPTH, resolve

from . import big

PEAK_RSS_LIMIT_MB = 1_500  # a bound, not a benchmark: far above what any case needs


def _resolved(data: bytes):
    workspace = Workspace()
    workspace.stdin_data = data
    argmap, diagnostics = resolve(STDIN, workspace)
    assert argmap is not None and not has_errors(diagnostics), diagnostics[:3]
    return argmap


def _run_in_subprocess(args: list[str], cwd) -> tuple[int, str, int]:
    """Exit code, output and peak RSS (MB) of `argmap ARGS` in a fresh process."""
    # VmHWM starts afresh at exec (getrusage would count the test process's RSS).
    code = ("import sys; from argmap.cli import run; status = run(sys.argv[1:]); "
            "peak = [r for r in open('/proc/self/status') if r.startswith('VmHWM:')][0]; "
            "print('peak-rss-kb', peak.split()[1], file=sys.stderr); sys.exit(status)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)
    peak = [line for line in done.stderr.splitlines() if line.startswith("peak-rss-kb")]
    assert peak, done.stderr
    return done.returncode, done.stdout + done.stderr, int(peak[0].split()[1]) // 1024


@pytest.mark.parametrize("builder", [big.reference_chain, big.attack_chain],
                         ids=["support-chain", "objection-chain"])
def test_a_relation_chain_3000_deep_goes_through_every_stage(builder):
    argmap = _resolved(builder(3_000))
    assert len(argmap.relations) == 3_000
    findings = lint_map(argmap)
    assert all(1 <= f.line <= 6_002 for f in findings)
    assert len(json.loads(EXPORTERS["json"](argmap))["relations"]) == 3_000
    dot = map_to_dot(argmap)
    assert dot.count(" -> ") >= 3_000
    for semantics in SEMANTICS:
        assert len(evaluate(argmap, semantics).status) == 3_001
    assert format_bytes(builder(3_000), "chain.argmap").data is not None


def test_sections_nested_2000_deep_go_through_every_stage():
    argmap = _resolved(big.deep_sections(2_000))
    deepest = argmap.sections[-1]
    assert deepest.level == 2_000 and deepest.parent == argmap.sections[-2].id
    assert lint_map(argmap) is not None
    assert len(json.loads(EXPORTERS["json"](argmap))["sections"]) == 2_000
    assert "Claim 2000." in map_to_dot(argmap)
    assert format_bytes(big.deep_sections(2_000), "sections.argmap").data is not None


def test_a_single_10_megabyte_line_goes_through_every_stage():
    data = big.long_line(10_000_000)
    argmap = _resolved(data)
    (node,) = argmap.nodes
    assert len(node.text) > 9_000_000
    assert any(f.code == "A303" for f in lint_map(argmap))  # the long-claim rule
    assert json.loads(EXPORTERS["json"](argmap))["nodes"][0]["text"] == node.text
    assert format_bytes(data, "long.argmap").data is not None


def test_a_10_megabyte_line_in_a_diagram_is_shown_whole():
    argmap = _resolved(big.long_line(2_000_000))
    assert map_to_dot(argmap).count("word") >= 399_000


def test_100000_top_level_claims_check_in_bounded_memory(tmp_path):
    path = tmp_path / "wide.argmap"
    path.write_bytes(big.many_claims(100_000))
    code, output, peak = _run_in_subprocess(["check", str(path)], tmp_path)
    assert code == 0, output[-500:]
    assert "1 file checked: no problems" in output
    assert peak < PEAK_RSS_LIMIT_MB


def test_an_include_chain_deeper_than_the_limit_is_refused(tmp_path):
    (tmp_path / "argmap.yaml").write_text("", encoding="utf-8")
    first = big.include_chain(tmp_path, MAX_INCLUDE_DEPTH + 50)
    argmap, diagnostics = resolve(str(first))
    refused = [d for d in diagnostics if d.code == "E306"]
    assert len(refused) == 1
    assert refused[0].path.endswith(f"m{MAX_INCLUDE_DEPTH - 1}.argmap")
    assert f"more than {MAX_INCLUDE_DEPTH} files deep" in refused[0].message
    assert refused[0].hint


def test_an_include_chain_within_the_limit_works(tmp_path):
    (tmp_path / "argmap.yaml").write_text("", encoding="utf-8")
    first = big.include_chain(tmp_path, MAX_INCLUDE_DEPTH)
    argmap, diagnostics = resolve(str(first))
    assert diagnostics == []
    assert len(argmap.files) == MAX_INCLUDE_DEPTH


def test_the_report_on_a_10_megabyte_line_shows_an_excerpt_not_the_line(tmp_path, capsys):
    from argmap.cli import run

    path = tmp_path / "long.argmap"
    path.write_bytes(big.long_line(10_000_000))
    assert run(["lint", "--color", "never", str(path)]) == 0
    out = capsys.readouterr().out
    assert len(out) < 5_000  # three findings with their excerpts, not 3 x 10 MB
    assert f"{path}:1:1: A303 [long-claim]" in out
    assert "\n  A claim word word" in out and "…\n" in out


def test_100000_headings_each_find_their_parent():
    argmap = _resolved(big.many_headings(100_000) + b"## Sub\n\nClaim.\n")
    assert len(argmap.sections) == 100_001
    assert all(section.parent is None for section in argmap.sections[:-1])
    assert argmap.sections[-1].parent == argmap.sections[-2].id


def test_20000_undefined_references_are_each_reported():
    workspace = Workspace()
    workspace.stdin_data = big.undefined_references(20_000)
    _, diagnostics = resolve(STDIN, workspace)
    assert [d.code for d in diagnostics] == ["E301"] * 20_000
    assert [d.line for d in diagnostics[:3]] == [2, 4, 6]


def test_a_heading_nests_in_the_nearest_heading_above_of_a_lower_level():
    argmap = _resolved(b"# a\n### b\n## c\n#### d\n# e\n\nClaim.\n")
    parents = {s.title: s.parent for s in argmap.sections}
    ids = {s.title: s.id for s in argmap.sections}
    assert parents == {"a": None, "b": ids["a"], "c": ids["a"], "d": ids["c"], "e": None}


# ---- input size --------------------------------------------------------------------------
COMMANDS_THAT_READ = [["check"], ["lint"], ["fmt", "--check"], ["export", "--to", "json"],
                      ["evaluate"], ["render", "-f", "dot", "-o", "-"]]


@pytest.mark.parametrize("command", COMMANDS_THAT_READ, ids=lambda c: c[0])
def test_a_file_over_the_input_limit_is_refused_with_e001(command, tmp_path, monkeypatch,
                                                         capsys):
    from argmap import load
    from argmap.cli import run

    monkeypatch.setattr(load, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.argmap"
    path.write_text("[a] A claim that makes this file longer than the hundred bytes\n"
                    "  + that this test allows, by a reason under it that runs on.\n")
    monkeypatch.chdir(tmp_path)
    code = run([*command, "big.argmap"])
    out, err = capsys.readouterr()
    assert code in (1, 2)
    # lint's report adds the rule's name after the code: `E001 [parse-error] cannot ...`.
    assert "big.argmap:1:1: E001 " in out + err
    assert "cannot read file: it is larger than 100 bytes, the most argmap reads" in out + err
    assert "split the map into files" in out + err
    assert "Traceback" not in out + err


def test_stdin_over_the_input_limit_is_refused_with_e001(monkeypatch, capsys):
    import io

    from argmap import load
    from argmap.cli import run

    class Stdin:
        buffer = io.BytesIO(b"[a] A claim.\n" * 20)

    monkeypatch.setattr(load, "MAX_INPUT_BYTES", 100)
    monkeypatch.setattr(sys, "stdin", Stdin)
    assert run(["lint", "-"]) == 1
    out, err = capsys.readouterr()
    assert "<stdin>:1:1: E001 [parse-error] cannot read file: it is larger than 100 bytes" in out
    assert "^" not in out  # the unread input has no line to underline


def test_a_file_that_never_ends_is_refused_not_read_until_memory_runs_out(tmp_path):
    # /dev/zero has no size: it is read up to the limit (512 MiB) and refused.
    done = subprocess.run([sys.executable, "-m", "argmap", "check", "/dev/zero"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1
    assert ("/dev/zero:1:1: E001 cannot read file: it is larger than 512 MiB, the most "
            "argmap reads") in done.stdout
    assert "Traceback" not in done.stderr


def test_a_configuration_over_the_input_limit_is_a_usage_error(tmp_path, monkeypatch, capsys):
    from argmap import load
    from argmap.cli import run

    monkeypatch.setattr(load, "MAX_INPUT_BYTES", 100)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.yaml").write_text("lint:\n  select: [A101]\n" + "# padding\n" * 20)
    (tmp_path / "m.argmap").write_text("[a] A claim.\n")
    assert run(["lint", "--config", "big.yaml", "m.argmap"]) == 2
    assert ("big.yaml: cannot read the configuration: it is larger than 100 bytes, the most "
            "argmap reads") in capsys.readouterr().err
