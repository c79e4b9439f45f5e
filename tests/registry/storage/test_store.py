"""The registry database: URLs, connection errors, schema creation, pragmas and transactions."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url, text

from kiosk.domain.errors import StoreError
from kiosk.messages import sentence
from kiosk.registry.storage.store import open_registry_database, sqlite_url
from kiosk.registry.storage.tables import EnrolledKioskRow, RegistryBase
from tests.fixtures.registry import database_url_fixture  # noqa: F401 (fixture)

WHEN = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def kiosk_row(kiosk_id: str = "K1") -> EnrolledKioskRow:
    return EnrolledKioskRow(
        kiosk_id=kiosk_id,
        kiosk_name="Lab PC",
        centre="Kitwe",
        key_id="0" * 16,
        public_text="-",
        enrolled_at=WHEN,
    )


def test_a_malformed_url_is_refused_with_an_example() -> None:
    with pytest.raises(StoreError) as caught:
        open_registry_database("not a url")
    assert (caught.value.code, caught.value.params) == ("registry_db.not_a_url", {"url": "not a url"})
    assert sentence(caught.value).startswith(
        "The registry database address 'not a url' is not a database URL; use e.g. 'sqlite:///registry.db'"
    )


def test_other_databases_are_refused() -> None:
    with pytest.raises(StoreError) as caught:
        open_registry_database("mysql://user@localhost/registry")
    assert (caught.value.code, caught.value.params) == ("registry_db.unsupported", {"backend": "mysql"})
    assert sentence(caught.value) == "The registry database must be SQLite or PostgreSQL, not 'mysql'."


def test_a_missing_sqlite_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_registry_database(sqlite_url(tmp_path / "nowhere" / "registry.db"))
    assert caught.value.code == "registry_db.folder_missing"
    assert caught.value.params == {"folder": tmp_path / "nowhere"}
    assert sentence(caught.value).startswith(f"The folder {tmp_path / 'nowhere'} for the registry database")


def test_a_missing_driver_is_named_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_registry_database("postgresql+nosuchdriver://clerk:secret@127.0.0.1:1/registry")
    assert caught.value.code == "registry_db.unusable"
    assert caught.value.params["database"] == "postgresql+nosuchdriver://clerk:***@127.0.0.1:1/registry"
    assert "secret" not in sentence(caught.value) and "secret" not in str(caught.value)


def test_an_unreachable_server_is_one_sentence_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_registry_database("postgresql+psycopg://clerk:secret@127.0.0.1:1/registry")
    assert caught.value.code == "registry_db.unreachable"
    assert caught.value.params["database"] == "postgresql+psycopg://clerk:***@127.0.0.1:1/registry"
    message = sentence(caught.value)
    assert message.startswith("The registry database postgresql+psycopg://clerk:***@127.0.0.1:1/registry")
    assert "check that the server is running" in message and "secret" not in message
    assert "\n" not in message and "secret" not in str(caught.value)


def test_the_schema_is_created_once_and_opening_again_keeps_the_data(database_url: str) -> None:
    database = open_registry_database(database_url)
    with database.transaction() as session:
        session.add(kiosk_row())
    database.close()
    again = open_registry_database(database_url)
    with again.session() as session:
        assert session.get(EnrolledKioskRow, "K1") is not None
        names = set(inspect(session.connection()).get_table_names())
    again.close()
    assert names >= set(RegistryBase.metadata.tables)


def _indexes(database_url: str) -> dict[str, dict[str, list[str]]]:
    """Each registry table's indexes in the database at ``database_url``, with their columns."""
    database = open_registry_database(database_url)
    try:
        with database.session() as session:
            found = inspect(session.connection())
            return {
                table: {str(index["name"]): list(index["column_names"]) for index in found.get_indexes(table)}
                for table in RegistryBase.metadata.tables
            }
    finally:
        database.close()


