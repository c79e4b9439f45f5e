"""Schema versions: a fresh file is created at the newest version, an older file is upgraded in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection

from kiosk.domain.errors import StoreError
from kiosk.station.storage import migrations, outbox
from kiosk.station.storage.engine import Store, open_store
from kiosk.station.storage.migrations import SCHEMA_VERSION, Migration, upgrade
from kiosk.station.storage.repositories import attempts

NOW_TEXT = "2025-06-02T08:00:00.000000+00:00"


def _schema(path: Path) -> dict[str, object]:
    """Every table's columns (name, type, not-null, default, key), indexes and triggers."""
    with sqlite3.connect(path) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        shape: dict[str, object] = {
            table: sorted(row[1:] for row in connection.execute(f"PRAGMA table_info({table})"))
            for table in tables
        }
        shape["indexes"] = sorted(
            connection.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        )
        shape["triggers"] = sorted(
            connection.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")
        )
    return shape


def _version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _version_1_store_with_an_attempt(path: Path) -> Store:
    store = open_store(path)
    assert upgrade(store, target=1) == 0
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO candidates VALUES "
            "(1, 'C-001', 'Mwila Banda', NULL, 'maintenance', 2, 1.25, 'hash', '', ?)",
            (NOW_TEXT,),
        )
        connection.execute(
            "INSERT INTO sittings VALUES "
            "(1, 'Theory', 'maintenance-2', 1, '2025-06-02', 'open', 0, ?, NULL, NULL)",
            (NOW_TEXT,),
        )
        connection.execute(
            "INSERT INTO attempts (id, candidate_id, sitting_id, bank_id, bank_version, seed, form_json, "
            "state, allowed_seconds, granted_seconds, consumed_seconds, checkpoint_at, journal_head, "
            "created_at) "
            "VALUES ('A-1', 1, 1, 'maintenance-2', 1, 42, '{}', 'submitted', 2250, 300, 1999.5, ?, ?, ?)",
            (NOW_TEXT, "0" * 64, NOW_TEXT),
        )
    return store


def test_a_fresh_file_is_created_at_the_newest_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kiosk.db")
    assert upgrade(store) == 0
    store.close()
    assert _version(tmp_path / "kiosk.db") == SCHEMA_VERSION
    schema = _schema(tmp_path / "kiosk.db")
    assert {"attempts", "journal", "responses", "candidates", "clock_checkpoints", "incidents"} <= set(schema)


def test_a_version_1_file_is_upgraded_in_place_and_keeps_its_data(tmp_path: Path) -> None:
    store = _version_1_store_with_an_attempt(tmp_path / "kiosk.db")
    assert _version(store.path) == 1

    assert upgrade(store) == 1

    assert _version(store.path) == SCHEMA_VERSION
    with store.session() as session:
        record = attempts.get_attempt(session, "A-1")
    assert record is not None
    assert (record.state, record.allowed_seconds, record.granted_seconds, record.consumed_seconds) == (
        "submitted",
        2250.0,
        300.0,
        1999.5,
    )
    # The columns version 2 added, with their defaults for rows that existed before.
    assert (record.delivered, record.bundle_id) == (False, None)
    store.close()


def test_version_3_keeps_an_outbox_a_version_2_program_made_on_its_first_export(tmp_path: Path) -> None:
    store = _version_1_store_with_an_attempt(tmp_path / "kiosk.db")
    upgrade(store, target=2)
    with sqlite3.connect(store.path) as connection:
        # What the version 2 program created on demand, with the bundle it had exported.
        connection.execute(
            "CREATE TABLE outbox_bundles (bundle_id VARCHAR(64) NOT NULL, sequence INTEGER NOT NULL, "
            "digest VARCHAR(64) NOT NULL, previous_hash VARCHAR(64) NOT NULL, "
            "attempt_ids_json TEXT NOT NULL, created_at VARCHAR(32) NOT NULL, written_to TEXT, "
            "written_at VARCHAR(32), PRIMARY KEY (bundle_id), UNIQUE (sequence))"
        )
        connection.execute(
            "INSERT INTO outbox_bundles VALUES ('K-000001', 1, ?, '', '[\"A-1\"]', ?, NULL, NULL)",
            ("d" * 64, NOW_TEXT),
        )
    assert upgrade(store) == 2
    assert _version(store.path) == SCHEMA_VERSION
    with store.session() as session:
        (bundle,) = outbox.list_bundles(session)
    assert (bundle.bundle_id, bundle.attempt_ids) == ("K-000001", ("A-1",))
    store.close()
    upgrade(open_store(tmp_path / "fresh.db"))
    assert _schema(tmp_path / "kiosk.db") == _schema(tmp_path / "fresh.db")


