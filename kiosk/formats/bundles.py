"""Result bundles: signed by the kiosk, then encrypted to the registry, so results survive USB and e-mail.

Layout::

    b"1XRSLT\\x00"  u8 format  u32 header length  header  sealed

The header is plain canonical JSON (format, bundle_id, kiosk_id, sequence, recipient key id, HPKE
suite) so a registry can sort and deduplicate files before decrypting. ``sealed`` is the single-shot
HPKE output: the 32-byte encapsulated key followed by the AEAD ciphertext. The HPKE ``info`` is
``BUNDLE_SEAL_LABEL`` plus every byte before ``sealed``, so the outer header cannot be changed without
decryption failing. (The encapsulated key lives at the start of ``sealed`` rather than in the header
because the header must be fixed before HPKE runs; HPKE authenticates it through the key schedule.)

Inside: ``u32 length, signed, signature`` where ``signed`` is canonical JSON of the caller's fields plus
``recipient`` and ``kiosk_key_id``, and the signature is the kiosk's Ed25519 signature over
``BUNDLE_SIGNATURE_LABEL + signed``. The registry checks every outer field against its signed twin.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import (
    ByteReader,
    canonical_json,
    parse_json_object,
    parse_json_outline,
    purpose_label,
)
from kiosk.formats.keys import PrivateIdentity, PublicIdentity, verify_signature

BUNDLE_MAGIC = b"1XRSLT\x00"
BUNDLE_FORMAT_VERSION = 1
BUNDLE_FORMAT = "1x-kiosk-result/1"
BUNDLE_SIGNATURE_LABEL = purpose_label("result-bundle")
BUNDLE_SEAL_LABEL = purpose_label("result-bundle-seal")
HPKE_SUITE_NAME = "X25519-HKDF-SHA256-AES-256-GCM"

_HPKE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
_ENCAPSULATED_KEY_LENGTH = 32
_TAG_LENGTH = 16
_SIGNATURE_LENGTH = 64
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class BundleHeader:
    """The unencrypted outer header: enough to file and deduplicate a bundle before opening it."""

    bundle_id: str
    kiosk_id: str
    sequence: int
    recipient_key_id: str
    raw: bytes = field(repr=False)


def bundle_digest(data: bytes) -> str:
    """SHA-256 hex of a bundle's exact bytes: the next bundle's ``previous_hash`` and the dedupe key."""
    return hashlib.sha256(data).hexdigest()


def _check_inner(inner: Mapping[str, object]) -> None:
    for name in ("bundle_id", "kiosk_id"):
        value = inner.get(name)
        if not isinstance(value, str) or not value:
            raise ValueError(f"bundle field {name!r} must be a non-empty string, not {value!r}")
    sequence = inner.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
        raise ValueError(f"bundle field 'sequence' must be a whole number >= 0, not {sequence!r}")
    previous = inner.get("previous_hash")
    if not isinstance(previous, str) or (previous and not _HEX_DIGEST.fullmatch(previous)):
        raise ValueError(f"bundle field 'previous_hash' must be '' or a sha256 hex digest, not {previous!r}")


def seal_bundle(inner: dict[str, object], kiosk: PrivateIdentity, registry: PublicIdentity) -> bytes:
    """Sign ``inner`` with the kiosk key and encrypt it to the registry; returns the bundle file bytes."""
    _check_inner(inner)
    reserved = sorted({"recipient", "kiosk_key_id"} & set(inner))
    if reserved:
        raise ValueError(f"bundle fields {reserved} are added by seal_bundle itself")
    signed = canonical_json({**inner, "recipient": registry.key_id, "kiosk_key_id": kiosk.key_id})
    outer = {"bundle_id": inner["bundle_id"], "kiosk_id": inner["kiosk_id"], "sequence": inner["sequence"]}
    return _seal(outer, signed, kiosk.sign(BUNDLE_SIGNATURE_LABEL, signed), registry)


def _seal(outer: Mapping[str, object], signed: bytes, signature: bytes, registry: PublicIdentity) -> bytes:
    """Encrypt already-signed contents under an outer header (split out so tests can forge mismatches)."""
    header = canonical_json(
        {**outer, "format": BUNDLE_FORMAT, "recipient": registry.key_id, "hpke": HPKE_SUITE_NAME}
    )
    prefix = BUNDLE_MAGIC + bytes([BUNDLE_FORMAT_VERSION]) + struct.pack(">I", len(header)) + header
    plaintext = struct.pack(">I", len(signed)) + signed + signature
    recipient_key = X25519PublicKey.from_public_bytes(registry.agreement)
    return prefix + _HPKE.encrypt(plaintext, recipient_key, info=BUNDLE_SEAL_LABEL + prefix)


def _parse_outer(data: bytes) -> tuple[BundleHeader, bytes, bytes]:
    """Return the header, the bytes it covers (the HPKE info) and the sealed remainder."""
    reader = ByteReader(data, "bundle.truncated")
    if reader.take(len(BUNDLE_MAGIC), "opening marker") != BUNDLE_MAGIC:
        raise SecurityError("bundle.not_a_bundle")
    version = reader.u8("format number")
    if version != BUNDLE_FORMAT_VERSION:
        raise SecurityError("bundle.format_unknown", found=version, known=BUNDLE_FORMAT_VERSION)
    raw = reader.take(reader.u32("header length"), "header")
    fields = parse_json_object(raw, "bundle.header_unreadable", "bundle.header_field_twice")
    if fields.get("format") != BUNDLE_FORMAT or fields.get("hpke") != HPKE_SUITE_NAME:
        raise SecurityError("bundle.header_format", expected=BUNDLE_FORMAT)
    for name, kind in (("bundle_id", str), ("kiosk_id", str), ("sequence", int), ("recipient", str)):
        value = fields.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise SecurityError("bundle.header_field_damaged", field=name)
    header = BundleHeader(
        bundle_id=fields["bundle_id"],
        kiosk_id=fields["kiosk_id"],
        sequence=fields["sequence"],
        recipient_key_id=fields["recipient"],
        raw=raw,
    )
    sealed = reader.rest()
    if len(sealed) < _ENCAPSULATED_KEY_LENGTH + _TAG_LENGTH:
        raise SecurityError("bundle.sealed_truncated", bundle_id=header.bundle_id)
    return header, data[: reader.position - len(sealed)], sealed


def read_bundle_header(data: bytes) -> BundleHeader:
    """Parse the outer header without decrypting (no authenticity: the registry still opens the bundle)."""
    return _parse_outer(data)[0]


def open_bundle(
    data: bytes, registry: PrivateIdentity, kiosks: Mapping[str, PublicIdentity]
) -> dict[str, object]:
    """Decrypt, check the kiosk's signature and the outer header, and return the signed fields.

    ``kiosks`` maps each enrolled kiosk id to its public identity. The signed JSON is read once, in outline
    (:func:`~kiosk.formats.encoding.parse_json_outline`): the objects two levels down, such as each attempt
    in ``attempts``, know where their members lie in the signed text, so an attempt's record can be
    digested and kept from the bytes the kiosk signed rather than encoded again. The two halves,
    :func:`unseal_bundle` and :func:`read_unsealed`, may run in different processes: only the first needs
    the registry's private key.
    """
    return read_unsealed(unseal_bundle(data, registry), kiosks)


@dataclass(frozen=True, slots=True)
class Unsealed:
    """A bundle decrypted with the registry's key, its signature not yet checked (:func:`read_unsealed`)."""

    header: BundleHeader
    recipient: str
    """The key id of the registry that decrypted it."""
    signed: bytes
    signature: bytes


