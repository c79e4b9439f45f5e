"""The registry's TLS certificate, and the signed link file telling a kiosk where the registry is.

The registry serves HTTPS with a self-signed certificate it makes for itself: kiosks sit on private
networks and mobile routers, where no public certificate authority can vouch for a name. A kiosk instead
*pins* the certificate: it accepts a server only when the SHA-256 of the certificate's DER bytes (its
fingerprint, 64 lower-case hex digits) is the one it was given.

The fingerprint reaches the kiosk in a *link file* (``<name>.1xlink``): a comment line for people, then
one signed record token (:mod:`kiosk.formats.records`, purpose ``registry-link``) holding the registry's
URL (``https://host:port``) and the fingerprint, signed with the registry's own Ed25519 key. The kiosk
already trusts that key (its ``trust/registry.pub``, which bundles are encrypted to), so the link can
travel by USB or e-mail like a receipt and nothing has to be compared by eye.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.domain.errors import InputError, SecurityError
from kiosk.formats.keys import PrivateIdentity, PublicIdentity
from kiosk.formats.records import sign_record, verify_record
from kiosk.support.files import PRIVATE, SHARED, write_file

CERTIFICATE_FILE = "registry-tls.crt"
CERTIFICATE_KEY_FILE = "registry-tls.key"
LINK_SUFFIX = ".1xlink"
LINK_PURPOSE = "registry-link"
# Pinned, not checked against a date by kiosks; long enough that it never needs renewing in service.
CERTIFICATE_YEARS = 25

_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")

# Each refusal of a signed record, and its twin that names the link file the record is in.
_IN_LINK = {
    "record.unreadable": "link.not_a_link",
    "record.unknown_signer": "link.unknown_signer",
    "record.altered": "link.altered",
    "record.wrong_purpose": "link.wrong_purpose",
}


@dataclass(frozen=True, slots=True)
class TlsFiles:
    """The registry's certificate and its private key on disk, and the certificate's fingerprint."""

    certificate: Path
    key: Path
    fingerprint: str


@dataclass(frozen=True, slots=True)
class RegistryLink:
    """What a verified link file says: where the registry answers and which certificate is its own."""

    url: str
    host: str
    port: int
    fingerprint: str
    registry_key_id: str


def der_fingerprint(der: bytes) -> str:
    """The fingerprint of a certificate given as DER bytes (what a TLS connection reports)."""
    return hashlib.sha256(der).hexdigest()


def make_certificate(common_name: str, now: datetime) -> tuple[bytes, bytes]:
    """A fresh self-signed certificate and its private key (ECDSA P-256), both PEM: ``(certificate, key)``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return certificate.public_bytes(serialization.Encoding.PEM), key_pem


def certificate_fingerprint(path: Path) -> str:
    """The fingerprint of the PEM certificate in the file ``path``."""
    try:
        certificate = x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError):
        raise SecurityError("tls.certificate_unreadable", path=path) from None
    return der_fingerprint(certificate.public_bytes(serialization.Encoding.DER))


def ensure_certificate(folder: Path, common_name: str, now: datetime) -> TlsFiles:
    """The certificate and key in ``folder``, made there first if neither exists yet.

    The key is written owner-only before the certificate (readable by all), each whole or not at all, so
    a certificate on disk always has its key. One file without the other is refused, never replaced:
    kiosks have pinned the old certificate, and a new one must be handed to them on purpose.
    """
    certificate, key = folder / CERTIFICATE_FILE, folder / CERTIFICATE_KEY_FILE
    present = [path.exists() for path in (certificate, key)]
    if all(present):
        return TlsFiles(certificate, key, certificate_fingerprint(certificate))
    if any(present):
        missing = key.name if present[0] else certificate.name
        raise SecurityError("tls.files_incomplete", folder=folder, missing=missing)
    certificate_pem, key_pem = make_certificate(common_name, now)
    write_file(key, key_pem, PRIVATE)
    write_file(certificate, certificate_pem, SHARED)
    return TlsFiles(certificate, key, certificate_fingerprint(certificate))


def split_url(url: str) -> tuple[str, int]:
    """The host and port of a registry URL ``https://host[:port]`` (port 443 when not given)."""
    try:
        parts = urlsplit(url)
        port = parts.port or 443
    except ValueError:
        raise InputError("link.url_invalid", url=url) from None
    host = parts.hostname or ""
    if (
        parts.scheme != "https"
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
        or not (_is_ip(host) or _HOST.fullmatch(host))
    ):
        raise InputError("link.url_invalid", url=url)
    return host, port


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def link_text(identity: PrivateIdentity, url: str, fingerprint: str) -> str:
    """The link file's text: the registry at ``url`` serving the certificate with ``fingerprint``."""
    host, port = split_url(url)
    if not _FINGERPRINT.fullmatch(fingerprint):
        raise ValueError("a certificate fingerprint is 64 lower-case hex digits")
    shown = f"https://[{host}]:{port}" if ":" in host else f"https://{host}:{port}"
    record: dict[str, object] = {"url": shown, "tls_sha256": fingerprint, "registry": identity.key_id}
    comment = f"# 1+X registry link: {shown}, certificate SHA-256 {fingerprint}. Copy it to each kiosk."
    return f"{comment}\n{sign_record(identity, LINK_PURPOSE, record)}\n"


def write_link(identity: PrivateIdentity, url: str, fingerprint: str, path: Path) -> Path:
    """Write the link file to ``path`` (whole or not at all; readable by all: it holds nothing secret)."""
    write_file(path, link_text(identity, url, fingerprint).encode("ascii"), SHARED)
    return path


def read_link(path: Path, trusted: Sequence[PublicIdentity]) -> RegistryLink:
    """Read a link file and verify it was signed by one of the ``trusted`` registry keys."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("link.file_missing", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise InputError("link.file_unreadable", path=path, reason=reason) from None
    tokens = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if len(tokens) != 1:
        raise SecurityError("link.not_a_link", path=path)
    try:
        record = verify_record(tokens[0], LINK_PURPOSE, trusted)
    except SecurityError as error:
        raise SecurityError(_IN_LINK.get(error.code, error.code), path=path, **error.params) from None
    url, fingerprint, key_id = record.get("url"), record.get("tls_sha256"), record.get("registry")
    if not (
        isinstance(url, str)
        and isinstance(fingerprint, str)
        and isinstance(key_id, str)
        and _FINGERPRINT.fullmatch(fingerprint)
    ):
        raise SecurityError("link.not_a_link", path=path)
    try:
        host, port = split_url(url)
    except InputError:
        raise SecurityError("link.not_a_link", path=path) from None
    return RegistryLink(url, host, port, fingerprint, key_id)
