"""The store's engine: pragmas on every connection, transactions, integrity checks and backups."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.domain.errors import StoreError
from kiosk.messages import sentence
from kiosk.station.storage import engine
from kiosk.station.storage.engine import Store, describe_database_error, open_store
from kiosk.station.storage.migrations import upgrade
from kiosk.station.storage.repositories import audit
from kiosk.support.files import PRIVATE
from tests.station.storage.conftest import NOW


def _event_count(store: Store) -> int:
    with store.session() as session:
        return len(audit.events(session))


def test_every_connection_gets_the_durability_pragmas(store: Store) -> None:
    with store.engine.connect() as first, store.engine.connect() as second:
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 5000


def test_a_transaction_commits_when_its_block_ends(store: Store) -> None:
    with store.transaction() as session:
        audit.add_event(session, "opened", NOW)
    assert _event_count(store) == 1


def test_a_transaction_rolls_back_when_its_block_raises(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as session:
        audit.add_event(session, "opened", NOW)
        raise RuntimeError("the use case failed half-way")
    assert _event_count(store) == 0


def test_a_read_session_keeps_nothing_it_wrote(store: Store) -> None:
    with store.session() as session:
        audit.add_event(session, "opened", NOW)
    assert _event_count(store) == 0


def test_foreign_keys_are_enforced_and_reported(store: Store) -> None:
    refused = pytest.raises(StoreError, match=r"^kiosk_store\.refused detail=FOREIGN KEY constraint failed\b")
    with refused, store.transaction() as session:
        audit.add_event(session, "answered", NOW, attempt_id="A-NOBODY-00001")
    assert _event_count(store) == 0


def test_a_store_locked_by_another_program_says_so(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    upgrade(open_store(path))
    impatient = open_store(path, busy_timeout_ms=50)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        busy = pytest.raises(StoreError, match=rf"^kiosk_store\.busy path={path}$")
        with busy, impatient.transaction() as session:
            audit.add_event(session, "opened", NOW)
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.close()


def test_a_healthy_store_passes_both_checks(store: Store) -> None:
    assert store.check_integrity().ok
    assert store.check_integrity(quick=False).ok
    store.require_intact()


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.write_bytes(b"This is a shopping list, not a database.\n" * 200)
    store = open_store(path)
    assert not store.check_integrity().ok
    with pytest.raises(StoreError, match=r"^kiosk_store\.damaged detail=file is not a database\b"):
        store.require_intact()
    store.close()


def test_a_damaged_page_is_found_and_the_message_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    store = open_store(path)
    upgrade(store)
    with store.transaction() as session:
        for number in range(3000):
            audit.add_event(session, "filler", NOW, detail={"n": number, "text": "x" * 100})
    store.close()  # the last connection folds the WAL into the main file
    with path.open("r+b") as handle:
        handle.seek(4096 * 40 + 50)
        handle.write(b"\xff" * 300)
    damaged = open_store(path)
    with pytest.raises(StoreError) as caught:
        damaged.require_intact()
    damaged.close()
    assert caught.value.code == "kiosk_store.damaged" and caught.value.params["path"] == path
    message = sentence(caught.value)
    assert message.startswith(f"The kiosk store at {path} is damaged (")
    assert message.endswith(
        "Do not run exams on this PC: copy the data folder for the administrator and restore the store "
        "from the last backup."
    )


def test_a_backup_holds_commits_still_in_the_write_ahead_log(store: Store, tmp_path: Path) -> None:
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the schema is in the main file
    with store.transaction() as session:
        audit.add_event(session, "answered", NOW)
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.stat().st_size > 0
    # Copying the live file, as a careless backup would, loses the commit still in the WAL.
    naive = tmp_path / "naive.db"
    shutil.copyfile(store.path, naive)
    with sqlite3.connect(naive) as copy:
        assert copy.execute("SELECT count(*) FROM events").fetchone() == (0,)

    backup = store.backup(tmp_path / "backup.db")

    assert backup == tmp_path / "backup.db"
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT kind FROM events").fetchall() == [("answered",)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not list(tmp_path.glob(".*partial"))
    assert stat.S_IMODE(backup.stat().st_mode) == PRIVATE


def test_a_backup_that_cannot_be_written_leaves_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(engine, "_fsync_file", full_disk)
    with pytest.raises(StoreError, match=r"^kiosk_store\.backup_disk_full\b") as caught:
        store.backup(stick / "backup.db")
    assert caught.value.params == {"path": stick / "backup.db"}
    assert list(stick.iterdir()) == []


def test_a_backup_syncs_its_folder_with_the_file_writers_helper(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[Path] = []
    monkeypatch.setattr(engine, "fsync_folder", synced.append)
    backup = store.backup(tmp_path / "backup.db")
    assert synced == [tmp_path] and backup.exists()


def test_a_backup_into_a_folder_gets_a_dated_file_name(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    backup = store.backup(folder)
    assert backup.parent == folder
    assert backup.name.startswith("kiosk-backup-") and backup.suffix == ".db"


def test_a_backup_never_overwrites_a_file(store: Store, tmp_path: Path) -> None:
    existing = tmp_path / "backup.db"
    existing.write_text("yesterday's backup")
    with pytest.raises(StoreError, match=rf"^kiosk_store\.backup_exists path={existing}$"):
        store.backup(existing)
    assert existing.read_text() == "yesterday's backup"


def test_a_backup_to_a_missing_folder_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"^kiosk_store\.backup_folder_missing\b") as caught:
        store.backup(tmp_path / "no-such-stick" / "backup.db")
    assert caught.value.params == {"folder": tmp_path / "no-such-stick"}


@pytest.mark.parametrize(
    ("detail", "code", "expected"),
    [
        ("database is locked", "kiosk_store.busy", "is busy (another kiosk program may be using it)"),
        ("database or disk is full", "kiosk_store.disk_full", "is full; free some space and try again."),
        (
            "attempt to write a readonly database",
            "kiosk_store.read_only",
            "cannot be written; check the folder's permissions.",
        ),
        (
            "database disk image is malformed",
            "kiosk_store.damaged",
            "is damaged (database disk image is malformed).",
        ),
        (
            "UNIQUE constraint failed: journal.sequence",
            "kiosk_store.refused",
            "refused the change (UNIQUE constraint failed",
        ),
    ],
)
def test_database_errors_become_codes(tmp_path: Path, detail: str, code: str, expected: str) -> None:
    error = describe_database_error(tmp_path / "kiosk.db", detail)
    assert error.code == code and error.params["path"] == tmp_path / "kiosk.db"
    assert expected in sentence(error)


def test_the_store_can_be_reopened_after_closing(store: Store) -> None:
    store.close()
    with store.session() as session:
        assert session.execute(text("SELECT 1")).scalar_one() == 1


# The store, its write-ahead log and its shared-memory file are readable by their owner only.

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_store_and_its_log_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store = open_store(tmp_path / "kiosk.db")
        upgrade(store)
        with store.transaction() as session:
            audit.add_event(session, "opened", NOW)
        with store.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
            files = sorted(path.name for path in tmp_path.iterdir())
            assert files == ["kiosk.db", "kiosk.db-shm", "kiosk.db-wal"]
            assert {_mode(tmp_path / name) for name in files} == {PRIVATE}
        store.close()
    finally:
        os.umask(old)


@posix_only
def test_a_store_left_open_to_others_is_narrowed_when_opened(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kiosk.db")
    upgrade(store)
    store.close()
    (tmp_path / "kiosk.db").chmod(0o644)
    (tmp_path / "kiosk.db-wal").write_bytes(b"")
    (tmp_path / "kiosk.db-wal").chmod(0o666)
    reopened = open_store(tmp_path / "kiosk.db")
    reopened.close()
    assert _mode(tmp_path / "kiosk.db") == _mode(tmp_path / "kiosk.db-wal") == PRIVATE


@posix_only
def test_a_store_whose_mode_cannot_be_changed_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kiosk.db").write_bytes(b"")
    (tmp_path / "kiosk.db").chmod(0o644)

    def refuse(path: Path, mode: int) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(StoreError, match=r"^kiosk_store\.not_private\b") as caught:
        open_store(tmp_path / "kiosk.db")
    assert caught.value.params == {"path": tmp_path / "kiosk.db", "reason": "Operation not permitted"}
    assert sentence(caught.value) == (
        f"The kiosk store {tmp_path / 'kiosk.db'} cannot be made private to this account (Operation not "
        "permitted); make this account its owner or choose another data folder."
    )
