"""What the three unanswered-* rules share: find the attacks on the pro side
and say how far each one has been answered."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import RelationType
from .answers import Outcome, Verdict
from .context import LintContext, excerpt
from .rule import Finding

_HINTS = {
    Outcome.UNANSWERED: "answer it with a rebuttal ('-') under it; if the author grants the "
                        "point, add the reply with 'answer: conceded'",
    Outcome.ANSWER_FAILS: "answer the attack on the answer, or give another answer",
    Outcome.PARTIAL: "what the partial answer leaves open still counts against {target}",
    Outcome.CONCEDED: "the author grants this point; {target} has to stand without it",
}


def pro_side_attacks(context: LintContext, types: set[RelationType]) -> Iterator[int]:
    """Attacks of the given types on pro-side nodes, one per attacking node, in
    the map's files: as relation indexes."""
    relations, sources = context.map.relations, context.numbering.sources
    seen = bytearray(len(context.numbering.ids))  # attacking nodes, by number
    for index in context.pro_side_attacks:
        source = sources[index]
        if not seen[source] and relations[index].type in types:
            seen[source] = 1
            yield index


def open_attacks(context: LintContext,
                 types: set[RelationType]) -> Iterator[tuple[int, Verdict]]:
    """pro_side_attacks() that are not fully answered (as relation indexes),
    each with its verdict: the rules then name the target only for the
    attacks they report."""
    verdict, answered = context.answers.verdict, Outcome.ANSWERED
    sources = context.numbering.sources
    for index in pro_side_attacks(context, types):
        found = verdict(sources[index])
        if found.outcome is not answered:
            yield index, found


def unanswered(context: LintContext, index: int, verdict: Verdict, what: str,
               preposition: str, target: str) -> Finding:
    """The Finding for the attack that is relation `index` of the map (on
    `target`), which `verdict` from open_attacks() says is not fully answered."""
    relation, sources = context.map.relations[index], context.numbering.sources
    subject = f"{what} {context.label_at(sources[index])} {preposition} {target}"
    hint = _HINTS.get(verdict.outcome, "").format(target=target)
    if verdict.outcome is Outcome.UNANSWERED:
        return Finding.at_relation(relation, f"{subject} is never answered", hint)
    answer = context.label_at(sources[verdict.answer])
    if verdict.outcome is Outcome.ANSWER_FAILS:
        return Finding.at_relation(relation, f"{subject} is not answered: its answer {answer} "
                                   f"does not stand{_beaten_by(context, verdict)}", hint)
    point = excerpt(context.node_at(sources[index]).text)
    if verdict.outcome is Outcome.PARTIAL:
        message = (f"{subject} is only partly answered, by {answer} (answer: partial); "
                   f"part of it still stands: {point}")
    else:
        message = f"{subject} is conceded by {answer} (answer: conceded): the author grants {point}"
    return Finding.at_relation(relation, message, hint, milder=True)


def _beaten_by(context: LintContext, verdict) -> str:
    if verdict.beaten_by is None:
        return ""
    source = context.numbering.sources[verdict.beaten_by]
    return f", because {context.label_at(source)} attacks it unanswered"
