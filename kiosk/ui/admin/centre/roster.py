"""Importing the candidate roster: preview every row (bad ones explained) before anything is saved.

The flow is preview -> import -> codes. Import is offered only for a clean preview of the file still named
in the box; while it runs, the page's bar counts the access codes made (hashing them is the slow part). The
codes it returns are shown once, with a button to save them to a file, and leaving the codes before they
were saved asks first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.station.services import roster
from kiosk.station.services.context import KioskContext
from kiosk.station.services.roster_csv import RosterProblem
from kiosk.ui.admin.csvfiles import write_csv
from kiosk.ui.admin.terms import certificate_short, factor_text, grade_name
from kiosk.ui.admin.tools import ConsoleTools, ProgressRelay
from kiosk.ui.admin.widgets import ConsolePage, PathField, fill_table, make_table, set_headers
from kiosk.ui.errors import error_sentence
from kiosk.ui.i18n import tr, trn
from kiosk.ui.widgets.status import Banner

CSV_FILTER = "CSV (*.csv *.txt);;*"


def _wording(problem: RosterProblem) -> str:
    """A roster row's problem (or note) in the console's language."""
    return error_sentence(problem.error())


def _column(problem: RosterProblem) -> str:
    """The roster column a problem is in, as the heading row names it, in the console's language."""
    names = {
        "number": tr("AdminRoster", "candidate number"),
        "name": tr("AdminRoster", "name"),
        "name_zh": tr("AdminRoster", "chinese name"),
        "certificate": tr("AdminRoster", "certificate"),
        "grade": tr("AdminRoster", "grade"),
        "extra_time": tr("AdminRoster", "extra time"),
        "notes": tr("AdminRoster", "notes"),
        "heading": tr("AdminRoster", "heading row"),
        "rows": tr("AdminRoster", "rows"),
    }
    return names.get(problem.column, problem.column)


