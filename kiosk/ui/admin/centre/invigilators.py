"""Invigilator accounts: add one (PIN chosen or generated), reset a PIN, or stop a PIN from working."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from kiosk.station.services import invigilators
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, fill_table, make_table, select_key, selected_key, set_headers
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner


class InvigilatorsPage(ConsolePage):
    """Lays out the accounts list, the form to add one, and the selected account's actions."""

    add_requested = Signal()
    """Add an invigilator with the name (and optional PIN) in the form."""
    reset_requested = Signal()
    """Give the selected invigilator a new PIN."""
    deactivate_requested = Signal()
    """Stop the selected invigilator's PIN from working."""

    def __init__(self) -> None:
        super().__init__("invigilators")
        self.status = Banner("invigilators-status", selectable=True)
        self.body.addWidget(self.status)
        row = QHBoxLayout()
        self.table = make_table("invigilators-table")
        row.addWidget(self.table, 3)

        panel = QFrame()
        panel.setProperty("role", "card")
        panel.setMinimumWidth(320)
        panel.setMaximumWidth(380)
        side = QVBoxLayout(panel)
        self.add_title = QLabel()
        self.add_title.setProperty("role", "stem")
        self.name = QLineEdit()
        self.name.setObjectName("invigilators-name")
        self.name.setMaxLength(200)
        self.pin = QLineEdit()
        self.pin.setObjectName("invigilators-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.pin_label = QLabel()
        self.pin_label.setBuddy(self.pin)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.pin_label, self.pin)
        self.pin_help = QLabel()
        self.pin_help.setProperty("role", "muted")
        self.pin_help.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("invigilators-add")
        self.add_button.setProperty("role", "primary")
        self.selected_title = QLabel()
        self.selected_title.setObjectName("invigilators-selected")
        self.selected_title.setProperty("role", "stem")
        self.selected_title.setWordWrap(True)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("invigilators-reset")
        self.deactivate_button = QPushButton()
        self.deactivate_button.setObjectName("invigilators-deactivate")
        self.deactivate_button.setProperty("role", "danger")
        side.addWidget(self.add_title)
        side.addLayout(form)
        side.addWidget(self.pin_help)
        side.addWidget(self.add_button)
        side.addSpacing(20)
        side.addWidget(self.selected_title)
        side.addWidget(self.reset_button)
        side.addWidget(self.deactivate_button)
        side.addStretch(1)
        row.addWidget(panel, 1)
        self.body.addLayout(row, 1)

        self.accounts: list[invigilators.InvigilatorInfo] = []
        self.add_button.clicked.connect(self.add_requested)
        self.name.returnPressed.connect(self.add_requested)
        self.pin.returnPressed.connect(self.add_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.deactivate_button.clicked.connect(self.deactivate_requested)
        self.table.itemSelectionChanged.connect(self.update_actions)
        self.guard(self.add_button, self.reset_button, self.deactivate_button)
        self.first_input = self.name
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminInvigilators", "Invigilators")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminInvigilators", "Invigilator accounts"))
        self.intro_label.setText(
            tr(
                "AdminInvigilators",
                "Invigilators unlock sittings with their PIN. PINs are kept only in a form that cannot be "
                "read back, so a new PIN is shown once when it is made.",
            )
        )
        self.add_title.setText(tr("AdminInvigilators", "Add an invigilator"))
        self.name_label.setText(tr("AdminInvigilators", "Name"))
        self.pin_label.setText(tr("AdminInvigilators", "PIN (optional)"))
        self.pin_help.setText(
            tr("AdminInvigilators", "6 to 12 digits. Leave it empty to have a PIN made up for you.")
        )
        self.add_button.setText(tr("AdminInvigilators", "Add invigilator"))
        self.reset_button.setText(tr("AdminInvigilators", "Give a new PIN…"))
        self.deactivate_button.setText(tr("AdminInvigilators", "Stop this PIN working…"))
        set_headers(
            self.table, [tr("AdminInvigilators", "Name"), tr("AdminInvigilators", "PIN works")], stretch=0
        )
        self.show_accounts(self.accounts)

    def show_accounts(self, accounts: list[invigilators.InvigilatorInfo]) -> None:
        chosen = self.selected_name()
        self.accounts = accounts
        fill_table(
            self.table,
            [
                (
                    account.name,
                    tr("AdminInvigilators", "yes")
                    if account.active
                    else tr("AdminInvigilators", "no (stopped)"),
                )
                for account in accounts
            ],
            [account.name for account in accounts],
        )
        if chosen is not None:
            self.select(chosen)
        self.update_actions()

    def selected_name(self) -> str | None:
        key = selected_key(self.table)
        return None if key is None else str(key)

    def select(self, name: str) -> None:
        select_key(self.table, name)

    def update_actions(self) -> None:
        name = self.selected_name()
        account = next((a for a in self.accounts if a.name == name), None)
        self.selected_title.setText(
            tr("AdminInvigilators", "Choose an invigilator in the list.") if account is None else account.name
        )
        self.reset_button.setEnabled(account is not None and not self.busy)
        self.deactivate_button.setEnabled(account is not None and account.active and not self.busy)


