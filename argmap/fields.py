"""The fixed vocabulary of `key: value` fields under a node."""

from __future__ import annotations

from .model import Kind, Strength

FIELDS = {
    "source": "a source or citation; a node with a source is evidence",
    "at": "where in the mapped document the node comes from, e.g. lines 120-134, fn. 17",
    "quote": "a verbatim quote from the source",
    "speaker": "who makes the claim",
    "qualifier": "a certainty word, such as probably or may",
    "answer": "how fully this node answers the attack above it: full, partial or conceded",
    "kind": "claim (the default) or assumption: an assumption needs no support",
}

CHOICES = {
    "answer": {s.value: s for s in Strength},
    "kind": {k.value: k for k in Kind},
}
