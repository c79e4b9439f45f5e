"""First run of a registry: its keys, its database (SQLite in the folder, or a PostgreSQL server whose
connection is tried first), and its public key shown and exported for every kiosk to trust.

The PostgreSQL address chosen here is kept in the registry folder (readable by its owner only, like the
private key beside it), so the console opens on the same database next time. The same key page stays in
the registry console afterwards (:class:`RegistryKeyPresenter`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from kiosk.domain.errors import InputError, StoreError
from kiosk.formats.keys import PublicIdentity, load_public
from kiosk.registry.services.registry import RegistryContext, default_database_url, init_registry
from kiosk.registry.storage.store import open_registry_database
from kiosk.support.files import PRIVATE, SHARED, write_file
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner

# The database the console opens the registry on, when it is not the SQLite file in the folder.
DATABASE_URL_FILE = "console-database-url"


def saved_database_url(directory: Path) -> str | None:
    """The database address the set-up page chose for the registry in ``directory``, if any."""
    try:
        text = (directory / DATABASE_URL_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def try_database(url: str) -> str:
    """Connect to ``url`` and make sure the registry's tables can be made there; returns it as shown."""
    database = open_registry_database(url)
    try:
        return database.shown_url
    finally:
        database.close()


def try_folder_database(directory: Path) -> str:
    """:func:`try_database` on the SQLite file in ``directory``, making the folder first."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise StoreError("registry.folder_not_created", folder=directory, reason=reason) from error
    return try_database(default_database_url(directory))


def set_up_registry(directory: Path, url: str | None) -> PublicIdentity:
    """Try the database, make the registry's keys in ``directory``, and remember a non-default database."""
    if url is not None:
        try_database(url)
    public_path = init_registry(directory)
    if url is not None:
        write_file(directory / DATABASE_URL_FILE, (url + "\n").encode("utf-8"), PRIVATE)
    else:
        try_folder_database(directory)
    return load_public(public_path)


def export_public_key(key: PublicIdentity, target: Path) -> Path:
    """Write the registry's public key to ``target`` (readable by all: every kiosk trusts a copy)."""
    if not target.parent.is_dir():
        raise InputError("enrolment.folder_missing", folder=target.parent)
    write_file(target, key.to_text().encode("ascii"), SHARED)
    return target


class KeyPanel(QFrame):
    """The registry's public key: its id and name, and a button to save a copy for the kiosks."""

    export_requested = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        self.caption = QLabel()
        self.caption.setProperty("role", "stem")
        self.details = QLabel()
        self.details.setObjectName(f"{name}-key")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton()
        self.export_button.setObjectName(f"{name}-export")
        layout.addWidget(self.caption)
        layout.addWidget(self.details)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.export_button.clicked.connect(self.export_requested)
        self.key: PublicIdentity | None = None

    def show_key(self, key: PublicIdentity | None) -> None:
        self.key = key
        self.setVisible(key is not None)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(tr("AdminSetup", "The registry's public key"))
        self.export_button.setText(tr("AdminSetup", "Save a copy for the kiosks…"))
        if self.key is not None:
            self.details.setText(
                tr(
                    "AdminSetup",
                    "Key {key_id} ({name}). Every kiosk trusts this key; when a kiosk is set up, compare the "
                    "key id it shows with this one.",
                ).format(key_id=self.key.key_id, name=self.key.name)
            )


def _export(tools: ConsoleTools, page: ConsolePage, panel: KeyPanel, status: Banner) -> None:
    key = panel.key
    if key is None:
        return
    target = tools.chooser.save_file(
        page,
        tr("AdminSetup", "Save the registry's public key"),
        Path(f"{key.name}.pub"),
        tr("AdminSetup", "Public keys (*.pub)"),
    )
    if target is None:
        return

    def saved(path: Path) -> None:
        status.show_message("info", tr("AdminSetup", "The public key was saved as {path}.").format(path=path))

    tools.run(
        page,
        f"{page.page_name}-export",
        lambda: export_public_key(key, target),
        saved,
        tr("AdminSetup", "The public key was not saved"),
    )


