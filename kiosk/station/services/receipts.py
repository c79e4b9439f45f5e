"""Receipts: the registry's signed word that it holds a bundle's attempts, carried back to the kiosk.

A receipt file is text: a comment line for people, then one or more signed record tokens
(:func:`kiosk.formats.records.sign_record`, purpose ``bundle-receipt``), each listing part of the
acknowledged attempt ids, so a bundle of any size gets a receipt whose tokens stay small. The same bundle
always gets the same receipt (Ed25519 signatures are deterministic and no time is included), so a lost
receipt can be issued again by importing the bundle again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.domain.errors import RuleError
from kiosk.formats.receipts import read_receipt
from kiosk.station.services.context import KioskContext
from kiosk.station.services.export import FINISHED, registry_keys
from kiosk.station.services.kiosk_setup import require_kiosk
from kiosk.station.storage.outbox import find_bundle
from kiosk.station.storage.repositories import attempts, audit, delivery


@dataclass(frozen=True, slots=True)
class ReceiptImport:
    """What importing a receipt on the kiosk did."""

    bundle_id: str
    marked: tuple[str, ...]
    already_delivered: tuple[str, ...]
    not_acknowledged: tuple[str, ...]
    """Attempts of the bundle the registry did not acknowledge (held there with other contents)."""


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    """A finished attempt on this kiosk and whether the registry has acknowledged it.

    ``bundle_id`` is the bundle it was last exported in (None if it has not been exported yet).
    """

    attempt_id: str
    candidate_number: str
    candidate_name: str
    candidate_name_zh: str | None
    sitting_name: str
    bank_id: str
    state: str
    finished_at: datetime | None
    delivered: bool
    bundle_id: str | None


def import_receipt(ctx: KioskContext, path: Path, registry_key: Path | None = None) -> ReceiptImport:
    """Verify a registry receipt and mark the attempts it acknowledges as delivered (they stay on the kiosk).

    The receipt must be signed by a registry key in ``trust/`` (or by ``registry_key``), name
    this kiosk, and match a bundle this kiosk exported byte for byte. Importing it again changes nothing.
    """
    receipt = read_receipt(path, registry_keys(ctx, registry_key))
    info = require_kiosk(ctx)
    if receipt.kiosk_id != info.kiosk_id:
        raise RuleError(
            "receipt.other_kiosk", file=path.name, kiosk_id=receipt.kiosk_id, this_kiosk_id=info.kiosk_id
        )
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        bundle = find_bundle(session, receipt.bundle_id)
        if bundle is None or bundle.digest != receipt.digest:
            raise RuleError("receipt.bundle_not_exported", file=path.name, bundle=receipt.bundle_id)
        strangers = sorted(set(receipt.attempt_ids) - set(bundle.attempt_ids))
        if strangers:
            raise RuleError(
                "receipt.attempt_not_in_bundle",
                file=path.name,
                attempt=strangers[0],
                bundle=receipt.bundle_id,
            )
        records = {
            record.id: record
            for record in (attempts.get_attempt(session, attempt_id) for attempt_id in receipt.attempt_ids)
            if record is not None
        }
        fresh = sorted(attempt_id for attempt_id, record in records.items() if not record.delivered)
        already = sorted(attempt_id for attempt_id, record in records.items() if record.delivered)
        if fresh:
            attempts.mark_delivered(session, fresh, receipt.bundle_id)
            audit.add_event(
                session,
                "receipt_imported",
                now,
                detail={"bundle_id": receipt.bundle_id, "attempts": len(fresh)},
            )
    missing = tuple(sorted(set(bundle.attempt_ids) - set(receipt.attempt_ids)))
    return ReceiptImport(receipt.bundle_id, tuple(fresh), tuple(already), missing)


def delivery_status(ctx: KioskContext) -> list[DeliveryRow]:
    """Every finished (submitted or expired) attempt on this kiosk, in the order they finished."""
    with ctx.store.session() as session:
        records = delivery.delivery_records(session, FINISHED)
    return [
        DeliveryRow(
            attempt_id=record.attempt_id,
            candidate_number=record.candidate_number,
            candidate_name=record.candidate_name,
            candidate_name_zh=record.candidate_name_zh,
            sitting_name=record.sitting_name,
            bank_id=record.bank_id,
            state=record.state,
            finished_at=record.finished_at,
            delivered=record.delivered,
            # An export cut short just after its file landed leaves the bundle unmarked as written, yet
            # its receipt can still come back: then the receipted bundle is where the attempt went.
            bundle_id=record.last_written_in or record.receipted_in,
        )
        for record in records
    ]
