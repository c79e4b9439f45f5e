"""The bank packages and sittings pages: trust a key, read a signed header, install or refuse with the
reason (a tampered package, an untrusted signer, a file that is not a package), then schedule a sitting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from kiosk.station.services import bank_install, sittings
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.centre.banks import BanksPage
from kiosk.ui.admin.centre.sittings import SittingsPage
from kiosk.ui.admin.widgets import table_text
from kiosk.ui.admin.window import AdminWindow
from tests.ui.admin.admin_helpers import ScriptedChooser, answer_prompt, click, settle, type_into


def _banks(window: AdminWindow, qtbot: QtBot) -> BanksPage:
    page = window.show_page("banks")
    settle(qtbot, window)
    assert isinstance(page, BanksPage)
    return page


def _read_header(qtbot: QtBot, window: AdminWindow, page: BanksPage, path: Path) -> None:
    type_into(qtbot, page.package_file.edit, str(path))
    qtbot.keyClick(page.package_file.edit, Qt.Key.Key_Return)
    settle(qtbot, window)


def _trust(qtbot: QtBot, window: AdminWindow, page: BanksPage, key: Path) -> None:
    type_into(qtbot, page.key_file.edit, str(key))
    click(qtbot, page.trust_button)
    settle(qtbot, window)


def test_a_signed_package_is_shown_then_installed(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, awarding_pub: Path, package: Path
) -> None:
    page = _banks(centre, qtbot)
    assert "No key is trusted yet" in page.keys_label.text()
    _trust(qtbot, centre, page, awarding_pub)
    assert "is now trusted" in page.status.text
    assert "awarding-body (awarding," in page.keys_label.text()

    _read_header(qtbot, centre, page, package)
    header = dict((row[0], row[1]) for row in table_text(page.header_table))
    assert header["Bank"] == "maintenance-1"
    assert header["Version"] == "3"
    assert header["Grade"] == "I"
    assert header["Items"] == "10"
    assert header["Title"] == "Energy Storage Maintenance, Grade I"
    assert header["Certificate"] == "Energy Storage Maintenance"
    assert page.install_button.isEnabled()

    click(qtbot, page.install_button)
    settle(qtbot, centre)
    assert page.status.level == "info"
    assert "Installed maintenance-1 version 3" in page.status.text
    assert [(b.bank_id, b.version) for b in bank_install.list_installed(ctx)] == [("maintenance-1", 3)]
    assert table_text(page.installed)[0][:5] == [
        "maintenance-1",
        "Maintenance",
        "I",
        "3",
        "10",
    ]
    assert table_text(page.header_table) == []
    assert not page.install_button.isEnabled()


def test_a_tampered_package_is_refused_with_the_reason(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, awarding_pub: Path, package: Path, tmp_path: Path
) -> None:
    data = bytearray(package.read_bytes())
    data[-20] ^= 0x01
    tampered = tmp_path / "tampered.1xbank"
    tampered.write_bytes(bytes(data))
    page = _banks(centre, qtbot)
    _trust(qtbot, centre, page, awarding_pub)

    _read_header(qtbot, centre, page, tampered)
    assert dict((row[0], row[1]) for row in table_text(page.header_table))["Bank"] == "maintenance-1"
    click(qtbot, page.install_button)
    settle(qtbot, centre)

    said = answer_prompt(qtbot, centre)
    assert "The package was refused" in said
    assert "does not match its signed header" in said
    assert page.status.level == "error"
    assert f"The bank package {tampered} was refused:" in page.status.text
    assert bank_install.list_installed(ctx) == []
    assert list(ctx.packages_dir.iterdir()) == []


def test_a_package_from_an_untrusted_signer_is_refused(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, package: Path, chooser: ScriptedChooser
) -> None:
    page = _banks(centre, qtbot)
    chooser.answers.append(package)
    click(qtbot, page.package_file.browse)
    settle(qtbot, centre)
    click(qtbot, page.install_button)
    settle(qtbot, centre)

    assert "No awarding-body key is trusted on this kiosk yet" in answer_prompt(qtbot, centre)
    assert bank_install.list_installed(ctx) == []


def test_a_file_that_is_not_a_package_shows_no_header(
    qtbot: QtBot, centre: AdminWindow, tmp_path: Path
) -> None:
    junk = tmp_path / "notes.1xbank"
    junk.write_text("shopping list", encoding="utf-8")
    page = _banks(centre, qtbot)
    _read_header(qtbot, centre, page, junk)

    said = answer_prompt(qtbot, centre)
    assert "This is not a bank package" in said
    assert page.status.level == "error"
    assert table_text(page.header_table) == []
    assert not page.install_button.isEnabled()


def test_a_key_that_is_not_a_public_key_is_not_trusted(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, tmp_path: Path
) -> None:
    junk = tmp_path / "board.pub"
    junk.write_text("not a key", encoding="utf-8")
    page = _banks(centre, qtbot)
    _trust(qtbot, centre, page, junk)
    assert "The key was not trusted" in answer_prompt(qtbot, centre)
    assert list(ctx.trust_dir.iterdir()) == []


def test_a_sitting_is_scheduled_for_an_installed_bank(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, awarding_pub: Path, package: Path
) -> None:
    page = centre.show_page("sittings")
    settle(qtbot, centre)
    assert isinstance(page, SittingsPage)
    assert not page.schedule_button.isEnabled()
    assert page.no_banks.isVisible()

    bank_install.trust_key(ctx, awarding_pub)
    bank_install.install_package(ctx, package)
    centre.refresh()
    settle(qtbot, centre)
    assert page.schedule_button.isEnabled()
    assert not page.no_banks.isVisible()
    assert page.on_date.date() == QDate(2025, 6, 2)

    type_into(qtbot, page.name, "Maintenance I theory, morning")
    page.on_date.setFocus()
    qtbot.keyClick(page.on_date, Qt.Key.Key_Up)
    click(qtbot, page.show_score)
    click(qtbot, page.schedule_button)
    settle(qtbot, centre)

    listed = sittings.list_sittings(ctx)
    assert [(s.name, s.bank_id, s.show_score) for s in listed] == [
        ("Maintenance I theory, morning", "maintenance-1", True)
    ]
    assert listed[0].scheduled_on != date(2025, 6, 2)
    assert "is scheduled for" in page.status.text
    assert table_text(page.table)[0][1:5] == [
        "Maintenance I theory, morning",
        "maintenance-1",
        listed[0].scheduled_on.isoformat(),
        "scheduled",
    ]


def test_a_sitting_without_a_name_is_refused(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, awarding_pub: Path, package: Path
) -> None:
    bank_install.trust_key(ctx, awarding_pub)
    bank_install.install_package(ctx, package)
    page = centre.show_page("sittings")
    settle(qtbot, centre)
    assert isinstance(page, SittingsPage)
    click(qtbot, page.schedule_button)
    settle(qtbot, centre)
    assert "The sitting needs a name" in answer_prompt(qtbot, centre)
    assert sittings.list_sittings(ctx) == []
