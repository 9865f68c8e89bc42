"""The inside of one line: marker, `[id]` or `@reference`, text, trailing tags,
escapes. The patterns come from the grammar's inner terminals."""

from __future__ import annotations

import re
from typing import NamedTuple

from .grammar import inner_patterns

_patterns = inner_patterns()
_ID_DEF = _patterns["ID_DEF"]
_REFERENCE = _patterns["REFERENCE"]
_ESCAPE = _patterns["ESCAPE"]
# A tag, `#` included; tags are the trailing run of space-separated tags.
_TAG_NAME = _patterns["TAG"]
_REF_PARTS = re.compile(r"@(?:(?P<path>[^\s\[#]+)#)?(?:\[(?P<bracketed>.*)\]|(?P<plain>.+))\Z",
                        re.S)


class Head(NamedTuple):
    """What follows the marker on a node line. Offsets are 0-based, in the line.
    (A named tuple: one is made per node line, and tuples are quick to make.)"""

    id: str | None
    ref: tuple[str | None, str] | None  # (path, id) of `@path#id`
    text: str
    text_offset: int
    problem: str | None = None
    # E209 for a malformed `[id]`, E210 for a malformed `@reference`.
    code: str = "E209"


def split_marker(value: str) -> tuple[str, str, int]:
    marker = "><" if value.startswith("><") else value[0]
    rest = value[len(marker):]
    stripped = rest.lstrip(" \t")
    return marker, stripped, len(marker) + len(rest) - len(stripped)


def split_head(value: str, offset: int = 0) -> Head:
    """Split `[id] text`, `@ref` or plain text."""
    if value.startswith("["):
        return _split_id(value, offset)
    if value.startswith("@"):
        return _split_reference(value, offset)
    return Head(None, None, value, offset)


def _split_id(value: str, offset: int) -> Head:
    close = value.find("]")
    if close > 0 and value.find("\\", 0, close) < 0 and value.find("\n", 0, close) < 0:
        end = close + 1  # what _ID_DEF matches when no escape comes before the "]"
    else:
        match = _ID_DEF.match(value)
        if not match:
            return Head(None, None, value, offset,
                        "'[' opens an id that is never closed with ']'")
        end = match.end()
    raw = value[1:end - 1]
    rest = value[end:]
    text = rest.lstrip(" \t")
    problem = None
    stripped = raw.strip()
    if not stripped:
        problem = "the id in [] is empty"
    elif raw != stripped:
        problem = "an id must not start or end with a space"
    return Head(unescape(raw), None, text, offset + len(value) - len(text), problem)


def _split_reference(value: str, offset: int) -> Head:
    match = _REFERENCE.match(value)
    if not match:
        problem = ("'@[' opens a reference that is never closed with ']'"
                   if value.startswith(("@[", "@#")) or "#[" in value.split()[0]
                   else "'@' must be followed by the id it refers to")
        return Head(None, None, "", offset, problem, "E210")
    rest = value[match.end():].strip()
    written = match.group()
    if "#" in written or "[" in written:
        parts = _REF_PARTS.match(written)
        path, plain, bracketed = parts["path"], parts["plain"], parts["bracketed"]
    else:  # the common `@id`: what _REF_PARTS would find, without running it
        path, plain, bracketed = None, written[1:], None
    raw = plain if plain is not None else bracketed
    target = unescape(raw) if plain is None else raw
    problem = None
    if rest:
        problem = (f"a reference line takes no text of its own, but '{rest}' follows "
                   f"@{match.group()[1:]}")
    elif not raw.strip():
        problem = "the id in @[] is empty"
    elif raw != raw.strip():
        problem = "an id must not start or end with a space"
    return Head(None, (path, target), "", offset, problem, "E210")


def split_tags(text: str) -> tuple[str, tuple[str, ...]]:
    """Take the trailing run of `#tags` off a text line. Scans words from the
    end, so that a long run of tags costs linear time (a regex search would not)."""
    if "#" not in text:
        return text.rstrip(" \t"), ()  # only blanks: "~\x1f" must not become "~"
    end = _skip_blanks_back(text, len(text))
    found = []
    while end:
        start = end
        while start and text[start - 1] not in " \t":
            start -= 1
        if not _TAG_NAME.fullmatch(text, start, end):
            break
        found.append(text[start + 1:end])
        end = _skip_blanks_back(text, start)
    found.reverse()
    return text[:end].rstrip(" \t"), tuple(found)


def _skip_blanks_back(text: str, end: int) -> int:
    while end and text[end - 1] in " \t":
        end -= 1
    return end


def bad_code_points(value: str) -> list[tuple[int, str]]:
    """`\\u{...}` escapes in `value` that name no character (surrogates, or past
    10FFFF), with their 0-based offsets."""
    if "\\u{" not in value:
        return []
    return [(match.start(), match.group()) for match in _ESCAPE.finditer(value)
            if match.group().startswith("\\u{") and not _valid(int(match.group()[3:-1], 16))]


def _valid(code: int) -> bool:
    return code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF


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
        # An invalid code point is reported (E221) where the line is parsed.
        return chr(code) if _valid(code) else "\ufffd"
    return escape[1]
