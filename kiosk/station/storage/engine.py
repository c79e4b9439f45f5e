"""The kiosk's SQLite store: the engine with its durability pragmas, transactions, checks and backups.

Every connection runs in WAL mode with ``synchronous=FULL`` (docs/ARCHITECTURE.md §4), so a transaction
whose commit returned survives a power cut. Services own transactions (``with store.transaction() as
session``); repositories only take the session they are given and never commit.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeAlias

from sqlalchemy import Engine, create_engine, exc
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.errors import StoreError
from kiosk.support.files import PRIVATE, fsync_folder
from kiosk.support.sql import configure_sqlite, immediate_writes, unit_of_work

BUSY_TIMEOUT_MS = 5000

# The session type services receive from ``Store.transaction()``, named here so that services can annotate
# helpers without importing SQLAlchemy themselves.
StoreSession: TypeAlias = Session


def _damaged(path: Path, detail: str, problems: int = 1) -> StoreError:
    return StoreError("kiosk_store.damaged", path=path, detail=detail, problems=problems)


def _database_problem(path: Path, error: exc.DBAPIError) -> StoreError:
    return describe_database_error(path, str(error.orig) if error.orig is not None else str(error))


def describe_database_error(path: Path, detail: str) -> StoreError:
    """The StoreError for what SQLite said (``detail``) went wrong, coded by what the person can do."""
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreError("kiosk_store.busy", path=path)
    if "full" in lowered:
        return StoreError("kiosk_store.disk_full", path=path)
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError("kiosk_store.read_only", path=path)
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return _damaged(path, detail)
    return StoreError("kiosk_store.refused", path=path, detail=detail)


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
        """Raise StoreError (``kiosk_store.damaged``) if the store is damaged; the start-up gate for exams."""
        report = self.check_integrity(quick=quick)
        if not report.ok:
            # SQLite's own words go along as the detail: the first few, and how many there are.
            raise _damaged(self.path, "; ".join(report.problems[:3]), problems=len(report.problems))

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
        pulled USB stick never leaves a half-written file under the final name. The copy is readable by
        its owner only, like the store it copies.
        """
        target = destination / _backup_name() if destination.is_dir() else destination
        if target.exists():
            raise StoreError("kiosk_store.backup_exists", path=target)
        if not target.parent.is_dir():
            raise StoreError("kiosk_store.backup_folder_missing", folder=target.parent)
        temporary = target.with_name(f".{target.name}.partial")
        try:
            # Created owner-only before SQLite writes a byte into it (a stale copy is emptied).
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE))
            os.chmod(temporary, PRIVATE)
            self._copy_to(temporary)
            _fsync_file(temporary)
            problems = _check_copy(temporary)
            if problems:
                raise StoreError("kiosk_store.backup_unreadable", path=target, detail=problems)
            os.replace(temporary, target)
            fsync_folder(target.parent)
        except OSError as error:
            raise _backup_not_written(target, error) from error
        finally:
            temporary.unlink(missing_ok=True)
        return target

    def _copy_to(self, temporary: Path) -> None:
        copy = sqlite3.connect(temporary)
        try:
            with self.engine.connect() as connection:
                raw = connection.connection.dbapi_connection
                if not isinstance(raw, sqlite3.Connection):
                    raise StoreError("kiosk_store.backup_not_sqlite")
                raw.backup(copy)
            # A single self-contained file: fold the copy's write-ahead log back in.
            copy.execute("PRAGMA journal_mode = DELETE")
        except exc.DBAPIError as error:
            raise _database_problem(self.path, error) from error
        except sqlite3.Error as error:
            raise StoreError("kiosk_store.backup_failed", path=self.path, detail=str(error)) from error
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
        raise StoreError("kiosk_store.folder_missing", folder=path.parent)
    _make_private(path)
    engine = create_engine(f"sqlite:///{path}")
    configure_sqlite(engine, busy_timeout_ms)
    return Store(path, engine)


def _make_private(path: Path) -> None:
    """Create the store file owner-only before SQLite does, and narrow one an older program left open.

    SQLite gives a new store the umask's mode (often 0644) and its ``-wal`` and ``-shm`` files the mode of
    the store itself, so a store that is 0600 keeps its write-ahead log private too.
    """
    if os.name != "posix":
        return
    try:
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE))
        for companion in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
            if companion.is_file() and stat.S_IMODE(companion.stat().st_mode) != PRIVATE:
                companion.chmod(PRIVATE)
    except OSError as error:
        raise StoreError("kiosk_store.not_private", path=path, reason=error.strerror or str(error)) from error


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


def _backup_not_written(target: Path, error: OSError) -> StoreError:
    """The backup's OSError as a code: a full or read-only disk is named as such, like any file written."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return StoreError("kiosk_store.backup_disk_full", path=target)
    return StoreError("kiosk_store.backup_not_written", path=target, reason=error.strerror or str(error))
