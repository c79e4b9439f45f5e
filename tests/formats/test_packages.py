"""Bank packages: round trips, release codes, and every way a package can be damaged."""

from __future__ import annotations

import json
import re
import struct
from typing import Any

import pytest

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import UNAMBIGUOUS_ALPHABET, canonical_json
from kiosk.formats.keys import PrivateIdentity
from kiosk.formats.packages import (
    PACKAGE_HEADER_LABEL,
    PACKAGE_MAGIC,
    RELEASE_KDF_ITERATIONS,
    RELEASE_KDF_LANES,
    RELEASE_KDF_MEMORY_KIB,
    TEST_RELEASE_KDF,
    build_package,
    new_release_code,
    normalise_release_code,
    open_package,
    read_header,
    verify_package,
)
from kiosk.messages import sentence

CODE = "K7QF-M2XD-9PHA"
PAYLOAD = "Bank payload with 中文 text. ".encode() * 20
FIELDS: dict[str, object] = {
    "bank_id": "maintenance-2",
    "certificate": "maintenance",
    "grade": 2,
    "version": 3,
    "item_count": 40,
    "title": "Energy Storage Maintenance, Grade II",
}


def build(signer: PrivateIdentity, **extra: object) -> bytes:
    return build_package({**FIELDS, **extra}, PAYLOAD, signer, CODE, kdf=TEST_RELEASE_KDF)


@pytest.fixture(scope="module")
def package(awarding: PrivateIdentity) -> bytes:
    return build(awarding)


