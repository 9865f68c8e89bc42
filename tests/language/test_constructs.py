"""Every construct of the language as a valid file, with its model (the JSON
export) kept as a snapshot; and the same files read the same with a BOM, CRLF
or CR line breaks, and without a final line break."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.exporters.jsonmap import to_data
from argmap.resolve import resolve

from .helpers import export_data

HERE = Path(__file__).parent / "valid"
CASES = sorted(p.name for p in HERE.iterdir() if p.suffix == ".argmap" or p.is_dir())


def _root(case: str) -> Path:
    path = HERE / case
    return path / "main.argmap" if path.is_dir() else path


def _export(path: Path) -> dict:
    argmap, diagnostics = resolve(str(path))
    assert diagnostics == []
    return export_data(argmap, HERE)


@pytest.mark.parametrize("case", CASES)
def test_construct_model(case, data_regression):
    data_regression.check(_export(_root(case)), basename=case.removesuffix(".argmap"))


SINGLE = [case for case in CASES if case.endswith(".argmap") and case != "empty.argmap"]


@pytest.mark.parametrize("variant", ["bom", "crlf", "cr", "no-final-newline"])
@pytest.mark.parametrize("case", SINGLE)
def test_encoding_variants_read_the_same(tmp_path, case, variant):
    text = (HERE / case).read_text(encoding="utf-8")
    data = {
        "bom": "\ufeff" + text,
        "crlf": text.replace("\n", "\r\n"),
        "cr": text.replace("\n", "\r"),
        "no-final-newline": text.rstrip("\n"),
    }[variant]
    copy = tmp_path / case
    copy.write_bytes(data.encode("utf-8"))
    expected, found = _export(HERE / case), _export(copy)
    for node in found["nodes"]:
        node["path"] = case
    assert found == expected


def test_an_empty_file_and_one_of_blank_lines_and_comments_are_empty_maps(tmp_path):
    for name, text in [("empty.argmap", ""), ("blank.argmap", "\n\n   \n"),
                       ("comments.argmap", "// only\n   // comments\n")]:
        (tmp_path / name).write_text(text)
        argmap, diagnostics = resolve(str(tmp_path / name))
        assert diagnostics == []
        assert to_data(argmap)["nodes"] == [] and to_data(argmap)["relations"] == []
