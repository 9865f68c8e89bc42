"""Node numbers for the graph analyses.

Every node id of a map gets a small integer, and each relation's ends are
given as numbers too, so that a walk over a big map indexes lists instead of
looking ids up in dicts. At 100,000 nodes that matters: a dict keyed by id
outgrows the CPU caches, and each lookup costs several times what it does
at 10,000 (benchmarks/dict_scale.py).

An id's number is the position in `map.nodes` of the first node with that
id; a later node with the same id (a duplicate, error E300) shares it, so that
the analyses treat them as one node, as they do by id. Ids that no node
defines, which only a map built by hand can have, are numbered after the
nodes. The resolver numbers the map as it builds it (resolve.py); any other
map is numbered on first use by number_map()."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .model import Map


class Numbering(NamedTuple):
    # The id of each number. Numbers are positions, so ids[p] is also the id of
    # map.nodes[p] (a duplicate's position holds its shared id).
    ids: list[str]
    # The number of each node of map.nodes, by position.
    of_node: list[int]
    # The numbers of each relation's ends, by position in map.relations.
    sources: list[int]
    targets: list[int]
    conclusions: list[int | None]

    def number_of(self) -> dict[str, int]:
        """Id to number: a dict of every node, for the few lookups by id that
        an analysis takes (build it once and keep it)."""
        found: dict[str, int] = {}
        for number, node_id in enumerate(self.ids):
            found.setdefault(node_id, number)  # the first position is the number
        return found


def number_map(argmap: Map) -> Numbering:
    """The numbering of a map that the resolver did not number."""
    first: dict[str, int] = {}
    ids: list[str] = []
    of_node = []
    for position, node in enumerate(argmap.nodes):
        of_node.append(first.setdefault(node.id, position))
        ids.append(node.id)

    def number(node_id: str) -> int:
        found = first.get(node_id)
        if found is None:  # an end that no node defines
            found = first[node_id] = len(ids)
            ids.append(node_id)
        return found

    relations = argmap.relations
    sources = [number(r.source) for r in relations]
    targets = [number(r.target) for r in relations]
    conclusions = [None if r.conclusion is None else number(r.conclusion) for r in relations]
    return Numbering(ids, of_node, sources, targets, conclusions)