class RegistrySetupPage(ConsolePage):
    """The form: SQLite or a PostgreSQL address (with a test), the button that makes the keys, the key."""

    test_requested = Signal()
    setup_requested = Signal()
    open_requested = Signal()

    def __init__(self, directory: Path) -> None:
        super().__init__("registry-setup")
        self.directory = directory
        self.status = Banner("registry-setup-status", selectable=True)
        self.body.addWidget(self.status)
        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(900)
        layout = QVBoxLayout(card)
        self.database_caption = QLabel()
        self.database_caption.setProperty("role", "stem")
        self.sqlite = QRadioButton()
        self.sqlite.setObjectName("registry-setup-sqlite")
        self.postgres = QRadioButton()
        self.postgres.setObjectName("registry-setup-postgres")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.sqlite)
        self.choice.addButton(self.postgres)
        self.sqlite.setChecked(True)
        self.url = QLineEdit()
        self.url.setObjectName("registry-setup-url")
        self.url_label = QLabel()
        self.url_label.setBuddy(self.url)
        form = QFormLayout()
        form.addRow(self.url_label, self.url)
        self.test_button = QPushButton()
        self.test_button.setObjectName("registry-setup-test")
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("registry-setup-run")
        self.setup_button.setProperty("role", "primary")
        layout.addWidget(self.database_caption)
        layout.addWidget(self.sqlite)
        layout.addWidget(self.postgres)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.setup_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.body.addWidget(card)
        self.key_panel = KeyPanel("registry-setup")
        self.key_panel.show_key(None)
        self.body.addWidget(self.key_panel)
        self.open_button = QPushButton()
        self.open_button.setObjectName("registry-setup-open")
        self.open_button.setProperty("role", "primary")
        self.open_button.hide()
        self.body.addWidget(self.open_button)
        self.body.addStretch(1)
        self.sqlite.toggled.connect(self.update_actions)
        self.url.textChanged.connect(self.update_actions)
        self.test_button.clicked.connect(self.test_requested)
        self.setup_button.clicked.connect(self.setup_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.guard(self.test_button, self.setup_button, self.open_button, self.key_panel.export_button)
        self.first_input = self.sqlite
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminSetup", "Set up the registry")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminSetup", "Set up the results registry"))
        self.intro_label.setText(
            tr(
                "AdminSetup",
                "The folder {folder} is not a registry yet. Choose where the results are kept, then make the "
                "registry's keys: the private key stays in this folder, and the public key goes to every "
                "kiosk.",
            ).format(folder=self.directory)
        )
        self.database_caption.setText(tr("AdminSetup", "Where the results are kept"))
        self.sqlite.setText(tr("AdminSetup", "A database file in the registry folder (SQLite)"))
        self.postgres.setText(tr("AdminSetup", "A PostgreSQL server"))
        self.url_label.setText(tr("AdminSetup", "Server address"))
        self.url.setPlaceholderText("postgresql+psycopg://user:password@host:5432/registry")
        self.test_button.setText(tr("AdminSetup", "Test the connection"))
        self.setup_button.setText(tr("AdminSetup", "Make the registry's keys"))
        self.open_button.setText(tr("AdminSetup", "Open the registry console"))
        self.key_panel.retranslate()
        self.update_actions()

    def suggest_url(self, url: str) -> None:
        """Start from the database address given on the command line or in the environment."""
        if url.startswith("postgresql"):
            self.postgres.setChecked(True)
            self.url.setText(url)
        self.update_actions()

    def chosen_url(self) -> str | None:
        """The PostgreSQL address typed, or None for SQLite in the folder."""
        if not self.postgres.isChecked():
            return None
        return self.url.text().strip() or None

    def update_actions(self) -> None:
        made = self.key_panel.key is not None
        postgres = self.postgres.isChecked()
        self.url.setEnabled(postgres and not made)
        self.sqlite.setEnabled(not made)
        self.postgres.setEnabled(not made)
        self.test_button.setEnabled(
            not self.busy and not made and (not postgres or bool(self.url.text().strip()))
        )
        self.setup_button.setEnabled(
            not self.busy and not made and (not postgres or bool(self.url.text().strip()))
        )
        self.open_button.setVisible(made)


class RegistrySetupPresenter(QObject):
    """Tests the database, makes the keys, exports the public key, and then opens the registry console."""

    completed = Signal(object)
    """The registry is made; carries the database address chosen (None for the folder's SQLite file)."""

    def __init__(
        self,
        directory: Path,
        tools: ConsoleTools,
        on_done: Callable[[str | None], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.tools = tools
        self.page = RegistrySetupPage(directory)
        self.url: str | None = None
        self.page.test_requested.connect(self.test)
        self.page.setup_requested.connect(self.set_up)
        self.page.open_requested.connect(lambda: self.completed.emit(self.url))
        self.page.key_panel.export_requested.connect(
            lambda: _export(self.tools, self.page, self.page.key_panel, self.page.status)
        )
        if on_done is not None:
            self.completed.connect(on_done)

    def activated(self) -> None:
        """Nothing to read: the page is a form."""

    def test(self) -> None:
        url = self.page.chosen_url()
        directory = self.directory

        def worked(shown: str) -> None:
            self.page.status.show_message(
                "info", tr("AdminSetup", "The database {database} can be used.").format(database=shown)
            )

        self.tools.run(
            self.page,
            "registry-setup-test",
            lambda: try_database(url) if url is not None else try_folder_database(directory),
            worked,
            tr("AdminSetup", "The database cannot be used"),
        )

    def set_up(self) -> None:
        url = self.page.chosen_url()

        def made(key: PublicIdentity) -> None:
            self.url = url
            self.page.key_panel.show_key(key)
            self.page.update_actions()
            self.page.status.show_message(
                "info",
                tr(
                    "AdminSetup",
                    "The registry is ready. Save a copy of its public key for the kiosks, then open the "
                    "console.",
                ),
            )

        self.tools.run(
            self.page,
            "registry-setup-run",
            lambda: set_up_registry(self.directory, url),
            made,
            tr("AdminSetup", "The registry was not set up"),
        )


class RegistryKeyPage(ConsolePage):
    """The registry console's page for its own public key."""

    def __init__(self) -> None:
        super().__init__("registry-key")
        self.status = Banner("registry-key-status", selectable=True)
        self.body.addWidget(self.status)
        self.key_panel = KeyPanel("registry-key")
        self.body.addWidget(self.key_panel)
        self.body.addStretch(1)
        self.guard(self.key_panel.export_button)
        self.first_input = self.key_panel.export_button
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminSetup", "Registry key")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminSetup", "The registry's public key"))
        self.intro_label.setText(
            tr(
                "AdminSetup",
                "Kiosks seal results for this key and check that packages and link files come from this "
                "registry. Give every kiosk a copy.",
            )
        )
        self.key_panel.retranslate()


class RegistryKeyPresenter(QObject):
    def __init__(self, ctx: RegistryContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tools = tools
        self.page = RegistryKeyPage()
        self.page.key_panel.show_key(ctx.identity.public)
        self.page.key_panel.export_requested.connect(
            lambda: _export(self.tools, self.page, self.page.key_panel, self.page.status)
        )

    def activated(self) -> None:
        """The key does not change while the console is open."""
