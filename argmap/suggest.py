"""The "did you mean" hint for a misspelt name: one wording for every setting."""

from __future__ import annotations


def did_you_mean(word: str, choices) -> str | None:
    """`did you mean 'X'?` for the closest of `choices`, or None when none is close."""
    import difflib  # here: only a misspelt name needs it, not every start-up

    close = difflib.get_close_matches(word, [str(choice) for choice in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
