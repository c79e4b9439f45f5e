"""Advisory file locks: one holder at a time, released by unlock or by closing the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.support.locks import try_lock, unlock


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


def _other_process_can_lock(path: Path) -> bool:
    code = (
        "import os, sys; from kiosk.support.locks import try_lock; "
        f"sys.exit(0 if try_lock(os.open({str(path)!r}, os.O_RDWR)) else 1)"
    )
    return subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_held_lock_keeps_other_processes_out_until_it_is_given_back(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.lock"
    descriptor = _open(path)
    try:
        assert try_lock(descriptor)
        assert not _other_process_can_lock(path)
        unlock(descriptor)
        assert _other_process_can_lock(path)
    finally:
        os.close(descriptor)


def test_closing_the_file_gives_the_lock_back(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.lock"
    first = _open(path)
    assert try_lock(first)
    second = _open(path)
    try:
        assert not try_lock(second)
        os.close(first)
        assert try_lock(second)
    finally:
        os.close(second)
