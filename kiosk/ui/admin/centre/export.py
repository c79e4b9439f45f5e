"""Exporting results to a folder or a USB stick, and writing this kiosk's enrolment file for the registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from kiosk.formats import enrolment as enrolment_format
from kiosk.station.services import enrolment, export
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.drives import Drive, removable_drives
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, PathField
from kiosk.ui.i18n import tr, trn
from kiosk.ui.widgets.status import Banner

KEY_FILTER = "1+X public key (*.pub);;*"


def _size(free_bytes: int) -> str:
    return f"{free_bytes / 1e9:.1f} GB" if free_bytes >= 1e9 else f"{free_bytes / 1e6:.0f} MB"


class ExportPage(ConsolePage):
    """Lays out where to write (a folder or a removable drive), the export button and its progress."""

    export_requested = Signal()
    """Write a result bundle into the destination folder."""
    drives_requested = Signal()
    """Look again for removable drives."""
    enrolment_requested = Signal()
    """Write this kiosk's enrolment file into the destination folder."""

    def __init__(self) -> None:
        super().__init__("export")
        self.destination = PathField("export-destination")
        self.body.addWidget(self.destination)
        drive_row = QHBoxLayout()
        self.drive_label = QLabel()
        self.drives = QComboBox()
        self.drives.setObjectName("export-drives")
        self.drive_label.setBuddy(self.drives)
        self.refresh_drives = QPushButton()
        self.refresh_drives.setObjectName("export-refresh-drives")
        drive_row.addWidget(self.drive_label)
        drive_row.addWidget(self.drives, 1)
        drive_row.addWidget(self.refresh_drives)
        self.body.addLayout(drive_row)
        self.registry_key = PathField("export-registry-key")
        self.body.addWidget(self.registry_key)
        self.key_help = QLabel()
        self.key_help.setProperty("role", "muted")
        self.key_help.setWordWrap(True)
        self.body.addWidget(self.key_help)

        self.export_button = QPushButton()
        self.export_button.setObjectName("export-run")
        self.export_button.setProperty("role", "primary")
        self.progress = QProgressBar()
        self.progress.setObjectName("export-progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        action_row = QHBoxLayout()
        action_row.addWidget(self.export_button)
        action_row.addWidget(self.progress, 1)
        self.body.addLayout(action_row)
        self.status = Banner("export-status", selectable=True)
        self.body.addWidget(self.status)

        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        self.enrol_title = QLabel()
        self.enrol_title.setProperty("role", "stem")
        self.enrol_help = QLabel()
        self.enrol_help.setWordWrap(True)
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("export-enrol")
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_help, 1)
        enrol_row.addWidget(self.enrol_button)
        card_layout.addWidget(self.enrol_title)
        card_layout.addLayout(enrol_row)
        self.body.addWidget(card)
        self.body.addStretch(1)

        self.export_button.clicked.connect(self.export_requested)
        self.destination.submitted.connect(self.export_requested)
        self.refresh_drives.clicked.connect(self.drives_requested)
        self.enrol_button.clicked.connect(self.enrolment_requested)
        self.drives.activated.connect(self._drive_chosen)
        self.guard(self.export_button, self.enrol_button, self.refresh_drives, self.drives)
        self.found: list[Drive] = []
        self.first_input = self.destination.edit
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminExport", "Export results")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminExport", "Export results for the registry"))
        self.intro_label.setText(
            tr(
                "AdminExport",
                "Results leave this PC as one signed, encrypted bundle holding every finished attempt the "
                "registry has not yet acknowledged. The bundle is read back after writing; exporting again "
                "never loses an attempt.",
            )
        )
        self.destination.set_texts(
            tr("AdminExport", "Write to folder"),
            tr("AdminExport", "Browse…"),
            tr("AdminExport", "a folder or USB stick"),
        )
        self.drive_label.setText(tr("AdminExport", "Removable drive"))
        self.refresh_drives.setText(tr("AdminExport", "Look again"))
        self.registry_key.set_texts(
            tr("AdminExport", "Registry key"),
            tr("AdminExport", "Browse…"),
            tr("AdminExport", "leave empty to use the registry key this kiosk trusts"),
        )
        self.key_help.setText(
            tr(
                "AdminExport",
                "Bundles are encrypted to the registry's public key; only the registry can open them.",
            )
        )
        self.export_button.setText(tr("AdminExport", "Export results"))
        self.enrol_title.setText(tr("AdminExport", "Enrol this kiosk at the registry"))
        self.enrol_help.setText(
            tr(
                "AdminExport",
                "The registry accepts bundles only from enrolled kiosks. Write this kiosk's enrolment file "
                "into the folder above and send it with the first bundle.",
            )
        )
        self.enrol_button.setText(tr("AdminExport", "Write enrolment file"))
        self.show_drives(self.found)

    def show_drives(self, drives: list[Drive]) -> None:
        self.found = drives
        self.drives.clear()
        if not drives:
            self.drives.addItem(
                tr("AdminExport", "No removable drive found; insert a USB stick and look again")
            )
            self.drives.setEnabled(False)
            return
        self.drives.addItem(tr("AdminExport", "Choose a drive…"))
        for drive in drives:
            self.drives.addItem(
                tr("AdminExport", "{label} ({root}, {free} free)").format(
                    label=drive.label, root=drive.root, free=_size(drive.free_bytes)
                )
            )
        self.drives.setEnabled(not self.busy)

    def _drive_chosen(self, index: int) -> None:
        if 1 <= index <= len(self.found):
            self.destination.set_path(self.found[index - 1].root)

    def show_exporting(self) -> None:
        self.progress.setRange(0, 0)
        self.status.clear()

    def show_exported(self, done: bool) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if done else 0)

    def update_actions(self) -> None:
        self.drives.setEnabled(bool(self.found) and not self.busy)