def unseal_bundle(data: bytes, registry: PrivateIdentity) -> Unsealed:
    """Decrypt a bundle addressed to ``registry``; SecurityError for one addressed elsewhere or damaged."""
    header, prefix, sealed = _parse_outer(data)
    if header.recipient_key_id != registry.key_id:
        raise SecurityError(
            "bundle.wrong_registry",
            bundle_id=header.bundle_id,
            addressed=header.recipient_key_id,
            ours=registry.key_id,
        )
    try:
        plaintext = _HPKE.decrypt(sealed, registry.agreement_key, info=BUNDLE_SEAL_LABEL + prefix)
    except (InvalidTag, ValueError):
        raise SecurityError("bundle.undecryptable", bundle_id=header.bundle_id) from None
    reader = ByteReader(plaintext, "bundle.contents_truncated", bundle_id=header.bundle_id)
    signed = reader.take(reader.u32("signed part length"), "signed part")
    signature = reader.rest()
    if len(signature) != _SIGNATURE_LENGTH:
        raise SecurityError("bundle.signature_damaged", bundle_id=header.bundle_id)
    return Unsealed(header, registry.key_id, signed, signature)


def read_unsealed(unsealed: Unsealed, kiosks: Mapping[str, PublicIdentity]) -> dict[str, object]:
    """The signed fields of a decrypted bundle, once the kiosk's signature and the outer header check out."""
    header = unsealed.header
    inner = parse_json_outline(
        unsealed.signed,
        "bundle.signed_unreadable",
        "bundle.signed_field_twice",
        depth=2,
        bundle_id=header.bundle_id,
    )
    kiosk = _enrolled_kiosk(inner, kiosks, header.bundle_id)
    try:
        verify_signature(kiosk, BUNDLE_SIGNATURE_LABEL, unsealed.signed, unsealed.signature)
    except SecurityError:
        raise SecurityError(
            "bundle.signature_mismatch", bundle_id=header.bundle_id, kiosk=kiosk.name
        ) from None
    _check_signed(inner, unsealed.recipient, header)
    return inner


