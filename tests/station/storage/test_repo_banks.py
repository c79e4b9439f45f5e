"""Installed bank packages: versions, lookup and listing."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import StoreError
from kiosk.station.storage.engine import Store
from kiosk.station.storage.records import BankRecord
from kiosk.station.storage.repositories import banks
from tests.station.storage.conftest import NOW


def _bank(bank_id: str, version: int) -> BankRecord:
    return BankRecord(
        bank_id,
        version,
        "design",
        1,
        "Design I",
        40,
        "{}",
        f"{bank_id}-v{version}.1xbank",
        "ab" * 32,
        "k1",
        NOW,
    )


def test_the_latest_version_and_each_version_can_be_found(store: Store) -> None:
    with store.transaction() as session:
        assert banks.latest_version(session, "design-1") is None
        banks.add_bank(session, _bank("design-1", 1))
        banks.add_bank(session, _bank("design-1", 3))
        banks.add_bank(session, _bank("recycling-2", 7))
    with store.session() as session:
        assert banks.latest_version(session, "design-1") == 3
        assert banks.get_bank(session, "design-1", 1) == _bank("design-1", 1)
        assert banks.get_bank(session, "design-1", 2) is None
        assert [(record.bank_id, record.version) for record in banks.list_banks(session)] == [
            ("design-1", 1),
            ("design-1", 3),
            ("recycling-2", 7),
        ]


def test_the_same_version_cannot_be_recorded_twice(store: Store) -> None:
    with store.transaction() as session:
        banks.add_bank(session, _bank("design-1", 1))
    with pytest.raises(StoreError, match="UNIQUE constraint failed"), store.transaction() as session:
        banks.add_bank(session, _bank("design-1", 1))