def test_a_registry_made_before_an_index_gets_it_when_next_opened(database_url: str) -> None:
    database = open_registry_database(database_url)
    with database.transaction() as session:
        session.add(kiosk_row())
        # As a registry made before the results list read its pages from these indexes.
        session.execute(text("DROP INDEX ix_attempts_list"))
        session.execute(text("DROP INDEX ix_attempts_sitting"))
    database.close()

    # Opened again (and again: making them is idempotent), it has every index the schema declares.
    for _ in range(2):
        held = _indexes(database_url)
        declared = {
            table.name: {str(index.name) for index in table.indexes}
            for table in RegistryBase.metadata.tables.values()
        }
        assert all(declared[name] <= set(held[name]) for name in declared), (declared, held)
    assert held["attempts"]["ix_attempts_list"] == [
        "certificate",
        "grade",
        "centre",
        "candidate_number",
        "attempt_id",
        "passed",
    ]
    again = open_registry_database(database_url)
    with again.session() as session:
        assert session.get(EnrolledKioskRow, "K1") is not None
    again.close()


def test_opening_a_registry_does_not_wait_on_another_process_writing_to_it(database_url: str) -> None:
    """Opening a PostgreSQL registry while an import holds its bundle transaction goes straight through.

    Making an index that already exists would still lock its table against that transaction's writes: the
    opener would wait for the import, and an import's reader process opening it could deadlock with it.
    """
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite queues writers by design (BEGIN IMMEDIATE)")
    open_registry_database(database_url).close()
    writer = create_engine(database_url)
    try:
        with writer.begin() as connection:
            # The lock every row written to a table takes, on each table with an index of its own.
            for table in RegistryBase.metadata.sorted_tables:
                if table.indexes:
                    connection.execute(text(f"LOCK TABLE {table.name} IN ROW EXCLUSIVE MODE"))
            # Still inside the writing transaction: another connection opens the registry, giving up
            # after two seconds of waiting for a lock.
            impatient = make_url(database_url)
            options = f"{impatient.query.get('options', '')} -clock_timeout=2000".strip()
            opened = open_registry_database(
                impatient.update_query_dict({"options": options}).render_as_string(hide_password=False)
            )
            opened.close()
    finally:
        writer.dispose()


def test_sqlite_runs_in_wal_mode_with_full_sync_foreign_keys_and_a_large_cache(tmp_path: Path) -> None:
    database = open_registry_database(sqlite_url(tmp_path / "registry.db"))
    with database.session() as session:
        pragmas = [
            session.execute(text(f"PRAGMA {name}")).scalar_one()
            for name in ("journal_mode", "synchronous", "foreign_keys", "cache_size")
        ]
    database.close()
    assert pragmas == ["wal", 2, 1, -65536]


def test_a_transaction_rolls_back_when_its_block_raises(database_url: str) -> None:
    database = open_registry_database(database_url)
    with pytest.raises(RuntimeError), database.transaction() as session:
        session.add(kiosk_row())
        session.flush()
        raise RuntimeError("stop")
    with database.session() as session:
        assert session.get(EnrolledKioskRow, "K1") is None
        session.add(kiosk_row("K2"))
        session.flush()
    with database.session() as session:
        assert session.get(EnrolledKioskRow, "K2") is None
    database.close()


def test_a_database_refusal_becomes_one_sentence(database_url: str) -> None:
    database = open_registry_database(database_url)
    with database.transaction() as session:
        session.add(kiosk_row())
    with pytest.raises(StoreError) as caught, database.transaction() as session:
        session.add(kiosk_row())
    database.close()
    assert caught.value.code == "registry_db.refused"
    assert caught.value.params["database"] == database.shown_url and caught.value.params["detail"]
    assert re.fullmatch(r"The registry database .* refused the change \(.+\)\.", sentence(caught.value))


def test_times_must_carry_a_time_zone(tmp_path: Path) -> None:
    database = open_registry_database(sqlite_url(tmp_path / "registry.db"))
    row = kiosk_row()
    row.enrolled_at = datetime(2025, 3, 14, 9, 0)
    with pytest.raises(Exception, match="timezone-aware"), database.transaction() as session:
        session.add(row)
    database.close()
