"""Sittings: scheduling, listing by date, opening (pinning the bank version) and closing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kiosk.station.storage.engine import Store
from kiosk.station.storage.repositories import sittings
from tests.station.storage.conftest import NOW


def test_sittings_list_by_date_and_filter_on_a_day(store: Store) -> None:
    with store.transaction() as session:
        later = sittings.add_sitting(
            session, "Afternoon", "design-1", date(2025, 6, 3), "scheduled", True, NOW
        )
        earlier = sittings.add_sitting(
            session, "Morning", "design-1", date(2025, 6, 2), "scheduled", False, NOW
        )
    with store.session() as session:
        assert [record.id for record in sittings.list_sittings(session)] == [earlier.id, later.id]
        assert sittings.list_sittings(session, date(2025, 6, 3)) == [later]
        assert sittings.get_sitting(session, 999) is None
    assert (later.show_score_on_receipt, later.bank_version, later.state) == (True, None, "scheduled")


def test_opening_pins_the_version_and_keeps_the_first_opening_time(store: Store) -> None:
    with store.transaction() as session:
        record = sittings.add_sitting(
            session, "Morning", "design-1", date(2025, 6, 2), "scheduled", False, NOW
        )
        sittings.mark_opened(session, record.id, "open", 3, NOW)
        sittings.mark_opened(session, record.id, "open", 3, NOW + timedelta(hours=1))
        with pytest.raises(LookupError):
            sittings.mark_opened(session, 999, "open", 3, NOW)
    with store.session() as session:
        opened = sittings.get_sitting(session, record.id)
    assert opened is not None and (opened.state, opened.bank_version, opened.opened_at) == ("open", 3, NOW)


def test_closing_records_when(store: Store) -> None:
    with store.transaction() as session:
        record = sittings.add_sitting(session, "Morning", "design-1", date(2025, 6, 2), "open", False, NOW)
        sittings.mark_closed(session, record.id, "closed", NOW + timedelta(hours=2))
    with store.session() as session:
        closed = sittings.get_sitting(session, record.id)
    assert closed is not None and (closed.state, closed.closed_at) == ("closed", NOW + timedelta(hours=2))
