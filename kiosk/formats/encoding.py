"""Byte-level helpers the security formats share: canonical JSON, base64, purpose labels, codes, parsing."""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
import struct
import unicodedata
from typing import Any

from kiosk.domain.errors import SecurityError

# Characters people can read aloud and type without confusing them: no 0/O, 1/I/L.
UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

_PURPOSE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
# Everything an invigilator might type between groups: spaces, tabs, ASCII and typographic dashes,
# underscores and the ideographic space of a Chinese input method.
_CODE_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015\u2212\u3000]+")


def canonical_json(obj: object) -> bytes:
    """Encode ``obj`` the one way this project signs and hashes JSON: sorted keys, compact, UTF-8."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def parse_json_object(data: bytes, unreadable: str, twice: str, /, **params: object) -> dict[str, Any]:
    """Decode canonical JSON bytes into a dict, or raise a SecurityError with the caller's error codes.

    ``unreadable`` is the code for bytes that are not one JSON object, ``twice`` the code for a field named
    twice (it gets the field as ``key``); ``params`` go with either. Duplicate keys are refused so that
    what a verifier reads is exactly what the signer meant.
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise SecurityError(twice, key=key, **params)
            result[key] = value
        return result

    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicates)
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad UTF-8, bad JSON and a number too long for Python to read (over 4,300 digits).
        raise SecurityError(unreadable, **params) from exc
    if not isinstance(value, dict):
        raise SecurityError(unreadable, **params)
    return value


def purpose_label(purpose: str) -> bytes:
    """The domain-separation prefix for one purpose, e.g. ``b"1x-kiosk/bank-header/v1\\x00"``.

    The terminating NUL (which never occurs inside a label) makes label + data unambiguous.
    """
    if not _PURPOSE.fullmatch(purpose):
        raise ValueError(f"purpose {purpose!r} must be lower-case letters, digits and dashes")
    return b"1x-kiosk/" + purpose.encode("ascii") + b"/v1\x00"


def check_label(label: bytes) -> None:
    """Refuse a label that is not one NUL-terminated prefix (a programming error, not a user one)."""
    if not label.startswith(b"1x-kiosk/") or not label.endswith(b"\x00") or label.count(b"\x00") != 1:
        raise ValueError(f"label {label!r} must look like b'1x-kiosk/<purpose>/v1\\x00'")


def b64encode(data: bytes) -> str:
    """URL-safe base64 without padding, for binary values inside JSON."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: object, code: str, /, **params: object) -> bytes:
    """Decode :func:`b64encode` output strictly; anything else raises SecurityError(``code``, ``params``)."""
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise SecurityError(code, **params)
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise SecurityError(code, **params) from exc


def random_code(groups: int, group_length: int) -> str:
    """A random code from :data:`UNAMBIGUOUS_ALPHABET` in dash-separated groups, e.g. ``K7QF-M2XD``."""
    chars = [secrets.choice(UNAMBIGUOUS_ALPHABET) for _ in range(groups * group_length)]
    return "-".join("".join(chars[i : i + group_length]) for i in range(0, len(chars), group_length))


def normalise_code(code: str) -> str:
    """Upper-case a typed code and drop spaces and dashes; full-width IME characters become ASCII."""
    return _CODE_SEPARATORS.sub("", unicodedata.normalize("NFKC", code)).upper()


def has_ambiguous_characters(normalised: str) -> bool:
    """True when a normalised code holds a character our generated codes never contain (0, O, 1, I, L...)."""
    return any(char not in UNAMBIGUOUS_ALPHABET for char in normalised)


class ByteReader:
    """Reads a length-prefixed binary layout, turning every overrun into one SecurityError.

    The error has the code ``truncated`` and the ``params`` given here, plus ``part``: the name of the
    part the data ended inside (such as ``header length``).
    """

    def __init__(self, data: bytes, truncated: str, /, **params: object) -> None:
        self.data = data
        self.truncated = truncated
        self.params = params
        self.position = 0

    def take(self, count: int, part: str) -> bytes:
        end = self.position + count
        if end > len(self.data):
            raise SecurityError(self.truncated, part=part, **self.params)
        chunk = self.data[self.position : end]
        self.position = end
        return chunk

    def u8(self, part: str) -> int:
        return self.take(1, part)[0]

    def u16(self, part: str) -> int:
        value: int = struct.unpack(">H", self.take(2, part))[0]
        return value

    def u32(self, part: str) -> int:
        value: int = struct.unpack(">I", self.take(4, part))[0]
        return value

    def rest(self) -> bytes:
        chunk = self.data[self.position :]
        self.position = len(self.data)
        return chunk
