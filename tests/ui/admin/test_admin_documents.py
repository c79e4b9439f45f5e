"""Documents: the invigilation pack and sitting report at the centre; at the registry, browsing results with
filters and pages, making slips (asking for bank sources only for results waiting for the registry to hold
their bank), certificates and the cohort report, and exporting the list."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.formats.keys import load_public
from kiosk.formats.secrets import HashCost, hash_secret, normalise_code, verify_secret
from kiosk.registry.services import imports as registry_import
from kiosk.registry.services import registry, reporting
from kiosk.registry.services.banks import keep_package
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.storage import reads as registry_reads
from kiosk.station.services import enrolment, export, roster
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.repositories import people
from kiosk.ui.admin.centre.printing import PrintingPage
from kiosk.ui.admin.registry import RegistryFace
from kiosk.ui.admin.registry.results import ResultsPage
from kiosk.ui.admin.widgets import table_text
from kiosk.ui.admin.window import AdminWindow, Face
from tests.ui.admin.admin_helpers import (
    RecordingDesktop,
    ScriptedChooser,
    answer_prompt,
    click,
    settle,
    type_into,
)
from tests.ui.admin.conftest import RELEASE_CODE


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _printing(window: AdminWindow, qtbot: QtBot) -> PrintingPage:
    page = window.show_page("printing")
    settle(qtbot, window)
    assert isinstance(page, PrintingPage)
    return page


def test_the_pack_is_made_only_after_warning_about_new_codes(
    qtbot: QtBot,
    centre: AdminWindow,
    ctx: KioskContext,
    finished: list[str],
    tmp_path: Path,
    desktop: RecordingDesktop,
) -> None:
    page = _printing(centre, qtbot)
    assert page.sitting.currentText().startswith("1 · Maintenance I theory · 2025-06-02")
    assert page.target.path() == ctx.data_dir / "documents"
    with ctx.store.session() as session:
        before = people.get_candidate(session, "M-101")
    assert before is not None

    click(qtbot, page.pack_button)
    assert "codes from earlier packs or from the roster import stop working" in answer_prompt(
        qtbot, centre, "reject"
    )
    settle(qtbot, centre)
    assert not (ctx.data_dir / "documents").exists()
    assert not page.open_button.isEnabled()

    type_into(qtbot, page.target.edit, str(tmp_path / "print"))
    click(qtbot, page.pack_button)
    answer_prompt(qtbot, centre, "accept")
    settle(qtbot, centre)

    pack = tmp_path / "print" / "invigilation-pack-sitting-1.pdf"
    assert f"Saved the invigilation pack to {pack}: 3 candidates have fresh access codes" in page.status.text
    text = _pdf_text(pack)
    assert "M-101" in text and "Mwila Banda" in text
    with ctx.store.session() as session:
        after = people.get_candidate(session, "M-101")
        assert after is not None
        issued = people.sitting_code_hash(session, after.id, 1)
    # The pack's code opens this sitting; the roster code is left for the candidate's other sittings.
    assert issued is not None and after.access_code_hash == before.access_code_hash
    code = next(
        word
        for word in text.split()
        if len(word) == 9 and word[4] == "-" and verify_secret(normalise_code(word), issued)
    )
    assert code

    click(qtbot, page.open_button)
    assert desktop.opened == [pack]


def test_the_pack_counts_the_access_codes_as_they_are_made(
    qtbot: QtBot,
    centre: AdminWindow,
    finished: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    hashed: list[str] = []

    def held_hash(secret: str, cost: HashCost = HashCost.TEST) -> str:
        # The second code waits until the test has seen the first one counted on the page.
        if len(hashed) == 1:
            release.wait(10)
        hashed.append(secret)
        return hash_secret(secret, cost)

    monkeypatch.setattr(roster, "hash_secret", held_hash)
    monkeypatch.setattr(roster, "hash_workers", lambda: 1)
    page = _printing(centre, qtbot)
    type_into(qtbot, page.target.edit, str(tmp_path / "print"))
    click(qtbot, page.pack_button)
    answer_prompt(qtbot, centre, "accept")
    try:
        qtbot.waitUntil(lambda: page.busy_bar.value() == 1)
        assert page.busy_bar.isVisible() and (page.busy_bar.minimum(), page.busy_bar.maximum()) == (0, 3)
        assert page.status.text == "Making access codes: 1 of 3 done."
        assert not page.pack_button.isEnabled()
    finally:
        release.set()
    settle(qtbot, centre)

    assert "3 candidates have fresh access codes" in page.status.text
    assert not page.busy_bar.isVisible()
    assert page.busy_bar.maximum() == 0  # back to "busy" for the page's other work


def test_the_sitting_report_is_saved(
    qtbot: QtBot, centre: AdminWindow, finished: list[str], tmp_path: Path, chooser: ScriptedChooser
) -> None:
    page = _printing(centre, qtbot)
    chooser.answers.append(tmp_path / "reports")
    click(qtbot, page.target.browse)
    click(qtbot, page.report_button)
    settle(qtbot, centre)
    report = tmp_path / "reports" / "sitting-report-sitting-1.pdf"
    assert page.status.text == f"Saved the sitting report to {report}."
    assert "Mwila Banda" in _pdf_text(report)


def test_printing_without_sittings_says_to_schedule_one(qtbot: QtBot, centre: AdminWindow) -> None:
    page = _printing(centre, qtbot)
    assert page.no_sittings.isVisible()
    assert page.no_sittings.text() == "No sitting is scheduled yet; schedule one first."
    assert not page.pack_button.isEnabled()
    assert not page.report_button.isEnabled()


def _import_results(
    ctx: KioskContext, registry_ctx: RegistryContext, registry_pub: Path, stick: Path
) -> None:
    stick.mkdir()
    path, _ = enrolment.enrol(ctx, stick)
    registry.enrol_kiosk(registry_ctx, path)
    bundle = export.export_results(ctx, stick, registry_pub).path
    assert registry_import.import_bundles(registry_ctx, [bundle]).outcomes[0].outcome.value == "imported"


@pytest.fixture
def imported(
    ctx: KioskContext,
    finished: list[str],
    registry_ctx: RegistryContext,
    registry_pub: Path,
    package: Path,
    awarding_pub: Path,
    tmp_path: Path,
) -> RegistryContext:
    """The registry holding this kiosk's three results (one pass, two not), rescored on its own copy of the
    bank (taken from the package with its release code)."""
    keep_package(registry_ctx, package, [load_public(awarding_pub)], RELEASE_CODE)
    _import_results(ctx, registry_ctx, registry_pub, tmp_path / "stick")
    return registry_ctx


@pytest.fixture
def waiting(
    ctx: KioskContext, finished: list[str], registry_ctx: RegistryContext, registry_pub: Path, tmp_path: Path
) -> RegistryContext:
    """The registry holding the same three results, but not their bank: they wait to be rescored."""
    _import_results(ctx, registry_ctx, registry_pub, tmp_path / "stick")
    return registry_ctx


@pytest.fixture
def results(
    qtbot: QtBot, imported: RegistryContext, open_console: Callable[[Face], AdminWindow]
) -> tuple[AdminWindow, ResultsPage]:
    window = open_console(RegistryFace(imported))
    page = window.show_page("results")
    settle(qtbot, window)
    assert isinstance(page, ResultsPage)
    return window, page


def _choose(qtbot: QtBot, combo: object, text: str) -> None:
    """Pick a filter value with the keyboard, as a person would: focus the box, type to jump, Enter."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    while combo.currentIndex() != index:
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)
        # Each choice asks the database for the list; the filters wait for it, as a person would.
        qtbot.waitUntil(combo.isEnabled)