def test_version_4_adds_the_resume_position_and_the_recovery_code_empty(tmp_path: Path) -> None:
    store = _version_1_store_with_an_attempt(tmp_path / "kiosk.db")
    assert upgrade(store, target=3) == 1
    assert upgrade(store, target=4) == 3
    assert _version(store.path) == 4
    with store.session() as session:
        record = attempts.get_attempt(session, "A-1")
    assert record is not None and record.current_item_id is None
    with sqlite3.connect(store.path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(kiosk)")]
    assert "recovery_code_hash" in columns
    store.close()


def test_version_5_adds_access_codes_per_sitting_and_keeps_every_roster_code(tmp_path: Path) -> None:
    store = _version_1_store_with_an_attempt(tmp_path / "kiosk.db")
    assert upgrade(store, target=4) == 1
    with sqlite3.connect(store.path) as connection:
        codes_before = connection.execute("SELECT id, access_code_hash FROM candidates").fetchall()
    assert upgrade(store, target=5) == 4
    assert _version(store.path) == 5
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("SELECT id, access_code_hash FROM candidates").fetchall() == codes_before
        assert connection.execute("SELECT count(*) FROM sitting_codes").fetchone() == (0,)
    store.close()


def test_version_6_keeps_each_bundles_bytes_in_the_outbox(tmp_path: Path) -> None:
    store = _version_1_store_with_an_attempt(tmp_path / "kiosk.db")
    assert upgrade(store, target=5) == 1
    assert upgrade(store) == 5
    assert _version(store.path) == 6
    with sqlite3.connect(store.path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(outbox_bundles)")]
    assert columns[-1] == "data"
    store.close()


def test_an_upgraded_file_has_exactly_the_shape_of_a_fresh_one(tmp_path: Path) -> None:
    upgrade(_version_1_store_with_an_attempt(tmp_path / "old.db"))
    upgrade(open_store(tmp_path / "new.db"))
    assert _schema(tmp_path / "old.db") == _schema(tmp_path / "new.db")


def test_upgrading_a_current_file_changes_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kiosk.db")
    upgrade(store)
    before = _schema(store.path)
    assert upgrade(store) == SCHEMA_VERSION
    assert _schema(store.path) == before


def test_a_file_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=r"^kiosk_store\.newer_schema\b") as caught:
        upgrade(open_store(path))
    assert caught.value.params == {"path": path, "found": SCHEMA_VERSION + 1, "known": SCHEMA_VERSION}


def test_a_database_that_is_not_a_kiosk_store_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match=rf"^kiosk_store\.foreign_file path={path}$"):
        upgrade(open_store(path))
    assert _version(path) == 0


def test_a_failing_step_leaves_the_file_at_its_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _version_1_store_with_an_attempt(tmp_path / "kiosk.db")
    real_step = migrations.MIGRATIONS[1].apply

    def half_done(connection: Connection) -> None:
        real_step(connection)
        raise OSError("the disk went away")

    monkeypatch.setattr(
        migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], Migration(2, "broken", half_done))
    )
    with pytest.raises(OSError, match="the disk went away"):
        upgrade(store)
    assert _version(store.path) == 1
    with sqlite3.connect(store.path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(attempts)")]
    assert "delivered" not in columns


@pytest.mark.parametrize("statement", ["UPDATE journal SET item_id = 'X'", "DELETE FROM journal"])
def test_the_journal_refuses_changes_and_removals(store: Store, attempt: str, statement: str) -> None:
    with sqlite3.connect(store.path) as connection:
        connection.execute(
            "INSERT INTO journal VALUES (?, 1, 'F-01', '\"B\"', 1000, ?, ?, ?)",
            (attempt, NOW_TEXT, "0" * 64, "f" * 64),
        )
    with (
        sqlite3.connect(store.path) as connection,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
    ):
        connection.execute(statement)


def test_the_target_version_must_exist(store: Store) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        upgrade(store, target=SCHEMA_VERSION + 1)
