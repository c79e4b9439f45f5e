"""Fixtures for the storage tests: a fresh SQLite store per test, at the newest schema, with a minimal
candidate, sitting and attempt to hang rows on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.domain.journal import GENESIS
from kiosk.station.storage.engine import Store, open_store
from kiosk.station.storage.migrations import upgrade
from kiosk.station.storage.repositories import attempts, people, sittings

NOW = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
ATTEMPT_ID = "A-TEST-00001"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "kiosk.db")
    upgrade(opened)
    yield opened
    opened.close()


@pytest.fixture
def attempt(store: Store) -> str:
    """An attempt (with its candidate and sitting) in the store; returns its id."""
    with store.transaction() as session:
        people.add_candidates(
            session,
            [people.NewCandidate("C-001", "Mwila Banda", None, "maintenance", 2, 1.0, "hash")],
            NOW,
        )
        candidate = people.get_candidate(session, "C-001")
        assert candidate is not None
        sitting = sittings.add_sitting(
            session, "Theory", "maintenance-2", date(2025, 6, 2), "open", False, NOW
        )
        attempts.add_attempt(
            session,
            attempts.NewAttempt(
                id=ATTEMPT_ID,
                candidate_id=candidate.id,
                sitting_id=sitting.id,
                bank_id="maintenance-2",
                bank_version=1,
                seed=2**62 + 12345,
                form_json="{}",
                state="running",
                allowed_seconds=1800.0,
                journal_head=GENESIS,
            ),
            NOW,
        )
    return ATTEMPT_ID
