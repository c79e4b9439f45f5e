"""Enrolling kiosks at the registry: read a kiosk's enrolment file and accept bundles from that kiosk; and
each enrolled kiosk's last contact over the network (as the registry's HTTPS service recorded it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton

from kiosk.registry.service.contacts import KioskContact, last_contacts
from kiosk.registry.services import registry
from kiosk.ui.admin.terms import when
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, DropArea, PathField, fill_table, make_table, set_headers
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner

ENROLMENT_FILTER = "1+X enrolment (*.1xenrol);;*"


class EnrolledKiosk(Protocol):
    """What the page shows of an enrolled kiosk (as :func:`registry.list_kiosks` returns them)."""

    @property
    def kiosk_id(self) -> str: ...
    @property
    def kiosk_name(self) -> str: ...
    @property
    def centre(self) -> str: ...
    @property
    def key_id(self) -> str: ...
    @property
    def enrolled_at(self) -> datetime: ...


class KiosksPage(ConsolePage):
    """Lays out the enrolment file to read, the replace option and the enrolled kiosks."""

    enrol_requested = Signal()
    """Enrol the kiosk in the file named in the box."""

    def __init__(self) -> None:
        super().__init__("kiosks")
        self.enrolment_file = PathField("kiosks-file")
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("kiosks-enrol")
        self.enrol_button.setProperty("role", "primary")
        row = QHBoxLayout()
        row.addWidget(self.enrolment_file, 1)
        row.addWidget(self.enrol_button)
        self.body.addLayout(row)
        self.replace = QCheckBox()
        self.replace.setObjectName("kiosks-replace")
        self.body.addWidget(self.replace)
        self.drop = DropArea("kiosks-drop")
        self.body.addWidget(self.drop)
        self.status = Banner("kiosks-status", selectable=True)
        self.body.addWidget(self.status)
        self.table = make_table("kiosks-table")
        self.table.setSortingEnabled(True)
        self.body.addWidget(self.table, 1)
        self.enrol_button.clicked.connect(self.enrol_requested)
        self.enrolment_file.submitted.connect(self.enrol_requested)
        self.guard(self.enrol_button)
        self.kiosks: Sequence[EnrolledKiosk] = []
        self.contacts: Mapping[str, KioskContact] = {}
        self.first_input = self.enrolment_file.edit
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminKiosks", "Kiosks")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminKiosks", "Enrol kiosks"))
        self.intro_label.setText(
            tr(
                "AdminKiosks",
                "The registry accepts result bundles only from enrolled kiosks. Read the enrolment file the "
                "centre wrote on the kiosk, then compare the key id shown here with the one the centre saw.",
            )
        )
        self.enrolment_file.set_texts(
            tr("AdminKiosks", "Enrolment file"), tr("AdminKiosks", "Browse…"), "*.1xenrol"
        )
        self.enrol_button.setText(tr("AdminKiosks", "Enrol kiosk"))
        self.replace.setText(
            tr(
                "AdminKiosks",
                "The kiosk was reinstalled: replace the key it was enrolled with (the old key is kept)",
            )
        )
        self.drop.setText(tr("AdminKiosks", "Or drop enrolment files here"))
        set_headers(
            self.table,
            [
                tr("AdminKiosks", "Kiosk"),
                tr("AdminKiosks", "Name"),
                tr("AdminKiosks", "Centre"),
                tr("AdminKiosks", "Key id"),
                tr("AdminKiosks", "Enrolled"),
                tr("AdminKiosks", "Last contact"),
                tr("AdminKiosks", "Last upload"),
            ],
            stretch=2,
        )
        self.show_kiosks(self.kiosks, self.contacts)

    def show_kiosks(
        self, kiosks: Sequence[EnrolledKiosk], contacts: Mapping[str, KioskContact] | None = None
    ) -> None:
        """List the kiosks, each with its last contact and upload over the network ("never" without)."""
        self.kiosks = kiosks
        self.contacts = contacts or {}
        never = tr("AdminKiosks", "never")
        rows = []
        for k in kiosks:
            contact = self.contacts.get(k.kiosk_id)
            seen = when(contact.contact_at) if contact is not None else never
            uploaded = when(contact.upload_at) if contact is not None and contact.upload_at else never
            rows.append((k.kiosk_id, k.kiosk_name, k.centre, k.key_id, when(k.enrolled_at), seen, uploaded))
        fill_table(self.table, rows)


def outcome_sentence(result: registry.EnrolResult) -> str:
    enrolled = result.enrolment
    texts = {
        registry.EnrolmentOutcome.ENROLLED: tr(
            "AdminKiosks", "Kiosk {kiosk} ('{name}' at {centre}) is enrolled with key id {key_id}."
        ),
        registry.EnrolmentOutcome.ALREADY: tr(
            "AdminKiosks",
            "Kiosk {kiosk} ('{name}' at {centre}) was already enrolled with key id {key_id}; "
            "nothing changed.",
        ),
        registry.EnrolmentOutcome.REPLACED: tr(
            "AdminKiosks",
            "Kiosk {kiosk} ('{name}' at {centre}) now uses key id {key_id}; its old key is kept.",
        ),
    }
    return texts[result.outcome].format(
        kiosk=enrolled.kiosk_id, name=enrolled.kiosk_name, centre=enrolled.centre, key_id=enrolled.key_id
    )


class KiosksPresenter(QObject):
    """Enrols kiosks from their enrolment files through the registry service."""

    def __init__(
        self, ctx: registry.RegistryContext, tools: ConsoleTools, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = KiosksPage()
        self.page.enrolment_file.browse_requested.connect(self.browse)
        self.page.enrol_requested.connect(self.enrol_typed)
        self.page.drop.paths_dropped.connect(self.enrol_files)

    def activated(self) -> None:
        self.tools.run(
            self.page,
            "kiosks-list",
            lambda: (registry.list_kiosks(self.ctx), last_contacts(self.ctx)),
            lambda listed: self.page.show_kiosks(*listed),
            tr("AdminKiosks", "The enrolled kiosks cannot be listed"),
        )

    def browse(self) -> None:
        path = self.tools.chooser.open_file(
            self.page, tr("AdminKiosks", "Choose the enrolment file"), ENROLMENT_FILTER
        )
        if path is not None:
            self.page.enrolment_file.set_path(path)
            self.enrol_files([path])

    def enrol_typed(self) -> None:
        path = self.page.enrolment_file.path()
        if path is None:
            self.page.status.show_message(
                "error", tr("AdminKiosks", "Type or choose the enrolment file first.")
            )
            return
        self.enrol_files([path])

    def enrol_files(self, paths: list[Path]) -> None:
        if self.page.busy:
            return
        replace = self.page.replace.isChecked()

        def work() -> list[registry.EnrolResult]:
            # One file after another: a refused file stops here, the ones before it stay enrolled.
            return [registry.enrol_kiosk(self.ctx, path, replace) for path in paths]

        def done(results: list[registry.EnrolResult]) -> None:
            self.page.enrolment_file.edit.clear()
            self.page.replace.setChecked(False)
            self.page.status.show_message("info", " ".join(outcome_sentence(result) for result in results))
            self.activated()

        def refused(error: Exception) -> None:
            self.page.status.clear()
            self.activated()

        self.tools.run(
            self.page,
            "kiosks-enrol",
            work,
            done,
            tr("AdminKiosks", "The kiosk was not enrolled"),
            on_failed=refused,
        )
