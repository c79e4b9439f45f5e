"""The one file writer: every byte written, exact modes, and nothing half-written when the disk refuses."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.domain.errors import FileWriteError
from kiosk.messages import sentence
from kiosk.support import files
from kiosk.support.files import PRIVATE, PRIVATE_FOLDER, SHARED, make_private_folder, write_file, write_text

Write = Callable[[int, bytes], int]
REAL_WRITE: Write = os.write


def _short_writes(limit: int = 2, fail_after: int | None = None, code: int = errno.ENOSPC) -> Write:
    """An os.write that writes at most ``limit`` bytes a call, and fails with ``code`` once ``fail_after``
    bytes are written."""
    written = 0

    def write(fd: int, data: bytes) -> int:
        nonlocal written
        if fail_after is not None and written >= fail_after:
            raise OSError(code, os.strerror(code))
        count = REAL_WRITE(fd, bytes(data[:limit]))
        written += count
        return count

    return write


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test, and put the old one back afterwards."""
    old = os.umask(0o022)
    os.umask(old)

    def set_umask(value: int) -> None:
        os.umask(value)

    yield set_umask
    os.umask(old)


def test_a_file_is_written_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "a" / "file.bin"
    write_file(target, b"one")
    write_file(target, b"two")
    assert target.read_bytes() == b"two"
    assert [path.name for path in target.parent.iterdir()] == ["file.bin"]


def test_text_is_written_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "name.txt"
    write_text(target, "储能维护 II 级")
    assert target.read_text(encoding="utf-8") == "储能维护 II 级"


def test_missing_folders_are_created(tmp_path: Path) -> None:
    target = tmp_path / "one" / "two" / "three" / "file.bin"
    write_file(target, b"x")
    assert target.read_bytes() == b"x"


def test_short_writes_still_write_every_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytes(range(256)) * 40 + b"tail"
    monkeypatch.setattr("kiosk.support.files.os.write", _short_writes(limit=2))
    target = tmp_path / "file.bin"
    write_file(target, data)
    assert target.read_bytes() == data
    assert _leftovers(tmp_path) == []


def test_a_full_disk_leaves_no_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.support.files.os.write", _short_writes(limit=2, fail_after=6))
    target = tmp_path / "file.bin"
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        write_file(target, b"x" * 1000)
    assert caught.value.params == {"path": target}
    assert not target.exists()
    assert _leftovers(tmp_path) == []
    assert sentence(caught.value).startswith(f"The disk is full, so {target} was not written;")


def test_a_full_disk_leaves_the_old_file_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "file.bin"
    write_file(target, b"the old content", SHARED)
    monkeypatch.setattr("kiosk.support.files.os.write", _short_writes(limit=2, fail_after=4))
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b"):
        write_file(target, b"the new content, longer than the old")
    assert target.read_bytes() == b"the old content"
    assert _mode(target) == SHARED
    assert _leftovers(tmp_path) == []


def test_a_write_that_makes_no_progress_counts_as_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kiosk.support.files.os.write", lambda fd, data: 0)
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b"):
        write_file(tmp_path / "file.bin", b"data")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "file.disk_full"),
        (errno.EROFS, "file.read_only"),
        (errno.EACCES, "file.no_permission"),
        (errno.EPERM, "file.no_permission"),
    ],
)
def test_refusals_are_named_by_what_went_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, expected: str
) -> None:
    monkeypatch.setattr("kiosk.support.files.os.write", _short_writes(fail_after=0, code=code))
    target = tmp_path / "file.bin"
    with pytest.raises(FileWriteError) as caught:
        write_file(target, b"data")
    assert (caught.value.code, caught.value.params) == (expected, {"path": target})
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_refuses_the_temp_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only_open(path: object, flags: int, mode: int = 0o777) -> int:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("kiosk.support.files.os.open", read_only_open)
    with pytest.raises(FileWriteError, match=r"^file\.read_only\b"):
        write_file(tmp_path / "file.bin", b"data")
    assert list(tmp_path.iterdir()) == []


