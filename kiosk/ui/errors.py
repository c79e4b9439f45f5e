"""How a failure is put to the person at the kiosk: one sentence, never a traceback."""

from __future__ import annotations

import logging

from kiosk.domain.errors import KioskError
from kiosk.ui.i18n import tr

_log = logging.getLogger(__name__)


def error_message(error: BaseException) -> str:
    """The sentence to show for ``error``: its own for a KioskError, a call for help for anything else."""
    if isinstance(error, KioskError):
        return str(error)
    _log.error("unexpected failure", exc_info=error)
    return tr(
        "Errors",
        "Something went wrong inside the kiosk program. "
        "Call the invigilator; the details are in the kiosk log.",
    )
