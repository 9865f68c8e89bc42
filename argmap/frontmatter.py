"""YAML front matter: the `---` block at the top of a map, with positions kept."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import yaml

from .diagnostics import DiagnosticSink

FENCE = "---"
KNOWN_KEYS = {
    "title": "the map's title",
    "description": "a longer description",
    "source": "the document that the map maps",
    "author": "who made the map",
    "date": "when the map was made",
    "include": "files whose nodes join this map",
    "theme": "diagram settings (see docs/rendering.md)",
}


_KINDS = {list: "list", dict: "mapping"}


@dataclass(frozen=True, slots=True)
class Include:
    target: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class FrontMatter:
    data: dict = field(default_factory=dict)
    includes: tuple[Include, ...] = ()
    key_lines: dict = field(default_factory=dict)
    # Number of file lines that the block takes, fences included.
    line_count: int = 0


def split(text: str, sink: DiagnosticSink) -> tuple[FrontMatter, str]:
    """Return the front matter and the rest of the text, in which the front matter
    lines are replaced by empty lines so that later line numbers stay true."""
    if not text.startswith(FENCE):
        return FrontMatter(), text
    lines = text.split("\n")
    if lines[0].rstrip(" \t") != FENCE:
        return FrontMatter(), text
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in (FENCE, "..."):
            yaml_text = "\n".join(lines[1:index])
            front = _load(yaml_text, sink)
            # The fences and the YAML between them become empty lines.
            rest = "\n" * (index + 1) + "\n".join(lines[index + 1:])
            return FrontMatter(front.data, front.includes, front.key_lines, index + 1), rest
    sink.error("E110", 1, 1, "the front matter opened on line 1 is never closed, so the whole "
               "file was read as YAML", hint="end the YAML block with a line that holds only "
               "---; a file that does not start with --- has no front matter", end_column=4)
    return FrontMatter(line_count=len(lines)), ""


def _load(yaml_text: str, sink: DiagnosticSink) -> FrontMatter:
    # Line 1 of the file is the opening fence, so YAML line 0 is file line 2.
    offset = 2
    try:
        for event in yaml.parse(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                sink.error("E111", mark.line + offset, mark.column + 1,
                           "YAML anchors and aliases are not allowed in front matter",
                           hint="write the value out in full; aliases can expand without bound")
                return FrontMatter()
        loader = yaml.SafeLoader(yaml_text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + offset if mark else offset
        column = mark.column + 1 if mark else 1
        problem = str(exc.problem or exc).replace("<stream end>", "the end of the front matter")
        sink.error("E111", line, column, f"invalid YAML in front matter: {problem}",
                   hint=_yaml_hint(problem))
        return FrontMatter()
    except yaml.YAMLError as exc:
        sink.error("E111", offset, 1, f"invalid YAML in front matter: {exc}")
        return FrontMatter()
    if node is None or data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        sink.error("E112", offset, 1, "front matter must be a mapping of keys to values",
                   hint="write `key: value` lines, e.g. `title: My map`")
        return FrontMatter()
    return _validate(node, data, offset, sink)


def _yaml_hint(problem: str) -> str:
    if "'\\t'" in problem:
        return "YAML does not allow tabs: indent with spaces"
    if "mapping values are not allowed" in problem:
        return "a value that contains ': ' must be quoted, e.g. title: \"Furr: a reading\""
    return "front matter is YAML: `key: value` lines, e.g. `title: My map`"


def _validate(node, data: dict, offset: int, sink: DiagnosticSink) -> FrontMatter:
    key_lines, includes, clean = {}, [], {}
    for key_node, value_node in node.value:
        key = key_node.value
        line, column = key_node.start_mark.line + offset, key_node.start_mark.column + 1
        if key in key_lines:
            sink.error("E115", line, column, f"front matter key '{key}' is given twice",
                       hint=f"the first is on line {key_lines[key]}; keep one",
                       end_column=column + len(str(key)))
            continue
        key_lines[key] = line
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(KNOWN_KEYS)
            sink.error("E113", line, column, f"unknown front matter key '{key}'", hint=hint,
                       end_column=column + len(str(key)))
            continue
        value = data[key]
        if key == "include":
            includes.extend(_includes(value_node, offset, sink))
        elif key == "theme":
            if not isinstance(value, dict):
                sink.error("E114", line, column, "'theme' must be a mapping of settings",
                           hint="e.g. theme:\\n  rankdir: LR")
                continue
        elif isinstance(value_node, yaml.ScalarNode) and value is not None:
            # The text as written: `title: 1984` is the title "1984", not a number.
            value = value_node.value
        else:
            what = "empty" if value is None else f"a {_KINDS.get(type(value), 'value')}"
            sink.error("E114", line, column, f"'{key}' must be text, but it is {what}",
                       hint=f"write `{key}: ...` with a plain value on the same line",
                       end_column=column + len(str(key)))
            continue
        clean[key] = value
    return FrontMatter(clean, tuple(includes), key_lines)


def _includes(value_node, offset: int, sink: DiagnosticSink) -> list[Include]:
    items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
    found = []
    for item in items:
        line, column = item.start_mark.line + offset, item.start_mark.column + 1
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            sink.error("E114", line, column, "each 'include' entry must be a file path",
                       hint="e.g. include: [evidence.argmap, objections.argmap]")
            continue
        found.append(Include(str(item.value).strip(), line, column))
    return found
