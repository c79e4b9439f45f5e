"""Registry repositories: enrolment rows, claiming bundles, and inserts that skip what is already held."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from kiosk.registry.storage.repo import (
    RESPONSE_COLUMNS,
    EnrolledKiosk,
    add_kiosk,
    claim_bundle,
    count_rows,
    enrolled_kiosks,
    find_bundle,
    find_bundle_by_sequence,
    find_kiosk,
    finish_bundle,
    held_attempts,
    insert_attempts,
    insert_incidents,
    insert_responses,
    kiosk_sequences,
    replace_kiosk_key,
)
from kiosk.registry.storage.store import RegistryDatabase, open_registry_database
from kiosk.registry.storage.tables import ResultAttemptRow, ResultResponseRow
from tests.fixtures.registry import database_url_fixture  # noqa: F401 (fixture)

WHEN = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


@pytest.fixture
def database(database_url: str) -> Iterator[RegistryDatabase]:
    opened = open_registry_database(database_url)
    yield opened
    opened.close()


def kiosk(kiosk_id: str = "K1", key_id: str = "a" * 16, centre: str = "Kitwe") -> EnrolledKiosk:
    return EnrolledKiosk(kiosk_id, "Lab PC", centre, key_id, f"public {key_id}", WHEN)


def bundle(bundle_id: str, sequence: int, kiosk_id: str = "K1") -> dict[str, object]:
    return {
        "bundle_id": bundle_id,
        "kiosk_id": kiosk_id,
        "sequence": sequence,
        "digest": bundle_id.ljust(64, "0")[:64],
        "previous_hash": "",
        "created_at": WHEN,
        "received_at": WHEN,
        "source_name": f"{bundle_id}.1xresult",
        "outcome": "imported",
        "attempt_count": 0,
        "new_attempt_count": 0,
        "acknowledged_json": "[]",
    }


def attempt(attempt_id: str, bundle_id: str = "B1", digest: str = "d" * 64) -> dict[str, object]:
    return {
        "attempt_id": attempt_id,
        "kiosk_id": "K1",
        "bundle_id": bundle_id,
        "centre": "Kitwe",
        "candidate_number": "C1",
        "candidate_name": "Ann",
        "candidate_name_zh": None,
        "certificate": "maintenance",
        "grade": 1,
        "bank_id": "maintenance-1",
        "bank_version": 3,
        "sitting_id": "1",
        "sitting_name": "Morning",
        "sitting_date": "2025-03-14",
        "state": "submitted",
        "seed": 2**62,
        "started_at": WHEN,
        "finished_at": WHEN,
        "allowed_seconds": 1800.0,
        "consumed_seconds": 1500.0,
        "earned": 2.0,
        "possible": 3.0,
        "percent": 66.67,
        "passed": True,
        "submission_code": "X",
        "journal_head": "a" * 64,
        "journal_length": 3,
        "result_json": "{}",
        "form_json": "{}",
        "events_json": "[]",
        "checkpoints_json": "[]",
        "content_digest": digest,
        "imported_at": WHEN,
    }


def test_kiosks_are_added_once_and_listed_by_id(database: RegistryDatabase) -> None:
    with database.transaction() as session:
        assert add_kiosk(session, kiosk("K2"))
        assert add_kiosk(session, kiosk("K1"))
        assert not add_kiosk(session, kiosk("K1", key_id="b" * 16))
    with database.session() as session:
        assert [found.kiosk_id for found in enrolled_kiosks(session)] == ["K1", "K2"]
        assert find_kiosk(session, "K1") == kiosk("K1")
        assert find_kiosk(session, "K3") is None


def test_replacing_a_key_keeps_the_old_one(database: RegistryDatabase) -> None:
    with database.transaction() as session:
        add_kiosk(session, kiosk())
    with database.transaction() as session:
        replace_kiosk_key(session, kiosk(key_id="b" * 16, centre="Ndola"), WHEN)
    with database.session() as session:
        current = find_kiosk(session, "K1")
        assert current is not None and (current.key_id, current.centre) == ("b" * 16, "Ndola")
        assert count_rows(session)["kiosks"] == 1
    with database.session() as session, pytest.raises(LookupError):
        replace_kiosk_key(session, kiosk("K9"), WHEN)


def test_a_bundle_id_or_a_kiosk_sequence_can_be_claimed_only_once(database: RegistryDatabase) -> None:
    with database.transaction() as session:
        add_kiosk(session, kiosk())
        assert claim_bundle(session, bundle("B1", 1))
        assert not claim_bundle(session, bundle("B1", 2))
        assert not claim_bundle(session, bundle("B2", 1))
        assert claim_bundle(session, bundle("B3", 3))
        finish_bundle(session, "B1", "conflict", 4, ["A1", "A2"])
    with database.session() as session:
        held = find_bundle(session, "B1")
        assert held is not None and (held.outcome, held.new_attempt_count, held.acknowledged) == (
            "conflict",
            4,
            ("A1", "A2"),
        )
        by_number = find_bundle_by_sequence(session, "K1", 3)
        assert by_number is not None and by_number.bundle_id == "B3"
        assert find_bundle_by_sequence(session, "K1", 2) is None
        assert kiosk_sequences(session) == {"K1": [1, 3]}


def test_attempts_already_held_are_skipped_and_reported(database: RegistryDatabase) -> None:
    with database.transaction() as session:
        add_kiosk(session, kiosk())
        claim_bundle(session, bundle("B1", 1))
        assert insert_attempts(session, [attempt("A1"), attempt("A2")]) == {"A1", "A2"}
        assert insert_attempts(session, [attempt("A2", digest="e" * 64), attempt("A3")]) == {"A3"}
        assert insert_attempts(session, []) == set()
    with database.session() as session:
        held = held_attempts(session, ["A2", "A9"])
        assert list(held) == ["A2"] and held["A2"].content_digest == "d" * 64
        assert count_rows(session)["attempts"] == 3


def test_an_attempt_another_importer_stores_meanwhile_is_skipped_not_refused(
    database: RegistryDatabase,
) -> None:
    # The other importer's transaction holds A2 uncommitted while this one inserts A1-A3: this one waits
    # on A2's key, and once the other commits it stores A1 and A3 and leaves A2 to the first to store it.
    with database.transaction() as session:
        add_kiosk(session, kiosk())
        claim_bundle(session, bundle("B1", 1))
    holding, done = threading.Event(), threading.Event()
    stored: list[set[str]] = []

    def other() -> None:
        with database.transaction() as session:
            stored.append(insert_attempts(session, [attempt("A2")]))
            holding.set()
            done.wait(timeout=0.5)  # long enough for this importer to be waiting on A2

    thread = threading.Thread(target=other)
    thread.start()
    try:
        assert holding.wait(timeout=10)
        with database.transaction() as session:
            stored.append(insert_attempts(session, [attempt("A1"), attempt("A2"), attempt("A3")]))
    finally:
        done.set()
        thread.join()
    assert stored == [{"A2"}, {"A1", "A3"}]
    with database.session() as session:
        assert count_rows(session)["attempts"] == 3


def test_held_attempts_reads_more_ids_than_one_query_binds(database: RegistryDatabase) -> None:
    with database.transaction() as session:
        add_kiosk(session, kiosk())
        claim_bundle(session, bundle("B1", 1))
        insert_attempts(session, [attempt(f"A{number}") for number in range(1200)])
    with database.session() as session:
        assert len(held_attempts(session, [f"A{number}" for number in range(1300)])) == 1200


def test_incidents_are_kept_once_per_kiosk_number(database: RegistryDatabase) -> None:
    def incident(number: int) -> dict[str, object]:
        return {
            "kiosk_id": "K1",
            "incident_number": number,
            "bundle_id": "B1",
            "attempt_id": None,
            "sitting_id": "1",
            "category": "other",
            "description": "",
            "started_at": None,
            "duration_seconds": None,
            "recorded_by": "",
        }

    with database.transaction() as session:
        add_kiosk(session, kiosk())
        claim_bundle(session, bundle("B1", 1))
        assert insert_incidents(session, [incident(1), incident(2)]) == 2
        assert insert_incidents(session, [incident(2), incident(3)]) == 1
        assert insert_incidents(session, []) == 0


def test_rows_inserted_through_the_driver_read_back_as_given(database: RegistryDatabase) -> None:
    # Attempts and responses skip SQLAlchemy's executemany; each value must still be stored as it would be.
    given = [attempt(f"A{number:03d}") for number in range(70)]
    given[1] = {**given[1], "passed": False, "candidate_name_zh": "张", "finished_at": None, "seed": 0}
    lines = [
        (
            f"A{number // 5:03d}",
            f"T-{number % 5}",
            number % 5 + 1,
            None if number % 3 else '"B"',
            True,
            0.5,
            1.0,
        )
        for number in range(350)
    ]
    with database.transaction() as session:
        add_kiosk(session, kiosk())
        claim_bundle(session, bundle("B1", 1))
        assert insert_attempts(session, given) == {row["attempt_id"] for row in given}
        insert_responses(session, lines)
    with database.session() as session:
        stored = session.scalars(select(ResultAttemptRow).order_by(ResultAttemptRow.attempt_id)).all()
        assert [{name: getattr(row, name) for name in given[0]} for row in stored] == given
        read = session.execute(
            select(*(ResultResponseRow.__table__.c[name] for name in RESPONSE_COLUMNS)).order_by(
                ResultResponseRow.attempt_id, ResultResponseRow.item_id
            )
        )
        assert [tuple(row) for row in read] == sorted(lines)
