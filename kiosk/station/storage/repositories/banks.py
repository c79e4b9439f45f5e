"""Installed bank packages (the files stay encrypted; these rows describe them)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.station.storage.records import BankRecord
from kiosk.station.storage.tables import InstalledBankRow


def _record(row: InstalledBankRow) -> BankRecord:
    return BankRecord(
        bank_id=row.bank_id,
        version=row.version,
        certificate=row.certificate,
        grade=row.grade,
        title=row.title,
        item_count=row.item_count,
        header_json=row.header_json,
        package_file=row.package_file,
        package_sha256=row.package_sha256,
        signer_key_id=row.signer_key_id,
        installed_at=row.installed_at,
    )


def add_bank(session: Session, record: BankRecord) -> None:
    """Record an installed package; the caller has already enforced the version ratchet."""
    session.add(
        InstalledBankRow(
            bank_id=record.bank_id,
            version=record.version,
            certificate=record.certificate,
            grade=record.grade,
            title=record.title,
            item_count=record.item_count,
            header_json=record.header_json,
            package_file=record.package_file,
            package_sha256=record.package_sha256,
            signer_key_id=record.signer_key_id,
            installed_at=record.installed_at,
        )
    )
    session.flush()


def latest_version(session: Session, bank_id: str) -> int | None:
    """The highest installed version of ``bank_id``, or None if none is installed."""
    value = session.execute(
        select(func.max(InstalledBankRow.version)).where(InstalledBankRow.bank_id == bank_id)
    ).scalar_one()
    return None if value is None else int(value)


def get_bank(session: Session, bank_id: str, version: int) -> BankRecord | None:
    row = session.execute(
        select(InstalledBankRow).where(
            InstalledBankRow.bank_id == bank_id, InstalledBankRow.version == version
        )
    ).scalar_one_or_none()
    return None if row is None else _record(row)


def list_banks(session: Session) -> list[BankRecord]:
    """Every installed package, by bank then version."""
    rows = session.execute(
        select(InstalledBankRow).order_by(InstalledBankRow.bank_id, InstalledBankRow.version)
    ).scalars()
    return [_record(row) for row in rows]
