"""The answer path: journal entry, current response and clock in one transaction, all or nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain.errors import StoreError
from kiosk.domain.journal import GENESIS, JournalEntry, verify_chain
from kiosk.station.storage.answer_writer import AnswerWriter
from kiosk.station.storage.engine import Store
from kiosk.station.storage.repositories import attempts
from kiosk.station.storage.tables import stored_time
from tests.station.storage.conftest import NOW

AT = stored_time(NOW)


def _entry(attempt: str, sequence: int, item_id: str, response_json: str, previous: str) -> JournalEntry:
    return JournalEntry.create(
        previous,
        attempt,
        sequence,
        item_id,
        response_json,
        sequence * 1000,
        NOW.isoformat(timespec="microseconds"),
    )


def test_an_answer_is_journalled_made_current_and_the_clock_checkpointed(store: Store, attempt: str) -> None:
    writer = AnswerWriter(store)
    entry = _entry(attempt, 1, "F-01", '"B"', GENESIS)
    writer.save(entry, 12.5, stored_time(NOW + timedelta(seconds=12)))
    writer.close()
    with store.session() as session:
        assert attempts.journal(session, attempt) == [entry]
        (response,) = attempts.responses(session, attempt)
        record = attempts.get_attempt(session, attempt)
    assert (response.item_id, response.response_json, response.sequence, response.flagged) == (
        "F-01",
        '"B"',
        1,
        False,
    )
    assert record is not None
    assert (record.consumed_seconds, record.checkpoint_at, record.journal_head) == (
        12.5,
        NOW + timedelta(seconds=12),
        entry.hash,
    )


def test_a_changed_answer_replaces_the_current_one_keeps_the_flag_and_extends_the_chain(
    store: Store, attempt: str
) -> None:
    with store.transaction() as session:
        attempts.set_flag(session, attempt, "F-01", True, NOW)
    writer = AnswerWriter(store)
    first = _entry(attempt, 1, "F-01", '"B"', GENESIS)
    second = _entry(attempt, 2, "F-01", '"C"', first.hash)
    writer.save(first, 1.0, AT)
    writer.save(second, 2.0, AT)
    with store.session() as session:
        entries = attempts.journal(session, attempt)
        (response,) = attempts.responses(session, attempt)
    assert verify_chain(attempt, entries, expected_head=second.hash) == []
    assert (response.response_json, response.sequence, response.flagged) == ('"C"', 2, True)


def test_a_failed_save_keeps_nothing_of_the_answer(store: Store, attempt: str) -> None:
    writer = AnswerWriter(store)
    first = _entry(attempt, 1, "F-01", '"B"', GENESIS)
    writer.save(first, 1.0, AT)
    # The same sequence number again, as a second window on the same attempt would write.
    clash = _entry(attempt, 1, "F-02", '"A"', GENESIS)
    with pytest.raises(StoreError, match=r"^kiosk_store\.refused detail=UNIQUE constraint failed\b"):
        writer.save(clash, 99.0, stored_time(NOW + timedelta(seconds=99)))
    with store.session() as session:
        assert [entry.item_id for entry in attempts.journal(session, attempt)] == ["F-01"]
        assert [response.item_id for response in attempts.responses(session, attempt)] == ["F-01"]
        record = attempts.get_attempt(session, attempt)
    assert record is not None and record.consumed_seconds == 1.0
    # The writer is usable again afterwards.
    writer.save(_entry(attempt, 2, "F-02", '"A"', first.hash), 2.0, AT)


def test_an_answer_for_an_attempt_not_in_the_store_is_refused(store: Store, attempt: str) -> None:
    writer = AnswerWriter(store)
    with pytest.raises(StoreError, match=r"^kiosk_store\.refused detail=FOREIGN KEY constraint failed\b"):
        writer.save(_entry("A-GHOST-00001", 1, "F-01", '"B"', GENESIS), 1.0, AT)
    with store.session() as session:
        assert attempts.journal(session, "A-GHOST-00001") == []


def test_a_closed_writer_opens_again_when_needed(store: Store, attempt: str) -> None:
    writer = AnswerWriter(store)
    writer.close()
    writer.save(_entry(attempt, 1, "F-01", '"B"', GENESIS), 1.0, AT)
    writer.close()
    writer.close()
    with store.session() as session:
        assert len(attempts.journal(session, attempt)) == 1
