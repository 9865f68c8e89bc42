"""A suppression comment suppresses nothing.

`// argmap: ignore RULE` on the line above a node, and
`// argmap: ignore-file RULE` anywhere in a file, silence a rule there. Once
the finding is gone (the claim got its support), the comment should go too,
or it will hide the next real problem. Suppressions of rules that are turned
off in this run are not reported.

Example:

    // argmap: ignore unsupported-claim
    [thesis] Furr argues that the trials were fair.
      + [open] The trials were held in public.
        source: essay, line 300

Fix:

    [thesis] Furr argues that the trials were fair.
      + [open] The trials were held in public.
        source: essay, line 300
"""

from __future__ import annotations

from ...diagnostics import Severity

NAME = "unused-suppression"
CODE = "A901"
SEVERITY = Severity.WARNING
OPTIONS: dict = {}
