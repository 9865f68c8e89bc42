"""Inputs for the robustness tests: valid maps (the formatter tests' grammar-aware
generator, reused), and those maps damaged in the ways files get damaged.

Hypothesis runs with the `argmap-ci` settings by default (quick: the whole
folder stays well under a minute) and with `argmap-long` when ARGMAP_FUZZ=long
is set (docs/robustness.md)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

_FMT_STRATEGIES = Path(__file__).resolve().parents[1] / "fmt" / "strategies.py"


def _load_fmt_strategies():
    # Loaded by path: the test folders are separate packages, and this keeps
    # one generator of valid maps for the whole suite.
    spec = importlib.util.spec_from_file_location("argmap_fmt_strategies", _FMT_STRATEGIES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


untidy_maps = _load_fmt_strategies().untidy_maps

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# In CI a failure is reported as found, unshrunk: shrinking a damaged map
# through every stage can take minutes. The long profile shrinks.
settings.register_profile("argmap-ci", max_examples=100, deadline=None,
                          suppress_health_check=_SLOW_OK,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.register_profile("argmap-long", max_examples=20_000, deadline=None,
                          suppress_health_check=_SLOW_OK)
PROFILE = "argmap-long" if os.environ.get("ARGMAP_FUZZ") == "long" else "argmap-ci"
FUZZ = settings(settings.get_profile(PROFILE))
# For tests that start the command line per example: a fifth of the examples.
FUZZ_CLI = settings(FUZZ, max_examples=max(FUZZ.max_examples // 5, 10))

# Characters that mean something to the layout, the line syntax, YAML, or to
# a decoder: the likeliest to break a parser when they turn up in the wrong place.
SPECIAL = ["\t", "\0", "\r", "\n", "\r\n", " ", "  ", "+", "-", "?", "~", "&", "><", "[", "]",
           "@", "#", "\\", ":", "//", "---", "\ufeff", "\u200b", "\u202e", "\u2028", "\x0b",
           "\x0c", "\x85", "é", "中", "\U0001f600", "\\u{", "source:", "answer:", "&a", "*a"]
# Byte sequences that are not UTF-8: a lone continuation byte, a truncated
# sequence, an overlong encoding, a surrogate, and bytes that never occur.
INVALID_UTF8 = [b"\x80", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\xff", b"\xfe"]


@st.composite
def damaged_maps(draw) -> bytes:
    """A valid map with one to four kinds of damage done to it."""
    data = draw(untidy_maps()).encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        damage = draw(st.sampled_from(_DAMAGES))
        data = damage(draw, data)
    return data


def _place(draw, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def _drop(draw, data: bytes) -> bytes:
    start = _place(draw, data)
    return data[:start] + data[start + draw(st.integers(1, 8)):]


def _insert(draw, data: bytes) -> bytes:
    at = _place(draw, data)
    return data[:at] + draw(st.sampled_from(SPECIAL)).encode("utf-8") + data[at:]


def _insert_invalid(draw, data: bytes) -> bytes:
    at = _place(draw, data)
    return data[:at] + draw(st.sampled_from(INVALID_UTF8)) + data[at:]


def _duplicate(draw, data: bytes) -> bytes:
    start = _place(draw, data)
    end = min(len(data), start + draw(st.integers(1, 80)))
    return data[:end] + data[start:end] * draw(st.integers(1, 3)) + data[end:]


def _reindent(draw, data: bytes) -> bytes:
    lines = data.split(b"\n")
    index = draw(st.integers(0, len(lines) - 1))
    indent = draw(st.sampled_from([b"", b" ", b"   ", b"\t", b"  \t", b"\xc2\xa0"]))
    lines[index] = indent + lines[index].lstrip(b" ")
    return b"\n".join(lines)


def _swap_lines(draw, data: bytes) -> bytes:
    lines = data.split(b"\n")
    first, second = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
    lines[first], lines[second] = lines[second], lines[first]
    return b"\n".join(lines)


def _line_breaks(draw, data: bytes) -> bytes:
    old, new = draw(st.sampled_from([(b"\n", b"\r\n"), (b"\n", b"\r"), (b"\r\n", b"\n"),
                                     (b"\n", b"\r\r\n")]))
    return data.replace(old, new)


def _bom(draw, data: bytes) -> bytes:
    return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"])) + data


def _truncate(draw, data: bytes) -> bytes:
    return data[:_place(draw, data)]


_DAMAGES = [_drop, _insert, _insert, _insert_invalid, _duplicate, _reindent, _swap_lines,
            _line_breaks, _bom, _truncate]

# Text a line-oriented parser rarely sees from a generator of valid maps.
map_like_text = st.lists(st.sampled_from(SPECIAL + list("ab[]@#: \n")), max_size=120).map("".join)