def test_results_are_listed_and_filtered(qtbot: QtBot, results: tuple[AdminWindow, ResultsPage]) -> None:
    _window, page = results
    rows = table_text(page.table)
    assert sorted(row[0] for row in rows) == ["M-101", "M-102", "M-103"]
    assert {row[2] for row in rows} == {"Maintenance"}
    assert {row[4] for row in rows} == {"CZVTC Lusaka"}
    assert page.count_label.text() == "Showing 1–3 of 3 results; 1 passed."
    assert page.page_label.text() == "Page 1 of 1"
    assert [page.sitting.itemText(i) for i in range(page.sitting.count())] == [
        "all",
        "Maintenance I theory · 2025-06-02 · CZVTC Lusaka",
    ]

    _choose(qtbot, page.outcome, "passed")
    assert [row[0] for row in table_text(page.table)] == ["M-101"]
    assert table_text(page.table)[0][8] == "pass"
    _choose(qtbot, page.outcome, "not passed")
    assert sorted(row[0] for row in table_text(page.table)) == ["M-102", "M-103"]
    assert "钱多多" in " ".join(row[1] for row in table_text(page.table))
    _choose(qtbot, page.outcome, "all")
    _choose(qtbot, page.grade, "I")
    _choose(qtbot, page.centre, "CZVTC Lusaka")
    _choose(qtbot, page.sitting, "Maintenance I theory · 2025-06-02 · CZVTC Lusaka")
    assert page.count_label.text() == "Showing 1–3 of 3 results; 1 passed."


