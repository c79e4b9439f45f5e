"""Small status widgets of the exam screen: the countdown, the saved mark and the message banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.ui.theme import set_style_property

WARNING_SECONDS = 10 * 60
CRITICAL_SECONDS = 5 * 60


def format_duration(seconds: float) -> str:
    """``1:05:09`` or ``42:17``: whole seconds, rounded up so 0:00 means the time is really over."""
    total = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Countdown(QLabel):
    """The time left, turning amber at ten minutes and red at five."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setProperty("role", "clock")
        self.setProperty("level", "normal")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds = 0.0

    def show_remaining(self, seconds: float, caption: str) -> None:
        self.seconds = seconds
        self.setText(f"{caption} {format_duration(seconds)}")
        if seconds <= CRITICAL_SECONDS:
            level = "critical"
        elif seconds <= WARNING_SECONDS:
            level = "warning"
        else:
            level = "normal"
        set_style_property(self, "level", level)


class Banner(QFrame):
    """A strip of text across a screen or page: ``error``, ``warning`` or ``info``.

    The words say which, not only the colour. The console's banners are ``selectable`` so an administrator
    can copy a path or a number out of them; the kiosk's are not, so they never take a candidate's focus.
    """

    def __init__(self, name: str, parent: QWidget | None = None, *, selectable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "banner")
        self.setProperty("level", "info")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel()
        self.label.setObjectName(f"{name}-text")
        self.label.setWordWrap(True)
        if selectable:
            self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.hide()

    @property
    def level(self) -> str:
        return str(self.property("level"))

    @property
    def text(self) -> str:
        return self.label.text()

    def show_message(self, level: str, text: str) -> None:
        """Show ``text`` at ``level``; an empty text hides the banner."""
        set_style_property(self, "level", level)
        self.label.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.label.clear()
        self.hide()
