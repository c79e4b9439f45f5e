"""What every presenter of the console uses: the task runner, the prompter, the file chooser, the desktop.

:meth:`ConsoleTools.run` is the one way a page starts slow work: the page shows it is busy, the work runs
on a worker thread through the kiosk's :class:`TaskRunner`, and a failure reaches the administrator as one
sentence through the kiosk's :class:`Prompter`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.domain.errors import KioskError
from kiosk.ui.admin.seams import Desktop, FileChooser
from kiosk.ui.admin.widgets import ConsolePage
from kiosk.ui.errors import ShownError, error_message
from kiosk.ui.i18n import tr
from kiosk.ui.prompts import Prompter
from kiosk.ui.tasks import TaskRunner

_log = logging.getLogger(__name__)


def failure_sentence(error: BaseException) -> str:
    """The sentence to show for ``error``: its own for a KioskError, otherwise where to look for details."""
    if isinstance(error, KioskError | ShownError):
        return error_message(error)
    _log.error("unexpected failure in the administrator console", exc_info=error)
    return tr(
        "AdminConsole",
        "Something went wrong inside the console and nothing more was done. The details are in the "
        "console's log; please report them.",
    )


class ProgressRelay(QObject):
    """Carries progress from work on a worker thread to the GUI thread (the signal is queued across)."""

    progressed = Signal(int, int, str)
    """``done`` of ``total`` steps are finished; the third value names the step just done."""

    def report(self, done: int, total: int, what: object) -> None:
        self.progressed.emit(done, total, str(what))


@dataclass
class ConsoleTools:
    """The console's shared helpers, handed to every presenter."""

    tasks: TaskRunner
    prompter: Prompter
    chooser: FileChooser
    desktop: Desktop

    def run(
        self,
        page: ConsolePage,
        name: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        failure_title: str,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work`` off the GUI thread with ``page`` marked busy; a failure is told as a sentence."""
        page.set_busy(True)

        def done(result: Any) -> None:
            page.set_busy(False)
            on_done(result)

        def failed(error: Exception) -> None:
            page.set_busy(False)
            if on_failed is not None:
                on_failed(error)
            self.tell_failure(failure_title, error)

        self.tasks.run(name, work, done, failed)

    def tell_failure(self, title: str, error: BaseException) -> None:
        self.prompter.inform(title, failure_sentence(error))

    def tell(self, title: str, message: str) -> None:
        self.prompter.inform(title, message)
