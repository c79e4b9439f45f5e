"""The registry face: enrol kiosks (typed, dropped, tampered, reinstalled) and import bundles by files,
folder or drop, with progress and a per-file outcome (imported, duplicate, refused with the reason)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.authoring.source import load_bank_dir
from kiosk.domain.errors import SecurityError
from kiosk.formats import enrolment as enrolment_format
from kiosk.formats.bundles import read_bundle_header
from kiosk.messages import sentence
from kiosk.registry.services import registry
from kiosk.registry.services.banks import keep_bank
from kiosk.registry.services.registry import RegistryContext
from kiosk.station.services import enrolment, export
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.registry import RegistryFace
from kiosk.ui.admin.registry.imports import ImportsPage
from kiosk.ui.admin.registry.kiosks import KiosksPage
from kiosk.ui.admin.widgets import table_text
from kiosk.ui.admin.window import AdminWindow, Face
from tests.ui.admin.admin_helpers import (
    RecordingDesktop,
    ScriptedChooser,
    answer_prompt,
    click,
    drop_files,
    settle,
    type_into,
)


@pytest.fixture
def console(registry_ctx: RegistryContext, open_console: Callable[[Face], AdminWindow]) -> AdminWindow:
    return open_console(RegistryFace(registry_ctx))


@pytest.fixture
def stick(ctx: KioskContext, finished: list[str], registry_pub: Path, tmp_path: Path) -> Path:
    """A USB stick holding this kiosk's enrolment file and one bundle of its three attempts."""
    folder = tmp_path / "stick"
    folder.mkdir()
    enrolment.enrol(ctx, folder)
    export.export_results(ctx, folder, registry_pub)
    return folder


def _kiosks(window: AdminWindow, qtbot: QtBot) -> KiosksPage:
    page = window.show_page("kiosks")
    settle(qtbot, window)
    assert isinstance(page, KiosksPage)
    return page


def _imports(window: AdminWindow, qtbot: QtBot) -> ImportsPage:
    page = window.show_page("imports")
    settle(qtbot, window)
    assert isinstance(page, ImportsPage)
    return page


def test_the_header_names_the_registry(console: AdminWindow, registry_dir: Path) -> None:
    assert console.title_label.text() == "Results registry"
    assert str(registry_dir) in console.subtitle_label.text()
    assert "sqlite" in console.subtitle_label.text()


def test_a_kiosk_is_enrolled_from_its_file(
    qtbot: QtBot, console: AdminWindow, stick: Path, registry_ctx: RegistryContext
) -> None:
    page = _kiosks(console, qtbot)
    enrolment_file = next(stick.glob("*.1xenrol"))
    expected = enrolment_format.read_enrolment(enrolment_file)
    type_into(qtbot, page.enrolment_file.edit, str(enrolment_file))
    qtbot.keyClick(page.enrolment_file.edit, Qt.Key.Key_Return)
    settle(qtbot, console)

    assert page.status.text == (
        f"Kiosk {expected.kiosk_id} ('Lab 2 PC 14' at CZVTC Lusaka) is enrolled with key id "
        f"{expected.key_id}."
    )
    assert table_text(page.table)[0][:4] == [
        expected.kiosk_id,
        "Lab 2 PC 14",
        "CZVTC Lusaka",
        expected.key_id,
    ]

    drop_files(page.drop, [enrolment_file])
    settle(qtbot, console)
    assert "was already enrolled" in page.status.text
    assert len(registry.list_kiosks(registry_ctx)) == 1


def test_a_tampered_enrolment_file_is_refused(
    qtbot: QtBot, console: AdminWindow, stick: Path, registry_ctx: RegistryContext, tmp_path: Path
) -> None:
    enrolment_file = next(stick.glob("*.1xenrol"))
    forged = tmp_path / "forged.1xenrol"
    forged.write_text(
        enrolment_file.read_text(encoding="utf-8").replace("CZVTC Lusaka", "CZVTC Ndola"), encoding="utf-8"
    )
    page = _kiosks(console, qtbot)
    type_into(qtbot, page.enrolment_file.edit, str(forged))
    click(qtbot, page.enrol_button)
    settle(qtbot, console)

    said = answer_prompt(qtbot, console)
    assert "The kiosk was not enrolled" in said
    assert f"The enrolment file {forged} was altered after the kiosk signed it" in said
    assert registry.list_kiosks(registry_ctx) == []


def test_a_reinstalled_kiosk_needs_the_replace_box(
    qtbot: QtBot,
    console: AdminWindow,
    stick: Path,
    ctx: KioskContext,
    registry_ctx: RegistryContext,
    tmp_path: Path,
) -> None:
    enrolment_file = next(stick.glob("*.1xenrol"))
    registry.enrol_kiosk(registry_ctx, enrolment_file)
    # The same kiosk id with a new key, as after a reinstall.
    info = enrolment_format.read_enrolment(enrolment_file)
    from kiosk.formats.keys import KeyKind, generate_identity

    reinstalled = enrolment.write_enrolment(
        generate_identity(KeyKind.KIOSK, "kiosk-new"),
        info.kiosk_id,
        info.kiosk_name,
        info.centre,
        tmp_path / "reinstalled.1xenrol",
        ctx.clock.wall(),
    )
    page = _kiosks(console, qtbot)
    type_into(qtbot, page.enrolment_file.edit, str(reinstalled))
    click(qtbot, page.enrol_button)
    settle(qtbot, console)
    said = answer_prompt(qtbot, console)
    assert f"Kiosk {info.kiosk_id} is already enrolled with key {info.key_id}" in said
    # The console words it with its own replace box; no command-line option is named.
    assert "its new key must replace the old one" in said and "--replace" not in said
    settle(qtbot, console)

    type_into(qtbot, page.enrolment_file.edit, str(reinstalled))
    click(qtbot, page.replace)
    assert page.replace.isChecked()
    click(qtbot, page.enrol_button)
    settle(qtbot, console)
    assert "now uses key id" in page.status.text
    assert not page.replace.isChecked()
    assert registry.list_kiosks(registry_ctx)[0].key_id != info.key_id


