"""YAML front matter: the `---` block at the top of a map, with positions kept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from .diagnostics import DiagnosticSink
from .suggest import did_you_mean

if TYPE_CHECKING:
    import yaml

FENCE = "---"
KNOWN_KEYS = {
    "title": "the map's title",
    "description": "a longer description",
    "source": "the document that the map maps",
    "author": "who made the map",
    "date": "when the map was made",
    "include": "files whose nodes join this map",
    "theme": "diagram settings (see docs/render.md)",
}


_KINDS = {list: "list", dict: "mapping"}
MAX_YAML_DEPTH = 50
# Event class name -> change of nesting depth (names, so that yaml, which costs
# a sixth of a start-up, is imported only for a file that has front matter).
_NESTING = {"MappingStartEvent": 1, "SequenceStartEvent": 1,
            "MappingEndEvent": -1, "SequenceEndEvent": -1}
_NULL_TAG = "tag:yaml.org,2002:null"
# A line of the plainest front matter: a text key, then a value that YAML reads
# as the same text (it starts with a letter and holds only printable ASCII
# without ':' or '#', so it is a one-line plain scalar, not a number, date,
# list, mapping, quoted string, alias or comment). Front matter made only of
# such lines is read without YAML: importing PyYAML is a tenth of a small file's
# run. Anything else, including any mistake, goes to YAML, which reports it.
_PLAIN_ENTRY = re.compile(r'([a-z]+):[ ]+([A-Za-z](?:[ !"$-9;-~]*[!"$-9;-~])?)[ ]*\Z')
_PLAIN_KEYS = frozenset(KNOWN_KEYS) - {"include", "theme"}
_YAML_NULLS = frozenset(("null", "Null", "NULL"))


class Include(NamedTuple):
    target: str
    line: int
    column: int


class FrontMatter(NamedTuple):
    data: dict
    includes: tuple[Include, ...]
    key_lines: dict
    # Number of file lines that the block takes, fences included.
    line_count: int = 0


def empty(line_count: int = 0) -> FrontMatter:
    """No front matter, or none that could be read (each its own dicts)."""
    return FrontMatter({}, (), {}, line_count)


def split(text: str, sink: DiagnosticSink, lead: str = "") -> tuple[FrontMatter, str]:
    """Return the front matter and `lead` + the rest of the text, in which the
    front matter lines are replaced by empty lines so that later line numbers stay
    true. (The parser asks for a lead "\n": one copy of a large file, not two.)"""
    if not text.startswith(FENCE):
        return empty(), lead + text
    lines = _leading_lines(text)
    if next(lines)[1].rstrip(" \t") != FENCE:
        return empty(), lead + text
    yaml_lines = []
    for count, (end, line) in enumerate(lines, start=2):
        if line.rstrip(" \t") in (FENCE, "..."):
            # Each YAML line keeps its line break, as in the file: a `|` block
            # at the end of the front matter keeps its final newline.
            front = _load("".join(yaml_lines), sink)
            # The fences and the YAML between them become empty lines.
            rest = lead + "\n" * count + text[end + 1:]
            return front._replace(line_count=count), rest
        yaml_lines.append(line + "\n")
    sink.error("E110", 1, 1, "the front matter opened on line 1 is never closed, so the whole "
               "file was read as YAML", hint="end the YAML block with a line that holds only "
               "---; a file that does not start with --- has no front matter", end_column=4)
    return empty(line_count=text.count("\n") + 1), lead


def _leading_lines(text: str):
    """(end offset, line) of each line, read lazily: the front matter is short,
    and splitting a million-line file to find its end would cost a copy of it."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end == -1:
            end = len(text)
        yield end, text[start:end]
        start = end + 1


def _load(yaml_text: str, sink: DiagnosticSink) -> FrontMatter:
    plain = _plain(yaml_text)
    return plain if plain is not None else _load_yaml(yaml_text, sink)


