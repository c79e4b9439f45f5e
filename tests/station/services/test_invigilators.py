"""Invigilator accounts and PIN checks."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.messages import sentence
from kiosk.station.services.context import KioskContext
from kiosk.station.services.invigilators import (
    check_pin,
    create_invigilator,
    deactivate,
    list_invigilators,
    reset_pin,
)


def test_a_generated_pin_is_six_digits_and_only_its_hash_is_stored(ctx: KioskContext) -> None:
    pin = create_invigilator(ctx, "  Ms   Mulenga ")
    assert len(pin) == 6 and pin.isdigit()
    with sqlite3.connect(ctx.store.path) as connection:
        ((name, stored),) = connection.execute("SELECT name, pin_hash FROM invigilators").fetchall()
    assert name == "Ms Mulenga"
    assert pin not in stored and stored.startswith("$argon2id$")
    assert check_pin(ctx, pin) == "Ms Mulenga"


def test_a_chosen_pin_may_have_spaces_but_must_be_digits(ctx: KioskContext) -> None:
    assert create_invigilator(ctx, "Mr Zulu", "135 791") == "135791"
    assert check_pin(ctx, " 1357 91 ") == "Mr Zulu"
    for bad in ("12345", "12ab56", "1234567890123"):
        with pytest.raises(InputError, match=r"^invigilator\.pin_invalid\b") as caught:
            create_invigilator(ctx, f"Someone {bad}", bad)
        assert caught.value.params == {"min_digits": 6, "max_digits": 12}


def test_names_are_unique_and_required(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Mr Zulu")
    with pytest.raises(InputError, match=r"^invigilator\.exists\b") as caught:
        create_invigilator(ctx, "Mr  Zulu")
    assert caught.value.params == {"name": "Mr Zulu"}
    with pytest.raises(InputError, match=r"^invigilator\.name_empty$"):
        create_invigilator(ctx, "  ")
    with pytest.raises(InputError, match=r"^invigilator\.name_too_long\b"):
        create_invigilator(ctx, "x" * 201)


def test_the_right_pin_names_whichever_invigilator_it_belongs_to(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "111111")
    create_invigilator(ctx, "Mr Zulu", "222222")
    assert check_pin(ctx, "222222") == "Mr Zulu"
    assert check_pin(ctx, "111111") == "Ms Mulenga"


def test_a_wrong_pin_says_how_many_tries_are_left_and_then_locks(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "111111")
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b") as caught:
        check_pin(ctx, "999999")
    assert caught.value.params == {"tries": 4, "minutes": 10}
    assert sentence(caught.value) == (
        "That invigilator PIN is not correct. 4 more wrong tries will lock entry for 10 minutes."
    )
    told = []
    for _ in range(4):
        with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong") as caught:
            check_pin(ctx, "999999")
        told.append(caught.value.code)
    assert told[-2:] == ["invigilator.pin_wrong_last_try", "invigilator.pin_wrong_now_locked"]
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked minutes=10$"):
        check_pin(ctx, "111111")  # even the right PIN waits


def test_an_empty_pin_is_a_wrong_pin(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "111111")
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        check_pin(ctx, "   ")


def test_a_deactivated_invigilator_pin_stops_working(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "111111")
    create_invigilator(ctx, "Mr Zulu", "222222")
    deactivate(ctx, "Ms Mulenga")
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        check_pin(ctx, "111111")
    assert [(person.name, person.active) for person in list_invigilators(ctx)] == [
        ("Mr Zulu", True),
        ("Ms Mulenga", False),
    ]


def test_with_no_active_invigilator_the_kiosk_says_who_must_act(ctx: KioskContext) -> None:
    with pytest.raises(RuleError, match=r"^invigilator\.none_active$"):
        check_pin(ctx, "111111")


def test_a_reset_pin_replaces_the_old_one_and_reactivates(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "111111")
    deactivate(ctx, "Ms Mulenga")
    new = reset_pin(ctx, "Ms Mulenga")
    assert new != "111111" and check_pin(ctx, new) == "Ms Mulenga"
    with pytest.raises(SecurityError):
        check_pin(ctx, "111111")
    assert reset_pin(ctx, "Ms Mulenga", "333333") == "333333"


def test_an_unknown_name_is_reported(ctx: KioskContext) -> None:
    with pytest.raises(InputError, match=r"^invigilator\.unknown name=Nobody$"):
        deactivate(ctx, "Nobody")
    with pytest.raises(InputError, match=r"^invigilator\.unknown name=Nobody$"):
        reset_pin(ctx, "Nobody")
