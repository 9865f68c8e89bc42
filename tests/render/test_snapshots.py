"""DOT snapshots (pytest-regressions): every example map, every construct, and
every theme option. The DOT is deterministic, so a snapshot changes only when
the picture does; review the diff, then accept it with --force-regen."""

from __future__ import annotations

import pytest

from argmap.render.build import build_dot
from argmap.render.settings import Options, RenderSettings
from argmap.render.theme import THEME_KEYS

from .helpers import EXAMPLES, ROOT, dot_of

INCLUDED_ONLY = {"09-include-part.argmap"}
EXAMPLE_ROOTS = [p for p in sorted(EXAMPLES.glob("*.argmap")) if p.name not in INCLUDED_ONLY]


@pytest.mark.parametrize("path", EXAMPLE_ROOTS, ids=lambda p: p.stem)
def test_example_maps(path, file_regression, monkeypatch):
    monkeypatch.chdir(ROOT)
    built = build_dot(str(path.relative_to(ROOT)), RenderSettings(folder=ROOT), Options())
    assert built.dot is not None, built.diagnostics
    file_regression.check(built.dot, basename=f"example-{path.stem}", extension=".dot")


CONSTRUCTS = {
    "roles": """
        [thesis] The thesis of the map.
          + [claim] A claim that rests on evidence.
            + [evidence] Evidence with a source.
              source: a book, p. 3
          + [assumed] Something taken as given.
            kind: assumption
          ? [objection] An objection to the thesis.
            - [answer] The author's answer.
        """,
    "relations": """
        [a] Claim A.
          + [b] B supports A.
            source: s
          - [c] C rebuts A.
            - [c2] C2 answers C.
          ? [d] D objects to A.
            - [d2] D2 answers D.
          ~ [e] E undercuts the inference from B to A.
            - [e2] E2 answers E.
        [f] Claim F.
          >< @a
        """,
    "linked-premises": """
        [c] The conclusion.
          + [p1] The first premise.
            source: s1
          & [p2] The second premise, which counts only with the first.
            source: s2
          & [p3] A third linked premise.
            source: s3
          ~ [u] An undercut of the linked inference.
            - [u2] An answer to the undercut.
        """,
    "answer-strengths": """
        [t] A thesis.
          + [s] Support.
            source: s
          ? [o1] An objection answered in part.
            - [a1] A partial answer.
              answer: partial
          ? [o2] An objection that the author concedes.
            - [a2] A concession.
              answer: conceded
        """,
    "sections": """
        # Part one

        [a] A claim in part one.
          source: s

        ## A subsection

        [b] A claim in the subsection.
          + @a

        # Part two

        [c] A claim in part two.
          + @b
        """,
    "wrapping-and-fields": """
        [long] A claim whose text is much longer than one line of the diagram, so that it has
            to be wrapped at the theme's width, with a verylongwordthatcannotbesplitanywhereatall.
          speaker: Someone
          qualifier: probably
          source: Author, Title (2001), pp. 1-2, a source long enough to be wrapped as well
        """,
    "marks": """
        [t] A thesis with no support at all.
          + [weak] A claim with no support either.
          ? [open] An objection that nothing answers.
        """,
}


@pytest.mark.parametrize("name", CONSTRUCTS)
def test_constructs(name, tmp_path, file_regression):
    dot = dot_of(tmp_path, CONSTRUCTS[name])
    file_regression.check(dot, basename=f"construct-{name}", extension=".dot")


THEME_MAP = """
    ---
    title: A small map
    ---
    # A section

    [t] A thesis that is supported.  #key
      + [s] A piece of evidence.  #minor
        source: somewhere
        quote: "The words as the source has them."
      ? [o] An objection that nothing answers.

    # Another section

    [u] A claim with no support.
    """
THEME_OPTIONS = {
    "rankdir": "LR",
    "width": 20,
    "font": "DejaVu Serif",
    "fontsize": 14,
    "background": "#fffff0",
    "text_color": "navy",
    "node_colors": {"thesis": "#ffeeaa"},
    "border_colors": {"evidence": "#004400"},
    "edge_colors": {"support": "black"},
    "status_colors": {"in": "#00ff00"},
    "tag_colors": {"key": "#ffd0d0"},
    "mark_color": "orange",
    "marks": False,
    "legend": False,
    "clusters": False,
    "title": False,
    "ids": True,
    "quotes": False,
    "tags": True,
    "layout": "fast",
    "dpi": 300,
    "aspect": 0,
}


def test_every_theme_option_has_a_snapshot():
    assert set(THEME_OPTIONS) == set(THEME_KEYS)


# Wide enough that argmap stacks its sections in rows, which `aspect` steers.
WIDE_MAP = "\n".join(
    f"# Part {n}\n\n[t{n}] Thesis {n}, with a text that takes some room on the page.\n"
    + "".join(f"  + [e{n}{k}] Evidence {k} for thesis {n}.\n    source: s\n" for k in range(3))
    for n in range(6))


@pytest.mark.parametrize("key", THEME_OPTIONS)
def test_theme_options(key, tmp_path, file_regression):
    options = Options(status="grounded") if key == "status_colors" else Options()
    text = WIDE_MAP if key == "aspect" else THEME_MAP
    dot = dot_of(tmp_path, text, {key: THEME_OPTIONS[key]}, options)
    default = dot_of(tmp_path, text, None, options)
    if key != "dpi":  # dpi changes the PNG, not the DOT
        assert dot != default, f"theme option {key} changes nothing"
    file_regression.check(dot, basename=f"theme-{key}", extension=".dot")
