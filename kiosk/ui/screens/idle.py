"""The idle screen: which centre and kiosk this is, and today's sittings, until an invigilator unlocks one.

It is the first thing the kiosk paints, before its store is open: it then says the store is being
checked, and a store that fails its check is reported here. No sitting can be opened from it until the
store has passed and today's sittings are listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem

from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import CardScreen
from kiosk.ui.screens.views import InterruptedLine, SittingLine
from kiosk.ui.widgets.status import Banner, format_duration


class IdleScreen(CardScreen):
    """Shown whenever no sitting is open on this PC."""

    unlock_requested = Signal()
    """The invigilator wants to open a sitting."""

    def __init__(self) -> None:
        super().__init__("idle-screen", width=980)
        self.interrupted_banner = Banner("interrupted-banner")
        self.body.addWidget(self.interrupted_banner)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("sittings-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(220)
        self.body.addWidget(self.table)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("open-sitting-button")
        self.unlock_button.setProperty("role", "primary")
        # Offered once today's sittings are listed, i.e. once the store is open and passed its check.
        self.unlock_button.setEnabled(False)
        self.body.addWidget(self.unlock_button)
        self.finish_body()
        self.unlock_button.clicked.connect(self.unlock_requested.emit)
        self._sittings: list[SittingLine] = []
        self._interrupted: list[InterruptedLine] = []
        self._centre = ""
        self._kiosk = ""
        self._date = ""
        # "open" once the store has been read; "opening" while it is checked; "failed" if it did not pass.
        self._store = "open"
        self.retranslate()

    def show_opening(self) -> None:
        """The store is being opened and checked (the window shows before that is done)."""
        self._store = "opening"
        self.unlock_button.setEnabled(False)
        self.retranslate()

    def show_store_failure(self, message: str) -> None:
        """The store could not be opened or failed its check: ``message`` says why; nothing can be opened."""
        self._store = "failed"
        self.unlock_button.setEnabled(False)
        # Nothing is listed or offered: only why.
        self.table.hide()
        self.unlock_button.hide()
        self.show_error(message)
        self.retranslate()

    def show_kiosk(self, centre: str, kiosk: str, date_text: str) -> None:
        self._centre, self._kiosk, self._date = centre, kiosk, date_text
        self._store = "open"
        self.retranslate()

    def show_sittings(self, sittings: Sequence[SittingLine]) -> None:
        self._sittings = list(sittings)
        self.table.setRowCount(len(self._sittings))
        for row, line in enumerate(self._sittings):
            for column, text in enumerate((line.name, line.exam, line.state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.unlock_button.setEnabled(bool(self._sittings))
        self.retranslate()

    def show_interrupted(self, attempts: Sequence[InterruptedLine]) -> None:
        self._interrupted = list(attempts)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("IdleScreen", "1+X Assessment Kiosk"))
        if self._store != "open":
            self.subtitle.setText("")
        elif self._centre:
            self.subtitle.setText(
                tr("IdleScreen", "{centre} — {kiosk}\nToday's sittings, {date}").format(
                    centre=self._centre, kiosk=self._kiosk, date=self._date
                )
            )
        else:
            self.subtitle.setText(
                tr(
                    "IdleScreen",
                    "This PC is not set up as a kiosk yet; ask the centre administrator to run kiosk init.",
                )
            )
        self.table.setHorizontalHeaderLabels(
            [tr("IdleScreen", "Sitting"), tr("IdleScreen", "Exam"), tr("IdleScreen", "State")]
        )
        self.unlock_button.setText(tr("IdleScreen", "Invigilator: &open a sitting"))
        if self._store == "opening":
            self.show_progress(tr("IdleScreen", "Checking the kiosk store…"))
        elif self._store == "failed" or self._sittings:
            self.show_progress("")
        else:
            self.show_progress(tr("IdleScreen", "No sitting is scheduled on this kiosk today."))
        if self._interrupted:
            lines = [
                tr("IdleScreen", "Candidate {candidate}: {time} left").format(
                    candidate=line.candidate, time=format_duration(line.remaining_seconds)
                )
                for line in self._interrupted
            ]
            self.interrupted_banner.show_message(
                "warning",
                tr(
                    "IdleScreen",
                    "An exam on this PC was interrupted. Open its sitting to let the candidate resume.",
                )
                + "\n"
                + "\n".join(lines),
            )
        else:
            self.interrupted_banner.clear()
