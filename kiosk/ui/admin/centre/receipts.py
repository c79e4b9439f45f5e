"""Registry receipts brought back to the centre: which exported attempts the registry acknowledged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from kiosk.domain.errors import KioskError
from kiosk.services import receipts
from kiosk.services.context import KioskContext
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import (
    Banner,
    ConsolePage,
    DropArea,
    PathField,
    fill_table,
    make_table,
    set_headers,
)
from kiosk.ui.i18n import tr

RECEIPT_FILTER = "1+X receipt (*.1xreceipt);;*"


@dataclass(frozen=True, slots=True)
class ReceiptOutcome:
    """One receipt file and what importing it did (``imported`` is None when it was refused)."""

    path: Path
    imported: receipts.ReceiptImport | None
    reason: str = ""


def import_receipts(ctx: KioskContext, paths: list[Path], registry_key: Path | None) -> list[ReceiptOutcome]:
    """Import each receipt file on its own, so one bad file does not stop the others."""
    outcomes = []
    for path in paths:
        try:
            outcomes.append(ReceiptOutcome(path, receipts.import_receipt(ctx, path, registry_key)))
        except KioskError as error:
            outcomes.append(ReceiptOutcome(path, None, str(error)))
    return outcomes


class ReceiptsPage(ConsolePage):
    """Lays out where receipts come from and the attempts they acknowledge."""

    import_requested = Signal()
    """Import the receipt file named in the box."""

    def __init__(self) -> None:
        super().__init__("receipts")
        self.receipt_file = PathField("receipts-file")
        self.import_button = QPushButton()
        self.import_button.setObjectName("receipts-import")
        self.import_button.setProperty("role", "primary")
        row = QHBoxLayout()
        row.addWidget(self.receipt_file, 1)
        row.addWidget(self.import_button)
        self.body.addLayout(row)
        self.drop = DropArea("receipts-drop")
        self.body.addWidget(self.drop)
        self.status = Banner("receipts-status")
        self.body.addWidget(self.status)
        self.table = make_table("receipts-table")
        self.table.setSortingEnabled(True)
        self.body.addWidget(self.table, 1)
        self.import_button.clicked.connect(self.import_requested)
        self.receipt_file.submitted.connect(self.import_requested)
        self.guard(self.import_button)
        self.history: list[receipts.ReceiptImport] = []
        self.latest: list[ReceiptOutcome] = []
        self.first_input = self.receipt_file.edit
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminReceipts", "Registry receipts")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminReceipts", "What the registry has acknowledged"))
        self.intro_label.setText(
            tr(
                "AdminReceipts",
                "After importing a bundle the registry writes a signed receipt. Bring it back here: the "
                "attempts it names are marked delivered (they stay on this PC) and are not exported again.",
            )
        )
        self.receipt_file.set_texts(
            tr("AdminReceipts", "Receipt file"), tr("AdminReceipts", "Browse…"), "*.1xreceipt"
        )
        self.import_button.setText(tr("AdminReceipts", "Import receipt"))
        self.drop.setText(tr("AdminReceipts", "Or drop receipt files here"))
        set_headers(
            self.table,
            [tr("AdminReceipts", "Attempt"), tr("AdminReceipts", "Bundle"), tr("AdminReceipts", "Registry")],
            stretch=2,
        )
        self._render()

    def show_outcomes(self, outcomes: list[ReceiptOutcome]) -> None:
        """Add the attempts of newly imported receipts to the list and say what the last import did."""
        self.history.extend(outcome.imported for outcome in outcomes if outcome.imported is not None)
        self.latest = outcomes
        self._render()

    def _render(self) -> None:
        # Kept as outcomes, not words, so a change of language rewrites the list and the summary too.
        statuses = (
            ("marked", tr("AdminReceipts", "acknowledged now")),
            ("already_delivered", tr("AdminReceipts", "acknowledged earlier")),
            ("not_acknowledged", tr("AdminReceipts", "NOT acknowledged: will be exported again")),
        )
        rows = [
            (attempt_id, imported.bundle_id, word)
            for imported in self.history
            for field, word in statuses
            for attempt_id in getattr(imported, field)
        ]
        fill_table(self.table, rows)
        sentences = []
        level = "info"
        for outcome in self.latest:
            imported = outcome.imported
            if imported is None:
                level = "error"
                sentences.append(outcome.reason)
                continue
            if imported.not_acknowledged and level == "info":
                level = "warning"
            sentences.append(
                tr(
                    "AdminReceipts",
                    "Receipt for bundle {bundle}: {marked} attempt(s) marked delivered, {already} already "
                    "marked, {missing} not acknowledged.",
                ).format(
                    bundle=imported.bundle_id,
                    marked=len(imported.marked),
                    already=len(imported.already_delivered),
                    missing=len(imported.not_acknowledged),
                )
            )
        self.status.show_message(level, " ".join(sentences))


class ReceiptsPresenter(QObject):
    """Imports receipt files through the receipts service, each file on its own.

    ``registry_key`` gives the registry key file chosen on the export page (None: the kiosk's own).
    """

    def __init__(
        self,
        ctx: KioskContext,
        tools: ConsoleTools,
        registry_key: Callable[[], Path | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.registry_key = registry_key
        self.page = ReceiptsPage()
        self.page.receipt_file.browse_requested.connect(self.browse)
        self.page.import_requested.connect(self.import_typed)
        self.page.drop.paths_dropped.connect(self.import_files)

    def activated(self) -> None:
        """Nothing to reload: the page lists the receipts imported here."""

    def browse(self) -> None:
        paths = self.tools.chooser.open_files(
            self.page, tr("AdminReceipts", "Choose receipt files"), RECEIPT_FILTER
        )
        if paths:
            self.import_files(paths)

    def import_typed(self) -> None:
        path = self.page.receipt_file.path()
        if path is None:
            self.page.status.show_message(
                "error", tr("AdminReceipts", "Type or choose the receipt file first.")
            )
            return
        self.import_files([path])

    def import_files(self, paths: list[Path]) -> None:
        if self.page.busy:
            return
        key = self.registry_key()

        def done(outcomes: list[ReceiptOutcome]) -> None:
            self.page.receipt_file.edit.clear()
            self.page.show_outcomes(outcomes)
            refused = [outcome for outcome in outcomes if outcome.imported is None]
            if refused:
                self.tools.tell(
                    tr("AdminReceipts", "A receipt was refused"),
                    "\n".join(outcome.reason for outcome in refused),
                )

        self.tools.run(
            self.page,
            "receipts-import",
            lambda: import_receipts(self.ctx, paths, key),
            done,
            tr("AdminReceipts", "The receipts were not imported"),
        )
