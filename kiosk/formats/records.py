"""Small signed records (receipts, result slips) as compact tokens that fit a QR code.

A token is unpadded RFC 4648 base32 (upper-case letters and 2-7, which QR codes store in their dense
alphanumeric mode) of::

    u8 format  u16 body length  body  signature

``body`` is canonical JSON ``{"k": signer key id, "p": purpose, "r": record}``; the signature covers
``purpose_label("record-" + purpose) + body``, so a token made for one purpose never verifies as another.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Sequence
from typing import Any

from kiosk.domain.errors import SecurityError
from kiosk.domain.journal import CODE_ALPHABET
from kiosk.formats.encoding import ByteReader, canonical_json, parse_json_object, purpose_label
from kiosk.formats.keys import PrivateIdentity, PublicIdentity, find_key, verify_signature

__all__ = ["canonical_json", "check_code", "read_check_code", "sign_record", "verify_record"]

_FORMAT = 1
_SIGNATURE_LENGTH = 64
_TOKEN = re.compile(r"[A-Z2-7]+")
CHECK_CODE_SYMBOLS = 16
"""A check code's symbols (80 bits), printed in four groups of four: 19 characters with the dashes."""
_CHECK_LABEL = b"onex-kiosk/record-check-code/v1\x00"
_SEPARATORS = re.compile(r"[\s\-]+")


def _label(purpose: str) -> bytes:
    return purpose_label(f"record-{purpose}")


def sign_record(identity: PrivateIdentity, purpose: str, record: dict[str, object]) -> str:
    """Sign ``record`` for ``purpose`` (lower-case words and dashes, e.g. ``result-slip``)."""
    label = _label(purpose)
    body = canonical_json({"k": identity.key_id, "p": purpose, "r": record})
    if len(body) > 0xFFFF:
        raise ValueError("record too large for a token")
    packed = bytes([_FORMAT]) + struct.pack(">H", len(body)) + body + identity.sign(label, body)
    return base64.b32encode(packed).decode("ascii").rstrip("=")


def verify_record(token: str, purpose: str, trusted: Sequence[PublicIdentity]) -> dict[str, object]:
    """Return the record if ``token`` was signed by a trusted key for ``purpose``; else SecurityError."""
    malformed = SecurityError("record.unreadable")
    text = re.sub(r"\s+", "", token).upper()
    if not _TOKEN.fullmatch(text):
        raise malformed
    try:
        packed = base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        raise malformed from None
    reader = ByteReader(packed, "record.unreadable")
    try:
        if reader.u8("format") != _FORMAT:
            raise malformed
        body = reader.take(reader.u16("length"), "record")
        signature = reader.rest()
        fields: dict[str, Any] = parse_json_object(body, "record.unreadable", "record.unreadable")
    except SecurityError:
        raise malformed from None
    signer_id, token_purpose, record = fields.get("k"), fields.get("p"), fields.get("r")
    if (
        len(signature) != _SIGNATURE_LENGTH
        or not isinstance(signer_id, str)
        or not isinstance(token_purpose, str)
        or not isinstance(record, dict)
    ):
        raise malformed
    signer = find_key(signer_id, trusted)
    if signer is None:
        raise SecurityError("record.unknown_signer", key_id=signer_id)
    try:
        label = _label(token_purpose)
        verify_signature(signer, label, body, signature)
    except (SecurityError, ValueError):
        raise SecurityError("record.altered") from None
    if token_purpose != purpose:
        raise SecurityError("record.wrong_purpose", found=token_purpose, expected=purpose)
    return record


def check_code(token: str) -> str:
    """The short code a person can type to check a signed record at its signer, e.g. ``7KQ4-M2XD-9PHA-3RTW``.

    It is derived from the whole token, signature included, so only the signer could have made a record
    with that code; the signer keeps the token under its check code and looks it up when it is typed. The QR
    code carries the token itself, which anyone holding the public key checks offline.
    """
    digest = int.from_bytes(hashlib.sha256(_CHECK_LABEL + token.encode("ascii")).digest()[:10], "big")
    symbols = []
    for _ in range(CHECK_CODE_SYMBOLS):
        digest, index = divmod(digest, len(CODE_ALPHABET))
        symbols.append(CODE_ALPHABET[index])
    return "-".join("".join(symbols[start : start + 4]) for start in range(0, CHECK_CODE_SYMBOLS, 4))


def read_check_code(text: str) -> str | None:
    """``text`` as a check code in its printed form, if it is one (spaces, dashes and case do not matter)."""
    plain = _SEPARATORS.sub("", text).upper()
    if len(plain) != CHECK_CODE_SYMBOLS or any(symbol not in CODE_ALPHABET for symbol in plain):
        return None
    return "-".join(plain[start : start + 4] for start in range(0, CHECK_CODE_SYMBOLS, 4))
