"""The kiosk's outbox: every result bundle it has made, numbering them and chaining each to the last.

Each bundle gets the next per-kiosk sequence number and carries the SHA-256 of the bundle before it, so
the registry can tell a missing or replaced bundle. The table is part of the kiosk store's versioned schema
(``kiosk.station.storage.migrations``, version 3).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from kiosk.station.storage.tables import OutboxBundleRow


@dataclass(frozen=True, slots=True)
class OutboxBundle:
    bundle_id: str
    sequence: int
    digest: str
    previous_hash: str
    attempt_ids: tuple[str, ...]
    created_at: datetime
    written_to: str | None
    written_at: datetime | None


def _table() -> Table:
    table: Table = OutboxBundleRow.__table__  # type: ignore[assignment]
    return table


def _bundle(row: OutboxBundleRow) -> OutboxBundle:
    return OutboxBundle(
        bundle_id=row.bundle_id,
        sequence=row.sequence,
        digest=row.digest,
        previous_hash=row.previous_hash,
        attempt_ids=tuple(json.loads(row.attempt_ids_json)),
        created_at=row.created_at,
        written_to=row.written_to,
        written_at=row.written_at,
    )


def last_bundle(session: Session) -> OutboxBundle | None:
    """The bundle with the highest sequence number, if any."""
    row = session.scalars(select(OutboxBundleRow).order_by(OutboxBundleRow.sequence.desc()).limit(1)).first()
    return None if row is None else _bundle(row)


def find_bundle(session: Session, bundle_id: str) -> OutboxBundle | None:
    row = session.get(OutboxBundleRow, bundle_id)
    return None if row is None else _bundle(row)


def list_bundles(session: Session) -> list[OutboxBundle]:
    """Every bundle made so far, by sequence number."""
    return [
        _bundle(row) for row in session.scalars(select(OutboxBundleRow).order_by(OutboxBundleRow.sequence))
    ]


def add_bundle(
    session: Session,
    bundle_id: str,
    sequence: int,
    digest: str,
    previous_hash: str,
    attempt_ids: Sequence[str],
    now: datetime,
) -> None:
    session.add(
        OutboxBundleRow(
            bundle_id=bundle_id,
            sequence=sequence,
            digest=digest,
            previous_hash=previous_hash,
            attempt_ids_json=json.dumps(list(attempt_ids)),
            created_at=now,
        )
    )
    session.flush()


def mark_written(session: Session, bundle_id: str, path: str, now: datetime) -> None:
    """Note where the bundle was written and read back intact."""
    session.execute(
        update(OutboxBundleRow)
        .where(OutboxBundleRow.bundle_id == bundle_id)
        .values(written_to=path, written_at=now)
    )


def forget_bundle(session: Session, bundle_id: str) -> None:
    """Take back a bundle that never reached a file, so its number is used again by the next export."""
    session.execute(_table().delete().where(_table().c.bundle_id == bundle_id))
