"""Exporting result bundles from a kiosk: what goes in, numbering and chaining, writing and reading back."""

from __future__ import annotations

import json
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.domain.errors import FileWriteError, InputError, RuleError, SecurityError, StoreError
from kiosk.formats.bundles import bundle_digest, open_bundle, read_bundle_header
from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity, load_public, write_identity
from kiosk.messages import sentence
from kiosk.registry.services.imports import Outcome, import_file
from kiosk.registry.services.registry import enrol_kiosk, open_registry
from kiosk.station.services import export
from kiosk.station.services.bank_install import trust_key
from kiosk.station.services.context import STORE_FILE, KioskContext
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.exam import login
from kiosk.station.services.export import export_results, registry_public_key
from kiosk.station.services.integrity import verify_journals
from kiosk.station.services.kiosk_setup import require_kiosk
from kiosk.station.services.receipts import import_receipt
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.outbox import list_bundles
from kiosk.station.storage.repositories import attempts
from kiosk.support.files import PRIVATE
from tests.fixtures.kiosk import PIN, WRONG
from tests.fixtures.registry import (  # noqa: F401 (fixtures)
    Sit,
    registry_dir_fixture,
    sit_fixture,
    trusting_fixture,
    usb_fixture,
)
from tests.fixtures.station import part_files


def registry_identity(registry_dir: Path) -> PrivateIdentity:
    from kiosk.formats.keys import load_identity

    return load_identity(registry_dir / "keys" / "registry.key")


def opened(path: Path, registry_dir: Path, kiosk: KioskContext) -> dict[str, object]:
    info = require_kiosk(kiosk)
    key_file = next(kiosk.keys_dir.glob("*.pub"))
    return open_bundle(
        path.read_bytes(), registry_identity(registry_dir), {info.kiosk_id: load_public(key_file)}
    )


def test_export_needs_a_set_up_kiosk(ctx: KioskContext, usb: Path) -> None:
    with pytest.raises(RuleError, match=r"^kiosk\.not_set_up$"):
        export_results(ctx, usb)


def test_export_needs_the_registry_key(kiosk: KioskContext, usb: Path) -> None:
    with pytest.raises(InputError, match=r"^export\.no_registry_key\b") as caught:
        export_results(kiosk, usb)
    assert caught.value.params == {"path": kiosk.trust_dir / "registry.pub"}


def test_a_registry_key_trusted_under_any_name_is_used(kiosk: KioskContext, registry_dir: Path) -> None:
    trust_key(kiosk, registry_dir / "keys" / "registry.pub")
    assert registry_public_key(kiosk).key_id == registry_identity(registry_dir).key_id
    other = generate_identity(KeyKind.REGISTRY, "second")
    (kiosk.trust_dir / "second.pub").write_text(other.public.to_text(), encoding="ascii")
    with pytest.raises(InputError, match=r"^export\.several_registry_keys\b"):
        registry_public_key(kiosk)


def test_the_registry_key_must_be_a_registry_key(kiosk: KioskContext, tmp_path: Path) -> None:
    _, public = write_identity(generate_identity(KeyKind.AWARDING, "body"), tmp_path / "keys")
    with pytest.raises(SecurityError, match=r"^export\.key_not_registry\b") as caught:
        registry_public_key(kiosk, public)
    assert caught.value.params == {"path": public, "kind": "awarding"}


