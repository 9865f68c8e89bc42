"""Configuration: finding argmap.yaml or [tool.argmap], and validating `lint:` strictly."""

from __future__ import annotations

import pytest

from argmap.config import ConfigError, find_config, load_config
from argmap.diagnostics import Severity
from argmap.lint.run import lint_paths
from argmap.lint.settings import lint_settings

UNSUPPORTED = "---\ntitle: T\n---\n[thesis] An unsupported thesis.\n"


def write(path, text=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def settings_from(tmp_path, text, **flags):
    return lint_settings(load_config(write(tmp_path / "argmap.yaml", text)), **flags)


# ---- discovery --------------------------------------------------------------

def test_the_nearest_argmap_yaml_above_the_file_applies(tmp_path):
    outer = write(tmp_path / "argmap.yaml")
    inner = write(tmp_path / "maps" / "argmap.yaml")
    deep = write(tmp_path / "maps" / "a" / "b" / "x.argmap")
    assert find_config(deep) == str(inner.resolve())
    assert find_config(tmp_path / "other.argmap") == str(outer.resolve())


def test_pyproject_with_a_tool_argmap_table_is_an_alternative(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    nearer = write(tmp_path / "sub" / "pyproject.toml", "[tool.argmap.lint]\nignore = ['A1']\n")
    assert find_config(tmp_path / "sub" / "m.argmap") == str(nearer.resolve())
    # A pyproject without the table is passed over.
    assert find_config(tmp_path / "m.argmap") != str((tmp_path / "pyproject.toml").resolve())


@pytest.mark.parametrize(("text", "ours"), [
    ('[tool."\\u0061rgmap".lint]\nignore = []\n', True),  # the name spelt by an escape
    ("[tool]\nargmap = { lint = { ignore = [] } }\n", True),
    ("[project]\nname = 'argmap-maps'\n", False),  # the word, but not the table
    ("[tool.other]\nx = 1\n", False),
])
def test_pyproject_is_ours_only_with_a_tool_argmap_table_however_written(tmp_path, text, ours):
    found = write(tmp_path / "pyproject.toml", text)
    assert (find_config(tmp_path / "m.argmap") == str(found.resolve())) is ours


def test_argmap_yaml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.argmap]\n")
    yaml_file = write(tmp_path / "argmap.yaml")
    assert find_config(tmp_path / "m.argmap") == str(yaml_file.resolve())


def test_pyproject_settings_are_used(tmp_path):
    write(tmp_path / "pyproject.toml",
          "[tool.argmap.lint.rules]\nunsupported-claim = { severity = 'error' }\n")
    run = lint_paths([str(write(tmp_path / "m.argmap", UNSUPPORTED))])
    assert [(d.rule, d.severity) for d in run.diagnostics] == [
        ("unsupported-claim", Severity.ERROR)]


def test_a_pyproject_error_names_the_tool_argmap_key(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.argmap.lint]\nselct = ['A1']\n")
    with pytest.raises(ConfigError, match=r"unknown key 'tool\.argmap\.lint\.selct'.*"
                                          r"valid keys: select, ignore"):
        lint_settings(load_config(tmp_path / "pyproject.toml"))


def test_a_broken_pyproject_with_an_argmap_table_is_reported_not_ignored(tmp_path):
    found = write(tmp_path / "pyproject.toml",
                  "[project]\nname = 'x'\n\n[tool.argmap.lint]\nselect = ['A1'\n")
    assert find_config(tmp_path / "m.argmap") == str(found.resolve())
    with pytest.raises(ConfigError) as error:
        load_config(found)
    assert error.value.where.endswith("pyproject.toml:6:1")
    assert error.value.message.startswith("invalid TOML: ")
    assert "[tool.argmap]" in error.value.hint
    write(found, "[tool.argmap]\nlint = {select = [}\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:2:19: invalid TOML: Invalid value"):
        load_config(found)


def test_a_broken_pyproject_without_an_argmap_table_is_another_tools_problem(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = \n# argmap is used here\n")
    assert find_config(tmp_path / "m.argmap") is None


def test_an_invalid_configuration_is_reported_even_for_a_map_with_errors(tmp_path):
    write(tmp_path / "argmap.yaml", "lint:\n  selct: [A1]\n")
    broken = write(tmp_path / "m.argmap", "[a] A claim.\n  + @nowhere\n")
    with pytest.raises(ConfigError, match=r"argmap\.yaml:2:3: unknown key 'lint\.selct'"):
        lint_paths([str(broken)])


# ---- the top level ----------------------------------------------------------

def test_the_render_section_is_accepted_without_validating_it(tmp_path):
    config = load_config(write(tmp_path / "argmap.yaml",
                               "render:\n  anything: [goes, here]\n  rankdir: LR\n"))
    assert config.section("render") == {"anything": ["goes", "here"], "rankdir": "LR"}
    assert lint_settings(config).enabled == lint_settings(None).enabled


def test_an_unknown_top_level_key_is_named_with_the_valid_ones(tmp_path):
    write(tmp_path / "argmap.yaml", "lint: {}\nrendr: {}\n")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / "argmap.yaml")
    assert "argmap.yaml:2:1: unknown key 'rendr'; valid keys: lint, render, fmt" in str(error.value)
    assert "did you mean 'render'?" in str(error.value)


def test_yaml_aliases_are_refused(tmp_path):
    write(tmp_path / "argmap.yaml", "lint:\n  select: &a [A1]\n  ignore: *a\n")
    with pytest.raises(ConfigError, match="anchors and aliases are not allowed"):
        load_config(tmp_path / "argmap.yaml")


def test_invalid_yaml_points_at_its_line(tmp_path):
    write(tmp_path / "argmap.yaml", "lint:\n  select: [A1\n")
    with pytest.raises(ConfigError, match=r"argmap\.yaml:3:1: invalid YAML"):
        load_config(tmp_path / "argmap.yaml")


def test_a_section_must_be_a_mapping(tmp_path):
    write(tmp_path / "argmap.yaml", "lint: [A1]\n")
    with pytest.raises(ConfigError, match="'lint' must be a mapping"):
        load_config(tmp_path / "argmap.yaml")


# ---- lint: rules, severities, options ---------------------------------------

def test_a_rule_severity_can_be_changed_or_turned_off(tmp_path):
    settings = settings_from(tmp_path, "lint:\n  rules:\n    unsupported-claim: error\n"
                                       "    A201: {severity: info}\n    long-claim: off\n")
    assert settings.severities == {"unsupported-claim": Severity.ERROR,
                                   "unanswered-objection": Severity.INFO}
    assert "long-claim" not in settings.enabled


def test_an_invalid_severity_names_the_key_and_the_valid_values(tmp_path):
    with pytest.raises(ConfigError) as error:
        settings_from(tmp_path, "lint:\n  rules:\n    unsupported-claim:\n"
                                "      severity: warn\n")
    message = str(error.value)
    assert "argmap.yaml:4:7:" in message
    assert "'lint.rules.unsupported-claim.severity' is 'warn'" in message
    assert "valid values: error, warning, info, off" in message


def test_an_unknown_rule_lists_the_rules(tmp_path):
    with pytest.raises(ConfigError, match=r"unknown rule 'unsuported-claim'.*valid values: "
                                          r"unsupported-claim, circular-support"):
        settings_from(tmp_path, "lint:\n  rules:\n    unsuported-claim: error\n")


def test_an_unknown_option_lists_the_rule_options(tmp_path):
    with pytest.raises(ConfigError, match="unknown option 'include_con' for rule "
                                          "'unsupported-claim'; valid keys: severity, include-con"):
        settings_from(tmp_path, "lint:\n  rules:\n    unsupported-claim: {include_con: true}\n")


def test_an_option_of_the_wrong_type_says_what_it_must_be(tmp_path):
    with pytest.raises(ConfigError, match="'lint.rules.long-claim.max-length' must be a whole "
                                          "number above 0, not 'long'"):
        settings_from(tmp_path, "lint:\n  rules:\n    long-claim: {max-length: long}\n")


def test_parse_errors_cannot_be_configured_or_ignored(tmp_path):
    with pytest.raises(ConfigError, match="'parse-error' cannot be configured"):
        settings_from(tmp_path, "lint:\n  rules:\n    parse-error: warning\n")
    with pytest.raises(ConfigError, match="'resolve-error' cannot be ignored"):
        settings_from(tmp_path, "lint:\n  ignore: [resolve-error]\n")


def test_options_change_what_a_rule_reports(tmp_path):
    text = UNSUPPORTED + "  - [con] A con-side claim without support.\n"
    plain = lint_paths([str(write(tmp_path / "a" / "m.argmap", text))])
    write(tmp_path / "b" / "argmap.yaml",
          "lint:\n  rules:\n    unsupported-claim: {include-con: true}\n")
    wider = lint_paths([str(write(tmp_path / "b" / "m.argmap", text))])
    assert [d.node for d in plain.diagnostics if d.rule == "unsupported-claim"] == ["thesis"]
    assert [d.node for d in wider.diagnostics if d.rule == "unsupported-claim"] == [
        "thesis", "con"]


# ---- select and ignore ------------------------------------------------------

def test_select_and_ignore_take_names_codes_and_prefixes(tmp_path):
    settings = settings_from(tmp_path, "lint:\n  select: [A2, unsupported-claim]\n"
                                       "  ignore: [A204]\n")
    chosen = {name for name in settings.enabled if not name.endswith("-error")}
    assert chosen == {"unsupported-claim", "unanswered-objection", "unanswered-rebuttal",
                      "unanswered-undercut", "undercut-without-support", "misplaced-answer"}


def test_command_line_select_replaces_the_files_select_and_ignore(tmp_path):
    settings = settings_from(tmp_path, "lint:\n  select: [A2]\n  ignore: [A101]\n"
                                       "  rules: {long-claim: off}\n",
                             select=["A101", "long-claim"], ignore=["A2"])
    assert "unsupported-claim" in settings.enabled
    assert "long-claim" in settings.enabled
    assert "unanswered-objection" not in settings.enabled


def test_command_line_ignore_adds_to_the_files_ignore(tmp_path):
    settings = settings_from(tmp_path, "lint:\n  ignore: [A101]\n", ignore=["A201"])
    assert "unsupported-claim" not in settings.enabled
    assert "unanswered-objection" not in settings.enabled
    assert "unanswered-rebuttal" in settings.enabled


def test_an_unknown_selector_is_a_usage_error_with_the_valid_forms():
    with pytest.raises(ConfigError, match="--select: unknown rule 'A7'; valid values: rule "
                                          "names .*codes .*code prefixes .* or ALL"):
        lint_settings(None, select=["A7"])


# ---- include and exclude ----------------------------------------------------

def test_include_and_exclude_choose_the_files_found_in_folders(tmp_path):
    write(tmp_path / "argmap.yaml",
          "lint:\n  include: [maps/**]\n  exclude: [maps/drafts]\n")
    kept = write(tmp_path / "maps" / "a.argmap", UNSUPPORTED)
    draft = write(tmp_path / "maps" / "drafts" / "b.argmap", UNSUPPORTED)
    write(tmp_path / "notes" / "c.argmap", UNSUPPORTED)
    run = lint_paths([str(tmp_path)])
    assert run.files == 1
    assert {d.path for d in run.diagnostics} == {str(kept)}
    # A file named on the command line is linted whatever the patterns say.
    assert lint_paths([str(draft)]).files == 1


def test_include_must_be_a_list_of_text(tmp_path):
    with pytest.raises(ConfigError, match="'lint.include' must be a list of text values"):
        settings_from(tmp_path, "lint:\n  include: {maps: yes}\n")
