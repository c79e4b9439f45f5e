"""Schema versions of the kiosk store and the migrations that upgrade an existing file in place.

The version lives in ``PRAGMA user_version``. A fresh file is created from the current models in one go;
an older file is upgraded one version at a time, each step in its own transaction together with the new
version number, so a failed step leaves the file exactly as it was. Never edit a published step: add one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection

from kiosk.domain.errors import StoreError
from kiosk.station.storage.engine import Store
from kiosk.station.storage.tables import Base

SCHEMA_VERSION = 6

# The journal is append-only: the store itself refuses to change or remove an entry.
_JOURNAL_TRIGGERS = (
    """CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
    BEGIN SELECT RAISE(ABORT, 'The answer journal is append-only: entries cannot be changed.'); END""",
    """CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
    BEGIN SELECT RAISE(ABORT, 'The answer journal is append-only: entries cannot be removed.'); END""",
)

# Version 1 as it was shipped, frozen: migrations start from exactly this, whatever the models say now.
_VERSION_1 = (
    """CREATE TABLE candidates (
    id INTEGER NOT NULL, candidate_number VARCHAR(32) NOT NULL, full_name VARCHAR(200) NOT NULL,
    name_zh VARCHAR(200), certificate VARCHAR(32) NOT NULL, grade INTEGER NOT NULL,
    extra_time_factor FLOAT NOT NULL, access_code_hash VARCHAR(300) NOT NULL, notes VARCHAR(500) NOT NULL,
    created_at VARCHAR(32) NOT NULL, PRIMARY KEY (id), UNIQUE (candidate_number))""",
    """CREATE TABLE installed_banks (
    id INTEGER NOT NULL, bank_id VARCHAR(64) NOT NULL, version INTEGER NOT NULL,
    certificate VARCHAR(32) NOT NULL, grade INTEGER NOT NULL, title VARCHAR(300) NOT NULL,
    item_count INTEGER NOT NULL, header_json TEXT NOT NULL, package_file VARCHAR(300) NOT NULL,
    package_sha256 VARCHAR(64) NOT NULL, signer_key_id VARCHAR(64) NOT NULL,
    installed_at VARCHAR(32) NOT NULL, PRIMARY KEY (id), UNIQUE (bank_id, version))""",
    """CREATE TABLE invigilators (
    id INTEGER NOT NULL, name VARCHAR(200) NOT NULL, pin_hash VARCHAR(300) NOT NULL,
    active BOOLEAN NOT NULL, created_at VARCHAR(32) NOT NULL, PRIMARY KEY (id), UNIQUE (name))""",
    """CREATE TABLE kiosk (
    id INTEGER NOT NULL, kiosk_id VARCHAR(32) NOT NULL, centre_name VARCHAR(200) NOT NULL,
    kiosk_name VARCHAR(200) NOT NULL, key_file VARCHAR(300) NOT NULL, attempt_counter INTEGER NOT NULL,
    created_at VARCHAR(32) NOT NULL, PRIMARY KEY (id), UNIQUE (kiosk_id))""",
    """CREATE TABLE login_attempts (
    id INTEGER NOT NULL, scope VARCHAR(100) NOT NULL, succeeded BOOLEAN NOT NULL,
    wall_at VARCHAR(32) NOT NULL, PRIMARY KEY (id))""",
    "CREATE INDEX ix_login_attempts_scope ON login_attempts (scope, wall_at)",
    """CREATE TABLE sittings (
    id INTEGER NOT NULL, name VARCHAR(200) NOT NULL, bank_id VARCHAR(64) NOT NULL, bank_version INTEGER,
    scheduled_on DATE NOT NULL, state VARCHAR(16) NOT NULL, show_score_on_receipt BOOLEAN NOT NULL,
    created_at VARCHAR(32) NOT NULL, opened_at VARCHAR(32), closed_at VARCHAR(32), PRIMARY KEY (id))""",
    """CREATE TABLE attempts (
    id VARCHAR(64) NOT NULL, candidate_id INTEGER NOT NULL, sitting_id INTEGER NOT NULL,
    bank_id VARCHAR(64) NOT NULL, bank_version INTEGER NOT NULL, seed BIGINT NOT NULL,
    form_json TEXT NOT NULL, state VARCHAR(16) NOT NULL, allowed_seconds FLOAT NOT NULL,
    granted_seconds FLOAT NOT NULL, consumed_seconds FLOAT NOT NULL, checkpoint_at VARCHAR(32),
    journal_head VARCHAR(64) NOT NULL, created_at VARCHAR(32) NOT NULL, started_at VARCHAR(32),
    finished_at VARCHAR(32), submission_code VARCHAR(32), result_json TEXT, PRIMARY KEY (id),
    UNIQUE (candidate_id, sitting_id), FOREIGN KEY(candidate_id) REFERENCES candidates (id),
    FOREIGN KEY(sitting_id) REFERENCES sittings (id))""",
    "CREATE INDEX ix_attempts_sitting ON attempts (sitting_id)",
    "CREATE INDEX ix_attempts_state ON attempts (state)",
    """CREATE TABLE clock_checkpoints (
    id INTEGER NOT NULL, attempt_id VARCHAR(64) NOT NULL, consumed_ms INTEGER NOT NULL,
    wall_at VARCHAR(32) NOT NULL, reason VARCHAR(16) NOT NULL, PRIMARY KEY (id),
    FOREIGN KEY(attempt_id) REFERENCES attempts (id))""",
    "CREATE INDEX ix_clock_checkpoints_attempt ON clock_checkpoints (attempt_id)",
    """CREATE TABLE events (
    id INTEGER NOT NULL, attempt_id VARCHAR(64), sitting_id INTEGER, kind VARCHAR(40) NOT NULL,
    detail_json TEXT NOT NULL, wall_at VARCHAR(32) NOT NULL, PRIMARY KEY (id),
    FOREIGN KEY(attempt_id) REFERENCES attempts (id), FOREIGN KEY(sitting_id) REFERENCES sittings (id))""",
    "CREATE INDEX ix_events_sitting ON events (sitting_id)",
    "CREATE INDEX ix_events_attempt ON events (attempt_id)",
    """CREATE TABLE incidents (
    id INTEGER NOT NULL, sitting_id INTEGER NOT NULL, attempt_id VARCHAR(64), category VARCHAR(32) NOT NULL,
    description TEXT NOT NULL, started_at VARCHAR(32) NOT NULL, duration_seconds FLOAT,
    recorded_by VARCHAR(200) NOT NULL, created_at VARCHAR(32) NOT NULL, PRIMARY KEY (id),
    FOREIGN KEY(sitting_id) REFERENCES sittings (id), FOREIGN KEY(attempt_id) REFERENCES attempts (id))""",
    "CREATE INDEX ix_incidents_sitting ON incidents (sitting_id)",
    """CREATE TABLE journal (
    attempt_id VARCHAR(64) NOT NULL, sequence INTEGER NOT NULL, item_id VARCHAR(64) NOT NULL,
    response_json TEXT NOT NULL, consumed_ms INTEGER NOT NULL, recorded_at VARCHAR(40) NOT NULL,
    prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL, PRIMARY KEY (attempt_id, sequence),
    FOREIGN KEY(attempt_id) REFERENCES attempts (id))""",
    """CREATE TABLE responses (
    attempt_id VARCHAR(64) NOT NULL, item_id VARCHAR(64) NOT NULL, response_json TEXT,
    flagged BOOLEAN NOT NULL, sequence INTEGER, updated_at VARCHAR(32) NOT NULL,
    PRIMARY KEY (attempt_id, item_id), FOREIGN KEY(attempt_id) REFERENCES attempts (id))""",
    *_JOURNAL_TRIGGERS,
)


def _run(statements: tuple[str, ...]) -> Callable[[Connection], None]:
    def step(connection: Connection) -> None:
        for statement in statements:
            connection.exec_driver_sql(statement)

    return step


@dataclass(frozen=True, slots=True)
class Migration:
    """One step: what it brings the schema to, in words, and the function that does it."""

    version: int
    description: str
    apply: Callable[[Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "the first kiosk schema", _run(_VERSION_1)),
    Migration(
        2,
        "result-bundle delivery: attempts record whether and in which bundle they were exported",
        _run(
            (
                "ALTER TABLE attempts ADD COLUMN delivered BOOLEAN DEFAULT 0 NOT NULL",
                "ALTER TABLE attempts ADD COLUMN bundle_id VARCHAR(64)",
            )
        ),
    ),
    Migration(
        3,
        "the outbox: every result bundle made, numbered and chained to the one before",
        # Stores of version 2 made this table on their first export; IF NOT EXISTS keeps what they hold.
        _run(
            (
                """CREATE TABLE IF NOT EXISTS outbox_bundles (
    bundle_id VARCHAR(64) NOT NULL, sequence INTEGER NOT NULL, digest VARCHAR(64) NOT NULL,
    previous_hash VARCHAR(64) NOT NULL, attempt_ids_json TEXT NOT NULL, created_at VARCHAR(32) NOT NULL,
    written_to TEXT, written_at VARCHAR(32), PRIMARY KEY (bundle_id), UNIQUE (sequence))""",
            )
        ),
    ),
    Migration(
        4,
        "the question each attempt was last on (a resume goes back to it), and the centre's recovery code",
        _run(
            (
                "ALTER TABLE attempts ADD COLUMN current_item_id VARCHAR(64)",
                "ALTER TABLE kiosk ADD COLUMN recovery_code_hash VARCHAR(300)",
            )
        ),
    ),
    Migration(
        5,
        "access codes per candidate per sitting, issued with each sitting's invigilation pack",
        _run(
            (
                """CREATE TABLE sitting_codes (
    candidate_id INTEGER NOT NULL, sitting_id INTEGER NOT NULL, code_hash VARCHAR(300) NOT NULL,
    issued_at VARCHAR(32) NOT NULL, PRIMARY KEY (candidate_id, sitting_id),
    FOREIGN KEY(candidate_id) REFERENCES candidates (id),
    FOREIGN KEY(sitting_id) REFERENCES sittings (id))""",
            )
        ),
    ),
    Migration(
        6,
        "each result bundle's sealed bytes in the outbox, so an interrupted export is written again",
        _run(("ALTER TABLE outbox_bundles ADD COLUMN data BLOB",)),
    ),
)


def _create_current(connection: Connection) -> None:
    Base.metadata.create_all(connection)
    for statement in _JOURNAL_TRIGGERS:
        connection.exec_driver_sql(statement)


def _has_tables(connection: Connection) -> bool:
    count = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).scalar_one()
    return int(count) > 0


def upgrade(store: Store, target: int = SCHEMA_VERSION) -> int:
    """Bring the store to schema ``target`` (default: the newest); returns the version it was at.

    A new, empty file is created straight from the models when the target is the newest version.
    """
    if not 1 <= target <= SCHEMA_VERSION:
        raise ValueError(f"schema version {target} does not exist; the newest is {SCHEMA_VERSION}")
    found = store.user_version()
    if found > SCHEMA_VERSION:
        raise StoreError("kiosk_store.newer_schema", path=store.path, found=found, known=SCHEMA_VERSION)
    if found == 0 and target == SCHEMA_VERSION:
        with store.transaction() as session:
            connection = session.connection()
            _refuse_foreign_file(store, connection)
            _create_current(connection)
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return found
    for migration in MIGRATIONS:
        if found < migration.version <= target:
            with store.transaction() as session:
                connection = session.connection()
                if migration.version == 1:
                    _refuse_foreign_file(store, connection)
                migration.apply(connection)
                connection.exec_driver_sql(f"PRAGMA user_version = {migration.version}")
    return found


def _refuse_foreign_file(store: Store, connection: Connection) -> None:
    if _has_tables(connection):
        raise StoreError("kiosk_store.foreign_file", path=store.path)
