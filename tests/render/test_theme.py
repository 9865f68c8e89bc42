"""The theme: defaults, then argmap.yaml's render.theme, then front matter
`theme:`; unknown keys and bad values are reported at their position."""

from __future__ import annotations

import pytest

from argmap.cli import run
from argmap.render.theme import THEME_KEYS, Theme, ThemeError, build_theme

from .helpers import project

MAP = "[t] A thesis.\n  source: s\n"


def render_dot(folder, capfd, *extra):
    code = run(["render", str(folder / "maps" / "m.argmap"), "-f", "dot", "-o", "-", *extra])
    out, err = capfd.readouterr()
    return code, out, err


def test_every_theme_key_has_a_default():
    theme = Theme()
    for key in THEME_KEYS:
        assert hasattr(theme, key)


def test_layers_apply_in_order_and_colour_maps_merge():
    theme = build_theme({"rankdir": "LR", "node_colors": {"thesis": "#111111"}},
                        {"node_colors": {"claim": "#222222"}, "rankdir": "TB"})
    assert theme.rankdir == "TB"
    assert theme.node_colors["thesis"] == "#111111" and theme.node_colors["claim"] == "#222222"
    assert theme.node_colors["evidence"] == Theme().node_colors["evidence"]


@pytest.mark.parametrize(("layer", "keys", "words"), [
    ({"rankdri": "LR"}, ("rankdri",), "did you mean 'rankdir'"),
    ({"rankdir": "up"}, ("rankdir",), "one of BT, TB, LR, RL"),
    ({"width": 5}, ("width",), "from 10 to 200"),
    ({"width": True}, ("width",), "whole number"),
    ({"node_colors": {"thesis": "#12"}}, ("node_colors", "thesis"), "must be a colour"),
    ({"node_colors": {"thesys": "red"}}, ("node_colors", "thesys"), "did you mean 'thesis'"),
    ({"font": 'Arial"; evil'}, ("font",), "font name"),
    ({"marks": "yes"}, ("marks",), "true or false"),
    ({"tag_colors": ["red"]}, ("tag_colors",), "mapping of colours"),
])
def test_bad_settings_name_their_key(layer, keys, words):
    with pytest.raises(ThemeError) as raised:
        build_theme(layer)
    assert raised.value.keys == keys
    assert words in raised.value.message + " " + (raised.value.hint or "")


def test_config_and_front_matter_both_reach_the_dot(tmp_path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "[t] A thesis with several words in it.\n  source: s\n"
    project(tmp_path, {"m.argmap": "---\ntheme:\n  width: 12\n---\n" + text},
            "render:\n  theme:\n    rankdir: LR\n    width: 50\n")
    code, out, _ = render_dot(tmp_path, capfd)
    assert code == 0
    assert "rankdir=RL" in out  # LR arrows: the layout runs the other way (styles.py)
    assert "A thesis<BR" in out  # the front matter's width wins over the config's
    (tmp_path / "maps" / "m.argmap").write_text(text)
    code, out, _ = render_dot(tmp_path, capfd)
    assert "A thesis with several words in it.<BR" in out and "rankdir=RL" in out


def test_bad_key_in_argmap_yaml_is_a_config_error_with_position(tmp_path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project(tmp_path, {"m.argmap": MAP}, "render:\n  theme:\n    rankdir: LR\n    colour: red\n")
    code, out, err = render_dot(tmp_path, capfd)
    assert code == 2 and out == ""
    assert "argmap.yaml:4:5: render.theme: unknown theme key 'colour'" in err
    assert "Traceback" not in err


def test_bad_value_in_argmap_yaml_points_at_the_nested_key(tmp_path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project(tmp_path, {"m.argmap": MAP},
            "render:\n  theme:\n    edge_colors:\n      support: 'not a colour'\n")
    code, _, err = render_dot(tmp_path, capfd)
    assert code == 2
    assert "argmap.yaml:4:7:" in err and "'edge_colors.support' must be a colour" in err


def test_unknown_render_key_is_reported(tmp_path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project(tmp_path, {"m.argmap": MAP}, "render:\n  formts: [svg]\n")
    code, _, err = render_dot(tmp_path, capfd)
    assert code == 2 and "argmap.yaml:2:3: unknown key 'render.formts'" in err
    assert "did you mean 'formats'" in err


def test_bad_front_matter_theme_is_a_diagnostic_in_the_map(tmp_path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "---\ntitle: x\ntheme:\n  rankdir: LR\n  fontsiz: 12\n---\n" + MAP
    project(tmp_path, {"m.argmap": text})
    code, out, err = render_dot(tmp_path, capfd)
    assert code == 1 and out == ""
    assert "maps/m.argmap:5:3: E501 theme: unknown theme key 'fontsiz'" in err
    assert "did you mean 'fontsize'" in err


def test_bad_front_matter_value_points_at_the_nested_key(tmp_path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "---\ntheme:\n  node_colors:\n    thesis: blue-ish\n---\n" + MAP
    project(tmp_path, {"m.argmap": text})
    code, _, err = render_dot(tmp_path, capfd)
    assert code == 1
    assert "maps/m.argmap:4:5: E501 theme: 'node_colors.thesis' must be a colour" in err
