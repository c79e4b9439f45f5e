"""Opening the kiosk data folder: its layout, the start-up check and the schema upgrade."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock, SystemClock
from kiosk.domain.errors import StoreError
from kiosk.formats.enrolment import ENROLMENT_SUFFIX
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.secrets import HashCost
from kiosk.messages import sentence
from kiosk.station.services.bank_install import trust_key
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.exam import ExamSession
from kiosk.station.services.export import BUNDLE_SUFFIX, export_results
from kiosk.station.storage.migrations import SCHEMA_VERSION


def test_the_data_folder_is_laid_out_and_the_store_created(tmp_path: Path) -> None:
    clock = FakeClock()
    ctx = open_context(tmp_path / "kiosk-data", clock=clock, hash_cost=HashCost.TEST)
    ctx.close()
    assert sorted(path.name for path in (tmp_path / "kiosk-data").iterdir() if path.is_dir()) == [
        "keys",
        "packages",
        "trust",
    ]
    assert (ctx.packages_dir, ctx.trust_dir, ctx.keys_dir) == (
        tmp_path / "kiosk-data" / "packages",
        tmp_path / "kiosk-data" / "trust",
        tmp_path / "kiosk-data" / "keys",
    )
    with sqlite3.connect(tmp_path / "kiosk-data" / "kiosk.db") as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert ctx.clock is clock and ctx.hash_cost is HashCost.TEST


def test_the_real_clock_and_standard_hashing_are_the_defaults(tmp_path: Path) -> None:
    ctx = open_context(tmp_path)
    ctx.close()
    assert isinstance(ctx.clock, SystemClock)
    assert ctx.hash_cost is HashCost.STANDARD


def test_opening_twice_keeps_what_was_stored(tmp_path: Path) -> None:
    open_context(tmp_path).close()
    ctx = open_context(tmp_path)
    ctx.close()
    assert (tmp_path / "kiosk.db").exists()


def test_a_damaged_store_stops_the_kiosk_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "kiosk.db").write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(StoreError, match=r"^kiosk_store\.damaged\b") as caught:
        open_context(tmp_path)
    assert caught.value.params["path"] == tmp_path / "kiosk.db"


def test_a_data_folder_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=r"^kiosk_store\.folder_not_created\b") as caught:
        open_context(blocker / "data")
    assert caught.value.params["folder"] == blocker / "data"


# The data folder holds PIN and access-code hashes, names, results and the kiosk's private key: on POSIX it
# is 0700 and every file in it 0600, whatever the umask, and a folder left open by an older version is
# narrowed when the kiosk starts.

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _modes(folder: Path) -> tuple[set[int], dict[str, int]]:
    """The modes of the folders in ``folder`` (itself included), and each file's mode by its relative path."""
    entries = [folder, *folder.rglob("*")]
    folders = {_mode(path) for path in entries if path.is_dir()}
    return folders, {str(path.relative_to(folder)): _mode(path) for path in entries if path.is_file()}


@posix_only
def test_a_new_data_folder_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        ctx = open_context(tmp_path / "kiosk-data", hash_cost=HashCost.TEST)
        ctx.close()
    finally:
        os.umask(old)
    folders, files_ = _modes(tmp_path / "kiosk-data")
    assert folders == {0o700}
    assert "kiosk.db" in files_ and set(files_.values()) == {0o600}


@posix_only
def test_everything_the_kiosk_writes_into_its_data_folder_is_private(
    exam: ExamSession, staffed: KioskContext, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        exam.submit()
        _, registry = write_identity(generate_identity(KeyKind.REGISTRY, "registry"), tmp_path / "registry")
        trust_key(staffed, registry)
        (staffed.data_dir / "exports").mkdir(mode=0o700)  # the person's own folder, private as asked
        export_results(staffed, staffed.data_dir / "exports")
        staffed.store.backup(staffed.data_dir / "kiosk-backup.db")
        enrol(staffed, staffed.data_dir)
    finally:
        os.umask(old)
    folders, files_ = _modes(staffed.data_dir)
    written = {Path(name).suffix or name for name in files_}
    assert {
        ".db",
        ".db-wal",
        ".db-shm",
        ".key",
        ".pub",
        ".1xbank",
        BUNDLE_SUFFIX,
        ENROLMENT_SUFFIX,
    } <= written
    assert folders == {0o700}
    assert {name: mode for name, mode in files_.items() if mode != 0o600} == {}


@posix_only
def test_an_open_data_folder_is_narrowed_when_the_kiosk_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_context(data, hash_cost=HashCost.TEST).close()
    # As an older version, a copy or an archive tool would have left it.
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (data / "keys" / "old.pub").write_bytes(b"public")
    (data / "keys" / "old.pub").chmod(0o666)
    ctx = open_context(data, hash_cost=HashCost.TEST)
    ctx.close()
    folders, files_ = _modes(data)
    assert folders == {0o700}
    assert set(files_.values()) == {0o600} and "keys/old.pub" in files_


@posix_only
def test_a_data_folder_that_cannot_be_made_private_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    open_context(data, hash_cost=HashCost.TEST).close()
    (data / "kiosk.db").chmod(0o644)

    def refuse(path: Path, mode: int) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(path))

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(StoreError, match=r"^kiosk_store\.folder_not_private\b") as caught:
        open_context(data, hash_cost=HashCost.TEST)
    assert caught.value.params == {
        "folder": data,
        "path": data / "kiosk.db",
        "reason": "Operation not permitted",
    }
    assert sentence(caught.value) == (
        f"The kiosk data folder {data} cannot be made private to this account: {data / 'kiosk.db'} refused "
        "(Operation not permitted). Make this account the owner of the folder and everything in it, or "
        "choose another folder."
    )


def test_a_file_written_into_the_data_folder_is_owner_only(ctx: KioskContext, tmp_path: Path) -> None:
    assert ctx.mode_for(ctx.data_dir / "exports" / "x.1xenrol", 0o644) == 0o600
    assert ctx.mode_for(ctx.data_dir / ".." / "x.1xenrol", 0o644) == 0o644
    assert ctx.mode_for(tmp_path / "usb" / "x.1xenrol", 0o644) == 0o644
