"""PIN and access-code hashing, and the codes people are given."""

from __future__ import annotations

import re

import pytest

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import UNAMBIGUOUS_ALPHABET
from kiosk.formats.secrets import (
    HashCost,
    hash_secret,
    new_access_code,
    new_pin,
    normalise_code,
    verify_secret,
)
from kiosk.messages import sentence


def test_round_trip() -> None:
    encoded = hash_secret("483920", HashCost.TEST)
    assert verify_secret("483920", encoded)
    assert not verify_secret("483921", encoded)
    assert not verify_secret("", encoded)


def test_hash_is_self_describing_and_salted() -> None:
    first, second = hash_secret("K7QFM2XD", HashCost.TEST), hash_secret("K7QFM2XD", HashCost.TEST)
    assert first.startswith("$argon2id$v=19$m=64,t=1,p=1$")
    assert first != second
    assert "K7QFM2XD" not in first


def test_standard_cost_is_recorded_and_verifies() -> None:
    encoded = hash_secret("123456")
    assert encoded.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_secret("123456", encoded)


def test_non_ascii_secrets() -> None:
    encoded = hash_secret("密码 pass", HashCost.TEST)
    assert verify_secret("密码 pass", encoded)
    assert not verify_secret("密码 Pass", encoded)


def test_empty_secret_is_refused() -> None:
    with pytest.raises(SecurityError, match=r"^secret\.empty$") as caught:
        hash_secret("", HashCost.TEST)
    assert sentence(caught.value) == "A PIN or code cannot be empty."


def _valid() -> str:
    return hash_secret("123456", HashCost.TEST)


@pytest.mark.parametrize(
    ("encoded", "code"),
    [
        ("", "secret.hash_damaged"),
        ("123456", "secret.hash_damaged"),
        (_valid().replace("argon2id", "argon2i"), "secret.hash_damaged"),
        (_valid().replace("v=19", "v=16"), "secret.hash_damaged"),
        (_valid()[:-30], "secret.hash_damaged"),
        (_valid() + "$extra", "secret.hash_damaged"),
        (_valid().replace("m=64,", "m=9999999,"), "secret.hash_unusable"),
        (_valid().replace("t=1,", "t=99,"), "secret.hash_unusable"),
        (_valid().replace("m=64,t=1,p=1", "m=64,t=1,p=0"), "secret.hash_unusable"),
        (_valid().replace("m=64,t=1,p=1", "m=8,t=1,p=2"), "secret.hash_unusable"),
        (re.sub(r"\$[^$]+\$([^$]+)$", "$AAAA$\\1", _valid()), "secret.hash_damaged"),
    ],
    ids=[
        "empty",
        "plain",
        "argon2i",
        "old version",
        "short hash",
        "extra",
        "memory",
        "passes",
        "lanes",
        "min",
        "salt",
    ],
)
def test_malformed_hashes_are_refused(encoded: str, code: str) -> None:
    with pytest.raises(SecurityError) as caught:
        verify_secret("123456", encoded)
    assert caught.value.code == code
    assert sentence(caught.value).endswith("; reset that PIN or code.")


def test_access_codes_are_grouped_unambiguous_and_fresh() -> None:
    codes = {new_access_code() for _ in range(100)}
    assert len(codes) == 100
    for code in codes:
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
        assert set(code.replace("-", "")) <= set(UNAMBIGUOUS_ALPHABET)


def test_pins_are_six_digits_including_leading_zeros() -> None:
    pins = [new_pin() for _ in range(300)]
    assert all(re.fullmatch(r"[0-9]{6}", pin) for pin in pins)
    assert len(set(pins)) > 290


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("k7qf-m2xd", "K7QFM2XD"),
        (" K7QF M2XD ", "K7QFM2XD"),
        ("ｋ７ｑｆ－ｍ２ｘｄ", "K7QFM2XD"),
        ("12 34 56", "123456"),
    ],
)
def test_normalise_code(typed: str, expected: str) -> None:
    assert normalise_code(typed) == expected


def test_typed_access_code_verifies_after_normalising() -> None:
    code = new_access_code()
    encoded = hash_secret(normalise_code(code), HashCost.TEST)
    assert verify_secret(normalise_code(code.lower().replace("-", " ")), encoded)
