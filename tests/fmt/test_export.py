"""The meaning check as the JSON export sees it: every map in maps/, resolved
with all the files it includes, exports the same data after formatting, but
for source positions. So does a generated map."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings

from argmap.check import roots
from argmap.discover import expand
from argmap.exporters.jsonmap import to_data
from argmap.fmt import format_bytes
from argmap.load import STDIN, Workspace
from argmap.resolve import resolve

from .strategies import untidy_maps

MAPS = Path(__file__).resolve().parents[2] / "maps"
POSITIONS = {"line", "column"}


def without_positions(data, folder: Path):
    """The export with lines and columns taken out and paths made relative."""
    if isinstance(data, dict):
        return {key: (str(Path(value).relative_to(folder)) if key == "path" and value != "<stdin>"
                      else without_positions(value, folder))
                for key, value in data.items() if key not in POSITIONS}
    if isinstance(data, list):
        return [without_positions(item, folder) for item in data]
    return data


def exports(folder: Path) -> dict:
    files = expand([str(folder)])
    workspace = Workspace()
    found = {}
    for root in roots(files, workspace):
        argmap, diagnostics = resolve(root, workspace)
        assert argmap is not None and not diagnostics, diagnostics
        found[str(Path(root).relative_to(folder))] = without_positions(to_data(argmap), folder)
    return found


def test_maps_export_the_same_after_formatting(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    for folder in (before, after):
        shutil.copytree(MAPS, folder / "maps")
        (folder / "argmap.yaml").write_text("")  # the project root for includes
    for path in (after / "maps").rglob("*.argmap"):
        result = format_bytes(untidy(path.read_bytes()), str(path))
        assert result.data is not None and result.changed, result.diagnostics
        path.write_bytes(result.data)
    original, formatted = exports(before), exports(after)
    assert original and formatted == original


def untidy(data: bytes) -> bytes:
    """The same map with twice the indentation and trailing spaces everywhere
    after the front matter, so that the formatter has work to do even on maps
    that are already formatted."""
    lines = data.decode("utf-8").split("\n")
    start = lines.index("---", 1) + 1 if lines[0] == "---" else 0
    for index in range(start, len(lines)):
        line = lines[index]
        lines[index] = " " * (len(line) - len(line.lstrip(" "))) + line + "  "
    return "\n".join(lines).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(untidy_maps())
def test_generated_maps_export_the_same_after_formatting(text):
    data = text.encode("utf-8")
    formatted = format_bytes(data, "<stdin>", 30).data
    assert formatted is not None
    assert export_of(formatted) == export_of(data)


def export_of(data: bytes) -> dict:
    workspace = Workspace()
    workspace.stdin_data = data
    argmap, diagnostics = resolve(STDIN, workspace)
    assert argmap is not None and not diagnostics, diagnostics
    return without_positions(to_data(argmap), Path("."))
