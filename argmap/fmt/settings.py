"""The `fmt:` section of argmap.yaml (or [tool.argmap.fmt] in pyproject.toml):

    fmt:
      wrap: keep      # keep | no | a number of columns

--wrap on the command line wins over it."""

from __future__ import annotations

import os

from ..config import ConfigError, ConfigFile, find_config, load_config
from ..load import STDIN
from ..suggest import did_you_mean
from .wrapping import KEEP, NO_LIMIT, WrapError, parse_wrap

SECTION = "fmt"
KEYS = {"wrap": "keep (the default), no, or a number of columns"}


class WrapSettings:
    """The wrap setting for each file of one run; each configuration file is
    read once. Raises ConfigError for an invalid one."""

    def __init__(self, override: str | int | None = None):
        self.override = override
        self._by_config: dict = {}

    def for_path(self, path: str) -> str | int:
        if self.override is not None:
            return self.override
        config_path = find_config(os.getcwd() if path == STDIN else path)
        if config_path is None:
            return KEEP
        if config_path not in self._by_config:
            self._by_config[config_path] = _read(load_config(config_path))
        return self._by_config[config_path]


def _read(config: ConfigFile) -> str | int:
    section = config.section(SECTION)
    for key in section:
        if key not in KEYS:
            raise ConfigError(config.where(SECTION, key),
                              f"unknown key '{config.key_name(SECTION, key)}'",
                              did_you_mean(str(key), KEYS) or "valid keys: " + ", ".join(KEYS))
    value = section.get("wrap", KEEP)
    if value is False:  # YAML 1.1 reads a bare `no` as false
        return NO_LIMIT
    try:
        if isinstance(value, bool):
            raise WrapError(f"'{value}' is not keep, no, or a positive number of columns")
        return parse_wrap(str(value))
    except WrapError as exc:
        raise ConfigError(config.where(SECTION, "wrap"),
                          f"'{config.key_name(SECTION, 'wrap')}': {exc}",
                          "e.g. fmt:\\n  wrap: 100") from None
