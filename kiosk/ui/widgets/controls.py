"""Controls that never change an answer by accident, and the keyboard order of what a screen shows.

A drop-down under the mouse pointer changes its value when the wheel turns, even without focus: a
candidate scrolling the question would silently change a saved match. ``SteadyComboBox`` takes focus only
from Tab or a click, and passes the wheel on to the page (which scrolls) unless it has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget


class SteadyComboBox(QComboBox):
    """A drop-down that the wheel changes only once the candidate has chosen it (Tab or click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            # Ignored, the event goes to the parent: the question scrolls and the answer stays.
            event.ignore()
            return
        super().wheelEvent(event)


class SteadySpinBox(QSpinBox):
    """A number box that the wheel changes only once it has the focus (Tab or a click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            event.ignore()
            return
        super().wheelEvent(event)


def tab_chain(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab can reach now, in the window's focus-chain order."""
    found: list[QWidget] = []
    seen: set[QWidget] = set()
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container and widget not in seen:
        seen.add(widget)
        if (
            container.isAncestorOf(widget)
            and widget.isVisibleTo(container.window())
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found
