"""A suppression comment names an unknown rule or is malformed.

A suppression must name the rules it silences, by name or code:
`// argmap: ignore unsupported-claim, A201`. A misspelt name silences nothing,
so it is reported, with the closest rule name as a hint. Text after `--` is a
free comment, for the reason.

Example:

    // argmap: ignore unsuported-claim
    [thesis] Furr argues that the trials were fair.

Fix:

    // argmap: ignore unsupported-claim -- the author takes this as given
    [thesis] Furr argues that the trials were fair.
"""

from __future__ import annotations

from ...diagnostics import Severity

NAME = "invalid-suppression"
CODE = "A902"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}
