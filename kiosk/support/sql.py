"""The SQL engine set-up both stores share: SQLite durability pragmas and write transactions that take
the lock at BEGIN, so the kiosk store and the registry database behave alike."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

# Transactions that will write take the write lock at BEGIN, so a busy store waits (busy_timeout) instead
# of failing half-way through when a deferred reader tries to upgrade its lock.
_BEGIN_OPTION = "kiosk_begin"


def configure_sqlite(engine: Engine, busy_timeout_ms: int, extra_pragmas: tuple[str, ...] = ()) -> None:
    """Give every connection of an SQLite engine the durability pragmas, and let writers BEGIN IMMEDIATE.

    WAL with synchronous=FULL makes a returned commit durable through a power cut; foreign keys are off by
    default in SQLite and must be switched on per connection. ``extra_pragmas`` are run after these.
    """

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event, not the sqlite3 module, decide when transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            for pragma in extra_pragmas:
                cursor.execute(pragma)
        finally:
            cursor.close()

    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)


def immediate_writes(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at BEGIN (see configure_sqlite)."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


@contextmanager
def unit_of_work(
    factory: sessionmaker[Session], commit: bool, problem: Callable[[exc.DBAPIError], Exception]
) -> Iterator[Session]:
    """One session for one use case: committed when the block ends (or rolled back when ``commit`` is
    false, for reads), rolled back if it raises; a database failure becomes ``problem(error)``."""
    session = factory()
    try:
        yield session
        if commit:
            session.commit()
        else:
            session.rollback()
    except exc.DBAPIError as error:
        session.rollback()
        raise problem(error) from error
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
