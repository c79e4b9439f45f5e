"""Bank packages as files: what a package's header says about its bank, and reading, verifying and
opening a package file into a Bank in memory (the decrypted content never touches the disk)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.domain.errors import BankError, SecurityError
from kiosk.domain.items import Bank
from kiosk.formats.bank_payload import bank_from_payload
from kiosk.formats.keys import PublicIdentity, load_public
from kiosk.formats.packages import (
    BANK_ID,
    MAX_VERSION,
    PackageHeader,
    open_package,
    read_header,
    verify_package,
)

PACKAGE_SUFFIX = ".1xbank"


def package_header_fields(bank: Bank) -> dict[str, object]:
    """What the signed header says about a bank, readable without the release code."""
    return {
        "bank_id": bank.bank_id,
        "certificate": bank.certificate.value,
        "grade": bank.grade,
        "version": bank.version,
        "item_count": len(bank.items),
        "form_items": bank.blueprint.item_count,
        "duration_minutes": bank.blueprint.duration_minutes,
        "title": bank.title.en,
        "languages": list(bank.languages),
    }


def package_file_name(header: PackageHeader) -> str:
    """The file name an installed package is kept under, ``<bank id>-v<version>.1xbank``.

    A header was checked when it was read; this checks the two values that make the name once more, right
    where the name is built, so no header can name a file outside the folder it is written to.
    """
    version = header.version
    if not BANK_ID.fullmatch(header.bank_id) or not isinstance(version, int) or not 0 < version < MAX_VERSION:
        raise SecurityError("package.file_name_refused", bank=header.bank_id, version=str(version))
    return f"{header.bank_id}-v{version}{PACKAGE_SUFFIX}"


def read_package_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise BankError("package.file_missing", path=path) from error
    except OSError as error:
        raise BankError("package.file_unreadable", path=path, reason=error.strerror or str(error)) from error


def inspect_package(path: Path) -> PackageHeader:
    """The signed header of a package, read without checking or decrypting anything."""
    return read_header(read_package_file(path))


def verify_package_file(path: Path, trusted: Sequence[Path]) -> PackageHeader:
    """Check a package's structure and signature against trusted awarding-body public keys."""
    return verify_package(read_package_file(path), [load_public(key) for key in trusted])


def open_bank_package(data: bytes, trusted: Sequence[PublicIdentity], release_code: str) -> Bank:
    """Verify, decrypt and load a package into a Bank in memory; nothing is written to disk."""
    header, payload = open_package(data, trusted, release_code)
    bank = bank_from_payload(payload)
    if bank.bank_id != header.bank_id or bank.version != header.version:
        raise BankError(
            "package.content_mismatch",
            bank=header.bank_id,
            version=header.version,
            content_bank=bank.bank_id,
            content_version=bank.version,
        )
    return bank
