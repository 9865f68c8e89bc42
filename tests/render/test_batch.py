"""`argmap render` with no PATH: maps/ into rendered/, mirrored, only root
maps, DOT beside each picture, unchanged maps skipped, atomic writes."""

from __future__ import annotations

import io
import os
import re
import sys

import pytest

from argmap.cli import run

from .helpers import fake_graphviz, project

MAPS = {
    "one.argmap": "---\ninclude: [part.argmap]\n---\n[t] A thesis.\n  source: s\n",
    "part.argmap": "@t\n  + [p] A part of the first map.\n    source: s\n",
    "deep/two.argmap": "[u] Another thesis.\n  source: s\n",
}
DOT_ONLY = "render:\n  formats: [dot]\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return project(tmp_path, MAPS, DOT_ONLY)


def rendered(folder):
    return sorted(str(p.relative_to(folder / "rendered")) for p in (folder / "rendered").rglob("*")
                  if p.is_file())


def summary(capfd) -> tuple[int, int]:
    """(maps drawn, maps skipped) from the last summary line."""
    err = capfd.readouterr().err
    found = re.search(r"rendered (\d+) of \d+ maps into .* \((\d+) unchanged\)", err)
    return int(found.group(1)), int(found.group(2))


def test_root_maps_are_rendered_mirroring_the_folders(folder, capfd):
    assert run(["render"]) == 0
    assert rendered(folder) == ["deep/two.dot", "one.dot"]  # part.argmap is part of one
    assert "A part of the first map." in (folder / "rendered" / "one.dot").read_text()
    assert summary(capfd) == (2, 0)


@pytest.mark.needs_dot
def test_the_dot_source_is_written_beside_each_svg(folder):
    (folder / "argmap.yaml").write_text("render:\n  formats: [svg]\n")
    assert run(["render", "-j", "2"]) == 0
    assert rendered(folder) == ["deep/two.dot", "deep/two.svg", "one.dot", "one.svg"]


def test_unchanged_maps_are_skipped(folder, capfd):
    assert run(["render"]) == 0
    capfd.readouterr()
    stamp = os.stat(folder / "rendered" / "one.dot").st_mtime_ns
    assert run(["render"]) == 0
    assert summary(capfd) == (0, 2)
    assert os.stat(folder / "rendered" / "one.dot").st_mtime_ns == stamp


def test_a_changed_part_file_redraws_its_map(folder, capfd):
    assert run(["render"]) == 0
    capfd.readouterr()
    (folder / "maps" / "part.argmap").write_text("@t\n  + [p] A changed part.\n    source: s\n")
    assert run(["render"]) == 0
    assert summary(capfd) == (1, 1)
    assert "A changed part." in (folder / "rendered" / "one.dot").read_text()


def test_changed_settings_redraw_everything(folder, capfd):
    assert run(["render"]) == 0
    capfd.readouterr()
    (folder / "argmap.yaml").write_text(DOT_ONLY + "  theme:\n    rankdir: LR\n")
    assert run(["render"]) == 0
    assert summary(capfd) == (2, 0)
    assert run(["render", "--no-marks"]) == 0
    assert summary(capfd) == (2, 0)


def test_a_deleted_output_is_drawn_again(folder, capfd):
    assert run(["render"]) == 0
    (folder / "rendered" / "one.dot").unlink()
    capfd.readouterr()
    assert run(["render"]) == 0
    assert summary(capfd) == (1, 1) and (folder / "rendered" / "one.dot").is_file()


def test_outputs_of_a_removed_map_are_removed(folder, capfd):
    assert run(["render"]) == 0
    (folder / "maps" / "deep" / "two.argmap").unlink()
    assert run(["render"]) == 0
    assert "removed rendered/deep/two.dot" in capfd.readouterr().err
    assert rendered(folder) == ["one.dot"]


def test_a_broken_map_fails_alone(folder, capfd):
    (folder / "maps" / "bad.argmap").write_text("[x] Broken.\n  + \n")
    assert run(["render"]) == 1
    err = capfd.readouterr().err
    assert "maps/bad.argmap:2:" in err
    assert rendered(folder) == ["deep/two.dot", "one.dot"]


def test_a_symlinked_output_stays_a_symlink(folder, tmp_path):
    assert run(["render"]) == 0
    elsewhere = tmp_path / "elsewhere.dot"
    elsewhere.write_text("old")
    link = folder / "rendered" / "one.dot"
    link.unlink()
    link.symlink_to(elsewhere)
    (folder / "maps" / "one.argmap").write_text(MAPS["one.argmap"].replace("A thesis", "New"))
    assert run(["render"]) == 0
    assert link.is_symlink()
    assert "New." in elsewhere.read_text()