def test_export_needs_an_existing_folder(trusting: KioskContext, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^export\.folder_missing\b") as caught:
        export_results(trusting, tmp_path / "nowhere")
    assert caught.value.params == {"folder": tmp_path / "nowhere"}


def test_nothing_finished_means_nothing_written(trusting: KioskContext, usb: Path, sit: Sit) -> None:
    sit("C-001", submit=False)
    with pytest.raises(RuleError, match=r"^export\.nothing_to_export$"):
        export_results(trusting, usb)
    assert list(usb.iterdir()) == []
    with trusting.store.session() as session:
        assert list_bundles(session) == []


def test_a_bundle_carries_every_finished_attempt_whole(
    trusting: KioskContext,
    usb: Path,
    sit: Sit,
    registry_dir: Path,
    sitting: OpenSitting,
    codes: dict[str, str],
) -> None:
    first = sit("C-001")
    second = sit("C-002", WRONG)
    result = export_results(trusting, usb)
    info = require_kiosk(trusting)
    assert result.path == usb / f"{info.kiosk_id}-000001.1xresult"
    assert (result.sequence, result.attempt_count, result.bundle_id) == (1, 2, f"{info.kiosk_id}-000001")
    assert result.digest == bundle_digest(result.path.read_bytes())
    inner = opened(result.path, registry_dir, trusting)
    assert (inner["sequence"], inner["previous_hash"], inner["centre"]) == (1, "", "CZVTC Lusaka")
    carried = {item["attempt_id"]: item for item in inner["attempts"]}  # type: ignore[union-attr]
    assert set(carried) == {first, second}
    good = carried[first]
    assert good["candidate"]["number"] == "C-001" and good["state"] == "submitted"
    assert good["result"]["passed"] is True and good["result"]["percent"] == 100.0
    assert [line["item_id"] for line in good["responses"]] == [
        item["item_id"] for item in good["form"]["items"]
    ]
    assert all(line["score"] > 0 for line in good["responses"])
    assert good["journal"]["length"] == 9 and len(good["journal"]["head"]) == 64
    with trusting.store.session() as session:
        stored = attempts.journal(session, first)
    entries = good["journal"]["entries"]
    assert [(e["sequence"], e["item_id"], e["hash"]) for e in entries] == [
        (entry.sequence, entry.item_id, entry.hash) for entry in stored
    ]
    assert (
        entries[-1]["hash"] == good["journal"]["head"]
        and entries[0]["previous_hash"] == stored[0].previous_hash
    )
    kinds = [event["kind"] for event in good["events"]]
    assert "started" in kinds and kinds[-1] == "submitted"
    assert good["checkpoints"][0]["reason"] == "start"
    assert carried[second]["result"]["passed"] is False


def test_a_running_attempt_stays_behind(
    trusting: KioskContext, usb: Path, sit: Sit, registry_dir: Path
) -> None:
    done = sit("C-001")
    sit("C-002", submit=False)
    result = export_results(trusting, usb)
    inner = opened(result.path, registry_dir, trusting)
    assert [item["attempt_id"] for item in inner["attempts"]] == [done]  # type: ignore[union-attr]


def test_incidents_travel_with_their_attempts(
    trusting: KioskContext, usb: Path, sitting: OpenSitting, codes: dict[str, str], registry_dir: Path
) -> None:
    session = login(trusting, sitting, "C-001", codes["C-001"])
    session.start()
    number = session.record_incident(PIN, "technical", "Mouse replaced.")
    session.submit()
    inner = opened(export_results(trusting, usb).path, registry_dir, trusting)
    [incident] = inner["incidents"]  # type: ignore[misc]
    assert (incident["number"], incident["attempt_id"], incident["category"]) == (
        number,
        session.attempt_id,
        "technical",
    )


def test_exporting_again_chains_the_next_bundle_and_changes_no_attempt(
    trusting: KioskContext, usb: Path, sit: Sit, registry_dir: Path
) -> None:
    attempt_id = sit("C-001")
    with trusting.store.session() as session:
        before = attempts.get_attempt(session, attempt_id)
    first = export_results(trusting, usb)
    second = export_results(trusting, usb)
    with trusting.store.session() as session:
        assert attempts.get_attempt(session, attempt_id) == before
    assert second.sequence == 2 and second.path.name.endswith("-000002.1xresult")
    inner = opened(second.path, registry_dir, trusting)
    assert inner["previous_hash"] == first.digest
    assert [item["attempt_id"] for item in inner["attempts"]] == [attempt_id]  # type: ignore[union-attr]
    assert first.path.read_bytes() != second.path.read_bytes()


def test_the_whole_round_trip_with_a_receipt(
    trusting: KioskContext, usb: Path, sit: Sit, registry_dir: Path, tmp_path: Path
) -> None:
    first = sit("C-001")
    path, _ = enrol(trusting, tmp_path)
    registry = open_registry(registry_dir)
    try:
        enrol_kiosk(registry, path)
        bundle = export_results(trusting, usb)
        again = export_results(trusting, usb)
        imported = import_file(registry, bundle.path)
        assert (imported.outcome, imported.attempts) == (Outcome.IMPORTED, 1)
        resent = import_file(registry, again.path)
        assert (resent.outcome, resent.attempts, resent.notes) == (Outcome.IMPORTED, 0, ())
        assert imported.receipt is not None
        receipt = import_receipt(trusting, imported.receipt)
        assert receipt.marked == (first,) and receipt.not_acknowledged == ()
        with pytest.raises(RuleError, match=r"^export\.nothing_to_export$"):
            export_results(trusting, usb)
        second = sit("C-002")
        third = export_results(trusting, usb)
        assert third.sequence == 3
        inner = opened(third.path, registry_dir, trusting)
        assert [item["attempt_id"] for item in inner["attempts"]] == [second]  # type: ignore[union-attr]
        assert import_file(registry, third.path).attempts == 1
    finally:
        registry.close()


# An export killed between recording its bundle and writing the file: a real SIGKILL in a child process.
_KILLED_EXPORT = """
import os, signal, sys
from datetime import UTC, datetime
from pathlib import Path
from kiosk.domain.clock import FakeClock
from kiosk.formats.secrets import HashCost
from kiosk.station.services import export
from kiosk.station.services.context import open_context

def killed(*_args):
    os.kill(os.getpid(), signal.SIGKILL)  # the bundle is recorded; its file is never written

export._write_and_read_back = killed
ctx = open_context(Path(sys.argv[1]), clock=FakeClock(wall_start=datetime.now(UTC)), hash_cost=HashCost.TEST)
export.export_results(ctx, Path(sys.argv[2]))
"""


def test_a_bundle_recorded_but_not_written_is_written_by_the_next_export(
    trusting: KioskContext, usb: Path, sit: Sit, registry_dir: Path, tmp_path: Path
) -> None:
    first = sit("C-001")
    path, _ = enrol(trusting, tmp_path)
    data_dir = trusting.data_dir
    trusting.store.close()
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, str(data_dir), str(usb)],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert list(usb.iterdir()) == []
    with trusting.store.session() as session:  # the store connects again
        [recorded] = list_bundles(session)
    assert (recorded.sequence, recorded.written_to) == (1, None)

    second = sit("C-002")
    result = export_results(trusting, usb)
    # Bundle 1 is written as it was recorded (the same bytes, so its digest), then bundle 2 chains to it.
    assert [p.name for p in result.rewritten] == [f"{recorded.bundle_id}.1xresult"]
    assert bundle_digest(result.rewritten[0].read_bytes()) == recorded.digest
    assert result.sequence == 2
    registry = open_registry(registry_dir)
    try:
        enrol_kiosk(registry, path)
        one = import_file(registry, result.rewritten[0])
        two = import_file(registry, result.path)
        assert (one.outcome, one.attempts, two.outcome) == (Outcome.IMPORTED, 1, Outcome.IMPORTED)
        assert two.attempts == 1 and not any("not arrived" in sentence(note) for note in two.notes)
        with registry.database.session() as session:
            held = session.execute(text("SELECT attempt_id FROM attempts")).scalars().all()
        assert sorted(held) == sorted([first, second])
    finally:
        registry.close()


