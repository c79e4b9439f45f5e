"""The one prompter: every question the kiosk asks a person goes through here.

Prompts are drawn as a panel over the kiosk window rather than as separate dialog windows: a second
window would take focus from the kiosk (which lockdown logs as an incident) and ``exec()`` would block tests.
Each prompt calls back with the answer; tests click the panel's real buttons (``Prompter.current``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.i18n import tr
from kiosk.ui.widgets.controls import SteadyComboBox, SteadySpinBox, name_controls


@dataclass(frozen=True, slots=True)
class MenuAction:
    """One button of a prompter menu: what it says, what it does, and whether it may be used now."""

    key: str
    label: str
    enabled: bool = True
    danger: bool = False


class PromptPanel(QFrame):
    """The card in the middle of the overlay: a title, a message, optional fields, and buttons."""

    def __init__(self, kind: str, title: str, message: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setProperty("role", "dialog")
        self.setObjectName(f"prompt-{kind}")
        self.setMaximumWidth(720)
        self.setMinimumWidth(460)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(28, 24, 28, 24)
        self._layout.setSpacing(12)
        # Made inside the panel: a label shown before it has a parent would open as a window of its own and
        # take the keyboard from the kiosk.
        self.title_label = QLabel(title, self)
        self.title_label.setProperty("role", "title")
        self.title_label.setWordWrap(True)
        self.message_label = QLabel(message, self)
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(bool(message))
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "field-error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._layout.addWidget(self.title_label)
        self._layout.addWidget(self.message_label)
        self._fields = QVBoxLayout()
        self._layout.addLayout(self._fields)
        self._layout.addWidget(self.error_label)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._layout.addLayout(self._buttons)
        self.buttons: dict[str, QPushButton] = {}

    def add_field(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setWordWrap(True)
        self._fields.addWidget(caption)
        self._fields.addWidget(widget)

    def add_button(self, key: str, text: str, role: str = "", enabled: bool = True) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"prompt-button-{key}")
        if role:
            button.setProperty("role", role)
        button.setEnabled(enabled)
        self._buttons.addWidget(button)
        self.buttons[key] = button
        return button

    def add_menu_button(self, key: str, text: str, role: str = "", enabled: bool = True) -> QPushButton:
        """A full-width button stacked in the body, for menus."""
        button = QPushButton(text)
        button.setObjectName(f"prompt-button-{key}")
        if role:
            button.setProperty("role", role)
        button.setEnabled(enabled)
        self._fields.addWidget(button)
        self.buttons[key] = button
        return button

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


class _Overlay(QFrame):
    """Darkens the window behind a prompt and keeps the prompt centred as the window resizes."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setProperty("role", "overlay")
        self.setObjectName("prompt-overlay")
        self.box = QVBoxLayout(self)
        self.box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        host = self.parentWidget()
        if host is not None and watched is host and event.type() == QEvent.Type.Resize:
            self.setGeometry(host.rect())
        return False


