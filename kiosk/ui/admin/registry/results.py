"""Results held at the registry: filter them, and make slips, certificates and reports from them.

The filters apply in the database and the list shows a page of the results they let through, with buttons
for the first, previous, next and last page, each read from the list's index by key (never by counting
rows from the start), so a national registry's results are never all read at once. Documents are written
into one folder (the registry's ``reports`` folder unless another is chosen); one document is opened with
the system's viewer, several open the folder. Item analysis needs the bank sources (item text). Slips and
certificates print only for results rescored on the registry's own copy of their bank: when some of those
chosen wait for a bank the registry does not hold, the page asks for the bank sources, which the registry
then keeps and rescores with. Results held back for a decision (a second result, a voided one) are left out
of a run over every result and named when chosen. The list itself is saved as CSV or XLSX under a name the
administrator chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from kiosk.authoring import catalogue as reporting_banks
from kiosk.registry.services import analysis as reporting_analysis
from kiosk.registry.services import reporting
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.services.standing import Standing
from kiosk.ui.admin.registry.held import HeldResult, list_row, make_folder
from kiosk.ui.admin.registry.results_page import ResultsPage
from kiosk.ui.admin.tools import ConsoleTools, ProgressRelay
from kiosk.ui.admin.widgets import row_key
from kiosk.ui.i18n import tr, trn

__all__ = ["LIST_FILTERS", "REPORTS_DIR", "ResultsPage", "ResultsPresenter"]

REPORTS_DIR = "reports"
# The results list's formats: the button's kind, and the file chooser's filter for it.
LIST_FILTERS = {"csv": "CSV, UTF-8 (*.csv)", "xlsx": "Excel workbook (*.xlsx)"}


@dataclass(frozen=True, slots=True)
class _Unruled:
    """Documents of ``kind`` were asked for ``attempt_ids``, but ``lacking`` of them wait for a bank the
    registry does not hold: ask for the bank sources."""

    kind: str
    attempt_ids: list[str]
    lacking: tuple[str, ...]


# What a run over every result the filters let through prints, or asks the bank sources for.
_PRINTED = {Standing.READY.value, Standing.PENDING.value}


Made = tuple[list[Path], list[str]]
"""The files made, and the attempts that got no certificate because they did not pass."""


class ResultsPresenter(QObject):
    """Lists the held results page by page and makes documents from them through the reporting services."""

    def __init__(self, ctx: RegistryContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = ResultsPage()
        self.page.out.set_path(ctx.directory / REPORTS_DIR)
        self.relay = ProgressRelay(self)
        self.found: reporting.FoundResults | None = None
        """The page listed, as the service found it (its rows' keys turn the page)."""
        self.choices: reporting.ResultChoices | None = None
        """The filters' choices and the summary they came with, which counts what each filter lets
        through: read when the page is opened or refreshed, so turning pages counts nothing again."""
        self.relay.progressed.connect(self.page.show_progress, Qt.ConnectionType.QueuedConnection)
        self.page.filters_changed.connect(self.refresh)
        self.page.page_requested.connect(self.turn)
        self.page.document_requested.connect(self.make)
        self.page.table.activated.connect(lambda _index: self.make("slip-one"))
        self.page.banks.browse_requested.connect(self.browse_banks)
        self.page.out.browse_requested.connect(self.browse_out)

    def activated(self) -> None:
        """Offer the filter values of the results now held, then list the first page.

        The choices come with the summary that counts what each filter lets through, read again each time
        the page is opened or refreshed (F5); choosing filters and turning pages reads rows, never counts.
        """
        self.tools.run(
            self.page,
            "results-choices",
            lambda: reporting.result_choices(self.ctx),
            self._chosen,
            tr("AdminResults", "The results cannot be listed"),
        )

    def _chosen(self, choices: reporting.ResultChoices) -> None:
        self.choices = choices
        self.page.show_choices(choices)
        self.refresh()

    def refresh(self) -> None:
        """List the first page of the results the filters let through."""
        self._list()

    def turn(self, where: str) -> None:
        """List the ``first``, ``previous``, ``next`` or ``last`` page.

        The next and previous pages are read from the key of the last or first row listed, so a page far
        into a national registry's list costs what the first does.
        """
        found = self.found
        if where == "last":
            self._list(last=True)
        elif where == "next" and found is not None and found.rows:
            # Where the rows stood is known here: the page number needs no count of the rows before.
            self._list(after=found.rows[-1].key, at=found.start + len(found.rows) - 1)
        elif where == "previous" and found is not None and found.rows:
            self._list(before=found.rows[0].key, at=found.start)
        else:
            self._list()

    def _list(
        self,
        after: reporting.ResultKey | None = None,
        before: reporting.ResultKey | None = None,
        last: bool = False,
        at: int | None = None,
    ) -> None:
        chosen, size = self.page.current_filter(), self.page.page_size
        counted = self.choices.count(chosen) if self.choices is not None else None
        self.tools.run(
            self.page,
            "results-list",
            lambda: reporting.find_results(
                self.ctx, chosen, size, after=after, before=before, last=last, at=at, counted=counted
            ),
            self._found,
            tr("AdminResults", "The results cannot be listed"),
        )

    def _found(self, found: reporting.FoundResults) -> None:
        self.found = found
        self.page.show_found(found)

    def browse_banks(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminResults", "Choose the folder of bank sources"))
        if folder is not None:
            self.page.banks.set_path(folder)

    def browse_out(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminResults", "Choose where to save documents"))
        if folder is not None:
            self.page.out.set_path(folder)

    def _targets(self, kind: str) -> list[str] | None:
        """The attempts a document is for: the row under Enter, the selected rows, or None for all.

        None stands for every result the filters let through, most of which may not be listed yet.
        """
        if kind != "slip-one":
            return self.page.selected_ids() or None
        row = self.page.table.currentRow()
        key = row_key(self.page.table, row) if row >= 0 else None
        return [r.attempt_id for r in self.page.shown if r.attempt_id == key]

    def make(self, kind: str) -> None:
        """Make the documents of ``kind`` for the chosen results, off the GUI thread."""
        ids = self._targets(kind)
        kind = "slips" if kind == "slip-one" else kind
        if self.page.busy or ids == [] or self.page.total == 0:
            return
        if kind in LIST_FILTERS:
            self.export_list(kind, ids)
            return
        banks = self.page.banks.path()
        if kind == "items" and banks is None:
            self.page.status.show_message(
                "error",
                tr(
                    "AdminResults",
                    "Item analysis needs the bank sources: type or choose the folder of bank sources (for "
                    "example question_banks) first.",
                ),
            )
            return
        self._start(kind, ids, banks)

    def _start(self, kind: str, ids: list[str] | None, banks: Path | None) -> None:
        out = self.page.out.path() or self.ctx.directory / REPORTS_DIR
        chosen = self.page.current_filter()
        listed = {r.attempt_id: r.bank_id for r in self.page.shown}
        # Reports cover the banks of the chosen results, or everything held when nothing is filtered out.
        everything = ids is None and chosen == reporting.ResultFilter()

        def work() -> Made | _Unruled:
            folder = make_folder(out)
            if ids is None:
                found = reporting.find_results(self.ctx, chosen, limit=None).rows
                targets = [r.attempt_id for r in found if r.standing in _PRINTED]
                bank_ids = sorted({r.bank_id for r in found})
            else:
                targets, bank_ids = ids, sorted({listed[i] for i in ids if i in listed})
            if kind in ("slips", "certificates"):
                return self._print(kind, folder, targets, banks)
            reported = None if everything else bank_ids
            if kind == "cohort":
                catalogue = reporting_banks.load_catalogue([banks]) if banks is not None else None
                return reporting_analysis.write_cohort(self.ctx, catalogue, folder, reported), []
            if kind == "items" and banks is not None:
                catalogue = reporting_banks.load_catalogue([banks])
                return reporting_analysis.write_item_analysis(self.ctx, catalogue, folder, reported), []
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

    def _print(self, kind: str, folder: Path, ids: list[str], banks: Path | None) -> Made | _Unruled:
        """Slips or certificates; the bank sources are read only when some results wait for their bank."""
        try:
            return self._issue(kind, folder, ids, None)
        except reporting.WithheldError as withheld:
            waiting = [s.attempt_id for s in withheld.stands if s.standing is Standing.PENDING]
            if len(waiting) < len(withheld.stands):
                raise  # Held back for a decision as well: the sentence names them.
            if banks is None:
                return _Unruled(kind, ids, tuple(waiting))
        return self._issue(kind, folder, ids, banks)

    def _issue(self, kind: str, folder: Path, ids: list[str], banks: Path | None) -> Made:
        catalogue = reporting_banks.load_catalogue([banks]) if banks is not None else None
        if kind == "slips":
            return reporting.issue_slips(self.ctx, catalogue, folder, ids, self.relay.report), []
        if catalogue is not None:
            reporting.take_banks(self.ctx, catalogue)
        return reporting.issue_certificates(self.ctx, folder, ids, self.relay.report)

    def _ask_for_banks(self, unruled: _Unruled) -> None:
        """Some results wait for their bank: ask for the bank sources, then make the same documents again."""
        self.page.show_idle(False)
        self.page.status.show_message(
            "warning",
            trn(
                "AdminResults",
                "%n of the chosen result(s) wait for the registry to hold their bank; choose the folder of "
                "bank sources to rescore and print them.",
                len(unruled.lacking),
            ),
        )
        folder = self.tools.chooser.folder(self.page, tr("AdminResults", "Choose the folder of bank sources"))
        if folder is None:
            return
        self.page.banks.set_path(folder)
        self._start(unruled.kind, unruled.attempt_ids, folder)

    def export_list(self, kind: str, ids: list[str] | None) -> None:
        """Save the chosen results as a CSV or XLSX file, under a name the administrator chooses.

        With no row selected that is every result the filters let through, not only those listed.
        """
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
        chosen = self.page.current_filter()
        wanted = set(ids or ())
        selected = [r for r in self.page.shown if r.attempt_id in wanted]

        def work() -> Made:
            rows: Sequence[HeldResult] = selected
            if ids is None:
                rows = reporting.find_results(self.ctx, chosen, limit=None).rows
            return [reporting.write_results_list(target, headers, [list_row(r) for r in rows])], []

        self.page.show_working()
        self.tools.run(
            self.page,
            f"results-{kind}",
            work,
            self._made,
            tr("AdminResults", "The list was not saved"),
            on_failed=lambda _error: self.page.show_idle(False),
        )

    def _made(self, made: Made | _Unruled) -> None:
        if isinstance(made, _Unruled):
            self._ask_for_banks(made)
            return
        paths, not_passed = made
        self.page.show_idle(True)
        if not paths:
            self.page.status.show_message(
                "warning", tr("AdminResults", "Nothing was made: none of the chosen candidates passed.")
            )
            return
        sentence = trn("AdminResults", "Made %n file(s) in {folder}.", len(paths)).format(
            folder=paths[0].parent
        )
        if not_passed:
            sentence += " " + trn(
                "AdminResults", "No certificate for %n result(s) that did not pass.", len(not_passed)
            )
        self.page.status.show_message("info", sentence)
        pdfs = [path for path in paths if path.suffix == ".pdf"]
        # One document opens in its viewer; several open their folder, so nothing floods the screen.
        self.tools.desktop.open_path(pdfs[0] if len(pdfs) == 1 else paths[0].parent)