def test_a_slip_opens_for_the_row_under_enter_and_certificates_only_for_passes(
    qtbot: QtBot,
    results: tuple[AdminWindow, ResultsPage],
    tmp_path: Path,
    desktop: RecordingDesktop,
    chooser: ScriptedChooser,
) -> None:
    window, page = results
    type_into(qtbot, page.out.edit, str(tmp_path / "docs"))
    # The registry holds their bank and has rescored them: no bank sources are asked for.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert page.banks.path() is None and chooser.asked == []
    number = table_text(page.table)[page.table.currentRow()][0]
    slip = desktop.opened[-1]
    assert (
        slip.parent == tmp_path / "docs" and slip.name.startswith(number) and slip.name.endswith("_slip.pdf")
    )
    assert number in _pdf_text(slip)
    assert page.status.text == f"Made 1 file in {tmp_path / 'docs'}."

    page.table.clearSelection()
    click(qtbot, page.buttons["certificates"])
    settle(qtbot, window)
    certificates = sorted((tmp_path / "docs").glob("*_certificate.pdf"))
    assert [path.name.split("_")[0] for path in certificates] == ["M-101"]
    assert page.status.text == (
        f"Made 1 file in {tmp_path / 'docs'}. No certificate for 2 results that did not pass."
    )
    assert desktop.opened[-1] == certificates[0]

    _choose(qtbot, page.outcome, "not passed")
    click(qtbot, page.buttons["certificates"])
    settle(qtbot, window)
    assert page.status.level == "warning"
    assert "none of the chosen candidates passed" in page.status.text


