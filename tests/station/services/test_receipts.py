"""Receipts: signed by the registry, split into parts, verified and applied on the kiosk."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import FileWriteError, InputError, RuleError, SecurityError
from kiosk.formats import receipts as receipts_format
from kiosk.formats.keys import KeyKind, generate_identity, load_identity
from kiosk.formats.receipts import read_receipt, receipt_text, write_receipt
from kiosk.registry.services.imports import import_file
from kiosk.registry.services.registry import RegistryContext, enrol_kiosk, open_registry
from kiosk.station.services.context import KioskContext
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.exam import login
from kiosk.station.services.export import export_results
from kiosk.station.services.kiosk_setup import require_kiosk
from kiosk.station.services.receipts import delivery_status, import_receipt
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.repositories import attempts
from kiosk.support.files import PRIVATE
from tests.fixtures.kiosk import WRONG
from tests.fixtures.registry import (  # noqa: F401 (fixtures)
    Sit,
    registry_dir_fixture,
    sit_fixture,
    trusting_fixture,
    usb_fixture,
)
from tests.fixtures.station import part_files

REGISTRY = generate_identity(KeyKind.REGISTRY, "registry")
DIGEST = "ab" * 32


def write(tmp_path: Path, text: str, name: str = "r.1xreceipt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="ascii")
    return path


# The file and its tokens ----------------------------------------------------------------------------------


def test_a_receipt_reads_back_what_was_signed(tmp_path: Path) -> None:
    path = write_receipt(REGISTRY, tmp_path / "receipts", "K1-000004", "K1", 4, DIGEST, ["A-2", "A-1"])
    assert path.name == "K1-000004.1xreceipt"
    assert path.read_text().startswith(
        "# 1+X result receipt: the registry holds 2 attempt(s) of bundle K1-000004"
    )
    receipt = read_receipt(path, REGISTRY.public)
    assert (receipt.bundle_id, receipt.kiosk_id, receipt.sequence, receipt.digest) == (
        "K1-000004",
        "K1",
        4,
        DIGEST,
    )
    assert receipt.attempt_ids == ("A-1", "A-2")


def test_a_receipt_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = write_receipt(REGISTRY, tmp_path, "K1-000004", "K1", 4, DIGEST, ["A-1"])
    assert stat.S_IMODE(path.stat().st_mode) == PRIVATE


def test_a_full_disk_leaves_no_receipt_behind(tmp_path: Path, fill_disk: Callable[[], None]) -> None:
    folder = tmp_path / "receipts"
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        write_receipt(REGISTRY, folder, "K1-000004", "K1", 4, DIGEST, ["A-1"])
    assert caught.value.params == {"path": folder / "K1-000004.1xreceipt"}
    assert list(folder.iterdir()) == [] and part_files(folder) == []


def test_the_same_bundle_always_gets_the_same_receipt() -> None:
    assert receipt_text(REGISTRY, "B", "K1", 1, DIGEST, ["A-1"]) == receipt_text(
        REGISTRY, "B", "K1", 1, DIGEST, ["A-1"]
    )


def test_many_attempts_are_split_into_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(receipts_format, "IDS_PER_PART", 3)
    ids = [f"A-{number:02d}" for number in range(8)]
    text = receipt_text(REGISTRY, "B", "K1", 1, DIGEST, ids)
    assert len(text.splitlines()) == 1 + 3
    assert read_receipt(write(tmp_path, text), REGISTRY.public).attempt_ids == tuple(ids)
    lines = text.splitlines()
    with pytest.raises(InputError, match=r"^receipt\.incomplete missing=2 parts=3 path="):
        read_receipt(write(tmp_path, "\n".join([lines[0], lines[1], lines[3]])), REGISTRY.public)
    with pytest.raises(InputError, match=r"^receipt\.part_repeated path="):
        read_receipt(write(tmp_path, "\n".join([*lines, lines[2]])), REGISTRY.public)


def test_parts_of_two_receipts_cannot_be_mixed(tmp_path: Path) -> None:
    one = receipt_text(REGISTRY, "B1", "K1", 1, DIGEST, ["A-1"]).splitlines()[1]
    two = receipt_text(REGISTRY, "B2", "K1", 2, DIGEST, ["A-2"]).splitlines()[1]
    with pytest.raises(InputError, match=r"^receipt\.mixed_bundles path="):
        read_receipt(write(tmp_path, f"{one}\n{two}\n"), REGISTRY.public)


def test_an_altered_receipt_is_refused(tmp_path: Path) -> None:
    lines = receipt_text(REGISTRY, "B", "K1", 1, DIGEST, ["A-1"]).splitlines()
    token = lines[1]
    altered = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
    with pytest.raises(SecurityError, match=r"^receipt\.(altered|unreadable)\b.* path="):
        read_receipt(write(tmp_path, f"{lines[0]}\n{altered}\n"), REGISTRY.public)


def test_a_receipt_from_another_registry_is_refused(tmp_path: Path) -> None:
    other = generate_identity(KeyKind.REGISTRY, "other")
    path = write(tmp_path, receipt_text(other, "B", "K1", 1, DIGEST, ["A-1"]))
    with pytest.raises(SecurityError, match=f"^receipt\\.unknown_signer key_id={other.key_id} path="):
        read_receipt(path, REGISTRY.public)


def test_empty_and_missing_receipt_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^receipt\.empty path="):
        read_receipt(write(tmp_path, "# only a comment\n\n"), REGISTRY.public)
    with pytest.raises(InputError, match=r"^receipt\.file_missing path="):
        read_receipt(tmp_path / "absent.1xreceipt", REGISTRY.public)


# On the kiosk -----------------------------------------------------------------------------------------------


@pytest.fixture
def registry(trusting: KioskContext, registry_dir: Path, tmp_path: Path) -> Iterator[RegistryContext]:
    opened = open_registry(registry_dir)
    path, _ = enrol(trusting, tmp_path)
    enrol_kiosk(opened, path)
    yield opened
    opened.close()


def delivered(ctx: KioskContext, attempt_id: str) -> tuple[bool, str | None]:
    with ctx.store.session() as session:
        record = attempts.get_attempt(session, attempt_id)
    assert record is not None
    return record.delivered, record.bundle_id


def test_importing_a_receipt_marks_its_attempts_delivered_once(
    trusting: KioskContext, registry: RegistryContext, usb: Path, sit: Sit
) -> None:
    first, second = sit("C-001"), sit("C-002", WRONG)
    bundle = export_results(trusting, usb)
    outcome = import_file(registry, bundle.path)
    assert outcome.receipt is not None
    result = import_receipt(trusting, outcome.receipt)
    assert (result.bundle_id, result.marked, result.already_delivered) == (
        bundle.bundle_id,
        tuple(sorted([first, second])),
        (),
    )
    assert delivered(trusting, first) == (True, bundle.bundle_id)
    again = import_receipt(trusting, outcome.receipt)
    assert (again.marked, again.already_delivered) == ((), tuple(sorted([first, second])))


def test_a_receipt_for_another_kiosk_is_refused(
    trusting: KioskContext, registry: RegistryContext, tmp_path: Path
) -> None:
    identity = load_identity(next((registry.directory / "keys").glob("*.key")))
    path = write_receipt(identity, tmp_path, "ZZ-000001", "ZZ", 1, DIGEST, ["A-1"])
    kiosk_id = require_kiosk(trusting).kiosk_id
    with pytest.raises(RuleError, match=r"^receipt\.other_kiosk\b") as caught:
        import_receipt(trusting, path)
    assert caught.value.params == {"file": path.name, "kiosk_id": "ZZ", "this_kiosk_id": kiosk_id}


def test_a_receipt_for_a_bundle_this_kiosk_did_not_make_is_refused(
    trusting: KioskContext, registry: RegistryContext, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    attempt_id = sit("C-001")
    bundle = export_results(trusting, usb)
    kiosk_id = require_kiosk(trusting).kiosk_id
    path = write_receipt(registry.identity, tmp_path, bundle.bundle_id, kiosk_id, 1, "0" * 64, [attempt_id])
    with pytest.raises(RuleError, match=r"^receipt\.bundle_not_exported\b") as caught:
        import_receipt(trusting, path)
    assert caught.value.params == {"file": path.name, "bundle": bundle.bundle_id}
    assert delivered(trusting, attempt_id) == (False, None)


def test_a_receipt_naming_an_attempt_outside_the_bundle_is_refused(
    trusting: KioskContext, registry: RegistryContext, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    attempt_id = sit("C-001")
    bundle = export_results(trusting, usb)
    kiosk_id = require_kiosk(trusting).kiosk_id
    path = write_receipt(
        registry.identity, tmp_path, bundle.bundle_id, kiosk_id, 1, bundle.digest, [attempt_id, "A-stranger"]
    )
    with pytest.raises(RuleError, match=r"^receipt\.attempt_not_in_bundle\b") as caught:
        import_receipt(trusting, path)
    assert caught.value.params == {"file": path.name, "attempt": "A-stranger", "bundle": bundle.bundle_id}
    assert delivered(trusting, attempt_id) == (False, None)


def test_attempts_the_registry_did_not_acknowledge_stay_undelivered(
    trusting: KioskContext, registry: RegistryContext, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    first, second = sit("C-001"), sit("C-002")
    bundle = export_results(trusting, usb)
    kiosk_id = require_kiosk(trusting).kiosk_id
    path = write_receipt(registry.identity, tmp_path, bundle.bundle_id, kiosk_id, 1, bundle.digest, [first])
    result = import_receipt(trusting, path)
    assert (result.marked, result.not_acknowledged) == ((first,), (second,))
    assert delivered(trusting, second) == (False, None)
    assert export_results(trusting, usb).attempt_count == 1


def test_a_receipt_signed_by_a_key_the_kiosk_does_not_trust_is_refused(
    trusting: KioskContext, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    sit("C-001")
    bundle = export_results(trusting, usb)
    kiosk_id = require_kiosk(trusting).kiosk_id
    path = write_receipt(REGISTRY, tmp_path, bundle.bundle_id, kiosk_id, 1, bundle.digest, [])
    with pytest.raises(SecurityError, match=r"^receipt\.unknown_signer\b"):
        import_receipt(trusting, path)


# Delivery status --------------------------------------------------------------------------------------------


def status(ctx: KioskContext) -> list[tuple[str, str, bool, str | None]]:
    return [(row.attempt_id, row.state, row.delivered, row.bundle_id) for row in delivery_status(ctx)]


def test_delivery_status_lists_finished_attempts_with_who_sat_them_where(
    trusting: KioskContext, sit: Sit, sitting: OpenSitting, codes: dict[str, str], clock: FakeClock
) -> None:
    assert delivery_status(trusting) == []
    first = sit("C-001")
    submitted_at = clock.wall()
    running = login(trusting, sitting, "C-002", codes["C-002"])
    running.start()
    assert status(trusting) == [(first, "submitted", False, None)]

    clock.advance(3 * 3600)
    running.tick()
    expired_at = clock.wall()
    rows = delivery_status(trusting)
    assert [
        (row.candidate_number, row.candidate_name, row.candidate_name_zh, row.sitting_name, row.bank_id)
        for row in rows
    ] == [
        ("C-001", "Mwila Banda", None, "Maintenance II theory", "maintenance-2"),
        ("C-002", "Chanda Phiri", "钱多多", "Maintenance II theory", "maintenance-2"),
    ]
    assert [(row.attempt_id, row.state, row.finished_at) for row in rows] == [
        (first, "submitted", submitted_at),
        (running.attempt_id, "expired", expired_at),
    ]
    running.close()


def test_delivery_status_follows_exports_and_receipts(
    trusting: KioskContext, registry: RegistryContext, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    first, second = sit("C-001"), sit("C-002")
    bundle = export_results(trusting, usb)
    assert status(trusting) == [
        (first, "submitted", False, bundle.bundle_id),
        (second, "submitted", False, bundle.bundle_id),
    ]

    kiosk_id = require_kiosk(trusting).kiosk_id
    path = write_receipt(registry.identity, tmp_path, bundle.bundle_id, kiosk_id, 1, bundle.digest, [first])
    import_receipt(trusting, path)
    assert status(trusting) == [
        (first, "submitted", True, bundle.bundle_id),
        (second, "submitted", False, bundle.bundle_id),
    ]

    # The attempt the registry did not acknowledge goes out again; the status names the newer bundle.
    again = export_results(trusting, usb)
    assert status(trusting) == [
        (first, "submitted", True, bundle.bundle_id),
        (second, "submitted", False, again.bundle_id),
    ]
    outcome = import_file(registry, again.path)
    assert outcome.receipt is not None
    import_receipt(trusting, outcome.receipt)
    assert status(trusting) == [
        (first, "submitted", True, bundle.bundle_id),
        (second, "submitted", True, again.bundle_id),
    ]


def test_an_export_that_failed_leaves_no_bundle_in_the_status(
    trusting: KioskContext, usb: Path, sit: Sit, tmp_path: Path
) -> None:
    attempt_id = sit("C-001")
    kiosk_id = require_kiosk(trusting).kiosk_id
    (usb / f"{kiosk_id}-000001.1xresult").write_bytes(b"from a restored backup")
    with pytest.raises(InputError, match=r"^export\.file_exists\b"):
        export_results(trusting, usb)
    assert status(trusting) == [(attempt_id, "submitted", False, None)]
