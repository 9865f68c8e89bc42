"""The `lint:` section of the configuration, validated strictly, and the
--select/--ignore flags: which rules run, at what severity, with which options."""

from __future__ import annotations

import os
from typing import NamedTuple

from ..config import ConfigError, ConfigFile
from ..diagnostics import Severity
from ..suggest import did_you_mean
from .paths import PathFilter
from .registry import RULES
from .rule import Rule

LINT_KEYS = ("select", "ignore", "rules", "include", "exclude")
SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO,
              "off": None}
ALL = "ALL"


class LintSettings(NamedTuple):
    enabled: frozenset[str]
    severities: dict[str, Severity]
    options: dict[str, dict]
    paths: PathFilter

    def severity(self, rule: Rule) -> Severity:
        return self.severities.get(rule.name, rule.severity)

    def options_for(self, rule: Rule) -> dict:
        return {**rule.default_options(), **self.options.get(rule.name, {})}

    def runs(self, rule: Rule) -> bool:
        return rule.name in self.enabled


def lint_settings(config: ConfigFile | None, select: list[str] | None = None,
                  ignore: list[str] | None = None) -> LintSettings:
    """Settings from a configuration file (or the defaults) and the command line.
    --select says exactly what runs: it replaces the file's select, its ignore
    and its `off` severities. --ignore adds to the file's ignore."""
    section = config.section("lint") if config else {}
    _check_keys(config, section)
    if select:
        chosen = _selectors(select, "--select")
        ignored: set[str] = set()
    else:
        chosen = _list_setting(config, section, "select", [ALL])
        ignored = _list_setting(config, section, "ignore", [])
    ignored |= _selectors(ignore or [], "--ignore", ignoring=True)
    severities, options = _rule_settings(config, section.get("rules") or {})
    turned_off = set() if select else {n for n, level in severities.items() if level is None}
    enabled = {name for name in RULES if name in chosen and name not in ignored | turned_off}
    enabled |= {name for name, rule in RULES.items() if rule.fixed}
    paths = PathFilter(tuple(_patterns(config, section, "include")),
                       tuple(_patterns(config, section, "exclude")),
                       config.folder if config else os.getcwd())
    return LintSettings(frozenset(enabled),
                        {k: v for k, v in severities.items() if v is not None}, options, paths)


def _check_keys(config, section: dict) -> None:
    for key in section:
        if key not in LINT_KEYS:
            _fail(config, ("lint", key), f"unknown key '{_name(config, 'lint', key)}'; valid "
                  f"keys: {', '.join(LINT_KEYS)}", did_you_mean(key, LINT_KEYS))


def _list_setting(config, section, key, default) -> set[str]:
    if key not in section:
        return _selectors(default, key)
    values = _string_list(config, section, key)
    ignoring = key == "ignore"
    return _selectors(values, _name(config, "lint", key), ignoring, config, ("lint", key))


def _selectors(entries, key: str, ignoring=False, config=None, where=()) -> set[str]:
    """Rule names for entries that are names, codes, code prefixes ("A2") or ALL."""
    found: set[str] = set()
    for entry in entries:
        matched = _match(str(entry).strip())
        if not matched:
            _fail(config, where, f"{key}: unknown rule '{entry}'; valid values: rule names "
                  "(unsupported-claim), codes (A101), code prefixes (A2) or ALL",
                  did_you_mean(str(entry), RULES) or "the rules: " + ", ".join(RULES))
        fixed = [name for name in matched if RULES[name].fixed]
        if ignoring and fixed and entry != ALL:
            _fail(config, where, f"{key}: '{entry}' cannot be ignored: the lint rules "
                  "need a map that parses and resolves", "fix the errors instead")
        found |= set(matched)
    return found


def _match(entry: str) -> list[str]:
    if entry == ALL:
        return [name for name, rule in RULES.items() if not rule.fixed]
    if entry in RULES:
        return [entry]
    upper = entry.upper()
    if upper[:1].isalpha() and upper[1:].isdigit():
        return [name for name, rule in RULES.items() if rule.code.startswith(upper)]
    return []


def _rule_settings(config, rules) -> tuple[dict, dict]:
    if not isinstance(rules, dict):
        _fail(config, ("lint", "rules"), f"'{_name(config, 'lint', 'rules')}' must map rule "
              "names to settings", "e.g. rules:\\n  unsupported-claim: {severity: error}")
    severities, options = {}, {}
    for key, value in rules.items():
        where = ("lint", "rules", key)
        rule = RULES.get(key) or next((r for r in RULES.values() if r.code == key), None)
        if rule is None:
            _fail(config, where, f"unknown rule '{key}' in {_name(config, 'lint', 'rules')}; "
                  "valid values: " + ", ".join(n for n, r in RULES.items() if not r.fixed),
                  did_you_mean(str(key), RULES))
        if rule.fixed:
            _fail(config, where, f"'{key}' cannot be configured: parse and resolve errors "
                  "are always errors")
        if isinstance(value, str) or value is False:  # `rule: off` is a severity alone
            value = {"severity": value}
        if not isinstance(value, dict):
            _fail(config, where, f"'{_name(config, 'lint', 'rules', key)}' must be a severity "
                  "or a mapping of settings", f"e.g. {key}: {{severity: warning}}")
        if "severity" in value:
            severities[rule.name] = _severity(config, (*where, "severity"), value["severity"])
        options[rule.name] = _options(config, where, rule, value)
    return severities, options


def _severity(config, where, value) -> Severity | None:
    # YAML reads a bare `off` as False: accept it as the word it was.
    word = "off" if value is False else str(value).lower()
    if word not in SEVERITIES:
        _fail(config, where, f"'{_name(config, *where)}' is '{value}'; valid values: "
              + ", ".join(SEVERITIES), did_you_mean(word, SEVERITIES))
    return SEVERITIES[word]


def _options(config, where, rule: Rule, value: dict) -> dict:
    chosen = {}
    for key, setting in value.items():
        if key == "severity":
            continue
        if key not in rule.options:
            valid = ", ".join(["severity", *rule.options])
            _fail(config, (*where, key), f"unknown option '{key}' for rule '{rule.name}'; "
                  f"valid keys: {valid}", did_you_mean(str(key), rule.options))
        default = rule.options[key].default
        if not _same_type(setting, default):
            _fail(config, (*where, key), f"'{_name(config, *where, key)}' must be "
                  f"{_describe_type(default)}, not {setting!r}",
                  f"e.g. {key}: {str(default).lower() if isinstance(default, bool) else default}")
        chosen[key] = setting
    return chosen


def _same_type(value, default) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return isinstance(value, type(default))


def _describe_type(default) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "a whole number above 0"
    return type(default).__name__


def _patterns(config, section, key) -> list[str]:
    return _string_list(config, section, key) if key in section else []


def _string_list(config, section, key) -> list[str]:
    value = section[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _fail(config, ("lint", key), f"'{_name(config, 'lint', key)}' must be a list of text "
              f"values, not {value!r}", f"e.g. {key}: [...]")
    return value


def _name(config, *keys) -> str:
    return config.key_name(*keys) if config else ".".join(keys)


def _fail(config, where, message, hint=None):
    location = config.where(*where) if config and where else (config.shown_path if config
                                                               else "command line")
    raise ConfigError(location, message, hint)
