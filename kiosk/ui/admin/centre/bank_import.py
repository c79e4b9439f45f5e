"""Questions from other tools: convert QTI, Moodle XML, GIFT or Aiken files into a new bank source folder.

A section of the bank page. The administrator chooses the format and the files (or drops them), and the
new folder the bank source is written to; the import runs off the GUI thread and its report comes back as
a table, one row per source question: the item it became, how (converted exactly, with changes, or not
at all) and what changed or why not. The folder (bank.yaml, the item files, the images and the report
itself as import-report.txt) stays on disk for review and can be opened from the page; nothing is
installed, the bank is built and signed from that folder as any other bank source.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.authoring.interchange import FORMAT_NAMES, FORMATS, ImportReport, import_bank
from kiosk.authoring.interchange.model import Outcome
from kiosk.authoring.interchange.report import ReportEntry, summary_notice
from kiosk.ui.admin.tools import ConsoleTools, failure_sentence
from kiosk.ui.admin.widgets import ConsolePage, DropArea, PathField, fill_table, make_table, set_headers
from kiosk.ui.errors import error_sentence
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner

# What the file chooser offers for each format (a QTI package is a .zip or its imsmanifest.xml).
FILE_FILTERS = {
    "qti3": "QTI 3.0 (*.xml *.zip);;*",
    "qti21": "QTI 2.1 (*.xml *.zip);;*",
    "moodle": "Moodle XML (*.xml);;*",
    "gift": "GIFT (*.gift *.txt);;*",
    "aiken": "Aiken (*.txt);;*",
}


def folder_name_for(source: Path) -> str:
    """A folder name for a bank imported from ``source``: its name in lower case, words joined by "-"."""
    stem = re.sub(r"[^a-z0-9]+", "-", source.stem.lower()).strip("-")
    return f"{stem or 'imported'}-bank"


def free_folder(parent: Path, name: str) -> Path:
    """``parent / name``, numbered (``name-2``...) while that folder already holds something."""
    candidate, number = parent / name, 2
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        candidate = parent / f"{name}-{number}"
        number += 1
    return candidate


def output_in(chosen: Path, sources: list[Path]) -> Path:
    """The new bank folder for a folder the administrator chose: itself when it is new or empty, else a new
    folder inside it named after the first source file."""
    if not chosen.exists() or (chosen.is_dir() and not any(chosen.iterdir())):
        return chosen
    return free_folder(chosen, folder_name_for(sources[0]) if sources else "imported-bank")


def outcome_word(outcome: Outcome) -> str:
    if outcome is Outcome.EXACT:
        return tr("AdminBankImport", "Converted exactly")
    if outcome is Outcome.CHANGED:
        return tr("AdminBankImport", "Converted with changes")
    return tr("AdminBankImport", "Not convertible")


def entry_row(entry: ReportEntry) -> tuple[str, str, str, str]:
    """One report row in the console's language: source question, item, outcome, what changed or why not."""
    place = Path(entry.source.file).name
    if entry.source.line > 0:
        place = f"{place}:{entry.source.line}"
    source = f"{entry.source.name} ({place})" if entry.source.name else place
    changes = "; ".join(error_sentence(notice).strip().rstrip(".") for notice in entry.notices)
    return source, entry.item_id or "—", outcome_word(entry.outcome), changes


