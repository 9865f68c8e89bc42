"""The `render:` section of argmap.yaml (or [tool.argmap.render]) and the
theme of one map: argmap's defaults, then the configuration's `render.theme`,
then the map's own front matter `theme:`.

A bad setting in the configuration is a ConfigError (exit code 2) at the
key's line; a bad `theme:` in a map's front matter is a diagnostic at the
line and column of the key in that map (exit code 1), like any other error
in the input."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import ConfigError, ConfigFile
from ..diagnostics import Diagnostic
from ..suggest import did_you_mean
from .graphviz import ENGINES, FORMATS
from .theme import Theme, ThemeError, apply_layer

if TYPE_CHECKING:  # the model is loaded only when a map is (a no-op run loads none)
    from ..model import Map

THEME_CODE = "E501"
RENDER_KEYS = {
    "maps": "folder of maps that `argmap render` renders (default maps)",
    "output": "folder that receives the diagrams (default rendered)",
    "formats": "list of formats to write: svg, png, pdf, dot (default [svg])",
    "engine": "Graphviz layout program (default dot)",
    "timeout": "seconds one layout may take (default: no limit)",
    "theme": "the look of every diagram (docs/render.md)",
}


@dataclass(frozen=True)
class Options:
    """Command-line choices that change the picture."""

    marks: bool | None = None  # None: as the theme says
    status: str | None = None  # None, "grounded" or "support"

    @property
    def key(self) -> str:
        return f"marks={self.marks};status={self.status}"


@dataclass(frozen=True)
class RenderSettings:
    folder: Path = field(default_factory=Path.cwd)
    maps: str = "maps"
    output: str = "rendered"
    formats: tuple[str, ...] = ("svg",)
    engine: str = "dot"
    timeout: float | None = None
    theme: Theme = field(default_factory=Theme)
    config: ConfigFile | None = None
    # True when --config named the file: it then applies to every map.
    forced: bool = False
    # Loaded configurations by path, shared by the maps of one run.
    loaded: dict = field(default_factory=dict, compare=False, repr=False)

    def config_for(self, path: str) -> ConfigFile | None:
        """The configuration that applies to the map at `path`: --config if
        given, else the nearest one above the map (as for `argmap lint`)."""
        if self.forced or path == "-":
            return self.config
        from ..config import find_config, load_config

        found = find_config(path)
        if found is None:
            return None
        if self.config is not None and found == os.path.realpath(self.config.path):
            return self.config
        if found not in self.loaded:
            config = load_config(found)
            render_settings(config)  # its render: section must be valid too
            self.loaded[found] = config
        return self.loaded[found]

    def theme_for(self, config: ConfigFile | None) -> Theme:
        """The project's theme, then the map's own configuration's theme."""
        if config is None or config is self.config:
            return self.theme
        return _config_theme(config, config.section("render").get("theme"), self.theme)

    @property
    def maps_folder(self) -> Path:
        return self.folder / self.maps

    @property
    def output_folder(self) -> Path:
        return self.folder / self.output


def render_settings(config: ConfigFile | None) -> RenderSettings:
    """Settings from a loaded configuration (None: the defaults); ConfigError
    for anything invalid."""
    if config is None:
        return RenderSettings()
    section = config.section("render")
    for key in section:
        if key not in RENDER_KEYS:
            raise ConfigError(config.where("render", key),
                              f"unknown key '{config.key_name('render', key)}'; valid keys: "
                              f"{', '.join(RENDER_KEYS)}", did_you_mean(str(key), RENDER_KEYS))
    return RenderSettings(
        folder=Path(config.folder),
        maps=_folder(config, section, "maps"),
        output=_folder(config, section, "output"),
        formats=parse_formats(section.get("formats", ["svg"]), config),
        engine=_engine(config, section.get("engine", "dot")),
        timeout=_timeout(config, section.get("timeout")),
        theme=_config_theme(config, section.get("theme"), Theme()),
        config=config)


def parse_formats(value, config: ConfigFile | None = None) -> tuple[str, ...]:
    """A list of formats, or text like "svg,png"; ConfigError if invalid."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        _fail(config, ("render", "formats"), "'formats' must be a list of formats",
              "e.g. formats: [svg, png]")
    chosen = []
    for item in items:
        name = str(item).strip().lower()
        if name not in FORMATS:
            _fail(config, ("render", "formats"), f"unknown format '{item}'; valid formats: "
                  f"{', '.join(FORMATS)}", did_you_mean(name, FORMATS))
        chosen.append(name)
    return tuple(dict.fromkeys(chosen))


def map_theme(base: Theme, argmap: Map) -> tuple[Theme, list[Diagnostic]]:
    """`base` with the map's front matter `theme:`; a bad key is a diagnostic
    at its place in the map's root file."""
    layer = argmap.meta.get("theme")
    try:
        return apply_layer(base, layer), []
    except ThemeError as exc:
        line, column = _front_position(argmap.path, ("theme", *exc.keys))
        return base, [Diagnostic(argmap.path, line, column, THEME_CODE,
                                 f"theme: {exc.message}", hint=exc.hint)]


def _config_theme(config: ConfigFile, layer, base: Theme) -> Theme:
    try:
        return apply_layer(base, layer)
    except ThemeError as exc:
        raise ConfigError(config.where("render", "theme", *exc.keys),
                          f"{config.key_name('render', 'theme')}: {exc.message}",
                          exc.hint) from None


def _folder(config: ConfigFile, section: dict, key: str) -> str:
    value = section.get(key, key if key == "maps" else "rendered")
    if not isinstance(value, str) or not value.strip():
        _fail(config, ("render", key), f"'{key}' must be a folder name",
              f"e.g. {key}: {RenderSettings.__dataclass_fields__[key].default}")
    return value


def _engine(config: ConfigFile, value) -> str:
    if value not in ENGINES:
        _fail(config, ("render", "engine"), f"unknown engine {value!r}; valid engines: "
              f"{', '.join(ENGINES)}", did_you_mean(str(value), ENGINES))
    return value


def _timeout(config: ConfigFile, value) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        _fail(config, ("render", "timeout"), f"'timeout' must be a number of seconds above 0, "
              f"not {value!r}", "e.g. timeout: 60")
    return float(value)


def _fail(config: ConfigFile | None, keys: tuple, message: str, hint: str | None = None):
    where = config.where(*keys) if config else "argmap render"
    raise ConfigError(where, message, hint)


def _front_position(path: str, keys: tuple) -> tuple[int, int]:
    """Line and column of the deepest of `keys` found in the file's front
    matter; the resolver keeps only top-level lines, so read it again here."""
    import yaml
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1, 1
    lines = text.replace("\r\n", "\n").split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if not lines or lines[0].rstrip() != "---" or end is None:
        return 1, 1
    try:
        node = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 1, 1
    found = (1, 1)
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        match = next(((k, v) for k, v in node.value if k.value == str(key)), None)
        if match is None:
            break
        found = (match[0].start_mark.line + 2, match[0].start_mark.column + 1)
        node = match[1]
    return found
