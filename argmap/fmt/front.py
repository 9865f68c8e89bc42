"""Front matter in its canonical spelling: the known keys in a fixed order, one
key per line. Text stays as written when it is plain YAML that fits its line;
otherwise it is spelled as PyYAML would (quoted where it must be), folded
(`>-`) at the width when too long, or a literal block (`|`) when it holds line
breaks. `include` is a flow list when it fits on its line, a block list when
not; `theme` is a block mapping.

YAML comments cannot survive a rewrite, so a block that has them is kept as
written, as is one that this could not write back to the same front matter
(checked by reading it again with argmap.frontmatter)."""

from __future__ import annotations

import re

import yaml

from ..diagnostics import DiagnosticSink
from ..frontmatter import FENCE, KNOWN_KEYS
from ..frontmatter import split as read_front_matter
from .wrapping import KEEP, NO_LIMIT, display_width, fill_atoms

KEY_ORDER = tuple(KNOWN_KEYS)  # title, description, source, author, date, include, theme
KEEP_WIDTH = 100  # the width for long values when text lines are kept as written
INDENT = "  "
_FOLD_AT = re.compile(r"(?<=\S) (?=\S)")
_INFINITE = float("inf")


def format_front(source_lines: list[str], line_count: int, wrap) -> list[str]:
    """The front matter's lines (fences included), or [] when there is none."""
    if not line_count:
        return []
    written = source_lines[1:line_count - 1]
    yaml_text = "\n".join(written)
    root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    if root is None and "#" not in yaml_text:
        return []  # an empty block says nothing
    canonical = None
    if isinstance(root, yaml.MappingNode):
        kept = _written_folds(written) if wrap == KEEP else {}
        canonical = _canonical(root, _width(wrap), kept)
    if (canonical is None or "".join(canonical).count("#") < yaml_text.count("#")
            or _meaning(canonical) != _meaning(written)):
        return [FENCE, *written, FENCE]
    return [FENCE, *canonical, FENCE]


def _meaning(lines: list[str]):
    sink = DiagnosticSink("<front matter>")
    front, _ = read_front_matter("\n".join([FENCE, *lines, FENCE, ""]), sink)
    return front.data, [include.target for include in front.includes], sink.items


def _canonical(root: yaml.MappingNode, width: float, kept: dict) -> list[str] | None:
    entries = {key.value: value for key, value in root.value}
    if len(entries) != len(root.value) or any(key not in KEY_ORDER for key in entries):
        return None
    lines: list[str] = []
    for key in KEY_ORDER:
        if key not in entries:
            continue
        node = entries[key]
        folded = kept.get(key)
        if folded and isinstance(node, yaml.ScalarNode) and " ".join(folded) == node.value:
            lines += [f"{key}: >-", *(INDENT + line for line in folded)]
        else:
            lines += _entry(key, node, width)
    return lines


def _entry(key: str, node, width: float) -> list[str]:
    if isinstance(node, yaml.ScalarNode):  # argmap reads the text as written
        return _text(key, node.value, node.style is None, width)
    if isinstance(node, yaml.SequenceNode) and all(
            isinstance(item, yaml.ScalarNode) and "\n" not in item.value for item in node.value):
        items = [item.value for item in node.value]
        line = f"{key}: [" + ", ".join(_flow_item(item) for item in items) + "]"
        if display_width(line) <= width:
            return [line]
        return [f"{key}:", *(INDENT + _dumped_item(item) for item in items)]
    return _dumped(key, yaml.safe_load(yaml.serialize(node)))


def _text(key: str, value: str, plain: bool, width: float) -> list[str]:
    if "\n" in value:
        return _literal(key, value) or _dumped(key, value)
    line = f"{key}: {value}" if plain and value else _dumped(key, value)[0]
    if display_width(line) <= width:
        return [line]
    return _folded(key, value, width) or [line]


def _written_folds(written: list[str]) -> dict[str, list[str]]:
    """The lines of each `key: >-` block as the author wrapped them, so that
    --wrap keep keeps them."""
    folds: dict[str, list[str]] = {}
    key = None
    for line in written:
        if line.endswith(": >-") and not line[0].isspace():
            key = line[:-4]
            folds[key] = []
        elif key is not None and line[:1] == " " and line.strip():
            folds[key].append(line.strip())
        else:
            key = None
    return folds


def _flow_item(value: str) -> str:
    """An item as YAML writes it inside `[...]`: quoted only if it must be."""
    return yaml.safe_dump([value], default_flow_style=True, allow_unicode=True,
                          width=_INFINITE).strip()[1:-1]


def _dumped_item(value: str) -> str:
    return yaml.safe_dump([value], default_flow_style=False, allow_unicode=True,
                          width=_INFINITE).strip()


def _folded(key: str, value: str, width: float) -> list[str] | None:
    """`key: >-` and the text wrapped at single spaces: YAML folds each line
    break back into one space."""
    if value != value.strip() or not value.isprintable():
        return None
    lines = fill_atoms(_FOLD_AT.split(value), width - len(INDENT), width - len(INDENT))
    return [f"{key}: >-", *(INDENT + line for line in lines)]


def _literal(key: str, value: str) -> list[str] | None:
    """`key: |` with the lines as they are."""
    body = value[:-1] if value.endswith("\n") else value
    lines = body.split("\n")
    if (body.endswith("\n") or lines[0][:1].isspace()
            or any(line != line.rstrip() or not line.isprintable() for line in lines)):
        return None
    chomp = "" if value.endswith("\n") else "-"
    return [f"{key}: |{chomp}", *(INDENT + line if line else "" for line in lines)]


def _dumped(key: str, value) -> list[str]:
    text = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False,
                          default_flow_style=False, width=_INFINITE)
    return text.splitlines()


def _width(wrap) -> float:
    if wrap == KEEP:
        return KEEP_WIDTH
    if wrap == NO_LIMIT:
        return _INFINITE
    return wrap
