"""Registry receipts brought back to the centre, and every finished attempt with how far it has got to the
registry: not exported yet, exported in a bundle and waiting for its receipt, or acknowledged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from kiosk.domain.errors import KioskError
from kiosk.station.services import receipts
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.terms import when
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, DropArea, PathField, fill_table, make_table, set_headers
from kiosk.ui.errors import error_sentence
from kiosk.ui.i18n import tr, trn
from kiosk.ui.widgets.status import Banner

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
            outcomes.append(ReceiptOutcome(path, None, error_sentence(error)))
    return outcomes


def import_and_list(
    ctx: KioskContext, paths: list[Path], registry_key: Path | None
) -> tuple[list[ReceiptOutcome], list[receipts.DeliveryRow]]:
    """Import the receipt files, then read every finished attempt's delivery status afresh."""
    outcomes = import_receipts(ctx, paths, registry_key)
    return outcomes, receipts.delivery_status(ctx)


class ReceiptsPage(ConsolePage):
    """Lays out where receipts come from and every finished attempt with what the registry has said."""

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
        self.status = Banner("receipts-status", selectable=True)
        self.body.addWidget(self.status)
        self.count_label = QLabel()
        self.count_label.setObjectName("receipts-count")
        self.count_label.setProperty("role", "muted")
        self.body.addWidget(self.count_label)
        self.table = make_table("receipts-table")
        self.table.setSortingEnabled(True)
        self.body.addWidget(self.table, 1)
        self.import_button.clicked.connect(self.import_requested)
        self.receipt_file.submitted.connect(self.import_requested)
        self.guard(self.import_button)
        self.rows: list[receipts.DeliveryRow] = []
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
                "attempts it names are marked delivered (they stay on this PC) and are not exported again. "
                "The list shows every finished attempt on this PC and how far it has got.",
            )
        )
        self.receipt_file.set_texts(
            tr("AdminReceipts", "Receipt file"), tr("AdminReceipts", "Browse…"), "*.1xreceipt"
        )
        self.import_button.setText(tr("AdminReceipts", "Import receipt"))
        self.drop.setText(tr("AdminReceipts", "Or drop receipt files here"))
        set_headers(
            self.table,
            [
                tr("AdminReceipts", "Candidate"),
                tr("AdminReceipts", "Name"),
                tr("AdminReceipts", "Sitting"),
                tr("AdminReceipts", "Bank"),
                tr("AdminReceipts", "Finished"),
                tr("AdminReceipts", "Last exported in"),
                tr("AdminReceipts", "Registry"),
            ],
            stretch=1,
        )
        self._render_rows()
        self._render_outcomes()

    def show_status(self, rows: list[receipts.DeliveryRow]) -> None:
        """List every finished attempt with its delivery status."""
        self.rows = rows
        self._render_rows()

    def show_outcomes(self, outcomes: list[ReceiptOutcome]) -> None:
        """Say what the last import did."""
        self.latest = outcomes
        self._render_outcomes()

    def _render_rows(self) -> None:
        # Kept as rows, not words, so a change of language rewrites the list and the summary too.
        def registry_word(row: receipts.DeliveryRow) -> str:
            if row.delivered:
                return tr("AdminReceipts", "acknowledged")
            if row.bundle_id is not None:
                return tr("AdminReceipts", "waiting for the receipt")
            return tr("AdminReceipts", "not exported yet")

        fill_table(
            self.table,
            [
                (
                    row.candidate_number,
                    row.candidate_name + (f" {row.candidate_name_zh}" if row.candidate_name_zh else ""),
                    row.sitting_name,
                    row.bank_id,
                    when(row.finished_at),
                    row.bundle_id or "",
                    registry_word(row),
                )
                for row in self.rows
            ],
            [row.attempt_id for row in self.rows],
        )
        acknowledged = sum(1 for row in self.rows if row.delivered)
        waiting = sum(1 for row in self.rows if not row.delivered and row.bundle_id is not None)
        self.count_label.setText(
            trn(
                "AdminReceipts",
                "%n finished attempt(s) on this PC: {acknowledged} acknowledged by the registry, "
                "{waiting} exported and waiting for the receipt, {fresh} not exported yet.",
                len(self.rows),
            ).format(
                acknowledged=acknowledged,
                waiting=waiting,
                fresh=len(self.rows) - acknowledged - waiting,
            )
        )

    def _render_outcomes(self) -> None:
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
                trn(
                    "AdminReceipts",
                    "Receipt for bundle {bundle}: %n attempt(s) marked delivered, {already} already "
                    "marked, {missing} not acknowledged.",
                    len(imported.marked),
                ).format(
                    bundle=imported.bundle_id,
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
        """Read every finished attempt's delivery status (also after an export and on F5)."""
        if self.page.busy:
            return  # an import or a reading already under way ends with a fresh list
        self.tools.run(
            self.page,
            "receipts-list",
            lambda: receipts.delivery_status(self.ctx),
            self.page.show_status,
            tr("AdminReceipts", "The attempts cannot be listed"),
        )

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

        def done(result: tuple[list[ReceiptOutcome], list[receipts.DeliveryRow]]) -> None:
            outcomes, rows = result
            self.page.receipt_file.edit.clear()
            self.page.show_status(rows)
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
            lambda: import_and_list(self.ctx, paths, key),
            done,
            tr("AdminReceipts", "The receipts were not imported"),
        )