class RosterPage(ConsolePage):
    """Lays out the roster preview, the import button and the one-time list of access codes."""

    preview_requested = Signal()
    """The administrator asked to check the file named in the box."""
    import_requested = Signal()
    """The administrator asked to import the previewed file."""
    save_codes_requested = Signal()
    """The administrator asked to save the new access codes to a file."""
    done_requested = Signal()
    """The administrator has finished with the access codes."""

    def __init__(self) -> None:
        super().__init__("roster")
        self.file = PathField("roster-file")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("roster-preview")
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.preview_button)
        self.body.addLayout(row)
        self.summary = Banner("roster-summary", selectable=True)
        self.body.addWidget(self.summary)

        self.views = QStackedWidget()
        self.body.addWidget(self.views, 1)

        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel()
        self.problems_label.setProperty("role", "field-error")
        self.problems = make_table("roster-problems", wrap_rows=True)
        self.rows_label = QLabel()
        self.rows = make_table("roster-rows")
        self.import_button = QPushButton()
        self.import_button.setObjectName("roster-import")
        self.import_button.setProperty("role", "primary")
        preview_layout.addWidget(self.problems_label)
        preview_layout.addWidget(self.problems, 3)
        preview_layout.addWidget(self.rows_label)
        preview_layout.addWidget(self.rows, 2)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        preview_layout.addLayout(actions)
        self.views.addWidget(preview)

        codes = QWidget()
        codes_layout = QVBoxLayout(codes)
        codes_layout.setContentsMargins(0, 0, 0, 0)
        self.codes_note = Banner("roster-codes-note", selectable=True)
        self.codes = make_table("roster-codes")
        self.save_codes_button = QPushButton()
        self.save_codes_button.setObjectName("roster-save-codes")
        self.save_codes_button.setProperty("role", "primary")
        self.done_button = QPushButton()
        self.done_button.setObjectName("roster-done")
        codes_layout.addWidget(self.codes_note)
        codes_layout.addWidget(self.codes, 1)
        codes_actions = QHBoxLayout()
        codes_actions.addStretch(1)
        codes_actions.addWidget(self.save_codes_button)
        codes_actions.addWidget(self.done_button)
        codes_layout.addLayout(codes_actions)
        self.views.addWidget(codes)

        self.preview_button.clicked.connect(self.preview_requested)
        self.file.submitted.connect(self.preview_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.save_codes_button.clicked.connect(self.save_codes_requested)
        self.done_button.clicked.connect(self.done_requested)
        self.guard(
            self.preview_button, self.import_button, self.file, self.save_codes_button, self.done_button
        )
        self.preview: roster.RosterPreview | None = None
        self.issued: roster.RosterImport | None = None
        self.import_button.setEnabled(False)
        self.problems_label.hide()
        self.problems.hide()
        self.first_input = self.file.edit
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminRoster", "Roster import")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminRoster", "Import the candidate roster"))
        self.intro_label.setText(
            tr(
                "AdminRoster",
                "Choose the roster exported from the spreadsheet as CSV. Every row is checked and shown "
                "first; nothing is saved until you press Import.",
            )
        )
        self.file.set_texts(
            tr("AdminRoster", "Roster file"), tr("AdminRoster", "Browse…"), tr("AdminRoster", "a .csv file")
        )
        self.preview_button.setText(tr("AdminRoster", "Check the file"))
        self.done_button.setText(tr("AdminRoster", "Done"))
        self.save_codes_button.setText(tr("AdminRoster", "Save codes to a file…"))
        set_headers(
            self.problems,
            [tr("AdminRoster", "Row"), tr("AdminRoster", "Column"), tr("AdminRoster", "What to fix")],
            stretch=2,
        )
        set_headers(
            self.rows,
            [
                tr("AdminRoster", "Row"),
                tr("AdminRoster", "Candidate number"),
                tr("AdminRoster", "Name"),
                tr("AdminRoster", "Chinese name"),
                tr("AdminRoster", "Certificate"),
                tr("AdminRoster", "Grade"),
                tr("AdminRoster", "Extra time"),
                tr("AdminRoster", "Notes"),
            ],
            stretch=7,
        )
        set_headers(
            self.codes,
            [
                tr("AdminRoster", "Candidate number"),
                tr("AdminRoster", "Name"),
                tr("AdminRoster", "Access code"),
            ],
            stretch=1,
        )
        self.show_preview(self.preview)
        if self.issued is not None:
            self.show_codes(self.issued)

    # -- what the presenter shows ----------------------------------------------------------------------

    def show_preview(self, preview: roster.RosterPreview | None) -> None:
        self.preview = preview
        self.views.setCurrentIndex(0)
        if preview is None:
            fill_table(self.problems, [])
            fill_table(self.rows, [])
            self.problems_label.hide()
            self.problems.hide()
            self.rows_label.setText(tr("AdminRoster", "Candidates in the file"))
            self.import_button.setText(tr("AdminRoster", "Import"))
            self.update_actions()
            return
        fill_table(
            self.problems,
            [(problem.row, _column(problem), _wording(problem)) for problem in preview.problems],
        )
        fill_table(
            self.rows,
            [
                (
                    row.row,
                    row.candidate_number,
                    row.full_name,
                    row.name_zh or "",
                    certificate_short(row.certificate.value),
                    grade_name(row.grade),
                    factor_text(row.extra_time_factor),
                    row.notes,
                )
                for row in preview.rows
            ],
        )
        has_problems = bool(preview.problems)
        self.problems_label.setVisible(has_problems)
        self.problems.setVisible(has_problems)
        self.problems_label.setText(
            tr(
                "AdminRoster", "Problems ({count}): fix these rows in the spreadsheet, save, and check again"
            ).format(count=len(preview.problems))
        )
        self.rows_label.setText(
            tr("AdminRoster", "Rows that are ready ({count})").format(count=len(preview.rows))
        )
        if preview.problems:
            self.import_button.setText(tr("AdminRoster", "Import (fix every problem first)"))
        else:
            self.import_button.setText(trn("AdminRoster", "Import %n candidate(s)", len(preview.rows)))
        read_as = tr("AdminRoster", "Read as {encoding}, fields separated by '{delimiter}'.").format(
            encoding=preview.encoding, delimiter="TAB" if preview.delimiter == "\t" else preview.delimiter
        )
        warnings = " ".join(_wording(warning) for warning in preview.warnings)
        if has_problems:
            text = trn(
                "AdminRoster",
                "%n problem(s) in {file}. Nothing has been saved; correct the rows listed below and "
                "check the file again.",
                len(preview.problems),
            ).format(file=preview.source.name)
            self.summary.show_message("error", f"{text} {read_as} {warnings}".strip())
        else:
            text = trn(
                "AdminRoster", "%n candidate(s) in {file} are ready to import.", len(preview.rows)
            ).format(file=preview.source.name)
            self.summary.show_message(
                "warning" if warnings else "info", f"{text} {read_as} {warnings}".strip()
            )
        self.update_actions()

    def show_import_started(self, count: int) -> None:
        self.busy_bar.setRange(0, max(count, 1))
        self.busy_bar.setValue(0)
        self.summary.show_message(
            "info", trn("AdminRoster", "Importing %n candidate(s): making their access codes…", count)
        )

    def show_import_progress(self, done: int, total: int, _what: str = "") -> None:
        self.busy_bar.setRange(0, max(total, 1))
        self.busy_bar.setValue(done)
        self.summary.show_message(
            "info",
            tr("AdminRoster", "Making access codes: {done} of {total} done.").format(done=done, total=total),
        )

    def show_import_stopped(self) -> None:
        """The page's bar goes back to showing only that work is under way."""
        self.busy_bar.setRange(0, 0)

    def show_codes(self, issued: roster.RosterImport) -> None:
        self.issued = issued
        self.views.setCurrentIndex(1)
        fill_table(
            self.codes, [(code.candidate_number, code.full_name, code.access_code) for code in issued.codes]
        )
        self.summary.show_message(
            "info",
            trn("AdminRoster", "%n candidate(s) imported from {file}.", issued.count).format(
                file=issued.source.name
            ),
        )
        self.codes_note.show_message(
            "warning",
            tr(
                "AdminRoster",
                "These access codes are shown only now; they are stored only in a form that cannot be read "
                "back. Save them to a file (or print the invigilation pack, which issues fresh codes).",
            ),
        )

    def leave_codes(self) -> None:
        self.issued = None
        fill_table(self.codes, [])
        self.codes_note.clear()
        self.summary.clear()
        self.show_preview(None)

    def update_actions(self) -> None:
        ready = self.preview is not None and self.preview.ok and self.file.path() == self.preview.source
        self.import_button.setEnabled(ready and not self.busy)