def test_other_failures_carry_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.support.files.os.write", _short_writes(fail_after=0, code=errno.EIO))
    target = tmp_path / "file.bin"
    with pytest.raises(FileWriteError, match=r"^file\.not_written\b") as caught:
        write_file(target, b"data")
    assert caught.value.params == {"path": target, "reason": os.strerror(errno.EIO)}
    assert _leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int, data: bytes) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("kiosk.support.files.os.write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "file.bin", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"")
    target = blocker / "inside" / "file.bin"
    with pytest.raises(FileWriteError, match=r"^file\.not_written\b") as caught:
        write_file(target, b"data")
    assert caught.value.params["path"] == target


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mask", [0o077, 0o022, 0o000])
@pytest.mark.parametrize("mode", [PRIVATE, SHARED])
def test_the_mode_is_exact_whatever_the_umask(
    tmp_path: Path, umask: Callable[[int], None], mask: int, mode: int
) -> None:
    umask(mask)
    target = tmp_path / "file.bin"
    write_file(target, b"data", mode)
    assert _mode(target) == mode


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_default_mode_is_private(tmp_path: Path, umask: Callable[[int], None]) -> None:
    umask(0o000)
    target = tmp_path / "file.bin"
    write_file(target, b"data")
    assert _mode(target) == PRIVATE == 0o600
    assert SHARED == 0o644


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_rewriting_a_file_gives_it_the_new_mode(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    write_file(target, b"one", SHARED)
    write_file(target, b"two", PRIVATE)
    assert _mode(target) == PRIVATE


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB tmpfs, when this process may mount one (root on Linux); skipped otherwise."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tiny tmpfs needs root and the mount command")
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"a tmpfs cannot be mounted here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def test_a_real_full_disk_keeps_the_old_file(tiny_disk: Path) -> None:
    target = tiny_disk / "file.bin"
    write_file(target, b"the old content")
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b"):
        write_file(target, b"x" * (1024 * 1024))
    assert target.read_bytes() == b"the old content"
    assert _leftovers(tiny_disk) == []
    # The space the failed write took is given back, so the next small write still fits.
    write_file(target, b"new")
    assert target.read_bytes() == b"new"


# Private folders: the kiosk's data folder and everything in it are its owner's only.

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@posix_only
@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_a_new_private_folder_is_0700_whatever_the_umask(
    tmp_path: Path, umask: Callable[[int], None], mask: int
) -> None:
    umask(mask)
    folder = tmp_path / "parent" / "data"
    assert make_private_folder(folder) == []  # created private, so nothing needed narrowing
    assert folder.is_dir() and _mode(folder) == PRIVATE_FOLDER == 0o700


@posix_only
def test_an_open_folder_and_everything_in_it_are_narrowed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "keys").mkdir(parents=True)
    (folder / "packages" / "old").mkdir(parents=True)
    files = [
        folder / "kiosk.db",
        folder / "kiosk.db-wal",
        folder / "keys" / "k.pub",
        folder / "packages" / "old" / "p",
    ]
    for path in files:
        path.write_bytes(b"x")
        path.chmod(0o644)
    (folder / "keys" / "k.pub").chmod(0o755)
    for path in (folder, folder / "keys", folder / "packages", folder / "packages" / "old"):
        path.chmod(0o755)
    changed = make_private_folder(folder)
    assert sorted(changed) == sorted(
        [folder, folder / "keys", folder / "packages", folder / "packages" / "old", *files]
    )
    assert {_mode(path) for path in [folder, *folder.rglob("*")] if path.is_dir()} == {0o700}
    assert {_mode(path) for path in folder.rglob("*") if path.is_file()} == {0o600}
    assert make_private_folder(folder) == []  # already private: nothing to do


@posix_only
def test_links_out_of_the_folder_are_left_alone(tmp_path: Path) -> None:
    outside = tmp_path / "shared.txt"
    outside.write_bytes(b"x")
    outside.chmod(0o644)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    elsewhere.chmod(0o755)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    (folder / "link-folder").symlink_to(elsewhere, target_is_directory=True)
    make_private_folder(folder)
    assert _mode(outside) == 0o644 and _mode(elsewhere) == 0o755


@posix_only
def test_a_mode_that_cannot_be_changed_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o700)
    (folder / "theirs.db").write_bytes(b"x")
    (folder / "theirs.db").chmod(0o644)

    def refuse(path: Path, mode: int) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(PermissionError) as caught:
        make_private_folder(folder)
    assert caught.value.filename == str(folder / "theirs.db")


def test_on_windows_the_folder_gets_an_owner_only_access_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(files, "_on_windows", lambda: True)
    monkeypatch.setenv("USERDOMAIN", "LAB2")
    monkeypatch.setenv("USERNAME", "exam")
    monkeypatch.setattr(files, "_run_acl", ran.append)
    assert files.make_private_folder(tmp_path / "data") == [tmp_path / "data"]
    assert ran == [
        [
            "icacls",
            str(tmp_path / "data"),
            "/inheritance:r",
            "/grant:r",
            "LAB2\\exam:(OI)(CI)F",
            "/grant:r",
            "*S-1-5-18:(OI)(CI)F",
            "/T",
            "/Q",
        ]
    ]


def test_a_refused_access_list_is_an_os_error_like_a_refused_chmod(monkeypatch: pytest.MonkeyPatch) -> None:
    class Done:
        returncode = 5
        stdout = ""
        stderr = "Access is denied."

    monkeypatch.setattr(files.subprocess, "run", lambda *args, **kwargs: Done())
    with pytest.raises(PermissionError, match="Access is denied"):
        files._run_acl(["icacls", "C:\\data", "/inheritance:r"])
