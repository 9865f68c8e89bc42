"""The lines under a node line: the rest of its text, then its `key: value` fields."""

from __future__ import annotations

import re
from typing import NamedTuple

from .diagnostics import DiagnosticSink
from .fields import CHOICES, FIELDS
from .lines import bad_code_points, split_tags, unescape

_CAPITALISED_KEY = re.compile(r"([A-Za-z]*[A-Z][A-Za-z]*):(?:[ \t]|$)")


class Body(NamedTuple):
    text: str
    tags: tuple[str, ...]
    fields: dict
    # Line and exclusive end column of the node's last line.
    end: tuple[int, int]


class BodyReader:
    """Reads text continuations and fields; one per parse, reset with the sink."""

    def __init__(self, sink: DiagnosticSink, paragraph_lines: set[int]):
        self.sink = sink
        self.paragraph_lines = paragraph_lines

    def read(self, token, text: str, attachments) -> Body:
        """`token` is the node line, `text` what follows its marker and id."""
        if not attachments:  # the common case: a node on one line
            return self._one_line(token, text)
        text_lines = [(token.line, text)] if text else []
        fields: dict = {}
        key, parts, key_token = None, [], None
        end = (token.line, token.column + len(token.value.rstrip()))
        self.check_escapes(token)
        for item in attachments:
            end = (item.line, item.column + len(item.value.rstrip()))
            self.check_escapes(item)
            if item.type == "FIELD_LINE":
                self._finish(fields, key, parts, key_token)
                key, _, value = item.value.partition(":")
                parts, key_token = [(item.line, value.strip(" \t"))], item
            elif key is None:
                self._check_capitalised_key(item)
                text_lines.append((item.line, item.value.strip(" \t")))
            else:
                if item.column <= key_token.column:
                    self._error("E208", item, "text after a field: a node's text must come "
                                "before its fields", "move this line above the first field, "
                                "or indent it deeper than the field to continue its value")
                parts.append((item.line, item.value.strip(" \t")))
        self._finish(fields, key, parts, key_token)
        text, tags = self._text(text_lines)
        return Body(text, tags, fields, end)

    def _one_line(self, token, text: str) -> Body:
        value = token.value
        if "\\u{" in value:  # the only escapes that can be wrong
            self.check_escapes(token)
        text, tags = split_tags(text)
        if len(tags) > 1:
            tags = tuple(dict.fromkeys(tags))
        end = (token.line, token.column + len(value.rstrip()))
        return Body(unescape(text), tags, {}, end)

    def _text(self, lines) -> tuple[str, tuple[str, ...]]:
        tags: list[str] = []
        parts = []
        for line, raw in lines:
            text, line_tags = split_tags(raw)
            tags.extend(line_tags)
            if text:
                parts.append((line, text))
        return self._join(parts), tuple(dict.fromkeys(tags))

    def _join(self, parts) -> str:
        """Lines join with a space; a blank line between them starts a paragraph."""
        if len(parts) == 1:
            return unescape(parts[0][1])
        out = []
        for line, text in parts:
            if out:
                out.append("\n\n" if line in self.paragraph_lines else " ")
            out.append(unescape(text))
        return "".join(out)

    def _finish(self, fields: dict, key, parts, token) -> None:
        if key is None:
            return
        if key not in FIELDS:
            import difflib  # here: only a misspelt field needs it, not every start-up

            close = difflib.get_close_matches(key, FIELDS, n=1, cutoff=0.6)
            hint = (f"did you mean '{close[0]}:'?" if close else
                    "known fields: " + ", ".join(FIELDS))
            hint += f" (if this line is text, write {key}\\: to keep it as text)"
            self._error("E206", token, f"unknown field '{key}:'", hint, token.column + len(key))
            return
        if key in fields:
            self._error("E213", token, f"field '{key}:' is given twice for this node",
                        "keep one; continue a long value on deeper-indented lines")
            return
        value = self._join([part for part in parts if part[1]])
        if not value:
            self._error("E218", token, f"field '{key}:' has no value",
                        f"write the value after '{key}:', or remove the line")
            return
        if key in CHOICES:
            choice = CHOICES[key].get(value.strip().lower())
            if choice is None:
                self._error("E214", token, f"'{key}:' must be one of " +
                            ", ".join(CHOICES[key]) + f", not '{value}'",
                            f"e.g. '{key}: {next(iter(CHOICES[key]))}'")
                return
            value = choice
        fields[key] = value

    def _check_capitalised_key(self, item) -> None:
        """`Source: ...` under a node reads as text, since keys are lower case; a
        known key in other case is surely meant as a field, so say so."""
        match = _CAPITALISED_KEY.match(item.value)
        if match and match[1].lower() in FIELDS:
            key = match[1]
            self._error("E206", item, f"'{key}:' is not a field: field keys are lower case",
                        f"write '{key.lower()}:'; if this line is text, write {key}\\: to "
                        "keep it as text", item.column + len(key))

    def check_escapes(self, token) -> None:
        for offset, escape in bad_code_points(token.value):
            column = token.column + offset
            self.sink.error("E221", token.line, column, f"{escape} is not a Unicode character",
                            hint="use a code point from 0 to 10FFFF, outside the surrogates "
                            "D800-DFFF", end_column=column + len(escape))

    def _error(self, code, token, message, hint=None, end=None):
        self.sink.error(code, token.line, token.column, message, hint=hint,
                        end_column=end or token.column + len(token.value.rstrip()))
