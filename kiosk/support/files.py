"""The one way the product writes a file: all bytes, fsynced, renamed into place, with a chosen mode.

A crash, a power cut or a full disk leaves either the old file or the whole new one, never a part of it:
the bytes go to a temporary file beside the target, every byte is written (``os.write`` may write fewer
than asked), the file and then its folder are fsynced, and only then is it renamed over the target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import subprocess
from pathlib import Path

from kiosk.domain.errors import FileWriteError

# Anything holding secrets, results or personal data is readable by its owner only.
PRIVATE = 0o600
# Public keys, packages meant to be copied, and reports meant to be printed.
SHARED = 0o644
# A folder holding private files: only its owner may list, enter or change it.
PRIVATE_FOLDER = 0o700

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}


def write_file(path: Path, data: bytes, mode: int = PRIVATE) -> None:
    """Write ``data`` to ``path`` whole or not at all; raise FileWriteError (code ``file.*``) on failure."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _write_error(path, error) from error
    temp = folder / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except OSError as error:
        raise _write_error(path, error) from error
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # the umask may have taken bits away; the file gets exactly ``mode``
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _write_error(path, error) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(folder)


def write_text(path: Path, text: str, mode: int = PRIVATE, encoding: str = "utf-8") -> None:
    """``write_file`` for text."""
    write_file(path, text.encode(encoding), mode)


def make_private_folder(folder: Path) -> list[Path]:
    """Create ``folder`` (mode 0700) if absent and make all in it its owner's only; return what changed.

    On POSIX every folder inside becomes 0700 and every file 0600, whatever modes an older program, a copy
    or the umask left them; symbolic links are left alone (their modes mean nothing). Raises OSError when a
    mode cannot be changed (the folder or a file in it belongs to another account). On Windows, which
    keeps permissions in access lists rather than mode bits, the folder's list is replaced by one that
    lets only this account (and the system, for backups) in, inherited by everything inside
    (:func:`owner_only_acl_command`).
    """
    folder.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
    if _on_windows():
        _run_acl(owner_only_acl_command(folder, _windows_account()))
        return [folder]
    if os.name != "posix":
        return []
    changed: list[Path] = []
    if _narrow(folder, PRIVATE_FOLDER):
        changed.append(folder)
    for root, folders, files in os.walk(folder):
        for name in folders:
            path = Path(root) / name
            if not path.is_symlink() and _narrow(path, PRIVATE_FOLDER):
                changed.append(path)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink() and _narrow(path, PRIVATE):
                changed.append(path)
    return changed


def _on_windows() -> bool:
    return os.name == "nt"


def _windows_account() -> str:
    """This account as Windows access lists name it: DOMAIN\\user (or the bare user name)."""
    user = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain and user else user


def owner_only_acl_command(folder: Path, account: str) -> list[str]:
    """The ``icacls`` command that makes ``folder`` (and all inside it) reachable by ``account`` only.

    Inherited entries are removed (``/inheritance:r``) and replaced (``/grant:r``) by full control for the
    account and for SYSTEM, inherited by sub-folders and files (``(OI)(CI)``), applied to what is already
    inside (``/T``) without listing every file (``/Q``). Administrators can still take ownership, as
    on every Windows PC; the kiosk account's own files are no longer readable by other users.
    """
    return [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        f"{account}:(OI)(CI)F",
        "/grant:r",
        # SYSTEM, by its well-known SID: its name is translated on Windows in other languages.
        "*S-1-5-18:(OI)(CI)F",
        "/T",
        "/Q",
    ]


def _run_acl(command: list[str]) -> None:
    """Run ``icacls``; OSError when it is missing or refuses (as chmod would raise on POSIX)."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PermissionError(errno.EPERM, (done.stderr or done.stdout).strip(), command[1])


def _narrow(path: Path, mode: int) -> bool:
    """Give ``path`` exactly ``mode`` unless it has it already; True when it changed."""
    if stat.S_IMODE(path.lstat().st_mode) == mode:
        return False
    path.chmod(mode)
    return True


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` survive a power cut (a no-op where folders cannot sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            # A write that makes no progress would loop forever; a full disk is the usual cause.
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _write_error(path: Path, error: OSError) -> FileWriteError:
    if error.errno in _DISK_FULL:
        return FileWriteError("file.disk_full", path=path)
    if error.errno in _READ_ONLY:
        return FileWriteError("file.read_only", path=path)
    if error.errno in _NO_PERMISSION:
        return FileWriteError("file.no_permission", path=path)
    return FileWriteError("file.not_written", path=path, reason=error.strerror or str(error))