def _load_yaml(yaml_text: str, sink: DiagnosticSink) -> FrontMatter:
    import yaml

    # Line 1 of the file is the opening fence, so YAML line 0 is file line 2.
    offset = 2
    place = _Places(yaml_text, offset)
    depth = 0
    try:
        for event in yaml.parse(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sink.error("E111", *place(event.start_mark),
                           "YAML anchors and aliases are not allowed in front matter",
                           hint="write the value out in full; aliases can expand without bound")
                return empty()
            depth += _NESTING.get(type(event).__name__, 0)
            if depth > MAX_YAML_DEPTH:  # PyYAML builds nested values by recursion
                sink.error("E111", *place(event.start_mark), "front matter is "
                           f"nested more than {MAX_YAML_DEPTH} levels deep",
                           hint="front matter holds a few settings: flatten the value")
                return empty()
        loader = yaml.SafeLoader(yaml_text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        _report_yaml_error(exc, place, sink)
        return empty()
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        sink.error("E111", *place.at(exc.position), "invalid YAML in front matter: the character "
                   f"U+{exc.character:04X} is not allowed in YAML",
                   hint="remove it, or write it as an escape inside a double-quoted string, "
                   'e.g. "\\x1f"')
        return empty()
    except yaml.YAMLError as exc:
        sink.error("E111", offset, 1, f"invalid YAML in front matter: {exc}",
                   hint="front matter is YAML: `key: value` lines, e.g. `title: My map`")
        return empty()
    except (ValueError, OverflowError) as exc:  # a value YAML cannot build, e.g. date 2024-13-01
        sink.error("E111", offset, 1, f"invalid value in front matter: {exc}",
                   hint="quote the value to keep it as text, e.g. date: \"2024-13-01\"")
        return empty()
    if node is None or data is None:
        return empty()
    if not isinstance(data, dict):
        sink.error("E112", offset, 1, "front matter must be a mapping of keys to values",
                   hint="write `key: value` lines, e.g. `title: My map`")
        return empty()
    return _validate(node, data, place, sink)


def _plain(yaml_text: str) -> FrontMatter | None:
    """What _load makes of front matter whose every line is a _PLAIN_ENTRY
    with a distinct known key; None for anything else."""
    data, key_lines = {}, {}
    # Line 1 of the file is the opening fence, so the first YAML line is line 2.
    for line, text in enumerate(yaml_text.split("\n")[:-1], start=2):
        entry = _PLAIN_ENTRY.match(text)
        if entry is None:
            return None
        key, value = entry.groups()
        if key not in _PLAIN_KEYS or key in data or value in _YAML_NULLS:
            return None
        data[key] = value
        key_lines[key] = line
    if not data:
        return None  # empty front matter: YAML decides what that is
    return FrontMatter(data, (), key_lines)


class _Places:
    """Where a YAML mark is in the file: (line, column), 1-based. Worked out
    from the mark's character index, not its line: PyYAML also breaks lines at
    U+0085, U+2028, U+2029 and a lone CR, which argmap reads as text."""

    def __init__(self, yaml_text: str, offset: int):
        self.offset = offset
        self.starts = [0]  # where each line of the YAML text starts
        found = yaml_text.find("\n")
        while found >= 0:
            self.starts.append(found + 1)
            found = yaml_text.find("\n", found + 1)

    def __call__(self, mark) -> tuple[int, int]:
        return self.at(mark.index)

    def at(self, index: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(self.starts, index) - 1
        return line + self.offset, index - self.starts[line] + 1


def _report_yaml_error(exc: yaml.MarkedYAMLError, place: _Places, sink: DiagnosticSink) -> None:
    problem = str(exc.problem or exc)
    at_end = "stream end" in problem or "end of stream" in problem
    problem = problem.replace("'<stream end>'", "the end of the front matter").replace(
        "end of stream", "end of the front matter")
    hint = _yaml_hint(problem)
    # Something left open is best shown where it was opened.
    mark = (exc.context_mark if at_end and exc.context_mark else
            exc.problem_mark or exc.context_mark)
    if exc.context and exc.context_mark and mark is not exc.context_mark:
        line, column = place(exc.context_mark)
        hint = f"{exc.context}, which starts at line {line}, column {column}; " + hint
    elif at_end and exc.context:
        problem = f"{problem} ({exc.context})"
    line, column = place(mark) if mark else (place.offset, 1)
    sink.error("E111", line, column, f"invalid YAML in front matter: {problem}", hint=hint)


def _yaml_hint(problem: str) -> str:
    if "'\\t'" in problem:
        return "YAML does not allow tabs: indent with spaces"
    if "mapping values are not allowed" in problem:
        return "a value that contains ': ' must be quoted, e.g. title: \"Furr: a reading\""
    return "front matter is YAML: `key: value` lines, e.g. `title: My map`"


def _validate(node, data: dict, place: _Places, sink: DiagnosticSink) -> FrontMatter:
    import yaml

    key_lines, includes, clean = {}, [], {}
    for key_node, value_node in node.value:
        key = key_node.value
        line, column = place(key_node.start_mark)
        if key in key_lines:
            sink.error("E115", line, column, f"front matter key '{key}' is given twice",
                       hint=f"the first is on line {key_lines[key]}; keep one",
                       end_column=column + len(str(key)))
            continue
        key_lines[key] = line
        if key not in KNOWN_KEYS:
            hint = did_you_mean(str(key), KNOWN_KEYS) or "known keys: " + ", ".join(KNOWN_KEYS)
            sink.error("E113", line, column, f"unknown front matter key '{key}'", hint=hint,
                       end_column=column + len(str(key)))
            continue
        value = data[key]
        if key == "include":
            found = _includes(value_node, place, sink)
            includes.extend(found)
            # The paths as they are followed, so that meta and includes agree.
            value = [include.target for include in found]
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


def _includes(value_node, place: _Places, sink: DiagnosticSink) -> list[Include]:
    import yaml

    items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
    found = []
    for item in items:
        line, column = place(item.start_mark)
        if (not isinstance(item, yaml.ScalarNode) or item.tag == _NULL_TAG
                or not item.value.strip()):
            sink.error("E114", line, column, "each 'include' entry must be a file path",
                       hint="e.g. include: [evidence.argmap, objections.argmap]")
            continue
        found.append(Include(item.value.strip(), line, column))
    return found
