"""Label text is wrapped as textwrap wraps it (labels.wrap fills the usual
paragraph in its own loop, and must give the same lines)."""

from __future__ import annotations

import re
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.labels import wrap

_PIECES = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0", "a", "bb", "word", "é",
                           "中文", "long-hyphenated-word", "https://example.org/a/b/c",
                           "x" * 30, ".", "—"])


def _textwrap_lines(text: str, width: int) -> list[str]:
    """What wrap() means: each paragraph's words, wrapped by textwrap."""
    lines: list[str] = []
    for part in re.split(r"\n\s*\n", text):
        paragraph = " ".join(part.split())
        if paragraph:
            if lines:
                lines.append("")
            lines += textwrap.wrap(paragraph, width, break_long_words=True,
                                   break_on_hyphens=False)
    return lines or [""]


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=4), max_size=40).map("".join),
       st.integers(min_value=1, max_value=40))
def test_wrap_gives_textwraps_lines(text, width):
    assert wrap(text, width) == _textwrap_lines(text, width)


def test_words_fill_each_line_and_a_long_word_is_split():
    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("a abcdefghij b", 4) == ["a ab", "cdef", "ghij", "b"]
    assert wrap("first\n\nsecond paragraph", 40) == ["first", "", "second paragraph"]
