"""Result bundles: sign then encrypt, and every way a bundle can be misaddressed, forged or damaged."""

from __future__ import annotations

import hashlib
import json
import struct
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from kiosk.domain.errors import SecurityError
from kiosk.formats.bundles import (
    _HPKE,
    BUNDLE_MAGIC,
    BUNDLE_SEAL_LABEL,
    BUNDLE_SIGNATURE_LABEL,
    _seal,
    bundle_digest,
    open_bundle,
    read_bundle_header,
    seal_bundle,
)
from kiosk.formats.encoding import PlacedObject, canonical_json
from kiosk.formats.keys import PrivateIdentity, PublicIdentity
from kiosk.messages import sentence

INNER: dict[str, object] = {
    "bundle_id": "lab-pc-07-000004",
    "kiosk_id": "lab-pc-07",
    "sequence": 4,
    "previous_hash": "ab" * 32,
    "attempts": [{"attempt_id": "A1", "candidate": "CZ-0001", "answers": {"Q1": ["b"]}, "name": "Mwansa 张"}],
}


@pytest.fixture(scope="module")
def bundle(kiosk: PrivateIdentity, registry: PrivateIdentity) -> bytes:
    return seal_bundle(INNER, kiosk, registry.public)


@pytest.fixture(scope="module")
def enrolled(kiosk: PrivateIdentity) -> dict[str, PublicIdentity]:
    return {"lab-pc-07": kiosk.public}


def forge(
    signed_fields: dict[str, Any], outer: dict[str, Any], signer: PrivateIdentity, registry: PrivateIdentity
) -> bytes:
    """A properly signed and sealed bundle whose outer header says whatever the test wants."""
    signed = canonical_json(signed_fields)
    return _seal(outer, signed, signer.sign(BUNDLE_SIGNATURE_LABEL, signed), registry.public)


def signed_fields(kiosk: PrivateIdentity, registry: PrivateIdentity) -> dict[str, Any]:
    return {**INNER, "recipient": registry.key_id, "kiosk_key_id": kiosk.key_id}


OUTER = {"bundle_id": "lab-pc-07-000004", "kiosk_id": "lab-pc-07", "sequence": 4}


