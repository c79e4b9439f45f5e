"""The instructions screen: what exam this is, how long it lasts, how many questions, and the rules."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import CardScreen
from kiosk.ui.screens.views import InstructionsView


class InstructionsScreen(CardScreen):
    """Read before the clock starts; the clock starts only when the candidate presses Start."""

    start_requested = Signal()
    """The candidate has read the instructions and wants to begin."""

    def __init__(self) -> None:
        super().__init__("instructions-screen", width=900)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.captions: list[QLabel] = []
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(("exam", "grade", "duration", "items")):
            caption = QLabel()
            caption.setProperty("role", "muted")
            value = QLabel()
            value.setObjectName(f"instructions-{key}")
            value.setWordWrap(True)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions.append(caption)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.rules = QLabel()
        self.rules.setObjectName("instructions-rules")
        self.rules.setWordWrap(True)
        self.body.addWidget(self.rules)
        self.start_button = QPushButton()
        self.start_button.setObjectName("start-button")
        self.start_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        self.finish_body()
        self.body.addLayout(buttons)
        self.start_button.clicked.connect(self.start_requested.emit)
        self.view: InstructionsView | None = None
        self.retranslate()

    def show_details(self, view: InstructionsView) -> None:
        self.view = view
        self.retranslate()

    def focus_start(self) -> QWidget | None:
        return self.start_button

    def retranslate(self) -> None:
        view = self.view
        resumed = view is not None and view.resumed
        self.title.setText(
            tr("InstructionsScreen", "Welcome, {name}").format(name=view.candidate) if view else ""
        )
        self.subtitle.setText(tr("InstructionsScreen", "Please read this before you start."))
        for caption, text in zip(
            self.captions,
            (
                tr("InstructionsScreen", "Certificate"),
                tr("InstructionsScreen", "Grade"),
                tr("InstructionsScreen", "Time allowed"),
                tr("InstructionsScreen", "Questions"),
            ),
            strict=True,
        ):
            caption.setText(text)
        if view is not None:
            self.values["exam"].setText(view.exam)
            self.values["grade"].setText(view.grade)
            minutes = round(view.minutes)
            if minutes != view.standard_minutes:
                duration = tr("InstructionsScreen", "{minutes} minutes (including your extra time)").format(
                    minutes=minutes
                )
            else:
                duration = tr("InstructionsScreen", "{minutes} minutes").format(minutes=minutes)
            self.values["duration"].setText(duration)
            self.values["items"].setText(str(view.item_count))
        rules = [
            tr(
                "InstructionsScreen",
                "The clock starts when you press Start and shows the time you have left.",
            ),
            tr(
                "InstructionsScreen",
                "Each answer is saved as soon as you give it; a ✓ mark shows it was saved.",
            ),
            tr(
                "InstructionsScreen",
                "You may move between questions, change answers and flag questions to come back to.",
            ),
            tr("InstructionsScreen", "When time runs out your saved answers are handed in automatically."),
            tr(
                "InstructionsScreen",
                "If the PC stops, put up your hand: your answers and your time are kept.",
            ),
            tr("InstructionsScreen", "Do not leave this screen or use other programs; that is recorded."),
        ]
        self.rules.setText("\n".join(f"•  {rule}" for rule in rules))
        self.start_button.setText(
            tr("InstructionsScreen", "&Continue the exam")
            if resumed
            else tr("InstructionsScreen", "&Start the exam")
        )
