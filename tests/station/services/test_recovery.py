"""Backing a whole kiosk up and bringing it back on another PC: the identity travels sealed, ids never
repeat, and every attempt reaches the registry exactly once."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.formats.keys import load_identity
from kiosk.formats.secrets import HashCost
from kiosk.registry.services.imports import Outcome, import_file
from kiosk.registry.services.registry import enrol_kiosk, open_registry
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.exam import login
from kiosk.station.services.export import export_results
from kiosk.station.services.kiosk_setup import require_kiosk
from kiosk.station.services.receipts import import_receipt
from kiosk.station.services.recovery import IDENTITY_DIR, backup_kiosk, restore_kiosk
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from kiosk.station.storage.outbox import list_bundles
from kiosk.support.files import PRIVATE, PRIVATE_FOLDER
from tests.fixtures.kiosk import PIN, RELEASE_CODE, RIGHT
from tests.fixtures.registry import (  # noqa: F401 (fixtures)
    Sit,
    registry_dir_fixture,
    sit_fixture,
    trusting_fixture,
    usb_fixture,
)

PASSPHRASE = b"long enough passphrase"


@pytest.fixture
def new_pc(tmp_path: Path, clock: FakeClock) -> Iterator[KioskContext]:
    """A PC with the kiosk software and an empty data folder, as after a reinstall."""
    context = open_context(tmp_path / "new-pc" / "data", clock=clock, hash_cost=HashCost.TEST)
    yield context
    context.close()


def _sit_afternoon(ctx: KioskContext, number: str, code: str, clock: FakeClock) -> str:
    info = schedule_sitting(ctx, "Maintenance II afternoon", "maintenance-2", date(2025, 6, 2))
    sitting = open_sitting(ctx, info.id, PIN, RELEASE_CODE)
    session = login(ctx, sitting, number, code)
    session.start()
    for item_id in session.form.item_ids:
        clock.advance(20)
        session.record_answer(item_id, RIGHT[item_id])
    session.submit()
    session.close()
    return session.attempt_id


def test_back_up_mid_day_lose_the_pc_restore_and_every_attempt_arrives_once(
    trusting: KioskContext,
    new_pc: KioskContext,
    sit: Sit,
    codes: dict[str, str],
    usb: Path,
    registry_dir: Path,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    enrolment, _ = enrol(trusting, tmp_path)
    registry = open_registry(registry_dir)
    try:
        enrol_kiosk(registry, enrolment)
        # Morning: C-001's result is delivered and acknowledged; C-002's is not yet.
        morning_1 = sit("C-001")
        first = import_file(registry, export_results(trusting, usb).path)
        assert first.receipt is not None
        import_receipt(trusting, first.receipt)
        morning_2 = sit("C-002")
        backups = tmp_path / "stick"
        backups.mkdir()
        made = backup_kiosk(trusting, backups, PASSPHRASE)
        # After the backup the old PC goes on: a second sitting, and an export the registry takes.
        lost_pc_attempt = _sit_afternoon(trusting, "C-001", codes["C-001"], clock)
        second = import_file(registry, export_results(trusting, usb / ".." / "usb-stick").path)
        assert second.attempts == 2  # C-002's morning and C-001's afternoon
        old_id = require_kiosk(trusting).kiosk_id
        # Then the PC is lost. The backup comes back on a new one.
        restored = restore_kiosk(new_pc, made.folder, PASSPHRASE)
        assert restored.old_kiosk_id == old_id
        assert restored.kiosk_id.startswith(f"{old_id}.R") and len(restored.kiosk_id) == len(old_id) + 6
        assert (restored.waiting, restored.bundles_forgotten) == (1, 1)  # C-002's morning; bundle 1
        # The new PC runs its own afternoon sitting: its attempt id cannot be one the lost PC used.
        new_pc_attempt = _sit_afternoon(new_pc, "C-002", codes["C-002"], clock)
        assert new_pc_attempt != lost_pc_attempt and restored.kiosk_id in new_pc_attempt
        stick = tmp_path / "stick-2"
        stick.mkdir()
        bundle = export_results(new_pc, stick)
        assert bundle.bundle_id == f"{restored.kiosk_id}-000001" and bundle.sequence == 1
        third = import_file(registry, bundle.path)
        # The registry checks the restored kiosk with the enrolled key and takes C-002's morning once.
        assert (third.outcome, third.attempts, third.flagged) == (Outcome.IMPORTED, 1, ())
        with registry.database.session() as session:
            held = session.execute(text("SELECT attempt_id, centre FROM attempts")).all()
            quarantined = session.execute(text("SELECT count(*) FROM quarantine")).scalar_one()
        assert sorted(attempt for attempt, _ in held) == sorted(
            [morning_1, morning_2, lost_pc_attempt, new_pc_attempt]
        )
        assert {centre for _, centre in held} == {require_kiosk(trusting).centre_name}
        assert quarantined == 0
        # Its receipt is for the restored kiosk, which marks its attempts delivered.
        assert third.receipt is not None
        applied = import_receipt(new_pc, third.receipt)
        assert sorted(applied.marked) == sorted([morning_2, new_pc_attempt])
    finally:
        registry.close()


def test_the_backup_seals_the_identity_and_is_private(
    trusting: KioskContext, sit: Sit, tmp_path: Path
) -> None:
    sit("C-001")
    made = backup_kiosk(trusting, tmp_path, PASSPHRASE)
    [key] = (made.folder / IDENTITY_DIR).glob("*.key")
    with pytest.raises(SecurityError):
        load_identity(key)  # no passphrase, no key
    assert load_identity(key, PASSPHRASE).key_id
    assert stat.S_IMODE(made.folder.stat().st_mode) == PRIVATE_FOLDER
    files = [path for path in made.folder.rglob("*") if path.is_file()]
    assert {stat.S_IMODE(path.stat().st_mode) for path in files} == {PRIVATE}
    assert (made.trusted_keys, made.packages) == (2, 1)  # the awarding body's and registry's keys; one bank


def test_a_short_passphrase_or_missing_folder_writes_nothing(trusting: KioskContext, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^recovery\.passphrase_short minimum=12$"):
        backup_kiosk(trusting, tmp_path, b"short")
    with pytest.raises(InputError, match=r"^recovery\.folder_missing\b"):
        backup_kiosk(trusting, tmp_path / "none", PASSPHRASE)
    assert list(tmp_path.glob("kiosk-backup-*")) == []


def test_a_wrong_passphrase_or_a_set_up_pc_restores_nothing(
    trusting: KioskContext, new_pc: KioskContext, tmp_path: Path
) -> None:
    made = backup_kiosk(trusting, tmp_path, PASSPHRASE)
    with pytest.raises(SecurityError):
        restore_kiosk(new_pc, made.folder, b"not the passphrase at all")
    with new_pc.store.session() as session:
        assert list_bundles(session) == []
    assert list(new_pc.keys_dir.iterdir()) == []
    with pytest.raises(RuleError, match=r"^recovery\.already_a_kiosk\b"):
        restore_kiosk(trusting, made.folder, PASSPHRASE)
    with pytest.raises(InputError, match=r"^recovery\.not_a_backup\b"):
        restore_kiosk(new_pc, tmp_path, PASSPHRASE)
