"""Attempt rows: state, clock checkpoints, grants, finishing, flags and delivery."""

from __future__ import annotations

from datetime import timedelta

from kiosk.station.storage.engine import Store
from kiosk.station.storage.repositories import attempts
from tests.station.storage.conftest import NOW


def test_an_attempt_reads_back_as_stored(store: Store, attempt: str) -> None:
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
        assert attempts.get_attempt(session, "A-NONE") is None
    assert record is not None
    assert (record.seed, record.state, record.allowed_seconds, record.granted_seconds) == (
        2**62 + 12345,
        "running",
        1800.0,
        0.0,
    )
    assert (record.checkpoint_at, record.started_at, record.finished_at, record.delivered) == (
        None,
        None,
        None,
        False,
    )


def test_find_attempt_by_candidate_and_sitting(store: Store, attempt: str) -> None:
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
        assert record is not None
        assert attempts.find_attempt(session, record.candidate_id, record.sitting_id) == record
        assert attempts.find_attempt(session, record.candidate_id, record.sitting_id + 1) is None


def test_state_changes_and_start_time(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        attempts.set_state(session, attempt, "paused", started_at=NOW)
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
        assert [item.id for item in attempts.attempts_in_states(session, ["paused"])] == [attempt]
        assert attempts.attempts_in_states(session, ["running"]) == []
        assert attempts.attempts_in_states(session, ["paused"], sitting_id=999) == []
    assert record is not None and (record.state, record.started_at) == ("paused", NOW)


def test_a_checkpoint_with_a_reason_is_also_kept_in_the_history(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        attempts.save_checkpoint(session, attempt, 5.0, NOW, "tick")
        attempts.save_checkpoint(session, attempt, 7.25, NOW + timedelta(seconds=2), None)
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
        history = attempts.checkpoints(session, attempt)
    assert record is not None
    assert (record.consumed_seconds, record.checkpoint_at) == (7.25, NOW + timedelta(seconds=2))
    assert [(point.consumed_ms, point.reason) for point in history] == [(5000, "tick")]


def test_grants_add_up(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        attempts.add_granted_time(session, attempt, 300.0)
        attempts.add_granted_time(session, attempt, 120.0)
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
    assert record is not None and record.granted_seconds == 420.0


def test_finishing_records_outcome_and_a_last_checkpoint(store: Store, attempt: str) -> None:
    later = NOW + timedelta(minutes=30)
    with store.transaction() as session:
        attempts.finish_attempt(session, attempt, "expired", 1800.0, later, "7KQ4M-X2D9P", '{"passed":false}')
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
    assert record is not None
    assert (record.state, record.consumed_seconds, record.finished_at, record.checkpoint_at) == (
        "expired",
        1800.0,
        later,
        later,
    )
    assert (record.submission_code, record.result_json) == ("7KQ4M-X2D9P", '{"passed":false}')


def test_flags_are_kept_apart_from_answers(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        attempts.set_flag(session, attempt, "F-02", True, NOW)
        attempts.set_flag(session, attempt, "F-03", True, NOW)
        attempts.set_flag(session, attempt, "F-03", False, NOW)
    with store.session() as session:
        rows = attempts.responses(session, attempt)
    assert [(row.item_id, row.flagged, row.response_json) for row in rows] == [
        ("F-02", True, None),
        ("F-03", False, None),
    ]


def test_delivery_is_marked_with_the_bundle(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        attempts.mark_delivered(session, [attempt], "B-0001")
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
        assert attempts.list_attempts(session) == [record]
        assert attempts.all_attempt_ids(session) == [attempt]
    assert record is not None and (record.delivered, record.bundle_id) == (True, "B-0001")


def test_the_question_the_candidate_is_on_is_kept(store: Store, attempt: str) -> None:
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
    assert record is not None and record.current_item_id is None
    with store.transaction() as session:
        attempts.set_current_item(session, attempt, "F-03")
    with store.session() as session:
        record = attempts.get_attempt(session, attempt)
    assert record is not None and record.current_item_id == "F-03"
