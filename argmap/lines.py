"""The inside of one line: marker, `[id]` or `@reference`, text, trailing tags,
escapes. The patterns come from the grammar's inner terminals."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import inner_patterns

_patterns = inner_patterns()
_ID_DEF = _patterns["ID_DEF"]
_REFERENCE = _patterns["REFERENCE"]
_ESCAPE = _patterns["ESCAPE"]
_TAG = _patterns["TAG"].pattern
# The trailing run of tags: each one preceded by whitespace or the line start.
_TRAILING_TAGS = re.compile(rf"(?:(?:^|[ \t]+){_TAG})+[ \t]*$")
_TAG_NAME = re.compile(_TAG)
_REF_PARTS = re.compile(r"@(?:(?P<path>[^\s\[#]+)#)?(?:\[(?P<bracketed>.*)\]|(?P<plain>.+))\Z",
                        re.S)


@dataclass(frozen=True, slots=True)
class Head:
    """What follows the marker on a node line. Offsets are 0-based, in the line."""

    id: str | None
    ref: tuple[str | None, str] | None  # (path, id) of `@path#id`
    text: str
    text_offset: int
    problem: str | None = None


def split_marker(value: str) -> tuple[str, str, int]:
    marker = "><" if value.startswith("><") else value[0]
    rest = value[len(marker):]
    stripped = rest.lstrip(" \t")
    return marker, stripped, len(marker) + len(rest) - len(stripped)


def split_head(value: str, offset: int = 0) -> Head:
    """Split `[id] text`, `@ref` or plain text."""
    if value.startswith("["):
        match = _ID_DEF.match(value)
        if not match:
            return Head(None, None, value, offset, "unclosed '[': an id needs its closing ']'")
        node_id = unescape(match.group()[1:-1])
        rest = value[match.end():]
        text = rest.lstrip(" \t")
        problem = None if node_id.strip() == node_id and node_id else "an id must not be empty " \
            "or start or end with a space"
        return Head(node_id, None, text, offset + len(value) - len(text), problem)
    if value.startswith("@"):
        match = _REFERENCE.match(value)
        if not match:
            return Head(None, None, "", offset, "malformed reference")
        rest = value[match.end():].strip()
        parts = _REF_PARTS.match(match.group())
        target = parts["plain"] if parts["plain"] is not None else unescape(parts["bracketed"])
        problem = "a reference line takes no text of its own" if rest else None
        return Head(None, (parts["path"], target), "", offset, problem)
    return Head(None, None, value, offset)


def split_tags(text: str) -> tuple[str, tuple[str, ...]]:
    """Take the trailing run of `#tags` off a text line."""
    if "#" not in text:
        return text.rstrip(), ()
    match = _TRAILING_TAGS.search(text)
    if not match:
        return text.rstrip(), ()
    tags = tuple(tag[1:] for tag in _TAG_NAME.findall(match.group()))
    return text[:match.start()].rstrip(), tags


def unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_unescape_one, text)


def _unescape_one(match: re.Match) -> str:
    escape = match.group()
    if escape == "\\n":
        return "\n"
    if escape == "\\t":
        return "\t"
    if escape.startswith("\\u{"):
        code = int(escape[3:-1], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return escape[1]