class ExportPresenter(QObject):
    """Exports results and writes the enrolment file through the export and enrolment services."""

    results_exported = Signal()
    """A bundle was written and read back (the attempts it carries now wait for the registry's receipt)."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = ExportPage()
        self.page.destination.browse_requested.connect(self.browse)
        self.page.registry_key.browse_requested.connect(self.browse_key)
        self.page.drives_requested.connect(self.look_for_drives)
        self.page.export_requested.connect(self.export)
        self.page.enrolment_requested.connect(self.write_enrolment)

    def activated(self) -> None:
        self.look_for_drives()

    def look_for_drives(self) -> None:
        self.page.show_drives(removable_drives())

    def browse(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminExport", "Choose where to write the results"))
        if folder is not None:
            self.page.destination.set_path(folder)

    def browse_key(self) -> None:
        path = self.tools.chooser.open_file(
            self.page, tr("AdminExport", "Choose the registry's public key"), KEY_FILTER
        )
        if path is not None:
            self.page.registry_key.set_path(path)

    def _destination(self) -> Path | None:
        folder = self.page.destination.path()
        if folder is None:
            self.page.status.show_message(
                "error", tr("AdminExport", "Type or choose the folder (or USB stick) to write to first.")
            )
        return folder

    def export(self) -> None:
        folder = self._destination()
        if folder is None or self.page.busy:
            return
        key = self.page.registry_key.path()
        self.page.show_exporting()

        def exported(result: export.ExportResult) -> None:
            self.page.show_exported(True)
            self.page.status.show_message(
                "info",
                trn(
                    "AdminExport",
                    "Wrote bundle {bundle} with %n attempt(s) to {path} and read it back intact. Take it "
                    "to the registry; its receipt marks the attempts as delivered.",
                    result.attempt_count,
                ).format(bundle=result.bundle_id, path=result.path),
            )
            self.results_exported.emit()

        self.tools.run(
            self.page,
            "export-results",
            lambda: export.export_results(self.ctx, folder, key),
            exported,
            tr("AdminExport", "No results were exported"),
            on_failed=lambda _error: self.page.show_exported(False),
        )

    def write_enrolment(self) -> None:
        folder = self._destination()
        if folder is None or self.page.busy:
            return

        def written(result: tuple[Path, enrolment_format.Enrolment]) -> None:
            path, enrolled = result
            self.page.status.show_message(
                "info",
                tr(
                    "AdminExport",
                    "Wrote {path}. Key id {key_id}: the registry administrator should see the same id when "
                    "enrolling this kiosk.",
                ).format(path=path, key_id=enrolled.key_id),
            )

        self.tools.run(
            self.page,
            "export-enrolment",
            lambda: enrolment.enrol(self.ctx, folder),
            written,
            tr("AdminExport", "The enrolment file was not written"),
        )
