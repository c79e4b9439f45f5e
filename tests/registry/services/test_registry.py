"""The registry: its folder and key, kiosk enrolment, and every rule of importing result bundles."""

from __future__ import annotations

import random
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.cli.hints import with_hint
from kiosk.domain.errors import FileWriteError, InputError, Notice, SecurityError, StoreError
from kiosk.formats.bundles import read_bundle_header, seal_bundle
from kiosk.formats.keys import KeyKind, generate_identity, load_public
from kiosk.formats.receipts import read_receipt
from kiosk.messages import sentence
from kiosk.messages.catalogue import MESSAGES
from kiosk.registry.services import imports as registry_import
from kiosk.registry.services.imports import Outcome, import_bundles, import_file
from kiosk.registry.services.registry import (
    EnrolmentOutcome,
    enrol_kiosk,
    gap_notice,
    init_registry,
    list_kiosks,
    open_registry,
    sequence_gaps,
)
from kiosk.registry.storage.repo import count_rows
from kiosk.station.services.enrolment import write_enrolment
from kiosk.support.files import PRIVATE, SHARED
from tests.fixtures.registry import (  # noqa: F401 (fixtures)
    NOW,
    World,
    _now,
    attempt,
    database_url_fixture,
    incident,
    inner_fields,
    part_files,
    world_fixture,
)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def counts(world: World) -> dict[str, int]:
    with world.ctx.database.session() as session:
        return count_rows(session)


def rows(world: World, sql: str) -> list[tuple[object, ...]]:
    with world.ctx.database.session() as session:
        return [tuple(row) for row in session.execute(text(sql))]


# The registry folder --------------------------------------------------------------------------------------


def test_init_writes_a_registry_key_and_refuses_to_replace_it(tmp_path: Path) -> None:
    pub = init_registry(tmp_path / "reg")
    assert load_public(pub).kind is KeyKind.REGISTRY
    # The private key is its owner's alone; the public key is meant to be copied to every kiosk.
    assert mode_of(tmp_path / "reg" / "keys" / "registry.key") == PRIVATE
    assert mode_of(pub) == SHARED
    with pytest.raises(SecurityError) as refused:
        init_registry(tmp_path / "reg")
    assert refused.value.code == "registry.key_exists"
    assert refused.value.params == {"folder": tmp_path / "reg", "key": "registry.key"}


def test_init_on_a_full_disk_leaves_no_key_behind(tmp_path: Path, fill_disk: Callable[[], None]) -> None:
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        init_registry(tmp_path / "reg")
    assert full.value.code == "file.disk_full"
    assert full.value.params == {"path": tmp_path / "reg" / "keys" / "registry.key"}
    assert sentence(full.value).startswith(
        f"The disk is full, so {tmp_path / 'reg' / 'keys' / 'registry.key'} "
    )
    assert list((tmp_path / "reg" / "keys").iterdir()) == []
    # Nothing half-made passes for a registry.
    with pytest.raises(InputError) as refused:
        open_registry(tmp_path / "reg")
    assert refused.value.code == "registry.not_set_up"


def test_open_refuses_a_folder_where_its_subfolders_cannot_be_made(tmp_path: Path) -> None:
    init_registry(tmp_path / "reg")
    (tmp_path / "reg" / "receipts").write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(StoreError) as refused:
        open_registry(tmp_path / "reg")
    assert refused.value.code == "registry.folder_not_created"
    assert refused.value.params["folder"] == tmp_path / "reg" / "receipts" and refused.value.params["reason"]
    assert with_hint(refused.value).endswith("; give another with --registry-dir.")


