"""This kiosk's identity row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.station.storage.records import KioskRecord
from kiosk.station.storage.tables import KioskRow

_ROW_ID = 1


def get_kiosk(session: Session) -> KioskRecord | None:
    """The kiosk's identity, or None before ``kiosk init``."""
    row = session.get(KioskRow, _ROW_ID)
    if row is None:
        return None
    return KioskRecord(row.kiosk_id, row.centre_name, row.kiosk_name, row.key_file, row.created_at)


def create_kiosk(
    session: Session, kiosk_id: str, centre_name: str, kiosk_name: str, key_file: str, now: datetime
) -> KioskRecord:
    """Record the kiosk's identity (there is only ever one)."""
    row = KioskRow(
        id=_ROW_ID,
        kiosk_id=kiosk_id,
        centre_name=centre_name,
        kiosk_name=kiosk_name,
        key_file=key_file,
        attempt_counter=0,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return KioskRecord(kiosk_id, centre_name, kiosk_name, key_file, now)


def rename_kiosk(session: Session, kiosk_id: str, key_file: str) -> None:
    """Give the kiosk a new id (after a restore) and the key file its identity is now read from."""
    session.execute(
        update(KioskRow).where(KioskRow.id == _ROW_ID).values(kiosk_id=kiosk_id, key_file=key_file)
    )


def recovery_code_hash(session: Session) -> str | None:
    """The hash of the centre's recovery code; None before one was issued (or before ``kiosk init``)."""
    row = session.get(KioskRow, _ROW_ID)
    return None if row is None else row.recovery_code_hash


def set_recovery_code_hash(session: Session, code_hash: str) -> None:
    """Keep the hash of a new recovery code; the one before it stops working."""
    session.execute(update(KioskRow).where(KioskRow.id == _ROW_ID).values(recovery_code_hash=code_hash))


def next_attempt_number(session: Session) -> int:
    """Count one more attempt on this kiosk and return its number (1, 2, ...)."""
    session.execute(
        update(KioskRow).where(KioskRow.id == _ROW_ID).values(attempt_counter=KioskRow.attempt_counter + 1)
    )
    return int(session.execute(select(KioskRow.attempt_counter).where(KioskRow.id == _ROW_ID)).scalar_one())
