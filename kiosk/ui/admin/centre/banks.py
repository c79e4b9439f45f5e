"""Bank packages: trust the awarding body's key, read a package's signed header, install it or see why not;
and, on a second tab, questions from other tools converted into a new bank source (see bank_import)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from kiosk.authoring import build as authoring
from kiosk.formats import bank_packages
from kiosk.station.services import bank_install
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.centre.bank_import import BankImportPanel, BankImportPresenter
from kiosk.ui.admin.terms import certificate_name, certificate_short, grade_name, when
from kiosk.ui.admin.tools import ConsoleTools, failure_sentence
from kiosk.ui.admin.widgets import ConsolePage, PathField, fill_table, make_table, set_headers
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner

PACKAGE_FILTER = "1+X bank (*.1xbank);;*"
KEY_FILTER = "1+X public key (*.pub);;*"


def header_label(label: str) -> str:
    """The words for a row of :func:`authoring.describe_header` in the console's language."""
    labels = {
        "Bank": tr("AdminBanks", "Bank"),
        "Title": tr("AdminBanks", "Title"),
        "Certificate": tr("AdminBanks", "Certificate"),
        "Grade": tr("AdminBanks", "Grade"),
        "Version": tr("AdminBanks", "Version"),
        "Items": tr("AdminBanks", "Items"),
        "Signed by key": tr("AdminBanks", "Signed by key"),
        "Built": tr("AdminBanks", "Built"),
    }
    return labels.get(label, label)


