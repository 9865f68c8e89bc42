"""The text report: `path:line:col: CODE message` exactly, then the source line,
a caret under the span with the severity, then the hint."""

from __future__ import annotations

from argmap.cli import run
from argmap.diagnostics import Diagnostic, Severity
from argmap.report import format_diagnostic


def _caret_line(diagnostic, source):
    return format_diagnostic(diagnostic, source).split("\n")[2]


def test_the_first_line_is_exact_and_the_severity_follows_the_caret():
    d = Diagnostic("m.argmap", 2, 3, "E206", "unknown field 'sorce:'", Severity.ERROR,
                   "did you mean 'source:'?", 2, 8)
    assert format_diagnostic(d, "  sorce: x").split("\n") == [
        "m.argmap:2:3: E206 unknown field 'sorce:'",
        "    sorce: x",
        "    ^~~~~ error",
        "  hint: did you mean 'source:'?"]
    warning = Diagnostic("m.argmap", 1, 1, "A101", "w", Severity.WARNING)
    assert _caret_line(warning, "[a] x") == "  ^ warning"


def test_a_span_over_several_lines_is_underlined_to_the_end_of_its_first_line():
    d = Diagnostic("m.argmap", 1, 5, "E205", "m", Severity.ERROR, None, 3, 2)
    assert _caret_line(d, "[a] text goes on") == "      ^" + "~" * 11 + " error"


def test_carets_line_up_under_wide_characters_tabs_and_control_characters():
    wide = Diagnostic("m.argmap", 1, 5, "E301", "m", Severity.ERROR, None, 1, 7)
    assert _caret_line(wide, "漢字: @ab") == "        ^~ error"
    tab = Diagnostic("m.argmap", 1, 3, "E200", "m", Severity.ERROR, None, 1, 4)
    lines = format_diagnostic(tab, "a\tb c").split("\n")
    assert lines[1:3] == ["  a b c", "    ^ error"]
    nul = Diagnostic("m.argmap", 1, 3, "E101", "m", Severity.ERROR, None, 1, 4)
    assert format_diagnostic(nul, "ab\0c").split("\n")[1:3] == ["  ab\u2400c", "    ^ error"]


def test_check_reports_an_undefined_reference_under_the_whole_reference(tmp_path, capsys):
    path = tmp_path / "m.argmap"
    path.write_text("[a] A.\n  + @shortt\n[short] S.\n")
    (tmp_path / "argmap.yaml").write_text("")
    assert run(["check", "--color", "never", str(path)]) == 1
    out = capsys.readouterr().out.split("\n")
    assert out[0] == f"{path}:2:5: E301 reference to undefined id 'shortt'"
    assert out[1:4] == ["    + @shortt", "      ^~~~~~~ error", "  hint: did you mean @short?"]
