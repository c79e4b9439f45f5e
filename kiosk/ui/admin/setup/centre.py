"""First run on a new PC: make it a kiosk of a centre, trust the keys it needs, write its enrolment file.

Everything ``kiosk init``, ``kiosk trust`` and ``kiosk enrol`` do, on one page: the centre's and the PC's
names, the awarding body's public key (packages it signs can be installed), the registry's public key
(results are sealed for it), and a folder (a USB stick) for the enrolment file the registry needs. The
recovery code that clears a PIN lockout is shown once at the end. A PC replacing a lost or broken kiosk is
instead brought back from that kiosk's backup folder and its passphrase (``kiosk store restore``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout

from kiosk.domain.errors import InputError
from kiosk.formats.keys import PublicIdentity, load_public
from kiosk.station.services import bank_install, enrolment, invigilators, kiosk_setup, recovery
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, PathField
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner


@dataclass(frozen=True)
class CentreSetup:
    """What the set-up page did: the kiosk made, keys trusted, the enrolment file, the recovery code."""

    info: kiosk_setup.KioskInfo
    trusted: tuple[PublicIdentity, ...]
    enrolment_file: Path | None
    recovery_code: str


def set_up_centre(
    ctx: KioskContext,
    centre: str,
    kiosk_name: str,
    awarding_key: Path | None,
    registry_key: Path | None,
    enrolment_folder: Path | None,
) -> CentreSetup:
    """Make this PC a kiosk, trust the given keys and write the enrolment file (each step as the CLI's).

    The key files and the folder are checked before anything is made, so a wrong file leaves the PC as it
    was and the form can be sent again.
    """
    for key in (awarding_key, registry_key):
        if key is not None:
            load_public(key)
    if enrolment_folder is not None and not enrolment_folder.is_dir():
        raise InputError("enrolment.folder_missing", folder=enrolment_folder)
    info = kiosk_setup.init_kiosk(ctx, centre, kiosk_name)
    trusted = tuple(
        bank_install.trust_key(ctx, key) for key in (awarding_key, registry_key) if key is not None
    )
    written = enrolment.enrol(ctx, enrolment_folder)[0] if enrolment_folder is not None else None
    code = invigilators.issue_recovery_code(ctx)
    return CentreSetup(info, trusted, written, code)


class CentreSetupPage(ConsolePage):
    """The form: names, the two key files, the enrolment folder, and the button that does it all."""

    setup_requested = Signal()
    restore_requested = Signal()
    """Bring a kiosk back from the backup folder chosen, with the passphrase typed."""
    browse_requested = Signal(str)
    """Choose the file or folder of the named field: ``awarding``, ``registry``, ``enrolment``, ``backup``."""

    def __init__(self) -> None:
        super().__init__("setup")
        self.status = Banner("setup-status", selectable=True)
        self.body.addWidget(self.status)
        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(900)
        layout = QVBoxLayout(card)
        self.centre = QLineEdit()
        self.centre.setObjectName("setup-centre")
        self.centre.setMaxLength(200)
        self.kiosk = QLineEdit()
        self.kiosk.setObjectName("setup-kiosk")
        self.kiosk.setMaxLength(200)
        self.centre_label = QLabel()
        self.centre_label.setBuddy(self.centre)
        self.kiosk_label = QLabel()
        self.kiosk_label.setBuddy(self.kiosk)
        form = QFormLayout()
        form.addRow(self.centre_label, self.centre)
        form.addRow(self.kiosk_label, self.kiosk)
        layout.addLayout(form)
        self.awarding_key = PathField("setup-awarding-key")
        self.registry_key = PathField("setup-registry-key")
        self.enrolment_folder = PathField("setup-enrolment-folder")
        self.files_help = QLabel()
        self.files_help.setProperty("role", "muted")
        self.files_help.setWordWrap(True)
        layout.addWidget(self.awarding_key)
        layout.addWidget(self.registry_key)
        layout.addWidget(self.enrolment_folder)
        layout.addWidget(self.files_help)
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("setup-run")
        self.setup_button.setProperty("role", "primary")
        layout.addWidget(self.setup_button)
        self.body.addWidget(card)
        restore_card = QFrame()
        restore_card.setProperty("role", "card")
        restore_card.setMaximumWidth(900)
        restore_layout = QVBoxLayout(restore_card)
        self.restore_title = QLabel()
        self.restore_title.setProperty("role", "stem")
        self.restore_help = QLabel()
        self.restore_help.setWordWrap(True)
        self.backup_folder = PathField("setup-backup-folder")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("setup-backup-passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_label = QLabel()
        self.passphrase_label.setBuddy(self.passphrase)
        passphrase_form = QFormLayout()
        passphrase_form.addRow(self.passphrase_label, self.passphrase)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("setup-restore")
        for widget in (self.restore_title, self.restore_help, self.backup_folder):
            restore_layout.addWidget(widget)
        restore_layout.addLayout(passphrase_form)
        restore_layout.addWidget(self.restore_button)
        self.body.addWidget(restore_card)
        self.body.addStretch(1)
        self.restore_button.clicked.connect(self.restore_requested)
        self.passphrase.returnPressed.connect(self.restore_requested)
        self.setup_button.clicked.connect(self.setup_requested)
        self.kiosk.returnPressed.connect(self.setup_requested)
        for key, field in (
            ("awarding", self.awarding_key),
            ("registry", self.registry_key),
            ("enrolment", self.enrolment_folder),
            ("backup", self.backup_folder),
        ):
            field.browse_requested.connect(lambda key=key: self.browse_requested.emit(key))
        self.guard(self.setup_button, self.restore_button)
        self.first_input = self.centre
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminSetup", "Set up this PC")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminSetup", "Set up this PC as a kiosk"))
        self.intro_label.setText(
            tr(
                "AdminSetup",
                "This PC is not a kiosk yet. Give the centre's name and a name staff know this PC by, the "
                "public keys of the awarding body and of the registry (from their USB stick), and a folder "
                "for this PC's enrolment file, which the registry needs before it accepts results.",
            )
        )
        self.centre_label.setText(tr("AdminSetup", "Centre"))
        self.kiosk_label.setText(tr("AdminSetup", "Name of this PC"))
        self.centre.setPlaceholderText(tr("AdminSetup", "for example CZVTC Lusaka"))
        self.kiosk.setPlaceholderText(tr("AdminSetup", "for example Lab 2 PC 14"))
        browse = tr("AdminSetup", "Browse…")
        self.awarding_key.set_texts(tr("AdminSetup", "Awarding body's public key"), browse, "*.pub")
        self.registry_key.set_texts(tr("AdminSetup", "Registry's public key"), browse, "*.pub")
        self.enrolment_folder.set_texts(
            tr("AdminSetup", "Write the enrolment file to"),
            browse,
            tr("AdminSetup", "a folder, e.g. the USB stick"),
        )
        self.files_help.setText(
            tr(
                "AdminSetup",
                "The keys and the enrolment file can also be done later: the keys on the Bank packages "
                "page, the enrolment file on the Export results page.",
            )
        )
        self.setup_button.setText(tr("AdminSetup", "Set up this PC"))
        self.restore_title.setText(tr("AdminSetup", "Or bring back a kiosk from its backup"))
        self.restore_help.setText(
            tr(
                "AdminSetup",
                "For a PC that replaces a lost or broken kiosk: choose the backup folder made with 'Back "
                "up this kiosk' and type its passphrase. The kiosk comes back with its candidates, "
                "sittings, results and keys; results not yet acknowledged by the registry go in the next "
                "export.",
            )
        )
        self.backup_folder.set_texts(
            tr("AdminSetup", "Backup folder"), browse, tr("AdminSetup", "a kiosk-backup-… folder")
        )
        self.passphrase_label.setText(tr("AdminSetup", "Passphrase"))
        self.restore_button.setText(tr("AdminSetup", "Restore the kiosk"))


class CentreSetupPresenter(QObject):
    """Runs the set-up off the GUI thread; tells the recovery code once, then hands over to the console."""

    completed = Signal()

    def __init__(
        self,
        ctx: KioskContext,
        tools: ConsoleTools,
        on_done: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = CentreSetupPage()
        self.page.setup_requested.connect(self.set_up)
        self.page.restore_requested.connect(self.restore)
        self.page.browse_requested.connect(self.browse)
        if on_done is not None:
            self.completed.connect(on_done)

    def activated(self) -> None:
        """Nothing to read: the page is a form."""

    def browse(self, which: str) -> None:
        page = self.page
        if which == "backup":
            chosen = self.tools.chooser.folder(page, tr("AdminSetup", "The kiosk's backup folder"))
            if chosen is not None:
                page.backup_folder.set_path(chosen)
            return
        if which == "enrolment":
            folder = self.tools.chooser.folder(page, tr("AdminSetup", "Folder for the enrolment file"))
            if folder is not None:
                page.enrolment_folder.set_path(folder)
            return
        field = page.awarding_key if which == "awarding" else page.registry_key
        chosen = self.tools.chooser.open_file(
            page, tr("AdminSetup", "Public key file"), tr("AdminSetup", "Public keys (*.pub)")
        )
        if chosen is not None:
            field.set_path(chosen)

    def set_up(self) -> None:
        page = self.page
        if page.busy:
            return
        centre, name = page.centre.text(), page.kiosk.text()
        awarding, registry, folder = (
            page.awarding_key.path(),
            page.registry_key.path(),
            page.enrolment_folder.path(),
        )

        def done(result: CentreSetup) -> None:
            lines = [
                tr("AdminSetup", "This PC is now kiosk {kiosk_id} ('{kiosk}' at {centre}).").format(
                    kiosk_id=result.info.kiosk_id,
                    kiosk=result.info.kiosk_name,
                    centre=result.info.centre_name,
                )
            ]
            lines += [
                tr("AdminSetup", "Trusted key {key_id} ({name}).").format(key_id=key.key_id, name=key.name)
                for key in result.trusted
            ]
            if result.enrolment_file is not None:
                lines.append(
                    tr("AdminSetup", "The enrolment file is {path}; take it to the registry.").format(
                        path=result.enrolment_file
                    )
                )
            lines.append(
                tr(
                    "AdminSetup",
                    "Recovery code (shown only now; keep it sealed with the exam papers): {code}. It "
                    "clears a lockout after too many wrong invigilator PINs.",
                ).format(code=result.recovery_code)
            )
            self.tools.prompter.inform(
                tr("AdminSetup", "This PC is set up"), "\n\n".join(lines), self.completed.emit
            )

        self.tools.run(
            page,
            "setup-centre",
            lambda: set_up_centre(self.ctx, centre, name, awarding, registry, folder),
            done,
            tr("AdminSetup", "This PC was not set up"),
        )

    def restore(self) -> None:
        page = self.page
        folder = page.backup_folder.path()
        if page.busy or folder is None:
            return
        secret = page.passphrase.text().encode()

        def done(result: recovery.Restored) -> None:
            page.passphrase.clear()
            said = tr(
                "AdminSetup",
                "Kiosk {old} is back on this PC as {new}. {waiting} finished attempt(s) the registry had "
                "not acknowledged will go in the next export.",
            ).format(old=result.old_kiosk_id, new=result.kiosk_id, waiting=result.waiting)
            self.tools.prompter.inform(tr("AdminSetup", "The kiosk is restored"), said, self.completed.emit)

        self.tools.run(
            page,
            "setup-restore",
            lambda: recovery.restore_kiosk(self.ctx, folder, secret),
            done,
            tr("AdminSetup", "The kiosk was not restored"),
        )
