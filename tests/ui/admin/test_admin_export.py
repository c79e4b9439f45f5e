"""The export and receipts pages: results leave the kiosk as a bundle (to a typed or chosen folder), the
enrolment file is written, the registry's receipts mark attempts delivered (or are refused), and the receipts
page lists every finished attempt with how far it has got."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import FakeClock
from kiosk.formats import enrolment as enrolment_format
from kiosk.formats import receipts as receipts_format
from kiosk.formats.bundles import bundle_digest
from kiosk.registry.service.link import make_link
from kiosk.registry.services import imports as registry_import
from kiosk.registry.services import registry
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.storage.repo import count_rows
from kiosk.station.services import kiosk_setup
from kiosk.station.services.context import KioskContext
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.sync import link_registry
from kiosk.ui.admin.centre.export import ExportPage, ExportPresenter
from kiosk.ui.admin.centre.receipts import ReceiptsPage
from kiosk.ui.admin.drives import Drive, is_removable
from kiosk.ui.admin.terms import when
from kiosk.ui.admin.widgets import cell_text, row_key, table_text
from kiosk.ui.admin.window import AdminWindow
from tests.registry.service.live import free_port, live_registry
from tests.ui.admin.admin_helpers import ScriptedChooser, answer_prompt, click, drop_files, settle, type_into


def _export_page(window: AdminWindow, qtbot: QtBot) -> ExportPage:
    page = window.show_page("export")
    settle(qtbot, window)
    assert isinstance(page, ExportPage)
    return page


def _receipts_page(window: AdminWindow, qtbot: QtBot) -> ReceiptsPage:
    page = window.show_page("receipts")
    settle(qtbot, window)
    assert isinstance(page, ReceiptsPage)
    return page


def _registry_column(page: ReceiptsPage) -> dict[str, tuple[str, str]]:
    """Each listed attempt's 'last exported in' and 'registry' cells, by attempt id."""
    return {
        str(row_key(page.table, row)): (cell_text(page.table, row, 5), cell_text(page.table, row, 6))
        for row in range(page.table.rowCount())
    }


def test_export_asks_for_a_folder_first(qtbot: QtBot, centre: AdminWindow) -> None:
    page = _export_page(centre, qtbot)
    click(qtbot, page.export_button)
    assert page.status.level == "error"
    assert "Type or choose the folder" in page.status.text


def test_export_without_a_registry_key_says_what_to_do(
    qtbot: QtBot, centre: AdminWindow, finished: list[str], tmp_path: Path
) -> None:
    usb = tmp_path / "stick"
    usb.mkdir()
    page = _export_page(centre, qtbot)
    type_into(qtbot, page.destination.edit, str(usb))
    click(qtbot, page.export_button)
    settle(qtbot, centre)

    said = answer_prompt(qtbot, centre)
    assert "No results were exported" in said
    assert "This kiosk has no registry key" in said
    assert list(usb.iterdir()) == []
    assert page.progress.value() == 0


def test_export_to_a_missing_folder_is_refused(
    qtbot: QtBot, centre: AdminWindow, finished: list[str], tmp_path: Path, registry_pub: Path
) -> None:
    page = _export_page(centre, qtbot)
    type_into(qtbot, page.registry_key.edit, str(registry_pub))
    type_into(qtbot, page.destination.edit, str(tmp_path / "no-stick"))
    qtbot.keyClick(page.destination.edit, Qt.Key.Key_Return)
    settle(qtbot, centre)
    assert f"The export folder {tmp_path / 'no-stick'} does not exist" in answer_prompt(qtbot, centre)


