"""A long chain written as source stays linear in size: past MAX_DEPTH levels
the writer continues under a top-level `@id` anchor instead of indenting on."""

from __future__ import annotations

import json

from argmap.exporters.jsonmap import export
from argmap.importers.jsonmap import read
from argmap.resolve import resolve
from argmap.sides import theses
from argmap.writer import MAX_DEPTH, write


def _chain(n: int) -> bytes:
    nodes = [{"id": f"n{i}", "text": f"Claim {i}."} for i in range(n)]
    relations = [{"type": "rebuttal" if i % 2 else "support", "from": f"n{i + 1}", "to": f"n{i}"}
                 for i in range(n - 1)]
    return json.dumps({"nodes": nodes, "relations": relations}).encode()


def _relations(exported: str) -> list[tuple]:
    return sorted((r["type"], r["from"], r["to"]) for r in json.loads(exported)["relations"])


def test_a_long_chain_is_written_in_linear_size_and_means_the_same(tmp_path):
    n = 5_000
    imported, diagnostics = read(_chain(n), "chain.json")
    assert imported is not None and not diagnostics
    source, problems = write(imported)
    assert not problems
    # Nesting n deep would take about n*n spaces (25 MB); anchors keep it small.
    assert len(source) < 40 * n
    lines = source.splitlines()
    assert max(len(line) - len(line.lstrip(" ")) for line in lines) <= 2 * MAX_DEPTH
    assert sum(1 for line in lines if line.startswith("@")) >= n // MAX_DEPTH - 1
    path = tmp_path / "chain.argmap"
    path.write_text(source, encoding="utf-8")
    reread, errors = resolve(str(path))
    assert not errors
    assert _relations(export(reread)) == _relations(export(imported))
    # Anchors add children to a node; they do not make new theses.
    assert theses(reread) == ["n0"]
