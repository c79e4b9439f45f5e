"""Controls that never change an answer by accident, the keyboard order of what a screen shows, and the
names a screen reader says for each control.

A drop-down under the mouse pointer changes its value when the wheel turns, even without focus: a
candidate scrolling the question would silently change a saved match. ``SteadyComboBox`` takes focus only
from Tab or a click, and passes the wheel on to the page (which scrolls) unless it has the focus.

Every control gets an accessible name: one given with :func:`describe` where the words on screen are not
enough (a navigator button, a calculator key), otherwise its caption (the label whose buddy it is) or its
own words, kept up to date by :func:`name_controls` whenever a screen or question is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

# Set on a widget whose accessible name was given on purpose, so name_controls leaves it alone.
_GIVEN = "accessible-name-given"
CONTROL_TYPES = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


class SteadyComboBox(QComboBox):
    """A drop-down that the wheel changes only once the candidate has chosen it (Tab or click).

    A choice longer than the box is shown whole in its tooltip, and the open list is as wide as its
    longest choice (up to the window), so no option is cut.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.currentTextChanged.connect(self.setToolTip)

    def showPopup(self) -> None:
        view = self.view()
        widest = view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24
        room = self.window().width() - 16 if self.window() is not None else widest
        view.setMinimumWidth(min(max(widest, self.width()), room))
        super().showPopup()

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


def plain(text: str) -> str:
    """A caption without its mnemonic marks (``&Next`` is read "Next"; ``&&`` stays one ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Give ``widget`` the accessible name a screen reader says for it, and a description if useful."""
    name = " ".join(plain(name).split())
    widget.setProperty(_GIVEN, True)
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)
    if widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)


def is_control(widget: QWidget) -> bool:
    """Whether a person operates ``widget`` (a button, field, list...), not a part inside another control."""
    parent = widget.parentWidget()
    if parent is not None and isinstance(parent, QAbstractSpinBox | QComboBox):
        return False
    if isinstance(widget, QAbstractItemView) and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        # A table only to read (today's sittings), or a drop-down's list, which its drop-down names.
        return False
    return isinstance(widget, CONTROL_TYPES)


def name_controls(container: QWidget) -> None:
    """Name each control in ``container`` that was not named on purpose after its caption or its words."""
    captions: dict[QWidget, str] = {}
    for label in container.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            captions[buddy] = label.text()
    for widget in container.findChildren(QWidget):
        if not is_control(widget) or widget.property(_GIVEN):
            continue
        name = captions.get(widget, "")
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text() or widget.toolTip()
        if not name and isinstance(widget, QLineEdit):
            name = widget.placeholderText()
        name = " ".join(plain(name).split())
        if name and widget.accessibleName() != name:
            widget.setAccessibleName(name)


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
