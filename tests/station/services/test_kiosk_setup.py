"""Setting a PC up as a kiosk: its identity row and its private key."""

from __future__ import annotations

import stat

import pytest

from kiosk.domain.errors import InputError, RuleError
from kiosk.formats.keys import KeyKind
from kiosk.station.services.context import KioskContext
from kiosk.station.services.kiosk_setup import init_kiosk, kiosk_info, load_kiosk_identity, require_kiosk


def test_init_gives_the_kiosk_an_id_and_a_private_key(ctx: KioskContext) -> None:
    info = init_kiosk(ctx, "  CZVTC   Lusaka ", "Lab 2 PC 14")
    assert (info.centre_name, info.kiosk_name) == ("CZVTC Lusaka", "Lab 2 PC 14")
    assert len(info.kiosk_id) == 8 and info.kiosk_id == info.kiosk_id.upper()
    (key_file,) = ctx.keys_dir.glob("*.key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    identity = load_kiosk_identity(ctx)
    assert identity.kind is KeyKind.KIOSK and identity.key_id == info.key_id
    assert kiosk_info(ctx) == info == require_kiosk(ctx)


def test_a_kiosk_is_set_up_only_once(ctx: KioskContext) -> None:
    first = init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
    with pytest.raises(RuleError, match=f"already set up as kiosk {first.kiosk_id} .'Lab 2 PC 14' at CZVTC"):
        init_kiosk(ctx, "Elsewhere", "PC 1")
    assert len(list(ctx.keys_dir.glob("*.key"))) == 1


def test_before_init_the_kiosk_says_how_to_set_it_up(ctx: KioskContext) -> None:
    assert kiosk_info(ctx) is None
    with pytest.raises(
        RuleError, match="not set up as a kiosk yet; run 'kiosk init --centre NAME --kiosk NAME'"
    ):
        require_kiosk(ctx)
    with pytest.raises(RuleError, match="not set up as a kiosk yet"):
        load_kiosk_identity(ctx)


@pytest.mark.parametrize(
    ("centre", "kiosk", "message"),
    [
        ("", "PC 1", "The centre name is empty"),
        ("CZVTC", "   ", "The kiosk name is empty"),
        ("C" * 201, "PC 1", "The centre name is longer than 200 characters"),
    ],
)
def test_names_are_checked(ctx: KioskContext, centre: str, kiosk: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        init_kiosk(ctx, centre, kiosk)
    assert kiosk_info(ctx) is None
