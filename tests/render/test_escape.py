"""Every piece of user text is escaped: quotes, backslashes, braces, markup and
entities show literally, and nothing in a map can inject DOT or HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.render.escape import html, quoted

from .helpers import dot_of

NASTY = [
    '"quoted"',
    "back\\slash",
    "\\N \\G \\l",
    "{braces}",
    "<b>tags</b>",
    "&amp;",
    "a ]; evil [label=x",
    "&#60;",
]

NASTY_MAP = """
    ---
    title: 'Title <b>x</b> "q" \\N &amp; {b}'
    ---
    # Section <i>s</i> & "t" \\G

    [t] Text {text} with "quotes", a back\\\\slash, \\\\N and <b>tags</b> and &amp; ok.
      speaker: Speaker <u>u</u> "s"
      qualifier: maybe <q> & "m"
      source: Source <src> \\\\ "c" &lt;
      + [e] "]; node [shape=none label=<x>]; // <!-- --> &#60;
        source: s
    """


def test_html_turns_markup_and_backslashes_into_literal_text():
    assert html('<b>"x" & \\N</b>') == "&lt;b&gt;&quot;x&quot; &amp; \\\\N&lt;/b&gt;"
    assert html("&amp;") == "&amp;amp;"
    assert html("a\x00b\x1fc") == "a\ufffdb\ufffdc"  # XML forbids them; dot would fail


def test_quoted_strings_cannot_be_ended_early():
    assert quoted('a"b') == '"a\\"b"'
    assert quoted("ends with \\") == '"ends with \\\\"'
    assert quoted("two\nlines") == '"two lines"'


def test_user_text_in_dot_is_escaped_everywhere(tmp_path):
    dot = dot_of(tmp_path, NASTY_MAP, {"ids": True, "tags": True})
    labels = re.findall(r"label=<(.*?)>[,\]]", dot)
    for label in labels:
        # No markup from the map survives as markup: only argmap's own tags.
        tags = re.findall(r"</?([A-Za-z]+)", label)
        assert set(tags) <= {"TABLE", "TR", "TD", "FONT", "B", "I", "BR"}, tags
    assert "&lt;b&gt;tags&lt;/b&gt;" in dot
    assert "&amp;amp;" in dot
    assert "\\\\N" in dot and "\\\\G" in dot
    # No line of the DOT is opened by map text: every line is argmap's own syntax.
    for line in dot.splitlines()[1:]:
        assert re.match(r'\s*(//|digraph|graph \[|node \[|edge \[|subgraph "|"|\{ rank|\})',
                        line), line


def svg_text(svg: bytes) -> str:
    """All the text that an SVG shows, line by line, with entities decoded."""
    root = ET.fromstring(svg)
    texts = ["".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")]
    return "\n".join(texts)


@pytest.mark.needs_dot
def test_the_svg_shows_the_text_exactly_as_written(tmp_path):
    dot = dot_of(tmp_path, NASTY_MAP, {"width": 80})
    svg = subprocess.run([shutil.which("dot"), "-Tsvg"], input=dot.encode(), check=True,
                         capture_output=True).stdout
    shown = svg_text(svg)
    for literal in ('Title <b>x</b> "q" \\N &amp; {b}', 'Section <i>s</i> & "t" \\G',
                    'Text {text} with "quotes", a back\\slash, \\N and <b>tags</b> and &amp; ok.',
                    'Speaker <u>u</u> "s"', '(maybe <q> & "m")', 'source: Source <src> \\ "c" &lt;',
                    '"]; node [shape=none label=<x>]; // <!-- --> &#60;'):
        assert literal in shown, literal
    # The node name is not shown as text: \N did not turn into it.
    assert "\nt\n" not in f"\n{shown}\n"


def test_printable_text_holds_nothing_that_escaping_replaces():
    # html() and quoted() let printable text skip clean() and the line-break
    # replacements: every character those change must be unprintable.
    replaced = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\t\r\n]")
    assert all(not chr(c).isprintable() for c in range(0x110000) if replaced.match(chr(c)))


@given(st.text(alphabet=st.sampled_from(['a', 'é', ' ', '"', "'", "\\", "<", "&", "\t", "\n",
                                         "\r", "\x00", "\x1f", "\ufffe", "\ud800", "中"]),
               max_size=12) | st.text(max_size=12))
def test_escaping_is_the_same_with_or_without_the_printable_shortcut(text):
    from argmap.render.escape import _HTML, _HTML_SPECIAL, clean

    flat = clean(text).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    assert html(text) == _HTML_SPECIAL.sub(lambda match: _HTML[match.group()], flat)
    body = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    assert quoted(text) == '"' + body.replace("\n", " ").replace("\r", " ") + '"'
