"""Small cases at the edges of the canonical layout, and the library API."""

from __future__ import annotations

import pytest

from argmap.fmt import format_bytes
from argmap.fmt.wrapping import WrapError, display_width, parse_wrap

from .helpers import formatted, meaning_of


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n"])
def test_an_empty_file_stays_empty(text):
    assert formatted(text) == ""


def test_a_file_of_comments_keeps_them():
    assert formatted("\n\n   // one\n\n\n// two   \n\n") == "// one\n\n// two\n"


def test_a_final_line_break_is_added():
    assert formatted("[a] A claim.") == "[a] A claim.\n"


def test_front_matter_alone_has_no_blank_line_after_it():
    assert formatted("---\ntitle: T\n---\n\n\n") == "---\ntitle: T\n---\n"


def test_a_reference_keeps_its_answer():
    text = "[a] A.\n  ? [b] B.\n    -   @c\n       answer:  Conceded\n[c] C.\n"
    assert formatted(text) == "[a] A.\n  ? [b] B.\n    - @c\n      answer: conceded\n[c] C.\n"


def test_a_paragraph_break_inside_a_field_stays():
    text = "[a] A.\n  quote: First.\n\n      Second.\n"
    assert formatted(text) == "[a] A.\n  quote: First.\n\n    Second.\n"


def test_result_reports_whether_anything_changed():
    assert format_bytes(b"[a] A.\n", "t.argmap").changed is False
    assert format_bytes(b"[a]  A.\n", "t.argmap").changed is True
    broken = format_bytes(b"[a] A.\n  sorce: x\n", "t.argmap")
    assert broken.data is None and broken.changed is False
    assert [d.code for d in broken.diagnostics] == ["E206"]


def test_crlf_and_bom_come_back_as_they_were():
    result = format_bytes(b"\xef\xbb\xbf[a]  A.\r\n  +  [b] B.\r\n", "t.argmap")
    assert result.data == b"\xef\xbb\xbf[a] A.\r\n  + [b] B.\r\n"


@pytest.mark.parametrize(("value", "wrap"), [("keep", "keep"), ("NO", "no"), (" 72 ", 72)])
def test_parse_wrap(value, wrap):
    assert parse_wrap(value) == wrap


@pytest.mark.parametrize("value", ["", "0", "-1", "1.5", "wide"])
def test_parse_wrap_refuses(value):
    with pytest.raises(WrapError):
        parse_wrap(value)


def test_display_width_counts_wide_characters_twice_and_combining_marks_not_at_all():
    assert display_width("abc") == 3
    assert display_width("中文") == 4
    assert display_width("e\u0301") == 1


def test_a_claim_that_looks_like_a_front_matter_fence_stays_a_claim():
    assert formatted("\n---\n") == "\\---\n"
    assert formatted("\n---\n  + [a] A reason.\n") == "\\---\n  + [a] A reason.\n"


def test_a_control_character_after_a_hash_word_keeps_it_text():
    # Found by hypothesis: `#a\f` is text, not a tag. Moving the tags to the
    # end once put it at the end of a line, where a reader stripping every
    # kind of blank took it for a tag. Only spaces and tabs are stripped.
    text = "[n7] #a\x0c #b\n  more\n"
    assert formatted(text) == "[n7] #a\x0c\n    more #b\n"
    assert meaning_of(formatted(text)) == meaning_of(text)