def test_results_go_to_the_registry_and_its_receipt_comes_back(
    qtbot: QtBot,
    centre: AdminWindow,
    ctx: KioskContext,
    finished: list[str],
    tmp_path: Path,
    registry_ctx: RegistryContext,
    registry_pub: Path,
    chooser: ScriptedChooser,
) -> None:
    usb = tmp_path / "stick"
    usb.mkdir()
    page = _export_page(centre, qtbot)
    chooser.answers.append(usb)
    click(qtbot, page.destination.browse)
    assert page.destination.path() == usb
    chooser.answers.append(registry_pub)
    click(qtbot, page.registry_key.browse)

    click(qtbot, page.enrol_button)
    settle(qtbot, centre)
    enrolment_file = next(usb.glob("*.1xenrol"))
    key_id = enrolment_format.read_enrolment(enrolment_file).key_id
    assert f"Key id {key_id}" in page.status.text

    click(qtbot, page.export_button)
    settle(qtbot, centre)
    bundle = next(usb.glob("*.1xresult"))
    assert page.status.level == "info"
    assert f"with 3 attempts to {bundle} and read it back intact" in page.status.text
    assert page.progress.value() == page.progress.maximum() == 1

    registry.enrol_kiosk(registry_ctx, enrolment_file)
    report = registry_import.import_bundles(registry_ctx, [bundle])
    assert [outcome.outcome.value for outcome in report.outcomes] == ["imported"]
    receipt = report.outcomes[0].receipt
    assert receipt is not None

    receipts = _receipts_page(centre, qtbot)
    assert _registry_column(receipts) == {
        attempt_id: (bundle.stem, "waiting for the receipt") for attempt_id in finished
    }
    drop_files(receipts.drop, [receipt])
    settle(qtbot, centre)
    assert _registry_column(receipts) == {
        attempt_id: (bundle.stem, "acknowledged") for attempt_id in finished
    }
    assert "3 attempts marked delivered, 0 already marked, 0 not acknowledged" in receipts.status.text
    assert receipts.count_label.text() == (
        "3 finished attempts on this PC: 3 acknowledged by the registry, 0 exported and waiting for the "
        "receipt, 0 not exported yet."
    )

    type_into(qtbot, receipts.receipt_file.edit, str(receipt))
    click(qtbot, receipts.import_button)
    settle(qtbot, centre)
    assert "0 attempts marked delivered, 3 already marked" in receipts.status.text

    centre.show_page("export")
    click(qtbot, page.export_button)
    settle(qtbot, centre)
    assert "There are no finished attempts waiting to be exported" in answer_prompt(qtbot, centre)


def test_a_tampered_receipt_is_refused_and_marks_nothing(
    qtbot: QtBot,
    centre: AdminWindow,
    ctx: KioskContext,
    finished: list[str],
    tmp_path: Path,
    registry_ctx: RegistryContext,
    registry_pub: Path,
) -> None:
    shutil.copy(registry_pub, ctx.trust_dir / "registry.pub")
    usb = tmp_path / "stick"
    usb.mkdir()
    page = _export_page(centre, qtbot)
    type_into(qtbot, page.destination.edit, str(usb))
    click(qtbot, page.enrol_button)
    settle(qtbot, centre)
    click(qtbot, page.export_button)
    settle(qtbot, centre)
    registry.enrol_kiosk(registry_ctx, next(usb.glob("*.1xenrol")))
    receipt = registry_import.import_bundles(registry_ctx, [next(usb.glob("*.1xresult"))]).outcomes[0].receipt
    assert receipt is not None
    lines = receipt.read_text(encoding="ascii").splitlines()
    token = lines[1]
    lines[1] = token[:-8] + ("A" if token[-8] != "A" else "B") + token[-7:]
    forged = tmp_path / "forged.1xreceipt"
    forged.write_text("\n".join(lines) + "\n", encoding="ascii")

    receipts = _receipts_page(centre, qtbot)
    type_into(qtbot, receipts.receipt_file.edit, str(forged))
    qtbot.keyClick(receipts.receipt_file.edit, Qt.Key.Key_Return)
    settle(qtbot, centre)

    said = answer_prompt(qtbot, centre)
    assert "A receipt was refused" in said
    assert f"The receipt file {forged} does not check out" in said
    assert receipts.status.level == "error"
    assert {registry for _, registry in _registry_column(receipts).values()} == {"waiting for the receipt"}


