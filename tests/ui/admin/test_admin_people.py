"""The candidates and invigilators pages: accommodations, access-code resets, accounts and PIN resets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.domain.errors import SecurityError
from kiosk.formats.secrets import normalise_code, verify_secret
from kiosk.station.services import invigilators, roster
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.repositories import people
from kiosk.ui.admin.centre.candidates import CandidatesPage
from kiosk.ui.admin.centre.invigilators import InvigilatorsPage
from kiosk.ui.admin.widgets import table_text
from kiosk.ui.admin.window import AdminWindow
from tests.ui.admin.admin_helpers import answer_prompt, click, settle, type_into

ROSTER = (
    "Candidate number,Name,Chinese name,Certificate,Grade,Extra time\n"
    "C-001,Mwila Banda,,maintenance,II,\n"
    "C-002,Chanda Phiri,钱多多,maintenance,2,25%\n"
    "C-003,Bwalya Tembo,,design,1,\n"
)


@pytest.fixture
def codes(ctx: KioskContext, tmp_path: Path) -> dict[str, str]:
    csv = tmp_path / "roster.csv"
    csv.write_text(ROSTER, encoding="utf-8")
    return {code.candidate_number: code.access_code for code in roster.import_roster(ctx, csv).codes}


def _candidates(window: AdminWindow, qtbot: QtBot) -> CandidatesPage:
    page = window.show_page("candidates")
    settle(qtbot, window)
    assert isinstance(page, CandidatesPage)
    return page


def _access_hash(ctx: KioskContext, number: str) -> str:
    with ctx.store.session() as session:
        record = people.get_candidate(session, number)
    assert record is not None
    return record.access_code_hash


def test_candidates_are_listed_and_found_by_typing(
    qtbot: QtBot, codes: dict[str, str], centre: AdminWindow
) -> None:
    page = _candidates(centre, qtbot)
    assert [row[0] for row in table_text(page.table)] == ["C-001", "C-002", "C-003"]
    assert not page.save_factor.isEnabled()

    qtbot.keyClicks(page.search, "phiri")
    assert [row[:3] for row in table_text(page.table)] == [["C-002", "Chanda Phiri", "钱多多"]]
    type_into(qtbot, page.search, "c-00")
    assert len(table_text(page.table)) == 3
    type_into(qtbot, page.search, "nobody")
    assert table_text(page.table) == []


def test_extra_time_is_set_from_the_keyboard(
    qtbot: QtBot, codes: dict[str, str], centre: AdminWindow, ctx: KioskContext
) -> None:
    page = _candidates(centre, qtbot)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected() is not None and page.selected().candidate_number == "C-001"
    assert page.save_factor.isEnabled()
    type_into(qtbot, page.factor.lineEdit(), "1.5")
    click(qtbot, page.save_factor)
    settle(qtbot, centre)

    factors = {c.candidate_number: c.extra_time_factor for c in roster.list_candidates(ctx)}
    assert factors == {"C-001": 1.5, "C-002": 1.25, "C-003": 1.0}
    assert page.status.text == "Extra time for C-001 is now ×1.5."
    assert table_text(page.table)[0][5] == "×1.5"
    assert page.selected() is not None and page.selected().candidate_number == "C-001"


def test_a_new_access_code_replaces_the_old_one_after_confirmation(
    qtbot: QtBot, codes: dict[str, str], centre: AdminWindow, ctx: KioskContext
) -> None:
    page = _candidates(centre, qtbot)
    page.select("C-003")
    before = _access_hash(ctx, "C-003")

    click(qtbot, page.reset_code)
    answer_prompt(qtbot, centre, "reject")
    settle(qtbot, centre)
    assert _access_hash(ctx, "C-003") == before

    click(qtbot, page.reset_code)
    assert "Bwalya Tembo (C-003)" in answer_prompt(qtbot, centre, "accept")
    settle(qtbot, centre)
    said = answer_prompt(qtbot, centre)
    code = said.split("Give this code to Bwalya Tembo: ")[1].split("\n")[0]
    after = _access_hash(ctx, "C-003")
    assert verify_secret(normalise_code(code), after)
    assert not verify_secret(normalise_code(codes["C-003"]), after)


def _invigilators(window: AdminWindow, qtbot: QtBot) -> InvigilatorsPage:
    page = window.show_page("invigilators")
    settle(qtbot, window)
    assert isinstance(page, InvigilatorsPage)
    return page


def test_an_invigilator_is_added_with_a_generated_pin_shown_once(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext
) -> None:
    page = _invigilators(centre, qtbot)
    type_into(qtbot, page.name, "Ms  Mulenga ")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    settle(qtbot, centre)

    said = answer_prompt(qtbot, centre)
    pin = said.split("The PIN for Ms Mulenga is ")[1].split("\n")[0]
    assert pin.isdigit() and len(pin) >= 6
    assert invigilators.check_pin(ctx, pin) == "Ms Mulenga"
    settle(qtbot, centre)
    assert table_text(page.table) == [["Ms Mulenga", "yes"]]
    assert page.name.text() == ""


def test_a_bad_pin_is_refused_with_the_reason(qtbot: QtBot, centre: AdminWindow, ctx: KioskContext) -> None:
    page = _invigilators(centre, qtbot)
    type_into(qtbot, page.name, "Mr Zulu")
    type_into(qtbot, page.pin, "12ab")
    click(qtbot, page.add_button)
    settle(qtbot, centre)

    said = answer_prompt(qtbot, centre)
    assert "The invigilator was not added" in said
    assert "A PIN must be 6 to 12 digits" in said
    assert invigilators.list_invigilators(ctx) == []
    assert page.name.text() == "Mr Zulu"


def test_a_pin_is_reset_and_an_account_stopped(qtbot: QtBot, centre: AdminWindow, ctx: KioskContext) -> None:
    invigilators.create_invigilator(ctx, "Ms Mulenga", "246810")
    page = _invigilators(centre, qtbot)
    page.select("Ms Mulenga")

    click(qtbot, page.reset_button)
    answer_prompt(qtbot, centre, "accept")
    settle(qtbot, centre)
    said = answer_prompt(qtbot, centre)
    pin = said.split("The PIN for Ms Mulenga is ")[1].split("\n")[0]
    assert invigilators.check_pin(ctx, pin) == "Ms Mulenga"
    with pytest.raises(SecurityError):
        invigilators.check_pin(ctx, "246810")
    settle(qtbot, centre)

    page.select("Ms Mulenga")
    click(qtbot, page.deactivate_button)
    assert "no longer be able to unlock" in answer_prompt(qtbot, centre, "accept")
    settle(qtbot, centre)
    assert table_text(page.table) == [["Ms Mulenga", "no (stopped)"]]
    assert invigilators.list_invigilators(ctx)[0].active is False
    page.select("Ms Mulenga")
    assert not page.deactivate_button.isEnabled()
    assert page.reset_button.isEnabled()
