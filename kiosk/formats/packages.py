"""Signed, encrypted bank packages: the payload stays sealed until the exam-day release code is typed.

Layout (everything after the signature is ciphertext)::

    b"1XBANK\\x00"  u8 format  u32 header length  header  u16 signature length  signature  ciphertext

The header is canonical JSON signed by the awarding body over ``PACKAGE_HEADER_LABEL + header``. It
names the ciphertext's length and SHA-256, so :func:`verify_package` catches any changed or missing byte
without a release code. The payload is AES-256-GCM under a random content key, with associated data
bound to the header (the SHA-256 of every header field except the two ciphertext digests, which cannot
exist before encryption). The content key is wrapped (AES-256-GCM) under a key derived from the release
code with Argon2id; the release code is the only way in.

Unlock budget: release code to first question must stay under 2 s on a 4 GB lab PC. Argon2id with
64 MiB, 3 passes and 4 lanes takes about 0.1 s on a current 2-core machine; allow for an old PC ten
times slower and it still leaves the rest of the budget for decrypting and loading the bank.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import (
    ByteReader,
    b64decode,
    b64encode,
    canonical_json,
    has_ambiguous_characters,
    normalise_code,
    parse_json_object,
    purpose_label,
    random_code,
)
from kiosk.formats.keys import PrivateIdentity, PublicIdentity, find_key, verify_signature

PACKAGE_MAGIC = b"1XBANK\x00"
PACKAGE_FORMAT_VERSION = 1
PACKAGE_FORMAT = "1x-kiosk-bank/1"

PACKAGE_HEADER_LABEL = purpose_label("bank-header")
PAYLOAD_AAD_LABEL = purpose_label("bank-payload")
RELEASE_KDF_LABEL = purpose_label("bank-release-code")
RELEASE_WRAP_LABEL = purpose_label("bank-release-wrap")

RELEASE_KDF_MEMORY_KIB = 64 * 1024
RELEASE_KDF_ITERATIONS = 3
RELEASE_KDF_LANES = 4
# Ceilings for parameters read from a package, so a damaged header cannot ask for gigabytes.
_MAX_KDF_MEMORY_KIB = 1024 * 1024
_MAX_KDF_ITERATIONS = 64
_MAX_KDF_LANES = 16
# The error code for a header value that is not the base64 it should be (with the value's ``field``).
_NOT_BASE64 = "package.value_not_base64"

_SIGNATURE_LENGTH = 64
_NONCE_LENGTH = 12
_KEY_LENGTH = 32
_DIGEST_FIELDS = ("ciphertext_length", "ciphertext_sha256")
_REQUIRED_FIELDS: Mapping[str, type] = {
    "bank_id": str,
    "certificate": str,
    "grade": int,
    "version": int,
    "item_count": int,
    "title": str,
}
_ADDED_FIELDS = ("format", "signer_key_id", "created", "cipher", "release", *_DIGEST_FIELDS)
# What a signed header may say, checked before any of it is used: the bank id and certificate become file
# names, and the numbers are stored and counted with.
BANK_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
MAX_VERSION = 1_000_000
MAX_COUNT = 10_000
MAX_DURATION_MINUTES = 24 * 60
MAX_TITLE_LENGTH = 500
_NUMBER_BOUNDS: Mapping[str, tuple[int, int]] = {
    "grade": (1, 3),
    "version": (1, MAX_VERSION - 1),
    "item_count": (0, MAX_COUNT),
    "form_items": (0, MAX_COUNT),
    "duration_minutes": (1, MAX_DURATION_MINUTES),
}


@dataclass(frozen=True)
class ReleaseKdf:
    """Argon2id cost for turning a release code into a key; recorded in every package header."""

    memory_kib: int = RELEASE_KDF_MEMORY_KIB
    iterations: int = RELEASE_KDF_ITERATIONS
    lanes: int = RELEASE_KDF_LANES

    def derive(self, code: str, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt,
            length=_KEY_LENGTH,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(RELEASE_KDF_LABEL + code.encode("utf-8"))


STANDARD_RELEASE_KDF = ReleaseKdf()
# Cheap parameters for test suites only: a package built with them is as weak as its release code.
TEST_RELEASE_KDF = ReleaseKdf(memory_kib=64, iterations=1, lanes=1)


@dataclass(frozen=True)
class PackageHeader:
    """The parsed header of a bank package; ``raw`` is the exact signed bytes, ``fields`` all of it."""

    bank_id: str
    certificate: str
    grade: int
    version: int
    item_count: int
    title: str
    signer_key_id: str
    created: str
    raw: bytes = field(repr=False)
    fields: dict[str, Any] = field(repr=False, compare=False)


def new_release_code() -> str:
    """A fresh release code such as ``K7QF-M2XD-9PHA`` (12 unambiguous characters, about 59 bits)."""
    return random_code(3, 4)


def normalise_release_code(code: str) -> str:
    """The canonical form of a typed release code: case, spaces and dashes do not matter."""
    normalised = normalise_code(code)
    if not normalised:
        raise SecurityError("package.release_code_empty")
    return normalised


def build_package(
    header_fields: dict[str, object],
    payload: bytes,
    signer: PrivateIdentity,
    release_code: str,
    *,
    kdf: ReleaseKdf = STANDARD_RELEASE_KDF,
) -> bytes:
    """Encrypt ``payload`` and sign its header; see the module docstring for what goes where."""
    for name, kind in _REQUIRED_FIELDS.items():
        value = header_fields.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ValueError(f"header field {name!r} must be a {kind.__name__}, not {value!r}")
    reserved = sorted(set(header_fields) & set(_ADDED_FIELDS))
    if reserved:
        raise ValueError(f"header fields {reserved} are added by build_package itself")
    refused = refused_header_value(header_fields)
    if refused is not None:
        raise ValueError(f"header field {refused!r} is out of range: {header_fields[refused]!r}")

    content_key = AESGCM.generate_key(bit_length=256)
    salt = os.urandom(16)
    release_nonce = os.urandom(_NONCE_LENGTH)
    kek = kdf.derive(normalise_release_code(release_code), salt)
    payload_nonce = os.urandom(_NONCE_LENGTH)
    core: dict[str, object] = {
        **header_fields,
        "format": PACKAGE_FORMAT,
        "signer_key_id": signer.key_id,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cipher": {"algorithm": "AES-256-GCM", "nonce": b64encode(payload_nonce)},
        "release": {
            "kdf": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": b64encode(salt),
            "nonce": b64encode(release_nonce),
            "wrapped_key": b64encode(AESGCM(kek).encrypt(release_nonce, content_key, RELEASE_WRAP_LABEL)),
        },
    }
    ciphertext = AESGCM(content_key).encrypt(payload_nonce, payload, _payload_aad(core))
    header = canonical_json(
        {
            **core,
            "ciphertext_length": len(ciphertext),
            "ciphertext_sha256": hashlib.sha256(ciphertext).hexdigest(),
        }
    )
    signature = signer.sign(PACKAGE_HEADER_LABEL, header)
    return b"".join(
        [
            PACKAGE_MAGIC,
            bytes([PACKAGE_FORMAT_VERSION]),
            struct.pack(">I", len(header)),
            header,
            struct.pack(">H", len(signature)),
            signature,
            ciphertext,
        ]
    )


def _payload_aad(fields: Mapping[str, object]) -> bytes:
    core = {name: value for name, value in fields.items() if name not in _DIGEST_FIELDS}
    return hashlib.sha256(PAYLOAD_AAD_LABEL + canonical_json(core)).digest()


@dataclass(frozen=True)
class _Parsed:
    header: PackageHeader
    signature: bytes
    ciphertext: bytes


def _parse(data: bytes) -> _Parsed:
    reader = ByteReader(data, "package.truncated")
    if reader.take(len(PACKAGE_MAGIC), "opening marker") != PACKAGE_MAGIC:
        raise SecurityError("package.not_a_package")
    version = reader.u8("format number")
    if version != PACKAGE_FORMAT_VERSION:
        raise SecurityError("package.format_unknown", found=version, known=PACKAGE_FORMAT_VERSION)
    raw = reader.take(reader.u32("header length"), "header")
    signature = reader.take(reader.u16("signature length"), "signature")
    if len(signature) != _SIGNATURE_LENGTH:
        raise SecurityError("package.signature_length")
    return _Parsed(_header_from_raw(raw), signature, reader.rest())


def _header_from_raw(raw: bytes) -> PackageHeader:
    fields = parse_json_object(raw, "package.header_unreadable", "package.header_field_twice")
    if fields.get("format") != PACKAGE_FORMAT:
        raise SecurityError("package.header_format", expected=PACKAGE_FORMAT)
    expected: dict[str, type] = {**_REQUIRED_FIELDS, "signer_key_id": str, "created": str}
    for name, kind in {**expected, "ciphertext_length": int, "ciphertext_sha256": str}.items():
        value = fields.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise SecurityError("package.header_field_damaged", field=name)
    for name in ("cipher", "release"):
        if not isinstance(fields.get(name), dict):
            raise SecurityError("package.header_field_damaged", field=name)
    refused = refused_header_value(fields)
    if refused is not None:
        raise SecurityError("package.header_value_refused", field=refused, value=_shown(fields[refused]))
    return PackageHeader(**{name: fields[name] for name in expected}, raw=raw, fields=fields)


def refused_header_value(fields: Mapping[str, object]) -> str | None:
    """The first header field whose value a kiosk must not use, or None when every value is in range.

    The bank id and certificate must be short lower-case names (they become file names), the grade 1 to 3,
    the version a positive number below :data:`MAX_VERSION`, and the counts whole numbers within bounds.
    The optional counts (``form_items``, ``duration_minutes``) are checked when present.
    """
    for name in ("bank_id", "certificate"):
        value = fields.get(name)
        if not isinstance(value, str) or not BANK_ID.fullmatch(value):
            return name
    for name, (lowest, highest) in _NUMBER_BOUNDS.items():
        if name not in fields and name not in _REQUIRED_FIELDS:
            continue
        value = fields.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not lowest <= value <= highest:
            return name
    title = fields.get("title")
    if not isinstance(title, str) or len(title) > MAX_TITLE_LENGTH:
        return "title"
    return None


def _shown(value: object) -> str:
    """A header value as a short text for a message: long values are cut, so a hostile one stays legible."""
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= 40 else f"{text[:40]}..."


def read_header(data: bytes) -> PackageHeader:
    """Parse a package's header without checking its signature (for showing what a file claims to be)."""
    return _parse(data).header


