"""Scheduled sittings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.station.storage.records import SittingRecord
from kiosk.station.storage.tables import SittingRow


def _record(row: SittingRow) -> SittingRecord:
    return SittingRecord(
        id=row.id,
        name=row.name,
        bank_id=row.bank_id,
        bank_version=row.bank_version,
        scheduled_on=row.scheduled_on,
        state=row.state,
        show_score_on_receipt=row.show_score_on_receipt,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
    )


def add_sitting(
    session: Session, name: str, bank_id: str, scheduled_on: date, state: str, show_score: bool, now: datetime
) -> SittingRecord:
    row = SittingRow(
        name=name,
        bank_id=bank_id,
        bank_version=None,
        scheduled_on=scheduled_on,
        state=state,
        show_score_on_receipt=show_score,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return _record(row)


def get_sitting(session: Session, sitting_id: int) -> SittingRecord | None:
    row = session.get(SittingRow, sitting_id)
    return None if row is None else _record(row)


def list_sittings(session: Session, on_date: date | None = None) -> list[SittingRecord]:
    """Sittings in date order (then creation order), optionally only those on ``on_date``."""
    query = select(SittingRow).order_by(SittingRow.scheduled_on, SittingRow.id)
    if on_date is not None:
        query = query.where(SittingRow.scheduled_on == on_date)
    return [_record(row) for row in session.execute(query).scalars()]


def mark_opened(session: Session, sitting_id: int, state: str, bank_version: int, now: datetime) -> None:
    """Open the sitting, pinning the bank version its attempts use; keeps the first opening time."""
    row = session.get(SittingRow, sitting_id)
    if row is None:
        raise LookupError(sitting_id)
    row.state = state
    row.bank_version = bank_version
    if row.opened_at is None:
        row.opened_at = now
    session.flush()


def mark_closed(session: Session, sitting_id: int, state: str, now: datetime) -> None:
    session.execute(update(SittingRow).where(SittingRow.id == sitting_id).values(state=state, closed_at=now))