def test_the_cohort_report_and_the_list_are_exported(
    qtbot: QtBot,
    results: tuple[AdminWindow, ResultsPage],
    tmp_path: Path,
    desktop: RecordingDesktop,
    chooser: ScriptedChooser,
) -> None:
    window, page = results
    type_into(qtbot, page.out.edit, str(tmp_path / "docs"))
    click(qtbot, page.buttons["cohort"])
    settle(qtbot, window)
    made = {path.suffix for path in (tmp_path / "docs").iterdir()}
    assert {".pdf", ".csv", ".xlsx"} <= made
    assert desktop.opened[-1] == tmp_path / "docs" / "cohort.pdf"
    assert "Maintenance" in _pdf_text(tmp_path / "docs" / "cohort.pdf")

    _choose(qtbot, page.outcome, "passed")
    chooser.answers.append(tmp_path / "docs" / "passed.csv")
    click(qtbot, page.buttons["csv"])
    settle(qtbot, window)
    assert chooser.asked[-1] == ("save_file", "Save the results list")
    lines = (tmp_path / "docs" / "passed.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Candidate,Name,Certificate,Grade,Centre,Sitting,Date,Mark (%),Result"
    assert len(lines) == 2 and lines[1].startswith("M-101,Mwila Banda,Maintenance,I,")
    assert lines[1].endswith(",100.0,pass")
    assert page.status.text == f"Made 1 file in {tmp_path / 'docs'}."


def test_the_list_is_exported_as_a_workbook_of_the_rows_chosen(
    qtbot: QtBot, results: tuple[AdminWindow, ResultsPage], tmp_path: Path, chooser: ScriptedChooser
) -> None:
    window, page = results
    _choose(qtbot, page.outcome, "not passed")
    # A name typed without its ending gets the one of the format asked for.
    chooser.answers.append(tmp_path / "lists" / "to-resit")
    click(qtbot, page.buttons["xlsx"])
    settle(qtbot, window)
    target = tmp_path / "lists" / "to-resit.xlsx"
    assert page.status.text == f"Made 1 file in {target.parent}."
    sheet = load_workbook(target)["results"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == [
        "Candidate",
        "Name",
        "Certificate",
        "Grade",
        "Centre",
        "Sitting",
        "Date",
        "Mark (%)",
        "Result",
    ]
    assert sorted((row[0], row[1], row[7], row[8]) for row in values[1:]) == [
        ("M-102", "Chanda Phiri 钱多多", 0.0, "not passed"),
        ("M-103", "Bwalya Tembo", 0.0, "not passed"),
    ]

    # Cancelling the file chooser writes nothing.
    before = page.status.text
    click(qtbot, page.buttons["xlsx"])
    settle(qtbot, window)
    assert page.status.text == before
    assert sorted(path.name for path in target.parent.iterdir()) == ["to-resit.xlsx"]


def test_a_list_that_cannot_be_saved_is_reported(
    qtbot: QtBot, results: tuple[AdminWindow, ResultsPage], tmp_path: Path, chooser: ScriptedChooser
) -> None:
    window, page = results
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    chooser.answers.append(blocker / "results.xlsx")
    click(qtbot, page.buttons["xlsx"])
    settle(qtbot, window)
    said = answer_prompt(qtbot, window)
    assert "The list was not saved" in said
    # The file writer's own sentence (file.not_written): where, why, and that nothing was changed.
    assert f"{blocker / 'results.xlsx'} could not be written (" in said
    assert "nothing was changed" in said
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert page.progress.value() == 0


def test_item_analysis_from_the_wrong_bank_sources_is_refused_with_the_reason(
    qtbot: QtBot, results: tuple[AdminWindow, ResultsPage], tmp_path: Path
) -> None:
    window, page = results
    empty = tmp_path / "no-banks"
    empty.mkdir()
    type_into(qtbot, page.banks.edit, str(empty))
    type_into(qtbot, page.out.edit, str(tmp_path / "docs"))
    click(qtbot, page.buttons["items"])
    settle(qtbot, window)
    said = answer_prompt(qtbot, window)
    assert "The documents were not made" in said
    assert f"The folder {empty} holds no bank source" in said
    assert page.progress.value() == 0


def test_item_analysis_without_bank_sources_says_to_give_them(
    qtbot: QtBot, results: tuple[AdminWindow, ResultsPage], desktop: RecordingDesktop
) -> None:
    _window, page = results
    click(qtbot, page.buttons["items"])
    assert page.status.level == "error"
    assert page.status.text.startswith("Item analysis needs the bank sources: type or choose the folder")
    assert desktop.opened == []


def _turn(qtbot: QtBot, window: AdminWindow, page: ResultsPage, where: str) -> list[str]:
    """Press a page button; the candidate numbers listed then."""
    click(qtbot, page.page_buttons[where])
    settle(qtbot, window)
    return [row[0] for row in table_text(page.table)]


def _can_turn(page: ResultsPage) -> list[str]:
    return [where for where, button in page.page_buttons.items() if button.isEnabled()]


def test_the_list_comes_in_pages_and_the_filters_apply_to_all_results(
    qtbot: QtBot, results: tuple[AdminWindow, ResultsPage], tmp_path: Path, chooser: ScriptedChooser
) -> None:
    window, page = results
    page.page_size = 2
    _choose(qtbot, page.outcome, "not passed")
    _choose(qtbot, page.outcome, "all")
    assert [row[0] for row in table_text(page.table)] == ["M-101", "M-102"]
    assert page.count_label.text() == "Showing 1–2 of 3 results; 1 passed."
    assert page.page_label.text() == "Page 1 of 2"
    assert _can_turn(page) == ["next", "last"]

    # Each page is in place of the one before, read from the key of the row next to it.
    assert _turn(qtbot, window, page, "next") == ["M-103"]
    assert page.count_label.text() == "Showing 3–3 of 3 results; 1 passed."
    assert page.page_label.text() == "Page 2 of 2"
    assert _can_turn(page) == ["first", "previous"]
    assert _turn(qtbot, window, page, "previous") == ["M-101", "M-102"]
    assert page.page_label.text() == "Page 1 of 2"
    # The last page holds what whole pages leave over, so the one before it is whole.
    assert _turn(qtbot, window, page, "last") == ["M-103"]
    assert page.page_label.text() == "Page 2 of 2"
    assert _turn(qtbot, window, page, "first") == ["M-101", "M-102"]
    assert page.count_label.text() == "Showing 1–2 of 3 results; 1 passed."

    # A filter lists the first page of what it lets through, counted in the database.
    page.page_size = 1
    _choose(qtbot, page.outcome, "not passed")
    assert [row[0] for row in table_text(page.table)] == ["M-102"]
    assert page.count_label.text() == "Showing 1–1 of 2 results; 0 passed."
    assert page.page_label.text() == "Page 1 of 2"
    assert _turn(qtbot, window, page, "last") == ["M-103"]
    assert page.count_label.text() == "Showing 2–2 of 2 results; 0 passed."

    # With no row selected, the export holds every result the filters let through, not only those listed.
    chooser.answers.append(tmp_path / "docs" / "not-passed.csv")
    click(qtbot, page.buttons["csv"])
    settle(qtbot, window)
    lines = (tmp_path / "docs" / "not-passed.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["M-102", "M-103"]

    # ...and certificates and slips are made for all of them too.
    type_into(qtbot, page.out.edit, str(tmp_path / "slips"))
    click(qtbot, page.buttons["slips"])
    settle(qtbot, window)
    assert sorted(path.name.split("_")[0] for path in (tmp_path / "slips").glob("*_slip.pdf")) == [
        "M-102",
        "M-103",
    ]
    assert page.status.text == f"Made 2 files in {tmp_path / 'slips'}."


def test_filters_and_pages_are_read_without_counting_again(
    qtbot: QtBot, results: tuple[AdminWindow, ResultsPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = results

    def no_count(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the results were counted again")

    # What each filter lets through was counted with the choices when the page opened.
    monkeypatch.setattr(registry_reads, "count_results", no_count)
    page.page_size = 1
    _choose(qtbot, page.outcome, "not passed")
    assert [row[0] for row in table_text(page.table)] == ["M-102"]
    assert page.count_label.text() == "Showing 1–1 of 2 results; 0 passed."
    assert _turn(qtbot, window, page, "next") == ["M-103"]
    assert page.page_label.text() == "Page 2 of 2"
    assert _turn(qtbot, window, page, "previous") == ["M-102"]
    assert _turn(qtbot, window, page, "last") == ["M-103"]
    assert _turn(qtbot, window, page, "first") == ["M-102"]
    _choose(qtbot, page.outcome, "passed")
    assert [row[0] for row in table_text(page.table)] == ["M-101"]
    assert page.count_label.text() == "Showing 1–1 of 1 results; 1 passed."


def test_a_filter_that_lets_nothing_through_says_so(results: tuple[AdminWindow, ResultsPage]) -> None:
    _window, page = results
    page.show_found(reporting.FoundResults([], 0, 0))
    assert page.count_label.text() == "No results match the filters."
    assert page.page_label.text() == "Page 1 of 1"
    assert _can_turn(page) == []
    assert not any(button.isEnabled() for button in page.buttons.values())


def test_results_waiting_for_their_bank_ask_for_the_bank_sources(
    qtbot: QtBot,
    waiting: RegistryContext,
    open_console: Callable[[Face], AdminWindow],
    bank_dir: Path,
    tmp_path: Path,
    chooser: ScriptedChooser,
    desktop: RecordingDesktop,
) -> None:
    window = open_console(RegistryFace(waiting))
    page = window.show_page("results")
    settle(qtbot, window)
    assert isinstance(page, ResultsPage)
    # The list says why they cannot be printed yet.
    assert sorted(row[8] for row in table_text(page.table)) == [
        "not passed (not rescored yet)",
        "not passed (not rescored yet)",
        "pass (not rescored yet)",
    ]
    type_into(qtbot, page.out.edit, str(tmp_path / "docs"))

    # Cancelling the folder question makes nothing and says why.
    click(qtbot, page.buttons["slips"])
    settle(qtbot, window)
    assert chooser.asked == [("folder", "Choose the folder of bank sources")]
    assert page.status.level == "warning"
    assert page.status.text == (
        "3 of the chosen results wait for the registry to hold their bank; choose the folder of bank sources "
        "to rescore and print them."
    )
    assert not list((tmp_path / "docs").glob("*.pdf")) and desktop.opened == []

    # Choosing it keeps the bank at the registry, rescores and makes every slip; the folder stays chosen.
    chooser.answers.append(bank_dir)
    click(qtbot, page.buttons["slips"])
    settle(qtbot, window)
    assert len(chooser.asked) == 2
    assert page.banks.path() == bank_dir
    assert len(list((tmp_path / "docs").glob("*_slip.pdf"))) == 3
    assert page.status.text == f"Made 3 files in {tmp_path / 'docs'}."
    assert desktop.opened[-1] == tmp_path / "docs"

    # The registry now holds the bank: certificates need no bank sources.
    type_into(qtbot, page.banks.edit, "")
    type_into(qtbot, page.out.edit, str(tmp_path / "passed"))
    click(qtbot, page.buttons["certificates"])
    settle(qtbot, window)
    assert len(chooser.asked) == 2
    assert [path.name.split("_")[0] for path in (tmp_path / "passed").glob("*_certificate.pdf")] == ["M-101"]