def split(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The header fields and ciphertext of a package, for tests that forge variants."""
    header = read_header(data)
    start = len(PACKAGE_MAGIC) + 1 + 4 + len(header.raw) + 2 + 64
    return json.loads(header.raw), data[start:]


def assemble(fields: dict[str, Any], ciphertext: bytes, signer: PrivateIdentity) -> bytes:
    header = canonical_json(fields)
    signature = signer.sign(PACKAGE_HEADER_LABEL, header)
    return (
        PACKAGE_MAGIC
        + b"\x01"
        + struct.pack(">I", len(header))
        + header
        + b"\x00\x40"
        + signature
        + ciphertext
    )


def test_round_trip_with_the_release_code(package: bytes, awarding: PrivateIdentity) -> None:
    header, payload = open_package(package, [awarding.public], CODE)
    assert payload == PAYLOAD
    assert (header.bank_id, header.certificate, header.grade, header.version) == (
        "maintenance-2",
        "maintenance",
        2,
        3,
    )
    assert (header.item_count, header.title) == (40, "Energy Storage Maintenance, Grade II")
    assert header.signer_key_id == awarding.key_id
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", header.created)


@pytest.mark.parametrize(
    "typed", ["k7qf-m2xd-9pha", "K7QF M2XD 9PHA", " k7qfm2xd9pha ", "Ｋ７ＱＦ－Ｍ２ＸＤ－９ＰＨＡ"]
)
def test_release_code_ignores_case_spaces_dashes_and_full_width(
    package: bytes, awarding: PrivateIdentity, typed: str
) -> None:
    assert open_package(package, [awarding.public], typed)[1] == PAYLOAD


def test_wrong_release_code(package: bytes, awarding: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^package\.release_code_wrong$") as caught:
        open_package(package, [awarding.public], "K7QF-M2XD-9PHB")
    assert sentence(caught.value) == "The release code is not correct for this bank package."


def test_wrong_release_code_with_ambiguous_characters_gets_a_hint(
    package: bytes, awarding: PrivateIdentity
) -> None:
    with pytest.raises(SecurityError, match=r"^package\.release_code_wrong_ambiguous$") as caught:
        open_package(package, [awarding.public], "K7QF-M2XD-9PH0")
    assert "never contain 0, O, 1, I or L" in sentence(caught.value)


def test_empty_release_code(package: bytes, awarding: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^package\.release_code_empty$") as caught:
        open_package(package, [awarding.public], " - ")
    assert sentence(caught.value).startswith("The release code is empty")


def test_normalise_release_code() -> None:
    assert normalise_release_code("k7qf - m2xd\t9pha") == "K7QFM2XD9PHA"
    assert normalise_release_code("k7qf\u2013m2xd\u3000 9pha") == "K7QFM2XD9PHA"


def test_new_release_codes_are_grouped_unambiguous_and_fresh() -> None:
    codes = {new_release_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
        assert set(code.replace("-", "")) <= set(UNAMBIGUOUS_ALPHABET)
    assert not set("01OIL") & set(UNAMBIGUOUS_ALPHABET)


def test_read_header_needs_no_trust(package: bytes, awarding: PrivateIdentity) -> None:
    header = read_header(package)
    assert header.bank_id == "maintenance-2"
    assert header.fields["format"] == "1x-kiosk-bank/1"
    assert header.fields["release"]["memory_kib"] == TEST_RELEASE_KDF.memory_kib
    assert header == verify_package(package, [awarding.public])


def test_extra_header_fields_are_signed_and_returned(awarding: PrivateIdentity) -> None:
    data = build(awarding, languages=["en", "zh"])
    assert verify_package(data, [awarding.public]).fields["languages"] == ["en", "zh"]


def test_the_release_code_is_the_only_way_in(package: bytes) -> None:
    fields = read_header(package).fields
    assert sorted(fields) == sorted(
        [
            *FIELDS,
            "format",
            "signer_key_id",
            "created",
            "cipher",
            "release",
            "ciphertext_length",
            "ciphertext_sha256",
        ]
    )


def test_a_package_that_also_names_kiosk_keys_opens_with_its_release_code(awarding: PrivateIdentity) -> None:
    # Packages from before the release code became the only way in carry a signed "recipients" list.
    recipients = [{"key_id": "0123456789abcdef", "wrapped_key": "AAAA"}]
    data = build(awarding, recipients=recipients)
    assert read_header(data).fields["recipients"] == recipients
    assert open_package(data, [awarding.public], CODE)[1] == PAYLOAD


def test_default_release_kdf_is_the_documented_one(awarding: PrivateIdentity) -> None:
    data = build_package(FIELDS, b"x", awarding, CODE)
    release = read_header(data).fields["release"]
    assert (release["memory_kib"], release["iterations"], release["lanes"]) == (
        RELEASE_KDF_MEMORY_KIB,
        RELEASE_KDF_ITERATIONS,
        RELEASE_KDF_LANES,
    )
    assert RELEASE_KDF_MEMORY_KIB == 64 * 1024
    assert open_package(data, [awarding.public], CODE)[1] == b"x"


def test_payload_is_not_stored_in_clear(package: bytes) -> None:
    assert b"Bank payload" not in package
    assert "中文".encode() not in package


def test_unknown_signer(package: bytes, awarding: PrivateIdentity, registry: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^package\.unknown_signer\b") as caught:
        verify_package(package, [registry.public])
    assert caught.value.params == {"key_id": awarding.key_id}
    message = f"signed by an unknown key {awarding.key_id}; install the awarding body's public key"
    assert message in sentence(caught.value)
    with pytest.raises(SecurityError, match=r"^package\.unknown_signer\b"):
        open_package(package, [], CODE)


def test_header_re_signed_by_an_untrusted_key(
    package: bytes, awarding: PrivateIdentity, kiosk: PrivateIdentity
) -> None:
    fields, ciphertext = split(package)
    forged = assemble({**fields, "version": 99}, ciphertext, kiosk)
    with pytest.raises(SecurityError, match=r"^package\.signature_mismatch\b") as caught:
        verify_package(forged, [awarding.public])
    assert "signature does not match its header (signer awarding-body)" in sentence(caught.value)


def test_payload_is_bound_to_the_signed_header(package: bytes, awarding: PrivateIdentity) -> None:
    # Even the awarding body's own signature over a changed header cannot reuse an old payload.
    fields, ciphertext = split(package)
    forged = assemble({**fields, "title": "Another bank"}, ciphertext, awarding)
    assert verify_package(forged, [awarding.public]).title == "Another bank"
    with pytest.raises(SecurityError, match=r"^package\.content_undecryptable$"):
        open_package(forged, [awarding.public], CODE)


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"memory_kib": 64 * 1024 * 1024}, "memory_kib"),
        ({"iterations": 1000}, "iterations"),
        ({"lanes": 0}, "lanes"),
        ({"memory_kib": 16, "lanes": 4}, "memory_kib"),
        ({"kdf": "scrypt"}, "memory_kib"),
    ],
)
def test_hostile_kdf_settings_are_refused(
    package: bytes, awarding: PrivateIdentity, change: dict[str, object], name: str
) -> None:
    fields, ciphertext = split(package)
    fields["release"] = {**fields["release"], **change}
    forged = assemble(fields, ciphertext, awarding)
    with pytest.raises(SecurityError, match=r"^package\.release_settings_unusable\b") as caught:
        open_package(forged, [awarding.public], CODE)
    assert caught.value.params == {"setting": name}


def test_unknown_cipher_is_refused(package: bytes, awarding: PrivateIdentity) -> None:
    fields, ciphertext = split(package)
    fields["cipher"] = {**fields["cipher"], "algorithm": "ROT13"}
    forged = assemble(fields, ciphertext, awarding)
    with pytest.raises(SecurityError, match=r"^package\.cipher_unknown$"):
        open_package(forged, [awarding.public], CODE)


@pytest.mark.parametrize("name", ["salt", "nonce", "wrapped_key"])
def test_release_values_that_are_not_base64_are_refused(
    package: bytes, awarding: PrivateIdentity, name: str
) -> None:
    fields, ciphertext = split(package)
    fields["release"] = {**fields["release"], name: "not base64!"}
    forged = assemble(fields, ciphertext, awarding)
    with pytest.raises(SecurityError, match=r"^package\.value_not_base64\b") as caught:
        open_package(forged, [awarding.public], CODE)
    assert sentence(caught.value) == (
        f"The bank package header field 'release.{name}' is not valid base64; it was altered or damaged."
    )


def regions(data: bytes) -> dict[str, range]:
    header_end = 12 + len(read_header(data).raw)
    return {
        "magic": range(0, 7),
        "format": range(7, 8),
        "header length": range(8, 12),
        "header": range(12, header_end),
        "signature length": range(header_end, header_end + 2),
        "signature": range(header_end + 2, header_end + 66),
        "ciphertext": range(header_end + 66, len(data)),
    }


def test_a_flipped_bit_anywhere_is_caught(package: bytes, awarding: PrivateIdentity) -> None:
    checked = 0
    for position in range(len(package)):
        for mask in (0x01, 0x80):
            damaged = bytearray(package)
            damaged[position] ^= mask
            with pytest.raises(SecurityError):
                verify_package(bytes(damaged), [awarding.public])
            checked += 1
    assert checked == 2 * len(package)


@pytest.mark.parametrize(
    ("region", "code", "message"),
    [
        ("magic", "package.not_a_package", "not a bank package"),
        ("format", "package.format_unknown", "has format 0, which this kiosk cannot read"),
        ("header length", "package.truncated", "truncated: it ends inside its header"),
        ("signature length", "package.signature_length", "signature has the wrong length"),
        ("signature", "package.signature_mismatch", "signature does not match its header"),
        ("ciphertext", "package.content_digest", "content does not match its signed header"),
    ],
)
def test_each_region_reports_its_own_damage(
    package: bytes, awarding: PrivateIdentity, region: str, code: str, message: str
) -> None:
    position = regions(package)[region][0]
    damaged = bytearray(package)
    damaged[position] ^= 0x01  # the format byte goes from 1 to 0
    with pytest.raises(SecurityError) as caught:
        open_package(bytes(damaged), [awarding.public], CODE)
    assert caught.value.code == code
    assert message in sentence(caught.value)


def test_every_truncation_is_caught(package: bytes, awarding: PrivateIdentity) -> None:
    for length in range(len(package)):
        with pytest.raises(SecurityError):
            verify_package(package[:length], [awarding.public])


def test_truncated_content_says_so(package: bytes, awarding: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^package\.content_length\b") as caught:
        verify_package(package[:-1], [awarding.public])
    length = len(package) - 1 - regions(package)["ciphertext"][0]
    assert caught.value.params == {"length": length, "expected": length + 1}
    assert f"truncated or damaged: its content is {length} bytes but its signed header" in sentence(
        caught.value
    )
    with pytest.raises(SecurityError, match=r"^package\.truncated\b") as caught:
        verify_package(package[: regions(package)["signature"][10]], [awarding.public])
    assert caught.value.params == {"part": "signature"}
    assert sentence(caught.value) == (
        "The bank package is truncated: it ends inside its signature. Copy the file again from its source."
    )


def test_appended_bytes_are_caught(package: bytes, awarding: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^package\.content_length\b") as caught:
        verify_package(package + b"\x00", [awarding.public])
    length = len(package) - regions(package)["ciphertext"][0]
    assert caught.value.params == {"length": length + 1, "expected": length}


def test_other_files_are_not_packages(awarding: PrivateIdentity) -> None:
    for data in (b"", b"PK\x03\x04 a zip file", b"1XRSLT\x00\x01result bundle"):
        with pytest.raises(SecurityError):
            verify_package(data, [awarding.public])
    with pytest.raises(SecurityError, match=r"^package\.not_a_package$") as caught:
        read_header(b"PK\x03\x04 a zip file, long enough")
    assert sentence(caught.value) == "This file is not a bank package (its opening marker is wrong)."


def test_unreadable_header(awarding: PrivateIdentity) -> None:
    def with_header(header: bytes) -> bytes:
        return PACKAGE_MAGIC + b"\x01" + struct.pack(">I", len(header)) + header + b"\x00\x40" + bytes(64)

    with pytest.raises(SecurityError, match=r"^package\.header_unreadable$") as caught:
        read_header(with_header(b"{nope"))
    assert sentence(caught.value) == "The bank package header is not readable; it was altered or damaged."
    with pytest.raises(SecurityError, match=r"^package\.header_field_twice key=format$"):
        read_header(with_header(b'{"format":"a","format":"b"}'))
    with pytest.raises(SecurityError, match=r"^package\.header_format\b") as caught:
        read_header(with_header(b'{"format":"something-else"}'))
    assert "header does not say format '1x-kiosk-bank/1'" in sentence(caught.value)
    partial = canonical_json({"format": "1x-kiosk-bank/1", "bank_id": "x"})
    with pytest.raises(SecurityError, match=r"^package\.header_field_damaged field=certificate$") as caught:
        read_header(with_header(partial))
    assert sentence(caught.value) == "The bank package header field 'certificate' is missing or damaged."


@pytest.mark.parametrize(("change", "name"), [({"grade": "2"}, "grade"), ({"cipher": "AES"}, "cipher")])
def test_damaged_header_fields(
    package: bytes, awarding: PrivateIdentity, change: dict[str, object], name: str
) -> None:
    fields, ciphertext = split(package)
    with pytest.raises(SecurityError, match=r"^package\.header_field_damaged\b") as caught:
        read_header(assemble({**fields, **change}, ciphertext, awarding))
    assert caught.value.params == {"field": name}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"grade": "II"}, "'grade' must be a int"),
        ({"version": True}, "'version' must be a int"),
        ({"bank_id": None}, "'bank_id' must be a str"),
        ({"signer_key_id": "x"}, r"\['signer_key_id'\] are added by build_package itself"),
    ],
)
def test_build_checks_header_fields(
    awarding: PrivateIdentity, change: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_package({**FIELDS, **change}, b"x", awarding, CODE, kdf=TEST_RELEASE_KDF)


def test_build_refuses_an_empty_release_code(awarding: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^package\.release_code_empty$"):
        build_package(FIELDS, b"x", awarding, "--", kdf=TEST_RELEASE_KDF)


def test_two_builds_of_the_same_bank_differ(awarding: PrivateIdentity) -> None:
    first, second = build(awarding), build(awarding)
    assert split(first)[1] != split(second)[1]


# A signed header is checked value by value before anything uses it: an awarding key that signs nonsense
# (by mistake or because it was stolen) must not turn a bank id into a path or a count into a crash.


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"bank_id": "../../x"}, "bank_id"),
        ({"bank_id": "..\\..\\x"}, "bank_id"),
        ({"bank_id": "/etc/passwd"}, "bank_id"),
        ({"bank_id": "Maintenance-2"}, "bank_id"),
        ({"bank_id": ""}, "bank_id"),
        ({"bank_id": "-maintenance"}, "bank_id"),
        ({"bank_id": "m" * 64}, "bank_id"),
        ({"bank_id": "maintenance-2\n"}, "bank_id"),
        ({"certificate": "../maintenance"}, "certificate"),
        ({"grade": 0}, "grade"),
        ({"grade": 4}, "grade"),
        ({"version": 0}, "version"),
        ({"version": -3}, "version"),
        ({"version": 1_000_000}, "version"),
        ({"version": 10**30}, "version"),
        ({"item_count": -1}, "item_count"),
        ({"item_count": 10**9}, "item_count"),
        ({"form_items": -1}, "form_items"),
        ({"form_items": "40"}, "form_items"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 10**6}, "duration_minutes"),
        ({"title": "T" * 501}, "title"),
    ],
)
def test_header_values_out_of_range_are_refused_before_use(
    package: bytes, awarding: PrivateIdentity, change: dict[str, object], name: str
) -> None:
    fields, ciphertext = split(package)
    forged = assemble({**fields, **change}, ciphertext, awarding)
    for reader in (read_header, lambda data: verify_package(data, [awarding.public])):
        with pytest.raises(SecurityError, match=r"^package\.header_value_refused\b") as caught:
            reader(forged)
        assert caught.value.params["field"] == name
    with pytest.raises(ValueError, match=f"header field '{name}' is out of range"):
        build_package({**FIELDS, **change}, b"x", awarding, CODE, kdf=TEST_RELEASE_KDF)


def test_a_refused_value_is_named_and_cut_short(package: bytes, awarding: PrivateIdentity) -> None:
    fields, ciphertext = split(package)
    with pytest.raises(SecurityError, match=r"^package\.header_value_refused\b") as caught:
        read_header(assemble({**fields, "bank_id": "../../x"}, ciphertext, awarding))
    assert caught.value.params == {"field": "bank_id", "value": "../../x"}
    assert sentence(caught.value) == (
        "The bank package header field 'bank_id' holds a value no kiosk accepts (../../x); refuse the "
        "package and ask the awarding body for a new one."
    )
    with pytest.raises(SecurityError, match=r"^package\.header_value_refused\b") as caught:
        read_header(assemble({**fields, "bank_id": "../" * 30}, ciphertext, awarding))
    assert caught.value.params["value"] == ("../" * 30)[:40] + "..."
    with pytest.raises(SecurityError, match=r"^package\.header_value_refused\b") as caught:
        read_header(assemble({**fields, "version": 10**30}, ciphertext, awarding))
    assert caught.value.params == {"field": "version", "value": str(10**30)}


@pytest.mark.parametrize(
    "change",
    [
        {"grade": 1},
        {"grade": 3},
        {"version": 999_999},
        {"item_count": 0},
        {"bank_id": "a"},
        {"bank_id": "x" * 63},
        {"form_items": 10_000, "duration_minutes": 1440},
    ],
)
def test_header_values_at_the_bounds_are_accepted(
    awarding: PrivateIdentity, change: dict[str, object]
) -> None:
    header = read_header(build(awarding, **change))
    assert {name: header.fields[name] for name in change} == change
