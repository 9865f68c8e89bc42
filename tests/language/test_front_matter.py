"""Front matter: values as written, block scalars with their final line break,
includes that agree with the metadata, errors at the right line of the file."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import frontmatter
from argmap.diagnostics import DiagnosticSink

from .helpers import codes, parse_text


def _front(text):
    document, diagnostics = parse_text(text)
    return document.front, diagnostics


def test_a_block_scalar_at_the_end_keeps_its_final_line_break():
    front, diagnostics = _front("---\ntitle: T\ndescription: |\n  one\n  two\n---\n[a] A.\n")
    assert diagnostics == []
    assert front.data["description"] == "one\ntwo\n"
    front, _ = _front("---\ndescription: >-\n  one\n  two\n---\n")
    assert front.data["description"] == "one two"


def test_values_are_kept_as_written():
    front, diagnostics = _front("---\ntitle: 1984\ndate: 2024-03-14\nauthor: yes\n---\n")
    assert diagnostics == []
    assert front.data == {"title": "1984", "date": "2024-03-14", "author": "yes"}


@pytest.mark.parametrize(("value", "targets"), [
    ("a.argmap", ["a.argmap"]),
    ("[a.argmap, ' b.argmap ']", ["a.argmap", "b.argmap"]),
    ("\n  - 1\n  - c.argmap", ["1", "c.argmap"]),
])
def test_includes_and_metadata_agree(value, targets):
    front, diagnostics = _front(f"---\ninclude: {value}\n---\n")
    assert diagnostics == []
    assert [include.target for include in front.includes] == targets
    assert front.data["include"] == targets


@pytest.mark.parametrize("value", ["~", "", "[a.argmap, ~]", "[[x]]", "{a: b}"])
def test_an_include_that_is_not_a_path_is_an_error(value):
    front, diagnostics = _front(f"---\ninclude: {value}\n---\n")
    assert codes(diagnostics) and set(codes(diagnostics)) == {"E114"}
    assert all(d.line == 2 for d in diagnostics)
    assert all(include.target not in ("~", "None", "") for include in front.includes)


@pytest.mark.parametrize(("text", "code", "line", "column"), [
    ("---\ntitle: x\n\n[a] A.\n", "E110", 1, 1),
    ("---\ntitle: ok\ndescription: [x\n---\n", "E111", 3, 14),
    ("---\ntitle: \"open\n---\n", "E111", 2, 8),
    ("---\n\n\ntitle: a\n  b: c\n---\n", "E111", 5, 4),
    ("---\ntitle: &a x\n---\n", "E111", 2, 8),
    ("---\ntitle: a\x1fb\n---\n", "E111", 2, 9),
    ("---\n- a\n---\n", "E112", 2, 1),
    ("---\ntitle: a\nauthr: b\n---\n", "E113", 3, 1),
    ("---\ntitle: [a]\n---\n", "E114", 2, 1),
    ("---\ntitle: a\ntitle: b\n---\n", "E115", 3, 1),
    # YAML also breaks lines at U+0085, U+2028 and U+2029; argmap reads them as
    # text, and its line numbers are the ones to report.
    # (For YAML, "b" starts a line with no ':'; by PyYAML's own count of lines
    # the error would be on line 4.)
    ("---\ndescription: a\x85b\ntitle: x\n---\n", "E111", 3, 1),
    ("---\ndescription: a\u2028b\u2029c\ntitle: a\n---\n", "E111", 2, 18),
])
def test_front_matter_errors_point_at_the_line_in_the_file(text, code, line, column):
    _, diagnostics = parse_text(text)
    assert [(d.code, d.line, d.column) for d in diagnostics] == [(code, line, column)]
    assert diagnostics[0].hint


def test_the_map_after_the_front_matter_keeps_its_line_numbers():
    document, diagnostics = parse_text("---\ntitle: T\n...\n\n[a] A.\n")
    assert diagnostics == []
    assert document.nodes[0].span.line == 5


# ---- The plainest front matter is read without YAML ------------------------
_PLAIN_KEYS = ["title", "description", "source", "author", "date", "include", "theme",
               "titel", "Title"]
_VALUE_CHARS = st.sampled_from([*"aZ09 :#-,.'\"[]{}!&*|>%@`\\~", "é", "\t"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PLAIN_KEYS[:5] * 3 + _PLAIN_KEYS),
                          st.tuples(st.sampled_from("aZ"), st.lists(_VALUE_CHARS, max_size=12))
                          .map(lambda parts: parts[0] + "".join(parts[1]))
                          | st.lists(_VALUE_CHARS, max_size=12).map("".join)
                          | st.sampled_from(["null", "yes", "No", "x y", "tree 100"])),
                max_size=4))
def test_front_matter_read_without_yaml_is_what_yaml_reads(entries):
    text = "".join(f"{key}: {value}\n" for key, value in entries)
    plain = frontmatter._plain(text)
    if plain is None:
        return  # YAML reads it
    sink = DiagnosticSink("m.argmap")
    assert plain == frontmatter._load_yaml(text, sink)
    assert sink.finish() == []


def test_a_plain_title_is_read_without_importing_yaml():
    code = ("import sys\nfrom argmap.load import parse_bytes\n"
            "doc, diags = parse_bytes(b'---\\ntitle: My map\\n---\\n[a] A.\\n', 'm.argmap')\n"
            "assert diags == [] and doc.front.data == {'title': 'My map'}, diags\n"
            "print('yaml' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.split() == ["False"], done.stderr


def test_front_matter_with_anything_more_is_read_by_yaml():
    for text in ["title: 1984\n", "title: a: b\n", "title: T # note\n", "title: null\n",
                 "title: T\ntitle: U\n", "titel: T\n", "include: a.argmap\n", "title: \"T\"\n",
                 "title: T\n  more\n", "\ntitle: T\n", "title: é\n", ""]:
        assert frontmatter._plain(text) is None, text
