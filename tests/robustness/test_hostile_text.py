"""Map text is data, never markup or code: DOT syntax, HTML, XML entities,
script tags, bidirectional and zero-width characters come out literally in
every output (argmap source, JSON and APX exports, the text report, DOT, SVG,
PNG), and no command runs a shell."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.exporters import EXPORTERS
from argmap.importers import IMPORTERS
from argmap.load import parse_bytes
from argmap.render.dot import map_to_dot
from argmap.render.theme import Theme
from argmap.report import format_all
from argmap.writer import write

PACKAGE = Path(__file__).resolve().parents[2] / "argmap"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = [
    '"]; evil [label="x" shape=none]; a -> b; //',
    "} digraph injected { x -> y",
    "\\N \\G \\E \\T \\H \\L \\n \\l \\r and a trailing \\",
    "<b>bold</b> <i>it</i> <br/> <table><tr><td>cell</td></tr></table>",
    '<img src=x onerror="alert(1)">',
    '<script>alert("x")</script>',
    "&amp; &lt; &gt; &quot; &#60; &#x3c; &nbsp; &xxe;",
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]> &xxe;',
    "]]> <![CDATA[ x ]]> <!-- comment -->",
    '<svg onload="alert(1)"><foreignObject>x</foreignObject></svg>',
    'javascript:alert(1) xlink:href="#x" {braces} [brackets] @at #hash',
    "right-to-left \u202eevil\u202c override, \u200fmarks\u200e, \u2066isolate\u2069",
    "zero\u200bwidth\u200cnon\u200djoiners, a\ufeffBOM, a\u2060word joiner",
    "e\u0301 combining, 👩‍👩‍👧 emoji, 中文 Троцкий عربي",
    "it's 'single', `backticks`, $(rm -rf /), ; | & > < and %s %n {0}",
]
HOSTILE_IDS = ["x). arg(evil", 'q"uote', "back\\slash", "sp ace", "<b>id</b>"]
ALLOWED_SVG_ELEMENTS = {"svg", "g", "title", "text", "polygon", "path", "ellipse", "polyline",
                        "a", "defs"}


@pytest.fixture(scope="module")
def hostile_map():
    """The hostile texts as a map, built through the JSON import so that the
    argmap writer has to escape them, then parsed back."""
    nodes = [{"id": "root", "text": "The root claim."}]
    nodes += [{"id": f"h{index}", "text": text} for index, text in enumerate(HOSTILE)]
    nodes += [{"id": name, "text": f"A node named {name}"} for name in HOSTILE_IDS]
    relations = [{"type": "support" if index % 2 else "objection", "from": node["id"],
                  "to": "root"} for index, node in enumerate(nodes[1:])]
    document = {"argmap": 1, "meta": {"title": HOSTILE[5]}, "nodes": nodes,
                "relations": relations}
    imported, problems = IMPORTERS["json"](json.dumps(document).encode(), "hostile.json")
    assert problems == [] and imported is not None
    source, problems = write(imported)
    assert problems == []
    parsed, diagnostics = parse_bytes(source.encode("utf-8"), "hostile.argmap")
    assert diagnostics == []
    from argmap.load import STDIN, Workspace
    from argmap.resolve import resolve

    workspace = Workspace()
    workspace.stdin_data = source.encode("utf-8")
    argmap, diagnostics = resolve(STDIN, workspace)
    assert diagnostics == []
    return source, argmap


def test_the_argmap_writer_and_parser_keep_hostile_text_and_ids_exactly(hostile_map):
    _, argmap = hostile_map
    texts = {node.id: node.text for node in argmap.nodes}
    for index, text in enumerate(HOSTILE):
        assert texts[f"h{index}"] == text
    for name in HOSTILE_IDS:
        assert texts[name] == f"A node named {name}"


def test_the_json_export_keeps_hostile_text_exactly(hostile_map):
    _, argmap = hostile_map
    exported = json.loads(EXPORTERS["json"](argmap))
    assert [n["text"] for n in exported["nodes"][1:len(HOSTILE) + 1]] == HOSTILE
    assert exported["meta"]["title"] == HOSTILE[5]


def test_the_apx_export_reads_back_with_the_same_argument_names(hostile_map):
    _, argmap = hostile_map
    text = EXPORTERS["apx"](argmap)
    assert all(line.startswith(("arg(", "att(")) and line.endswith(").")
               for line in text.splitlines())
    back, problems = IMPORTERS["apx"](text.encode("utf-8"), "hostile.apx")
    assert problems == []
    assert {node.id for node in back.nodes} == {node.id for node in argmap.nodes}


def test_the_text_report_shows_each_line_as_one_line(hostile_map):
    source, argmap = hostile_map
    from argmap.lint import lint_map

    lines = source.split("\n")
    report = format_all(lint_map(argmap), lambda _path, line: lines[line - 1])
    for line in report.splitlines():
        assert "\r" not in line and "\x1b" not in line


def test_the_dot_source_keeps_every_hostile_text_inside_its_label(hostile_map):
    _, argmap = hostile_map
    dot = map_to_dot(argmap, Theme(width=300, ids=True))
    statements = [line.strip() for line in dot.splitlines()[1:]]
    names = {node.id for node in argmap.nodes}
    # Every node statement names a node of the map: nothing in a label added one.
    declared = [line for line in statements if line.startswith('"') and " -> " not in line]
    assert len(declared) == len(names)
    assert "injected" not in "".join(s for s in statements if not s.startswith('"'))


def _svg_of(dot: str, fmt: str = "svg") -> bytes:
    done = subprocess.run([shutil.which("dot"), f"-T{fmt}"], input=dot.encode("utf-8"),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def _node_texts(svg: bytes) -> dict[str, str]:
    """Node name (from its <title>) -> all the text shown in its box, one space apart."""
    shown = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if "node" not in (group.get("class") or "").split():
            continue
        title = group.find(f"{SVG}title").text
        words = " ".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))
        shown[title] = " ".join(words.split())
    return shown


@pytest.mark.needs_dot
def test_the_svg_shows_hostile_text_literally_and_gains_no_elements(hostile_map):
    _, argmap = hostile_map
    svg = _svg_of(map_to_dot(argmap, Theme(width=300, ids=True)))
    root = ET.fromstring(svg)  # well-formed XML: nothing broke out of a text node
    elements = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert elements <= ALLOWED_SVG_ELEMENTS, elements - ALLOWED_SVG_ELEMENTS
    for element in root.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib)
        assert "javascript:" not in " ".join(element.attrib.values())
    shown = _node_texts(svg)
    assert len(shown) == len(argmap.nodes)  # no node injected, none lost
    boxes = list(shown.values())
    for text in HOSTILE + [f"A node named {name}" for name in HOSTILE_IDS]:
        assert sum(" ".join(text.split()) in box for box in boxes) == 1, text
    assert shown["h3"].count("<b>bold</b>") == 1


@pytest.mark.needs_dot
def test_the_png_of_a_hostile_map_is_drawn(hostile_map):
    _, argmap = hostile_map
    assert _svg_of(map_to_dot(argmap), "png").startswith(b"\x89PNG\r\n\x1a\n")


def _shell_calls(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = ast.unparse(node.func)
        if callee in ("os.system", "os.popen", "subprocess.getoutput",
                      "subprocess.getstatusoutput") or callee.startswith("os.exec"):
            found.append(f"{callee}()")
        for keyword in node.keywords:
            if keyword.arg == "shell" and not (isinstance(keyword.value, ast.Constant)
                                               and keyword.value.value is False):
                found.append(f"{callee}(shell={ast.unparse(keyword.value)})")
    return found


def test_no_command_runs_a_shell():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 30
    offenders = {str(path.relative_to(PACKAGE)): calls for path in sources
                 if (calls := _shell_calls(ast.parse(path.read_text(encoding="utf-8"))))}
    assert offenders == {}


def test_the_shell_check_finds_what_it_looks_for():
    planted = ast.parse("import os, subprocess\nos.system('x')\n"
                        "subprocess.run('x', shell=True)\nsubprocess.run(['x'], shell=False)\n")
    assert _shell_calls(planted) == ["os.system()", "subprocess.run(shell=True)"]
