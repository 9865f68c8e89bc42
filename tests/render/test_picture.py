"""What the DOT says about the picture: roles, relations, junctions, clusters,
wrapping, tag colours, lint marks, statuses and the stacking of big maps."""

from __future__ import annotations

import re

from argmap.render.settings import Options
from argmap.render.theme import Theme

from .helpers import dot_of

DEFAULT = Theme()


def node_line(dot: str, name: str) -> str:
    return next(line for line in dot.splitlines() if line.strip().startswith(f'"{name}" ['))


def edges(dot: str) -> list[tuple[str, str, str]]:
    """(from, to, attributes) of every edge, as written."""
    return re.findall(r'^\s*"([^"]+)" -> "([^"]+)" \[(.*)\];$', dot, re.M)


def test_nodes_carry_their_role_as_class_and_colours(tmp_path):
    dot = dot_of(tmp_path, """
        [t] The thesis.
          + [e] Evidence.
            source: a book
          + [c] A claim.
            + [e2] More evidence.
              source: a letter
          + [a] An assumption.
            kind: assumption
          ? [o] An objection.
            - [r] The answer.
              source: a reply
        """)
    expected = {"t": "thesis", "e": "evidence", "c": "claim", "a": "assumption",
                "o": "objection", "r": "answer"}
    for name, role in expected.items():
        line = node_line(dot, name)
        assert f'class="{role}"' in line
        assert f'fillcolor="{DEFAULT.node_colors[role]}"' in line
    assert "THESIS" in node_line(dot, "t") and "OBJECTION" in node_line(dot, "o")


def test_edges_are_styled_by_relation_and_point_from_premise_to_conclusion(tmp_path):
    dot = dot_of(tmp_path, """
        [a] Claim A.
          + [b] B supports A.
            source: s
          - [c] C rebuts A.
          ? [d] D objects to A.
        [f] Claim F.
          >< @a
        """)
    found = {(head, tail): attrs for head, tail, attrs in edges(dot)}
    # Written conclusion first and drawn backwards: the arrow ends at the conclusion.
    assert "arrowtail=normal" in found[("a", "b")] and "dir=back" in found[("a", "b")]
    assert "arrowtail=tee" in found[("a", "c")] and "style=dashed" not in found[("a", "c")]
    assert "arrowtail=tee" in found[("a", "d")] and "style=dashed" in found[("a", "d")]
    contradiction = next(attrs for (h, t), attrs in found.items() if {h, t} == {"a", "f"})
    assert "dir=both" in contradiction and "constraint=false" in contradiction


def test_linked_premises_meet_at_one_junction(tmp_path):
    dot = dot_of(tmp_path, """
        [c] The conclusion.
          + [p1] First premise.
            source: s
          & [p2] Second premise.
            source: s
          + [p3] An independent reason.
            source: s
        """)
    written = edges(dot)
    junctions = [head for head, tail, attrs in written if 'class="support premise"' in attrs]
    assert len(set(junctions)) == 1
    junction = junctions[0]
    assert {tail for head, tail, _ in written if head == junction} == {"p1", "p2"}
    assert [(h, t) for h, t, _ in written if t == junction] == [("c", junction)]
    assert ("c", "p3") in [(h, t) for h, t, _ in written]
    assert 'shape=point' in node_line(dot, junction)


def test_an_undercut_aims_at_the_support_edge_through_its_junction(tmp_path):
    dot = dot_of(tmp_path, """
        [c] The conclusion.
          + [p] The premise.
            source: s
          ~ [u] The premise is true but does not show the conclusion.
        """)
    written = edges(dot)
    junction = next(t for h, t, _ in written if h == "c")
    assert junction not in ("p", "u")
    assert (junction, "p") in [(h, t) for h, t, _ in written]
    undercut = next(attrs for h, t, attrs in written if t == "u")
    assert next(h for h, t, _ in written if t == "u") == junction
    assert 'class="undercut"' in undercut and "style=dotted" in undercut


def test_sections_become_nested_clusters(tmp_path):
    dot = dot_of(tmp_path, """
        # Outer

        [a] A claim.
          source: s

        ## Inner

        [b] Another claim.
          source: s
        """)
    lines = dot.splitlines()
    starts = [i for i, line in enumerate(lines) if "subgraph" in line]
    outer = next(i for i in starts if "Outer" in lines[i + 1])
    inner = next(i for i in starts if "Inner" in lines[i + 1])
    assert outer < inner
    assert lines[inner].startswith("    subgraph")  # written inside the outer cluster
    assert re.search(r'^\s+"a" \[', dot, re.M) and re.search(r'^\s{6}"b" \[', dot, re.M)


def test_long_text_is_wrapped_to_the_theme_width(tmp_path):
    text = " ".join(["word"] * 60)
    for width in (20, 36):
        dot = dot_of(tmp_path, f"[t] {text}\n  source: s\n", {"width": width})
        label = node_line(dot, "t")
        lines = re.findall(r'(?:<B>|<BR ALIGN="LEFT"/>)([a-z ]+)(?=<BR)', label)
        assert len(lines) > 5
        assert max(len(line) for line in lines) <= width


def test_tag_colours_fill_the_nodes_with_the_tag(tmp_path):
    text = """
        [t] The thesis.  #key
          + [s] Evidence.  #minor #key
            source: s
          + [u] Untagged evidence.
            source: s
        """
    dot = dot_of(tmp_path, text, {"tag_colors": {"key": "#ffd0d0", "minor": "#d0d0ff"}})
    assert 'fillcolor="#ffd0d0"' in node_line(dot, "t")
    assert 'fillcolor="#d0d0ff"' in node_line(dot, "s")  # the first tag that has a colour
    assert f'fillcolor="{DEFAULT.node_colors["evidence"]}"' in node_line(dot, "u")


