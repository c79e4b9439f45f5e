"""The resume screen: after a crash or power cut, the invigilator lets an interrupted attempt go on."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton

from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import CardScreen, code_entry, field
from kiosk.ui.screens.views import InterruptedLine
from kiosk.ui.widgets.controls import describe
from kiosk.ui.widgets.status import format_duration


class ResumeScreen(CardScreen):
    """Lists interrupted attempts of the open sitting with the time each has left."""

    resume_requested = Signal(str, str)
    """The invigilator authorised the attempt id to resume, with their PIN."""
    skipped = Signal()
    """The invigilator chose to go on to candidate login instead."""

    def __init__(self) -> None:
        super().__init__("resume-screen", width=860)
        self.list = QListWidget()
        self.list.setObjectName("resume-list")
        self.list.setMinimumHeight(140)
        self.body.addWidget(self.list)
        self.pin = code_entry("resume-pin", 32, secret=True)
        self.pin_caption = field("", self.pin, self.body)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("resume-skip")
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resume-button")
        self.resume_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resume_button)
        self.finish_body()
        self.body.addLayout(buttons)
        self.resume_button.clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        self.skip_button.clicked.connect(self.skipped.emit)
        self._attempts: list[InterruptedLine] = []
        self.retranslate()

    def set_attempts(self, attempts: Sequence[InterruptedLine]) -> None:
        self._attempts = list(attempts)
        self.pin.clear()
        self.show_error("")
        self.set_busy(False)
        self.retranslate()
        if self.list.count():
            self.list.setCurrentRow(0)

    def resume_failed(self, message: str, field: str) -> None:
        """Resuming failed: say why; a wrong PIN gives the keyboard back to the PIN field."""
        self.show_failure(message, self.pin if field == "pin" else None)
        if field != "pin" and self.isVisible():
            self.list.setFocus()

    def set_busy(self, busy: bool) -> None:
        if busy and self.isVisible():
            self.hold_focus()
        for widget in (self.list, self.pin, self.resume_button, self.skip_button):
            widget.setEnabled(not busy)
        self.show_progress(tr("ResumeScreen", "Restoring the exam…") if busy else "")

    def _submit(self) -> None:
        entry = self.list.currentItem()
        if entry is None:
            self.show_error(tr("ResumeScreen", "Choose the candidate whose exam should continue."))
            return
        if not self.pin.text().strip():
            self.show_error(tr("ResumeScreen", "Type your invigilator PIN."))
            self.pin.setFocus()
            return
        self.show_error("")
        self.resume_requested.emit(str(entry.data(Qt.ItemDataRole.UserRole)), self.pin.text().strip())

    def retranslate(self) -> None:
        self.title.setText(tr("ResumeScreen", "Resume an interrupted exam"))
        self.subtitle.setText(
            tr(
                "ResumeScreen",
                "The kiosk stopped while these exams were running. Their answers are safe, and the time lost "
                "while the PC was off is not counted. Check the candidate is at this PC, then authorise.",
            )
        )
        self.pin_caption.setText(tr("ResumeScreen", "Invigilator &PIN"))
        describe(self.list, tr("ResumeScreen", "Interrupted exams"))
        self.skip_button.setText(tr("ResumeScreen", "Not now: go to candidate login"))
        self.resume_button.setText(tr("ResumeScreen", "&Authorise and resume"))
        current = self.list.currentRow()
        self.list.clear()
        for line in self._attempts:
            entry = QListWidgetItem(
                tr("ResumeScreen", "Candidate {candidate} — {time} left").format(
                    candidate=line.candidate, time=format_duration(line.remaining_seconds)
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, line.attempt_id)
            self.list.addItem(entry)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
