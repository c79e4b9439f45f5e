"""Setting a PC up as a kiosk: its identity row and its private key."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.domain.errors import FileWriteError, InputError, RuleError
from kiosk.formats import keys
from kiosk.formats.keys import KeyKind
from kiosk.station.services.context import KioskContext
from kiosk.station.services.kiosk_setup import init_kiosk, kiosk_info, load_kiosk_identity, require_kiosk
from kiosk.support import files
from tests.fixtures.station import part_files


def test_init_gives_the_kiosk_an_id_and_a_private_key(ctx: KioskContext) -> None:
    info = init_kiosk(ctx, "  CZVTC   Lusaka ", "Lab 2 PC 14")
    assert (info.centre_name, info.kiosk_name) == ("CZVTC Lusaka", "Lab 2 PC 14")
    assert len(info.kiosk_id) == 8 and info.kiosk_id == info.kiosk_id.upper()
    (key_file,) = ctx.keys_dir.glob("*.key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    # The public half too: everything in the data folder is owner-only (it travels by enrolment).
    assert stat.S_IMODE(key_file.with_suffix(".pub").stat().st_mode) == 0o600
    identity = load_kiosk_identity(ctx)
    assert identity.kind is KeyKind.KIOSK and identity.key_id == info.key_id
    assert kiosk_info(ctx) == info == require_kiosk(ctx)


def test_a_kiosk_is_set_up_only_once(ctx: KioskContext) -> None:
    first = init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
    with pytest.raises(RuleError, match=r"^kiosk\.already_set_up\b") as caught:
        init_kiosk(ctx, "Elsewhere", "PC 1")
    assert caught.value.params == {
        "kiosk_id": first.kiosk_id,
        "kiosk_name": "Lab 2 PC 14",
        "centre": "CZVTC Lusaka",
    }
    assert len(list(ctx.keys_dir.glob("*.key"))) == 1


def test_before_init_the_kiosk_says_how_to_set_it_up(ctx: KioskContext) -> None:
    assert kiosk_info(ctx) is None
    with pytest.raises(RuleError, match=r"^kiosk\.not_set_up$"):
        require_kiosk(ctx)
    with pytest.raises(RuleError, match=r"^kiosk\.not_set_up$"):
        load_kiosk_identity(ctx)


@pytest.mark.parametrize(
    ("centre", "kiosk", "code"),
    [
        ("", "PC 1", "kiosk.centre_name_empty"),
        ("CZVTC", "   ", "kiosk.kiosk_name_empty"),
        ("C" * 201, "PC 1", "kiosk.centre_name_too_long"),
        ("CZVTC", "P" * 201, "kiosk.kiosk_name_too_long"),
    ],
)
def test_names_are_checked(ctx: KioskContext, centre: str, kiosk: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        init_kiosk(ctx, centre, kiosk)
    assert caught.value.code == code
    assert kiosk_info(ctx) is None


def test_a_full_disk_leaves_no_key_and_no_kiosk(ctx: KioskContext, fill_disk: Callable[[], None]) -> None:
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b"):
        init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
    assert list(ctx.keys_dir.iterdir()) == [] and part_files(ctx.keys_dir) == []
    assert kiosk_info(ctx) is None


def test_a_key_whose_public_half_did_not_fit_is_taken_back(
    ctx: KioskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[Path] = []
    real_write_file = files.write_file

    def fails_second(path: Path, data: bytes, mode: int = files.PRIVATE) -> None:
        if written:
            raise FileWriteError("file.disk_full", path=path)
        written.append(path)
        real_write_file(path, data, mode)

    monkeypatch.setattr(keys, "write_file", fails_second)
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b"):
        init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
    assert written and written[0].suffix == ".key"
    assert list(ctx.keys_dir.iterdir()) == []
    monkeypatch.undo()
    assert init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14").kiosk_name == "Lab 2 PC 14"
