"""Opening the kiosk data folder: its layout, the start-up check and the schema upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock, SystemClock
from kiosk.domain.errors import StoreError
from kiosk.formats.secrets import HashCost
from kiosk.station.services.context import open_context
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
