"""Secrets at rest: PINs and access codes are stored only as salted Argon2id hashes, never in clear.

Encoded hashes use the PHC string format (``$argon2id$v=19$m=...,t=...,p=...$salt$hash``) so the cost
travels with each hash: verification works for any cost, and raising the cost later needs no migration.
The hashed input is ``SECRET_HASH_LABEL + secret`` (UTF-8). Callers normalise typed codes with
:func:`normalise_code` before hashing and before verifying.

Guess rate-limiting belongs to the services that call :func:`verify_secret`; a slow hash only makes
each guess cost something.
"""

from __future__ import annotations

import base64
import binascii
import enum
import os
import re
from secrets import randbelow

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import normalise_code, purpose_label, random_code

__all__ = ["HashCost", "hash_secret", "new_access_code", "new_pin", "normalise_code", "verify_secret"]

SECRET_HASH_LABEL = purpose_label("secret-hash")

_SALT_LENGTH = 16
_HASH_LENGTH = 32
_PHC = re.compile(
    r"\$argon2id\$v=19\$m=(?P<m>[0-9]{1,7}),t=(?P<t>[0-9]{1,2}),p=(?P<p>[0-9]{1,2})"
    r"\$(?P<salt>[A-Za-z0-9+/]{11,64})\$(?P<hash>[A-Za-z0-9+/]{22,88})"
)
# A damaged or hostile row must not make verification allocate gigabytes or spin for minutes.
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_ITERATIONS = 32
_MAX_LANES = 16


class HashCost(enum.Enum):
    """Argon2id cost as (memory KiB, iterations, lanes).

    STANDARD follows the OWASP minimum for Argon2id (19 MiB, 2 passes): about 30 ms per hash on a
    current PC. TEST is for test suites only.
    """

    STANDARD = (19 * 1024, 2, 1)
    TEST = (64, 1, 1)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def hash_secret(secret: str, cost: HashCost = HashCost.STANDARD) -> str:
    """Hash a PIN, access code or password with a fresh salt; the result describes itself."""
    if not secret:
        raise SecurityError("secret.empty")
    memory_kib, iterations, lanes = cost.value
    salt = os.urandom(_SALT_LENGTH)
    digest = Argon2id(
        salt=salt, length=_HASH_LENGTH, iterations=iterations, lanes=lanes, memory_cost=memory_kib
    ).derive(SECRET_HASH_LABEL + secret.encode("utf-8"))
    return f"$argon2id$v=19$m={memory_kib},t={iterations},p={lanes}${_b64(salt)}${_b64(digest)}"


def verify_secret(secret: str, encoded: str) -> bool:
    """True when ``secret`` matches ``encoded`` (compared in constant time); malformed -> SecurityError."""
    match = _PHC.fullmatch(encoded)
    if match is None:
        raise SecurityError("secret.hash_damaged")
    memory_kib, iterations, lanes = int(match["m"]), int(match["t"]), int(match["p"])
    if not (
        1 <= lanes <= _MAX_LANES
        and 8 * lanes <= memory_kib <= _MAX_MEMORY_KIB
        and 1 <= iterations <= _MAX_ITERATIONS
    ):
        raise SecurityError("secret.hash_unusable")
    try:
        salt, expected = _unb64(match["salt"]), _unb64(match["hash"])
    except (binascii.Error, ValueError):
        raise SecurityError("secret.hash_damaged") from None
    if len(salt) < 8 or len(expected) < 16:
        raise SecurityError("secret.hash_damaged")
    kdf = Argon2id(
        salt=salt, length=len(expected), iterations=iterations, lanes=lanes, memory_cost=memory_kib
    )
    try:
        # Argon2id.verify compares in constant time.
        kdf.verify(SECRET_HASH_LABEL + secret.encode("utf-8"), expected)
    except InvalidKey:
        return False
    return True


def new_access_code() -> str:
    """A candidate access code such as ``K7QF-M2XD``: 8 unambiguous characters, about 40 bits."""
    return random_code(2, 4)


def new_pin() -> str:
    """A six-digit invigilator PIN (leading zeros kept)."""
    return f"{randbelow(10**6):06d}"
