"""Scheduling sittings: a named sitting of an installed bank on a date, and the list of sittings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from kiosk.station.services import bank_install, sittings
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.terms import certificate_name, grade_name, sitting_state, yes_no
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, fill_table, make_table, set_headers
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner


class SittingsPage(ConsolePage):
    """Lays out the form to schedule a sitting beside the list of sittings."""

    schedule_requested = Signal()
    """Schedule a sitting with what the form says."""

    def __init__(self) -> None:
        super().__init__("sittings")
        self.status = Banner("sittings-status", selectable=True)
        self.body.addWidget(self.status)
        row = QHBoxLayout()
        card = QFrame()
        card.setProperty("role", "card")
        card.setMinimumWidth(380)
        card.setMaximumWidth(440)
        side = QVBoxLayout(card)
        self.form_title = QLabel()
        self.form_title.setProperty("role", "stem")
        self.name = QLineEdit()
        self.name.setObjectName("sittings-name")
        self.name.setMaxLength(200)
        self.bank = QComboBox()
        self.bank.setObjectName("sittings-bank")
        self.on_date = QDateEdit()
        self.on_date.setObjectName("sittings-date")
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.show_score = QCheckBox()
        self.show_score.setObjectName("sittings-show-score")
        self.labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name, self.bank, self.on_date), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.show_score)
        self.schedule_button = QPushButton()
        self.schedule_button.setObjectName("sittings-schedule")
        self.schedule_button.setProperty("role", "primary")
        side.addWidget(self.form_title)
        side.addLayout(form)
        side.addWidget(self.schedule_button)
        self.no_banks = QLabel()
        self.no_banks.setObjectName("sittings-no-banks")
        self.no_banks.setProperty("role", "field-error")
        self.no_banks.setWordWrap(True)
        side.addWidget(self.no_banks)
        side.addStretch(1)
        row.addWidget(card, 2)
        self.table = make_table("sittings-table")
        self.table.setSortingEnabled(True)
        row.addWidget(self.table, 3)
        self.body.addLayout(row, 1)

        self.schedule_button.clicked.connect(self.schedule_requested)
        self.name.returnPressed.connect(self.schedule_requested)
        self.guard(self.schedule_button)
        self.banks: list[bank_install.InstalledBank] = []
        self.sittings: list[sittings.SittingInfo] = []
        self.first_input = self.name
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminSittings", "Sittings")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminSittings", "Schedule sittings"))
        self.intro_label.setText(
            tr(
                "AdminSittings",
                "A sitting is one exam session of an installed bank on a day. On the day, the invigilator "
                "unlocks it on each PC with their PIN and the release code.",
            )
        )
        self.form_title.setText(tr("AdminSittings", "New sitting"))
        for label, text in zip(
            self.labels,
            (tr("AdminSittings", "Name"), tr("AdminSittings", "Bank"), tr("AdminSittings", "Date")),
            strict=True,
        ):
            label.setText(text)
        self.name.setPlaceholderText(tr("AdminSittings", "for example Maintenance II theory, morning"))
        self.show_score.setText(tr("AdminSittings", "Show candidates their score on the receipt"))
        self.schedule_button.setText(tr("AdminSittings", "Schedule the sitting"))
        self.no_banks.setText(tr("AdminSittings", "No bank is installed yet; install a bank package first."))
        set_headers(
            self.table,
            [
                tr("AdminSittings", "No."),
                tr("AdminSittings", "Name"),
                tr("AdminSittings", "Bank"),
                tr("AdminSittings", "Date"),
                tr("AdminSittings", "State"),
                tr("AdminSittings", "Score on receipt"),
            ],
            stretch=1,
        )
        self.show_banks(self.banks)
        self.show_sittings(self.sittings)

    def show_banks(self, banks: list[bank_install.InstalledBank]) -> None:
        chosen = self.bank.currentData()
        self.banks = banks
        self.bank.clear()
        latest: dict[str, bank_install.InstalledBank] = {}
        for bank in banks:
            if bank.bank_id not in latest or bank.version > latest[bank.bank_id].version:
                latest[bank.bank_id] = bank
        for bank in latest.values():
            label = f"{bank.bank_id} · {certificate_name(bank.certificate)} {grade_name(bank.grade)}"
            self.bank.addItem(label, bank.bank_id)
        if chosen is not None and self.bank.findData(chosen) >= 0:
            self.bank.setCurrentIndex(self.bank.findData(chosen))
        self.update_actions()

    def show_sittings(self, listed: list[sittings.SittingInfo]) -> None:
        self.sittings = listed
        fill_table(
            self.table,
            [
                (
                    s.id,
                    s.name,
                    s.bank_id,
                    s.scheduled_on.isoformat(),
                    sitting_state(s.state),
                    yes_no(s.show_score),
                )
                for s in listed
            ],
            [s.id for s in listed],
        )

    def update_actions(self) -> None:
        self.schedule_button.setEnabled(self.bank.count() > 0 and not self.busy)
        self.no_banks.setVisible(self.bank.count() == 0)


class SittingsPresenter(QObject):
    """Lists banks and sittings and schedules new sittings through the sittings service."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = SittingsPage()
        today = ctx.clock.wall().astimezone().date()
        self.page.on_date.setDate(QDate(today.year, today.month, today.day))
        self.page.schedule_requested.connect(self.schedule)

    def _load(self) -> tuple[list[bank_install.InstalledBank], list[sittings.SittingInfo]]:
        return bank_install.list_installed(self.ctx), sittings.list_sittings(self.ctx)

    def _show(self, loaded: tuple[list[bank_install.InstalledBank], list[sittings.SittingInfo]]) -> None:
        self.page.show_banks(loaded[0])
        self.page.show_sittings(loaded[1])

    def activated(self) -> None:
        self.tools.run(
            self.page,
            "sittings-list",
            self._load,
            self._show,
            tr("AdminSittings", "The sittings cannot be listed"),
        )

    def schedule(self) -> None:
        if self.page.busy or self.page.bank.count() == 0:
            return
        name = self.page.name.text()
        bank_id = str(self.page.bank.currentData())
        chosen = self.page.on_date.date()
        on_date = date(chosen.year(), chosen.month(), chosen.day())
        show_score = self.page.show_score.isChecked()

        def scheduled(sitting: sittings.SittingInfo) -> None:
            self.page.name.clear()
            self.page.status.show_message(
                "info",
                tr("AdminSittings", "Sitting {number} '{name}' of {bank} is scheduled for {date}.").format(
                    number=sitting.id,
                    name=sitting.name,
                    bank=sitting.bank_id,
                    date=sitting.scheduled_on.isoformat(),
                ),
            )
            self.activated()

        self.tools.run(
            self.page,
            "sittings-schedule",
            lambda: sittings.schedule_sitting(self.ctx, name, bank_id, on_date, show_score),
            scheduled,
            tr("AdminSittings", "The sitting was not scheduled"),
        )
