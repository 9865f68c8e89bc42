"""Input that would cost unbounded memory or reach outside the project is
refused with a diagnostic at its place: YAML alias bombs and deep nesting in
front matter and argmap.yaml, include cycles, and includes or references
that leave the project folder (by `..`, an absolute path or a symbolic link)."""

from __future__ import annotations

import contextlib
import io
import os

import pytest

from argmap.cli import run
from argmap.resolve import resolve

# The "billion laughs": nine levels of nine aliases expand to 9**9 strings.
ALIAS_BOMB = "\n".join(["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
                       + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9)
                          + "]" for i in range(8)])


def _argmap(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "argmap.yaml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_alias_bomb_in_front_matter_is_refused_at_its_first_anchor(project):
    (project / "bomb.argmap").write_text(f"---\n{ALIAS_BOMB}\n---\nA claim.\n", encoding="utf-8")
    code, out, _ = _argmap("check", "--color", "never", "bomb.argmap")
    assert code == 1
    assert "bomb.argmap:2:4: E111 YAML anchors and aliases are not allowed" in out


def test_an_alias_bomb_in_argmap_yaml_is_refused_with_its_place(project):
    indented = ALIAS_BOMB.replace("\n", "\n  ")
    (project / "argmap.yaml").write_text(f"lint:\n  {indented}\n", encoding="utf-8")
    (project / "map.argmap").write_text("A claim.\n", encoding="utf-8")
    for command in (["lint", "map.argmap"], ["fmt", "--check", "map.argmap"]):
        code, out, err = _argmap(*command)
        assert code == 2, command
        assert "argmap.yaml:2:6: YAML anchors and aliases are not allowed" in err, command
        assert "Traceback" not in out + err


def test_front_matter_nested_too_deeply_is_refused(project):
    (project / "deep.argmap").write_text("---\ntitle: " + "[" * 5_000 + "]" * 5_000
                                         + "\n---\nA claim.\n", encoding="utf-8")
    code, out, _ = _argmap("check", "--color", "never", "deep.argmap")
    assert code == 1
    assert "deep.argmap:2:57: E111 front matter is nested more than 50 levels deep" in out


def test_argmap_yaml_nested_too_deeply_is_refused(project):
    (project / "argmap.yaml").write_text("lint: " + "[" * 5_000 + "]" * 5_000 + "\n",
                                         encoding="utf-8")
    (project / "map.argmap").write_text("A claim.\n", encoding="utf-8")
    code, _, err = _argmap("lint", "map.argmap")
    assert code == 2
    assert "argmap.yaml:1:56: the configuration is nested more than 50 levels deep" in err


def test_a_yaml_value_that_cannot_be_built_is_a_diagnostic(project):
    (project / "date.argmap").write_text("---\ndate: 2024-13-45\n---\nA claim.\n",
                                         encoding="utf-8")
    code, out, _ = _argmap("check", "--color", "never", "date.argmap")
    assert code == 1
    assert "date.argmap:2:1: E111 invalid value in front matter" in out
    (project / "argmap.yaml").write_text("lint:\n  since: 2024-13-45\n", encoding="utf-8")
    (project / "valid.argmap").write_text("A claim.\n", encoding="utf-8")
    code, _, err = _argmap("lint", "valid.argmap")
    assert code == 2
    assert "argmap.yaml: invalid value in the configuration: month must be in 1..12" in err


def test_an_include_cycle_is_refused(project):
    (project / "a.argmap").write_text("---\ninclude: [b.argmap]\n---\nA.\n", encoding="utf-8")
    (project / "b.argmap").write_text("---\ninclude: [a.argmap]\n---\nB.\n", encoding="utf-8")
    _, diagnostics = resolve("a.argmap")
    assert [(d.path, d.line, d.column, d.code) for d in diagnostics] == [
        ("b.argmap", 2, 11, "E302")]
    assert "a.argmap -> b.argmap -> a.argmap" in diagnostics[0].message
    code, out, _ = _argmap("check", "a.argmap", "b.argmap")
    assert code == 1 and "E302" in out


def test_a_file_including_itself_is_a_cycle(project):
    (project / "self.argmap").write_text("---\ninclude: [self.argmap]\n---\nA.\n",
                                         encoding="utf-8")
    _, diagnostics = resolve("self.argmap")
    assert [d.code for d in diagnostics] == ["E302"]


@pytest.mark.parametrize("how", ["dot-dot", "absolute", "symlink"])
def test_an_include_that_leaves_the_project_is_refused(project, tmp_path_factory, how):
    outside = tmp_path_factory.mktemp("outside") / "secret.argmap"
    outside.write_text("[secret] Outside the project.\n", encoding="utf-8")
    target = {"dot-dot": os.path.relpath(outside, project), "absolute": str(outside),
              "symlink": "link.argmap"}[how]
    if how == "symlink":
        (project / "link.argmap").symlink_to(outside)
    (project / "main.argmap").write_text(f"---\ninclude: [{target}]\n---\nA claim.\n"
                                         f"  + @{target}#secret\n", encoding="utf-8")
    argmap, diagnostics = resolve("main.argmap")
    assert [(d.line, d.code) for d in diagnostics] == [(2, "E303"), (5, "E303")]
    assert all("leaves the project folder" in d.message for d in diagnostics)
    assert argmap is not None
    assert "Outside the project." not in {node.text for node in argmap.nodes}