def test_round_trip(
    bundle: bytes, kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    inner = open_bundle(bundle, registry, enrolled)
    assert inner == {**INNER, "recipient": registry.key_id, "kiosk_key_id": kiosk.key_id}


def test_each_attempt_opened_knows_where_it_was_signed(
    bundle: bytes, kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    (opened,) = open_bundle(bundle, registry, enrolled)["attempts"]
    assert isinstance(opened, PlacedObject)
    signed = canonical_json(signed_fields(kiosk, registry)).decode()
    assert opened.text == signed
    start, value_start, end = opened.places["answers"]
    assert signed[start:end] == '"answers":{"Q1":["b"]}'
    assert signed[value_start:end] == '{"Q1":["b"]}'


def test_a_field_named_twice_anywhere_in_the_signed_part_is_refused(
    kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    signed = canonical_json(signed_fields(kiosk, registry)).replace(
        b'{"Q1":["b"]}', b'{"Q1":["b"],"Q1":["c"]}'
    )
    forged = _seal(OUTER, signed, kiosk.sign(BUNDLE_SIGNATURE_LABEL, signed), registry.public)
    with pytest.raises(SecurityError) as caught:
        open_bundle(forged, registry, enrolled)
    assert (caught.value.code, caught.value.params) == (
        "bundle.signed_field_twice",
        {"key": "Q1", "bundle_id": "lab-pc-07-000004"},
    )


def test_first_bundle_has_an_empty_previous_hash(
    kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    data = seal_bundle({**INNER, "previous_hash": "", "sequence": 0}, kiosk, registry.public)
    assert open_bundle(data, registry, enrolled)["previous_hash"] == ""


def test_header_is_readable_without_keys(bundle: bytes, registry: PrivateIdentity) -> None:
    header = read_bundle_header(bundle)
    assert (header.bundle_id, header.kiosk_id, header.sequence) == ("lab-pc-07-000004", "lab-pc-07", 4)
    assert header.recipient_key_id == registry.key_id
    assert json.loads(header.raw)["format"] == "1x-kiosk-result/1"
    assert bundle.startswith(BUNDLE_MAGIC + b"\x01")


def test_contents_are_encrypted(bundle: bytes) -> None:
    assert b"CZ-0001" not in bundle
    assert b"attempt_id" not in bundle


def test_digest_is_sha256_of_the_exact_bytes(
    bundle: bytes, kiosk: PrivateIdentity, registry: PrivateIdentity
) -> None:
    assert bundle_digest(bundle) == hashlib.sha256(bundle).hexdigest()
    # Sealing is randomised, so the same contents sealed twice are two different files.
    assert bundle_digest(seal_bundle(INNER, kiosk, registry.public)) != bundle_digest(bundle)


def test_wrong_recipient(
    bundle: bytes,
    registry: PrivateIdentity,
    other_registry: PrivateIdentity,
    enrolled: dict[str, PublicIdentity],
) -> None:
    expected = (
        f"This bundle is addressed to registry key {registry.key_id}, not this registry's key "
        f"{other_registry.key_id}."
    )
    with pytest.raises(SecurityError, match=r"^bundle\.wrong_registry\b") as caught:
        open_bundle(bundle, other_registry, enrolled)
    assert caught.value.params == {
        "bundle_id": "lab-pc-07-000004",
        "addressed": registry.key_id,
        "ours": other_registry.key_id,
    }
    assert sentence(caught.value) == expected


def test_unknown_kiosk(bundle: bytes, registry: PrivateIdentity, other_kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^bundle\.kiosk_not_enrolled\b") as caught:
        open_bundle(bundle, registry, {"lab-pc-08": other_kiosk.public})
    assert caught.value.params == {"bundle_id": "lab-pc-07-000004", "kiosk_id": "lab-pc-07"}
    assert "comes from kiosk 'lab-pc-07', which is not enrolled at this registry" in sentence(caught.value)


def test_kiosk_enrolled_with_another_key(
    bundle: bytes, kiosk: PrivateIdentity, registry: PrivateIdentity, other_kiosk: PrivateIdentity
) -> None:
    message = (
        f"was signed with key {kiosk.key_id}, but kiosk 'lab-pc-07' is enrolled with key {other_kiosk.key_id}"
    )
    with pytest.raises(SecurityError, match=r"^bundle\.kiosk_key_changed\b") as caught:
        open_bundle(bundle, registry, {"lab-pc-07": other_kiosk.public})
    assert message in sentence(caught.value)


def test_signature_by_another_kiosk_claiming_this_kiosk_id(
    kiosk: PrivateIdentity,
    other_kiosk: PrivateIdentity,
    registry: PrivateIdentity,
    enrolled: dict[str, PublicIdentity],
) -> None:
    forged = forge(signed_fields(kiosk, registry), OUTER, other_kiosk, registry)
    with pytest.raises(SecurityError, match=r"^bundle\.signature_mismatch\b") as caught:
        open_bundle(forged, registry, enrolled)
    assert caught.value.params == {"bundle_id": "lab-pc-07-000004", "kiosk": "lab-pc-07"}
    assert "signature does not match kiosk 'lab-pc-07'" in sentence(caught.value)


def test_a_correctly_forged_bundle_opens(
    kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    # Guards the tests below: the forging helper itself makes bundles the registry accepts.
    forged = forge(signed_fields(kiosk, registry), OUTER, kiosk, registry)
    assert open_bundle(forged, registry, enrolled)["sequence"] == 4


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "bundle_id",
            "lab-pc-07-000005",
            "outer header says bundle_id 'lab-pc-07-000005' but its signed contents say",
        ),
        ("sequence", 5, "outer header says sequence 5 but its signed contents say 4"),
        (
            "kiosk_id",
            "lab-pc-99",
            "outer header says kiosk_id 'lab-pc-99' but its signed contents say 'lab-pc-07'",
        ),
    ],
)
def test_outer_header_must_match_the_signed_fields(
    kiosk: PrivateIdentity,
    registry: PrivateIdentity,
    enrolled: dict[str, PublicIdentity],
    field: str,
    value: object,
    message: str,
) -> None:
    forged = forge(signed_fields(kiosk, registry), {**OUTER, field: value}, kiosk, registry)
    with pytest.raises(SecurityError, match=r"^bundle\.outer_mismatch\b") as caught:
        open_bundle(forged, registry, enrolled)
    assert caught.value.params["field"] == field
    assert message in sentence(caught.value)


def test_signed_for_another_registry_but_re_addressed(
    kiosk: PrivateIdentity,
    registry: PrivateIdentity,
    other_registry: PrivateIdentity,
    enrolled: dict[str, PublicIdentity],
) -> None:
    forged = forge(signed_fields(kiosk, other_registry), OUTER, kiosk, registry)
    with pytest.raises(SecurityError, match=r"^bundle\.readdressed\b") as caught:
        open_bundle(forged, registry, enrolled)
    assert (caught.value.params["signed_for"], caught.value.params["ours"]) == (
        other_registry.key_id,
        registry.key_id,
    )
    assert f"signed for registry key {other_registry.key_id}" in sentence(caught.value)


def test_malformed_signed_fields_are_refused(
    kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    fields = {**signed_fields(kiosk, registry), "previous_hash": "not-a-hash"}
    with pytest.raises(
        SecurityError, match=r"^bundle\.signed_malformed bundle_id=lab-pc-07-000004$"
    ) as caught:
        open_bundle(forge(fields, OUTER, kiosk, registry), registry, enrolled)
    assert "signed contents are malformed" in sentence(caught.value)


def test_signed_fields_without_a_kiosk_id(
    kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    fields = signed_fields(kiosk, registry)
    del fields["kiosk_id"]
    with pytest.raises(SecurityError, match=r"^bundle\.kiosk_unnamed bundle_id=lab-pc-07-000004$") as caught:
        open_bundle(forge(fields, OUTER, kiosk, registry), registry, enrolled)
    assert "signed contents do not name their kiosk" in sentence(caught.value)


def test_sealed_signature_of_the_wrong_length(
    registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    forged = _seal(OUTER, b"{}", b"short", registry.public)
    with pytest.raises(
        SecurityError, match=r"^bundle\.signature_damaged bundle_id=lab-pc-07-000004$"
    ) as caught:
        open_bundle(forged, registry, enrolled)
    assert "is malformed: its signature is damaged" in sentence(caught.value)


def test_sealed_contents_that_are_not_json(
    kiosk: PrivateIdentity, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    forged = _seal(OUTER, b"not json", kiosk.sign(BUNDLE_SIGNATURE_LABEL, b"not json"), registry.public)
    with pytest.raises(
        SecurityError, match=r"^bundle\.signed_unreadable bundle_id=lab-pc-07-000004$"
    ) as caught:
        open_bundle(forged, registry, enrolled)
    assert "signed part of result bundle lab-pc-07-000004 is not readable" in sentence(caught.value)


def test_sealed_contents_cut_short(registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]) -> None:
    # A properly sealed plaintext whose length prefix promises more than it holds.
    whole = _seal(OUTER, b"{}", bytes(64), registry.public)
    prefix = whole[: header_end(whole)]
    plaintext = struct.pack(">I", 1000) + b"{}"
    recipient = X25519PublicKey.from_public_bytes(registry.public.agreement)
    forged = prefix + _HPKE.encrypt(plaintext, recipient, info=BUNDLE_SEAL_LABEL + prefix)
    with pytest.raises(SecurityError, match=r"^bundle\.contents_truncated\b") as caught:
        open_bundle(forged, registry, enrolled)
    assert caught.value.params == {"bundle_id": "lab-pc-07-000004", "part": "signed part"}
    assert sentence(caught.value) == (
        "The sealed contents of result bundle lab-pc-07-000004 are truncated: they end inside their signed "
        "part. Copy the file again from the kiosk."
    )


def header_end(data: bytes) -> int:
    return len(BUNDLE_MAGIC) + 1 + 4 + len(read_bundle_header(data).raw)


def test_a_flipped_bit_anywhere_is_caught(
    bundle: bytes, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    for position in range(len(bundle)):
        for mask in (0x01, 0x80):
            damaged = bytearray(bundle)
            damaged[position] ^= mask
            with pytest.raises(SecurityError):
                open_bundle(bytes(damaged), registry, enrolled)


@pytest.mark.parametrize(
    ("where", "code", "message"),
    [
        (lambda data: 0, "bundle.not_a_bundle", "This file is not a result bundle"),
        (lambda data: 7, "bundle.format_unknown", "has format 0, which this registry cannot read"),
        (lambda data: 8, "bundle.truncated", "truncated: it ends inside its header"),
        (
            lambda data: data.index(b'"sequence":4') + 11,
            "bundle.undecryptable",
            "cannot be decrypted: it was altered or damaged",
        ),
        (
            lambda data: header_end(data),
            "bundle.undecryptable",
            "cannot be decrypted",
        ),  # the encapsulated key
        (lambda data: header_end(data) + 40, "bundle.undecryptable", "cannot be decrypted"),  # the ciphertext
        (lambda data: len(data) - 1, "bundle.undecryptable", "cannot be decrypted"),  # the AEAD tag
    ],
    ids=["magic", "format", "header length", "header", "encapsulated key", "ciphertext", "tag"],
)
def test_each_region_reports_its_damage(
    bundle: bytes,
    registry: PrivateIdentity,
    enrolled: dict[str, PublicIdentity],
    where: Any,
    code: str,
    message: str,
) -> None:
    damaged = bytearray(bundle)
    damaged[where(bundle)] ^= 0x01
    with pytest.raises(SecurityError) as caught:
        open_bundle(bytes(damaged), registry, enrolled)
    assert caught.value.code == code
    assert message in sentence(caught.value)


def test_every_truncation_is_caught(
    bundle: bytes, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    for length in range(len(bundle)):
        with pytest.raises(SecurityError):
            open_bundle(bundle[:length], registry, enrolled)
    with pytest.raises(
        SecurityError, match=r"^bundle\.sealed_truncated bundle_id=lab-pc-07-000004$"
    ) as caught:
        read_bundle_header(bundle[: header_end(bundle) + 10])
    assert "truncated: it ends inside its sealed contents" in sentence(caught.value)


def test_appended_bytes_are_caught(
    bundle: bytes, registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]
) -> None:
    with pytest.raises(SecurityError, match=r"^bundle\.undecryptable\b"):
        open_bundle(bundle + b"\x00", registry, enrolled)


def test_bank_package_is_not_a_bundle(registry: PrivateIdentity, enrolled: dict[str, PublicIdentity]) -> None:
    with pytest.raises(SecurityError, match=r"^bundle\.not_a_bundle$") as caught:
        open_bundle(b"1XBANK\x00\x01" + bytes(100), registry, enrolled)
    assert sentence(caught.value) == "This file is not a result bundle (its opening marker is wrong)."


def header_with(fields: dict[str, object]) -> bytes:
    raw = canonical_json(fields)
    return BUNDLE_MAGIC + b"\x01" + struct.pack(">I", len(raw)) + raw + bytes(64)


def test_damaged_outer_headers_are_refused() -> None:
    good = {
        **OUTER,
        "format": "1x-kiosk-result/1",
        "recipient": "r",
        "hpke": "X25519-HKDF-SHA256-AES-256-GCM",
    }
    with pytest.raises(SecurityError, match=r"^bundle\.header_unreadable$") as caught:
        read_bundle_header(BUNDLE_MAGIC + b"\x01" + struct.pack(">I", 5) + b"{nope" + bytes(64))
    assert sentence(caught.value) == "The result bundle header is not readable; it was altered or damaged."
    with pytest.raises(SecurityError, match=r"^bundle\.header_format expected=1x-kiosk-result/1$") as caught:
        read_bundle_header(header_with({**good, "format": "1x-kiosk-result/2"}))
    assert "does not say format '1x-kiosk-result/1'; it is damaged or too new" in sentence(caught.value)
    with pytest.raises(SecurityError, match=r"^bundle\.header_field_damaged field=sequence$") as caught:
        read_bundle_header(header_with({**good, "sequence": "4"}))
    assert sentence(caught.value) == "The result bundle header field 'sequence' is missing or damaged."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"bundle_id": ""}, "'bundle_id' must be a non-empty string"),
        ({"kiosk_id": 7}, "'kiosk_id' must be a non-empty string"),
        ({"sequence": -1}, "'sequence' must be a whole number"),
        ({"sequence": True}, "'sequence' must be a whole number"),
        ({"previous_hash": "AB" * 32}, "'previous_hash' must be '' or a sha256 hex digest"),
        ({"recipient": "x"}, r"\['recipient'\] are added by seal_bundle itself"),
    ],
)
def test_seal_checks_its_input(
    kiosk: PrivateIdentity, registry: PrivateIdentity, change: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        seal_bundle({**INNER, **change}, kiosk, registry.public)
