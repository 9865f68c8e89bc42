"""Every example in docs/language.md does what the page says: ```argmap blocks
check clean (```argmap file=NAME blocks together, as one project),
```argmap-invalid CODE blocks give exactly that code, and the ```argmap
canonical block is left as it is by the formatter."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator

from argmap.exporters.jsonmap import export
from argmap.fmt import format_text
from argmap.source import SourceText

from .helpers import DOCS, check_folder, codes

SPEC = DOCS / "language.md"
SCHEMA = Draft202012Validator(json.loads((DOCS / "argmap.schema.json").read_text()))
_FENCE = re.compile(r"^```(argmap[^\n]*)\n(.*?)^```$", re.M | re.S)


def _blocks():
    text = SPEC.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        info, body = match.group(1).split(), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        found.append((info, body, line))
    return found


BLOCKS = _blocks()
SINGLE = [(body, line) for info, body, line in BLOCKS if info == ["argmap"]]
INVALID = [(info[1], body, line) for info, body, line in BLOCKS if info[0] == "argmap-invalid"]
FILES = {info[1].removeprefix("file="): body for info, body, _ in BLOCKS
         if len(info) == 2 and info[1].startswith("file=")}
CANONICAL = [body for info, body, _ in BLOCKS if info == ["argmap", "canonical"]]


def test_the_page_has_examples_of_every_kind():
    assert len(SINGLE) >= 15
    assert len(INVALID) >= 10
    assert len(FILES) >= 2
    assert len(CANONICAL) == 1
    kinds = {info[0] for info, _, _ in BLOCKS}
    assert kinds == {"argmap", "argmap-invalid"}, "an unknown fence kind would go untested"


@pytest.mark.parametrize(("body", "line"), SINGLE, ids=[f"line{line}" for _, line in SINGLE])
def test_valid_example_checks_clean(tmp_path, body, line):
    (tmp_path / "argmap.yaml").write_text("")
    (tmp_path / "example.argmap").write_text(body, encoding="utf-8")
    maps, diagnostics = check_folder(tmp_path)
    assert diagnostics == [], f"docs/language.md line {line}"
    assert maps and maps[0].nodes
    assert list(SCHEMA.iter_errors(json.loads(export(maps[0])))) == []


@pytest.mark.parametrize(("code", "body", "line"), INVALID,
                         ids=[f"{code}-line{line}" for code, _, line in INVALID])
def test_invalid_example_gives_the_stated_code(tmp_path, code, body, line):
    (tmp_path / "argmap.yaml").write_text("")
    (tmp_path / "example.argmap").write_text(body, encoding="utf-8")
    _, diagnostics = check_folder(tmp_path)
    assert set(codes(diagnostics)) == {code}, f"docs/language.md line {line}"
    assert all(d.hint for d in diagnostics)


def test_the_multi_file_example_checks_clean_as_a_project(tmp_path):
    (tmp_path / "argmap.yaml").write_text("")
    for name, body in FILES.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    maps, diagnostics = check_folder(tmp_path)
    assert diagnostics == []
    garden = next(m for m in maps if m.path.endswith("garden.argmap"))
    ids = {node.id for node in garden.nodes}
    assert {"garden", "water", "standpipe", "upkeep", "soil"} <= {i.split("#")[-1] for i in ids}
    assert "garden-soil.argmap#soil" in ids
    for argmap in maps:
        assert list(SCHEMA.iter_errors(json.loads(export(argmap)))) == []


def test_the_canonical_example_is_what_fmt_writes():
    (body,) = CANONICAL
    assert format_text(SourceText("canonical.argmap", body)) == body


def test_every_diagnostic_code_the_code_can_emit_is_in_the_table():
    table = set(re.findall(r"^\| (E\d{3}) \|", SPEC.read_text(encoding="utf-8"), re.M))
    emitted = set()
    for module in (DOCS.parent / "argmap").rglob("*.py"):
        if "importers" in module.parts:
            continue  # E4xx are the JSON importer's, documented in docs/json.md
        emitted |= set(re.findall(r'"(E[0-3]\d{2}|E999)"', module.read_text(encoding="utf-8")))
    assert emitted <= table, f"undocumented: {sorted(emitted - table)}"
    assert table <= emitted, f"documented but never emitted: {sorted(table - emitted)}"
