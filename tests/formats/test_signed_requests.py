"""Requests signed by a kiosk (a subset of RFC 9421): what is covered and what is refused."""

from __future__ import annotations

import base64
import hashlib

import pytest

from kiosk.domain.errors import SecurityError
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.formats.signed_requests import (
    content_digest,
    digest_matches,
    read_signature,
    sign_request,
    signature_base,
    verify_request,
)

KIOSK = generate_identity(KeyKind.KIOSK, "K1")
BODY = b"bundle bytes"
PATH = "/v1/bundles/K1-000001"


def signed(**changes: str) -> dict[str, str]:
    digest = content_digest(BODY)
    return sign_request(KIOSK, "K1", "PUT", PATH, digest, 1_750_000_000, nonce="n" * 32) | changes


def test_the_digest_is_rfc_9530_sha_256() -> None:
    expected = base64.b64encode(hashlib.sha256(BODY).digest()).decode()
    assert content_digest(BODY) == f"sha-256=:{expected}:"
    assert digest_matches(content_digest(BODY), BODY)
    assert not digest_matches(content_digest(BODY), BODY + b"!")
    assert not digest_matches(None, BODY)


def test_the_headers_and_base_follow_rfc_9421() -> None:
    headers = signed()
    assert headers["Signature-Input"] == (
        'kiosk=("@method" "@path" "content-digest");created=1750000000;keyid="K1";'
        f'nonce="{"n" * 32}";tag="1x-kiosk-request"'
    )
    assert headers["Signature"].startswith("kiosk=:") and headers["Signature"].endswith(":")
    base = signature_base(
        "PUT", PATH, content_digest(BODY), headers["Signature-Input"].removeprefix("kiosk=")
    )
    assert base.decode().splitlines() == [
        '"@method": PUT',
        f'"@path": {PATH}',
        f'"content-digest": {content_digest(BODY)}',
        '"@signature-params": ' + headers["Signature-Input"].removeprefix("kiosk="),
    ]


def test_a_signed_request_verifies_with_the_kiosk_key() -> None:
    headers = signed()
    claims = read_signature(headers["Signature-Input"], headers["Signature"])
    assert (claims.kiosk_id, claims.created, claims.nonce) == ("K1", 1_750_000_000, "n" * 32)
    verify_request(claims, KIOSK.public, "PUT", PATH, content_digest(BODY))


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("GET", PATH, BODY), ("PUT", "/v1/bundles/K1-000002", BODY), ("PUT", PATH, b"other bytes")],
)
def test_a_signature_covers_method_path_and_digest(method: str, path: str, body: bytes) -> None:
    headers = signed()
    claims = read_signature(headers["Signature-Input"], headers["Signature"])
    with pytest.raises(SecurityError) as caught:
        verify_request(claims, KIOSK.public, method, path, content_digest(body))
    assert (caught.value.code, caught.value.params) == ("request_signature.invalid", {"kiosk_id": "K1"})


def test_another_key_does_not_verify() -> None:
    headers = signed()
    claims = read_signature(headers["Signature-Input"], headers["Signature"])
    with pytest.raises(SecurityError, match=r"^request_signature\.invalid\b"):
        verify_request(
            claims, generate_identity(KeyKind.KIOSK, "K1").public, "PUT", PATH, content_digest(BODY)
        )


def test_a_changed_parameter_breaks_the_signature() -> None:
    headers = signed()
    later = headers["Signature-Input"].replace("created=1750000000", "created=1750000600")
    claims = read_signature(later, headers["Signature"])
    with pytest.raises(SecurityError, match=r"^request_signature\.invalid\b"):
        verify_request(claims, KIOSK.public, "PUT", PATH, content_digest(BODY))


def test_missing_and_malformed_headers_are_refused() -> None:
    headers = signed()
    with pytest.raises(SecurityError, match=r"^request_signature\.missing$"):
        read_signature(None, headers["Signature"])
    with pytest.raises(SecurityError) as caught:
        read_signature(headers["Signature-Input"].replace("kiosk=", "sig1="), headers["Signature"])
    assert caught.value.params == {"header": "Signature-Input"}
    with pytest.raises(SecurityError) as caught:
        read_signature(headers["Signature-Input"], "kiosk=:AAAA:")
    assert caught.value.params == {"header": "Signature"}
