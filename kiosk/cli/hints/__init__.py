"""What the CLI adds to an error's sentence: the command or option to use next, by error code.

Each part of the product keeps its hints in ``kiosk/cli/hints/<area>.py`` as ``HINTS = {code: clause}``, a
short clause such as "run 'kiosk roster check' to see them all"; every such module here is gathered into
:data:`HINTS`. The CLI prints the English sentence with the clause appended after a semicolon.
"""

from __future__ import annotations

import importlib
import pkgutil

from kiosk.domain.errors import KioskError, Notice
from kiosk.messages import fill, sentence


def _gather() -> dict[str, str]:
    hints: dict[str, str] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda found: found.name):
        area = importlib.import_module(f"{__name__}.{module.name}")
        hints.update(getattr(area, "HINTS", {}))
    return hints


HINTS: dict[str, str] = _gather()


def with_hint(error: KioskError | Notice) -> str:
    """The English sentence for ``error``, and the CLI's hint of what to run next when it has one."""
    said = sentence(error)
    hint = HINTS.get(error.code)
    if not hint:
        return said
    clause = fill(hint, error.params)
    return f"{said.rstrip().removesuffix('.')}; {clause}."
