"""The audit trail: events, incidents and counted guesses."""

from __future__ import annotations

import json
from datetime import timedelta

from kiosk.station.storage.engine import Store
from kiosk.station.storage.repositories import attempts, audit
from tests.station.storage.conftest import NOW


def test_events_keep_their_order_and_detail(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        record = attempts.get_attempt(session, attempt)
        assert record is not None
        audit.add_event(session, "started", NOW, attempt_id=attempt)
        audit.add_event(
            session, "sitting_opened", NOW, sitting_id=record.sitting_id, detail={"by": "Ms Mulenga"}
        )
    with store.session() as session:
        everything = audit.events(session)
        for_attempt = audit.events(session, attempt_id=attempt)
        for_sitting = audit.events(session, sitting_id=record.sitting_id)
    assert [event.kind for event in everything] == ["started", "sitting_opened"]
    assert [event.kind for event in for_attempt] == ["started"]
    assert json.loads(for_sitting[0].detail_json) == {"by": "Ms Mulenga"}


def test_incidents_are_recorded_with_who_and_how_long(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        record = attempts.get_attempt(session, attempt)
        assert record is not None
        incident_id = audit.add_incident(
            session,
            record.sitting_id,
            attempt,
            "power_outage",
            "Load-shedding.",
            NOW,
            754.5,
            "Ms Mulenga",
            NOW,
        )
        audit.add_incident(
            session, record.sitting_id, None, "technical", "Projector.", NOW, None, "Mr Zulu", NOW
        )
    with store.session() as session:
        for_attempt = audit.incidents(session, attempt_id=attempt)
        for_sitting = audit.incidents(session, sitting_id=record.sitting_id)
    assert [incident.id for incident in for_attempt] == [incident_id]
    assert (for_attempt[0].category, for_attempt[0].duration_seconds, for_attempt[0].recorded_by) == (
        "power_outage",
        754.5,
        "Ms Mulenga",
    )
    assert len(for_sitting) == 2


def test_recent_failures_count_only_the_window_and_only_after_the_last_success(store: Store) -> None:
    minute = timedelta(minutes=1)
    with store.transaction() as session:
        audit.record_guess(session, "pin", False, NOW - 20 * minute)  # outside the window
        audit.record_guess(session, "pin", False, NOW - 8 * minute)  # before the success
        audit.record_guess(session, "pin", True, NOW - 7 * minute)
        audit.record_guess(session, "pin", False, NOW - 5 * minute)
        audit.record_guess(session, "pin", False, NOW - 2 * minute)
        audit.record_guess(session, "candidate:C-001", False, NOW - 1 * minute)  # another scope
    with store.session() as session:
        failures = audit.recent_failures(session, "pin", NOW - 10 * minute)
    assert failures == [NOW - 5 * minute, NOW - 2 * minute]


def test_an_incident_recorded_as_it_begins_gets_its_length_when_it_ends(store: Store, attempt: str) -> None:
    with store.transaction() as session:
        record = attempts.get_attempt(session, attempt)
        assert record is not None
        incident_id = audit.add_incident(
            session, record.sitting_id, attempt, "focus_loss", "Minimised.", NOW, None, "kiosk", NOW
        )
    with store.transaction() as session:
        audit.set_incident_duration(session, incident_id, 3.25)
    with store.session() as session:
        (incident,) = audit.incidents(session, attempt_id=attempt)
    assert (incident.id, incident.duration_seconds) == (incident_id, 3.25)
