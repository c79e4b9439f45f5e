"""Printing for a sitting: the invigilation pack (fresh access codes) and the sitting report, saved as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.station.services import reports as reporting_kiosk
from kiosk.station.services import sittings
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.terms import sitting_state
from kiosk.ui.admin.tools import ConsoleTools, ProgressRelay
from kiosk.ui.admin.widgets import ConsolePage, PathField
from kiosk.ui.i18n import tr, trn
from kiosk.ui.widgets.status import Banner

DOCUMENTS_DIR = "documents"


class PrintingPage(ConsolePage):
    """Lays out the sitting to print for, where to save, and the two documents."""

    pack_requested = Signal()
    """Make the invigilation pack of the chosen sitting."""
    report_requested = Signal()
    """Make the sitting report of the chosen sitting."""
    open_requested = Signal()
    """Open the last document made."""

    def __init__(self) -> None:
        super().__init__("printing")
        row = QHBoxLayout()
        self.sitting_label = QLabel()
        self.sitting = QComboBox()
        self.sitting.setObjectName("printing-sitting")
        self.sitting_label.setBuddy(self.sitting)
        row.addWidget(self.sitting_label)
        row.addWidget(self.sitting, 1)
        self.body.addLayout(row)
        self.target = PathField("printing-target")
        self.body.addWidget(self.target)

        cards = QHBoxLayout()
        self.pack_card, self.pack_title, self.pack_help, self.pack_button = self._card("printing-pack")
        self.pack_button.setProperty("role", "primary")
        self.report_card, self.report_title, self.report_help, self.report_button = self._card(
            "printing-report"
        )
        cards.addWidget(self.pack_card)
        cards.addWidget(self.report_card)
        self.body.addLayout(cards)
        self.no_sittings = QLabel()
        self.no_sittings.setObjectName("printing-no-sittings")
        self.no_sittings.setProperty("role", "field-error")
        self.no_sittings.hide()
        self.body.addWidget(self.no_sittings)
        self.status = Banner("printing-status", selectable=True)
        self.body.addWidget(self.status)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        self.open_button = QPushButton()
        self.open_button.setObjectName("printing-open")
        open_row.addWidget(self.open_button)
        self.body.addLayout(open_row)
        self.body.addStretch(1)

        self.sitting.currentIndexChanged.connect(lambda _index: self.update_actions())
        self.pack_button.clicked.connect(self.pack_requested)
        self.report_button.clicked.connect(self.report_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.guard(self.pack_button, self.report_button, self.open_button, self.sitting)
        self.sittings: list[sittings.SittingInfo] = []
        self.loaded = False
        self.made: Path | None = None
        self.first_input = self.sitting
        self.retranslate()

    @staticmethod
    def _card(name: str) -> tuple[QFrame, QLabel, QLabel, QPushButton]:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        title = QLabel()
        title.setProperty("role", "stem")
        text = QLabel()
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        button = QPushButton()
        button.setObjectName(name)
        layout.addWidget(title)
        layout.addWidget(text, 1)
        layout.addWidget(button)
        return card, title, text, button

    def nav_label(self) -> str:
        return tr("AdminPrinting", "Invigilation pack")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminPrinting", "Print for a sitting"))
        self.intro_label.setText(
            tr(
                "AdminPrinting",
                "Documents are saved as PDF on this PC (no network needed); open them to print. Print in "
                "black and white: nothing depends on colour.",
            )
        )
        self.sitting_label.setText(tr("AdminPrinting", "Sitting"))
        self.target.set_texts(
            tr("AdminPrinting", "Save in folder"),
            tr("AdminPrinting", "Browse…"),
            tr("AdminPrinting", "a folder"),
        )
        self.pack_title.setText(tr("AdminPrinting", "Invigilation pack"))
        self.pack_help.setText(
            tr(
                "AdminPrinting",
                "Attendance register, an admission slip with a fresh access code for every candidate "
                "entered, the invigilator's instructions and an incident log. Making a pack issues new "
                "codes for this sitting: codes from an earlier pack or the roster import no longer open it; "
                "other sittings keep their codes.",
            )
        )
        self.pack_button.setText(tr("AdminPrinting", "Make the invigilation pack…"))
        self.report_title.setText(tr("AdminPrinting", "Sitting report"))
        self.report_help.setText(
            tr(
                "AdminPrinting",
                "After the sitting: attendance, start and finish times and time used per candidate, "
                "incidents and power cuts.",
            )
        )
        self.report_button.setText(tr("AdminPrinting", "Make the sitting report"))
        self.open_button.setText(tr("AdminPrinting", "Open the PDF"))
        self.no_sittings.setText(tr("AdminPrinting", "No sitting is scheduled yet; schedule one first."))
        self.show_sittings(self.sittings, self.loaded)

    def show_sittings(self, listed: list[sittings.SittingInfo], loaded: bool = True) -> None:
        chosen = self.chosen()
        self.loaded = loaded
        self.sittings = listed
        self.sitting.blockSignals(True)
        self.sitting.clear()
        for info in listed:
            self.sitting.addItem(
                f"{info.id} · {info.name} · {info.scheduled_on.isoformat()} · {sitting_state(info.state)}",
                info.id,
            )
        if chosen is not None and self.sitting.findData(chosen.id) >= 0:
            self.sitting.setCurrentIndex(self.sitting.findData(chosen.id))
        self.sitting.blockSignals(False)
        self.no_sittings.setVisible(loaded and not listed)
        self.update_actions()

    def show_pack_progress(self, done: int, total: int, _what: str = "") -> None:
        """Count the access codes made so far on the page's bar (making them is the slow part of a pack)."""
        self.busy_bar.setRange(0, max(total, 1))
        self.busy_bar.setValue(done)
        self.status.show_message(
            "info",
            tr("AdminPrinting", "Making access codes: {done} of {total} done.").format(
                done=done, total=total
            ),
        )

    def show_pack_stopped(self) -> None:
        """The page's bar goes back to showing only that work is under way."""
        self.busy_bar.setRange(0, 0)

    def chosen(self) -> sittings.SittingInfo | None:
        sitting_id = self.sitting.currentData()
        return next((info for info in self.sittings if info.id == sitting_id), None)

    def update_actions(self) -> None:
        ready = self.chosen() is not None and not self.busy
        self.pack_button.setEnabled(ready)
        self.report_button.setEnabled(ready)
        self.sitting.setEnabled(bool(self.sittings) and not self.busy)
        self.open_button.setEnabled(self.made is not None and not self.busy)


