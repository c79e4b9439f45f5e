"""What most screens share: a centred card with a title, a body, a line for errors and one for progress."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.widgets.controls import name_controls, tab_chain


class Screen(QWidget):
    """A screen that rebuilds its words when the language changes and says where the keyboard starts."""

    def retranslate(self) -> None:
        """Set every caption in the current language."""

    def focus_start(self) -> QWidget | None:
        """The control the keyboard starts on when this screen appears (the first one Tab reaches)."""
        chain = self.tab_order()
        return chain[0] if chain else None

    def take_focus(self) -> None:
        """Put the keyboard focus on ``focus_start``, or on the screen itself when it has no control."""
        start = self.focus_start()
        (start or self).setFocus(Qt.FocusReason.OtherFocusReason)

    def tab_order(self) -> list[QWidget]:
        """What Tab visits on this screen, in order."""
        return tab_chain(self)

    def handle_key(self, event: QKeyEvent, target: QWidget) -> bool:
        """Use a key pressed on ``target`` (this screen or a control in it) before the control sees it;
        True when the key was used. The window asks the screen on view; most screens use no key."""
        return False

    def hold_focus(self) -> None:
        """Keep the keyboard on this screen while its controls are disabled (busy): otherwise Qt hands it
        to the next control that can take it, the language button in the header."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            name_controls(self)
        super().changeEvent(event)


class CardScreen(Screen):
    """A screen whose content sits in a card in the middle of the window."""

    def __init__(self, name: str, width: int = 760, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card.setMaximumWidth(width)
        self.card.setMinimumWidth(min(width, 560))
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(36, 28, 36, 28)
        self.body.setSpacing(12)
        self.title = QLabel()
        self.title.setObjectName(f"{name}-title")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName(f"{name}-subtitle")
        self.subtitle.setWordWrap(True)
        self.body.addWidget(self.title)
        self.body.addWidget(self.subtitle)
        self.error = QLabel()
        self.error.setObjectName(f"{name}-error")
        self.error.setProperty("role", "field-error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = QLabel()
        self.progress.setObjectName(f"{name}-progress")
        self.progress.setProperty("role", "muted")
        self.progress.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        # In large text the card can outgrow a 768-pixel screen: it scrolls instead of widening the window.
        page = QWidget()
        inner = QVBoxLayout(page)
        inner.setContentsMargins(24, 16, 24, 16)
        inner.addStretch(1)
        inner.addLayout(row)
        inner.addStretch(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The page scrolls to whichever field has the focus; the scroll area itself is no Tab stop.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def finish_body(self) -> None:
        """Put the error and progress lines under whatever the subclass added."""
        self.body.addWidget(self.error)
        self.body.addWidget(self.progress)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def show_progress(self, message: str) -> None:
        self.progress.setText(message)
        self.progress.setVisible(bool(message))

    def show_failure(self, message: str, entry: QLineEdit | None) -> None:
        """Show why something failed and give the keyboard back to the field at fault, its text selected."""
        self.show_error(message)
        if entry is not None and self.isVisible():
            entry.setFocus(Qt.FocusReason.OtherFocusReason)
            entry.selectAll()


def field(label: str, widget: QWidget, into: QVBoxLayout) -> QLabel:
    """A caption above ``widget`` whose mnemonic moves the focus to it."""
    caption = QLabel(label)
    caption.setBuddy(widget)
    # Long captions wrap in large text rather than run out of the card.
    caption.setWordWrap(True)
    into.addWidget(caption)
    into.addWidget(widget)
    return caption


def code_entry(name: str, max_length: int = 40, secret: bool = False) -> QLineEdit:
    entry = QLineEdit()
    entry.setObjectName(name)
    entry.setMaxLength(max_length)
    if secret:
        entry.setEchoMode(QLineEdit.EchoMode.Password)
    entry.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhPreferUppercase)
    return entry
