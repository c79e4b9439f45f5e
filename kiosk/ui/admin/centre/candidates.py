"""Candidates on this kiosk's roster: find one, set their extra time, or give them a new access code."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from kiosk.station.services import roster
from kiosk.station.services.context import KioskContext
from kiosk.station.services.roster_csv import MAX_EXTRA_TIME_FACTOR
from kiosk.ui.admin.terms import certificate_short, factor_text, grade_name
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, fill_table, make_table, select_key, selected_key, set_headers
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner


class CandidatesPage(ConsolePage):
    """Lays out the candidate list with a search box and the selected candidate's accommodation."""

    factor_save_requested = Signal()
    """Save the extra-time factor in the box for the selected candidate."""
    code_reset_requested = Signal()
    """Issue the selected candidate a new access code."""

    def __init__(self) -> None:
        super().__init__("candidates")
        self.search = QLineEdit()
        self.search.setObjectName("candidates-search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        self.body.addLayout(search_row)
        self.status = Banner("candidates-status", selectable=True)
        self.body.addWidget(self.status)

        row = QHBoxLayout()
        self.table = make_table("candidates-table")
        self.table.setSortingEnabled(True)
        row.addWidget(self.table, 3)
        panel = QFrame()
        panel.setProperty("role", "card")
        panel.setMinimumWidth(300)
        panel.setMaximumWidth(320)
        side = QVBoxLayout(panel)
        self.selected_label = QLabel()
        self.selected_label.setObjectName("candidates-selected")
        self.selected_label.setWordWrap(True)
        self.selected_label.setProperty("role", "stem")
        self.factor = QDoubleSpinBox()
        self.factor.setObjectName("candidates-factor")
        self.factor.setRange(1.0, MAX_EXTRA_TIME_FACTOR)
        self.factor.setSingleStep(0.05)
        self.factor.setDecimals(2)
        self.factor.setPrefix("×")
        self.factor_help = QLabel()
        self.factor_help.setProperty("role", "muted")
        self.factor_help.setWordWrap(True)
        form = QFormLayout()
        self.factor_label = QLabel()
        self.factor_label.setBuddy(self.factor)
        form.addRow(self.factor_label, self.factor)
        self.save_factor = QPushButton()
        self.save_factor.setObjectName("candidates-save-factor")
        self.save_factor.setProperty("role", "primary")
        self.reset_code = QPushButton()
        self.reset_code.setObjectName("candidates-reset-code")
        self.code_help = QLabel()
        self.code_help.setProperty("role", "muted")
        self.code_help.setWordWrap(True)
        side.addWidget(self.selected_label)
        side.addLayout(form)
        side.addWidget(self.factor_help)
        side.addWidget(self.save_factor)
        side.addSpacing(16)
        side.addWidget(self.reset_code)
        side.addWidget(self.code_help)
        side.addStretch(1)
        row.addWidget(panel, 1)
        self.body.addLayout(row, 1)

        self.candidates: list[roster.CandidateInfo] = []
        self.search.textChanged.connect(lambda _text: self._fill())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.save_factor.clicked.connect(self.factor_save_requested)
        self.reset_code.clicked.connect(self.code_reset_requested)
        self.guard(self.save_factor, self.reset_code, self.factor)
        self.first_input = self.search
        self.retranslate()
        self.update_actions()

    def nav_label(self) -> str:
        return tr("AdminCandidates", "Candidates")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminCandidates", "Candidates and accommodations"))
        self.intro_label.setText(
            tr(
                "AdminCandidates",
                "Everyone on this kiosk's roster. Choose a candidate to set their extra time or give them a "
                "new access code.",
            )
        )
        self.search_label.setText(tr("AdminCandidates", "Find"))
        self.search.setPlaceholderText(tr("AdminCandidates", "candidate number or name"))
        self.factor_label.setText(tr("AdminCandidates", "Extra-time factor"))
        self.factor_help.setText(
            tr(
                "AdminCandidates",
                "×1.00 is no extra time; ×1.25 gives a quarter more. It applies from the candidate's next "
                "attempt.",
            )
        )
        self.save_factor.setText(tr("AdminCandidates", "Save extra time"))
        self.reset_code.setText(tr("AdminCandidates", "Issue a new access code…"))
        self.code_help.setText(
            tr("AdminCandidates", "The old code stops working; the new one is shown once.")
        )
        set_headers(
            self.table,
            [
                tr("AdminCandidates", "Number"),
                tr("AdminCandidates", "Name"),
                tr("AdminCandidates", "Chinese name"),
                tr("AdminCandidates", "Certificate"),
                tr("AdminCandidates", "Grade"),
                tr("AdminCandidates", "Extra time"),
                tr("AdminCandidates", "Notes"),
            ],
            stretch=6,
        )
        self._fill()

    def show_candidates(self, candidates: list[roster.CandidateInfo]) -> None:
        chosen = self.selected()
        self.candidates = candidates
        self._fill()
        if chosen is not None:
            self.select(chosen.candidate_number)
        if not candidates:
            self.status.show_message(
                "info", tr("AdminCandidates", "No candidates yet; import the roster first.")
            )

    def _fill(self) -> None:
        needle = self.search.text().strip().lower()
        shown = [
            c
            for c in self.candidates
            if not needle
            or needle in c.candidate_number.lower()
            or needle in c.full_name.lower()
            or needle in (c.name_zh or "")
        ]
        fill_table(
            self.table,
            [
                (
                    c.candidate_number,
                    c.full_name,
                    c.name_zh or "",
                    certificate_short(c.certificate),
                    grade_name(c.grade),
                    factor_text(c.extra_time_factor),
                    c.notes,
                )
                for c in shown
            ],
            [c.candidate_number for c in shown],
        )
        self._selection_changed()

    def selected(self) -> roster.CandidateInfo | None:
        number = selected_key(self.table)
        return next((c for c in self.candidates if c.candidate_number == number), None)

    def select(self, candidate_number: str) -> None:
        select_key(self.table, candidate_number)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.selected_label.setText(tr("AdminCandidates", "Choose a candidate in the list."))
        else:
            self.selected_label.setText(f"{chosen.candidate_number}\n{chosen.full_name}")
            self.factor.setValue(chosen.extra_time_factor)
        self.update_actions()

    def update_actions(self) -> None:
        chosen = self.selected() is not None and not self.busy
        for widget in (self.save_factor, self.reset_code, self.factor):
            widget.setEnabled(chosen)


class CandidatesPresenter(QObject):
    """Loads the roster, saves accommodations and reissues access codes through the roster service."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = CandidatesPage()
        self.page.factor_save_requested.connect(self.save_factor)
        self.page.code_reset_requested.connect(self.reset_code)

    def activated(self) -> None:
        self.tools.run(
            self.page,
            "candidates-list",
            lambda: roster.list_candidates(self.ctx),
            self.page.show_candidates,
            tr("AdminCandidates", "The candidates cannot be listed"),
        )

    def save_factor(self) -> None:
        chosen = self.page.selected()
        if chosen is None:
            return
        number, factor = chosen.candidate_number, round(self.page.factor.value(), 2)

        def saved(_result: object) -> None:
            self.page.status.show_message(
                "info",
                tr("AdminCandidates", "Extra time for {number} is now {factor}.").format(
                    number=number, factor=factor_text(factor)
                ),
            )
            self.activated()

        self.tools.run(
            self.page,
            "candidates-factor",
            lambda: roster.set_accommodation(self.ctx, number, factor),
            saved,
            tr("AdminCandidates", "The extra time was not saved"),
        )

    def reset_code(self) -> None:
        chosen = self.page.selected()
        if chosen is None:
            return
        self.tools.prompter.confirm(
            tr("AdminCandidates", "Issue a new access code?"),
            tr(
                "AdminCandidates",
                "{name} ({number}) gets a new access code and the old one stops working at once.",
            ).format(name=chosen.full_name, number=chosen.candidate_number),
            tr("AdminCandidates", "Issue a new code"),
            tr("AdminCandidates", "Cancel"),
            lambda yes: self._reset(chosen) if yes else None,
        )

    def _reset(self, chosen: roster.CandidateInfo) -> None:
        def issued(code: str) -> None:
            self.page.status.show_message(
                "info",
                tr("AdminCandidates", "A new access code was issued to {number}.").format(
                    number=chosen.candidate_number
                ),
            )
            self.tools.tell(
                tr("AdminCandidates", "New access code for {number}").format(number=chosen.candidate_number),
                tr(
                    "AdminCandidates",
                    "Give this code to {name}: {code}\nIt is shown only now; write it down before closing.",
                ).format(name=chosen.full_name, code=code),
            )

        self.tools.run(
            self.page,
            "candidates-reset-code",
            lambda: roster.reset_access_code(self.ctx, chosen.candidate_number),
            issued,
            tr("AdminCandidates", "No new code was issued"),
        )
