"""Node labels as HTML-like DOT labels: a small caption line (role, id, speaker,
lint marks), the text wrapped to the theme's width, then the qualifier, the
source and the tags in smaller type. Every piece of user text goes through
escape.html; the markup around it is argmap's own."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from ..model import Node
from .escape import html
from .theme import Theme

# Claims are the common case: they get no caption word, so the diagram stays quiet.
CAPTIONS = {"thesis": "THESIS", "evidence": "EVIDENCE", "assumption": "ASSUMPTION",
            "objection": "OBJECTION", "answer": "ANSWER"}
_LINE_END = '<BR ALIGN="LEFT"/>'
# A quote longer than this many lines is cut, with an ellipsis.
QUOTE_LINES = 4


@dataclass(frozen=True)
class LabelParts:
    """What a node shows beyond its text: lint badges and an evaluated status."""

    badges: tuple[str, ...] = ()
    status: str | None = None


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters; over-long words are split. A blank
    line in the text (a new paragraph) stays a blank line."""
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
    lines: list[str] = []
    for paragraph in (p for p in paragraphs if p):
        if lines:
            lines.append("")
        lines += _fill(paragraph, width)
    return lines or [""]


def _fill(paragraph: str, width: int) -> list[str]:
    """textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False)
    for words separated by single spaces. When every word fits on a line, that
    is plain greedy filling, done here in one loop: textwrap builds a wrapper and
    its chunks for each call, and a render wraps every node's text twice (a test
    checks both give the same lines)."""
    words = paragraph.split(" ")
    if width < 1 or max(map(len, words)) > width:  # a word to split: textwrap's way
        return textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False)
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + len(word) < width:  # the line, a space and the word fit
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def node_label(node: Node, role: str, theme: Theme, parts: LabelParts = LabelParts()) -> str:
    small = _small_size(theme)
    lines = [_caption(node, role, theme, parts, small)]
    text = "".join(html(line) + _LINE_END for line in wrap(node.text, theme.width))
    lines.append(f"<B>{text}</B>" if role == "thesis" else text)
    if node.qualifier:
        lines.append(_small_block(f"({node.qualifier})", theme, small, italic=True))
    if theme.quotes and node.quote:
        lines.append(_small_block(quotation(node.quote, theme.width), theme, small, italic=True))
    if node.source:
        lines.append(_small_block(f"source: {node.source}", theme, small))
    if theme.tags and node.tags:
        lines.append(_small_block(" ".join(f"#{tag}" for tag in node.tags), theme, small))
    return "".join(line for line in lines if line)


def quotation(quote: str, width: int) -> str:
    """The verbatim quote in quotation marks, cut after QUOTE_LINES lines: the
    diagram points at the source; the map file holds the whole quote."""
    flat = " ".join(quote.split()).strip("\"\u201c\u201d")  # the marks are ours
    limit = QUOTE_LINES * round(width * 1.15)
    if len(flat) > limit:
        flat = flat[: limit - 2].rsplit(" ", 1)[0] + " \u2026"
    return f"\u201c{flat}\u201d"


def plain_lines(node: Node, role: str, theme: Theme, parts: LabelParts = LabelParts()) -> list[str]:
    """The label's lines as plain text, to estimate its size before dot does."""
    lines = [" ".join([CAPTIONS.get(role, ""), node.speaker or "", *parts.badges])]
    lines += wrap(node.text, theme.width)
    small = round(theme.width * 1.15)
    if node.qualifier:
        lines += wrap(f"({node.qualifier})", small)
    if theme.quotes and node.quote:
        lines += wrap(quotation(node.quote, theme.width), small)
    if node.source:
        lines += wrap(f"source: {node.source}", small)
    if theme.tags and node.tags:
        lines += wrap(" ".join(f"#{tag}" for tag in node.tags), small)
    return lines


def ghost_label(node: Node, role: str, theme: Theme, section: str | None,
                below: bool = False) -> str:
    """A short reminder of a node drawn in full elsewhere: where it is (an
    arrow up or down, and its section) and the start of its text."""
    small = _small_size(theme)
    arrow, side = ("↓", "below") if below else ("↑", "above")
    where = f"{arrow} see {section}" if section else f"{arrow} see {side}"
    caption = f'<FONT POINT-SIZE="{small}" COLOR="{html(theme.border_colors[role])}">'
    caption += f"{html(where)}</FONT>{_LINE_END}"
    lines = wrap(node.text, theme.width)
    shown = lines[:2]
    if len(lines) > 2:
        shown[-1] = shown[-1][: max(theme.width - 2, 1)].rstrip() + " …"
    text = "".join(html(line) + _LINE_END for line in shown)
    return f'{caption}<FONT POINT-SIZE="{small}" COLOR="#555555"><I>{text}</I></FONT>'


def _caption(node: Node, role: str, theme: Theme, parts: LabelParts, size: str) -> str:
    colour = html(theme.border_colors[role])
    words = [CAPTIONS[role]] if role in CAPTIONS else []
    if theme.ids and node.explicit_id:
        words.append(f"[{node.id}]")
    if node.speaker:
        words.append(node.speaker)
    if parts.status:
        words.append(parts.status.upper())
    pieces = [html(" · ".join(words))] if words else []
    mark = html(theme.mark_color)
    pieces += [f'<FONT COLOR="{mark}"><B>{html(badge)}</B></FONT>' for badge in parts.badges]
    if not pieces:
        return ""
    return (f'<FONT POINT-SIZE="{size}" COLOR="{colour}">{"  ".join(pieces)}</FONT>'
            + _LINE_END)


def _small_block(text: str, theme: Theme, size: str, italic: bool = False) -> str:
    # Smaller type fits more characters on a line: widen the wrap to match.
    width = round(theme.width * 1.15)
    body = "".join(html(line) + _LINE_END for line in wrap(text, width))
    if italic:
        body = f"<I>{body}</I>"
    return f'<FONT POINT-SIZE="{size}" COLOR="#555555">{body}</FONT>'


def _small_size(theme: Theme) -> str:
    return _number(max(theme.fontsize - 2, 4))


def _number(value: float) -> str:
    """A size as DOT wants it, the same on every run: 8.5, 9, never 9.0."""
    return f"{value:g}"