def test_the_receipts_page_follows_each_attempt_from_exam_to_receipt(
    qtbot: QtBot,
    centre: AdminWindow,
    ctx: KioskContext,
    finished: list[str],
    tmp_path: Path,
    registry_ctx: RegistryContext,
    registry_pub: Path,
) -> None:
    receipts = _receipts_page(centre, qtbot)
    rows = table_text(receipts.table)
    assert [row[:4] for row in rows] == [
        ["M-101", "Mwila Banda", "Maintenance I theory", "maintenance-1"],
        ["M-102", "Chanda Phiri 钱多多", "Maintenance I theory", "maintenance-1"],
        ["M-103", "Bwalya Tembo", "Maintenance I theory", "maintenance-1"],
    ]
    assert all(row[4].startswith("2025-06-02 ") for row in rows)
    assert _registry_column(receipts) == {attempt_id: ("", "not exported yet") for attempt_id in finished}
    assert receipts.count_label.text().startswith("3 finished attempts on this PC: 0 acknowledged")

    # The export refreshes the receipts page's list without it being opened again.
    usb = tmp_path / "stick"
    usb.mkdir()
    page = _export_page(centre, qtbot)
    type_into(qtbot, page.destination.edit, str(usb))
    type_into(qtbot, page.registry_key.edit, str(registry_pub))
    click(qtbot, page.export_button)
    settle(qtbot, centre)
    bundle = next(usb.glob("*.1xresult"))
    assert _registry_column(receipts) == {
        attempt_id: (bundle.stem, "waiting for the receipt") for attempt_id in finished
    }

    # A receipt holding two of the three: the third stays waiting, and goes out in the next bundle.
    kiosk_id = kiosk_setup.require_kiosk(ctx).kiosk_id
    digest = bundle_digest(bundle.read_bytes())
    partial = receipts_format.write_receipt(
        registry_ctx.identity, tmp_path / "back", bundle.stem, kiosk_id, 1, digest, finished[:2]
    )
    _receipts_page(centre, qtbot)
    drop_files(receipts.drop, [partial])
    settle(qtbot, centre)
    assert receipts.status.level == "warning"
    assert "2 attempts marked delivered, 0 already marked, 1 not acknowledged" in receipts.status.text
    assert _registry_column(receipts) == {
        finished[0]: (bundle.stem, "acknowledged"),
        finished[1]: (bundle.stem, "acknowledged"),
        finished[2]: (bundle.stem, "waiting for the receipt"),
    }

    centre.language.set_language("zh")
    assert {registry for _, registry in _registry_column(receipts).values()} == {"已确认", "等待回执"}
    centre.language.set_language("en")


def test_removable_drives_are_told_apart_from_fixed_disks() -> None:
    assert is_removable("/media/admin/KINGSTON", "vfat", False, "/")
    assert is_removable("/run/media/admin/USB", "exfat", False, "/")
    assert not is_removable("/", "ext4", False, "/")
    assert not is_removable("/home", "ext4", False, "/")
    assert not is_removable("/media/admin/CDROM", "iso9660", True, "/")
    assert not is_removable("/mnt", "ext4", False, "/")
    assert not is_removable("/mnt/tools", "tmpfs", False, "/")
    assert is_removable("E:/", "FAT32", False, "C:")
    assert not is_removable("C:/", "NTFS", False, "C:")


def test_choosing_a_removable_drive_fills_the_folder(
    qtbot: QtBot, centre: AdminWindow, tmp_path: Path
) -> None:
    page = _export_page(centre, qtbot)
    page.show_drives([Drive(tmp_path, "KINGSTON", 7_800_000_000)])
    assert page.drives.itemText(1) == f"KINGSTON ({tmp_path}, 7.8 GB free)"
    page.drives.setFocus()
    qtbot.keyClick(page.drives, Qt.Key.Key_Down)
    assert page.destination.path() == tmp_path
    page.show_drives([])
    assert not page.drives.isEnabled()
    assert "No removable drive found" in page.drives.currentText()