def _verify(data: bytes, trusted: Sequence[PublicIdentity]) -> _Parsed:
    parsed = _parse(data)
    header = parsed.header
    signer = find_key(header.signer_key_id, trusted)
    if signer is None:
        raise SecurityError("package.unknown_signer", key_id=header.signer_key_id)
    try:
        verify_signature(signer, PACKAGE_HEADER_LABEL, header.raw, parsed.signature)
    except SecurityError:
        raise SecurityError("package.signature_mismatch", signer=signer.name) from None
    expected_length = header.fields["ciphertext_length"]
    if len(parsed.ciphertext) != expected_length:
        raise SecurityError("package.content_length", length=len(parsed.ciphertext), expected=expected_length)
    digest = hashlib.sha256(parsed.ciphertext).hexdigest()
    if not hmac.compare_digest(digest, header.fields["ciphertext_sha256"]):
        raise SecurityError("package.content_digest")
    return parsed


def verify_package(data: bytes, trusted: Sequence[PublicIdentity]) -> PackageHeader:
    """Check structure, signer, signature and content digest; return the header or raise SecurityError."""
    return _verify(data, trusted).header


def open_package(
    data: bytes, trusted: Sequence[PublicIdentity], release_code: str
) -> tuple[PackageHeader, bytes]:
    """Verify, then unlock with the release code; the plaintext is returned in memory only."""
    parsed = _verify(data, trusted)
    release = parsed.header.fields["release"]
    code = normalise_release_code(release_code)
    kdf = _release_kdf(release)
    kek = kdf.derive(code, b64decode(release.get("salt"), _NOT_BASE64, field="release.salt"))
    try:
        content_key = AESGCM(kek).decrypt(
            b64decode(release.get("nonce"), _NOT_BASE64, field="release.nonce"),
            b64decode(release.get("wrapped_key"), _NOT_BASE64, field="release.wrapped_key"),
            RELEASE_WRAP_LABEL,
        )
    except (InvalidTag, ValueError):
        if has_ambiguous_characters(code):
            raise SecurityError("package.release_code_wrong_ambiguous") from None
        raise SecurityError("package.release_code_wrong") from None
    return parsed.header, _decrypt_payload(parsed, content_key)


