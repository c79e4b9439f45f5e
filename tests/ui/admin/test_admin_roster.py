"""The roster page: a broken roster is explained row by row and nothing is saved; a clean one is imported
and its access codes shown once, saved to a file, and not lost by accident."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.formats.secrets import HashCost, hash_secret
from kiosk.station.services import roster
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.centre.roster import RosterPage
from kiosk.ui.admin.widgets import table_text
from kiosk.ui.admin.window import AdminWindow
from tests.ui.admin.admin_helpers import ScriptedChooser, answer_prompt, click, settle, type_into

GOOD = (
    "Candidate number,Name,Chinese name,Certificate,Grade,Extra time\n"
    "C-001,Mwila Banda,,maintenance,II,\n"
    "C-002,Chanda Phiri,钱多多,maintenance,2,25%\n"
    "\n"
    "C-003,Bwalya Tembo,,design,1,\n"
)
BROKEN = (
    "Candidate number,Name,Certificate,Grade\n"
    "C-001,Mwila Banda,maintenance,II\n"
    ",No Number,maintenance,1\n"
    "C-003,Bwalya Tembo,cooking,4\n"
    "C-001,Again Banda,design,1\n"
)


def _roster_page(window: AdminWindow) -> RosterPage:
    page = window.show_page("roster")
    assert isinstance(page, RosterPage)
    return page


def _check(qtbot: QtBot, window: AdminWindow, page: RosterPage, path: Path) -> None:
    type_into(qtbot, page.file.edit, str(path))
    qtbot.keyClick(page.file.edit, Qt.Key.Key_Return)
    settle(qtbot, window)


def test_a_broken_roster_is_explained_row_by_row_and_nothing_is_saved(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, tmp_path: Path
) -> None:
    csv = tmp_path / "broken.csv"
    csv.write_text(BROKEN, encoding="utf-8")
    page = _roster_page(centre)

    _check(qtbot, centre, page, csv)

    assert page.summary.level == "error"
    assert "4 problems in broken.csv. Nothing has been saved" in page.summary.text
    assert page.problems.isVisible()
    problems = table_text(page.problems)
    assert [
        "3",
        "candidate number",
        "Row 3, candidate number: it is empty; give every candidate their number.",
    ] in problems
    assert any(
        row[0] == "4" and row[1] == "certificate" and "'cooking' is not a certificate" in row[2]
        for row in problems
    )
    assert any(row[0] == "4" and row[1] == "grade" and "'4' is not a grade" in row[2] for row in problems)
    assert any(row[0] == "5" and "also appears on row 2" in row[2] for row in problems)
    assert table_text(page.rows)[0][:3] == ["2", "C-001", "Mwila Banda"]
    assert not page.import_button.isEnabled()
    assert roster.list_candidates(ctx) == []


def test_an_unreadable_roster_is_told_in_a_sentence(
    qtbot: QtBot, centre: AdminWindow, tmp_path: Path
) -> None:
    page = _roster_page(centre)
    _check(qtbot, centre, page, tmp_path / "missing.csv")

    said = answer_prompt(qtbot, centre)
    assert "The roster cannot be read" in said
    assert f"The roster file {tmp_path / 'missing.csv'} does not exist." in said
    assert not page.import_button.isEnabled()


def test_a_clean_roster_is_imported_and_its_codes_saved_once(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, tmp_path: Path, chooser: ScriptedChooser
) -> None:
    csv = tmp_path / "roster.csv"
    csv.write_text(GOOD, encoding="utf-8")
    page = _roster_page(centre)
    _check(qtbot, centre, page, csv)

    assert page.summary.level == "info"
    assert "3 candidates in roster.csv are ready to import" in page.summary.text
    assert not page.problems.isVisible()
    assert [row[1] for row in table_text(page.rows)] == ["C-001", "C-002", "C-003"]
    assert table_text(page.rows)[1][3:7] == ["钱多多", "Maintenance", "II", "×1.25"]
    assert page.import_button.text() == "Import 3 candidates"

    click(qtbot, page.import_button)
    settle(qtbot, centre)

    codes = table_text(page.codes)
    assert [row[:2] for row in codes] == [
        ["C-001", "Mwila Banda"],
        ["C-002", "Chanda Phiri"],
        ["C-003", "Bwalya Tembo"],
    ]
    assert all(len(row[2]) >= 8 for row in codes)
    assert "shown only now" in page.codes_note.text
    assert [c.candidate_number for c in roster.list_candidates(ctx)] == ["C-001", "C-002", "C-003"]

    saved = tmp_path / "codes.csv"
    chooser.answers.append(saved)
    click(qtbot, page.save_codes_button)
    settle(qtbot, centre)
    text = saved.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Candidate number,Name,Access code"
    for number, name, code in codes:
        assert f"{number},{name},{code}" in text
    assert saved.stat().st_mode & 0o077 == 0
    assert f"Access codes saved to {saved}" in page.codes_note.text

    click(qtbot, page.done_button)
    assert centre.prompter.current is None
    assert table_text(page.codes) == []
    assert page.views.currentIndex() == 0


def test_leaving_unsaved_codes_asks_first(
    qtbot: QtBot, centre: AdminWindow, tmp_path: Path, chooser: ScriptedChooser
) -> None:
    csv = tmp_path / "roster.csv"
    csv.write_text(GOOD, encoding="utf-8")
    page = _roster_page(centre)
    _check(qtbot, centre, page, csv)
    click(qtbot, page.import_button)
    settle(qtbot, centre)

    click(qtbot, page.done_button)
    said = answer_prompt(qtbot, centre, "reject")
    assert "cannot be shown again" in said
    assert len(table_text(page.codes)) == 3

    click(qtbot, page.done_button)
    answer_prompt(qtbot, centre, "accept")
    assert table_text(page.codes) == []


def test_import_waits_for_a_fresh_check_when_the_file_name_changes(
    qtbot: QtBot, centre: AdminWindow, tmp_path: Path, chooser: ScriptedChooser
) -> None:
    good = tmp_path / "roster.csv"
    good.write_text(GOOD, encoding="utf-8")
    page = _roster_page(centre)
    chooser.answers.append(good)
    click(qtbot, page.file.browse)
    settle(qtbot, centre)
    assert page.file.edit.text() == str(good)
    assert page.import_button.isEnabled()

    qtbot.keyClicks(page.file.edit, "x")
    assert not page.import_button.isEnabled()


def test_a_roster_that_went_bad_after_the_check_is_not_imported(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, tmp_path: Path
) -> None:
    csv = tmp_path / "roster.csv"
    csv.write_text(GOOD, encoding="utf-8")
    page = _roster_page(centre)
    _check(qtbot, centre, page, csv)
    csv.write_text(BROKEN, encoding="utf-8")

    click(qtbot, page.import_button)
    settle(qtbot, centre)

    said = answer_prompt(qtbot, centre)
    assert "nothing was imported" in said
    assert page.problems.isVisible()
    assert not page.import_button.isEnabled()
    assert roster.list_candidates(ctx) == []


def test_the_import_shows_its_progress_while_the_codes_are_made(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
    csv = tmp_path / "roster.csv"
    csv.write_text(GOOD, encoding="utf-8")
    page = _roster_page(centre)
    _check(qtbot, centre, page, csv)

    click(qtbot, page.import_button)
    try:
        qtbot.waitUntil(lambda: page.busy_bar.value() == 1)
        assert page.busy and page.busy_bar.isVisible()
        assert (page.busy_bar.minimum(), page.busy_bar.maximum()) == (0, 3)
        assert page.summary.text == "Making access codes: 1 of 3 done."
        assert not page.import_button.isEnabled()
    finally:
        release.set()
    settle(qtbot, centre)

    assert len(table_text(page.codes)) == 3
    assert "3 candidates imported from roster.csv." in page.summary.text
    assert not page.busy_bar.isVisible()
    assert page.busy_bar.maximum() == 0  # back to "busy" for the page's other work
