"""Advisory locks on an open file: one holder at a time, across processes, on POSIX and Windows.

The lock covers the file's first byte (Windows locks ranges, POSIX locks whole files), is taken without
waiting, and goes when the descriptor is closed or the process ends, even by SIGKILL or a power cut.
"""

from __future__ import annotations

import os
import sys


def try_lock(descriptor: int) -> bool:
    """Take the lock on ``descriptor`` without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(descriptor: int) -> None:
    """Give the lock on ``descriptor`` back (closing the descriptor does as much)."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(descriptor, fcntl.LOCK_UN)
