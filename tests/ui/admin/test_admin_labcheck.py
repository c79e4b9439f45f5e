"""The console's lab check page: a line per check with its result and sentence, and an invigilator letting a
sitting open anyway with their PIN (recorded as an incident), after which the sitting unlocks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.domain.errors import RuleError
from kiosk.station.services import labcheck
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import KioskContext
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.labcheck import LabFacts, Volume
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from kiosk.station.storage.repositories import audit
from kiosk.ui.admin.centre.labcheck import LabCheckPage, display_facts
from kiosk.ui.admin.launch import centre_face
from kiosk.ui.admin.widgets import table_text
from kiosk.ui.admin.window import AdminWindow, Face
from tests.ui.admin.admin_helpers import answer_prompt, click, settle, type_into
from tests.ui.admin.conftest import PIN, RELEASE_CODE


def failing(folder: Path) -> LabFacts:
    return LabFacts(
        now=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        folder=folder,
        volume=Volume("/tmp", "tmpfs", "tmpfs"),
        restore_software=(),
        free_bytes=50 * 1024**3,
        need_bytes=300 * 1024**2,
        write_seconds=0.004,
        write_error=None,
        power=None,
        remote_tools=(),
        other_sessions=(),
        screen=(1366, 768),
        cjk_font=True,
        store_problems=0,
        last_recorded=None,
        newest_package=None,
        platform="linux",
    )


def test_the_page_shows_each_line_and_an_invigilator_lets_a_sitting_open(
    qtbot: QtBot,
    ctx: KioskContext,
    awarding_pub: Path,
    package: Path,
    open_console: Callable[[Face], AdminWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust_key(ctx, awarding_pub)
    install_package(ctx, package)
    create_invigilator(ctx, "Ms Mulenga", PIN)
    sitting = schedule_sitting(ctx, "Maintenance I theory", "maintenance-1", date(2025, 6, 2))
    facts = failing(ctx.data_dir)
    monkeypatch.setattr(labcheck, "gather_facts", lambda ctx, screen=None, cjk_font=None: facts)

    window = open_console(centre_face(ctx))
    page = window.show_page("labcheck")
    assert isinstance(page, LabCheckPage)
    settle(qtbot, window)
    rows = table_text(page.table)
    assert len(rows) == len(labcheck.Check)
    assert rows[0][:2] == ["Data kept through a restart", "FAIL"]
    assert "held in memory (tmpfs)" in rows[0][2]
    assert page.status.level == "error"
    with pytest.raises(RuleError) as refused:
        open_sitting(ctx, sitting.id, PIN, RELEASE_CODE)
    assert refused.value.code == "lab_check.blocks_unlock"

    assert page.sitting.currentData() == sitting.id
    click(qtbot, page.override_button)
    qtbot.waitUntil(lambda: window.prompter.current is not None)
    panel = window.prompter.current
    assert panel is not None and panel.title_label.text() == "Let Maintenance I theory open anyway?"
    pin_box = panel.findChild(QLineEdit, "prompt-pin")
    assert pin_box is not None
    type_into(qtbot, pin_box, PIN)
    click(qtbot, panel.buttons["accept"])
    settle(qtbot, window)
    assert "may now be opened on this PC" in page.status.text
    assert open_sitting(ctx, sitting.id, PIN, RELEASE_CODE).sitting_id == sitting.id
    with ctx.store.session() as session:
        [incident] = audit.incidents(session, sitting_id=sitting.id)
    assert incident.recorded_by == "Ms Mulenga"


def test_a_wrong_pin_changes_nothing(
    qtbot: QtBot,
    ctx: KioskContext,
    awarding_pub: Path,
    package: Path,
    open_console: Callable[[Face], AdminWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust_key(ctx, awarding_pub)
    install_package(ctx, package)
    create_invigilator(ctx, "Ms Mulenga", PIN)
    schedule_sitting(ctx, "Maintenance I theory", "maintenance-1", date(2025, 6, 2))
    facts = dataclasses.replace(
        failing(ctx.data_dir), volume=Volume("/", "ext4", "/dev/sda2"), cjk_font=False
    )
    monkeypatch.setattr(labcheck, "gather_facts", lambda ctx, screen=None, cjk_font=None: facts)
    window = open_console(centre_face(ctx))
    page = window.show_page("labcheck")
    assert isinstance(page, LabCheckPage)
    settle(qtbot, window)
    assert table_text(page.table)[5][:2] == ["Chinese font", "FAIL"]
    click(qtbot, page.override_button)
    qtbot.waitUntil(lambda: window.prompter.current is not None)
    panel = window.prompter.current
    assert panel is not None
    pin_box = panel.findChild(QLineEdit, "prompt-pin")
    assert pin_box is not None
    type_into(qtbot, pin_box, "000000")
    click(qtbot, panel.buttons["accept"])
    said = answer_prompt(qtbot, window)
    assert said.startswith("Nothing was changed\nThat invigilator PIN is not correct.")
    with ctx.store.session() as session:
        assert audit.incidents(session) == []


def test_the_screen_and_fonts_come_from_qt(qtbot: QtBot) -> None:
    screen, cjk_font = display_facts()
    assert screen is not None and screen[0] > 0 and screen[1] > 0
    assert isinstance(cjk_font, bool)