def test_a_broken_journal_stops_the_export(trusting: KioskContext, usb: Path, sit: Sit) -> None:
    attempt_id = sit("C-001")
    connection = sqlite3.connect(trusting.store.path)
    with connection:
        connection.execute(
            "UPDATE responses SET response_json = '\"C\"' WHERE attempt_id = ? AND item_id = 'F-01'",
            (attempt_id,),
        )
    connection.close()
    with pytest.raises(StoreError, match=r"^export\.records_fail_check count=1$"):
        export_results(trusting, usb)
    (problem,) = verify_journals(trusting)
    assert f"item F-01 of attempt {attempt_id} does not match" in problem
    assert list(usb.iterdir()) == []


def test_a_bundle_is_readable_by_its_owner_only(trusting: KioskContext, usb: Path, sit: Sit) -> None:
    sit("C-001")
    result = export_results(trusting, usb)
    assert stat.S_IMODE(result.path.stat().st_mode) == PRIVATE


def test_a_full_disk_takes_the_bundle_number_back_and_leaves_nothing(
    trusting: KioskContext,
    usb: Path,
    sit: Sit,
    fill_disk: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempt_id = sit("C-001")
    with trusting.store.session() as session:
        before = attempts.get_attempt(session, attempt_id)
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        export_results(trusting, usb)
    assert caught.value.params["path"].parent == usb
    assert list(usb.iterdir()) == [] and part_files(usb) == []
    with trusting.store.session() as session:
        assert list_bundles(session) == []
        assert attempts.get_attempt(session, attempt_id) == before
    monkeypatch.undo()  # space freed: the next export reuses the number
    assert export_results(trusting, usb).sequence == 1


def test_a_bundle_that_reads_back_differently_is_removed(
    trusting: KioskContext, usb: Path, sit: Sit, monkeypatch: pytest.MonkeyPatch
) -> None:
    sit("C-001")
    monkeypatch.setattr(export, "_read_from_device", lambda path: path.read_bytes()[:-1] + b"\x00")
    with pytest.raises(StoreError, match=r"^export\.read_back_different\b"):
        export_results(trusting, usb)
    assert list(usb.iterdir()) == []
    monkeypatch.undo()
    result = export_results(trusting, usb)
    assert result.sequence == 1 and read_bundle_header(result.path.read_bytes()).sequence == 1


def test_an_existing_file_is_never_overwritten(trusting: KioskContext, usb: Path, sit: Sit) -> None:
    sit("C-001")
    kiosk_id = require_kiosk(trusting).kiosk_id
    stale = usb / f"{kiosk_id}-000001.1xresult"
    stale.write_bytes(b"older bundle")
    with pytest.raises(InputError, match=r"^export\.file_exists\b") as caught:
        export_results(trusting, usb)
    assert caught.value.params == {"file": stale.name, "folder": usb}
    assert stale.read_bytes() == b"older bundle"
    with trusting.store.session() as session:
        assert list_bundles(session) == []


def test_the_registry_key_can_be_given_explicitly(
    staffed: KioskContext, sitting: OpenSitting, usb: Path, registry_dir: Path, codes: dict[str, str]
) -> None:
    session = login(staffed, sitting, "C-001", codes["C-001"])
    session.start()
    session.submit()
    result = export_results(staffed, usb, registry_dir / "keys" / "registry.pub")
    assert (
        read_bundle_header(result.path.read_bytes()).recipient_key_id
        == registry_identity(registry_dir).key_id
    )


def test_answers_changed_in_the_kiosk_store_without_the_journal_stop_the_export(
    trusting: KioskContext, sit: Sit, usb: Path
) -> None:
    honest = sit("C-001")
    edited = sit("C-002", WRONG)
    # The adversary copies the honest candidate's answers and result onto the failed attempt, so the marks
    # and the answers agree and rescoring alone would find nothing; the journal was left as it was.
    with sqlite3.connect(trusting.data_dir / STORE_FILE) as store:
        answers = store.execute(
            "SELECT item_id, response_json FROM responses WHERE attempt_id = ?", (honest,)
        ).fetchall()
        for item_id, response_json in answers:
            store.execute(
                "UPDATE responses SET response_json = ? WHERE attempt_id = ? AND item_id = ?",
                (response_json, edited, item_id),
            )
        read = "SELECT result_json FROM attempts WHERE id = ?"
        result = json.loads(store.execute(read, (edited,)).fetchone()[0])
        full = json.loads(store.execute(read, (honest,)).fetchone()[0])
        for key in ("earned", "percent", "passed", "by_competence", "by_area", "item_scores", "failed_areas"):
            result[key] = full[key]
        store.execute("UPDATE attempts SET result_json = ? WHERE id = ?", (json.dumps(result), edited))
    # The kiosk checks its own journal before it signs anything: the edit is caught before any bundle exists.
    with pytest.raises(StoreError) as refused:
        export_results(trusting, usb)
    assert refused.value.code == "export.records_fail_check"
    assert list(usb.glob("*.1xresult")) == []
