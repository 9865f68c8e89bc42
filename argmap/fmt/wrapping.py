"""Re-wrapping text to a width, on request (`argmap fmt --wrap N`).

Lines of a node's text join with one space, so moving a line break to another
single space keeps the text the same. A break is only taken where it keeps
the meaning too: between two non-space characters, not after a word that
would read as a trailing `#tag`, and not before a word that would start a
child node, a field or a comment."""

from __future__ import annotations

import re
import unicodedata

from ..lines import split_tags
from .syntax import reads_as_text

KEEP, NO_LIMIT = "keep", "no"
_WORD_SEPARATOR = re.compile(r"[ \t]")


class WrapError(ValueError):
    """A --wrap value that is neither keep, no, nor a positive width."""


def parse_wrap(value: str) -> str | int:
    value = value.strip().lower()
    if value in (KEEP, NO_LIMIT):
        return value
    if value.isdigit() and int(value) > 0:
        return int(value)
    raise WrapError(f"'{value}' is not keep, no, or a positive number of columns")


def fill(text: str, first_width: float, width: float, tags: bool, suffix: str = "") -> list[str]:
    """Lines for `text`: the first may take `first_width` columns, the rest
    `width`. `tags` says the text is a node's text, where a line's last words
    may be read as tags. `suffix` (the node's tags) stays on the last line."""
    atoms = _atoms(text, tags)
    atoms[-1] += suffix
    return fill_atoms(atoms, first_width, width)


def fill_atoms(atoms: list[str], first_width: float, width: float) -> list[str]:
    """Greedy filling: as many atoms on each line as fit, joined by one space;
    an atom wider than the line gets a line of its own."""
    lines, current, limit = [], atoms[0], first_width
    for atom in atoms[1:]:
        if display_width(current) + 1 + display_width(atom) <= limit:
            current += " " + atom
        else:
            lines.append(current)
            current, limit = atom, width
    lines.append(current)
    return lines


def _atoms(text: str, tags: bool) -> list[str]:
    """`text` cut at the spaces where a line may break."""
    atoms, start = [], 0
    for index, char in enumerate(text):
        if char == " " and _can_break(text, index, tags):
            atoms.append(text[start:index])
            start = index + 1
    atoms.append(text[start:])
    return atoms


def _can_break(text: str, index: int, tags: bool) -> bool:
    if index == 0 or index + 1 >= len(text):
        return False
    if text[index - 1].isspace() or text[index + 1].isspace():
        return False  # lines are stripped: a run of spaces would shrink to one
    if not reads_as_text(text, index + 1):
        return False
    if tags:
        last_word = _WORD_SEPARATOR.split(text[:index])[-1]
        if split_tags(last_word)[1]:
            return False
    return True


def display_width(text: str) -> int:
    """Columns that `text` takes in a terminal: wide East Asian characters take
    two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