def test_a_registry_key_trusted_on_the_banks_page_is_used_for_the_export(
    qtbot: QtBot, centre: AdminWindow, finished: list[str], tmp_path: Path, registry_pub: Path
) -> None:
    banks = centre.show_page("banks")
    settle(qtbot, centre)
    type_into(qtbot, banks.key_file.edit, str(registry_pub))  # type: ignore[attr-defined]
    click(qtbot, banks.trust_button)  # type: ignore[attr-defined]
    settle(qtbot, centre)
    assert "registry (registry," in banks.keys_label.text()  # type: ignore[attr-defined]

    usb = tmp_path / "stick"
    usb.mkdir()
    page = _export_page(centre, qtbot)
    assert page.registry_key.path() is None
    type_into(qtbot, page.destination.edit, str(usb))
    click(qtbot, page.export_button)
    settle(qtbot, centre)
    assert "with 3 attempts" in page.status.text
    assert len(list(usb.glob("*.1xresult"))) == 1


def _deliveries(page: ExportPage) -> list[str]:
    """The delivery sentences, newest bundle first."""
    return [page.deliveries.item(row).text() for row in range(page.deliveries.count())]


def _exporter(window: AdminWindow) -> ExportPresenter:
    return next(presenter for presenter in window.presenters if isinstance(presenter, ExportPresenter))


def test_without_a_link_each_bundle_waits_for_its_receipt_by_usb(
    qtbot: QtBot,
    centre: AdminWindow,
    finished: list[str],
    tmp_path: Path,
    registry_ctx: RegistryContext,
    registry_pub: Path,
) -> None:
    page = _export_page(centre, qtbot)
    assert "no link to a registry" in page.link_label.text()
    assert _deliveries(page) == ["No bundle has been exported yet."]
    usb = tmp_path / "stick"
    usb.mkdir()
    type_into(qtbot, page.destination.edit, str(usb))
    type_into(qtbot, page.registry_key.edit, str(registry_pub))
    click(qtbot, page.export_button)
    settle(qtbot, centre)
    bundle = next(usb.glob("*.1xresult"))
    assert _deliveries(page) == [
        f"Bundle {bundle.stem} (3 attempts) waits for the registry's receipt, which comes back by USB."
    ]
    assert not _exporter(centre).outbox_sender.running

    registry.enrol_kiosk(registry_ctx, enrol(_exporter(centre).ctx, tmp_path)[0])
    receipt = registry_import.import_bundles(registry_ctx, [bundle]).outcomes[0].receipt
    assert receipt is not None
    drop_files(_receipts_page(centre, qtbot).drop, [receipt])
    settle(qtbot, centre)
    page = _export_page(centre, qtbot)
    assert _deliveries(page) == [
        f"Bundle {bundle.stem} (3 attempts) was delivered by USB: the registry's receipts acknowledge every "
        "attempt in it."
    ]


