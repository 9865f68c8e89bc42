"""Project configuration: argmap.yaml, or [tool.argmap] in pyproject.toml.

The nearest configuration above a map applies to it: in each folder from the
map's own upward, argmap.yaml wins over a pyproject.toml, and a pyproject.toml
without a [tool.argmap] table is passed over. This module finds and reads the
file and checks its top level; each section is validated by the part of
argmap that owns it (`lint:` by argmap.lint.settings, `render:` by the
renderer), with ConfigError for anything invalid (exit code 2).
"""

from __future__ import annotations

import os
from typing import NamedTuple

from .suggest import did_you_mean

CONFIG_NAME = "argmap.yaml"
PYPROJECT = "pyproject.toml"
MAX_YAML_DEPTH = 50

# The top-level sections and what they hold; add a line here for a new one.
SECTIONS = {
    "lint": "lint rules, their severities and options, and which files to lint",
    "render": "diagram settings (docs/render.md)",
    "fmt": "formatter settings: wrap (docs/formatter.md)",
}


class ConfigError(Exception):
    """Invalid configuration: names the file, the place, the key and what is valid."""

    def __init__(self, where: str, message: str, hint: str | None = None):
        super().__init__(f"{where}: {message}" + (f"\n  hint: {hint}" if hint else ""))
        self.where, self.message, self.hint = where, message, hint


# A NamedTuple, not a dataclass: defining a dataclass costs every start-up about
# a millisecond. Paths here are plain str handled by os.path, not pathlib: pathlib
# and what it imports (urllib.parse, ipaddress, fnmatch) cost every start-up ~3 ms.
class ConfigFile(NamedTuple):
    path: str  # absolute when found by find_config, else as given
    data: dict
    # (key, subkey, ...) -> (line, column) of the key, where the format gives it.
    positions: dict
    # A prefix for key names in messages: "" in argmap.yaml, "tool.argmap." in TOML.
    prefix: str = ""

    @property
    def folder(self) -> str:
        return os.path.dirname(self.path) or os.curdir

    def section(self, name: str) -> dict:
        return self.data.get(name) or {}

    def where(self, *keys) -> str:
        """`path:line:col` of the deepest of `keys` that the file has a position for."""
        for depth in range(len(keys), 0, -1):
            if keys[:depth] in self.positions:
                line, column = self.positions[keys[:depth]]
                return f"{self.shown_path}:{line}:{column}"
        return self.shown_path

    @property
    def shown_path(self) -> str:
        return shown(self.path)

    def key_name(self, *keys) -> str:
        return self.prefix + ".".join(str(k) for k in keys)


def shown(path: str | os.PathLike) -> str:
    """A path as messages show it: relative to the working folder when it is
    below it, as people typed it; absolute otherwise."""
    given = os.fspath(path)
    # Part by part and without resolving `..`, as pathlib's relative_to did, so
    # that messages read as they always have.
    parts, cwd = _parts(os.path.join(os.getcwd(), given)), _parts(os.getcwd())
    if [os.path.normcase(p) for p in parts[:len(cwd)]] == [os.path.normcase(p) for p in cwd]:
        return "/".join(parts[len(cwd):]) or "."
    return given


def _parts(path: str) -> list[str]:
    """The names in `path`, as pathlib splits it: without `.` and empty ones."""
    if os.altsep:
        path = path.replace(os.altsep, os.sep)
    return [part for part in path.split(os.sep) if part not in ("", ".")]


def find_config(start: str | os.PathLike) -> str | None:
    """The absolute path of the configuration file that applies to `start`
    (a file or a folder), or None."""
    start = os.fspath(start)
    folder = os.path.realpath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        yaml_file = os.path.join(folder, CONFIG_NAME)
        if os.path.isfile(yaml_file):
            return yaml_file
        pyproject = os.path.join(folder, PYPROJECT)
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_config(path: str | os.PathLike) -> ConfigFile:
    path = os.fspath(path)
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(shown(path), f"cannot read the configuration: {exc}") from None
    is_toml = os.path.basename(path) == PYPROJECT
    config = _from_toml(path, text) if is_toml else _from_yaml(path, text)
    _check_sections(config)
    return config


def _read_text(path: str) -> str:
    from .load import read_bytes  # bounded: --config /dev/zero must not eat the memory

    text = read_bytes(path).decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as open() in text mode reads


def _check_sections(config: ConfigFile) -> None:
    for key in config.data:
        if key not in SECTIONS:
            raise ConfigError(config.where(key), f"unknown key '{config.key_name(key)}'; "
                              f"valid keys: {', '.join(SECTIONS)}",
                              did_you_mean(str(key), SECTIONS))
        if config.data[key] is not None and not isinstance(config.data[key], dict):
            raise ConfigError(config.where(key), f"'{config.key_name(key)}' must be a mapping "
                              "of settings", f"e.g. {key}:\\n  ... (see docs/configuration.md)")