class PrintingPresenter(QObject):
    """Makes the pack (after a warning about codes) and the sitting report through the reporting service."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = PrintingPage()
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self.page.show_pack_progress, Qt.ConnectionType.QueuedConnection)
        self.page.target.browse_requested.connect(self.browse)
        self.page.pack_requested.connect(self.make_pack)
        self.page.report_requested.connect(self.make_report)
        self.page.open_requested.connect(self.open_document)

    def activated(self) -> None:
        if not self.page.target.edit.text():
            self.page.target.set_path(self.ctx.data_dir / DOCUMENTS_DIR)
        self.tools.run(
            self.page,
            "printing-sittings",
            lambda: sittings.list_sittings(self.ctx),
            self.page.show_sittings,
            tr("AdminPrinting", "The sittings cannot be listed"),
        )

    def browse(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminPrinting", "Choose where to save the PDF"))
        if folder is not None:
            self.page.target.set_path(folder)

    def _target(self, kind: str, sitting_id: int) -> Path:
        folder = self.page.target.path() or self.ctx.data_dir / DOCUMENTS_DIR
        return folder / f"{kind}-sitting-{sitting_id}.pdf"

    def make_pack(self) -> None:
        chosen = self.page.chosen()
        if chosen is None:
            return
        target = self._target("invigilation-pack", chosen.id)
        self.tools.prompter.confirm(
            tr("AdminPrinting", "Issue new access codes?"),
            tr(
                "AdminPrinting",
                "Every candidate entered for '{sitting}' gets a new access code, printed on their "
                "admission slip. For this sitting, codes from earlier packs or from the roster import stop "
                "working now; other sittings keep their codes.",
            ).format(sitting=chosen.name),
            tr("AdminPrinting", "Make the pack"),
            tr("AdminPrinting", "Cancel"),
            lambda yes: self._make_pack(chosen.id, target) if yes else None,
            danger=True,
        )

    def _make_pack(self, sitting_id: int, target: Path) -> None:
        def made(printed: reporting_kiosk.PrintedPack) -> None:
            self.page.show_pack_stopped()
            self.page.made = printed.path
            self.page.status.show_message(
                "info",
                trn(
                    "AdminPrinting",
                    "Saved the invigilation pack to {path}: %n candidate(s) have fresh access codes. "
                    "Open it and print it now; keep it locked away until the sitting.",
                    printed.candidates,
                ).format(path=printed.path),
            )
            self.page.update_actions()

        self.tools.run(
            self.page,
            "printing-pack",
            lambda: reporting_kiosk.print_pack(
                self.ctx, sitting_id, target, progress=lambda done, total: self.relay.report(done, total, "")
            ),
            made,
            tr("AdminPrinting", "The invigilation pack was not made"),
            lambda _error: self.page.show_pack_stopped(),
        )

    def make_report(self) -> None:
        chosen = self.page.chosen()
        if chosen is None:
            return
        target = self._target("sitting-report", chosen.id)

        def made(path: Path) -> None:
            self.page.made = path
            self.page.status.show_message(
                "info", tr("AdminPrinting", "Saved the sitting report to {path}.").format(path=path)
            )
            self.page.update_actions()

        self.tools.run(
            self.page,
            "printing-report",
            lambda: reporting_kiosk.write_sitting_report(self.ctx, chosen.id, target),
            made,
            tr("AdminPrinting", "The sitting report was not made"),
        )

    def open_document(self) -> None:
        if self.page.made is None:
            return
        if not self.tools.desktop.open_path(self.page.made):
            self.tools.tell(
                tr("AdminPrinting", "The PDF did not open"),
                tr(
                    "AdminPrinting", "No program on this PC opens PDF files; open {path} from another PC."
                ).format(path=self.page.made),
            )
