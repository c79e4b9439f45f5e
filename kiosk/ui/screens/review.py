"""The review screen: which questions are unanswered or flagged, a way back to each, and submit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton

from kiosk.ui.i18n import tr, trn
from kiosk.ui.presenters.exam import AnswerState, ExamPresenter
from kiosk.ui.screens.base import CardScreen
from kiosk.ui.widgets.controls import describe
from kiosk.ui.widgets.status import Countdown


class ReviewScreen(CardScreen):
    """Lists the questions that need another look; Enter or a double click goes back to one."""

    item_requested = Signal(int)
    """The candidate wants to go back to the item at this position."""
    back_requested = Signal()
    """The candidate wants to return to the question they were on."""
    submit_requested = Signal()
    """The candidate pressed Submit (the presenter asks for confirmation)."""

    def __init__(self) -> None:
        super().__init__("review-screen", width=900)
        # The clock runs on while the candidate reviews, so it stays in sight.
        self.countdown = Countdown()
        self.countdown.setObjectName("review-countdown")
        self.body.insertWidget(0, self.countdown, 0, Qt.AlignmentFlag.AlignRight)
        self.list = QListWidget()
        self.list.setObjectName("review-list")
        self.list.setMinimumHeight(260)
        self.body.addWidget(self.list, 1)
        self.back_button = QPushButton()
        self.back_button.setObjectName("review-back")
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submit-button")
        self.submit_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        self.finish_body()
        self.body.addLayout(buttons)
        self.list.itemActivated.connect(self._open)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.submit_button.clicked.connect(self.submit_requested.emit)
        self.presenter: ExamPresenter | None = None
        self.retranslate()

    def bind(self, presenter: ExamPresenter) -> None:
        self.presenter = presenter
        presenter.time_changed.connect(self._time_changed)
        self._time_changed(presenter.remaining)
        self.refresh()

    def refresh(self) -> None:
        self.retranslate()
        if self.list.count():
            self.list.setCurrentRow(0)

    def take_focus(self) -> None:
        """The list of questions to look at again has the keyboard (Enter opens the selected one)."""
        entry = self.list.currentItem()
        if entry is not None and entry.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.submit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _time_changed(self, seconds: float) -> None:
        self.countdown.show_remaining(seconds, tr("ReviewScreen", "Time left"))

    def _open(self, entry: QListWidgetItem) -> None:
        self.item_requested.emit(int(entry.data(Qt.ItemDataRole.UserRole)))

    def retranslate(self) -> None:
        self.title.setText(tr("ReviewScreen", "Review your answers"))
        self.back_button.setText(tr("ReviewScreen", "◀ &Back to the questions"))
        self.submit_button.setText(tr("ReviewScreen", "&Submit my answers"))
        describe(
            self.list,
            tr("ReviewScreen", "Questions to look at again"),
            tr("ReviewScreen", "Enter goes back to the selected question."),
        )
        describe(self.back_button, tr("ReviewScreen", "Back to the questions"))
        describe(
            self.submit_button,
            tr("ReviewScreen", "Submit my answers"),
            tr("ReviewScreen", "Asks you to confirm; after that no answer can change."),
        )
        presenter = self.presenter
        if presenter is None:
            return
        self._time_changed(presenter.remaining)
        lines = presenter.review_lines()
        answered = sum(1 for line in lines if line.answered)
        flagged = sum(1 for line in lines if line.flagged)
        partly = sum(1 for line in lines if line.state is AnswerState.PARTLY)
        summary = [
            trn(
                "ReviewScreen",
                "You have answered {answered} of %n question(s); {flagged} flagged for review.",
                len(lines),
            ).format(answered=answered, flagged=flagged)
        ]
        if partly:
            summary.append(trn("ReviewScreen", "%n question(s) only partly answered.", partly))
        summary.append(
            tr(
                "ReviewScreen",
                "Select a question below and press Enter (or double-click it) to go back to it.",
            )
        )
        self.subtitle.setText("\n".join(summary))
        current = self.list.currentRow()
        self.list.clear()
        for line in lines:
            if line.answered and not line.flagged:
                continue
            states = []
            if line.state is AnswerState.OPEN:
                states.append(tr("ReviewScreen", "not answered"))
            elif line.state is AnswerState.PARTLY:
                states.append(tr("ReviewScreen", "partly answered"))
            if line.flagged:
                states.append(tr("ReviewScreen", "⚑ flagged"))
            entry = QListWidgetItem(
                tr("ReviewScreen", "Question {number}: {states}").format(
                    number=line.position + 1, states=", ".join(states)
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, line.position)
            self.list.addItem(entry)
        if not self.list.count():
            entry = QListWidgetItem(tr("ReviewScreen", "Every question is answered and none is flagged."))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(entry)
        elif 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