def test_with_a_link_the_console_sends_each_export_and_shows_its_receipt(
    qtbot: QtBot,
    centre: AdminWindow,
    ctx: KioskContext,
    finished: list[str],
    tmp_path: Path,
    registry_ctx: RegistryContext,
    registry_pub: Path,
    clock: FakeClock,
) -> None:
    shutil.copy(registry_pub, ctx.trust_dir / "registry.pub")
    registry.enrol_kiosk(registry_ctx, enrol(ctx, tmp_path)[0])
    usb = tmp_path / "stick"
    usb.mkdir()
    exporter = _exporter(centre)
    with live_registry(registry_ctx, now=clock.wall) as server:
        link_file, _ = make_link(registry_ctx, server.url, tmp_path / "registry.1xlink")
        link_registry(ctx, link_file)
        # The link was made while the console was open: showing the page starts the sender.
        page = _export_page(centre, qtbot)
        assert exporter.outbox_sender.running
        assert f"bundles go to the registry at {server.url} by themselves" in page.link_label.text()
        type_into(qtbot, page.destination.edit, str(usb))
        click(qtbot, page.export_button)
        settle(qtbot, centre)
        qtbot.waitUntil(lambda: "was sent" in _deliveries(page)[0], timeout=30_000)
    bundle = next(usb.glob("*.1xresult"))
    assert _deliveries(page) == [
        f"Bundle {bundle.stem} (3 attempts) was sent; the registry's receipt was applied at "
        f"{when(clock.wall())}."
    ]
    with registry_ctx.database.session() as session:
        assert count_rows(session)["bundles"] == 1
    receipts = _receipts_page(centre, qtbot)
    assert {registry for _, registry in _registry_column(receipts).values()} == {"acknowledged"}

    # The console closes by deleting its window and pages: the sender stops with its page.
    other = ExportPresenter(ctx, centre.tools)
    assert other.outbox_sender.running  # a console opened on a linked kiosk sends from the start
    shiboken6.delete(other.page)
    assert other.closed and not other.outbox_sender.running


def test_a_failed_try_says_why_and_when_it_is_tried_again(
    qtbot: QtBot,
    centre: AdminWindow,
    ctx: KioskContext,
    finished: list[str],
    tmp_path: Path,
    registry_ctx: RegistryContext,
    registry_pub: Path,
    clock: FakeClock,
) -> None:
    shutil.copy(registry_pub, ctx.trust_dir / "registry.pub")
    nobody = f"https://127.0.0.1:{free_port()}"
    link_file, _ = make_link(registry_ctx, nobody, tmp_path / "registry.1xlink")
    link_registry(ctx, link_file)
    usb = tmp_path / "stick"
    usb.mkdir()
    page = _export_page(centre, qtbot)
    type_into(qtbot, page.destination.edit, str(usb))
    click(qtbot, page.export_button)
    settle(qtbot, centre)
    qtbot.waitUntil(lambda: "the last try failed" in _deliveries(page)[0], timeout=30_000)
    bundle = next(usb.glob("*.1xresult"))
    (said,) = _deliveries(page)
    assert said.startswith(
        f"Bundle {bundle.stem} (3 attempts) waits to be sent again at "
        f"{when(clock.wall() + timedelta(seconds=60))}; the last try failed: The registry at {nobody} did "
        "not answer"
    )
    centre.language.set_language("zh")
    (said,) = _deliveries(page)
    assert bundle.stem in said and "waits" not in said
    centre.language.set_language("en")


def test_the_kiosk_is_backed_up_from_the_console(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, tmp_path: Path
) -> None:
    usb = tmp_path / "stick"
    usb.mkdir()
    page = _export_page(centre, qtbot)
    type_into(qtbot, page.destination.edit, str(usb))
    type_into(qtbot, page.passphrase, "a long passphrase here")
    type_into(qtbot, page.passphrase_again, "a long passphrase HERE")
    click(qtbot, page.backup_button)
    assert (page.status.level, page.status.text) == (
        "error",
        "The two passphrases differ; type the same one twice.",
    )
    assert list(usb.iterdir()) == []
    page.passphrase_again.clear()
    type_into(qtbot, page.passphrase_again, "a long passphrase here")
    click(qtbot, page.backup_button)
    settle(qtbot, centre)
    [folder] = usb.iterdir()
    info = kiosk_setup.kiosk_info(ctx)
    assert info is not None
    kiosk_id = info.kiosk_id
    assert folder.name.startswith(f"kiosk-backup-{kiosk_id}-")
    assert page.status.text.startswith(f"Backed kiosk {kiosk_id} up to {folder}")
    assert page.passphrase.text() == page.passphrase_again.text() == ""  # not left on the screen
