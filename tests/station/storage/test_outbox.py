"""The kiosk's outbox of result bundles: created on demand, numbered, written, taken back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.station.storage.engine import Store, open_store
from kiosk.station.storage.migrations import upgrade
from kiosk.station.storage.outbox import (
    add_bundle,
    find_bundle,
    forget_bundle,
    last_bundle,
    list_bundles,
    mark_written,
)
from kiosk.station.storage.tables import Base

WHEN = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "kiosk.db")
    upgrade(opened)
    yield opened
    opened.close()


def test_the_outbox_is_part_of_the_versioned_kiosk_schema(store: Store) -> None:
    assert "outbox_bundles" in Base.metadata.tables
    with store.session() as session:
        assert list_bundles(session) == []
        assert last_bundle(session) is None


def test_bundles_are_numbered_written_and_taken_back(store: Store) -> None:
    with store.transaction() as session:
        assert last_bundle(session) is None
        add_bundle(session, "K-000001", 1, "a" * 64, "", ["A-1", "A-2"], WHEN)
        add_bundle(session, "K-000002", 2, "b" * 64, "a" * 64, ["A-2"], WHEN)
        mark_written(session, "K-000001", "/usb/K-000001.1xresult", WHEN)
    with store.session() as session:
        last = last_bundle(session)
        assert last is not None and (last.bundle_id, last.previous_hash, last.attempt_ids) == (
            "K-000002",
            "a" * 64,
            ("A-2",),
        )
        first = find_bundle(session, "K-000001")
        assert first is not None and (first.written_to, first.written_at) == ("/usb/K-000001.1xresult", WHEN)
        assert last.written_to is None
    with store.transaction() as session:
        forget_bundle(session, "K-000002")
    with store.session() as session:
        assert [bundle.sequence for bundle in list_bundles(session)] == [1]
        assert find_bundle(session, "K-000002") is None


def test_a_sequence_number_is_used_once(store: Store) -> None:
    with store.transaction() as session:
        add_bundle(session, "K-000001", 1, "a" * 64, "", [], WHEN)
    with pytest.raises(Exception, match="UNIQUE"), store.transaction() as session:
        add_bundle(session, "K-other", 1, "b" * 64, "", [], WHEN)
