"""The Qt application object the kiosk runs in (kept here so only the ui layer imports PySide6).

It also carries a guard against a defect of PySide6-Essentials 6.12.0 on Python 3.11: every call of a
Qt method that returns nothing drops one reference to ``None``, so after a few thousand calls Python
aborts with "none_dealloc". On Python 3.12+ ``None`` is immortal and nothing happens. The guard is only
switched on when a start-up self-test sees the leak; it keeps the reference counts from falling.
Pin PySide6 below 6.12 (6.11.3 is free of it) and the guard stays off.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

APPLICATION_NAME = "1+X Assessment Kiosk"
# References to None kept in reserve, and how often the reserve is topped up.
NONE_RESERVE = 20_000
GUARD_INTERVAL_MS = 1000
GUARD_NAME = "none-reference-guard"


def leaks_none(calls: int = 200) -> bool:
    """Whether this PySide6 drops a reference to None on every call of a method returning nothing."""
    if sys.version_info >= (3, 12):
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= calls // 2


def _add_references(value: object, count: int) -> None:
    # Raw increments that nothing ever releases: they must outlive every object, even at interpreter exit,
    # when the defect's missing references would otherwise be noticed.
    for _ in range(count):
        _INCREF(value)


_INCREF = ctypes.pythonapi.Py_IncRef
_INCREF.argtypes = [ctypes.py_object]
_INCREF.restype = None


class NoneReferenceGuard(QObject):
    """Keeps the reference counts of None, True and False from falling by adding back what was dropped.

    The defect shows most for None; True and False were seen to run out too (at interpreter exit), so
    they are guarded the same way.
    """

    GUARDED = (None, True, False)

    def __init__(self, parent: QObject | None = None, reserve: int = NONE_RESERVE) -> None:
        super().__init__(parent)
        for value in self.GUARDED:
            _add_references(value, reserve)
        self.floors = {value: sys.getrefcount(value) for value in self.GUARDED}
        self.added = reserve
        self.timer = QTimer(self)
        self.timer.setInterval(GUARD_INTERVAL_MS)
        self.timer.timeout.connect(self.top_up)
        self.timer.start()

    @property
    def floor(self) -> int:
        return self.floors[None]

    @floor.setter
    def floor(self, value: int) -> None:
        self.floors[None] = value

    def top_up(self) -> int:
        """Add back the references the defect dropped since the last top-up; returns how many."""
        replaced = 0
        for value in self.GUARDED:
            missing = self.floors[value] - sys.getrefcount(value)
            if missing > 0:
                _add_references(value, missing)
                replaced += missing
        self.added += replaced
        return replaced


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, created (once) if there is none yet."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        guard_reference_counts(existing)
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APPLICATION_NAME)
    guard_reference_counts(app)
    return app


def guard_reference_counts(app: QCoreApplication) -> NoneReferenceGuard | None:
    """Switch the guard on for ``app`` if this PySide6 leaks references (once); returns it, if on."""
    existing = app.findChild(NoneReferenceGuard, GUARD_NAME)
    if existing is not None:
        return existing
    if not leaks_none():
        return None
    guard = NoneReferenceGuard(app)
    guard.setObjectName(GUARD_NAME)
    return guard


def run_event_loop(app: QApplication) -> int:
    """Run until the kiosk window closes; returns the exit code."""
    return int(app.exec())
