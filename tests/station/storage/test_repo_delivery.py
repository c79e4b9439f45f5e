"""Delivery records: finished attempts with their candidate and sitting, the bundle that last carried each
out of the kiosk, and the bundle whose receipt acknowledged it."""

from __future__ import annotations

from datetime import timedelta

from kiosk.station.storage.engine import Store
from kiosk.station.storage.outbox import add_bundle, mark_written
from kiosk.station.storage.repositories import attempts, delivery
from tests.station.storage.conftest import NOW

FINISHED = ("submitted", "expired")
LATER = NOW + timedelta(minutes=30)


def _finish(store: Store, attempt_id: str) -> None:
    with store.transaction() as session:
        attempts.finish_attempt(session, attempt_id, "submitted", 1500.0, LATER, "ABCD-EFGH-JK", "{}")


def _bundles(store: Store, attempt_id: str) -> list[tuple[bool, str | None, str | None]]:
    with store.session() as session:
        return [
            (record.delivered, record.receipted_in, record.last_written_in)
            for record in delivery.delivery_records(session, FINISHED)
            if record.attempt_id == attempt_id
        ]


def test_only_attempts_in_the_states_asked_for_are_listed(store: Store, attempt: str) -> None:
    with store.session() as session:
        assert delivery.delivery_records(session, FINISHED) == []
        assert [record.attempt_id for record in delivery.delivery_records(session, ["running"])] == [attempt]


def test_a_finished_attempt_comes_with_its_candidate_and_sitting(store: Store, attempt: str) -> None:
    _finish(store, attempt)
    with store.session() as session:
        records = delivery.delivery_records(session, FINISHED)
    assert records == [
        delivery.DeliveryRecord(
            attempt_id=attempt,
            candidate_number="C-001",
            candidate_name="Mwila Banda",
            candidate_name_zh=None,
            sitting_name="Theory",
            bank_id="maintenance-2",
            state="submitted",
            finished_at=LATER,
            delivered=False,
            receipted_in=None,
            last_written_in=None,
        )
    ]


def test_the_last_bundle_written_out_is_named_and_one_still_being_written_is_not(
    store: Store, attempt: str
) -> None:
    _finish(store, attempt)
    with store.transaction() as session:
        add_bundle(session, "K-000001", 1, "a" * 64, "", [attempt], LATER)
        mark_written(session, "K-000001", "/usb/K-000001.1xresult", LATER)
        add_bundle(session, "K-000002", 2, "b" * 64, "a" * 64, [attempt], LATER)
        add_bundle(session, "K-000003", 3, "c" * 64, "b" * 64, ["A-OTHER"], LATER)
        mark_written(session, "K-000003", "/usb/K-000003.1xresult", LATER)
    assert _bundles(store, attempt) == [(False, None, "K-000001")]

    with store.transaction() as session:
        mark_written(session, "K-000002", "/usb/K-000002.1xresult", LATER)
        attempts.mark_delivered(session, [attempt], "K-000001")
    assert _bundles(store, attempt) == [(True, "K-000001", "K-000002")]
