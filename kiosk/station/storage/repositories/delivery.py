"""How far each finished attempt has got towards the registry: who sat it, where, and in which bundle."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.station.storage.outbox import list_bundles
from kiosk.station.storage.tables import AttemptRow, CandidateRow, SittingRow


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    """One attempt with its candidate and sitting, and what the outbox and receipts say about it.

    ``receipted_in`` is the bundle whose receipt marked it delivered; ``last_written_in`` the bundle with
    the highest sequence number that carried it and was written out (None for both until it happens).
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
    receipted_in: str | None
    last_written_in: str | None


def delivery_records(session: Session, states: Iterable[str]) -> list[DeliveryRecord]:
    """The attempts in ``states``, in the order they finished (then by candidate number)."""
    query = (
        select(AttemptRow, CandidateRow, SittingRow)
        .join(CandidateRow, CandidateRow.id == AttemptRow.candidate_id)
        .join(SittingRow, SittingRow.id == AttemptRow.sitting_id)
        .where(AttemptRow.state.in_(list(states)))
        .order_by(AttemptRow.finished_at, CandidateRow.candidate_number, AttemptRow.id)
    )
    # A bundle still without a file is an export under way (or one cut short); it has not left the kiosk.
    last_written: dict[str, str] = {}
    for bundle in list_bundles(session):
        if bundle.written_at is not None:
            for attempt_id in bundle.attempt_ids:
                last_written[attempt_id] = bundle.bundle_id
    return [
        DeliveryRecord(
            attempt_id=attempt.id,
            candidate_number=candidate.candidate_number,
            candidate_name=candidate.full_name,
            candidate_name_zh=candidate.name_zh,
            sitting_name=sitting.name,
            bank_id=attempt.bank_id,
            state=attempt.state,
            finished_at=attempt.finished_at,
            delivered=attempt.delivered,
            receipted_in=attempt.bundle_id,
            last_written_in=last_written.get(attempt.id),
        )
        for attempt, candidate, sitting in session.execute(query)
    ]
