"""One kiosk program per data folder: an operating-system lock on a file in the folder, held while it runs.

Two kiosk windows on one store could both show, answer and submit the same attempt. The lock is the
operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so it is released the moment the
program ends, however it ends: a crash or a power cut never leaves a stale lock behind. The file holds the
process id of the holder, for an administrator's eyes only; nothing reads it.
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.domain.errors import StoreError
from kiosk.support.files import PRIVATE
from kiosk.support.locks import try_lock, unlock

LOCK_FILE = "kiosk.lock"


class FolderLock:
    """The held lock on a data folder; :meth:`release` (or the program's end) lets another kiosk in."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            unlock(descriptor)
        finally:
            os.close(descriptor)


def lock_data_folder(data_dir: Path) -> FolderLock:
    """Take the data folder for this program; StoreError ``kiosk_store.in_use`` while another holds it."""
    path = data_dir / LOCK_FILE
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE)
    except OSError as error:
        raise StoreError(
            "kiosk_store.lock_unavailable", path=path, reason=error.strerror or str(error)
        ) from error
    if not try_lock(descriptor):
        os.close(descriptor)
        raise StoreError("kiosk_store.in_use", folder=data_dir)
    try:
        # Past the locked first byte on Windows, where the locked range cannot be written by others.
        os.ftruncate(descriptor, 1)
        os.lseek(descriptor, 1, os.SEEK_SET)
        os.write(descriptor, f"{os.getpid()}\n".encode("ascii"))
    except OSError:
        # The process id is a courtesy; the lock is what matters, and it is held.
        pass
    return FolderLock(path, descriptor)
