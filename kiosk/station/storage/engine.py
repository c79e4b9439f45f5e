"""The kiosk's SQLite store: the engine with its durability pragmas, transactions, checks and backups.

Every connection runs in WAL mode with ``synchronous=FULL`` (DESIGN.md §6), so a transaction whose commit
returned survives a power cut. Services own transactions (``with store.transaction() as session``);
repositories only take the session they are given and never commit.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeAlias

from sqlalchemy import Engine, create_engine, exc
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.errors import StoreError
from kiosk.support.sql import configure_sqlite, immediate_writes, unit_of_work

BUSY_TIMEOUT_MS = 5000

# The session type services receive from ``Store.transaction()``, named here so that services can annotate
# helpers without importing SQLAlchemy themselves.
StoreSession: TypeAlias = Session


def _damaged(path: Path, detail: str) -> StoreError:
    return StoreError(
        f"The kiosk store at {path} is damaged ({detail}). Do not run exams on this PC: copy the data folder "
        "for the administrator and restore the store from the last backup."
    )


def _database_problem(path: Path, error: exc.DBAPIError) -> StoreError:
    return describe_database_error(path, str(error.orig) if error.orig is not None else str(error))


def describe_database_error(path: Path, detail: str) -> StoreError:
    """One sentence for what SQLite said went wrong, saying what the person can do about it."""
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreError(
            f"The kiosk store at {path} is busy (another kiosk program may be using it); close that program "
            "and try again."
        )
    if "full" in lowered:
        return StoreError(
            f"The disk holding the kiosk store at {path} is full; free some space and try again."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(f"The kiosk store at {path} cannot be written; check the folder's permissions.")
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return _damaged(path, detail)
    return StoreError(f"The kiosk store at {path} refused the change ({detail}).")


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    """What SQLite's own check found: ``ok`` or the list of problems it printed."""

    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class Store:
    """One SQLite file: hands out sessions inside transactions, checks itself and makes backups."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._writer = sessionmaker(bind=immediate_writes(engine), expire_on_commit=False)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session for one use case: committed when the block ends, rolled back if it raises."""
        with self._run(self._writer) as session:
            yield session

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading only; anything written in it is rolled back."""
        with self._run(self._reader, commit=False) as session:
            yield session

    def _run(self, factory: sessionmaker[Session], commit: bool = True) -> AbstractContextManager[Session]:
        return unit_of_work(factory, commit, lambda error: _database_problem(self.path, error))

    def check_integrity(self, quick: bool = True) -> IntegrityReport:
        """Run SQLite's ``quick_check`` (or the full ``integrity_check``) and report what it found."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            with self.engine.connect() as connection:
                rows = connection.exec_driver_sql(f"PRAGMA {pragma}").fetchall()
                foreign = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        except exc.DBAPIError as error:
            detail = str(error.orig) if error.orig is not None else str(error)
            return IntegrityReport((detail,))
        problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
        problems.extend(
            f"row {row[1]} of table {row[0]} points to a missing row of {row[2]}" for row in foreign
        )
        return IntegrityReport(tuple(problems))

    def require_intact(self, quick: bool = True) -> None:
        """Raise StoreError saying what to do if the store is damaged; the start-up gate for exams."""
        report = self.check_integrity(quick=quick)
        if not report.ok:
            shown = "; ".join(report.problems[:3])
            more = f"; and {len(report.problems) - 3} more" if len(report.problems) > 3 else ""
            raise _damaged(self.path, shown + more)

    def user_version(self) -> int:
        """The schema version recorded in the file (``PRAGMA user_version``)."""
        try:
            with self.engine.connect() as connection:
                value = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
        except exc.DBAPIError as error:
            raise _database_problem(self.path, error) from error
        return int(value)

    def backup(self, destination: Path) -> Path:
        """Copy the live store consistently with SQLite's backup API, then check the copy reads back.

        ``destination`` may be a folder (a dated file name is chosen) or a file path that does not exist.
        The copy is written beside the destination under a temporary name, flushed and renamed, so a
        pulled USB stick never leaves a half-written file under the final name.
        """
        target = destination / _backup_name() if destination.is_dir() else destination
        if target.exists():
            raise StoreError(f"The backup file {target} already exists; choose another name or folder.")
        if not target.parent.is_dir():
            raise StoreError(
                f"The backup folder {target.parent} does not exist; create it or choose another."
            )
        temporary = target.with_name(f".{target.name}.partial")
        try:
            self._copy_to(temporary)
            _fsync_file(temporary)
            problems = _check_copy(temporary)
            if problems:
                raise StoreError(f"The backup written to {target} did not read back correctly ({problems}).")
            os.replace(temporary, target)
            _fsync_directory(target.parent)
        except OSError as error:
            raise StoreError(f"The backup could not be written to {target} ({error.strerror}).") from error
        finally:
            temporary.unlink(missing_ok=True)
        return target

    def _copy_to(self, temporary: Path) -> None:
        copy = sqlite3.connect(temporary)
        try:
            with self.engine.connect() as connection:
                raw = connection.connection.dbapi_connection
                if not isinstance(raw, sqlite3.Connection):
                    raise StoreError("The kiosk store is not an SQLite database, so it cannot be backed up.")
                raw.backup(copy)
            # A single self-contained file: fold the copy's write-ahead log back in.
            copy.execute("PRAGMA journal_mode = DELETE")
        except exc.DBAPIError as error:
            raise _database_problem(self.path, error) from error
        except sqlite3.Error as error:
            raise StoreError(f"The backup could not be made ({error}).") from error
        finally:
            copy.close()

    def close(self) -> None:
        """Close every pooled connection; the store can be opened again later."""
        self.engine.dispose()


def open_store(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    """Open (creating if absent) the SQLite store at ``path``; connections are made lazily.

    ``busy_timeout_ms`` is how long a transaction waits for another program's lock before giving up.
    """
    if not path.parent.is_dir():
        raise StoreError(f"The folder {path.parent} for the kiosk store does not exist.")
    engine = create_engine(f"sqlite:///{path}")
    configure_sqlite(engine, busy_timeout_ms)
    return Store(path, engine)


def _backup_name() -> str:
    return f"kiosk-backup-{datetime.now(UTC):%Y%m%d-%H%M%S}.db"


def _check_copy(path: Path) -> str:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return "; ".join(str(row[0]) for row in rows if row[0] != "ok")


def _fsync_file(path: Path) -> None:
    # Read-write: Windows refuses to flush a file opened read-only.
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_directory(path: Path) -> None:
    # Directories cannot be opened for fsync on Windows; the rename is still atomic there.
    if os.name == "nt":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
