"""Builders of very large inputs, one per limit in docs/robustness.md. Used by
test_limits.py (the cheaper sizes) and by fuzz/limits.py, which measures time
and peak memory of the full sizes in a subprocess each."""

from __future__ import annotations

from pathlib import Path


def deep_nesting(levels: int = 10_000) -> bytes:
    """A chain of supports, each indented one column deeper than its parent."""
    lines = ["[root] The root claim."]
    lines += [" " * level + f"+ Reason {level}." for level in range(1, levels + 1)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def many_lines(lines: int = 1_000_000) -> bytes:
    """Ten-line blocks of every kind of line, `lines` lines in all."""
    block = ("[c{0}] Claim {0}.\n  + Reason for {0}.\n    source: s{0}\n  - Rebuttal {0}.\n"
             "    + Answer {0}.\n  ? Objection {0}\n    continues here.\n    - Reply {0}.\n"
             "\n// comment {0}\n")
    return "".join(block.format(index) for index in range(lines // 10)).encode("utf-8")


def long_line(size: int = 10_000_000) -> bytes:
    """One claim whose text is a single line of `size` bytes."""
    words = "word " * (size // 5)
    return f"A claim {words}".encode()[:size] + b"\n"


def many_claims(claims: int = 100_000) -> bytes:
    return "".join(f"Claim number {index}.\n" for index in range(claims)).encode("utf-8")


def reference_chain(length: int = 100_000) -> bytes:
    """Each claim supported by the next through a reference: a graph as deep as
    `length`, written without any indentation to speak of."""
    parts = [f"[n{index}] Claim {index}.\n  + @n{index + 1}\n" for index in range(length)]
    parts.append(f"[n{length}] The last claim.\n  source: s\n")
    return "".join(parts).encode("utf-8")


def attack_chain(length: int = 100_000) -> bytes:
    """Each claim objected to by the next: alternating sides, `length` deep."""
    parts = [f"[n{index}] Claim {index}.\n  ? @n{index + 1}\n" for index in range(length)]
    parts.append(f"[n{length}] The last objection.\n")
    return "".join(parts).encode("utf-8")


def deep_sections(levels: int = 2_000) -> bytes:
    """Headings nested one level deeper each: `#`, `##`, `###`, ..."""
    return "".join(f"{'#' * level} Section {level}\n\nClaim {level}.\n\n"
                   for level in range(1, levels + 1)).encode("utf-8")


def many_headings(headings: int = 100_000) -> bytes:
    """Top-level headings, one after another: each must find its parent quickly."""
    return "".join(f"# Heading {index}\n" for index in range(headings)).encode("utf-8")


def undefined_references(count: int = 20_000) -> bytes:
    """Claims that each refer to an id that no node has: each earns a diagnostic,
    and a "did you mean" search over every id would be quadratic."""
    return "".join(f"[id{index}] Claim {index}.\n  + @nope{index}\n"
                   for index in range(count)).encode("utf-8")


def include_chain(folder: Path, files: int = 2_000) -> Path:
    """`files` maps, each including the next; returns the first."""
    for index in range(files):
        include = f"---\ninclude: [m{index + 1}.argmap]\n---\n" if index + 1 < files else ""
        (folder / f"m{index}.argmap").write_text(f"{include}[c{index}] Claim {index}.\n",
                                                 encoding="utf-8")
    return folder / "m0.argmap"


BUILDERS = {"deep-nesting": deep_nesting, "many-lines": many_lines, "long-line": long_line,
            "many-claims": many_claims, "reference-chain": reference_chain,
            "attack-chain": attack_chain, "deep-sections": deep_sections,
            "many-headings": many_headings, "undefined-references": undefined_references}
