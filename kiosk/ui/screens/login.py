"""The candidate login screen: candidate number and access code."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import CardScreen, code_entry, field


class LoginScreen(CardScreen):
    """Where each candidate starts; the open sitting is named at the top."""

    login_requested = Signal(str, str)
    """A candidate typed their candidate number and access code."""

    def __init__(self) -> None:
        super().__init__("login-screen")
        self.number = code_entry("login-number", 32)
        self.code = code_entry("login-code", 32)
        self.number_caption = field("", self.number, self.body)
        self.code_caption = field("", self.code, self.body)
        self.login_button = QPushButton()
        self.login_button.setObjectName("login-button")
        self.login_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        self.finish_body()
        self.body.addLayout(buttons)
        self.login_button.clicked.connect(self._submit)
        self.number.returnPressed.connect(self.code.setFocus)
        self.code.returnPressed.connect(self._submit)
        self._sitting = ""
        self._exam = ""
        self.retranslate()

    def set_sitting(self, sitting: str, exam: str) -> None:
        self._sitting, self._exam = sitting, exam
        self.retranslate()

    def reset(self) -> None:
        self.number.clear()
        self.code.clear()
        self.show_error("")
        self.set_busy(False)

    def focus_start(self) -> QWidget | None:
        return self.number

    def login_failed(self, message: str, field: str) -> None:
        """Logging in failed: say why, and put the keyboard in the field at fault (``number`` or ``code``)."""
        self.show_failure(message, self.number if field == "number" else self.code)

    def set_busy(self, busy: bool) -> None:
        if busy and self.isVisible():
            self.hold_focus()
        for widget in (self.number, self.code, self.login_button):
            widget.setEnabled(not busy)
        self.show_progress(tr("LoginScreen", "Checking…") if busy else "")

    def _submit(self) -> None:
        if not self.number.text().strip():
            self.show_error(tr("LoginScreen", "Type your candidate number."))
            self.number.setFocus()
            return
        if not self.code.text().strip():
            self.show_error(tr("LoginScreen", "Type the access code on your slip."))
            self.code.setFocus()
            return
        self.show_error("")
        self.login_requested.emit(self.number.text().strip(), self.code.text().strip())

    def retranslate(self) -> None:
        self.title.setText(tr("LoginScreen", "Candidate login"))
        self.subtitle.setText(
            tr("LoginScreen", "{sitting}\n{exam}").format(sitting=self._sitting, exam=self._exam)
        )
        self.number_caption.setText(tr("LoginScreen", "Candidate &number"))
        self.code_caption.setText(tr("LoginScreen", "&Access code (from your slip)"))
        self.code.setPlaceholderText(tr("LoginScreen", "for example K7QF-M2XD"))
        self.login_button.setText(tr("LoginScreen", "&Log in"))
