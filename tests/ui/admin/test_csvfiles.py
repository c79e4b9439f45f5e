"""Tables saved as CSV from the console: readable by spreadsheets in any script, private, whole or absent."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.domain.errors import FileWriteError
from kiosk.support.files import PRIVATE
from kiosk.ui.admin.csvfiles import write_csv
from tests.fixtures.files import part_files


def test_rows_are_written_with_a_byte_order_mark_and_formulas_made_inert(tmp_path: Path) -> None:
    target = write_csv(tmp_path / "codes.csv", ["number", "name"], [["C-001", "张伟"], ["C-002", "=1+1"]])
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "number,name" and lines[1] == "C-001,张伟"
    assert lines[2] != "C-002,=1+1" and "=1+1" in lines[2]
    assert stat.S_IMODE(target.stat().st_mode) == PRIVATE


def test_a_full_disk_leaves_no_file(tmp_path: Path, fill_disk: Callable[[], None]) -> None:
    target = tmp_path / "codes.csv"
    fill_disk()
    with pytest.raises(FileWriteError) as failed:
        write_csv(target, ["number", "code"], [[f"C-{n:03}", "ABCD-EFGH"] for n in range(600)])
    assert failed.value.code == "file.disk_full" and failed.value.params["path"] == target
    assert not target.exists() and part_files(tmp_path) == []
