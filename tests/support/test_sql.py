"""One unit of work per use case: committed, rolled back, or turned into the store's own error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, exc, text
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.errors import StoreError
from kiosk.support.sql import configure_sqlite, immediate_writes, unit_of_work


def _problem(error: exc.DBAPIError) -> StoreError:
    return StoreError("store.refused", detail=str(error.orig))


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    configure_sqlite(engine, busy_timeout_ms=1000)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"))
    yield engine
    engine.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(immediate_writes(engine))


def _bodies(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(text("SELECT body FROM notes ORDER BY id"))]


def _add(session: Session, body: str) -> None:
    session.execute(text("INSERT INTO notes (body) VALUES (:body)"), {"body": body})


def test_a_write_is_committed_when_the_block_ends(engine: Engine, factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory, commit=True, problem=_problem) as session:
        _add(session, "kept")
    assert _bodies(engine) == ["kept"]
    assert not session.in_transaction()


def test_a_read_is_rolled_back_even_if_it_wrote(engine: Engine, factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory, commit=False, problem=_problem) as session:
        _add(session, "not kept")
        assert session.execute(text("SELECT count(*) FROM notes")).scalar_one() == 1
    assert _bodies(engine) == []
    assert not session.in_transaction()


def test_an_exception_rolls_back_and_passes_through(engine: Engine, factory: sessionmaker[Session]) -> None:
    with (
        pytest.raises(ValueError, match="stop"),
        unit_of_work(factory, commit=True, problem=_problem) as session,
    ):
        _add(session, "not kept")
        raise ValueError("stop")
    assert _bodies(engine) == []
    assert not session.in_transaction()


def test_a_database_failure_becomes_the_stores_problem(
    engine: Engine, factory: sessionmaker[Session]
) -> None:
    with (
        pytest.raises(StoreError, match=r"^store\.refused\b") as caught,
        unit_of_work(factory, commit=True, problem=_problem) as session,
    ):
        _add(session, "not kept")
        session.execute(text("INSERT INTO notes (body) VALUES (NULL)"))
    assert isinstance(caught.value.__cause__, exc.IntegrityError)
    assert "NOT NULL" in str(caught.value.params["detail"])
    assert _bodies(engine) == []


def test_a_failing_commit_becomes_the_stores_problem(engine: Engine, factory: sessionmaker[Session]) -> None:
    # A deferred foreign key is only checked at COMMIT, so the failure comes from the commit itself.
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE links (note_id INTEGER REFERENCES notes (id) DEFERRABLE INITIALLY DEFERRED)")
        )
    with (
        pytest.raises(StoreError, match=r"^store\.refused\b") as caught,
        unit_of_work(factory, commit=True, problem=_problem) as session,
    ):
        _add(session, "not kept")
        session.execute(text("INSERT INTO links (note_id) VALUES (99)"))
    assert isinstance(caught.value.__cause__, exc.IntegrityError)
    assert "FOREIGN KEY" in str(caught.value.params["detail"])
    assert _bodies(engine) == []


def test_writers_take_the_lock_at_begin(engine: Engine, factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory, commit=True, problem=_problem) as session:
        session.execute(text("SELECT 1"))
        assert engine.dialect.name == "sqlite"
        # A second writer cannot start while this one holds the lock taken at BEGIN IMMEDIATE.
        other = create_engine(str(engine.url), connect_args={"timeout": 0})
        try:
            with pytest.raises(exc.OperationalError, match="locked"), other.connect() as connection:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
        finally:
            other.dispose()
