"""The kiosk's outbox: every result bundle it has made, numbering them and chaining each to the last.

Each bundle gets the next per-kiosk sequence number and carries the SHA-256 of the bundle before it, so
the registry can tell a missing or replaced bundle. The table is part of the kiosk store's versioned schema
(``kiosk.station.storage.migrations``, version 3).

How far the network sender has got with each bundle (waiting, sending, delivered, failed; its last error
as a code and parameters, and when it tries again) is kept beside the store in a small JSON file, written
whole on each change (:func:`write_delivery`). It is a record of the transport, not of the results: what
the registry holds is what its receipts say, applied to the attempts in the store. Losing the file costs
at most one upload again, which the registry answers with the same receipt.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from kiosk.station.storage.tables import OutboxBundleRow
from kiosk.support.files import PRIVATE, PRIVATE_FOLDER, write_file
from kiosk.support.locks import try_lock, unlock

DELIVERY_FORMAT = 1


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
    data: bytes | None = None,
) -> None:
    """Record a bundle made (and its sealed bytes) before its file is written."""
    session.add(
        OutboxBundleRow(
            bundle_id=bundle_id,
            sequence=sequence,
            digest=digest,
            previous_hash=previous_hash,
            attempt_ids_json=json.dumps(list(attempt_ids)),
            created_at=now,
            data=data,
        )
    )
    session.flush()


def bundle_data(session: Session, bundle_id: str) -> bytes | None:
    """The sealed bytes of a recorded bundle (None for bundles recorded before they were kept)."""
    row = session.get(OutboxBundleRow, bundle_id)
    return None if row is None else row.data


def unwritten_bundles(session: Session) -> list[OutboxBundle]:
    """Bundles recorded but never written to a file, by sequence number: the kiosk stopped in between."""
    rows = session.scalars(
        select(OutboxBundleRow).where(OutboxBundleRow.written_to.is_(None)).order_by(OutboxBundleRow.sequence)
    )
    return [_bundle(row) for row in rows]


def mark_written(session: Session, bundle_id: str, path: str, now: datetime) -> None:
    """Note where the bundle was written and read back intact."""
    session.execute(
        update(OutboxBundleRow)
        .where(OutboxBundleRow.bundle_id == bundle_id)
        .values(written_to=path, written_at=now)
    )


def restart_outbox(session: Session) -> None:
    """Forget every bundle recorded (a restored kiosk numbers its bundles afresh under its new id)."""
    session.execute(_table().delete())


def forget_bundle(session: Session, bundle_id: str) -> None:
    """Take back a bundle that never reached a file, so its number is used again by the next export."""
    session.execute(_table().delete().where(_table().c.bundle_id == bundle_id))


# Delivery over the network -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeliveryState:
    """The network sender's record of one bundle.

    ``status`` is ``waiting``, ``sending``, ``delivered`` or ``failed``; ``tries`` counts uploads tried;
    ``error_code`` and ``error_params`` are the last failure's (None and empty once delivered);
    ``next_try_at`` is when a failed bundle is tried again; ``receipt_at`` when its receipt was applied.
    """

    status: str = "waiting"
    tries: int = 0
    error_code: str | None = None
    error_params: Mapping[str, object] = field(default_factory=dict)
    last_try_at: datetime | None = None
    next_try_at: datetime | None = None
    receipt_at: datetime | None = None


def _when(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _state(fields: Mapping[str, Any]) -> DeliveryState:
    params = fields.get("error_params")
    code = fields.get("error_code")
    return DeliveryState(
        status=str(fields.get("status", "waiting")),
        tries=int(fields.get("tries", 0)),
        error_code=code if isinstance(code, str) else None,
        error_params=dict(params) if isinstance(params, dict) else {},
        last_try_at=_when(fields.get("last_try_at")),
        next_try_at=_when(fields.get("next_try_at")),
        receipt_at=_when(fields.get("receipt_at")),
    )


def read_delivery(path: Path) -> dict[str, DeliveryState]:
    """The delivery state of each bundle, by id; empty when the file is missing or not readable.

    A damaged file is read as empty rather than refused: every bundle without a receipt is then simply
    sent again, and the next write replaces the file.
    """
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
        bundles = fields["bundles"] if fields.get("format") == DELIVERY_FORMAT else {}
        return {str(bundle_id): _state(state) for bundle_id, state in bundles.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _plain(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def write_delivery(path: Path, states: Mapping[str, DeliveryState]) -> None:
    """Write every bundle's delivery state to ``path``, whole or not at all (owner-only)."""
    bundles = {
        bundle_id: {
            "status": state.status,
            "tries": state.tries,
            "error_code": state.error_code,
            "error_params": {name: _plain(value) for name, value in state.error_params.items()},
            "last_try_at": None if state.last_try_at is None else state.last_try_at.isoformat(),
            "next_try_at": None if state.next_try_at is None else state.next_try_at.isoformat(),
            "receipt_at": None if state.receipt_at is None else state.receipt_at.isoformat(),
        }
        for bundle_id, state in sorted(states.items())
    }
    text = json.dumps({"format": DELIVERY_FORMAT, "bundles": bundles}, indent=1, ensure_ascii=False)
    write_file(path, text.encode("utf-8"), PRIVATE)


@contextlib.contextmanager
def sender_lock(path: Path) -> Iterator[bool]:
    """Hold the lock file ``path`` while sending: yields False at once when another process holds it.

    The console and a ``sync --watch`` may run side by side; one sender at a time keeps their delivery
    records from overwriting each other. The operating system drops the lock when its process ends.
    """
    path.parent.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE)
    try:
        if not try_lock(descriptor):
            yield False
            return
        try:
            yield True
        finally:
            unlock(descriptor)
    finally:
        os.close(descriptor)
