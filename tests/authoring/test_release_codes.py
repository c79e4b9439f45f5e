"""The release-code floor a build enforces, and the strong codes ``kiosk bank release-code`` prints."""

from __future__ import annotations

import re

import pytest

from kiosk.authoring.release_codes import (
    MIN_BITS,
    check_release_code,
    new_release_code,
    strength,
)
from kiosk.domain.errors import SecurityError
from kiosk.formats import packages
from kiosk.formats.encoding import UNAMBIGUOUS_ALPHABET
from kiosk.messages import sentence


@pytest.mark.parametrize(
    "code",
    [
        "K7QF-M2XD-9PHA",  # the kiosk's own 12-character format: 59 bits
        "k7qf m2xd 9ph",  # 11 unambiguous characters, typed loosely: 54 bits
        "8264-0193-5571-4826",  # 16 digits: 53 bits
        "Q0L1ZX8WRT",  # 10 letters and digits with look-alikes: 51.7 bits
        "copper sulfate anode tray",
    ],
)
def test_codes_above_the_floor_pass(code: str) -> None:
    check_release_code(code)
    assert strength(code).enough


@pytest.mark.parametrize(
    ("code", "error", "params"),
    [
        ("a", "release_code.too_short", {"bits": 5, "minimum": MIN_BITS}),
        ("K7QF-M2XD-9P", "release_code.too_short", {"bits": 49, "minimum": MIN_BITS}),
        ("123456789012345", "release_code.too_short", {"minimum": MIN_BITS}),
        ("AAAA-AAAA-AAAA", "release_code.too_few_characters", {"distinct": 1, "minimum": 5}),
        ("K7QF-K7QF-K7QF-K7", "release_code.too_few_characters", {"distinct": 4}),
        ("ABCD-EFGH-JKMN", "release_code.patterned", {}),
        ("9876-5432-1098-7654", "release_code.patterned", {}),
        ("QWER-TYUI-OPQW", "release_code.patterned", {}),
        ("K7QFM-K7QFM-K7QFM", "release_code.patterned", {}),
    ],
)
def test_codes_below_the_floor_are_refused_saying_why(
    code: str, error: str, params: dict[str, object]
) -> None:
    with pytest.raises(SecurityError) as caught:
        check_release_code(code)
    assert caught.value.code == error
    assert params.items() <= caught.value.params.items()
    assert sentence(caught.value).startswith("The release code is too easy to guess")


def test_a_new_code_is_16_unambiguous_characters_in_groups_of_four() -> None:
    codes = {new_release_code() for _ in range(200)}
    assert len(codes) == 200
    pattern = re.compile(f"^[{UNAMBIGUOUS_ALPHABET}]{{4}}(-[{UNAMBIGUOUS_ALPHABET}]{{4}}){{3}}$")
    assert all(pattern.match(code) and strength(code).bits > 79 for code in codes)


def test_codes_the_kiosk_generates_pass_the_floor() -> None:
    assert all(strength(packages.new_release_code()).enough for _ in range(2000))
