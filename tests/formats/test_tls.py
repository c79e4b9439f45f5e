"""The registry's TLS certificate and the signed link file kiosks pin it from."""

from __future__ import annotations

import ssl
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.domain.errors import InputError, SecurityError
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.formats.receipts import write_receipt
from kiosk.formats.tls import (
    CERTIFICATE_FILE,
    CERTIFICATE_KEY_FILE,
    certificate_fingerprint,
    der_fingerprint,
    ensure_certificate,
    read_link,
    split_url,
    write_link,
)
from kiosk.support.files import PRIVATE, SHARED

NOW = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
REGISTRY = generate_identity(KeyKind.REGISTRY, "registry")
FINGERPRINT = "ab" * 32


def test_the_certificate_is_made_once_and_kept(tmp_path: Path) -> None:
    made = ensure_certificate(tmp_path / "tls", "1x-kiosk registry test", NOW)
    again = ensure_certificate(tmp_path / "tls", "1x-kiosk registry test", NOW)
    assert again == made
    assert len(made.fingerprint) == 64
    assert stat.S_IMODE(made.key.stat().st_mode) == PRIVATE
    assert stat.S_IMODE(made.certificate.stat().st_mode) == SHARED
    # The fingerprint is the SHA-256 of the DER bytes a TLS connection reports.
    der = ssl.PEM_cert_to_DER_cert(made.certificate.read_text())
    assert der_fingerprint(der) == made.fingerprint == certificate_fingerprint(made.certificate)


def test_a_certificate_without_its_key_is_refused_not_replaced(tmp_path: Path) -> None:
    made = ensure_certificate(tmp_path, "registry", NOW)
    made.key.unlink()
    with pytest.raises(SecurityError) as caught:
        ensure_certificate(tmp_path, "registry", NOW)
    assert caught.value.code == "tls.files_incomplete"
    assert caught.value.params == {"folder": tmp_path, "missing": CERTIFICATE_KEY_FILE}
    assert made.certificate.exists()


def test_a_damaged_certificate_is_refused(tmp_path: Path) -> None:
    (tmp_path / CERTIFICATE_FILE).write_text("-----BEGIN CERTIFICATE-----\nnot one\n")
    (tmp_path / CERTIFICATE_KEY_FILE).write_text("x")
    with pytest.raises(SecurityError, match=r"^tls\.certificate_unreadable\b"):
        ensure_certificate(tmp_path, "registry", NOW)


def test_a_link_reads_back_what_the_registry_signed(tmp_path: Path) -> None:
    path = write_link(REGISTRY, "https://10.0.0.5:8443", FINGERPRINT, tmp_path / "registry.1xlink")
    assert path.read_text().startswith("# 1+X registry link: https://10.0.0.5:8443")
    link = read_link(path, [REGISTRY.public])
    assert (link.url, link.host, link.port, link.fingerprint) == (
        "https://10.0.0.5:8443",
        "10.0.0.5",
        8443,
        FINGERPRINT,
    )
    assert link.registry_key_id == REGISTRY.key_id


def test_a_link_without_a_port_means_443_and_ipv6_is_bracketed(tmp_path: Path) -> None:
    assert split_url("https://registry.example.org") == ("registry.example.org", 443)
    path = write_link(REGISTRY, "https://[fd00::5]:9000/", FINGERPRINT, tmp_path / "r.1xlink")
    link = read_link(path, [REGISTRY.public])
    assert (link.url, link.host, link.port) == ("https://[fd00::5]:9000", "fd00::5", 9000)


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5:8443",
        "https://10.0.0.5:8443/v1",
        "https://user@host",
        "https://host:99999",
        "10.0.0.5",
    ],
)
def test_an_address_kiosks_cannot_use_is_refused(url: str) -> None:
    with pytest.raises(InputError) as caught:
        split_url(url)
    assert (caught.value.code, caught.value.params) == ("link.url_invalid", {"url": url})


def test_a_link_signed_by_another_registry_is_refused(tmp_path: Path) -> None:
    other = generate_identity(KeyKind.REGISTRY, "elsewhere")
    path = write_link(other, "https://10.0.0.5:8443", FINGERPRINT, tmp_path / "r.1xlink")
    with pytest.raises(SecurityError) as caught:
        read_link(path, [REGISTRY.public])
    assert caught.value.code == "link.unknown_signer"
    assert caught.value.params == {"path": path, "key_id": other.key_id}


def test_an_altered_link_is_refused(tmp_path: Path) -> None:
    path = write_link(REGISTRY, "https://10.0.0.5:8443", FINGERPRINT, tmp_path / "r.1xlink")
    comment, token = path.read_text().splitlines()
    # A letter of the signature (the token's tail) changed; the record itself still reads.
    flipped = token[:-10] + ("A" if token[-10] != "A" else "B") + token[-9:]
    path.write_text(f"{comment}\n{flipped}\n")
    with pytest.raises(SecurityError) as caught:
        read_link(path, [REGISTRY.public])
    assert (caught.value.code, caught.value.params) == ("link.altered", {"path": path})


def test_a_receipt_is_not_a_link(tmp_path: Path) -> None:
    path = write_receipt(REGISTRY, tmp_path, "K1-000001", "K1", 1, FINGERPRINT, ["A-1"])
    with pytest.raises(SecurityError) as caught:
        read_link(path, [REGISTRY.public])
    assert caught.value.code == "link.wrong_purpose"
    assert caught.value.params["path"] == path


def test_a_missing_link_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_link(tmp_path / "none.1xlink", [REGISTRY.public])
    assert (caught.value.code, caught.value.params) == (
        "link.file_missing",
        {"path": tmp_path / "none.1xlink"},
    )
