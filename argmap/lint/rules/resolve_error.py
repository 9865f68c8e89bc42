"""A reference, id or include cannot be resolved.

Duplicate ids, references to undefined ids, include cycles, missing included
files and paths that leave the project keep the E3xx codes that
`argmap check` gives them, and are always errors. As with parse errors, the
lint rules wait until they are fixed. This rule cannot be turned off or
suppressed.

Example:

    [thesis] Furr argues that the trials were fair.
      + @opne

Fix:

    [thesis] Furr argues that the trials were fair.
      + [open] The trials were held in public.
        source: essay, line 300
"""

from __future__ import annotations

from ...diagnostics import Severity

NAME = "resolve-error"
CODE = "E3xx"
SEVERITY = Severity.ERROR
OPTIONS: dict = {}
FIXED = True
