"""The results page's widgets: the filters, one page of the results list, and the document buttons.

It shows what its presenter (:mod:`kiosk.ui.admin.registry.results`) gives it and forwards intent as signals.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
)

from kiosk.registry.services import reporting
from kiosk.ui.admin.registry.held import HeldResult, list_row, standing_word
from kiosk.ui.admin.terms import certificate_name, grade_name
from kiosk.ui.admin.widgets import ConsolePage, PathField, fill_table, make_table, row_key, set_headers
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner

PAGE_SIZE = 500
"""How many results a page of the list shows."""
# The list's page buttons, in the order they are laid out; each asks its presenter for that page.
TURNS = ("first", "previous", "next", "last")


class ResultsPage(ConsolePage):
    """Lays out the filters, the results list and the documents that can be made from it."""

    filters_changed = Signal()
    """A filter was changed."""
    page_requested = Signal(str)
    """Another page of the list was asked for: ``first``, ``previous``, ``next`` or ``last``."""
    document_requested = Signal(str)
    """Make a document: ``slips``, ``certificates``, ``cohort``, ``items``, or the list: ``csv``, ``xlsx``."""

    KINDS = ("slips", "certificates", "cohort", "items", "csv", "xlsx")

    def __init__(self) -> None:
        super().__init__("results")
        grid = QGridLayout()
        self.filter_labels = [QLabel() for _ in range(5)]
        self.certificate = QComboBox()
        self.grade = QComboBox()
        self.centre = QComboBox()
        self.sitting = QComboBox()
        self.outcome = QComboBox()
        self.filters = (self.certificate, self.grade, self.centre, self.sitting, self.outcome)
        for column, (label, combo, name) in enumerate(
            zip(
                self.filter_labels,
                self.filters,
                ("certificate", "grade", "centre", "sitting", "outcome"),
                strict=True,
            )
        ):
            combo.setObjectName(f"results-{name}")
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            label.setBuddy(combo)
            grid.addWidget(label, 0, column)
            grid.addWidget(combo, 1, column)
            combo.currentIndexChanged.connect(lambda _index: self.filters_changed.emit())
        grid.setColumnStretch(3, 2)
        self.body.addLayout(grid)
        self.count_label = QLabel()
        self.count_label.setObjectName("results-count")
        self.count_label.setProperty("role", "muted")
        self.body.addWidget(self.count_label)
        self.table = make_table("results-table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.body.addWidget(self.table, 1)
        pages = QHBoxLayout()
        self.page_buttons: dict[str, QPushButton] = {}
        for turn in TURNS:
            button = QPushButton()
            button.setObjectName(f"results-{turn}")
            button.clicked.connect(lambda _checked=False, turn=turn: self.page_requested.emit(turn))
            self.page_buttons[turn] = button
        self.page_label = QLabel()
        self.page_label.setObjectName("results-page")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        first, previous, following, last = (self.page_buttons[turn] for turn in TURNS)
        for widget in (first, previous, self.page_label, following, last):
            pages.addWidget(widget)
        pages.addStretch(1)
        self.body.addLayout(pages)

        self.banks = PathField("results-banks")
        self.out = PathField("results-out")
        self.body.addWidget(self.banks)
        self.body.addWidget(self.out)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for kind in self.KINDS:
            button = QPushButton()
            button.setObjectName(f"results-{kind}")
            button.clicked.connect(lambda _checked=False, kind=kind: self.document_requested.emit(kind))
            buttons.addWidget(button)
            self.buttons[kind] = button
        buttons.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("results-progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        buttons.addWidget(self.progress)
        self.body.addLayout(buttons)
        self.status = Banner("results-status", selectable=True)
        self.body.addWidget(self.status)
        # The filters too: a list asked for while another is on its way would arrive in either order.
        self.guard(*self.buttons.values(), *self.filters, *self.page_buttons.values())
        self.table.itemSelectionChanged.connect(self.update_actions)
        self.page_size = PAGE_SIZE
        self.shown: list[HeldResult] = []
        """The page of results listed: some of those the filters let through."""
        self.start = 0
        """How many of the results the filters let through come before the page listed."""
        self.total = 0
        self.passed = 0
        self.choices = reporting.ResultChoices((), (), (), ())
        self.first_input = self.certificate
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminResults", "Results and reports")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminResults", "Results, slips and reports"))
        self.intro_label.setText(
            tr(
                "AdminResults",
                "Choose results with the filters (and, if you like, rows in the list): slips and "
                "certificates are made for the chosen rows, or for every result the filters let through "
                "when none is chosen. Press Enter on a row for its slip.",
            )
        )
        for label, text in zip(
            self.filter_labels,
            (
                tr("AdminResults", "Certificate"),
                tr("AdminResults", "Grade"),
                tr("AdminResults", "Centre"),
                tr("AdminResults", "Sitting"),
                tr("AdminResults", "Result"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.banks.set_texts(
            tr("AdminResults", "Bank sources"),
            tr("AdminResults", "Browse…"),
            tr(
                "AdminResults",
                "the folder of bank sources, e.g. question_banks (for item analysis, and for results "
                "waiting for the registry to hold their bank)",
            ),
        )
        self.out.set_texts(
            tr("AdminResults", "Save documents in"),
            tr("AdminResults", "Browse…"),
            tr("AdminResults", "a folder"),
        )
        texts = {
            "slips": tr("AdminResults", "Result slips"),
            "certificates": tr("AdminResults", "Certificates"),
            "cohort": tr("AdminResults", "Cohort report"),
            "items": tr("AdminResults", "Item analysis"),
            "csv": tr("AdminResults", "Export the list (CSV)"),
            "xlsx": tr("AdminResults", "Export the list (XLSX)"),
        }
        for kind, button in self.buttons.items():
            button.setText(texts[kind])
        turns = {
            "first": tr("AdminResults", "First page"),
            "previous": tr("AdminResults", "Previous page"),
            "next": tr("AdminResults", "Next page"),
            "last": tr("AdminResults", "Last page"),
        }
        for turn, button in self.page_buttons.items():
            button.setText(turns[turn])
        self.buttons["cohort"].setToolTip(tr("AdminResults", "PDF, with its tables as CSV and XLSX"))
        self.buttons["items"].setToolTip(tr("AdminResults", "PDF, with its tables as CSV and XLSX"))
        set_headers(self.table, self.headers(), stretch=1)
        self.show_choices(self.choices)
        self.show_count()

    def headers(self) -> list[str]:
        return [
            tr("AdminResults", "Candidate"),
            tr("AdminResults", "Name"),
            tr("AdminResults", "Certificate"),
            tr("AdminResults", "Grade"),
            tr("AdminResults", "Centre"),
            tr("AdminResults", "Sitting"),
            tr("AdminResults", "Date"),
            tr("AdminResults", "Mark"),
            tr("AdminResults", "Result"),
        ]

    def row(self, result: HeldResult) -> tuple[object, ...]:
        cells = list_row(result)
        # A result that cannot be printed yet says why beside its outcome.
        held_back = standing_word(result.standing)
        outcome = f"{cells[8]} ({held_back})" if held_back else cells[8]
        return (*cells[:7], f"{result.percent:.1f}%", outcome)

    def list_headers(self) -> list[str]:
        """The exported list's headings: the table's, with the mark's unit in its heading."""
        headers = self.headers()
        headers[7] = tr("AdminResults", "Mark (%)")
        return headers

    # -- filters ---------------------------------------------------------------------------------------

    def show_choices(self, choices: reporting.ResultChoices) -> None:
        """Offer ``choices`` in the filters, keeping each filter's value where it is still offered."""
        self.choices = choices
        chosen = [combo.currentData() for combo in self.filters]
        for combo in self.filters:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("AdminResults", "all"), None)
        for value in choices.certificates:
            self.certificate.addItem(certificate_name(value), value)
        for grade in choices.grades:
            self.grade.addItem(grade_name(grade), grade)
        for value in choices.centres:
            self.centre.addItem(value, value)
        for centre, name, day in choices.sittings:
            self.sitting.addItem(f"{name} · {day} · {centre}", (centre, name, day))
        self.outcome.addItem(tr("AdminResults", "passed"), True)
        self.outcome.addItem(tr("AdminResults", "not passed"), False)
        for combo, value in zip(self.filters, chosen, strict=True):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_filter(self) -> reporting.ResultFilter:
        certificate, grade, centre, sitting, outcome = (combo.currentData() for combo in self.filters)
        return reporting.ResultFilter(
            certificate=certificate,
            grade=grade,
            centre=centre,
            sitting=None if sitting is None else (str(sitting[0]), str(sitting[1]), str(sitting[2])),
            passed=outcome,
        )

    def show_found(self, found: reporting.FoundResults) -> None:
        """List a page of results in place of the page listed."""
        self.shown = list(found.rows)
        self.start, self.total, self.passed = found.start, found.total, found.passed
        fill_table(self.table, [self.row(r) for r in self.shown], [r.attempt_id for r in self.shown])
        self.show_count()
        self.update_actions()

    def show_count(self) -> None:
        if self.total == 0:
            self.count_label.setText(tr("AdminResults", "No results match the filters."))
        else:
            self.count_label.setText(
                tr("AdminResults", "Showing {first}–{last} of {total} results; {passed} passed.").format(
                    first=f"{self.start + 1:,}",
                    last=f"{self.start + len(self.shown):,}",
                    total=f"{self.total:,}",
                    passed=f"{self.passed:,}",
                )
            )
        pages = max(1, -(-self.total // self.page_size))
        # A page read by key after results came in between need not start on a whole page: count it as the
        # page it reaches into.
        page = min(pages, -(-self.start // self.page_size) + 1)
        self.page_label.setText(
            tr("AdminResults", "Page {page} of {pages}").format(page=f"{page:,}", pages=f"{pages:,}")
        )

    def selected_ids(self) -> list[str]:
        """The attempts of the selected rows, in list order (none when no row is selected)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        wanted = {row_key(self.table, row) for row in rows}
        return [r.attempt_id for r in self.shown if r.attempt_id in wanted]

    def update_actions(self) -> None:
        has = self.total > 0 and not self.busy
        for button in self.buttons.values():
            button.setEnabled(has)
        earlier = self.start > 0 and not self.busy
        later = self.start + len(self.shown) < self.total and not self.busy
        for turn, button in self.page_buttons.items():
            button.setEnabled(earlier if turn in ("first", "previous") else later)

    # -- progress --------------------------------------------------------------------------------------

    def show_progress(self, done: int, total: int, _name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def show_working(self) -> None:
        self.progress.show()
        self.progress.setRange(0, 0)
        self.status.clear()

    def show_idle(self, done: bool) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if done else 0)
