"""Every piece of user text passes through here on its way into DOT.

Two places take text: HTML-like labels (`label=<...>`) and quoted strings
(`"..."`, used for node names). Graphviz treats both in ways that can surprise:

- In an HTML-like label, `<`, `>` and `&` are markup, so they become entities.
- After the entities are decoded, Graphviz still expands backslash escapes
  (`\\N` is the node's name, `\\G` the graph's, `\\n` a line break). Writing
  every backslash as `\\\\` makes Graphviz turn it back into one literal `\\`.
- XML 1.0 forbids most control characters; an HTML-like label holding one makes
  dot fail, so they are shown as U+FFFD instead.
- In a quoted string, only `"` is special to the DOT lexer; a backslash is
  doubled so that a trailing one cannot swallow the closing quote.
"""

from __future__ import annotations

import re

# Characters that XML 1.0 does not allow in a document (and so dot rejects).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
         "\\": "\\\\"}
_HTML_SPECIAL = re.compile(r"""[&<>"'\\]""")


def clean(text: str) -> str:
    """`text` with the characters that no SVG may contain replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def html(text: str) -> str:
    """Text for the inside of an HTML-like label, shown exactly as written.

    Tabs and line breaks become spaces: labels are wrapped by argmap, not by
    the author's line breaks."""
    # Printable text has no control character, no line break and nothing XML
    # forbids (those are all unprintable): most text skips the replacing.
    if not text.isprintable():
        text = clean(text).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _HTML_SPECIAL.sub(lambda match: _HTML[match.group()], text)


def quoted(text: str) -> str:
    """A DOT quoted string (node names, cluster names) holding `text`."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # most ids: nothing to replace (see html())
    body = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + body.replace("\n", " ").replace("\r", " ") + '"'


def attribute(value: str) -> str:
    """A theme value (a colour or a font name) as a quoted DOT attribute value.

    Theme values are validated first; this is the second line of defence, so
    that even an odd font name cannot end the string or start an escape."""
    return quoted(value.replace("\\", ""))
