"""How times are stored: UTC ISO text that reads back timezone-aware and sorts in time order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kiosk.station.storage.engine import Store
from kiosk.station.storage.repositories import audit
from kiosk.station.storage.tables import stored_time

LUSAKA = timezone(timedelta(hours=2))


def test_times_are_stored_as_utc_to_the_microsecond() -> None:
    assert stored_time(datetime(2025, 6, 2, 10, 0, 0, 5, tzinfo=LUSAKA)) == "2025-06-02T08:00:00.000005+00:00"


def test_stored_text_sorts_in_time_order_whatever_the_original_zone() -> None:
    earlier = datetime(2025, 6, 2, 9, 59, tzinfo=LUSAKA)  # 07:59 UTC
    later = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
    assert stored_time(earlier) < stored_time(later)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        stored_time(datetime(2025, 6, 2, 8, 0))


def test_a_time_reads_back_as_the_same_instant_in_utc(store: Store) -> None:
    written = datetime(2025, 6, 2, 10, 30, 15, 123456, tzinfo=LUSAKA)
    with store.transaction() as session:
        audit.add_event(session, "opened", written)
    with store.session() as session:
        (event,) = audit.events(session)
    assert event.wall_at == written
    assert event.wall_at.tzinfo == UTC