LINT_MAP = """
    [t] A thesis that nothing supports.
      ? [o] An objection that nothing answers.
    [fine] A thesis with a source.
      source: s
    """


def test_unsupported_claims_and_unanswered_objections_stand_out(tmp_path):
    dot = dot_of(tmp_path, LINT_MAP)
    unsupported, unanswered = node_line(dot, "t"), node_line(dot, "o")
    for line in (unsupported, unanswered):
        assert f'color="{DEFAULT.mark_color}"' in line and "penwidth=2.6" in line
    assert "dashed" in unsupported and "UNSUPPORTED" in unsupported
    assert "UNANSWERED" in unanswered
    assert DEFAULT.mark_color not in node_line(dot, "fine")
    legend = dot.splitlines()[2]
    assert "UNSUPPORTED" in legend and "UNANSWERED" in legend


def test_svg_classes_name_the_role_the_marks_and_the_status(tmp_path):
    dot = dot_of(tmp_path, LINT_MAP, options=Options(status="grounded"))
    assert 'class="thesis unsupported status-' in node_line(dot, "t")
    assert 'class="objection unanswered status-' in node_line(dot, "o")
    assert 'class="thesis"' in dot_of(tmp_path, LINT_MAP, {"marks": False}).split('"t" [')[1]


def test_the_marks_can_be_turned_off(tmp_path):
    for dot in (dot_of(tmp_path, LINT_MAP, options=Options(marks=False)),
                dot_of(tmp_path, LINT_MAP, {"marks": False})):
        assert "UNSUPPORTED" not in dot and "UNANSWERED" not in dot
        assert DEFAULT.mark_color not in dot


def test_lint_configuration_decides_the_marks(tmp_path):
    (tmp_path / "argmap.yaml").write_text("lint:\n  ignore: [unsupported-claim]\n")
    from argmap.config import load_config
    from argmap.render.build import build_dot
    from argmap.render.settings import render_settings

    (tmp_path / "map.argmap").write_text(LINT_MAP.replace("\n    ", "\n").strip() + "\n")
    settings = render_settings(load_config(tmp_path / "argmap.yaml"))
    dot = build_dot(str(tmp_path / "map.argmap"), settings, Options()).dot
    assert "UNSUPPORTED" not in dot and "UNANSWERED" in dot


def test_status_colours_nodes_by_their_evaluated_status(tmp_path):
    text = """
        [t] A thesis.
          source: s
          - [r] A rebuttal.
            source: s
            - [rr] An answer to the rebuttal.
              source: s
        [x] One side of a circle.
          source: s
          - [y] The other side.
            source: s
            - @x
        """
    from argmap.evaluate import evaluate

    from .helpers import snippet_map

    status = evaluate(snippet_map(tmp_path, text, "same.argmap"), "grounded").status
    assert status["t"] == "in" and status["r"] == "out" and status["x"] == "undecided"
    dot = dot_of(tmp_path, text, options=Options(status="grounded"))
    for name in ("t", "r", "rr", "x", "y"):
        colour = DEFAULT.status_colors[status[name]]
        assert f'fillcolor="{colour}"' in node_line(dot, name)
        assert status[name].upper() in node_line(dot, name)
    legend = dot.splitlines()[2]
    assert "in: stands" in legend and "out: defeated" in legend and "undecided" in legend


def test_the_support_semantics_can_be_chosen(tmp_path):
    text = """
        [t] A thesis that needs support and has none.
        """
    grounded = dot_of(tmp_path, text, options=Options(status="grounded"))
    support = dot_of(tmp_path, text, options=Options(status="support"))
    assert grounded != support


def test_the_same_map_gives_the_same_bytes(tmp_path):
    text = "[t] A thesis.\n  + [s] Support.\n    source: s\n  & [s2] Linked.\n    source: s\n"
    assert dot_of(tmp_path, text) == dot_of(tmp_path, text)


BIG = "\n".join(
    f"# Section {n}\n\n[t{n}] Thesis {n} of the map, with a text long enough to take room.\n"
    + "".join(f"  + [e{n}-{k}] Evidence {k} for thesis {n}, in a few words.\n"
              f"    source: s{n}-{k}\n" for k in range(4))
    + (f"  + @e{n - 1}-0\n" if n else "")
    for n in range(8))


def test_a_map_of_many_sections_is_stacked_in_rows(tmp_path):
    dot = dot_of(tmp_path, BIG)
    assert "newrank=true" in dot
    rows = re.findall(r"\{ rank=same; (.*); \}", dot)
    assert len(rows) >= 2  # more than one row below the first
    one_row = dot_of(tmp_path, BIG, {"aspect": 0})
    assert "rank=same" not in one_row


def test_an_edge_between_rows_starts_at_a_ghost_of_its_conclusion(tmp_path):
    dot = dot_of(tmp_path, BIG)
    ghosts = re.findall(r'^\s*"([^"]+)" \[class="ghost"', dot, re.M)
    assert ghosts
    for ghost in ghosts:
        line = node_line(dot, ghost)
        assert "dashed" in line and "see Section" in line
        assert [t for h, t, _ in edges(dot) if h == ghost]  # it stands above a premise
    plain = dot_of(tmp_path, BIG, {"aspect": 0})
    assert 'class="ghost"' not in plain
