"""The invigilator unlock screen: choose today's sitting, type the PIN and the exam-day release code."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import CardScreen, code_entry, field
from kiosk.ui.screens.views import SittingLine
from kiosk.ui.widgets.controls import SteadyComboBox


class UnlockScreen(CardScreen):
    """Collects what opening a sitting needs; the presenter does the (slow) unlocking."""

    unlock_requested = Signal(int, str, str)
    """The invigilator asked to open sitting id with this PIN and release code."""
    cancelled = Signal()
    """The invigilator went back to the idle screen."""

    def __init__(self) -> None:
        super().__init__("unlock-screen")
        self.sitting = SteadyComboBox()
        self.sitting.setObjectName("unlock-sitting")
        self.pin = code_entry("unlock-pin", 32, secret=True)
        self.release_code = code_entry("unlock-release-code", 40)
        self.sitting_caption = field("", self.sitting, self.body)
        self.pin_caption = field("", self.pin, self.body)
        self.code_caption = field("", self.release_code, self.body)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("unlock-cancel")
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlock-button")
        self.unlock_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        self.finish_body()
        self.body.addLayout(buttons)
        self.unlock_button.clicked.connect(self._submit)
        self.release_code.returnPressed.connect(self._submit)
        self.pin.returnPressed.connect(self.release_code.setFocus)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.retranslate()

    def set_sittings(self, sittings: Sequence[SittingLine]) -> None:
        self.sitting.clear()
        for line in sittings:
            self.sitting.addItem(f"{line.name} — {line.exam}", line.sitting_id)

    def reset(self) -> None:
        self.pin.clear()
        self.release_code.clear()
        self.show_error("")
        self.set_busy(False)

    def focus_start(self) -> QWidget | None:
        # Today's first sitting is already chosen; most days there is only one.
        return self.pin

    def unlock_failed(self, message: str, field: str) -> None:
        """Unlocking failed: say why; the field at fault (``pin`` or ``release_code``) gets the keyboard."""
        self.show_failure(message, self.pin if field == "pin" else self.release_code)

    def set_busy(self, busy: bool) -> None:
        if busy and self.isVisible():
            self.hold_focus()
        for widget in (self.sitting, self.pin, self.release_code, self.unlock_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.show_progress(tr("UnlockScreen", "Unlocking the question bank…") if busy else "")

    def _submit(self) -> None:
        if self.sitting.currentIndex() < 0:
            self.show_error(tr("UnlockScreen", "There is no sitting to open today."))
            return
        if not self.pin.text().strip():
            self.show_error(tr("UnlockScreen", "Type your invigilator PIN."))
            self.pin.setFocus()
            return
        if not self.release_code.text().strip():
            self.show_error(tr("UnlockScreen", "Type the release code announced for this exam."))
            self.release_code.setFocus()
            return
        self.show_error("")
        self.unlock_requested.emit(
            int(self.sitting.currentData()), self.pin.text().strip(), self.release_code.text()
        )

    def retranslate(self) -> None:
        self.title.setText(tr("UnlockScreen", "Open a sitting"))
        self.subtitle.setText(
            tr(
                "UnlockScreen",
                "For the invigilator: choose the sitting, then type your PIN and the release code.",
            )
        )
        self.sitting_caption.setText(tr("UnlockScreen", "&Sitting"))
        self.pin_caption.setText(tr("UnlockScreen", "Invigilator &PIN"))
        self.code_caption.setText(
            tr("UnlockScreen", "&Release code (capitals, spaces and dashes do not matter)")
        )
        self.release_code.setPlaceholderText(tr("UnlockScreen", "for example K7QF-M2XD-9PHA"))
        self.cancel_button.setText(tr("UnlockScreen", "Back"))
        self.unlock_button.setText(tr("UnlockScreen", "&Unlock"))
