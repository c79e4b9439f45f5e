"""The outbox sender against a real registry server: delivered once whatever the network does, never lost."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import InputError
from kiosk.formats.tls import write_link
from kiosk.messages import sentence
from kiosk.registry.service.link import make_link
from kiosk.registry.services.imports import Outcome, import_bundles, import_file
from kiosk.registry.services.registry import RegistryContext, enrol_kiosk, open_registry
from kiosk.registry.storage.repo import count_rows
from kiosk.station.services.context import KioskContext
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.export import ExportResult, export_results
from kiosk.station.services.receipts import delivery_status
from kiosk.station.services.sync import (
    LOCK_FILE,
    STATE_FILE,
    Status,
    link_registry,
    outbox_dir,
    retry_delay,
    sync_once,
    sync_status,
    watch,
)
from kiosk.station.storage.outbox import DeliveryState, read_delivery, sender_lock, write_delivery
from tests.fixtures.registry import (  # noqa: F401 (fixtures)
    Sit,
    registry_dir_fixture,
    sit_fixture,
    trusting_fixture,
    usb_fixture,
)
from tests.registry.service.live import Fault, FaultyProxy, LiveServer, live_registry


@pytest.fixture(name="registry")
def registry_fixture(registry_dir: Path) -> Iterator[RegistryContext]:
    opened = open_registry(registry_dir)
    yield opened
    opened.close()


@pytest.fixture(name="enrolled")
def enrolled_fixture(trusting: KioskContext, registry: RegistryContext, tmp_path: Path) -> KioskContext:
    path, _ = enrol(trusting, tmp_path)
    enrol_kiosk(registry, path)
    return trusting


@pytest.fixture(name="server")
def server_fixture(registry: RegistryContext, clock: FakeClock) -> Iterator[LiveServer]:
    # The registry's clock is the kiosk's, so the signatures' replay window holds in fake time.
    with live_registry(registry, now=clock.wall) as server:
        yield server


def link(ctx: KioskContext, registry: RegistryContext, port: int, tmp_path: Path) -> None:
    path, _ = make_link(registry, f"https://127.0.0.1:{port}", tmp_path / "registry.1xlink")
    link_registry(ctx, path)


def held(registry: RegistryContext) -> tuple[int, int]:
    """How many bundles and attempts the registry holds."""
    with registry.database.session() as session:
        counted = count_rows(session)
    return counted["bundles"], counted["attempts"]


def all_delivered(ctx: KioskContext) -> bool:
    return all(row.delivered for row in delivery_status(ctx))


def exported(ctx: KioskContext, usb: Path, sit: Sit, *numbers: str) -> ExportResult:
    for number in numbers or ("C-001",):
        sit(number)
    return export_results(ctx, usb)


def test_an_exported_bundle_is_delivered_and_its_receipt_applied(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    bundle = exported(enrolled, usb, sit, "C-001", "C-002")
    link(enrolled, registry, server.port, tmp_path)
    assert [item.status for item in sync_status(enrolled)] == [Status.WAITING]

    result = sync_once(enrolled)
    assert result.tried == (bundle.bundle_id,) and not result.failed
    (item,) = result.bundles
    assert (item.bundle_id, item.status, item.tries, item.error) == (
        bundle.bundle_id,
        Status.DELIVERED,
        1,
        None,
    )
    assert item.receipt_at == clock.wall() and item.attempts == 2
    assert all_delivered(enrolled)
    assert held(registry) == (1, 2)
    # Nothing is deleted: the exported file stays, and the sender keeps its own copy and the receipt.
    assert bundle.path.exists()
    assert (outbox_dir(enrolled) / "bundles" / bundle.path.name).read_bytes() == bundle.path.read_bytes()
    assert (outbox_dir(enrolled) / "receipts" / f"{bundle.bundle_id}.1xreceipt").exists()

    again = sync_once(enrolled)
    assert again.tried == () and again.bundles == result.bundles


def test_a_kiosk_without_a_link_says_so(trusting: KioskContext) -> None:
    with pytest.raises(InputError) as caught:
        sync_once(trusting)
    assert caught.value.code == "sync.not_linked"


def test_a_server_with_another_certificate_gets_nothing(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    bundle = exported(enrolled, usb, sit)
    path = write_link(registry.identity, server.url, "0" * 64, tmp_path / "pinned-elsewhere.1xlink")
    link_registry(enrolled, path)
    (item,) = sync_once(enrolled).bundles
    assert item.status is Status.FAILED
    assert item.error is not None and item.error.code == "sync.certificate_mismatch"
    assert item.error.params == {"url": server.url, "expected": "0" * 64, "found": server.fingerprint}
    assert item.next_try_at == clock.wall() + timedelta(seconds=60)
    assert "Nothing was sent to it." in sentence(item.error)
    assert held(registry) == (0, 0) and not (registry.directory / "inbox").exists()
    assert bundle.path.exists() and not all_delivered(enrolled)


def test_retries_back_off_never_give_up_and_deliver_when_the_registry_answers(
    enrolled: KioskContext,
    registry: RegistryContext,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    bundle = exported(enrolled, usb, sit)
    with live_registry(registry, now=clock.wall) as server:
        port = server.port
        link(enrolled, registry, port, tmp_path)
    # The registry is gone: each pass records why and when it tries again, doubling up to an hour.
    waits = []
    for _ in range(9):
        result = sync_once(enrolled, force=True)
        (item,) = result.bundles
        assert item.status is Status.FAILED and result.failed
        assert item.error is not None and item.error.code == "sync.registry_unreachable"
        assert item.next_try_at is not None
        waits.append(int((item.next_try_at - clock.wall()).total_seconds()))
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    # Before the next try is due a pass leaves it alone.
    assert sync_once(enrolled).tried == ()
    assert bundle.path.exists()

    clock.advance(3600)
    with live_registry(registry, now=clock.wall) as server:
        link(enrolled, registry, server.port, tmp_path)
        (item,) = sync_once(enrolled).bundles
    assert (item.status, item.tries, item.error) == (Status.DELIVERED, 10, None)
    assert all_delivered(enrolled) and held(registry) == (1, 1)


def test_an_upload_cut_mid_body_is_sent_again_and_imported_once(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
) -> None:
    bundle = exported(enrolled, usb, sit, "C-001", "C-002")
    size = len(bundle.path.read_bytes())
    assert size > 4000
    proxy = FaultyProxy(server.port, [Fault(cut_after=size // 2)])
    try:
        link(enrolled, registry, proxy.port, tmp_path)
        (item,) = sync_once(enrolled).bundles
        assert item.status is Status.FAILED
        assert item.error is not None and item.error.code == "sync.registry_unreachable"
        assert held(registry) == (0, 0)
        assert not (registry.directory / "inbox").exists()

        (item,) = sync_once(enrolled, force=True).bundles
        assert item.status is Status.DELIVERED
    finally:
        proxy.close()
    assert proxy.connections == 2
    assert held(registry) == (1, 2) and all_delivered(enrolled)


def test_an_answer_lost_after_the_import_gets_the_same_receipt_again(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
) -> None:
    bundle = exported(enrolled, usb, sit)
    size = len(bundle.path.read_bytes())
    lost = Fault(swallow_after=size, until=lambda: held(registry) == (1, 1))
    proxy = FaultyProxy(server.port, [lost])
    try:
        link(enrolled, registry, proxy.port, tmp_path)
        (item,) = sync_once(enrolled).bundles
        assert item.status is Status.FAILED and not all_delivered(enrolled)
        assert item.error is not None and item.error.code == "sync.registry_unreachable"
        assert held(registry) == (1, 1)  # the registry imported it; only the answer was lost

        (item,) = sync_once(enrolled, force=True).bundles
        assert item.status is Status.DELIVERED
    finally:
        proxy.close()
    assert held(registry) == (1, 1) and all_delivered(enrolled)


def test_a_bundle_brought_by_usb_and_uploaded_too_is_imported_once(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
) -> None:
    first = exported(enrolled, usb, sit, "C-001")
    report = import_bundles(registry, [usb])
    assert [outcome.outcome for outcome in report.outcomes] == [Outcome.IMPORTED]
    link(enrolled, registry, server.port, tmp_path)
    (item,) = sync_once(enrolled).bundles
    assert item.status is Status.DELIVERED
    assert held(registry) == (1, 1)

    # The other way round: uploaded first, then the USB copy reaches the registry.
    second = exported(enrolled, usb, sit, "C-002")
    assert [item.status for item in sync_once(enrolled).bundles] == [Status.DELIVERED, Status.DELIVERED]
    assert import_file(registry, second.path).outcome is Outcome.DUPLICATE
    assert import_file(registry, first.path).outcome is Outcome.DUPLICATE
    assert held(registry) == (2, 2) and all_delivered(enrolled)


def test_a_bundle_whose_stick_is_gone_gets_its_receipt_if_the_registry_holds_it(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
) -> None:
    bundle = exported(enrolled, usb, sit)
    assert import_file(registry, bundle.path).outcome is Outcome.IMPORTED
    bundle.path.unlink()  # the USB stick went to the registry and stayed there
    link(enrolled, registry, server.port, tmp_path)
    (item,) = sync_once(enrolled).bundles
    assert item.status is Status.DELIVERED and item.receipt_at is not None
    assert all_delivered(enrolled)


def test_a_bundle_whose_stick_is_gone_and_never_arrived_waits_for_it(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
) -> None:
    bundle = exported(enrolled, usb, sit)
    data = bundle.path.read_bytes()
    bundle.path.unlink()
    link(enrolled, registry, server.port, tmp_path)
    (item,) = sync_once(enrolled).bundles
    assert item.status is Status.FAILED and item.error is not None
    assert (item.error.code, item.error.params) == (
        "sync.bundle_file_missing",
        {"bundle_id": bundle.bundle_id, "path": str(bundle.path)},  # kept as JSON, so as text
    )
    assert held(registry) == (0, 0)
    # The stick comes back: the next try sends it.
    bundle.path.write_bytes(data)
    (item,) = sync_once(enrolled, force=True).bundles
    assert item.status is Status.DELIVERED
    assert held(registry) == (1, 1) and all_delivered(enrolled)


def test_an_unenrolled_kiosk_records_the_registrys_reason(
    trusting: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
) -> None:
    exported(trusting, usb, sit)
    link(trusting, registry, server.port, tmp_path)
    (item,) = sync_once(trusting).bundles
    assert item.status is Status.FAILED and item.error is not None
    kiosk_id = item.bundle_id.rsplit("-", 1)[0]
    assert (item.error.code, item.error.params) == ("registry_service.unknown_kiosk", {"kiosk_id": kiosk_id})
    assert sentence(item.error).startswith(f"Kiosk {kiosk_id} is not enrolled at this registry")


def test_a_kiosk_stopped_mid_upload_sends_again(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    bundle = exported(enrolled, usb, sit)
    link(enrolled, registry, server.port, tmp_path)
    state_file = outbox_dir(enrolled) / STATE_FILE
    write_delivery(state_file, {bundle.bundle_id: DeliveryState("sending", 1, last_try_at=clock.wall())})
    assert [item.status for item in sync_status(enrolled)] == [Status.SENDING]
    (item,) = sync_once(enrolled).bundles
    assert (item.status, item.tries) == (Status.DELIVERED, 2)
    assert read_delivery(state_file)[bundle.bundle_id].status == "delivered"


def test_a_damaged_delivery_record_only_means_sending_again(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
) -> None:
    exported(enrolled, usb, sit)
    link(enrolled, registry, server.port, tmp_path)
    assert sync_once(enrolled).bundles[0].status is Status.DELIVERED
    (outbox_dir(enrolled) / STATE_FILE).write_text("{not json")
    (item,) = sync_once(enrolled).bundles
    assert item.status is Status.DELIVERED and held(registry) == (1, 1)
    assert json.loads((outbox_dir(enrolled) / STATE_FILE).read_text())["format"] == 1


def test_one_sender_at_a_time(
    enrolled: KioskContext, registry: RegistryContext, server: LiveServer, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    exported(enrolled, usb, sit)
    link(enrolled, registry, server.port, tmp_path)
    with sender_lock(outbox_dir(enrolled) / LOCK_FILE) as mine:
        assert mine
        busy = sync_once(enrolled)
    assert busy.busy and busy.tried == () and busy.bundles[0].status is Status.WAITING
    assert sync_once(enrolled).bundles[0].status is Status.DELIVERED


def test_watch_sends_new_exports_until_stopped(
    enrolled: KioskContext, registry: RegistryContext, server: LiveServer, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    link(enrolled, registry, server.port, tmp_path)
    stop = threading.Event()
    passes: list[int] = []

    def seen(result: object) -> None:
        passes.append(1)
        if held(registry) == (1, 1):
            stop.set()

    exported(enrolled, usb, sit)
    watcher = threading.Thread(target=watch, args=(enrolled, 1.0, seen, stop))
    watcher.start()
    watcher.join(30)
    assert not watcher.is_alive() and stop.is_set()
    assert all_delivered(enrolled) and passes


def test_the_retry_delay_doubles_from_a_minute_to_an_hour() -> None:
    assert [retry_delay(failures) for failures in (1, 2, 3, 6, 7, 50, 10_000)] == [
        60,
        120,
        240,
        1920,
        3600,
        3600,
        3600,
    ]


def rows_of(out: str) -> list[list[str]]:
    return [line.split(None, 4) for line in out.splitlines()]


def test_the_command_links_sends_and_shows_the_state(
    enrolled: KioskContext,
    registry: RegistryContext,
    server: LiveServer,
    usb: Path,
    sit: Sit,
    tmp_path: Path,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = exported(enrolled, usb, sit)
    link_file, _ = make_link(registry, server.url, tmp_path / "registry.1xlink")
    data_dir = ["--data-dir", str(enrolled.data_dir)]
    assert main([*data_dir, "sync", "--status"]) == 0
    assert [bundle.bundle_id, "1", "waiting", "0"] in rows_of(capsys.readouterr().out)
    assert main([*data_dir, "sync"]) == 1
    assert "This kiosk has no link to a registry yet" in capsys.readouterr().err
    # The command runs on the real clock: the registry's (the kiosk's fake one) is moved to it.
    clock.jump_wall(time.time() - clock.wall().timestamp())
    assert main([*data_dir, "sync", "--link", str(link_file)]) == 0
    out = capsys.readouterr().out
    assert f"Linked to the registry at {server.url}" in out
    (row,) = [row for row in rows_of(out) if row[0] == bundle.bundle_id]
    assert row[1:4] == ["1", "delivered", "1"] and row[4].startswith("receipt applied ")
    assert "1 bundle(s) tried in this pass; 1 of 1 delivered." in out
    assert all_delivered(enrolled)