class BanksPage(ConsolePage):
    """Lays out trusted keys, the package to install with its header, and the installed banks."""

    trust_requested = Signal()
    """Trust the public key file named in the key box."""
    header_requested = Signal()
    """Read the signed header of the package named in the package box."""
    install_requested = Signal()
    """Install the package whose header is shown."""

    def __init__(self) -> None:
        super().__init__("banks")
        # Installing packages is the first tab, importing questions from other tools the second.
        page_body = self.body
        install = QWidget()
        install.setObjectName("banks-install-tab")
        self.body = QVBoxLayout(install)
        self.body.setContentsMargins(0, 8, 0, 0)
        self.key_file = PathField("banks-key")
        self.trust_button = QPushButton()
        self.trust_button.setObjectName("banks-trust")
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_file, 1)
        key_row.addWidget(self.trust_button)
        self.body.addLayout(key_row)
        self.keys_label = QLabel()
        self.keys_label.setObjectName("banks-keys")
        self.keys_label.setProperty("role", "muted")
        self.keys_label.setWordWrap(True)
        self.body.addWidget(self.keys_label)

        self.package_file = PathField("banks-package")
        self.header_button = QPushButton()
        self.header_button.setObjectName("banks-read-header")
        package_row = QHBoxLayout()
        package_row.addWidget(self.package_file, 1)
        package_row.addWidget(self.header_button)
        self.body.addLayout(package_row)
        self.status = Banner("banks-status", selectable=True)
        self.body.addWidget(self.status)

        row = QHBoxLayout()
        card = QFrame()
        card.setProperty("role", "card")
        card.setMinimumWidth(360)
        card.setMaximumWidth(440)
        card_layout = QVBoxLayout(card)
        self.header_title = QLabel()
        self.header_title.setProperty("role", "stem")
        self.header_title.setWordWrap(True)
        self.header_table = make_table("banks-header")
        self.header_table.horizontalHeader().hide()
        self.install_button = QPushButton()
        self.install_button.setObjectName("banks-install")
        self.install_button.setProperty("role", "primary")
        card_layout.addWidget(self.header_title)
        card_layout.addWidget(self.header_table, 1)
        card_layout.addWidget(self.install_button)
        row.addWidget(card, 2)
        installed = QVBoxLayout()
        self.installed_label = QLabel()
        self.installed_label.setProperty("role", "stem")
        self.installed = make_table("banks-installed")
        installed.addWidget(self.installed_label)
        installed.addWidget(self.installed, 1)
        row.addLayout(installed, 3)
        self.body.addLayout(row, 1)
        self.body = page_body
        self.importer = BankImportPanel()
        self.sections = QTabWidget()
        self.sections.setObjectName("banks-sections")
        self.sections.addTab(install, "")
        self.sections.addTab(self.importer, "")
        self.body.addWidget(self.sections, 1)
        self.sections.currentChanged.connect(lambda _index: self._show_section())

        self.trust_button.clicked.connect(self.trust_requested)
        self.key_file.submitted.connect(self.trust_requested)
        self.header_button.clicked.connect(self.header_requested)
        self.package_file.submitted.connect(self.header_requested)
        self.install_button.clicked.connect(self.install_requested)
        self.package_file.edit.textChanged.connect(lambda _text: self.update_actions())
        self.guard(self.trust_button, self.header_button, self.install_button)
        self.header: tuple[Path, list[tuple[str, str]]] | None = None
        self.banks: list[bank_install.InstalledBank] = []
        self.keys: list[tuple[str, str, str]] = []
        self.first_input = self.key_file.edit
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminBanks", "Bank packages")

    def importing(self) -> bool:
        """Whether the import tab is the one shown."""
        return self.sections.currentWidget() is self.importer

    def _show_section(self) -> None:
        if self.importing():
            self.title_label.setText(tr("AdminBanks", "Import questions from other tools"))
            self.intro_label.setText(
                tr(
                    "AdminBanks",
                    "Questions from QTI 3.0 or 2.1, Moodle XML, GIFT or Aiken files become a new bank source "
                    "folder, with a report on every question. Nothing is installed: the author reviews and "
                    "completes the folder, then builds and signs the bank from it.",
                )
            )
            self.first_input = self.importer.format_box
            return
        self.title_label.setText(tr("AdminBanks", "Install bank packages"))
        self.intro_label.setText(
            tr(
                "AdminBanks",
                "A package is installed only if the awarding body's trusted key signed it and it is newer "
                "than the installed version. Its questions stay encrypted until exam day.",
            )
        )
        self.first_input = self.key_file.edit

    def retranslate(self) -> None:
        self.sections.setTabText(0, tr("AdminBanks", "Install packages"))
        self.sections.setTabText(1, tr("AdminBanks", "Import from other tools"))
        self._show_section()
        self.importer.retranslate()
        self.key_file.set_texts(
            tr("AdminBanks", "Public key"),
            tr("AdminBanks", "Browse…"),
            tr("AdminBanks", "the awarding body's key (for banks) or the registry's (for exports)"),
        )
        self.trust_button.setText(tr("AdminBanks", "Trust this key"))
        self.package_file.set_texts(tr("AdminBanks", "Bank package"), tr("AdminBanks", "Browse…"), "*.1xbank")
        self.header_button.setText(tr("AdminBanks", "Read its header"))
        self.header_title.setText(tr("AdminBanks", "Signed header"))
        self.install_button.setText(tr("AdminBanks", "Install this package"))
        self.installed_label.setText(tr("AdminBanks", "Installed banks"))
        set_headers(self.header_table, ["", ""], stretch=1)
        set_headers(
            self.installed,
            [
                tr("AdminBanks", "Bank"),
                tr("AdminBanks", "Certificate"),
                tr("AdminBanks", "Grade"),
                tr("AdminBanks", "Version"),
                tr("AdminBanks", "Items"),
                tr("AdminBanks", "Installed"),
            ],
            stretch=1,
        )
        self.show_header(self.header)
        self.show_installed(self.banks, self.keys)

    def show_header(self, header: tuple[Path, list[tuple[str, str]]] | None) -> None:
        self.header = header
        rows = (
            []
            if header is None
            else [
                (header_label(label), certificate_name(value) if label == "Certificate" else value)
                for label, value in header[1]
            ]
        )
        fill_table(self.header_table, rows)
        if header is None:
            self.header_title.setText(tr("AdminBanks", "Signed header"))
        else:
            self.header_title.setText(tr("AdminBanks", "Signed header of {file}").format(file=header[0].name))
        self.update_actions()

    def show_installed(
        self, banks: list[bank_install.InstalledBank], keys: list[tuple[str, str, str]]
    ) -> None:
        self.banks, self.keys = banks, keys
        fill_table(
            self.installed,
            [
                (
                    bank.bank_id,
                    certificate_short(bank.certificate),
                    grade_name(bank.grade),
                    bank.version,
                    bank.item_count,
                    when(bank.installed_at),
                )
                for bank in banks
            ],
        )
        if keys:
            shown = "; ".join(f"{name} ({kind}, {key_id})" for kind, name, key_id in keys)
            self.keys_label.setText(tr("AdminBanks", "Trusted keys: {keys}").format(keys=shown))
        else:
            self.keys_label.setText(
                tr(
                    "AdminBanks",
                    "No key is trusted yet: trust the awarding body's public key before installing.",
                )
            )

    def update_actions(self) -> None:
        ready = self.header is not None and self.package_file.path() == self.header[0]
        self.install_button.setEnabled(ready and not self.busy)