def _release_kdf(release: Mapping[str, Any]) -> ReleaseKdf:
    ceilings = {"memory_kib": _MAX_KDF_MEMORY_KIB, "iterations": _MAX_KDF_ITERATIONS, "lanes": _MAX_KDF_LANES}
    numbers: list[int] = []
    for name, ceiling in ceilings.items():
        value = release.get(name)
        if release.get("kdf") != "argon2id" or not isinstance(value, int) or not 1 <= value <= ceiling:
            raise SecurityError("package.release_settings_unusable", setting=name)
        numbers.append(value)
    memory_kib, iterations, lanes = numbers
    if memory_kib < 8 * lanes:  # Argon2's own minimum
        raise SecurityError("package.release_settings_unusable", setting="memory_kib")
    return ReleaseKdf(memory_kib, iterations, lanes)


def _decrypt_payload(parsed: _Parsed, content_key: bytes) -> bytes:
    cipher = parsed.header.fields["cipher"]
    if cipher.get("algorithm") != "AES-256-GCM" or len(content_key) != _KEY_LENGTH:
        raise SecurityError("package.cipher_unknown")
    try:
        return AESGCM(content_key).decrypt(
            b64decode(cipher.get("nonce"), _NOT_BASE64, field="cipher.nonce"),
            parsed.ciphertext,
            _payload_aad(parsed.header.fields),
        )
    except (InvalidTag, ValueError):
        raise SecurityError("package.content_undecryptable") from None
