"""docs/rules.md, generated from the rule docstrings.

Run `python -m argmap.lint.docs > docs/rules.md` after changing a rule; a test
fails while the two differ. A docstring is a summary line, a description,
then `Example:` and `Fix:`, each followed by an indented argmap snippet."""

from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass

from .registry import RULES
from .rule import Rule

INTRO = """\
# Lint rules

`argmap lint` checks an argument map for what an editor would flag before
publishing: claims left without support, objections and rebuttals left
unanswered, circles, and slips in the file. This page is generated from the
rule docstrings (`python -m argmap.lint.docs > docs/rules.md`); a test keeps
the two in step.

Every finding has a code and a rule name. Select, ignore and configure rules
by either (see [configuration.md](configuration.md)). Codes are grouped:
A1xx support and structure, A2xx objections, rebuttals and sides, A3xx
sources and wording, A4xx sections and metadata, A9xx suppressions. Parse
and resolve errors keep the E-codes of `argmap check`.

Sides follow GUIDE §4: a top-level claim is a thesis on the pro side, a
support keeps its target's side, and an attack (rebuttal, objection,
undercut, contradiction) flips it.

To silence a rule for one node, put `// argmap: ignore RULE` on the line
above it; for a whole file, `// argmap: ignore-file RULE` anywhere in it.

| Code | Rule | Default | Summary |
|---|---|---|---|
"""


@dataclass(frozen=True)
class RuleDoc:
    rule: Rule
    summary: str
    description: str
    example: str
    fix: str

    def markdown(self) -> str:
        parts = [f"## {self.rule.name}", "", f"**{self.rule.code}** · default severity "
                 f"**{self.rule.severity.value}** · {self.summary}", ""]
        if self.description:
            parts += [self.description, ""]
        if self.rule.options:
            parts += ["Options:", ""]
            parts += [f"- `{name}` (default `{_yaml(option.default)}`): {option.description}"
                      for name, option in self.rule.options.items()]
            parts.append("")
        parts += ["Breaks the rule:", "", "```argmap", self.example, "```", "",
                  "Fixed:", "", "```argmap", self.fix, "```", ""]
        return "\n".join(parts)

    def plain_text(self) -> str:
        return (f"{self.summary}\n\n{self.description}\n\nBreaks the rule:\n\n"
                f"{textwrap.indent(self.example, '    ')}\n\nFixed:\n\n"
                f"{textwrap.indent(self.fix, '    ')}\n")


def parse_doc(rule: Rule) -> RuleDoc:
    text = inspect.cleandoc(rule.doc)
    head, _, rest = text.partition("\nExample:\n")
    example, _, fix = rest.partition("\nFix:\n")
    summary, _, description = head.partition("\n")
    return RuleDoc(rule, summary.strip(), _paragraphs(description),
                   textwrap.dedent(example).strip("\n"), textwrap.dedent(fix).strip("\n"))


def rules_markdown() -> str:
    docs = [parse_doc(rule) for rule in RULES.values()]
    table = [f"| {d.rule.code} | [{d.rule.name}](#{d.rule.name}) | {d.rule.severity.value} "
             f"| {d.summary} |" for d in docs]
    return INTRO + "\n".join(table) + "\n\n" + "\n".join(d.markdown() for d in docs)


def _paragraphs(text: str) -> str:
    """Paragraphs unwrapped to one line each, so that each reader wraps them."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _yaml(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


if __name__ == "__main__":
    print(rules_markdown(), end="")
