"""The pre-filter that spares parsing a pyproject.toml which cannot hold
[tool.argmap]: it may say "maybe" wrongly (that costs a parse), never "no"
wrongly (that would ignore a user's settings)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.config import find_config, may_define_tool_argmap

DEFINING = {
    "header": "[tool.argmap]\n",
    "quoted header": "[ \"tool\" . 'argmap' ]\n",
    "sub-table header": "[tool.argmap.lint]\nignore = ['A1']\n",
    "array of tables": "[[tool.argmap.lint]]\n",
    "header with a comment": "[project]\nname = 'x'\n\n[tool.argmap]  # ours\n",
    "indented header": "  \t[tool.argmap]\n",
    "tool table, inline table": "[tool]\nargmap = { lint = { ignore = [] } }\n",
    "tool table, dotted key": "[tool]\nargmap.lint.ignore = []\n",
    "quoted tool table": "[ 'tool' ] # all tools\n\"argmap\" . lint = {}\n",
    "tool table after a sub-table": "[tool.ruff]\nx = 1\n[tool]\nargmap = {}\n",
    "tool table, then a header-like line in a string":
        "[tool]\ns = '''\n[other]\n'''\nargmap = {}\n",
    "root dotted key": "tool.argmap.x = 1\n",
    "root quoted dotted key": "\"tool\" . 'argmap' = {}\n",
    "root inline table": "tool = { argmap = { } }\n",
    # An inline table spans lines when a value before argmap does.
    "root inline table over lines": 'tool = { notes = """\nline\n""", argmap = {} }\n',
    "root inline table with an array over lines": "tool = { a = [\n  1,\n], argmap = {} }\n",
    "escape-spelled key": '[tool."\\u0061rgmap"]\n',
    "escape-spelled tool": '["\\U00000074ool".argmap]\n',
}

NOT_DEFINING = {
    "a dependency": '[project]\nname = "maps"\ndependencies = [\n  "argmap>=1",\n]\n',
    "an optional dependency": '[project.optional-dependencies]\ndocs = ["argmap"]\n',
    "a script named argmap": '[project.scripts]\nargmap = "argmap.cli:main"\n',
    "the project's name": 'name = "argmap"\n',
    "another tool's setting":
        '[tool.ruff]\nsrc = ["argmap"]\nper-file-ignores = { "argmap/*" = [] }\n',
    "a tool key that is not tool": "tools = { argmap = 1 }\n",
    "argmap under another table": "[tool.other]\nargmap = 1\n",
    "argmap at the root": "argmap = { lint = {} }\n",
    "no mention at all": "[tool.black]\nline-length = 100\n",
}


def defines_tool_argmap(text: str) -> bool:
    """What find_config asks of a pyproject.toml, answered by parsing it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return isinstance(data.get("tool"), dict) and "argmap" in data["tool"]


@pytest.mark.parametrize("text", DEFINING.values(), ids=DEFINING)
def test_every_way_of_defining_tool_argmap_passes_the_filter(text):
    assert defines_tool_argmap(text)
    assert may_define_tool_argmap(text)


@pytest.mark.parametrize("text", NOT_DEFINING.values(), ids=NOT_DEFINING)
def test_a_pyproject_that_only_mentions_argmap_is_not_parsed(tmp_path, text):
    assert not defines_tool_argmap(text)
    assert not may_define_tool_argmap(text)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert find_config(tmp_path / "m.argmap") != str(tmp_path.resolve() / "pyproject.toml")


@pytest.mark.parametrize("text", DEFINING.values(), ids=DEFINING)
def test_a_pyproject_that_defines_tool_argmap_is_found(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert find_config(tmp_path / "m.argmap") == str(tmp_path.resolve() / "pyproject.toml")


# ---- a property: tomllib finds tool.argmap => the filter says maybe ---------
# Documents that define tool.argmap in one of the ways, spelt in random ways,
# among other tables and values; some values span lines and hold text that
# looks like a header or a key line.

SPACE = st.sampled_from(["", " ", "\t", "  "])
# No escapes: any escape makes the filter say "maybe" (the cases above check
# that), which would hide a slip in the rest of it.
TOOL = st.sampled_from(["tool", '"tool"', "'tool'"])
ARGMAP = st.sampled_from(["argmap", '"argmap"', "'argmap'"])
SUB_TABLE = st.sampled_from(["", ".lint", " . 'lint' . rules"])
COMMENT = st.sampled_from(["", "  # settings", " # [tool]"])
VALUE = st.sampled_from(["1", "{}", "'x'", '["argmap>=1"]', "[\n  1,\n]", "{ a = [\n2\n] }",
                         '"""\n[project]\nx = 1\n"""', "'''\n[tool]\n  argmap = 1\n'''"])
OTHER_TABLES = st.lists(st.sampled_from(["[project]", "[tool.ruff]", "[project.scripts]",
                                         "[[tool.x]]"]), unique=True, max_size=2)


@st.composite
def documents(draw) -> str:
    def space() -> str:
        return draw(SPACE)

    def dotted(*keys: str) -> str:
        return f"{space()}.{space()}".join(keys)

    def key_line(key: str, value: str) -> str:
        return f"{space()}{key}{space()}={space()}{value}\n"

    def lines(prefix: str) -> str:  # key/value lines, with keys unique in their table
        return "".join(key_line(f"{prefix}{n}", v)
                       for n, v in enumerate(draw(st.lists(VALUE, max_size=3))))

    tool, argmap, value, sub = draw(TOOL), draw(ARGMAP), draw(VALUE), draw(SUB_TABLE)
    way = draw(st.sampled_from(["header", "array", "tool table", "dotted key", "inline table"]))
    root, table = lines("r"), ""
    if way == "dotted key":
        root += key_line(dotted(tool, argmap) + sub, value)
    elif way == "inline table":
        root += key_line(tool, f"{{ x = {draw(VALUE)}, {argmap} = {value} }}")
    elif way == "header":
        table = f"{space()}[{space()}{dotted(tool, argmap)}{sub}{space()}]"
    elif way == "array":
        table = f"{space()}[[{space()}{dotted(tool, argmap, 'lint')}{space()}]]"
    else:
        table = (f"{space()}[{space()}{tool}{space()}]{draw(COMMENT)}\n{lines('a')}"
                 + key_line(argmap + sub, value).rstrip("\n"))
    tables = [f"{header}\n{lines('k')}" for header in draw(OTHER_TABLES)]
    if table:
        tables.insert(draw(st.integers(0, len(tables))), f"{table}{draw(COMMENT)}\n{lines('b')}")
    return root + "".join(tables)


# Many examples (about a second): a slip in a rarer way shows in 1 document of 30-60.
@settings(max_examples=1000)
@given(documents())
def test_the_filter_never_passes_over_a_tool_argmap_that_tomllib_finds(text):
    if defines_tool_argmap(text):
        assert may_define_tool_argmap(text), text


# ---- the point of it --------------------------------------------------------

def test_finding_no_tool_argmap_does_not_import_tomllib(tmp_path):
    pyproject = tmp_path.resolve() / "pyproject.toml"
    pyproject.write_text(NOT_DEFINING["a dependency"] + NOT_DEFINING["a script named argmap"],
                         encoding="utf-8")
    code = ("import sys\nfrom argmap.config import find_config\n"
            f"print(find_config({str(tmp_path / 'm.argmap')!r}) == {str(pyproject)!r}, "
            "'tomllib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.split() == ["False", "False"], done.stderr