RESTORED_MARK = ".R"
"""Between a kiosk's enrolled id and the tag a restore gives it: ``3F9A12BC.R7Q2A`` (see
:mod:`kiosk.station.services.recovery`)."""


def enrolled_kiosk_id(kiosk_id: str) -> str:
    """The enrolled kiosk a (possibly restored) kiosk id belongs to: its own id, or the one it was
    restored from. A restored kiosk signs with the enrolled kiosk's key and numbers its bundles in a chain
    of its own."""
    return kiosk_id.split(RESTORED_MARK, 1)[0]


def _enrolled_kiosk(
    inner: Mapping[str, Any], kiosks: Mapping[str, PublicIdentity], bundle_id: str
) -> PublicIdentity:
    kiosk_id = inner.get("kiosk_id")
    if not isinstance(kiosk_id, str):
        raise SecurityError("bundle.kiosk_unnamed", bundle_id=bundle_id)
    kiosk = kiosks.get(enrolled_kiosk_id(kiosk_id))
    if kiosk is None:
        raise SecurityError("bundle.kiosk_not_enrolled", bundle_id=bundle_id, kiosk_id=kiosk_id)
    if inner.get("kiosk_key_id") != kiosk.key_id:
        raise SecurityError(
            "bundle.kiosk_key_changed",
            bundle_id=bundle_id,
            kiosk_id=kiosk_id,
            signed_key=str(inner.get("kiosk_key_id")),
            enrolled_key=kiosk.key_id,
        )
    return kiosk


def _check_signed(inner: Mapping[str, Any], recipient: str, header: BundleHeader) -> None:
    if inner.get("recipient") != recipient:
        raise SecurityError(
            "bundle.readdressed",
            bundle_id=header.bundle_id,
            signed_for=str(inner.get("recipient")),
            ours=recipient,
        )
    outer = {
        "bundle_id": header.bundle_id,
        "kiosk_id": header.kiosk_id,
        "sequence": header.sequence,
        "recipient": header.recipient_key_id,
    }
    for name, value in outer.items():
        if value != inner.get(name):
            raise SecurityError(
                "bundle.outer_mismatch",
                bundle_id=header.bundle_id,
                field=name,
                outer=repr(value),
                signed=repr(inner.get(name)),
            )
    try:
        _check_inner(inner)
    except ValueError:
        raise SecurityError("bundle.signed_malformed", bundle_id=header.bundle_id) from None