class BankImportPanel(QWidget):
    """Lays out the format, the files, the new folder, the import button and the report table."""

    choose_requested = Signal()
    """The administrator wants to choose the files to import."""
    import_requested = Signal()
    """Convert the chosen files into the folder named in the box."""
    open_requested = Signal()
    """Open the folder the last import wrote."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("banks-import")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)

        format_row = QHBoxLayout()
        self.format_label = QLabel()
        self.format_box = QComboBox()
        self.format_box.setObjectName("banks-import-format")
        for format_name in FORMATS:
            self.format_box.addItem(FORMAT_NAMES[format_name], format_name)
        self.format_label.setBuddy(self.format_box)
        format_row.addWidget(self.format_label)
        format_row.addWidget(self.format_box)
        format_row.addStretch(1)
        layout.addLayout(format_row)

        files_row = QHBoxLayout()
        self.drop = DropArea("banks-import-drop")
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("banks-import-choose")
        files_row.addWidget(self.drop, 1)
        files_row.addWidget(self.choose_button)
        layout.addLayout(files_row)

        self.output = PathField("banks-import-output")
        layout.addWidget(self.output)

        actions = QHBoxLayout()
        self.import_button = QPushButton()
        self.import_button.setObjectName("banks-import-run")
        self.import_button.setProperty("role", "primary")
        self.open_button = QPushButton()
        self.open_button.setObjectName("banks-import-open")
        self.open_button.hide()
        actions.addWidget(self.import_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.status = Banner("banks-import-status", selectable=True)
        layout.addWidget(self.status)
        self.table = make_table("banks-import-report", wrap_rows=True)
        layout.addWidget(self.table, 1)

        self.choose_button.clicked.connect(self.choose_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.output.submitted.connect(self.import_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.files: list[Path] = []
        self.report: ImportReport | None = None
        self.retranslate()

    def format_name(self) -> str:
        return str(self.format_box.currentData())

    def busy_widgets(self) -> list[QWidget]:
        """The widgets to disable while an import runs."""
        return [self.format_box, self.choose_button, self.drop, self.output, self.import_button]

    def retranslate(self) -> None:
        self.format_label.setText(tr("AdminBankImport", "Format of the files"))
        self.choose_button.setText(tr("AdminBankImport", "Choose files…"))
        self.output.set_texts(
            tr("AdminBankImport", "New bank folder"),
            tr("AdminBankImport", "Browse…"),
            tr("AdminBankImport", "a new or empty folder; the bank source is written there"),
        )
        self.import_button.setText(tr("AdminBankImport", "Import the questions"))
        self.open_button.setText(tr("AdminBankImport", "Open the bank folder"))
        set_headers(
            self.table,
            [
                tr("AdminBankImport", "Source question"),
                tr("AdminBankImport", "Item"),
                tr("AdminBankImport", "Outcome"),
                tr("AdminBankImport", "What changed / why not"),
            ],
            stretch=3,
        )
        self._render_files()
        self._render_report()

    def set_files(self, files: list[Path]) -> None:
        self.files = list(files)
        self._render_files()

    def show_report(self, report: ImportReport | None) -> None:
        """List every source question of ``report`` (None clears the table)."""
        self.report = report
        self.open_button.setVisible(report is not None)
        self._render_report()

    def _render_files(self) -> None:
        if self.files:
            names = ", ".join(path.name for path in self.files)
            self.drop.setText(tr("AdminBankImport", "To import: {files}").format(files=names))
        else:
            self.drop.setText(tr("AdminBankImport", "Drop the files to import here, or choose them"))

    def _render_report(self) -> None:
        # Kept as the report, not words, so a change of language rewrites the table.
        entries = self.report.entries if self.report is not None else ()
        fill_table(self.table, [entry_row(entry) for entry in entries], list(range(len(entries))))


class BankImportPresenter(QObject):
    """Chooses the files and the folder, and runs the import through ``kiosk.authoring.interchange``."""

    def __init__(
        self, page: ConsolePage, panel: BankImportPanel, tools: ConsoleTools, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.panel = panel
        self.tools = tools
        page.guard(*panel.busy_widgets())
        panel.choose_requested.connect(self.choose_files)
        panel.drop.paths_dropped.connect(self.take_files)
        panel.output.browse_requested.connect(self.choose_output)
        panel.import_requested.connect(self.run_import)
        panel.open_requested.connect(self.open_folder)

    def choose_files(self) -> None:
        paths = self.tools.chooser.open_files(
            self.page,
            tr("AdminBankImport", "Choose the files to import"),
            FILE_FILTERS[self.panel.format_name()],
        )
        if paths:
            self.take_files(paths)

    def take_files(self, paths: list[Path]) -> None:
        """Import these files next; a folder for the bank is suggested beside the first when none is named."""
        self.panel.set_files(paths)
        self.panel.status.clear()
        if self.panel.output.path() is None and paths:
            self.panel.output.set_path(free_folder(paths[0].parent, folder_name_for(paths[0])))

    def choose_output(self) -> None:
        folder = self.tools.chooser.folder(
            self.page, tr("AdminBankImport", "Choose where to write the new bank folder")
        )
        if folder is not None:
            self.panel.output.set_path(output_in(folder, self.panel.files))

    def run_import(self) -> None:
        panel = self.panel
        files, output, format_name = list(panel.files), panel.output.path(), panel.format_name()
        if not files:
            panel.status.show_message(
                "error", tr("AdminBankImport", "Choose or drop the files to import first.")
            )
            return
        if output is None:
            panel.status.show_message(
                "error", tr("AdminBankImport", "Type or choose the new bank folder first.")
            )
            return

        def imported(report: ImportReport) -> None:
            panel.show_report(report)
            panel.status.show_message(
                "info",
                error_sentence(summary_notice(report))
                + " "
                + tr(
                    "AdminBankImport",
                    "Read the report below, then open the folder, fill in what the source did not say (the "
                    "competences, the difficulty, the blueprint) and check the bank before building it.",
                ),
            )

        def refused(error: Exception) -> None:
            panel.show_report(None)
            panel.status.show_message("error", failure_sentence(error))

        self.tools.run(
            self.page,
            "banks-import",
            lambda: import_bank(format_name, files, output, word=error_sentence),
            imported,
            tr("AdminBankImport", "The questions were not imported"),
            on_failed=refused,
        )

    def open_folder(self) -> None:
        if self.panel.report is not None:
            self.tools.desktop.open_path(self.panel.report.folder)
