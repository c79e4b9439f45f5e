"""The kiosk identity row and its attempt counter."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import StoreError
from kiosk.station.storage.engine import Store
from kiosk.station.storage.repositories import identity
from tests.station.storage.conftest import NOW


def test_a_new_store_has_no_identity_until_one_is_created(store: Store) -> None:
    with store.transaction() as session:
        assert identity.get_kiosk(session) is None
        created = identity.create_kiosk(session, "3F9A12BC", "CZVTC Lusaka", "Lab 2 PC 14", "kiosk.key", NOW)
    with store.session() as session:
        assert identity.get_kiosk(session) == created


def test_there_is_only_ever_one_identity(store: Store) -> None:
    with store.transaction() as session:
        identity.create_kiosk(session, "3F9A12BC", "CZVTC Lusaka", "Lab 2 PC 14", "kiosk.key", NOW)
    with pytest.raises(StoreError), store.transaction() as session:
        identity.create_kiosk(session, "77777777", "Elsewhere", "PC 1", "other.key", NOW)


def test_attempt_numbers_count_up_and_survive_reopening(store: Store) -> None:
    with store.transaction() as session:
        identity.create_kiosk(session, "3F9A12BC", "CZVTC Lusaka", "Lab 2 PC 14", "kiosk.key", NOW)
        assert [identity.next_attempt_number(session) for _ in range(3)] == [1, 2, 3]
    store.close()
    with store.transaction() as session:
        assert identity.next_attempt_number(session) == 4


def test_the_recovery_code_hash_is_kept_on_the_identity_row(store: Store) -> None:
    with store.transaction() as session:
        assert identity.recovery_code_hash(session) is None
        identity.create_kiosk(session, "3F9A12BC", "CZVTC Lusaka", "Lab 2 PC 14", "kiosk.key", NOW)
        assert identity.recovery_code_hash(session) is None
        identity.set_recovery_code_hash(session, "$argon2id$first")
        identity.set_recovery_code_hash(session, "$argon2id$second")
    with store.session() as session:
        assert identity.recovery_code_hash(session) == "$argon2id$second"
