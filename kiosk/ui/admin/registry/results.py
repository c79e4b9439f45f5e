"""Results held at the registry: filter them, and make slips, certificates and reports from them.

Documents are written into one folder (the registry's ``reports`` folder unless another is chosen); one
document is opened with the system's viewer, several open the folder. Slips and item analysis need the
bank sources (pass rules, competence titles, item text), which result bundles do not carry. The list itself
is saved as CSV or XLSX under a name the administrator chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
)

from kiosk.services import reporting, reporting_analysis, reporting_banks
from kiosk.services.registry import RegistryContext
from kiosk.ui.admin.registry.held import HeldResult, list_row, make_folder, sitting_key
from kiosk.ui.admin.terms import certificate_name, grade_name
from kiosk.ui.admin.tools import ConsoleTools, ProgressRelay
from kiosk.ui.admin.widgets import (
    Banner,
    ConsolePage,
    PathField,
    fill_table,
    make_table,
    row_key,
    set_headers,
)
from kiosk.ui.i18n import tr

REPORTS_DIR = "reports"
# The results list's formats: the button's kind, and the file chooser's filter for it.
LIST_FILTERS = {"csv": "CSV, UTF-8 (*.csv)", "xlsx": "Excel workbook (*.xlsx)"}


class ResultsPage(ConsolePage):
    """Lays out the filters, the results list and the documents that can be made from it."""

    filters_changed = Signal()
    """A filter was changed."""
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
        self.status = Banner("results-status")
        self.body.addWidget(self.status)
        self.guard(*self.buttons.values())
        self.table.itemSelectionChanged.connect(self.update_actions)
        self.results: list[HeldResult] = []
        self.shown: list[HeldResult] = []
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
                "certificates are made for the chosen rows, or for every row shown when none is chosen. "
                "Press Enter on a row for its slip.",
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
                "the folder of bank sources, e.g. question_banks (for slips and item analysis)",
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
        self.buttons["cohort"].setToolTip(tr("AdminResults", "PDF, with its tables as CSV and XLSX"))
        self.buttons["items"].setToolTip(tr("AdminResults", "PDF, with its tables as CSV and XLSX"))
        set_headers(self.table, self.headers(), stretch=1)
        self.show_results(self.results)

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
        return (*cells[:7], f"{result.percent:.1f}%", cells[8])

    def list_headers(self) -> list[str]:
        """The exported list's headings: the table's, with the mark's unit in its heading."""
        headers = self.headers()
        headers[7] = tr("AdminResults", "Mark (%)")
        return headers

    # -- filters ---------------------------------------------------------------------------------------

    def show_results(self, results: Sequence[HeldResult]) -> None:
        self.results = list(results)
        chosen = [combo.currentData() for combo in self.filters]
        for combo in self.filters:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("AdminResults", "all"), None)
        for value in sorted({r.certificate for r in self.results}):
            self.certificate.addItem(certificate_name(value), value)
        for grade in sorted({r.grade for r in self.results}):
            self.grade.addItem(grade_name(grade), grade)
        for value in sorted({r.centre for r in self.results}):
            self.centre.addItem(value, value)
        for key in sorted({sitting_key(r) for r in self.results}, key=lambda k: (k[2], k[0], k[1])):
            self.sitting.addItem(f"{key[1]} · {key[2]} · {key[0]}", key)
        self.outcome.addItem(tr("AdminResults", "passed"), True)
        self.outcome.addItem(tr("AdminResults", "not passed"), False)
        for combo, value in zip(self.filters, chosen, strict=True):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        certificate, grade, centre, sitting, outcome = (combo.currentData() for combo in self.filters)
        self.shown = [
            r
            for r in self.results
            if (certificate is None or r.certificate == certificate)
            and (grade is None or r.grade == grade)
            and (centre is None or r.centre == centre)
            and (sitting is None or sitting_key(r) == tuple(sitting))
            and (outcome is None or r.passed == outcome)
        ]
        fill_table(self.table, [self.row(r) for r in self.shown], [r.attempt_id for r in self.shown])
        passed = sum(1 for r in self.shown if r.passed)
        self.count_label.setText(
            tr("AdminResults", "Showing {shown} of {total} results; {passed} passed.").format(
                shown=len(self.shown), total=len(self.results), passed=passed
            )
        )
        self.update_actions()

    def chosen_results(self) -> list[HeldResult]:
        """The selected rows, or every row shown when none is selected."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            return list(self.shown)
        wanted = {row_key(self.table, row) for row in rows}
        return [r for r in self.shown if r.attempt_id in wanted]

    def update_actions(self) -> None:
        has = bool(self.shown) and not self.busy
        for button in self.buttons.values():
            button.setEnabled(has)

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


class ResultsPresenter(QObject):
    """Loads the held results and makes documents from them through the reporting services."""

    def __init__(self, ctx: RegistryContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = ResultsPage()
        self.page.out.set_path(ctx.directory / REPORTS_DIR)
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self.page.show_progress, Qt.ConnectionType.QueuedConnection)
        self.page.filters_changed.connect(self.page.apply_filters)
        self.page.document_requested.connect(self.make)
        self.page.table.activated.connect(lambda _index: self.make("slip-one"))
        self.page.banks.browse_requested.connect(self.browse_banks)
        self.page.out.browse_requested.connect(self.browse_out)

    def activated(self) -> None:
        self.tools.run(
            self.page,
            "results-list",
            lambda: reporting.held_results(self.ctx),
            self.page.show_results,
            tr("AdminResults", "The results cannot be listed"),
        )

    def browse_banks(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminResults", "Choose the folder of bank sources"))
        if folder is not None:
            self.page.banks.set_path(folder)

    def browse_out(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminResults", "Choose where to save documents"))
        if folder is not None:
            self.page.out.set_path(folder)

    def _bank_sources(self, required: bool) -> Path | None:
        """The bank sources folder typed; when ``required`` and missing, says so on the page."""
        folder = self.page.banks.path()
        if folder is None and required:
            self.page.status.show_message(
                "error",
                tr(
                    "AdminResults",
                    "Slips and item analysis need the bank sources: type or choose the folder of bank "
                    "sources (for example question_banks) first.",
                ),
            )
        return folder

    def _targets(self, kind: str) -> list[HeldResult]:
        if kind != "slip-one":
            return self.page.chosen_results()
        row = self.page.table.currentRow()
        key = row_key(self.page.table, row) if row >= 0 else None
        return [r for r in self.page.shown if r.attempt_id == key]

    def make(self, kind: str) -> None:
        """Make the documents of ``kind`` for the chosen results, off the GUI thread."""
        chosen = self._targets(kind)
        kind = "slips" if kind == "slip-one" else kind
        if self.page.busy or not chosen:
            return
        if kind in LIST_FILTERS:
            self.export_list(kind, chosen)
            return
        banks = self._bank_sources(required=kind in ("slips", "items"))
        if banks is None and kind in ("slips", "items"):
            return
        out = self.page.out.path() or self.ctx.directory / REPORTS_DIR
        ids = [r.attempt_id for r in chosen]
        # Reports cover the banks of the chosen results, or everything held when nothing is filtered out.
        bank_ids = sorted({r.bank_id for r in chosen}) if len(chosen) < len(self.page.results) else None

        def work() -> tuple[list[Path], list[str]]:
            folder = make_folder(out)
            catalogue = reporting_banks.load_catalogue([banks]) if banks is not None else None
            if kind == "slips" and catalogue is not None:
                return reporting.issue_slips(self.ctx, catalogue, folder, ids, self.relay.report), []
            if kind == "certificates":
                return reporting.issue_certificates(self.ctx, folder, ids, self.relay.report)
            if kind == "cohort":
                return reporting_analysis.write_cohort(self.ctx, catalogue, folder, bank_ids), []
            if kind == "items" and catalogue is not None:
                return reporting_analysis.write_item_analysis(self.ctx, catalogue, folder, bank_ids), []
            raise ValueError(f"unknown document kind {kind!r}")

        self.page.show_working()
        self.tools.run(
            self.page,
            f"results-{kind}",
            work,
            self._made,
            tr("AdminResults", "The documents were not made"),
            on_failed=lambda _error: self.page.show_idle(False),
        )

    def export_list(self, kind: str, chosen: list[HeldResult]) -> None:
        """Save the chosen results as a CSV or XLSX file, under a name the administrator chooses."""
        suffix = f".{kind}"
        folder = self.page.out.path() or self.ctx.directory / REPORTS_DIR
        target = self.tools.chooser.save_file(
            self.page,
            tr("AdminResults", "Save the results list"),
            folder / f"results{suffix}",
            LIST_FILTERS[kind],
        )
        if target is None:
            return
        if target.suffix.lower() != suffix:
            # Not every platform's dialog adds the chosen format's ending to a typed name.
            target = target.with_name(target.name + suffix)
        headers = self.page.list_headers()
        rows = [list_row(r) for r in chosen]
        self.page.show_working()
        self.tools.run(
            self.page,
            f"results-{kind}",
            lambda: ([reporting.write_results_list(target, headers, rows)], []),
            self._made,
            tr("AdminResults", "The list was not saved"),
            on_failed=lambda _error: self.page.show_idle(False),
        )

    def _made(self, made: tuple[list[Path], list[str]]) -> None:
        paths, not_passed = made
        self.page.show_idle(True)
        if not paths:
            self.page.status.show_message(
                "warning", tr("AdminResults", "Nothing was made: none of the chosen candidates passed.")
            )
            return
        sentence = tr("AdminResults", "Made {count} file(s) in {folder}.").format(
            count=len(paths), folder=paths[0].parent
        )
        if not_passed:
            sentence += " " + tr(
                "AdminResults", "No certificate for {count} result(s) that did not pass."
            ).format(count=len(not_passed))
        self.page.status.show_message("info", sentence)
        pdfs = [path for path in paths if path.suffix == ".pdf"]
        # One document opens in its viewer; several open their folder, so nothing floods the screen.
        self.tools.desktop.open_path(pdfs[0] if len(pdfs) == 1 else paths[0].parent)