def test_a_failed_layout_keeps_the_previous_picture(folder, capfd, monkeypatch):
    (folder / "argmap.yaml").write_text("render:\n  formats: [svg]\n")
    (folder / "rendered").mkdir()
    (folder / "rendered" / "one.svg").write_text("<svg>old</svg>")
    monkeypatch.setenv("PATH", fake_graphviz(folder, 'echo "Error: out of luck" >&2; exit 3'))
    assert run(["render"]) == 1
    err = capfd.readouterr().err
    assert "maps/one.argmap: dot failed (exit code 3): Error: out of luck" in err
    assert (folder / "rendered" / "one.svg").read_text() == "<svg>old</svg>"
    assert not (folder / "rendered" / "one.dot").exists()  # nothing half-written


def test_the_folders_come_from_the_configuration(folder):
    (folder / "argmap.yaml").write_text(DOT_ONLY + "  maps: maps/deep\n  output: pictures\n")
    assert run(["render"]) == 0
    assert (folder / "pictures" / "two.dot").is_file()
    assert not (folder / "rendered").exists()


def test_a_folder_path_renders_into_the_output_folder(folder):
    assert run(["render", "maps/deep", "-o", "out"]) == 0
    assert (folder / "out" / "two.dot").is_file()


def test_no_maps_folder_is_a_usage_error(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.yaml").write_text("")
    assert run(["render"]) == 2
    assert "maps: no such folder" in capfd.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_shows_on_a_terminal_only(folder, monkeypatch, capfd):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(["render", "-j", "2"]) == 0
    assert "rendering" in terminal.getvalue()
    monkeypatch.undo()
    (folder / "maps" / "one.argmap").write_text(MAPS["one.argmap"].replace("A thesis", "B"))
    (folder / "maps" / "deep" / "two.argmap").write_text("[u] Changed.\n  source: s\n")
    assert run(["render", "-j", "2"]) == 0
    assert "rendering" not in capfd.readouterr().err


def test_rendering_a_subfolder_leaves_the_other_maps_alone(folder, capfd):
    assert run(["render"]) == 0
    assert run(["render", "maps/deep"]) == 0
    assert (folder / "rendered" / "one.dot").is_file()
    assert "removed" not in capfd.readouterr().err


def test_a_new_output_folder_is_not_skipped(folder, capfd):
    assert run(["render"]) == 0
    capfd.readouterr()
    assert run(["render", "maps", "-o", "elsewhere"]) == 0
    assert summary(capfd) == (2, 0)
    assert (folder / "elsewhere" / "deep" / "two.dot").is_file()


NESTED = "lint:\n  ignore: [unanswered-objection]\nrender:\n  theme:\n    width: 20\n"
OPEN = "[t] A thesis.\n  source: s\n  ? [o] An objection that nobody answers, in many words.\n"


def test_each_map_follows_its_own_configuration(folder):
    (folder / "argmap.yaml").write_text(DOT_ONLY + "  theme:\n    rankdir: LR\n")
    (folder / "maps" / "open.argmap").write_text(OPEN)
    (folder / "maps" / "deep" / "open.argmap").write_text(OPEN)
    (folder / "maps" / "deep" / "argmap.yaml").write_text(NESTED)
    assert run(["render"]) == 0
    top = (folder / "rendered" / "open.dot").read_text()
    deep = (folder / "rendered" / "deep" / "open.dot").read_text()
    assert "UNANSWERED" in top and "UNANSWERED" not in deep  # the nested lint settings
    assert "rankdir=RL" in top and "rankdir=RL" in deep  # the project's theme, then
    assert "An objection that nobody<BR" not in top and "An objection that<BR" in deep
    assert not (folder / "maps" / ".argmap_cache").exists()


def test_a_changed_map_configuration_redraws_its_maps(folder, capfd):
    (folder / "maps" / "deep" / "argmap.yaml").write_text(NESTED)
    assert run(["render"]) == 0
    capfd.readouterr()
    (folder / "maps" / "deep" / "argmap.yaml").write_text(NESTED.replace("20", "30"))
    assert run(["render"]) == 0
    assert summary(capfd) == (1, 1)


def test_a_bad_map_configuration_is_a_configuration_error(folder, capfd):
    (folder / "maps" / "deep" / "argmap.yaml").write_text("render:\n  theme:\n    widht: 20\n")
    assert run(["render"]) == 2
    assert "maps/deep/argmap.yaml:3:5: render.theme: unknown theme key 'widht'" in \
        capfd.readouterr().err


def test_a_part_of_the_maps_folder_goes_to_its_place_in_the_output(folder):
    assert run(["render", "maps/deep"]) == 0
    assert rendered(folder) == ["deep/two.dot"]