def may_define_tool_argmap(text: str) -> bool:
    """False only when the TOML `text` cannot define the key tool.argmap.

    Deciding it without tomllib saves a run 3-5 ms (the import and the parse),
    and most pyproject.toml files that mention "argmap" do so for another reason:
    a dependency, a script's name. A wrong "maybe" costs only that parse; a wrong
    "no" would silently ignore a user's settings, so every way that TOML 1.0 has
    to define the key is let through. What makes the scan sound: every statement
    (a [header] or a key = value) starts a line, after spaces or tabs; keys and
    headers never span lines; and only a \\u or \\U escape can spell a letter.
    A line scan, not a regex: compiling one costs about half a millisecond."""
    if "\\u" in text or "\\U" in text:
        return True  # a quoted key could spell tool or argmap with escapes
    last_mention = text.rfind("argmap")
    tool_header_seen = False
    line_start = 0
    for line in text.split("\n"):
        if line_start > last_mention:
            return False  # each way below needs "argmap" on its line or after it
        statement = line.lstrip(" \t")
        if statement.startswith("["):
            if _names_tool_argmap(statement):
                return True
            # Any [tool] so far counts, not only the latest: a header-like line in
            # a multi-line string must not hide the real one.
            tool_header_seen |= _starts_with_key(statement[1:].lstrip(" \t"), "tool", ("]",))
        elif _starts_with_key(statement, "tool", (".", "=")):
            # tool.argmap.x = 1, or tool = { argmap = {} }: "argmap" may be on a
            # later line, as an inline table spans lines when a value before
            # argmap (a multi-line string, an array) does.
            return True
        elif tool_header_seen and _starts_with_key(statement, "argmap", (".", "=")):
            return True  # [tool], then argmap = {...} or argmap.lint.x = ...
        line_start += len(line) + 1
    return False


def _starts_with_key(text: str, name: str, then: tuple[str, ...]) -> bool:
    """Whether `text` starts with the key `name`, bare or quoted, and then
    (after spaces or tabs) one of `then`."""
    for key in (name, f'"{name}"', f"'{name}'"):
        if text.startswith(key):
            return text[len(key):].lstrip(" \t").startswith(then)
    return False


def _has_tool_table(path: str) -> bool:
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError):
        return False  # not ours to judge; a broken pyproject is another tool's problem
    if not may_define_tool_argmap(text):
        return False
    import tomllib  # here, as yaml below: only a run that meets [tool.argmap] pays for it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        # Broken TOML is another tool's problem, unless it has an argmap table:
        # then its settings would be ignored without a word. It is taken as the
        # configuration, and loading it reports the error.
        return _has_argmap_header(text)
    return isinstance(data.get("tool"), dict) and "argmap" in data["tool"]


def _has_argmap_header(text: str) -> bool:
    """Whether a line of `text` is a table header naming tool, then argmap."""
    return any(_names_tool_argmap(line.lstrip(" \t")) for line in text.split("\n"))


def _names_tool_argmap(statement: str) -> bool:
    """Whether `statement` is a table header with tool, then argmap:
    [tool.argmap], [[ "tool" . 'argmap'.lint ]]."""
    tool_at = statement.find("tool")
    return statement.startswith("[") and tool_at >= 0 and "argmap" in statement[tool_at:]


def _toml_place(message: str, text: str) -> tuple[str, str]:
    """tomllib's "... (at line 3, column 5)" as ("...", ":3:5"); the end of
    the document is the line after its last line break."""
    if message.endswith(" (at end of document)"):
        last_line = text.count("\n") + 1
        return message.removesuffix(" (at end of document)"), f":{last_line}:1"
    head, found, rest = message.rpartition(" (at line ")
    line, comma, column = rest.rstrip(")").partition(", column ")
    if found and comma and line.isdigit() and column.isdigit():
        return head, f":{line}:{column}"
    return message, ""


def _from_toml(path: str, text: str) -> ConfigFile:
    import tomllib

    try:
        data = tomllib.loads(text).get("tool", {}).get("argmap", {})
    except tomllib.TOMLDecodeError as exc:
        message, place = _toml_place(str(exc), text)
        raise ConfigError(shown(path) + place, f"invalid TOML: {message}",
                          "the file must be valid TOML for argmap to read its [tool.argmap] "
                          "settings") from None
    # tomllib gives no positions: point at the [tool.argmap] table instead.
    line = next((n for n, row in enumerate(text.splitlines(), 1)
                 if row.strip().startswith("[tool.argmap")), 1)
    positions = {(key,): (line, 1) for key in data}
    return ConfigFile(path, data, positions, "tool.argmap.")


def _from_yaml(path: str, text: str) -> ConfigFile:
    import yaml  # only when there is a file to read: it costs a start-up a sixth

    try:
        _refuse_aliases(path, text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown(path)}:{mark.line + 1}:{mark.column + 1}" if mark else shown(path)
        raise ConfigError(where, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(shown(path), f"invalid YAML: {exc}") from None
    except (ValueError, OverflowError) as exc:  # a value YAML cannot build, e.g. a bad date
        raise ConfigError(shown(path), f"invalid value in the configuration: {exc}",
                          "quote the value to keep it as text") from None
    if data is None:
        return ConfigFile(path, {}, {})
    if not isinstance(data, dict):
        raise ConfigError(f"{shown(path)}:1:1", "the configuration must be a mapping of sections",
                          "e.g. lint:\\n  ignore: [long-claim]")
    return ConfigFile(path, data, _positions(node))


def _refuse_aliases(path: str, text: str) -> None:
    import yaml

    # Aliases can expand without bound (the "billion laughs"): refuse them all.
    # Deep nesting too: PyYAML builds nested values by recursion.
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        mark = event.start_mark
        where = f"{shown(path)}:{mark.line + 1}:{mark.column + 1}"
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ConfigError(where, "YAML anchors and aliases are not allowed in configuration",
                              "write the value out in full")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth > MAX_YAML_DEPTH:
            raise ConfigError(where, f"the configuration is nested more than {MAX_YAML_DEPTH} "
                              "levels deep", "flatten it: settings are a few levels deep")


def _positions(root) -> dict:
    """Key paths of every mapping key in the YAML node tree, walked without recursion."""
    import yaml

    positions: dict = {}
    stack = [((), root)]
    while stack:
        keys, node = stack.pop()
        if not isinstance(node, yaml.MappingNode):
            continue
        for key_node, value_node in node.value:
            path = (*keys, key_node.value)
            positions[path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            stack.append((path, value_node))
    return positions
