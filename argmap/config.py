"""Project configuration: argmap.yaml, or [tool.argmap] in pyproject.toml.

The nearest configuration above a map applies to it: in each folder from the
map's own upward, argmap.yaml wins over a pyproject.toml, and a pyproject.toml
without a [tool.argmap] table is passed over. This module finds and reads the
file and checks its top level; each section is validated by the part of
argmap that owns it (`lint:` by argmap.lint.settings, `render:` by the
renderer), with ConfigError for anything invalid (exit code 2).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import NamedTuple

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
# a millisecond.
class ConfigFile(NamedTuple):
    path: Path
    data: dict
    # (key, subkey, ...) -> (line, column) of the key, where the format gives it.
    positions: dict
    # A prefix for key names in messages: "" in argmap.yaml, "tool.argmap." in TOML.
    prefix: str = ""

    @property
    def folder(self) -> Path:
        return self.path.parent

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


def shown(path: Path) -> str:
    """A path as messages show it: relative to the working folder when it is
    below it, as people typed it; absolute otherwise."""
    absolute = path.absolute()
    if absolute.is_relative_to(Path.cwd()):
        return absolute.relative_to(Path.cwd()).as_posix()
    return str(path)


def find_config(start: str | os.PathLike) -> Path | None:
    """The configuration file that applies to `start` (a file or a folder)."""
    start = Path(start)
    folder = (start if start.is_dir() else start.parent).resolve()
    for candidate in (folder, *folder.parents):
        yaml_file = candidate / CONFIG_NAME
        if yaml_file.is_file():
            return yaml_file
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_config(path: str | os.PathLike) -> ConfigFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(shown(path), f"cannot read the configuration: {exc}") from None
    config = _from_toml(path, text) if path.name == PYPROJECT else _from_yaml(path, text)
    _check_sections(config)
    return config


def _check_sections(config: ConfigFile) -> None:
    for key in config.data:
        if key not in SECTIONS:
            close = difflib.get_close_matches(str(key), SECTIONS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else None
            raise ConfigError(config.where(key), f"unknown key '{config.key_name(key)}'; "
                              f"valid keys: {', '.join(SECTIONS)}", hint)
        if config.data[key] is not None and not isinstance(config.data[key], dict):
            raise ConfigError(config.where(key), f"'{config.key_name(key)}' must be a mapping "
                              "of settings", f"e.g. {key}:\\n  ... (see docs/configuration.md)")


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False  # not ours to judge; a broken pyproject is another tool's problem
    if "argmap" not in text and "\\u" not in text and "\\U" not in text:
        # No key can spell "argmap" without those letters, or an escape in a
        # quoted key: most projects' pyproject.toml is settled without parsing it.
        return False
    import tomllib  # here, as yaml below: only a run that meets [tool.argmap] pays for it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return isinstance(data.get("tool"), dict) and "argmap" in data["tool"]


def _from_toml(path: Path, text: str) -> ConfigFile:
    import tomllib

    try:
        data = tomllib.loads(text).get("tool", {}).get("argmap", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(shown(path), f"invalid TOML: {exc}") from None
    # tomllib gives no positions: point at the [tool.argmap] table instead.
    line = next((n for n, row in enumerate(text.splitlines(), 1)
                 if row.strip().startswith("[tool.argmap")), 1)
    positions = {(key,): (line, 1) for key in data}
    return ConfigFile(path, data, positions, "tool.argmap.")


def _from_yaml(path: Path, text: str) -> ConfigFile:
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


def _refuse_aliases(path: Path, text: str) -> None:
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