def test_bundles_are_imported_from_a_folder_with_progress_then_reported_duplicate(
    qtbot: QtBot,
    console: AdminWindow,
    stick: Path,
    registry_ctx: RegistryContext,
    chooser: ScriptedChooser,
    desktop: RecordingDesktop,
    finished: list[str],
    bank_dir: Path,
) -> None:
    registry.enrol_kiosk(registry_ctx, next(stick.glob("*.1xenrol")))
    keep_bank(registry_ctx, load_bank_dir(bank_dir), str(bank_dir))
    page = _imports(console, qtbot)
    seen: list[tuple[int, int]] = []
    page.progress.valueChanged.connect(lambda value: seen.append((value, page.progress.maximum())))

    chooser.answers.append(stick)
    click(qtbot, page.folder_button)
    settle(qtbot, console)

    bundle = next(stick.glob("*.1xresult"))
    rows = table_text(page.table)
    assert rows == [[bundle.name, "imported", bundle.stem, "3", f"receipt {bundle.stem}.1xreceipt"]]
    assert page.summary.level == "info"
    assert page.summary.text.startswith("1 imported (3 new attempts), 0 duplicate, 0 conflict, 0 refused.")
    assert (1, 1) in seen
    assert page.progress_label.text() == "1 file checked."

    chooser.answers.append([bundle])
    click(qtbot, page.files_button)
    settle(qtbot, console)
    assert table_text(page.table)[0][1] == "duplicate"
    assert "already imported with exactly these bytes" in table_text(page.table)[0][4]

    click(qtbot, page.receipts_button)
    assert desktop.opened == [registry_ctx.receipts_dir]


def test_a_tampered_bundle_and_an_unknown_kiosk_are_refused_with_reasons(
    qtbot: QtBot,
    console: AdminWindow,
    stick: Path,
    registry_ctx: RegistryContext,
    tmp_path: Path,
) -> None:
    bundle = next(stick.glob("*.1xresult"))
    tampered_dir = tmp_path / "incoming"
    tampered_dir.mkdir()
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x55
    tampered = tampered_dir / "tampered.1xresult"
    tampered.write_bytes(bytes(data))
    unknown = tampered_dir / bundle.name
    shutil.copy(bundle, unknown)

    page = _imports(console, qtbot)
    drop_files(page.drop, [tampered, unknown])
    settle(qtbot, console)

    rows = {row[0]: row for row in table_text(page.table)}
    assert rows["tampered.1xresult"][1] == "refused"
    # Each reason is the refusal's sentence, not its code.
    tampered = rows["tampered.1xresult"][4]
    assert tampered.endswith(".") and not tampered.startswith("bundle.")
    assert rows[bundle.name][1] == "refused"
    header = read_bundle_header(bundle.read_bytes())
    unknown_kiosk = SecurityError(
        "bundle.kiosk_not_enrolled", bundle_id=header.bundle_id, kiosk_id=header.kiosk_id
    )
    assert rows[bundle.name][4] == sentence(unknown_kiosk)
    assert "enrol" in rows[bundle.name][4].lower()
    assert page.summary.level == "error"
    assert "0 imported (0 new attempts), 0 duplicate, 0 conflict, 2 refused." in page.summary.text
    assert "copied to the quarantine folder" in page.summary.text
    assert len(list(registry_ctx.quarantine_dir.iterdir())) == 2
    bold = page.table.item(0, 1).font().bold()
    assert bold


def test_a_folder_without_bundles_is_told_in_a_sentence(
    qtbot: QtBot, console: AdminWindow, tmp_path: Path, chooser: ScriptedChooser
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    page = _imports(console, qtbot)
    chooser.answers.append(empty)
    click(qtbot, page.folder_button)
    settle(qtbot, console)
    assert f"The folder {empty} holds no result bundles" in answer_prompt(qtbot, console)
    assert page.progress.value() == 0
    assert page.files_button.isEnabled()


def test_the_kiosks_page_shows_each_kiosks_last_contact_over_the_network(
    qtbot: QtBot, console: AdminWindow, stick: Path, ctx: KioskContext, registry_ctx: RegistryContext
) -> None:
    from datetime import UTC, datetime

    from kiosk.registry.service.contacts import last_contacts
    from kiosk.station.services.kiosk_setup import load_kiosk_identity
    from kiosk.ui.admin.terms import when
    from tests.registry.service.live import call, live_registry

    enrolled = registry.enrol_kiosk(registry_ctx, next(stick.glob("*.1xenrol"))).enrolment
    page = _kiosks(console, qtbot)
    console.refresh()
    settle(qtbot, console)
    assert table_text(page.table)[0][5:] == ["never", "never"]
    bundle = next(stick.glob("*.1xresult"))
    with live_registry(registry_ctx, now=lambda: datetime.now(UTC)) as server:
        identity = load_kiosk_identity(ctx)
        target = f"/v1/bundles/{bundle.stem}"
        assert call(server, identity, enrolled.kiosk_id, "PUT", target, bundle.read_bytes()).status == 201
    console.refresh()
    settle(qtbot, console)
    contact = last_contacts(registry_ctx)[enrolled.kiosk_id]
    assert contact.upload_at is not None
    assert table_text(page.table)[0][5:] == [when(contact.contact_at), when(contact.upload_at)]
    assert page.table.horizontalHeaderItem(5).text() == "Last contact"
