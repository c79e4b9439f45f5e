"""Candidates and invigilators."""

from __future__ import annotations

from kiosk.station.storage.engine import Store
from kiosk.station.storage.repositories import people
from tests.station.storage.conftest import NOW


def _candidate(number: str) -> people.NewCandidate:
    return people.NewCandidate(
        number, f"Candidate {number}", "钱多多", "design", 1, 1.25, "hash", "ramp access"
    )


def test_candidates_are_stored_and_found_by_number(store: Store) -> None:
    with store.transaction() as session:
        assert people.add_candidates(session, [_candidate("C-002"), _candidate("C-001")], NOW) == 2
    with store.session() as session:
        found = people.get_candidate(session, "C-001")
        assert people.get_candidate(session, "C-999") is None
        assert [record.candidate_number for record in people.list_candidates(session)] == ["C-001", "C-002"]
        assert people.existing_numbers(session, ["C-001", "C-003"]) == {"C-001"}
        assert found is not None and people.get_candidate_by_id(session, found.id) == found
    assert (found.name_zh, found.extra_time_factor, found.notes, found.grade) == (
        "钱多多",
        1.25,
        "ramp access",
        1,
    )


def test_existing_numbers_handles_more_than_one_chunk(store: Store) -> None:
    numbers = [f"C-{number:04d}" for number in range(1200)]
    with store.transaction() as session:
        people.add_candidates(session, [_candidate(number) for number in numbers[::2]], NOW)
    with store.session() as session:
        assert people.existing_numbers(session, numbers) == set(numbers[::2])


def test_access_code_and_extra_time_can_change(store: Store) -> None:
    with store.transaction() as session:
        people.add_candidates(session, [_candidate("C-001")], NOW)
        record = people.get_candidate(session, "C-001")
        assert record is not None
        people.set_access_code_hash(session, record.id, "new-hash")
        people.set_extra_time_factor(session, record.id, 1.5)
    with store.session() as session:
        changed = people.get_candidate(session, "C-001")
    assert changed is not None and (changed.access_code_hash, changed.extra_time_factor) == ("new-hash", 1.5)


def test_invigilators_can_be_deactivated_and_given_new_pins(store: Store) -> None:
    with store.transaction() as session:
        mulenga = people.add_invigilator(session, "Ms Mulenga", "hash-1", NOW)
        people.add_invigilator(session, "Mr Zulu", "hash-2", NOW)
        people.set_active(session, mulenga.id, False)
        people.set_pin_hash(session, mulenga.id, "hash-3")
    with store.session() as session:
        assert [record.name for record in people.list_invigilators(session, active_only=True)] == ["Mr Zulu"]
        assert [record.name for record in people.list_invigilators(session)] == ["Mr Zulu", "Ms Mulenga"]
        record = people.get_invigilator(session, "Ms Mulenga")
        assert people.get_invigilator(session, "Nobody") is None
    assert record is not None and (record.active, record.pin_hash) == (False, "hash-3")