class InvigilatorsPresenter(QObject):
    """Adds accounts, resets and stops PINs through the invigilators service; new PINs are shown once."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = InvigilatorsPage()
        self.page.add_requested.connect(self.add)
        self.page.reset_requested.connect(self.reset)
        self.page.deactivate_requested.connect(self.deactivate)

    def activated(self) -> None:
        self.tools.run(
            self.page,
            "invigilators-list",
            lambda: invigilators.list_invigilators(self.ctx),
            self.page.show_accounts,
            tr("AdminInvigilators", "The invigilators cannot be listed"),
        )

    def add(self) -> None:
        if self.page.busy:
            return
        name = " ".join(self.page.name.text().split())
        typed_pin = self.page.pin.text().strip() or None

        def added(pin: str) -> None:
            self.page.name.clear()
            self.page.pin.clear()
            self.page.status.show_message(
                "info", tr("AdminInvigilators", "{name} can now unlock sittings.").format(name=name)
            )
            self._tell_pin(name, pin, tr("AdminInvigilators", "Invigilator added"))

        self.tools.run(
            self.page,
            "invigilators-add",
            lambda: invigilators.create_invigilator(self.ctx, name, typed_pin),
            added,
            tr("AdminInvigilators", "The invigilator was not added"),
        )

    def _tell_pin(self, name: str, pin: str, title: str) -> None:
        self.tools.tell(
            title,
            tr(
                "AdminInvigilators",
                "The PIN for {name} is {pin}\nIt is shown only now; hand it to {name} in person.",
            ).format(name=name, pin=pin),
        )
        self.activated()

    def reset(self) -> None:
        name = self.page.selected_name()
        if name is None:
            return
        self.tools.prompter.confirm(
            tr("AdminInvigilators", "Give {name} a new PIN?").format(name=name),
            tr("AdminInvigilators", "The old PIN stops working at once; a new one is made and shown once."),
            tr("AdminInvigilators", "Make a new PIN"),
            tr("AdminInvigilators", "Cancel"),
            lambda yes: self._reset(name) if yes else None,
        )

    def _reset(self, name: str) -> None:
        def done(pin: str) -> None:
            self.page.status.show_message(
                "info", tr("AdminInvigilators", "{name} has a new PIN.").format(name=name)
            )
            self._tell_pin(name, pin, tr("AdminInvigilators", "New PIN"))

        self.tools.run(
            self.page,
            "invigilators-reset",
            lambda: invigilators.reset_pin(self.ctx, name),
            done,
            tr("AdminInvigilators", "No new PIN was made"),
        )

    def deactivate(self) -> None:
        name = self.page.selected_name()
        if name is None:
            return
        self.tools.prompter.confirm(
            tr("AdminInvigilators", "Stop {name}'s PIN working?").format(name=name),
            tr(
                "AdminInvigilators",
                "{name} will no longer be able to unlock sittings. The account is kept for the record; a "
                "new PIN makes it work again.",
            ).format(name=name),
            tr("AdminInvigilators", "Stop the PIN"),
            tr("AdminInvigilators", "Cancel"),
            lambda yes: self._deactivate(name) if yes else None,
            danger=True,
        )

    def _deactivate(self, name: str) -> None:
        def done(_result: object) -> None:
            self.page.status.show_message(
                "info", tr("AdminInvigilators", "{name}'s PIN no longer works.").format(name=name)
            )
            self.activated()

        self.tools.run(
            self.page,
            "invigilators-deactivate",
            lambda: invigilators.deactivate(self.ctx, name),
            done,
            tr("AdminInvigilators", "The PIN was not stopped"),
        )
