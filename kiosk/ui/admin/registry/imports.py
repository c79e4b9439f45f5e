"""Importing result bundles: files, a folder or a drop; a progress bar; and what happened to every file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton

from kiosk.registry.services import imports as registry_import
from kiosk.registry.services import registry
from kiosk.registry.services.imports import FileOutcome, ImportReport, Outcome
from kiosk.ui.admin.terms import outcome_name
from kiosk.ui.admin.tools import ConsoleTools, ProgressRelay
from kiosk.ui.admin.widgets import ConsolePage, DropArea, fill_table, make_table, set_headers
from kiosk.ui.errors import error_sentence
from kiosk.ui.i18n import tr, trn
from kiosk.ui.widgets.status import Banner

BUNDLE_FILTER = f"1+X results (*{registry_import.BUNDLE_SUFFIX});;*"


class ImportsPage(ConsolePage):
    """Lays out the ways to choose bundles, the progress bar and the per-file outcome table."""

    files_requested = Signal()
    """Choose bundle files to import."""
    folder_requested = Signal()
    """Choose a folder whose bundles to import."""
    receipts_requested = Signal()
    """Open the folder of receipts to carry back to the centres."""

    def __init__(self) -> None:
        super().__init__("imports")
        row = QHBoxLayout()
        self.files_button = QPushButton()
        self.files_button.setObjectName("imports-files")
        self.files_button.setProperty("role", "primary")
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("imports-folder")
        self.receipts_button = QPushButton()
        self.receipts_button.setObjectName("imports-receipts")
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        row.addWidget(self.receipts_button)
        self.body.addLayout(row)
        self.drop = DropArea("imports-drop")
        self.body.addWidget(self.drop)
        self.progress = QProgressBar()
        self.progress.setObjectName("imports-progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("imports-progress-label")
        self.progress_label.setProperty("role", "muted")
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 2)
        progress_row.addWidget(self.progress_label, 3)
        self.body.addLayout(progress_row)
        self.summary = Banner("imports-summary", selectable=True)
        self.body.addWidget(self.summary)
        self.table = make_table("imports-table", wrap_rows=True)
        self.body.addWidget(self.table, 1)
        self.files_button.clicked.connect(self.files_requested)
        self.folder_button.clicked.connect(self.folder_requested)
        self.receipts_button.clicked.connect(self.receipts_requested)
        self.guard(self.files_button, self.folder_button)
        self.report: ImportReport | None = None
        self.first_input = self.files_button
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminImports", "Import results")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminImports", "Import result bundles"))
        self.intro_label.setText(
            tr(
                "AdminImports",
                "Each bundle is checked (enrolled kiosk, signature, contents) and imported whole, once. "
                "Refused "
                "and conflicting files are copied to the quarantine folder; nothing is ever deleted.",
            )
        )
        self.files_button.setText(tr("AdminImports", "Choose bundle files…"))
        self.folder_button.setText(tr("AdminImports", "Choose a folder…"))
        self.receipts_button.setText(tr("AdminImports", "Open the receipts folder"))
        self.drop.setText(tr("AdminImports", "Or drop bundle files or folders (a USB stick) here"))
        set_headers(
            self.table,
            [
                tr("AdminImports", "File"),
                tr("AdminImports", "Outcome"),
                tr("AdminImports", "Bundle"),
                tr("AdminImports", "New attempts"),
                tr("AdminImports", "Reason or receipt"),
            ],
            stretch=4,
        )
        self.show_report(self.report)

    def show_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(tr("AdminImports", "Looking for bundles…"))
        self.summary.clear()

    def show_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_label.setText(
            tr("AdminImports", "{done} of {total} checked: {file}").format(done=done, total=total, file=name)
        )

    def show_stopped(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress_label.clear()

    def show_report(self, report: ImportReport | None) -> None:
        self.report = report
        if report is None:
            fill_table(self.table, [])
            return
        fill_table(self.table, [self._row(outcome) for outcome in report.outcomes])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, outcome in enumerate(report.outcomes):
            # Refused and conflicting files stand out by weight and words as well as by colour.
            if outcome.outcome in (Outcome.REFUSED, Outcome.CONFLICT):
                for column in range(self.table.columnCount()):
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setFont(bold)
        total = len(report.outcomes)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(total)
        self.progress_label.setText(trn("AdminImports", "%n file(s) checked.", total))
        attempts = sum(outcome.attempts for outcome in report.outcomes)
        sentence = trn(
            "AdminImports",
            "{imported} imported (%n new attempt(s)), {duplicate} duplicate, {conflict} conflict, "
            "{refused} refused.",
            attempts,
        ).format(
            imported=report.count(Outcome.IMPORTED),
            duplicate=report.count(Outcome.DUPLICATE),
            conflict=report.count(Outcome.CONFLICT),
            refused=report.count(Outcome.REFUSED),
        )
        notices = [note for outcome in report.outcomes for note in outcome.notes] + report.gap_notices
        extra = [error_sentence(notice) for notice in notices]
        if report.failed:
            extra.append(
                tr("AdminImports", "Refused and conflicting files were copied to the quarantine folder.")
            )
        # Attempts kept aside by rescoring need a person as much as refused files do.
        level = "error" if report.failed or report.flagged else ("warning" if extra else "info")
        self.summary.show_message(level, "\n".join([sentence, *extra]))

    @staticmethod
    def _row(outcome: FileOutcome) -> tuple[object, ...]:
        # Why a file was not simply imported is a code and params: its sentence in the console's language.
        detail = error_sentence(outcome.problem) if outcome.problem is not None else ""
        if outcome.outcome is Outcome.IMPORTED:
            detail = tr("AdminImports", "receipt {file}").format(
                file=outcome.receipt.name if outcome.receipt else "-"
            )
        attempts = outcome.attempts if outcome.outcome in (Outcome.IMPORTED, Outcome.CONFLICT) else ""
        return (
            outcome.path.name,
            outcome_name(outcome.outcome.value),
            outcome.bundle_id or "",
            attempts,
            detail,
        )


class ImportsPresenter(QObject):
    """Imports the chosen bundles through the registry import service, reporting progress per file."""

    def __init__(
        self, ctx: registry.RegistryContext, tools: ConsoleTools, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = ImportsPage()
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self.page.show_progress, Qt.ConnectionType.QueuedConnection)
        self.page.files_requested.connect(self.choose_files)
        self.page.folder_requested.connect(self.choose_folder)
        self.page.receipts_requested.connect(lambda: self.tools.desktop.open_path(self.ctx.receipts_dir))
        self.page.drop.paths_dropped.connect(self.import_paths)

    def activated(self) -> None:
        """Nothing to reload: the page shows the last import."""

    def choose_files(self) -> None:
        paths = self.tools.chooser.open_files(
            self.page, tr("AdminImports", "Choose result bundles"), BUNDLE_FILTER
        )
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminImports", "Choose a folder of result bundles"))
        if folder is not None:
            self.import_paths([folder])

    def import_paths(self, paths: list[Path]) -> None:
        if self.page.busy:
            return
        self.page.show_started()
        self.tools.run(
            self.page,
            "imports-run",
            lambda: registry_import.import_bundles(self.ctx, paths, self.relay.report),
            self.page.show_report,
            tr("AdminImports", "The bundles were not imported"),
            on_failed=lambda _error: self.page.show_stopped(),
        )
