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

from sqlalchemy import Connection

from kiosk.domain.errors import StoreError
from kiosk.domain.journal import JournalEntry
from kiosk.station.storage.engine import Store, describe_database_error

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
        self._cursor: sqlite3.Cursor | None = None

    def _open(self) -> sqlite3.Cursor:
        """The session's cursor on its own pooled connection, checked out on first use."""
        if self._cursor is None:
            connection = self._store.engine.connect()
            raw = connection.connection.dbapi_connection
            if not isinstance(raw, sqlite3.Connection):
                connection.close()
                raise StoreError("kiosk_store.answers_not_sqlite")
            # One cursor for every statement of every save: the statements are prepared once (the sqlite3
            # module's statement cache) and no cursor object is made per statement.
            self._connection, self._cursor = connection, raw.cursor()
        return self._cursor

    def save(self, entry: JournalEntry, consumed_seconds: float, checkpoint_at: str) -> None:
        """Journal an answer, make it the item's current response and checkpoint the clock; then commit.

        ``checkpoint_at`` is the time of the checkpoint as the store writes times
        (:func:`~kiosk.station.storage.tables.stored_time`), formatted once by the caller, who usually has
        the same text for the journal entry. Returns only once the commit has returned (durable under WAL
        with synchronous=FULL); on any failure nothing of the answer is kept and StoreError says why.
        """
        try:
            cursor = self._open()
            attempt_id = entry.attempt_id
            cursor.execute("BEGIN IMMEDIATE")
            try:
                cursor.execute(
                    _INSERT_JOURNAL,
                    (
                        attempt_id,
                        entry.sequence,
                        entry.item_id,
                        entry.response_json,
                        entry.consumed_ms,
                        entry.recorded_at,
                        entry.previous_hash,
                        entry.hash,
                    ),
                )
                cursor.execute(
                    _UPSERT_RESPONSE,
                    (attempt_id, entry.item_id, entry.response_json, entry.sequence, checkpoint_at),
                )
                cursor.execute(_UPDATE_CLOCK, (consumed_seconds, checkpoint_at, entry.hash, attempt_id))
                if cursor.rowcount != 1:
                    raise StoreError("kiosk_store.attempt_missing", attempt=attempt_id)
                cursor.execute("COMMIT")
            except BaseException:
                if cursor.connection.in_transaction:
                    cursor.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise describe_database_error(self._store.path, str(error)) from error

    def close(self) -> None:
        """Give the connection back to the pool."""
        if self._cursor is not None:
            self._cursor.close()
        if self._connection is not None:
            self._connection.close()
        self._connection, self._cursor = None, None
