"""How a failure is put to the person at the kiosk or the console: one sentence, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import KioskError, Notice
from kiosk.messages import CONTEXT, sentence
from kiosk.ui.i18n import tr

_log = logging.getLogger(__name__)


class ShownError(Exception):
    """A failure the screens word themselves: its text is the sentence to show, already in their language."""


def _translate(template: str, count: int) -> str:
    # Every error template is in the Errors context of the errors_*.qm catalogues; Qt gives back the
    # English template itself when the language has no translation of it.
    return QCoreApplication.translate(CONTEXT, template, None, count)


def error_sentence(error: KioskError | Notice) -> str:
    """The sentence for ``error`` in the screens' language."""
    return sentence(error, _translate)


def error_message(error: BaseException) -> str:
    """The sentence to show for ``error``: its own for a KioskError, a call for help for anything else."""
    if isinstance(error, KioskError):
        return error_sentence(error)
    if isinstance(error, ShownError):
        return str(error)
    _log.error("unexpected failure", exc_info=error)
    return tr(
        "ErrorDisplay",
        "Something went wrong inside the kiosk program. "
        "Call the invigilator; the details are in the kiosk log.",
    )