class RosterPresenter(QObject):
    """Checks the chosen roster, imports a clean one, and keeps its access codes until they are saved."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = RosterPage()
        self.codes_saved_to: Path | None = None
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self.page.show_import_progress, Qt.ConnectionType.QueuedConnection)
        self.page.file.browse_requested.connect(self.browse)
        self.page.file.edit.textChanged.connect(lambda _text: self.page.update_actions())
        self.page.preview_requested.connect(self.check)
        self.page.import_requested.connect(self.import_roster)
        self.page.save_codes_requested.connect(self.save_codes)
        self.page.done_requested.connect(self.finish)

    def activated(self) -> None:
        """Nothing to reload: the page shows only what the administrator chose."""

    def browse(self) -> None:
        path = self.tools.chooser.open_file(
            self.page, tr("AdminRoster", "Choose the roster CSV file"), CSV_FILTER
        )
        if path is not None:
            self.page.file.set_path(path)
            self.check()

    def check(self) -> None:
        path = self.page.file.path()
        if path is None:
            self.page.summary.show_message(
                "error", tr("AdminRoster", "Type or choose the roster file first.")
            )
            return
        if self.page.issued is not None:
            return
        self.tools.run(
            self.page,
            "roster-preview",
            lambda: roster.preview_roster(self.ctx, path),
            self.page.show_preview,
            tr("AdminRoster", "The roster cannot be read"),
            on_failed=lambda _error: self.page.show_preview(None),
        )

    def import_roster(self) -> None:
        preview = self.page.preview
        if preview is None or not preview.ok:
            return
        self.codes_saved_to = None
        self.page.show_import_started(len(preview.rows))
        self.tools.run(
            self.page,
            "roster-import",
            lambda: roster.import_roster(
                self.ctx, preview.source, lambda done, total: self.relay.report(done, total, "")
            ),
            self._imported,
            tr("AdminRoster", "The roster was not imported"),
            on_failed=self._import_failed,
        )

    def _imported(self, issued: roster.RosterImport) -> None:
        self.page.show_import_stopped()
        self.page.show_codes(issued)

    def _import_failed(self, error: Exception) -> None:
        self.page.show_import_stopped()
        old = self.page.preview
        if isinstance(error, roster.RosterRejected) and old is not None:
            # The file changed since the preview: show what is wrong with it now.
            self.page.show_preview(
                roster.RosterPreview(
                    old.source, (), error.problems, old.warnings, old.encoding, old.delimiter
                )
            )
        else:
            # The preview's summary comes back in place of the progress.
            self.page.show_preview(old)

    def save_codes(self) -> None:
        issued = self.page.issued
        if issued is None:
            return
        suggested = issued.source.with_name(f"{issued.source.stem}-access-codes.csv")
        target = self.tools.chooser.save_file(
            self.page, tr("AdminRoster", "Save the access codes"), suggested, CSV_FILTER
        )
        if target is None:
            return
        headers = [
            tr("AdminRoster", "Candidate number"),
            tr("AdminRoster", "Name"),
            tr("AdminRoster", "Access code"),
        ]
        rows = [(c.candidate_number, c.full_name, c.access_code) for c in issued.codes]
        self.tools.run(
            self.page,
            "roster-save-codes",
            lambda: write_csv(target, headers, rows),
            self._codes_saved,
            tr("AdminRoster", "The access codes were not saved"),
        )

    def _codes_saved(self, target: Path) -> None:
        self.codes_saved_to = target
        self.page.codes_note.show_message(
            "info",
            tr(
                "AdminRoster",
                "Access codes saved to {path}. Keep the file safe and delete it after the sitting.",
            ).format(path=target),
        )

    def finish(self) -> None:
        if self.codes_saved_to is not None:
            self.page.leave_codes()
            return
        self.tools.prompter.confirm(
            tr("AdminRoster", "Leave without saving the codes?"),
            tr(
                "AdminRoster",
                "The access codes have not been saved and cannot be shown again. Candidates would then need "
                "new codes (a new invigilation pack or a code reset).",
            ),
            tr("AdminRoster", "Leave without saving"),
            tr("AdminRoster", "Go back"),
            lambda leave: self.page.leave_codes() if leave else None,
            danger=True,
        )
