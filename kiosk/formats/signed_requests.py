"""Requests a kiosk signs for the registry's HTTPS service: a small subset of HTTP Message Signatures.

Every request carries ``Content-Digest`` (RFC 9530, ``sha-256``; of the empty body for a GET) and two
headers of RFC 9421 in exactly this form::

    Signature-Input: kiosk=("@method" "@path" "content-digest");created=1718000000;keyid="K1";
        nonce="<22 to 64 URL-safe characters>";tag="1x-kiosk-request"      (one line)
    Signature: kiosk=:<base64 of the 64-byte Ed25519 signature>:

The signature base is RFC 9421's: one line per covered component (``"@method": PUT``, ``"@path": /v1/…``,
``"content-digest": sha-256=:…:``) and then ``"@signature-params": (…);created=…``, joined by newlines.
The one departure from the RFC: as with every signature in this product, Ed25519 signs a purpose label
first (``purpose_label("http-request")`` + base), so a request signature can never pass for a bundle's or
a receipt's. ``keyid`` is the kiosk id; the registry checks the signature with the key it enrolled for
that kiosk. ``created`` (Unix seconds) bounds how long a captured request could be replayed and ``nonce``
makes each request unique inside that window; the receiver keeps both checks (see the registry service).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
from dataclasses import dataclass

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import purpose_label
from kiosk.formats.keys import PrivateIdentity, PublicIdentity, verify_signature

SIGNATURE_LABEL = "kiosk"
TAG = "1x-kiosk-request"
COMPONENTS = ("@method", "@path", "content-digest")
REQUEST_LABEL = purpose_label("http-request")

_COVERED = "(" + " ".join(f'"{name}"' for name in COMPONENTS) + ")"
_INPUT = re.compile(
    re.escape(f"{SIGNATURE_LABEL}={_COVERED}")
    + r';created=([0-9]{1,12});keyid="([A-Za-z0-9][A-Za-z0-9._-]{0,63})";nonce="([A-Za-z0-9_-]{22,64})"'
    + re.escape(f';tag="{TAG}"')
)
_SIGNATURE = re.compile(re.escape(SIGNATURE_LABEL) + r"=:([A-Za-z0-9+/]{86}==):")
_DIGEST = re.compile(r"sha-256=:([A-Za-z0-9+/]{43}=):")
_PATH = re.compile(r"/[\x21-\x7e]*")


@dataclass(frozen=True, slots=True)
class SignatureClaims:
    """What a request's signature headers say, before the signature is checked."""

    kiosk_id: str
    created: int
    nonce: str
    params: str
    signature: bytes


def content_digest(body: bytes) -> str:
    """The ``Content-Digest`` header value of ``body`` (RFC 9530, sha-256)."""
    return f"sha-256=:{base64.b64encode(hashlib.sha256(body).digest()).decode('ascii')}:"


def digest_matches(header: str | None, body: bytes) -> bool:
    """True when ``header`` is a well-formed sha-256 ``Content-Digest`` of exactly ``body``."""
    return header is not None and _DIGEST.fullmatch(header) is not None and header == content_digest(body)


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def signature_base(method: str, path: str, digest: str, params: str) -> bytes:
    """RFC 9421's signature base for the three covered components and the signature parameters."""
    if not _PATH.fullmatch(path) or not method.isalpha() or "\n" in digest:
        raise ValueError("a request path is printable ASCII starting with '/', a method letters only")
    lines = [
        f'"@method": {method.upper()}',
        f'"@path": {path}',
        f'"content-digest": {digest}',
        f'"@signature-params": {params}',
    ]
    return "\n".join(lines).encode("ascii")


def sign_request(
    identity: PrivateIdentity,
    kiosk_id: str,
    method: str,
    path: str,
    digest: str,
    created: int,
    nonce: str | None = None,
) -> dict[str, str]:
    """The ``Signature-Input`` and ``Signature`` headers for one request."""
    params = f'{_COVERED};created={created};keyid="{kiosk_id}";nonce="{nonce or new_nonce()}";tag="{TAG}"'
    if not _INPUT.fullmatch(f"{SIGNATURE_LABEL}={params}"):
        raise ValueError("kiosk id or nonce cannot be used in a signature")
    signature = identity.sign(REQUEST_LABEL, signature_base(method, path, digest, params))
    return {
        "Signature-Input": f"{SIGNATURE_LABEL}={params}",
        "Signature": f"{SIGNATURE_LABEL}=:{base64.b64encode(signature).decode('ascii')}:",
    }


def read_signature(signature_input: str | None, signature: str | None) -> SignatureClaims:
    """The claims of a request's signature headers; SecurityError when they are missing or malformed."""
    if not signature_input or not signature:
        raise SecurityError("request_signature.missing")
    found = _INPUT.fullmatch(signature_input.strip())
    if found is None:
        raise SecurityError("request_signature.malformed", header="Signature-Input")
    value = _SIGNATURE.fullmatch(signature.strip())
    if value is None:
        raise SecurityError("request_signature.malformed", header="Signature")
    try:
        raw = base64.b64decode(value.group(1), validate=True)
    except (binascii.Error, ValueError):
        raise SecurityError("request_signature.malformed", header="Signature") from None
    params = signature_input.strip().removeprefix(f"{SIGNATURE_LABEL}=")
    return SignatureClaims(found.group(2), int(found.group(1)), found.group(3), params, raw)


def verify_request(
    claims: SignatureClaims, public: PublicIdentity, method: str, path: str, digest: str
) -> None:
    """Check the request's signature against the kiosk's enrolled key; SecurityError when it fails."""
    try:
        base = signature_base(method, path, digest, claims.params)
        verify_signature(public, REQUEST_LABEL, base, claims.signature)
    except (SecurityError, ValueError):
        raise SecurityError("request_signature.invalid", kiosk_id=claims.kiosk_id) from None
