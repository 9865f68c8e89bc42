"""Generate benchmark maps of N nodes in several shapes, in argmap's language and
in Argdown syntax, so that both tools do the same work.

    python benchmarks/generate.py OUT_DIR [--sizes 100,1000,...]

Shapes:
  tree   a balanced tree (3 children a node) of supports, rebuttals and objections
  flat   one thesis with N-1 direct children
  chain  a chain N deep (each node supports the one before it), written as
         top-level `@id` lines so that the file does not grow with the square of N
  refs   a tree of N/2 nodes plus N/2 reference lines reusing earlier nodes
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SIZES = (100, 1_000, 10_000, 100_000)
SHAPES = ("tree", "flat", "chain", "refs")
# argmap marker -> Argdown relation symbol
_ARGDOWN = {"+": "+", "-": "-", "?": "-"}
_MARKERS = ("+", "-", "?")


def _text(index: int) -> str:
    return f"Claim number {index} says something that needs saying, with a reason or two."


def _tree_parents(n: int, fanout: int = 3) -> list[int]:
    return [-1] + [(i - 1) // fanout for i in range(1, n)]


def _layout(parents: list[int]) -> list[tuple[int, int]]:
    """(node, depth) in document order, without recursion."""
    children: list[list[int]] = [[] for _ in parents]
    for node, parent in enumerate(parents):
        if parent >= 0:
            children[parent].append(node)
    order, stack = [], [(0, 0)]
    while stack:
        node, depth = stack.pop()
        order.append((node, depth))
        stack.extend((child, depth + 1) for child in reversed(children[node]))
    return order


def _parents(shape: str, n: int) -> list[int]:
    if shape in ("tree", "refs"):
        return _tree_parents(n if shape == "tree" else max(n // 2, 1))
    return [-1] + [0] * (n - 1)  # flat


def _chain(n: int) -> tuple[str, str]:
    ours, theirs = ["---", f"title: chain {n}", "---", f"[n0] {_text(0)}"], [f"[n0]: {_text(0)}"]
    for node in range(1, n):
        ours += [f"@n{node - 1}", f"  + [n{node}] {_text(node)}"]
        theirs += ["", f"[n{node - 1}]", f"  + [n{node}]: {_text(node)}"]
    return "\n".join(ours) + "\n", "\n".join(theirs) + "\n"


def generate(shape: str, n: int, seed: int = 7) -> tuple[str, str]:
    """Return (argmap source, Argdown source) for one map."""
    if shape == "chain":
        return _chain(n)
    parents = _parents(shape, n)
    rng = random.Random(seed)
    extra_refs = n - len(parents) if shape == "refs" else 0
    refs_under: dict[int, list[int]] = {}
    for _ in range(extra_refs):
        target, source = rng.randrange(len(parents)), rng.randrange(len(parents))
        refs_under.setdefault(target, []).append(source)
    ours, theirs = ["---", f"title: {shape} {n}", "---"], [f"# {shape} {n}", ""]
    for node, depth in _layout(parents):
        marker = _MARKERS[node % 3]
        indent = "  " * depth
        if depth == 0:
            ours.append(f"[n{node}] {_text(node)}")
            theirs.append(f"[n{node}]: {_text(node)}")
        else:
            ours.append(f"{indent}{marker} [n{node}] {_text(node)}")
            theirs.append(f"{indent}{_ARGDOWN[marker]} [n{node}]: {_text(node)}")
        for source in refs_under.get(node, ()):
            ours.append(f"{indent}  + @n{source}")
            theirs.append(f"{indent}  + [n{source}]")
    return "\n".join(ours) + "\n", "\n".join(theirs) + "\n"


def write_all(out: Path, sizes=SIZES, shapes=SHAPES) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for shape in shapes:
        for n in sizes:
            ours, theirs = generate(shape, n)
            base = out / f"{shape}-{n}"
            base.with_suffix(".argmap").write_text(ours, encoding="utf-8")
            base.with_suffix(".argdown").write_text(theirs, encoding="utf-8")
            written.append(base)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for base in write_all(args.out, sizes, args.shapes.split(",")):
        print(base)


if __name__ == "__main__":
    main()
