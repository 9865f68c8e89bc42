"""Hypothesis strategies: valid argument maps written in untidy ways.

A map is drawn as a tree of nodes and then written out with random layout:
indentation steps of 1 to 4 spaces, extra spaces after markers and ids, text
broken over continuation lines at any depth, paragraphs, tags on any line or
on lines of their own, fields in any order and at any indentation, blank
lines, comments at any indentation, trailing spaces, headings, front matter,
CRLF line breaks and a BOM."""

from __future__ import annotations

from hypothesis import strategies as st

# A line's first word must keep it a text line; later words may be anything
# that the language reads as text (some of them read as a tag at a line's end).
FIRST_WORDS = ["Furr", "Getty", "Stalin’s", "Троцкий", "évidence", "中文", "The", "Kern", "50%",
               "“Quote”", "\\#escaped", "(fn"]
WORDS = FIRST_WORDS + ["argues", "that", "a#b", "#1", "#mid", "x:y", "29)", "--", "-", "+",
                       "e.g.", "note:", "\\[x\\]", "@", "//", "—", "1937,"]
TAGS = ["thesis", "draft", "тег", "a-b", "v1.2"]
ATTACKS = ["-", "?", "~", "><"]
FIELD_VALUES = {"source": ["essay lines 1-2, fn 3", "Getty 1986"], "quote": ["“We expect it”"],
                "speaker": ["the mayor", "Furr"], "qualifier": ["probably", "may"],
                "kind": ["assumption", "claim", "Assumption"]}


@st.composite
def untidy_maps(draw) -> str:
    writer = _Writer(draw)
    if draw(st.booleans()):
        writer.front_matter()
    for index in range(draw(st.integers(1, 4))):
        if draw(st.integers(0, 3)) == 0:
            writer.heading()
        writer.top_level(index)
    text = "\n".join(writer.lines) + ("\n" if draw(st.booleans()) else "")
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 6)) == 0:
        text = "\ufeff" + text
    return text


class _Writer:
    def __init__(self, draw):
        self.draw = draw
        self.lines: list[str] = []
        self.ids: list[str] = []

    def pick(self, options):
        return self.draw(st.sampled_from(options))

    def chance(self, one_in: int) -> bool:
        return self.draw(st.integers(0, one_in - 1)) == 0

    def spaces(self, low: int, high: int) -> str:
        return " " * self.draw(st.integers(low, high))

    def front_matter(self) -> None:
        keys = self.draw(st.permutations(["title: A map", "author: Ann Ö", "date: 2024-01-05",
                                          "description: >-\n  A long\n  description."]))
        self.lines += ["---", *keys[:self.draw(st.integers(1, 4))], "---"]

    def heading(self) -> None:
        self.noise(0)
        self.lines.append("#" * self.draw(st.integers(1, 3)) + self.spaces(1, 2) + "Section Ü")

    def top_level(self, index: int) -> None:
        self.noise(0)
        if self.ids and self.chance(5):
            self.lines.append(f"@{self.pick(self.ids)}" + self.spaces(0, 2))
        else:
            self.node("", 0)
        self.children(0, depth=1)

    def children(self, column: int, depth: int) -> None:
        if depth > 3:
            return
        step = self.draw(st.integers(1, 4))
        previous = None
        for _ in range(self.draw(st.integers(0, 3))):
            marker = self.pick(["+", "+", "&", *ATTACKS] if previous in ("+", "&")
                               else ["+", *ATTACKS])
            self.noise(column + step)
            if self.ids and self.chance(6):
                self.lines.append(" " * (column + step) + marker + self.spaces(1, 2)
                                  + "@" + self.pick(self.ids))
            else:
                self.node(marker, column + step)
            self.children(column + step, depth + 1)
            previous = marker

    def node(self, marker: str, column: int) -> None:
        """A node line, its text lines and its fields."""
        head = " " * column + (marker + self.spaces(1, 3) if marker else "")
        if self.chance(2):
            node_id = f"n{len(self.ids) + 1}"
            self.ids.append(node_id)
            head += f"[{node_id}]" + self.spaces(1, 3)
        deeper = column + self.draw(st.integers(1, 6))
        text_lines = [self.text_line() for _ in range(self.draw(st.integers(1, 3)))]
        if marker or head.strip():
            if self.chance(4):  # the text starts on the next line
                self.lines.append(head.rstrip() + self.tags())
            else:
                self.lines.append(head + text_lines.pop(0) + self.tags())
        else:
            self.lines.append(head + text_lines.pop(0) + self.tags())
        for text in text_lines:
            if self.chance(3):
                self.lines.append("")  # a new paragraph
            self.noise(deeper, blank=False)
            if self.chance(5):  # a line of only tags
                self.lines.append(" " * deeper + self.tags().strip() + " #only")
            self.lines.append(" " * self.draw(st.integers(column + 1, column + 6)) + text
                              + self.tags())
        self.fields(marker, column)

    def fields(self, marker: str, column: int) -> None:
        keys = list(FIELD_VALUES) + (["answer"] if marker in ATTACKS else [])
        chosen = self.draw(st.lists(st.sampled_from(keys), unique=True, max_size=3))
        for key in chosen:
            field_column = column + self.draw(st.integers(1, 4))
            if self.chance(4):
                self.lines.append("")
            value = (self.pick(["full", "partial", "conceded", "Partial"]) if key == "answer"
                     else self.pick(FIELD_VALUES[key]))
            self.lines.append(" " * field_column + f"{key}:" + self.spaces(1, 2) + value
                              + self.spaces(0, 2))
            if key in ("source", "quote", "speaker") and self.chance(3):
                if self.chance(3):
                    self.lines.append("")
                self.lines.append(" " * (field_column + self.draw(st.integers(1, 3)))
                                  + self.text_line())

    def text_line(self) -> str:
        words = [self.pick(FIRST_WORDS)] + self.draw(st.lists(st.sampled_from(WORDS),
                                                              max_size=8))
        return self.pick([" ", " ", "  "]).join(words)

    def tags(self) -> str:
        if not self.chance(3):
            return self.spaces(0, 2)
        tags = self.draw(st.lists(st.sampled_from(TAGS), min_size=1, max_size=3))
        return self.spaces(1, 3) + " ".join("#" + tag for tag in tags) + self.spaces(0, 2)

    def noise(self, column: int, blank: bool = True) -> None:
        """Blank lines and comments before a line at `column`."""
        for _ in range(self.draw(st.integers(0, 2))):
            if blank and self.chance(2):
                self.lines.append(self.spaces(0, 3))
            else:
                self.lines.append(" " * self.draw(st.integers(0, column + 4))
                                  + "//" + self.spaces(0, 2) + "a comment  ")
