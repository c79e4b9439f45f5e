"""Signed record tokens for receipts and result slips."""

from __future__ import annotations

import base64
import math
import re

import pytest

from kiosk.domain.errors import SecurityError
from kiosk.formats.keys import PrivateIdentity
from kiosk.formats.records import canonical_json, sign_record, verify_record
from kiosk.messages import sentence

RECORD: dict[str, object] = {
    "attempt": "A-2025-000123",
    "candidate": "CZ-2025-0042",
    "bank": "maintenance-2",
    "version": 3,
    "score": 78.5,
    "passed": True,
    "name": "Chanda Mwansa 张伟",
}


@pytest.fixture(scope="module")
def token(registry: PrivateIdentity) -> str:
    return sign_record(registry, "result-slip", RECORD)


def test_round_trip(token: str, registry: PrivateIdentity) -> None:
    assert verify_record(token, "result-slip", [registry.public]) == RECORD


def test_token_fits_a_qr_code_alphanumeric_segment(token: str) -> None:
    assert re.fullmatch(r"[A-Z2-7]+", token)
    # A version 20 QR code (97 modules, about 3 cm printed) at level M holds 758 alphanumeric characters.
    assert len(token) < 758


def test_typed_token_tolerates_case_and_line_breaks(token: str, registry: PrivateIdentity) -> None:
    typed = "\n".join(token[i : i + 40].lower() for i in range(0, len(token), 40))
    assert verify_record(typed, "result-slip", [registry.public]) == RECORD


def test_unknown_signer(token: str, registry: PrivateIdentity, kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^record\.unknown_signer\b") as caught:
        verify_record(token, "result-slip", [kiosk.public])
    assert caught.value.params == {"key_id": registry.key_id}
    assert sentence(caught.value) == (
        f"This verification code was signed by an unknown key {registry.key_id}; it was not issued here."
    )


def test_wrong_purpose(registry: PrivateIdentity) -> None:
    receipt = sign_record(registry, "receipt", RECORD)
    with pytest.raises(SecurityError, match=r"^record\.wrong_purpose\b") as caught:
        verify_record(receipt, "result-slip", [registry.public])
    assert caught.value.params == {"found": "receipt", "expected": "result-slip"}
    assert sentence(caught.value) == "This verification code is for a receipt, not a result-slip."


def _decode(token: str) -> bytes:
    return base64.b32decode(token + "=" * (-len(token) % 8))


def _encode(packed: bytes) -> str:
    return base64.b32encode(packed).decode("ascii").rstrip("=")


def test_altered_record(token: str, registry: PrivateIdentity) -> None:
    packed = _decode(token)
    altered = _encode(packed.replace(b'"score":78.5', b'"score":98.5'))
    assert altered != token
    with pytest.raises(SecurityError, match=r"^record\.altered$") as caught:
        verify_record(altered, "result-slip", [registry.public])
    assert (
        sentence(caught.value)
        == "This verification code does not match its signature: the record was altered."
    )


def test_purpose_swapped_inside_the_token_counts_as_altered(registry: PrivateIdentity) -> None:
    packed = _decode(sign_record(registry, "result-slap", RECORD))
    altered = _encode(packed.replace(b'"p":"result-slap"', b'"p":"result-slip"'))
    with pytest.raises(SecurityError, match=r"^record\.altered$"):
        verify_record(altered, "result-slip", [registry.public])


def test_every_altered_character_is_caught(token: str, registry: PrivateIdentity) -> None:
    for position in range(len(token)):
        replacement = "A" if token[position] != "A" else "B"
        altered = token[:position] + replacement + token[position + 1 :]
        if _decode(altered) == _decode(token):
            continue  # the last character's spare bits carry no data
        with pytest.raises(SecurityError):
            verify_record(altered, "result-slip", [registry.public])


def test_every_truncation_is_caught(token: str, registry: PrivateIdentity) -> None:
    for length in range(len(token)):
        with pytest.raises(SecurityError):
            verify_record(token[:length], "result-slip", [registry.public])


@pytest.mark.parametrize("garbage", ["", "hello world!", "0189", "AAAA", "A" * 200, "MZXW6YTBOI"])
def test_malformed_tokens(garbage: str, registry: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^record\.unreadable$") as caught:
        verify_record(garbage, "result-slip", [registry.public])
    assert sentence(caught.value).startswith("This verification code is not readable; scan it again")


def test_purpose_must_be_a_simple_name(registry: PrivateIdentity) -> None:
    with pytest.raises(ValueError, match="lower-case letters, digits and dashes"):
        sign_record(registry, "Result Slip", RECORD)


def test_oversized_record_is_refused(registry: PrivateIdentity) -> None:
    with pytest.raises(ValueError, match="too large for a token"):
        sign_record(registry, "receipt", {"notes": "x" * 70_000})


def test_canonical_json_is_sorted_compact_utf8() -> None:
    assert canonical_json({"b": 1, "a": [1, "张"], "c": {"z": None, "y": True}}) == (
        '{"a":[1,"张"],"b":1,"c":{"y":true,"z":null}}'.encode()
    )
    with pytest.raises(ValueError):
        canonical_json({"x": math.nan})
