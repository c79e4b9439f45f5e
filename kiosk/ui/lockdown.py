"""Lockdown inside the app: full screen, no window frame, escape shortcuts swallowed, focus losses reported.

This is as far as an application can go (README, "Lockdown and its limits"): Ctrl+Alt+Del and switching
desktops need the operating system's kiosk mode. What the app cannot stop it records: every time the kiosk
stops being the active window, ``focus_lost`` is emitted and the kiosk presenter logs an incident through
the services.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier


def is_escape_shortcut(event: QKeyEvent) -> bool:
    """Alt+F4, Ctrl+W, Ctrl+Q, Ctrl+F4 and Escape: the keys that close or leave a window."""
    key = event.key()
    modifiers = event.modifiers()
    if key == Qt.Key.Key_Escape:
        return True
    if key == Qt.Key.Key_F4 and modifiers & (_ALT | _CTRL):
        return True
    return bool(key in (Qt.Key.Key_W, Qt.Key.Key_Q) and modifiers & _CTRL)


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the kiosk window needs a QApplication"
    return app


class Lockdown(QObject):
    """Keeps the kiosk window in front and closed to escape keys while ``enabled``."""

    focus_lost = Signal(str)
    """The kiosk window stopped being the active window; carries what happened, for the incident log."""
    escape_blocked = Signal(str)
    """A close or escape shortcut was swallowed; carries which."""

    def __init__(self, window: QWidget, enabled: bool, allow_escape: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.enabled = enabled
        self._allow_escape = allow_escape
        self._active = True
        self._engaged = False

    def engage(self) -> None:
        """Go full screen and frameless, and start watching keys and focus (only when enabled)."""
        if not self.enabled or self._engaged:
            return
        self._engaged = True
        self.window.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.window.showFullScreen()
        app = _application()
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._application_state_changed)
        app.focusWindowChanged.connect(self._focus_window_changed)

    def release(self) -> None:
        """Stop watching (the invigilator is leaving the kiosk)."""
        if not self._engaged:
            return
        self._engaged = False
        app = _application()
        app.removeEventFilter(self)
        app.applicationStateChanged.disconnect(self._application_state_changed)
        app.focusWindowChanged.disconnect(self._focus_window_changed)

    @property
    def engaged(self) -> bool:
        return self._engaged

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and is_escape_shortcut(event)
            and not (event.key() == Qt.Key.Key_Escape and self._allow_escape())
        ):
            if event.type() == QEvent.Type.KeyPress:
                self.escape_blocked.emit(event.text() or str(event.key()))
            event.accept()
            return True
        return False

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._active = True
        else:
            self._lost(
                "The kiosk program stopped being the active application (another program or the desktop "
                "took over)."
            )

    def _focus_window_changed(self, window: QWindow | None) -> None:
        ours = self.window.windowHandle()
        if window is not None and window is ours:
            self._active = True
        elif window is None:
            self._lost("The kiosk window lost the keyboard focus.")

    def _lost(self, detail: str) -> None:
        # Both signals usually fire for one loss; report it once.
        if self._active:
            self._active = False
            self.focus_lost.emit(detail)