def test_open_refuses_a_folder_without_a_key(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        open_registry(tmp_path)
    assert refused.value.code == "registry.not_set_up" and refused.value.params == {"folder": tmp_path}
    assert sentence(refused.value) == f"The folder {tmp_path} is not a registry yet (it has no keys/*.key)."
    assert "run 'kiosk registry init' first" in with_hint(refused.value)


def test_open_refuses_a_folder_with_a_kiosk_key(tmp_path: Path) -> None:
    from kiosk.formats.keys import write_identity

    write_identity(generate_identity(KeyKind.KIOSK, "k9"), tmp_path / "keys")
    with pytest.raises(SecurityError) as refused:
        open_registry(tmp_path)
    assert refused.value.code == "registry.key_not_registry"
    assert refused.value.params == {"path": tmp_path / "keys" / "k9.key", "kind": "kiosk"}
    assert sentence(refused.value).endswith("holds a kiosk key, not a registry key.")


def test_open_uses_registry_db_in_the_folder_by_default(tmp_path: Path) -> None:
    init_registry(tmp_path)
    ctx = open_registry(tmp_path)
    ctx.close()
    assert (tmp_path / "registry.db").is_file()
    assert (tmp_path / "receipts").is_dir() and (tmp_path / "quarantine").is_dir()


# Enrolment ------------------------------------------------------------------------------------------------


def test_enrolling_a_kiosk_then_again_then_with_another_key(world: World) -> None:
    identity = generate_identity(KeyKind.KIOSK, "K7")
    path = write_enrolment(identity, "K7", "Lab PC 7", "Kitwe Campus", world.root / "k7.1xenrol", _now())
    assert enrol_kiosk(world.ctx, path).outcome is EnrolmentOutcome.ENROLLED
    assert enrol_kiosk(world.ctx, path).outcome is EnrolmentOutcome.ALREADY
    other = write_enrolment(
        generate_identity(KeyKind.KIOSK, "K7"), "K7", "Lab PC 7", "Kitwe", world.root / "k7b.1xenrol", _now()
    )
    with pytest.raises(SecurityError) as refused:
        enrol_kiosk(world.ctx, other)
    assert refused.value.code == "registry.kiosk_key_differs"
    assert refused.value.params["kiosk"] == "K7" and refused.value.params["held_key"] == identity.key_id
    assert sentence(refused.value).startswith(f"Kiosk K7 is already enrolled with key {identity.key_id}, ")
    assert with_hint(refused.value).endswith("; enrol it again with --replace.")
    assert enrol_kiosk(world.ctx, other, replace=True).outcome is EnrolmentOutcome.REPLACED
    [kiosk] = list_kiosks(world.ctx)
    assert kiosk.centre == "Kitwe" and kiosk.key_id != identity.key_id
    assert rows(world, "SELECT key_id FROM retired_kiosk_keys") == [(identity.key_id,)]


# Importing: the happy path, duplicates and conflicts --------------------------------------------------------


def test_a_bundle_is_imported_whole_with_a_receipt(world: World) -> None:
    kiosk = world.kiosk()
    path = world.bundle(
        kiosk, [attempt("A-K1-1", "C001"), attempt("A-K1-2", "C002")], [incident(1, "A-K1-1"), incident(2)]
    )
    outcome = import_file(world.ctx, path)
    assert (outcome.outcome, outcome.attempts, outcome.bundle_id) == (Outcome.IMPORTED, 2, "K1-000001")
    assert outcome.problem is None
    found = counts(world)
    assert found["attempts"] == 2 and found["responses"] == 6 and found["competence_scores"] == 2
    assert found["incidents"] == 2 and found["bundles"] == 1 and found["quarantine"] == 0
    assert rows(world, "SELECT candidate_number, centre, percent, passed FROM attempts ORDER BY 1") == [
        ("C001", "Kitwe Campus", 66.67, True),
        ("C002", "Kitwe Campus", 66.67, True),
    ]
    assert rows(
        world, "SELECT item_id, score, max_score, response_json FROM responses ORDER BY 1 LIMIT 1"
    ) == [("T-001", 1.0, 1.0, '"A"')]
    assert outcome.receipt is not None
    receipt = read_receipt(outcome.receipt, world.ctx.identity.public)
    assert receipt.attempt_ids == ("A-K1-1", "A-K1-2") and receipt.bundle_id == "K1-000001"
    # The receipt names which candidates' attempts the registry holds: its owner's alone.
    assert mode_of(outcome.receipt) == PRIVATE


def test_a_full_disk_stops_the_receipt_whole_and_the_next_import_writes_it(
    world: World, fill_disk: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk = world.kiosk()
    path = world.bundle(kiosk, [attempt("A-K1-1")])
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        import_bundles(world.ctx, [path])
    assert full.value.code == "file.disk_full"
    assert full.value.params == {"path": world.ctx.receipts_dir / "K1-000001.1xreceipt"}
    assert list(world.ctx.receipts_dir.iterdir()) == []
    monkeypatch.undo()
    # The bundle itself was stored whole; importing it again is a duplicate that writes the receipt.
    again = import_file(world.ctx, path)
    assert again.outcome is Outcome.DUPLICATE and again.receipt is not None
    assert read_receipt(again.receipt, world.ctx.identity.public).attempt_ids == ("A-K1-1",)
    assert part_files(world.ctx.receipts_dir) == []


def test_the_same_bytes_again_are_a_duplicate_and_change_nothing(world: World) -> None:
    kiosk = world.kiosk()
    path = world.bundle(kiosk, [attempt("A-K1-1")])
    import_file(world.ctx, path)
    before = counts(world)
    again = import_file(world.ctx, path)
    assert again.outcome is Outcome.DUPLICATE
    assert again.problem == Notice("registry_import.duplicate", bundle_id="K1-000001")
    assert "already imported with exactly these bytes" in sentence(again.problem)
    assert counts(world) == before
    assert again.receipt is not None and read_receipt(
        again.receipt, world.ctx.identity.public
    ).attempt_ids == ("A-K1-1",)


def test_the_same_bundle_id_with_other_bytes_is_a_quarantined_conflict(world: World) -> None:
    kiosk = world.kiosk()
    first = world.bundle(kiosk, [attempt("A-K1-1")])
    import_file(world.ctx, first)
    before = counts(world)
    kiosk.last_digest = ""
    second = world.bundle(kiosk, [attempt("A-K1-1"), attempt("A-K1-2")], sequence=1, name="again.1xresult")
    outcome = import_file(world.ctx, second)
    assert outcome.outcome is Outcome.CONFLICT
    assert outcome.problem == Notice("registry_import.same_id_other_bytes", bundle_id="K1-000001")
    assert "A different bundle with id K1-000001 was already imported" in sentence(outcome.problem)
    after = counts(world)
    assert after["attempts"] == before["attempts"] and after["quarantine"] == 1
    [copy] = list(world.ctx.quarantine_dir.iterdir())
    assert copy.read_bytes() == second.read_bytes() and second.exists()


def test_a_reused_sequence_number_under_another_bundle_id_is_a_conflict(world: World) -> None:
    kiosk = world.kiosk()
    import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-1")]))
    path = world.bundle(kiosk, [attempt("A-K1-2")], sequence=1, bundle_id="K1-other", name="other.1xresult")
    outcome = import_file(world.ctx, path)
    assert outcome.outcome is Outcome.CONFLICT
    assert outcome.problem is not None and outcome.problem.code == "registry_import.sequence_taken"
    assert "Kiosk K1 already sent K1-000001 as its bundle 1" in sentence(outcome.problem)
    assert counts(world)["attempts"] == 1


def test_attempts_are_deduplicated_across_bundles(world: World) -> None:
    kiosk = world.kiosk()
    import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-1"), attempt("A-K1-2", "C002")]))
    second = import_file(
        world.ctx, world.bundle(kiosk, [attempt("A-K1-2", "C002"), attempt("A-K1-3", "C003")])
    )
    assert (second.outcome, second.attempts) == (Outcome.IMPORTED, 1)
    assert counts(world)["attempts"] == 3 and counts(world)["responses"] == 9
    assert second.receipt is not None
    assert read_receipt(second.receipt, world.ctx.identity.public).attempt_ids == ("A-K1-2", "A-K1-3")
    assert rows(world, "SELECT bundle_id FROM attempts WHERE attempt_id = 'A-K1-2'") == [("K1-000001",)]


def test_a_resent_attempt_with_other_contents_is_recorded_as_a_conflict(world: World) -> None:
    kiosk = world.kiosk()
    import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-1")]))
    # Another answer to an item the candidate got wrong anyway: the record differs, its numbers still agree.
    changed = attempt("A-K1-1")
    changed["responses"][1]["response"] = "B"
    outcome = import_file(world.ctx, world.bundle(kiosk, [changed, attempt("A-K1-2", "C002")]))
    assert outcome.outcome is Outcome.CONFLICT and outcome.attempts == 1
    assert outcome.problem is not None and outcome.problem.code == "registry_import.attempts_differ"
    assert outcome.problem.params["attempts"] == "A-K1-1" and outcome.problem.params["fresh"] == 1
    assert "re-sends attempts held here with other contents (A-K1-1)" in sentence(outcome.problem)
    assert rows(world, "SELECT attempt_id, held_bundle_id, bundle_id FROM attempt_conflicts") == [
        ("A-K1-1", "K1-000001", "K1-000002")
    ]
    assert rows(world, "SELECT earned FROM attempts WHERE attempt_id = 'A-K1-1'") == [(2.0,)]
    assert counts(world)["quarantine"] == 1
    assert outcome.receipt is not None
    assert read_receipt(outcome.receipt, world.ctx.identity.public).attempt_ids == ("A-K1-2",)


def test_audit_trail_changes_alone_do_not_make_a_conflict(world: World) -> None:
    kiosk = world.kiosk()
    import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-1")]))
    later = attempt("A-K1-1")
    later["events"].append({"kind": "receipt_printed", "detail": {}, "at": NOW})
    outcome = import_file(world.ctx, world.bundle(kiosk, [later], [incident(5, "A-K1-1")]))
    assert (outcome.outcome, outcome.attempts) == (Outcome.IMPORTED, 0)
    assert counts(world)["incidents"] == 1


def test_incidents_resent_in_a_later_bundle_are_kept_once(world: World) -> None:
    kiosk = world.kiosk()
    import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-1")], [incident(1), incident(2, "A-K1-1")]))
    import_file(
        world.ctx, world.bundle(kiosk, [attempt("A-K1-2", "C2")], [incident(2, "A-K1-1"), incident(3)])
    )
    assert rows(world, "SELECT incident_number, bundle_id FROM incidents ORDER BY 1") == [
        (1, "K1-000001"),
        (2, "K1-000001"),
        (3, "K1-000002"),
    ]


# Gaps and the chain of bundles ---------------------------------------------------------------------------


def test_gaps_in_a_kiosks_sequence_are_reported(world: World) -> None:
    kiosk = world.kiosk()
    first = world.bundle(kiosk, [attempt("A-K1-1")])
    world.bundle(kiosk, [attempt("A-K1-2", "C2")])
    third = world.bundle(kiosk, [attempt("A-K1-3", "C3")])
    fifth = world.bundle(kiosk, [attempt("A-K1-5", "C5")], sequence=5)
    report = import_bundles(world.ctx, [first, third, fifth])
    assert report.gaps == {"K1": [2, 4]}
    assert report.gap_notices == [gap_notice("K1", [2, 4])]
    assert "Kiosk K1: bundle numbers not yet arrived: 2, 4." in sentence(report.gap_notices[0])
    assert not report.failed


def test_a_bundle_that_does_not_follow_the_previous_one_gets_a_note(world: World) -> None:
    kiosk = world.kiosk()
    import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-1")]))
    kiosk.last_digest = "0" * 64
    outcome = import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-2", "C2")]))
    assert outcome.outcome is Outcome.IMPORTED
    # The registry holds no bank here, so each bundle also says its attempts wait to be rescored.
    assert [note.code for note in outcome.notes] == [
        "registry_import.chain_broken",
        "registry_import.not_rescored",
    ]
    assert "does not follow bundle K1-000001 held here" in sentence(outcome.notes[0])
    follows = import_file(world.ctx, world.bundle(kiosk, [attempt("A-K1-3", "C3")]))
    assert [note.code for note in follows.notes] == ["registry_import.not_rescored"]


def test_sequence_gaps_for_all_kiosks(world: World) -> None:
    one, two = world.kiosk("K1"), world.kiosk("K2")
    import_file(world.ctx, world.bundle(one, [attempt("A-K1-1")], sequence=2))
    import_file(world.ctx, world.bundle(two, [attempt("A-K2-1", "C9")]))
    assert sequence_gaps(world.ctx) == {"K1": [1]}
    assert gap_notice("K1", [1]).params == {"kiosk_id": "K1", "numbers": "1", "count": 1}
    many = gap_notice("K1", list(range(1, 13)))
    assert many.params["numbers"] == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ..." and many.params["count"] == 12


# Refusals -------------------------------------------------------------------------------------------------


def assert_refused(world: World, path: Path, code: str, **params: object) -> None:
    before = counts(world)
    outcome = import_file(world.ctx, path)
    assert outcome.outcome is Outcome.REFUSED, outcome
    assert outcome.problem is not None and outcome.problem.code == code, outcome
    assert {name: outcome.problem.params.get(name) for name in params} == params
    after = counts(world)
    assert after["quarantine"] == before["quarantine"] + 1
    assert {key: value for key, value in after.items() if key != "quarantine"} == {
        key: value for key, value in before.items() if key != "quarantine"
    }
    assert path.exists()
    stored = rows(world, "SELECT stored_path, outcome, reason FROM quarantine ORDER BY id DESC LIMIT 1")[0]
    assert Path(str(stored[0])).read_bytes() == path.read_bytes()
    assert mode_of(Path(str(stored[0]))) == PRIVATE
    assert stored[1:] == ("refused", str(outcome.problem))


def test_a_bundle_from_an_unknown_kiosk_is_refused(world: World) -> None:
    stranger = world.kiosk("K9", enrol=False)
    path = world.bundle(stranger, [attempt("A-K9-1")])
    assert_refused(world, path, "bundle.kiosk_not_enrolled", kiosk_id="K9")


def test_a_bundle_for_another_registry_is_refused(world: World) -> None:
    kiosk = world.kiosk()
    other = generate_identity(KeyKind.REGISTRY, "elsewhere")
    path = world.root / "elsewhere.1xresult"
    path.write_bytes(
        seal_bundle(inner_fields(kiosk, 1, [attempt("A-K1-1")], []), kiosk.identity, other.public)
    )
    assert_refused(
        world, path, "bundle.wrong_registry", addressed=other.key_id, ours=world.ctx.identity.key_id
    )


def test_a_bundle_signed_by_another_key_is_refused(world: World) -> None:
    kiosk = world.kiosk()
    kiosk.identity = generate_identity(KeyKind.KIOSK, "K1")
    path = world.bundle(kiosk, [attempt("A-K1-1")])
    assert_refused(
        world,
        path,
        "bundle.kiosk_key_changed",
        kiosk_id="K1",
        enrolled_key=world.ctx.kiosk_keys()["K1"].key_id,
    )


def test_a_bundle_with_a_bad_signature_is_refused(world: World) -> None:
    from kiosk.formats.bundles import _seal
    from kiosk.formats.records import canonical_json

    kiosk = world.kiosk()
    inner = inner_fields(kiosk, 1, [attempt("A-K1-1")], [])
    signed = canonical_json(
        {**inner, "recipient": world.ctx.identity.key_id, "kiosk_key_id": kiosk.identity.key_id}
    )
    outer = {"bundle_id": inner["bundle_id"], "kiosk_id": "K1", "sequence": 1}
    path = world.root / "badsig.1xresult"
    path.write_bytes(_seal(outer, signed, bytes(64), world.ctx.identity.public))
    assert_refused(world, path, "bundle.signature_mismatch", bundle_id="K1-000001")


def test_signed_contents_that_are_malformed_are_refused(world: World) -> None:
    kiosk = world.kiosk()
    broken = attempt("A-K1-1")
    broken["result"]["percent"] = "high"
    path = world.bundle(kiosk, [attempt("A-K1-0", "C0"), broken])
    assert_refused(world, path, "bundle_content.not_number", bundle_id="K1-000001")


def test_an_attempt_that_is_not_finished_is_refused(world: World) -> None:
    kiosk = world.kiosk()
    running = attempt("A-K1-1")
    running["state"] = "running"
    assert_refused(
        world, world.bundle(kiosk, [running]), "bundle_content.state_unknown", bundle_id="K1-000001"
    )


def test_a_file_that_is_not_a_bundle_is_refused(world: World) -> None:
    path = world.root / "notes.1xresult"
    path.write_text("shopping list", encoding="utf-8")
    assert_refused(world, path, "bundle.not_a_bundle")


def test_a_full_disk_keeps_no_part_of_a_quarantine_copy_and_records_nothing(
    world: World, fill_disk: Callable[[], None]
) -> None:
    path = world.root / "junk.1xresult"
    path.write_bytes(b"not a result bundle at all")
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        import_bundles(world.ctx, [path])
    assert full.value.code == "file.disk_full"
    stored = full.value.params["path"]
    assert isinstance(stored, Path) and stored.parent == world.ctx.quarantine_dir
    assert list(world.ctx.quarantine_dir.iterdir()) == []
    assert counts(world)["quarantine"] == 0
    assert path.read_bytes() == b"not a result bundle at all"


def test_a_missing_file_is_refused_without_a_copy(world: World) -> None:
    outcome = import_file(world.ctx, world.root / "absent.1xresult")
    assert outcome.outcome is Outcome.REFUSED and outcome.problem is not None
    assert outcome.problem.code == "registry_import.file_unreadable"
    assert "could not be read" in sentence(outcome.problem)
    assert counts(world)["quarantine"] == 0


def region_offsets(data: bytes) -> dict[str, list[int]]:
    """Byte positions inside each region of a bundle: magic, format, lengths, header, key, ciphertext."""
    header_length = int.from_bytes(data[8:12], "big")
    sealed = 12 + header_length
    return {
        "magic": [0, 3, 6],
        "format": [7],
        "header length": [8, 11],
        "header": [12, 12 + header_length // 2, sealed - 1],
        "encapsulated key": [sealed, sealed + 16, sealed + 31],
        "ciphertext": [sealed + 32, (sealed + len(data)) // 2, len(data) - 17, len(data) - 1],
    }


def test_tampering_with_any_region_or_truncating_refuses_the_whole_bundle(world: World) -> None:
    kiosk = world.kiosk()
    original = world.bundle(kiosk, [attempt("A-K1-1"), attempt("A-K1-2", "C2")]).read_bytes()
    header = read_bundle_header(original)
    assert header.bundle_id == "K1-000001"
    cases: list[tuple[str, bytes]] = []
    for region, offsets in region_offsets(original).items():
        for offset in offsets:
            altered = bytearray(original)
            altered[offset] ^= 0x01
            cases.append((f"{region}@{offset}", bytes(altered)))
    for length in (0, 5, 10, 40, len(original) // 2, len(original) - 1):
        cases.append((f"truncated to {length}", original[:length]))
    for name, data in cases:
        path = world.root / "tampered" / f"{name.replace(' ', '_')}.1xresult"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        outcome = import_file(world.ctx, path)
        assert outcome.outcome is Outcome.REFUSED, name
        assert outcome.problem is not None and outcome.problem.code in MESSAGES, name
        said = sentence(outcome.problem)
        assert said.endswith(".") and "\n" not in said, name
    found = counts(world)
    assert (found["attempts"], found["bundles"], found["responses"]) == (0, 0, 0)
    assert found["quarantine"] == len(cases)
    # The untouched bundle still imports afterwards: nothing was half-stored.
    clean = world.root / "clean.1xresult"
    clean.write_bytes(original)
    assert import_file(world.ctx, clean).outcome is Outcome.IMPORTED


def test_a_failure_half_way_through_a_bundle_stores_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk = world.kiosk()
    path = world.bundle(kiosk, [attempt("A-K1-1"), attempt("A-K1-2", "C2")], [incident(1)])

    def broken(*_args: object) -> None:
        raise StoreError("registry_db.refused", database=world.url, detail="disk full")

    monkeypatch.setattr(registry_import, "insert_competence_scores", broken)
    with pytest.raises(StoreError) as refused:
        import_file(world.ctx, path)
    assert refused.value.code == "registry_db.refused" and refused.value.params["detail"] == "disk full"
    assert all(value == 0 for key, value in counts(world).items() if key != "kiosks")
    monkeypatch.undo()
    assert import_file(world.ctx, path).attempts == 2


# Many files and concurrent importers ----------------------------------------------------------------------


def test_import_bundles_reads_folders_and_reports_progress(world: World) -> None:
    kiosk = world.kiosk()
    for number in range(1, 4):
        world.bundle(kiosk, [attempt(f"A-K1-{number}", f"C{number}")])
    seen: list[tuple[int, int]] = []
    report = import_bundles(
        world.ctx, [world.root / "out"], lambda done, total, _path: seen.append((done, total))
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert report.count(Outcome.IMPORTED) == 3 and not report.failed
    again = import_bundles(world.ctx, [world.root / "out"])
    assert again.count(Outcome.DUPLICATE) == 3 and not again.failed


def test_an_empty_folder_is_reported(world: World) -> None:
    (world.root / "empty").mkdir()
    with pytest.raises(InputError) as refused:
        import_bundles(world.ctx, [world.root / "empty"])
    assert refused.value.code == "registry_import.no_bundles"
    assert refused.value.params == {"folder": world.root / "empty", "suffix": ".1xresult"}
    assert (
        sentence(refused.value)
        == f"The folder {world.root / 'empty'} holds no result bundles (*.1xresult files)."
    )


def test_a_refused_file_makes_the_report_fail(world: World) -> None:
    bad = world.root / "bad.1xresult"
    bad.write_bytes(b"1XRSLT\x00")
    report = import_bundles(world.ctx, [bad])
    assert report.failed and report.count(Outcome.REFUSED) == 1


def test_two_importers_at_once_lose_nothing_and_duplicate_nothing(world: World) -> None:
    kiosks = [world.kiosk(f"K{number}") for number in range(1, 4)]
    files: list[Path] = []
    shuffler = random.Random(5)
    for kiosk in kiosks:
        for sequence in range(1, 6):
            # Each bundle re-sends the two before it too, in a shuffled order, with a shared incident:
            # overlap inside and across files, and rows met in different orders by the two importers.
            numbers = [number for number in (sequence, sequence - 1, sequence - 2) if number > 0]
            shuffler.shuffle(numbers)
            sent = [attempt(f"A-{kiosk.kiosk_id}-{n}", f"{kiosk.kiosk_id}-{n}", items=20) for n in numbers]
            files.append(world.bundle(kiosk, sent, [incident(1), incident(sequence + 1)]))
    second = open_registry(world.root / "registry", world.url, now=_now)
    contexts = [world.ctx, second]
    orders = [files, list(reversed(files))]
    results: list[list[Outcome]] = [[], []]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = [import_file(contexts[index], path).outcome for path in orders[index]]
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.close()
    assert errors == []
    outcomes = results[0] + results[1]
    assert outcomes.count(Outcome.IMPORTED) == len(files)
    assert outcomes.count(Outcome.DUPLICATE) == len(files)
    found = counts(world)
    assert (found["bundles"], found["attempts"], found["responses"], found["incidents"]) == (15, 15, 300, 18)
    assert (found["attempt_conflicts"], found["quarantine"]) == (0, 0)