class Prompter(QObject):
    """Asks the person at the kiosk something, over the window, and calls back with the answer."""

    prompt_opened = Signal(str)
    """A prompt of the named kind (``confirm``, ``pin``...) is now on screen."""
    prompt_closed = Signal(str)
    """The prompt of the named kind was answered or dismissed."""
    settled = Signal()
    """A prompt was answered, what the answer led to has run, and no prompt is open now."""

    def __init__(self, host: QWidget, blocked: QWidget | None = None) -> None:
        super().__init__(host)
        self._host = host
        self._blocked = blocked
        self._overlay = _Overlay(host)
        self.current: PromptPanel | None = None
        self._on_cancel: Callable[[], None] | None = None

    # -- kinds of prompt -------------------------------------------------------------------------------

    def confirm(
        self,
        title: str,
        message: str,
        accept_text: str,
        reject_text: str,
        on_answer: Callable[[bool], None],
        danger: bool = False,
    ) -> PromptPanel:
        """Ask a yes/no question; ``on_answer(True)`` for the accept button."""
        panel = self._open("confirm", title, message, lambda: on_answer(False))
        reject = panel.add_button("reject", reject_text)
        accept = panel.add_button("accept", accept_text, "danger" if danger else "primary")
        reject.clicked.connect(lambda: self._finish(lambda: on_answer(False)))
        accept.clicked.connect(lambda: self._finish(lambda: on_answer(True)))
        self._show(panel, reject)
        return panel

    def inform(self, title: str, message: str, on_close: Callable[[], None] | None = None) -> PromptPanel:
        """Tell the person something they must acknowledge."""
        then = on_close or (lambda: None)
        panel = self._open("inform", title, message, then)
        ok = panel.add_button("accept", tr("Prompter", "OK"), "primary")
        ok.clicked.connect(lambda: self._finish(then))
        self._show(panel, ok)
        return panel

    def ask_pin(
        self,
        title: str,
        message: str,
        on_answer: Callable[[str], None],
        on_cancel: Callable[[], None] | None = None,
        label: str = "",
    ) -> PromptPanel:
        """Ask the invigilator for their PIN (or another secret, captioned ``label``); ``on_answer(pin)``
        unless cancelled."""
        cancelled = on_cancel or (lambda: None)
        panel = self._open("pin", title, message, cancelled)
        pin = QLineEdit()
        pin.setObjectName("prompt-pin")
        pin.setEchoMode(QLineEdit.EchoMode.Password)
        pin.setMaxLength(32)
        panel.add_field(label or tr("Prompter", "Invigilator PIN"), pin)
        cancel = panel.add_button("reject", tr("Prompter", "Cancel"))
        ok = panel.add_button("accept", tr("Prompter", "Continue"), "primary")

        def submit() -> None:
            if not pin.text().strip():
                panel.show_error(tr("Prompter", "Type the invigilator PIN."))
                return
            self._finish(lambda: on_answer(pin.text().strip()))

        cancel.clicked.connect(lambda: self._finish(cancelled))
        ok.clicked.connect(submit)
        pin.returnPressed.connect(submit)
        self._show(panel, pin)
        return panel

    def ask_extra_time(self, on_answer: Callable[[int, str], None]) -> PromptPanel:
        """Ask how many minutes to add and why."""
        panel = self._open("extra_time", tr("Prompter", "Give extra time"), "", lambda: None)
        minutes = SteadySpinBox()
        minutes.setObjectName("prompt-minutes")
        minutes.setRange(1, 120)
        minutes.setValue(5)
        minutes.setSuffix(tr("Prompter", " min"))
        reason = QLineEdit()
        reason.setObjectName("prompt-reason")
        reason.setMaxLength(200)
        panel.add_field(tr("Prompter", "Minutes to add"), minutes)
        panel.add_field(tr("Prompter", "Reason (kept in the sitting record)"), reason)
        cancel = panel.add_button("reject", tr("Prompter", "Cancel"))
        ok = panel.add_button("accept", tr("Prompter", "Add time"), "primary")

        def submit() -> None:
            if not reason.text().strip():
                panel.show_error(tr("Prompter", "Write the reason for the extra time."))
                return
            self._finish(lambda: on_answer(minutes.value(), reason.text().strip()))

        cancel.clicked.connect(lambda: self._finish(lambda: None))
        ok.clicked.connect(submit)
        self._show(panel, minutes)
        return panel

    def ask_incident(
        self, categories: Sequence[tuple[str, str]], on_answer: Callable[[str, str], None]
    ) -> PromptPanel:
        """Ask for an incident's category (value, label pairs) and a description."""
        panel = self._open("incident", tr("Prompter", "Record an incident"), "", lambda: None)
        category = SteadyComboBox()
        category.setObjectName("prompt-category")
        for value, label in categories:
            category.addItem(label, value)
        description = QPlainTextEdit()
        description.setObjectName("prompt-description")
        description.setTabChangesFocus(True)
        description.setFixedHeight(110)
        panel.add_field(tr("Prompter", "What kind of incident"), category)
        panel.add_field(tr("Prompter", "What happened"), description)
        cancel = panel.add_button("reject", tr("Prompter", "Cancel"))
        ok = panel.add_button("accept", tr("Prompter", "Record"), "primary")

        def submit() -> None:
            text = description.toPlainText().strip()
            if not text:
                panel.show_error(tr("Prompter", "Describe what happened."))
                return
            self._finish(lambda: on_answer(str(category.currentData()), text))

        cancel.clicked.connect(lambda: self._finish(lambda: None))
        ok.clicked.connect(submit)
        self._show(panel, category)
        return panel

    def menu(
        self, title: str, message: str, actions: Sequence[MenuAction], on_choice: Callable[[str], None]
    ) -> PromptPanel:
        """Offer a list of actions; ``on_choice(key)`` for the one chosen (nothing when closed)."""
        panel = self._open("menu", title, message, lambda: None)
        first: QPushButton | None = None
        for action in actions:
            button = panel.add_menu_button(
                action.key, action.label, "danger" if action.danger else "", action.enabled
            )
            button.clicked.connect(lambda _=False, key=action.key: self._finish(lambda: on_choice(key)))
            if first is None and action.enabled:
                first = button
        close = panel.add_button("reject", tr("Prompter", "Close"))
        close.clicked.connect(lambda: self._finish(lambda: None))
        self._show(panel, first or close)
        return panel

    # -- mechanics -------------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.current is not None

    def cancel(self) -> None:
        """Dismiss the open prompt as if its cancel button had been pressed."""
        if self.current is not None:
            self._finish(self._on_cancel or (lambda: None))

    def _open(self, kind: str, title: str, message: str, on_cancel: Callable[[], None]) -> PromptPanel:
        if self.current is not None:
            # A newer question replaces an older one (e.g. time ran out while a confirmation was open).
            self._close()
        panel = PromptPanel(kind, title, message, self._overlay)
        self._on_cancel = on_cancel
        return panel

    def _show(self, panel: PromptPanel, focus: QWidget) -> None:
        self.current = panel
        # Centred at its own size: fields that like to grow (a text box) must not stretch the card.
        self._overlay.box.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        self._overlay.setGeometry(self._host.rect())
        if self._blocked is not None:
            self._blocked.setEnabled(False)
        self._overlay.show()
        self._overlay.raise_()
        panel.installEventFilter(self)
        panel.setAccessibleName(panel.title_label.text())
        panel.setAccessibleDescription(panel.message_label.text())
        name_controls(panel)
        focus.setFocus(Qt.FocusReason.PopupFocusReason)
        self.prompt_opened.emit(panel.kind)

    def _finish(self, then: Callable[[], None]) -> None:
        kind = self.current.kind if self.current is not None else ""
        self._close()
        self.prompt_closed.emit(kind)
        then()
        if self.current is None:
            self.settled.emit()

    def _close(self) -> None:
        panel = self.current
        self.current = None
        self._on_cancel = None
        if panel is not None:
            panel.removeEventFilter(self)
            panel.hide()
            panel.deleteLater()
        self._overlay.hide()
        if self._blocked is not None:
            self._blocked.setEnabled(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.current
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.cancel()
            return True
        return False
