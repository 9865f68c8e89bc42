"""The file cannot be read or parsed.

Syntax errors (bad indentation, a tab, an unclosed `[id`, an unknown field,
invalid front matter) keep the E-codes that `argmap check` gives them, E0xx to
E2xx, and are always errors. The lint rules do not run on a map whose files
have errors, because their findings would follow from the broken parts; fix
the errors first. This rule cannot be turned off or suppressed.

Example:

    [thesis Furr argues that the trials were fair.

Fix:

    [thesis] Furr argues that the trials were fair.
"""

from __future__ import annotations

from ...diagnostics import Severity

NAME = "parse-error"
CODE = "E0xx-E2xx"
SEVERITY = Severity.ERROR
OPTIONS: dict = {}
FIXED = True
