"""Lockdown inside the app: full screen, no window frame, escape shortcuts swallowed, the screen taken back.

This is as far as an application can go (README, "Lockdown and its limits"): Ctrl+Alt+Del and switching
desktops need the operating system's kiosk mode. What the app cannot stop it undoes and records: every
time the kiosk is minimised or stops being the active window, ``focus_lost`` is emitted (the kiosk
presenter logs an incident through the services) and the kiosk restores itself, full screen, raised and
active, within :data:`RESTORE_MS` and then again every :data:`RETRY_MS` until it is back; then
``focus_regained`` is emitted, so the incident gets its real length.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

# How soon after a loss the kiosk takes its screen back, and how often it tries again until it has it.
RESTORE_MS = 150
RETRY_MS = 400
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
    focus_regained = Signal()
    """After a ``focus_lost``, the kiosk is full screen and the active window again."""
    escape_blocked = Signal(str)
    """A close or escape shortcut was swallowed; carries which."""

    def __init__(self, window: QWidget, enabled: bool, allow_escape: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.enabled = enabled
        self._allow_escape = allow_escape
        self._active = True
        self._engaged = False
        self._restorer = QTimer(self)
        self._restorer.setSingleShot(True)
        self._restorer.timeout.connect(self._take_back)

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
        self.window.installEventFilter(self)
        app.applicationStateChanged.connect(self._application_state_changed)
        app.focusWindowChanged.connect(self._focus_window_changed)

    def release(self) -> None:
        """Stop watching (the invigilator is leaving the kiosk)."""
        if not self._engaged:
            return
        self._engaged = False
        self._restorer.stop()
        app = _application()
        self.window.removeEventFilter(self)
        app.applicationStateChanged.disconnect(self._application_state_changed)
        app.focusWindowChanged.disconnect(self._focus_window_changed)

    @property
    def engaged(self) -> bool:
        return self._engaged

    @property
    def taking_back(self) -> bool:
        """Whether the kiosk lost its screen and is still taking it back."""
        return not self._active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self.window.windowState() & Qt.WindowState.WindowMinimized
        ):
            self._lost("The kiosk window was minimised.")
            return False
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
            self._check_back()
        else:
            self._lost(
                "The kiosk program stopped being the active application (another program or the desktop "
                "took over)."
            )

    def _focus_window_changed(self, window: QWindow | None) -> None:
        ours = self.window.windowHandle()
        if window is not None and window is ours:
            self._check_back()
        elif window is None:
            self._lost("The kiosk window lost the keyboard focus.")

    def _lost(self, detail: str) -> None:
        # Both signals usually fire for one loss; report it once, and take the screen back.
        if self._active:
            self._active = False
            self.focus_lost.emit(detail)
        if self._engaged and not self._restorer.isActive():
            self._restorer.start(RESTORE_MS)

    def is_back(self) -> bool:
        """Whether the kiosk is full screen, not minimised, and the window that has the keyboard."""
        window = self.window
        return bool(
            window.isVisible()
            and not window.isMinimized()
            and window.isFullScreen()
            and QGuiApplication.focusWindow() is window.windowHandle()
            and QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        )

    def _check_back(self) -> None:
        if not self._active and self.is_back():
            self._active = True
            self._restorer.stop()
            self.focus_regained.emit()

    def _take_back(self) -> None:
        """Restore, raise and reactivate the window; try again shortly until it is really back."""
        if not self._engaged:
            return
        self._check_back()
        if self._active:
            return
        window = self.window
        state = window.windowState() & ~Qt.WindowState.WindowMinimized
        window.setWindowState(state | Qt.WindowState.WindowFullScreen)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        handle = window.windowHandle()
        if handle is not None:
            handle.requestActivate()
        self._check_back()
        if not self._active:
            self._restorer.start(RETRY_MS)