class BanksPresenter(QObject):
    """Trusts keys, reads headers and installs packages through the bank-install and authoring services."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = BanksPage()
        self.page.key_file.browse_requested.connect(self.browse_key)
        self.page.package_file.browse_requested.connect(self.browse_package)
        self.page.trust_requested.connect(self.trust)
        self.page.header_requested.connect(self.read_header)
        self.page.install_requested.connect(self.install)
        self.importing = BankImportPresenter(self.page, self.page.importer, tools, self)

    def _load(self) -> tuple[list[bank_install.InstalledBank], list[tuple[str, str, str]]]:
        keys = [
            (key.kind.value, key.name, key.key_id)
            for kind in bank_install.TRUSTED_KINDS
            for key in bank_install.trusted_keys(self.ctx, kind)
        ]
        return bank_install.list_installed(self.ctx), keys

    def activated(self) -> None:
        self.tools.run(
            self.page,
            "banks-list",
            self._load,
            lambda loaded: self.page.show_installed(*loaded),
            tr("AdminBanks", "The installed banks cannot be listed"),
        )

    def browse_key(self) -> None:
        path = self.tools.chooser.open_file(self.page, tr("AdminBanks", "Choose the public key"), KEY_FILTER)
        if path is not None:
            self.page.key_file.set_path(path)

    def browse_package(self) -> None:
        path = self.tools.chooser.open_file(
            self.page, tr("AdminBanks", "Choose the bank package"), PACKAGE_FILTER
        )
        if path is not None:
            self.page.package_file.set_path(path)
            self.read_header()

    def trust(self) -> None:
        path = self.page.key_file.path()
        if path is None:
            self.page.status.show_message(
                "error", tr("AdminBanks", "Type or choose the public key file first.")
            )
            return

        def trusted(key: object) -> None:
            self.page.key_file.edit.clear()
            self.page.status.show_message(
                "info",
                tr("AdminBanks", "The key {key_id} ({name}) is now trusted.").format(
                    key_id=getattr(key, "key_id", ""), name=getattr(key, "name", "")
                ),
            )
            self.activated()

        self.tools.run(
            self.page,
            "banks-trust",
            lambda: bank_install.trust_key(self.ctx, path),
            trusted,
            tr("AdminBanks", "The key was not trusted"),
        )

    def read_header(self) -> None:
        path = self.page.package_file.path()
        if path is None:
            self.page.status.show_message("error", tr("AdminBanks", "Type or choose the bank package first."))
            return

        def read(rows: list[tuple[str, str]]) -> None:
            self.page.status.show_message(
                "info",
                tr(
                    "AdminBanks",
                    "Check the header, then install. The signature is checked against the trusted keys when "
                    "you install.",
                ),
            )
            self.page.show_header((path, rows))

        def unreadable(error: Exception) -> None:
            self.page.show_header(None)
            self.page.status.show_message("error", failure_sentence(error))

        self.tools.run(
            self.page,
            "banks-header",
            lambda: authoring.describe_header(bank_packages.inspect_package(path)),
            read,
            tr("AdminBanks", "This is not a bank package"),
            on_failed=unreadable,
        )

    def install(self) -> None:
        if self.page.header is None:
            return
        path = self.page.header[0]

        def installed(bank: bank_install.InstalledBank) -> None:
            self.page.show_header(None)
            self.page.package_file.edit.clear()
            self.page.status.show_message(
                "info",
                tr("AdminBanks", "Installed {bank} version {version} ({title}, {items} items).").format(
                    bank=bank.bank_id, version=bank.version, title=bank.title, items=bank.item_count
                ),
            )
            self.activated()

        def refused(error: Exception) -> None:
            self.page.status.show_message(
                "error",
                tr("AdminBanks", "The bank package {path} was refused: {reason}").format(
                    path=path, reason=failure_sentence(error)
                ),
            )

        self.tools.run(
            self.page,
            "banks-install",
            lambda: bank_install.install_package(self.ctx, path),
            installed,
            tr("AdminBanks", "The package was refused"),
            on_failed=refused,
        )
