"""The receipt screen: the submission code to write down, and the score where the sitting shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.i18n import tr, trn
from kiosk.ui.screens.base import CardScreen
from kiosk.ui.screens.views import ReceiptView


class ReceiptScreen(CardScreen):
    """Shown once the answers are handed in; Finish makes the PC ready for the next candidate."""

    finished = Signal()
    """The candidate (or invigilator) closed the receipt."""

    def __init__(self) -> None:
        super().__init__("receipt-screen", width=860)
        self.code_caption = QLabel()
        self.code = QLabel()
        self.code.setObjectName("submission-code")
        self.code.setProperty("role", "huge")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setObjectName("receipt-details")
        self.details.setWordWrap(True)
        self.score = QLabel()
        self.score.setObjectName("receipt-score")
        self.score.setProperty("role", "title")
        self.score.setWordWrap(True)
        self.body.addWidget(self.code_caption)
        self.body.addWidget(self.code)
        self.body.addWidget(self.details)
        self.body.addWidget(self.score)
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("receipt-finish")
        self.finish_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        self.finish_body()
        self.body.addLayout(buttons)
        self.finish_button.clicked.connect(self.finished.emit)
        self.view: ReceiptView | None = None
        self.retranslate()

    def show_receipt(self, view: ReceiptView) -> None:
        self.view = view
        self.retranslate()

    def focus_start(self) -> QWidget | None:
        return self.finish_button

    def retranslate(self) -> None:
        view = self.view
        self.finish_button.setText(tr("ReceiptScreen", "&Finish"))
        self.code_caption.setText(tr("ReceiptScreen", "Your submission code — write it down and keep it:"))
        if view is None:
            return
        self.title.setText(
            tr("ReceiptScreen", "Time is up: your answers have been handed in")
            if view.expired
            else tr("ReceiptScreen", "Your answers have been handed in")
        )
        self.subtitle.setText(tr("ReceiptScreen", "Thank you, {name}.").format(name=view.candidate))
        self.code.setText(view.submission_code)
        self.details.setText(
            trn(
                "ReceiptScreen",
                "{sitting} — {exam}\nHanded in at {time}. You answered {answered} of %n question(s).",
                view.item_count,
            ).format(sitting=view.sitting, exam=view.exam, time=view.submitted_at, answered=view.answered)
        )
        if view.percent is None:
            self.score.setText(tr("ReceiptScreen", "Your result will be sent to your college."))
            self.score.setProperty("role", "muted")
        else:
            verdict = tr("ReceiptScreen", "Pass") if view.passed else tr("ReceiptScreen", "Not yet passed")
            self.score.setText(
                tr("ReceiptScreen", "Score: {percent}% — {verdict}").format(
                    percent=f"{view.percent:.0f}", verdict=verdict
                )
            )
            self.score.setProperty("role", "title")
