"""The one way the kiosk runs slow work: on a worker thread, with the outcome delivered on the GUI thread.

Unlocking a bank (Argon2id plus decryption) or checking an access code takes long enough to freeze a
window on an old lab PC. Presenters hand such work to :class:`TaskRunner`; ``on_done`` or ``on_failed`` is
then called on the GUI thread, so it may touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kiosk.domain.errors import KioskError

_log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its signals, emitted from the worker, are queued back to it."""

    succeeded = Signal(object)
    """The work returned; carries its result."""
    failed = Signal(object)
    """The work raised; carries the exception."""


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # every failure must reach the GUI thread, or the screen waits forever
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs work off the GUI thread and calls back on it; tracks whether anything is still running."""

    task_started = Signal(str)
    """Work named by the argument was handed to a worker thread."""
    task_finished = Signal(str)
    """Work named by the argument finished (either way) and its callback has run."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._running: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        name: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        """Run ``work()`` on a worker thread; then ``on_done(result)`` or ``on_failed(error)`` on this one."""
        relay = _Relay()
        self._running.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._running.discard(relay)
            try:
                callback(value)
            finally:
                relay.deleteLater()
                self.task_finished.emit(name)

        relay.succeeded.connect(lambda result: finish(on_done, result))
        relay.failed.connect(lambda error: finish(on_failed, _logged(name, error)))
        self.task_started.emit(name)
        self._pool.start(_Job(work, relay))

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until every worker is idle (used when the kiosk closes); True if they all finished."""
        return bool(self._pool.waitForDone(timeout_ms))


def _logged(name: str, error: Exception) -> Exception:
    # A KioskError is a sentence for a person; anything else is a bug worth a traceback in the log.
    if not isinstance(error, KioskError):
        _log.error("task %s failed", name, exc_info=error)
    return error
