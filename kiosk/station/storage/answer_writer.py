"""The answer path: one transaction per saved answer, on a connection kept for the exam session.

Saving an answer is the kiosk's hot path (docs/ARCHITECTURE.md §7: p99 <= 15 ms from click to commit, and no
more than 1.5x a bare sqlite3 INSERT+COMMIT with the same pragmas). Its transaction is one INSERT into the
journal, one UPSERT of the item's current response and one UPDATE of the attempt's clock and journal head.
On a fast disk, building SQLAlchemy statements and checking a connection out of the pool cost more than the
commit itself, so this writer holds one pooled connection (with the store's pragmas) for the session and
runs fixed SQL on it directly. It is still an ordinary transaction: it commits fully or not at all.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sqlalchemy import Connection

from kiosk.domain.errors import StoreError
from kiosk.domain.journal import JournalEntry
from kiosk.station.storage.engine import Store, describe_database_error
from kiosk.station.storage.tables import stored_time

_INSERT_JOURNAL = (
    "INSERT INTO journal (attempt_id, sequence, item_id, response_json, consumed_ms, recorded_at, prev_hash, "
    "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_RESPONSE = (
    "INSERT INTO responses (attempt_id, item_id, response_json, flagged, sequence, updated_at) "
    "VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (attempt_id, item_id) DO UPDATE SET "
    "response_json = excluded.response_json, sequence = excluded.sequence, updated_at = excluded.updated_at"
)
_UPDATE_CLOCK = "UPDATE attempts SET consumed_seconds = ?, checkpoint_at = ?, journal_head = ? WHERE id = ?"


class AnswerWriter:
    """Saves answers for one exam session; close it when the session ends."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._connection: Connection | None = None
        self._raw: sqlite3.Connection | None = None

    def _open(self) -> sqlite3.Connection:
        if self._raw is None:
            connection = self._store.engine.connect()
            raw = connection.connection.dbapi_connection
            if not isinstance(raw, sqlite3.Connection):
                connection.close()
                raise StoreError("kiosk_store.answers_not_sqlite")
            self._connection, self._raw = connection, raw
        return self._raw

    def save(self, entry: JournalEntry, consumed_seconds: float, now: datetime) -> None:
        """Journal an answer, make it the item's current response and checkpoint the clock; then commit.

        Returns only once the commit has returned (durable under WAL with synchronous=FULL); on any
        failure nothing of the answer is kept and StoreError says why.
        """
        try:
            raw = self._open()
            at = stored_time(now)
            raw.execute("BEGIN IMMEDIATE")
            try:
                raw.execute(
                    _INSERT_JOURNAL,
                    (
                        entry.attempt_id,
                        entry.sequence,
                        entry.item_id,
                        entry.response_json,
                        entry.consumed_ms,
                        entry.recorded_at,
                        entry.previous_hash,
                        entry.hash,
                    ),
                )
                raw.execute(
                    _UPSERT_RESPONSE,
                    (entry.attempt_id, entry.item_id, entry.response_json, entry.sequence, at),
                )
                updated = raw.execute(_UPDATE_CLOCK, (consumed_seconds, at, entry.hash, entry.attempt_id))
                if updated.rowcount != 1:
                    raise StoreError("kiosk_store.attempt_missing", attempt=entry.attempt_id)
                raw.execute("COMMIT")
            except BaseException:
                if raw.in_transaction:
                    raw.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise describe_database_error(self._store.path, str(error)) from error

    def close(self) -> None:
        """Give the connection back to the pool."""
        if self._connection is not None:
            self._connection.close()
        self._connection, self._raw = None, None
