"""Invigilator accounts and PIN checks."""

from __future__ import annotations

import re
import sqlite3

import pytest

from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.messages import sentence
from kiosk.station.services import invigilators
from kiosk.station.services.context import KioskContext
from kiosk.station.services.invigilators import (
    check_pin,
    create_invigilator,
    deactivate,
    list_invigilators,
    reset_pin,
    weak_pin,
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
    create_invigilator(ctx, "Ms Mulenga", "418207")
    create_invigilator(ctx, "Mr Zulu", "593716")
    assert check_pin(ctx, "593716") == "Mr Zulu"
    assert check_pin(ctx, "418207") == "Ms Mulenga"


def test_a_wrong_pin_says_how_many_tries_are_left_and_then_locks(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "418207")
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
        check_pin(ctx, "418207")  # even the right PIN waits


def test_an_empty_pin_is_a_wrong_pin(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "418207")
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        check_pin(ctx, "   ")


def test_a_deactivated_invigilator_pin_stops_working(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "418207")
    create_invigilator(ctx, "Mr Zulu", "593716")
    deactivate(ctx, "Ms Mulenga")
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        check_pin(ctx, "418207")
    assert [(person.name, person.active) for person in list_invigilators(ctx)] == [
        ("Mr Zulu", True),
        ("Ms Mulenga", False),
    ]


def test_with_no_active_invigilator_the_kiosk_says_who_must_act(ctx: KioskContext) -> None:
    with pytest.raises(RuleError, match=r"^invigilator\.none_active$"):
        check_pin(ctx, "418207")


def test_a_reset_pin_replaces_the_old_one_and_reactivates(ctx: KioskContext) -> None:
    create_invigilator(ctx, "Ms Mulenga", "418207")
    deactivate(ctx, "Ms Mulenga")
    new = reset_pin(ctx, "Ms Mulenga")
    assert new != "418207" and check_pin(ctx, new) == "Ms Mulenga"
    with pytest.raises(SecurityError):
        check_pin(ctx, "418207")
    assert reset_pin(ctx, "Ms Mulenga", "730964") == "730964"


def test_an_unknown_name_is_reported(ctx: KioskContext) -> None:
    with pytest.raises(InputError, match=r"^invigilator\.unknown name=Nobody$"):
        deactivate(ctx, "Nobody")
    with pytest.raises(InputError, match=r"^invigilator\.unknown name=Nobody$"):
        reset_pin(ctx, "Nobody")


# PINs anyone would try first are refused, whether chosen when adding an invigilator or at a reset.


@pytest.mark.parametrize(
    ("pin", "code"),
    [
        ("123456", "invigilator.pin_sequential"),
        ("654321", "invigilator.pin_sequential"),
        ("234567", "invigilator.pin_sequential"),
        ("890123", "invigilator.pin_sequential"),
        ("0123456789", "invigilator.pin_sequential"),
        ("000000", "invigilator.pin_repeated"),
        ("111111", "invigilator.pin_repeated"),
        ("99999999", "invigilator.pin_repeated"),
        ("121212", "invigilator.pin_pattern"),
        ("123123", "invigilator.pin_pattern"),
        ("12341234", "invigilator.pin_pattern"),
        ("123321", "invigilator.pin_pattern"),
        ("112233", "invigilator.pin_pattern"),
        ("159753", "invigilator.pin_pattern"),
    ],
)
def test_a_pin_anyone_would_guess_is_refused_when_added_or_reset(
    ctx: KioskContext, pin: str, code: str
) -> None:
    assert weak_pin(pin) == code
    with pytest.raises(InputError, match=rf"^{re.escape(code)}$") as caught:
        create_invigilator(ctx, "Mr Zulu", pin)
    assert sentence(caught.value).endswith("or leave it out to have one generated.")
    create_invigilator(ctx, "Ms Mulenga", "418207")
    with pytest.raises(InputError, match=rf"^{re.escape(code)}$"):
        reset_pin(ctx, "Ms Mulenga", pin)
    assert check_pin(ctx, "418207") == "Ms Mulenga"
    assert [person.name for person in list_invigilators(ctx)] == ["Ms Mulenga"]


def test_the_weak_pin_sentences(ctx: KioskContext) -> None:
    with pytest.raises(InputError) as caught:
        create_invigilator(ctx, "Mr Zulu", "123456")
    assert sentence(caught.value) == (
        "A PIN of digits in a run (such as 123456 or 987654) is among the first anyone would guess; choose "
        "one without a pattern, or leave it out to have one generated."
    )
    with pytest.raises(InputError, match=r"^invigilator\.pin_invalid\b") as caught:
        create_invigilator(ctx, "Mr Zulu", "2468")
    assert sentence(caught.value) == "A PIN must be 6 to 12 digits; leave it out to have one generated."


@pytest.mark.parametrize("pin", ["246810", "135791", "418207", "864209", "1357924680", "120456"])
def test_ordinary_pins_are_accepted(pin: str) -> None:
    assert weak_pin(pin) is None


def test_a_generated_pin_is_never_a_weak_one(ctx: KioskContext, monkeypatch: pytest.MonkeyPatch) -> None:
    offered = iter(["123456", "000000", "121212", "530817"])
    monkeypatch.setattr(invigilators, "new_pin", lambda: next(offered))
    assert create_invigilator(ctx, "Ms Mulenga") == "530817"
